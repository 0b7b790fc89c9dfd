"""Which serving member a name in running text refers to."""

from __future__ import annotations

from datetime import date

from tracker.extraction import analyse_article

ON = date(2024, 6, 3)


def _named(text: str, names, on: date | None = ON) -> dict[str, int]:
    return {
        member.bioguide: member.count for member in analyse_article(text, published=on, names=names).members
    }


def test_full_name_with_title_resolves(names) -> None:
    assert _named("Rep. Marcy Kaptur spoke on the floor.", names) == {"K000009": 1}


def test_possessive_surname_counts_after_full_mention(names) -> None:
    text = "Rep. Marcy Kaptur spoke. Kaptur's staff later released the text, and Kaptur said more."
    assert _named(text, names) == {"K000009": 3}


def test_surname_alone_is_ambiguous_when_two_serving_members_share_it(names) -> None:
    assert _named("Kelly said the vote would be close.", names) == {}


def test_title_narrows_a_shared_surname_to_the_chamber(names) -> None:
    # Three Kellys serve; only one is a senator.
    assert _named("Sen. Kelly said the vote would be close.", names) == {"K000377": 1}


def test_surname_after_full_name_resolves_to_that_member(names) -> None:
    text = "Rep. Robin Kelly (D-Ill.) asked for a hearing. Kelly said the agency had stalled."
    assert _named(text, names) == {"K000385": 2}


def test_party_state_tag_picks_between_namesakes(names) -> None:
    # In 2025 two Mike Rogerses serve: the Alabama representative and the Michigan senator.
    on = date(2025, 3, 1)
    assert _named("Mike Rogers (R-Ala.) chairs the committee.", names, on) == {"R000575": 1}
    assert _named("Mike Rogers, R-Mich., joined the Senate in January.", names, on) == {"R000572": 1}
    assert _named("Mike Rogers of Michigan spoke.", names, on) == {"R000572": 1}


def test_comma_party_tag_after_title_and_surname(names) -> None:
    assert _named("Rep. Kaptur, D-Ohio, said the caucus agrees.", names) == {"K000009": 1}


def test_common_word_surname_alone_is_not_a_member(names) -> None:
    text = "Young voters and older ones alike turned out; the King of Spain visited Scott Air Force Base."
    assert _named(text, names) == {}


def test_common_word_surname_with_title_is_a_member(names) -> None:
    assert _named("Sen. Todd Young and Sen. King met on Tuesday.", names) == {"Y000064": 1, "K000383": 1}


def test_member_not_serving_on_the_date_is_not_named(names) -> None:
    # Richard Burr left the Senate in January 2023.
    assert _named("Sen. Richard Burr said the bill was fair.", names, date(2024, 1, 10)) == {}
    assert _named("Sen. Richard Burr said the bill was fair.", names, date(2020, 1, 10)) == {"B001135": 1}


def test_nickname_resolves_to_the_member(names) -> None:
    assert _named("Senate Majority Leader Chuck Schumer scheduled the vote.", names) == {"S000148": 1}


def test_plural_title_carries_to_a_bare_surname_in_the_list(names) -> None:
    assert _named("Reps. Marcy Kaptur and Fitzpatrick wrote the bill.", names) == {"K000009": 1, "F000466": 1}


def test_someone_else_with_a_members_surname_is_not_the_member(names) -> None:
    text = "Mayor Eric Adams spoke. Later, Adams said the city needs help."
    assert _named(text, names) == {}


def test_non_member_office_before_the_name_excludes_it(names) -> None:
    assert _named("Secretary Marco Rubio met with allies.", names, date(2025, 3, 1)) == {}


def test_undated_article_resolves_by_the_members_latest_term(names) -> None:
    assert _named("Sen. Elizabeth Warren, D-MA, wrote the bill.", names, None) == {"W000817": 1}


def test_name_split_across_a_line_break_after_the_title(names) -> None:
    assert _named("In early September, Democratic Sen.\n\nMark Kelly said so.", names) == {"K000377": 1}


def test_undated_article_names_a_departed_member_only_with_a_title(names) -> None:
    # Richard Burr left the Senate in 2023; undated copy is read as of the latest member data.
    assert _named("Richard Burr said the bill was fair.", names, None) == {}
    assert _named("Sen. Richard Burr said the bill was fair.", names, None) == {"B001135": 1}

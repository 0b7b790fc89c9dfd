"""Send dates resolved against the publication date, and signer counts as copy states them."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.counts import find_counts, number_value, referring_total
from tracker.extraction.dates import find_dates


def _first_date(text: str, published: date | None) -> date | None:
    found = find_dates(text, 0, len(text), published)
    return found[0].value if found else None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("sent on Sept.\n\n10 to the White House", date(2024, 9, 13), date(2024, 9, 10)),
        ("sent on September 10, 2024", None, date(2024, 9, 10)),
        ("on Aug. 5, 2023", date(2024, 1, 2), date(2023, 8, 5)),
        ("dated 10 September 2024", None, date(2024, 9, 10)),
        ("sent Dec. 30", date(2024, 1, 4), date(2023, 12, 30)),
        ("on Friday", date(2022, 9, 2), date(2022, 9, 2)),
        ("on Monday", date(2022, 9, 2), date(2022, 8, 29)),
        ("on Sunday", None, None),
        ("Sept. 10", None, None),
        ("Today, the senator", date(2022, 4, 5), date(2022, 4, 5)),
        ("yesterday", date(2022, 4, 5), date(2022, 4, 4)),
        ("on 9/10/2024", None, date(2024, 9, 10)),
        ("on Feb. 30", date(2024, 3, 1), None),
    ],
)
def test_dates_resolve_against_the_publication_date(text: str, published, expected) -> None:
    assert _first_date(text, published) == expected


def test_next_weekday_is_not_a_send_date() -> None:
    assert _first_date("a vote next Tuesday", date(2024, 3, 1)) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("20", 20), ("five", 5), ("twenty-five", 25), ("Twelve", 12), ("two dozen", 24), ("a dozen", 12)],
)
def test_number_words(word: str, value: int) -> None:
    assert number_value(word) == value


def _counts(text: str):
    return find_counts(text, 0, len(text))


def test_party_counts_in_digits_and_words_add_up() -> None:
    counts = _counts("At least 20 House Democrats and five House Republicans signed it.")
    assert counts.party == {"D": 20, "R": 5}
    assert counts.total == 25
    assert counts.minimum is True
    assert counts.chambers == {"house"}


def test_group_of_senators_is_a_total_without_parties() -> None:
    counts = _counts("A group of 12 senators wrote to the agency.")
    assert counts.party == {}
    assert counts.total == 12
    assert counts.chambers == {"senate"}


@pytest.mark.parametrize("phrase", ["nearly 70 lawmakers", "more than 70 lawmakers", "over 70 lawmakers"])
def test_hedged_counts_are_minimums(phrase: str) -> None:
    counts = _counts(f"{phrase} signed the letter")
    assert counts.total == 70
    assert counts.minimum is True


def test_stated_total_wins_over_the_sum_of_parties() -> None:
    counts = _counts("a bipartisan group of 40 lawmakers, including 30 Democrats and 10 Republicans")
    assert counts.total == 40
    assert counts.party == {"D": 30, "R": 10}


def test_votes_are_not_signer_counts() -> None:
    assert _counts("all but two of the 211 Democrats who voted").empty


def test_the_three_colon_introduces_a_list_of_three() -> None:
    assert _counts("The three:\n\nA,\n\nB\n\nC").total == 3


@pytest.mark.parametrize(
    ("phrase", "total"),
    [
        ("the two Ohio senators", 2),
        ("five Texas Republicans signed", 5),
        ("a bipartisan pair of senators", 2),
        ("a trio of House Democrats", 3),
        ("Maine's four-member congressional delegation", 4),
    ],
)
def test_counts_qualified_by_state_or_written_as_a_group(phrase: str, total: int) -> None:
    assert find_counts(phrase, 0, len(phrase)).total == total


@pytest.mark.parametrize(
    ("phrase", "total"),
    [
        ("These four lawmakers have led", 4),
        ('"It must stop," the two wrote.', 2),
        ("the three senators said", 3),
    ],
)
def test_later_sentences_refer_back_to_the_signers_by_number(phrase: str, total: int) -> None:
    assert referring_total(phrase, 0, len(phrase)) == total


def test_other_members_besides_the_named_are_marked() -> None:
    assert find_counts("Sen. A and 27 other Democratic senators", 0, 39).besides_named
    assert not find_counts("a group of 12 senators", 0, 22).besides_named

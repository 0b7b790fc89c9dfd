"""Resolving pasted signer lists to members serving on the letter's date (names core + splitting)."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from letters.signer_lists import resolve_signer_list
from members.name_loading import build_name_index, name_index_changed
from tests.letters.builders import member_with_term, term_add

D2013 = date(2013, 6, 1)
D2024 = date(2024, 9, 10)


@pytest.fixture
def congress():
    """A few real members with their real terms, enough for the ambiguous cases."""
    kaptur = member_with_term(
        bioguide="K000009",
        first="Marcy",
        last="Kaptur",
        state="OH",
        district=9,
        start=date(1983, 1, 3),
        end=None,
    )
    rogers_al = member_with_term(
        bioguide="R000575",
        first="Mike",
        last="Rogers",
        party="R",
        state="AL",
        district=3,
        start=date(2003, 1, 3),
        end=None,
    )
    rogers_mi = member_with_term(
        bioguide="R000572",
        first="Mike",
        last="Rogers",
        party="R",
        state="MI",
        district=8,
        start=date(2001, 1, 3),
        end=date(2015, 1, 3),
    )
    # Mike Rogers of Michigan came back as a senator in 2025.
    term_add(rogers_mi, chamber="senate", state="MI", party="R", start=date(2025, 1, 3), end=None)
    scotts = {
        "tim": member_with_term(
            bioguide="S001184",
            first="Tim",
            last="Scott",
            party="R",
            chamber="senate",
            state="SC",
            district=None,
            start=date(2013, 1, 2),
            end=None,
        ),
        "rick": member_with_term(
            bioguide="S001217",
            first="Rick",
            last="Scott",
            party="R",
            chamber="senate",
            state="FL",
            district=None,
            start=date(2019, 1, 8),
            end=None,
        ),
        "austin": member_with_term(
            bioguide="S001189",
            first="Austin",
            last="Scott",
            party="R",
            state="GA",
            district=8,
            start=date(2011, 1, 3),
            end=None,
        ),
        "david": member_with_term(
            bioguide="S001157",
            first="David",
            last="Scott",
            state="GA",
            district=13,
            start=date(2003, 1, 3),
            end=None,
        ),
        "bobby": member_with_term(
            bioguide="S000185",
            first="Robert",
            middle_name="C.",
            nickname="Bobby",
            last="Scott",
            state="VA",
            district=3,
            start=date(1993, 1, 3),
            end=None,
        ),
    }
    others = {
        "mcgovern": member_with_term(
            bioguide="M000312",
            first="James",
            nickname="Jim",
            last="McGovern",
            state="MA",
            district=2,
            start=date(1997, 1, 3),
            end=None,
        ),
        "schakowsky": member_with_term(
            bioguide="S001145",
            first="Janice",
            nickname="Jan",
            last="Schakowsky",
            state="IL",
            district=9,
            start=date(1999, 1, 3),
            end=None,
        ),
        "kean": member_with_term(
            bioguide="K000398",
            first="Thomas",
            middle_name="H.",
            last="Kean",
            suffix="Jr.",
            party="R",
            state="NJ",
            district=7,
            start=date(2023, 1, 3),
            end=None,
        ),
        "warren": member_with_term(
            bioguide="W000817",
            first="Elizabeth",
            last="Warren",
            chamber="senate",
            state="MA",
            district=None,
            start=date(2013, 1, 3),
            end=None,
        ),
        "sanders": member_with_term(
            bioguide="S000033",
            first="Bernard",
            nickname="Bernie",
            last="Sanders",
            party="I",
            chamber="senate",
            state="VT",
            district=None,
            start=date(2007, 1, 4),
            end=None,
        ),
    }
    name_index_changed()
    return {"kaptur": kaptur, "rogers_al": rogers_al, "rogers_mi": rogers_mi, **scotts, **others}


def resolved(text: str, on: date, **kwargs) -> list[tuple[str, str, str | None]]:
    entries = resolve_signer_list(text, on=on, index=build_name_index(), **kwargs)
    return [(e.as_written, e.status, e.bioguide) for e in entries]


def test_house_block_with_member_of_congress_lines(congress):
    block = """Sincerely,

Marcy Kaptur                          Jim McGovern
Member of Congress                    Member of Congress

Kean Jr., Thomas
Member of Congress
"""
    assert resolved(block, D2024) == [
        ("Marcy Kaptur", "resolved", "K000009"),
        ("Jim McGovern", "resolved", "M000312"),
        ("Kean Jr., Thomas", "resolved", "K000398"),
    ]


def test_press_release_sentence(congress):
    text = (
        "The letter was signed by Reps. Jim McGovern (D-MA), Jan Schakowsky (D-IL) and Marcy Kaptur (D-OH)."
    )
    assert [b for _, _, b in resolved(text, D2024)] == ["M000312", "S001145", "K000009"]


def test_two_mike_rogers_served_together_in_2013(congress):
    entries = resolve_signer_list("Mike Rogers", on=D2013, index=build_name_index())
    assert [(e.status, e.candidates) for e in entries] == [("ambiguous", ("R000572", "R000575"))]


def test_state_hint_settles_which_mike_rogers(congress):
    block = "Rep. Mike Rogers (R-AL)\nMike Rogers (MI-08)"
    assert [b for _, _, b in resolved(block, D2013)] == ["R000575", "R000572"]


def test_only_one_mike_rogers_served_in_the_house_in_2024(congress):
    assert resolved("Mike Rogers", D2024, chamber="house") == [("Mike Rogers", "resolved", "R000575")]


def test_senate_block_resolves_each_scott_by_full_name(congress):
    block = "Tim Scott\nUnited States Senator\n\nRick Scott\nUnited States Senator\n"
    assert resolved(block, D2024) == [
        ("Tim Scott", "resolved", "S001184"),
        ("Rick Scott", "resolved", "S001217"),
    ]


def test_surname_alone_is_ambiguous_when_several_scotts_serve(congress):
    [entry] = resolve_signer_list("Sen. Scott", on=D2024, index=build_name_index())
    assert entry.status == "ambiguous"
    assert set(entry.candidates) == {"S001184", "S001217"}


def test_nickname_and_last_first_forms(congress):
    block = "Bobby Scott\nSanders, Bernard\nSenators Elizabeth Warren and Bernie Sanders"
    assert [b for _, _, b in resolved(block, D2024)] == ["S000185", "S000033", "W000817"]


def test_member_not_serving_on_the_date_is_unresolved(congress):
    assert resolved("Rick Scott", date(2015, 6, 1)) == [("Rick Scott", "unresolved", None)]


def test_resolve_signers_command_prints_one_json_object_per_person(congress, tmp_path):
    path = tmp_path / "block.txt"
    path.write_text("Sincerely,\n\nMarcy Kaptur\nMember of Congress\n\nMike Rogers\nMember of Congress\n")
    out = StringIO()
    call_command("resolve_signers", str(path), "--date", "2013-06-01", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [
        {
            "as_written": "Marcy Kaptur",
            "status": "resolved",
            "bioguide": "K000009",
            "candidates": ["K000009"],
        },
        {
            "as_written": "Mike Rogers",
            "status": "ambiguous",
            "bioguide": None,
            "candidates": ["R000572", "R000575"],
        },
    ]


def test_resolve_signers_chamber_option_narrows(congress, tmp_path):
    path = tmp_path / "block.txt"
    path.write_text("Mike Rogers\n")
    out = StringIO()
    call_command("resolve_signers", str(path), "--date", "2025-06-01", "--chamber", "senate", stdout=out)
    assert json.loads(out.getvalue())["bioguide"] == "R000572"


def test_two_surnames_after_a_comma_fall_back_to_two_people(congress):
    assert [b for _, _, b in resolved("Kaptur, McGovern", D2024)] == ["K000009", "M000312"]


def test_last_first_with_initial_and_suffix(congress):
    assert resolved("Kean, Thomas H., Jr.", D2024) == [("Kean, Thomas H., Jr.", "resolved", "K000398")]


def test_leadership_titles_before_names_in_a_block(congress):
    block = "Chairman Mike Rogers\nCo-Chair Marcy Kaptur\nRanking Member, Subcommittee on Europe"
    assert resolved(block, D2024) == [
        ("Chairman Mike Rogers", "resolved", "R000575"),
        ("Co-Chair Marcy Kaptur", "resolved", "K000009"),
    ]


def test_columns_flattened_with_single_spaces_and_double_spaces_inside_a_name(congress):
    block = "Marcy Kaptur Jim McGovern\nMember of Congress Member of Congress\nTim  Scott\n"
    assert [b for _, _, b in resolved(block, D2024)] == ["K000009", "M000312", "S001184"]


def test_clerk_roster_line_with_a_quoted_nickname_is_one_member(congress):
    block = 'Kaptur, Marcy\nScott, Robert C. "Bobby"\nScott, Austin\n'
    assert resolved(block, D2024) == [
        ("Kaptur, Marcy", "resolved", "K000009"),
        ('Scott, Robert C. "Bobby"', "resolved", "S000185"),
        ("Scott, Austin", "resolved", "S001189"),
    ]


def test_last_first_of_someone_not_serving_stays_one_unresolved_person(congress):
    # Rick Scott was not yet a senator in 2015; "Scott" and "Rick" are not two people.
    assert resolved("Scott, Rick", date(2015, 6, 1)) == [("Scott, Rick", "unresolved", None)]


def test_pasted_letter_prints_only_its_signers(congress):
    letter = """September 10, 2024

The Honorable Mike Rogers
Chairman
Committee on Armed Services
U.S. House of Representatives
Washington, DC 20515

Dear Chairman Rogers:

We write to ask the Committee to hold a hearing. As Senator Warren wrote last year, the
matter is urgent.

Sincerely,

Marcy Kaptur                                Jim McGovern
Member of Congress                          Member of Congress
Ranking Member, Energy and Water            Ranking Member, Committee on Rules

cc: The Honorable Tim Scott
    Senator Rick Scott

Page 2 of 2
"""
    assert resolved(letter, D2024) == [
        ("Marcy Kaptur", "resolved", "K000009"),
        ("Jim McGovern", "resolved", "M000312"),
    ]


def test_senate_press_release_with_two_title_groups(congress):
    text = (
        "The letter was led by Sens. Elizabeth Warren and Tim Scott, along with Sens. Rick Scott and Sanders."
    )
    assert [b for _, _, b in resolved(text, D2024)] == ["W000817", "S001184", "S001217", "S000033"]


def test_district_after_the_member_of_congress_caption_settles_which_mike_rogers(congress):
    block = "Mike Rogers\nMember of Congress, AL-03\n\nMike Rogers\nMember of Congress (MI-08)\n"
    assert [b for _, _, b in resolved(block, D2013)] == ["R000575", "R000572"]


def test_three_or_four_columns_flattened_with_single_spaces_run_longer_than_one_name(congress):
    block = (
        "Marcy Kaptur Austin Scott David Scott Jim McGovern\n"
        "Member of Congress Member of Congress Member of Congress Member of Congress\n"
    )
    assert [b for _, _, b in resolved(block, D2024)] == ["K000009", "S001189", "S001157", "M000312"]

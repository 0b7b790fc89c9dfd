from datetime import date

import pytest

from members.name_index import NameIndex, Resolution
from members.names import parse_member_reference

from .builders import member, term

SEPT_10_2024 = date(2024, 9, 10)
JUNE_2014 = date(2014, 6, 1)


def resolved(bioguide: str) -> Resolution:
    return Resolution("resolved", bioguide, (bioguide,))


@pytest.mark.parametrize(
    ("written", "bioguide"),
    [
        ("Marcy Kaptur", "K000009"),
        ("Rep. Marcy Kaptur (OH-09)", "K000009"),
        ("Kaptur, Marcy", "K000009"),
        ("Marcy Kaptur (D-Ohio)", "K000009"),
        ("Rep. Kaptur, D-Ohio", "K000009"),
        ("Kaptur", "K000009"),
        ("Marcia C. Kaptur", "K000009"),
        ("Marcy C. Kaptur", "K000009"),
        ("Sen. Mark Kelly (D-AZ)", "K000377"),
        ("Elizabeth Warren (D-Mass.)", "W000817"),
        ("Debbie Wasserman Schultz", "W000797"),
        ("Wasserman Schultz", "W000797"),
        ("Alexandria Ocasio-Cortez", "O000172"),
        ("Ocasio Cortez", "O000172"),
        ("Cathy McMorris Rodgers", "M001159"),
        ("Mario Díaz-Balart", "D000600"),
        ("Diaz-Balart", "D000600"),
        ("Rep. Tom Kean Jr. (R-N.J.)", "K000398"),
        ("Thomas H. Kean, Jr.", "K000398"),
        ("Tom Kean", "K000398"),
        ("Jeff Van Drew", "V000133"),
        ("Van Drew, Jeff", "V000133"),
    ],
)
def test_resolve_finds_the_member_serving_on_the_date(index: NameIndex, written, bioguide):
    assert index.resolve(written, on=SEPT_10_2024) == resolved(bioguide)


def test_surname_alone_is_ambiguous_when_two_members_share_it(index: NameIndex):
    result = index.resolve("Rep. Kelly", on=SEPT_10_2024)
    assert result.status == "ambiguous"
    assert result.bioguide is None
    assert result.candidates == ("K000376", "K000385")


def test_title_narrows_a_shared_surname_to_the_chamber(index: NameIndex):
    assert index.resolve("Sen. Kelly", on=SEPT_10_2024) == resolved("K000377")


def test_several_scotts_in_the_senate_are_ambiguous_without_a_first_name(index: NameIndex):
    assert index.resolve("Sen. Scott", on=SEPT_10_2024).candidates == ("S001184", "S001217")
    assert index.resolve("Sen. Scott (R-Fla.)", on=SEPT_10_2024) == resolved("S001217")
    assert index.resolve("Tim Scott", on=SEPT_10_2024) == resolved("S001184")


def test_the_two_mike_rogers_are_ambiguous_without_hints(index: NameIndex):
    result = index.resolve("Rep. Mike Rogers", on=JUNE_2014)
    assert result.status == "ambiguous"
    assert result.candidates == ("R000572", "R000575")


@pytest.mark.parametrize(
    ("written", "bioguide"),
    [
        ("Rep. Mike Rogers (R-AL)", "R000575"),
        ("Mike Rogers of Alabama", "R000575"),
        ("Rep. Rogers (R-Ala.)", "R000575"),
        ("Mike Rogers (MI-08)", "R000572"),
        ("Mike Rogers of Michigan", "R000572"),
    ],
)
def test_the_two_mike_rogers_are_told_apart_by_state(index: NameIndex, written, bioguide):
    assert index.resolve(written, on=JUNE_2014) == resolved(bioguide)


def test_explicit_hints_override_the_written_ones(index: NameIndex):
    ref = parse_member_reference("Mike Rogers")
    assert index.resolve(ref, on=JUNE_2014, state="AL") == resolved("R000575")


def test_a_member_not_serving_on_the_date_is_not_returned(index: NameIndex):
    # Michigan's Mike Rogers left the House in January 2015 and joined the Senate in 2025.
    assert index.resolve("Mike Rogers", on=SEPT_10_2024) == resolved("R000575")
    assert index.resolve("Mike Rogers (MI-08)", on=SEPT_10_2024).status == "unresolved"
    assert index.resolve("Rick Scott", on=date(2015, 6, 1)) == Resolution("unresolved", None, ())


def test_without_a_date_every_member_counts(index: NameIndex):
    assert index.resolve("Mike Rogers", on=None).status == "ambiguous"
    assert index.resolve("Sen. Mike Rogers", on=None) == resolved("R000572")


def test_a_party_switcher_resolves_by_date_and_party(index: NameIndex):
    assert index.resolve("Jeff Van Drew (D-NJ)", on=date(2019, 6, 1)) == resolved("V000133")
    assert index.resolve("Jeff Van Drew (R-NJ)", on=date(2021, 6, 1)) == resolved("V000133")
    # Copy that still calls him a Democrat after the switch: the party hint gives way.
    assert index.resolve("Jeff Van Drew (D-NJ)", on=date(2021, 6, 1)) == resolved("V000133")


def test_a_party_hint_matches_the_party_an_independent_caucuses_with(index: NameIndex):
    assert index.resolve("Kyrsten Sinema (D-AZ)", on=date(2023, 6, 1)) == resolved("S001191")
    assert index.resolve("Kyrsten Sinema (I-AZ)", on=date(2023, 6, 1)) == resolved("S001191")


def test_party_hint_separates_members_sharing_a_name():
    index = NameIndex(
        [
            member("A000001", "Pat", "Doe", term("house", "TX", district=1, party="D")),
            member("A000002", "Pat", "Doe", term("house", "TX", district=2, party="R")),
        ]
    )
    assert index.resolve("Pat Doe (R-Texas)", on=SEPT_10_2024) == resolved("A000002")
    assert index.resolve("Pat Doe", on=SEPT_10_2024).status == "ambiguous"


@pytest.mark.parametrize(
    ("written", "bioguide"),
    [
        ("Chuck Schumer", "S000148"),
        ('Charles "Chuck" Schumer', "S000148"),
        ("Mike Turner", "T000463"),
        ("Mike Turner of Ohio", "T000463"),
        ("Michael Turner", "T000463"),
        ("Liz Warren", "W000817"),
        ("Tom Kean", "K000398"),
        ("Jeff Van Drew", "V000133"),
    ],
)
def test_nicknames_resolve_even_when_the_data_lists_none(index: NameIndex, written, bioguide):
    assert index.resolve(written, on=SEPT_10_2024) == resolved(bioguide)


def test_the_data_nickname_beats_the_common_nickname_table():
    index = NameIndex(
        [
            member("M000639", "Robert", "Menendez", term("senate", "NJ"), nickname="Bob"),
            member("M001226", "Robert", "Menendez", term("house", "NJ", district=8), suffix="Jr."),
        ]
    )
    assert index.resolve("Bob Menendez", on=SEPT_10_2024) == resolved("M000639")
    assert index.resolve("Rob Menendez", on=SEPT_10_2024).status == "ambiguous"
    assert index.resolve("Rep. Rob Menendez", on=SEPT_10_2024) == resolved("M001226")
    assert index.resolve("Rob Menendez Jr.", on=SEPT_10_2024) == resolved("M001226")


def test_small_typos_and_missing_accents_still_resolve(index: NameIndex):
    assert index.resolve("Marcy Kapture", on=SEPT_10_2024) == resolved("K000009")
    assert index.resolve("Schumar", on=SEPT_10_2024) == resolved("S000148")


def test_an_earlier_surname_resolves(index: NameIndex):
    assert index.resolve("Mary Bono", on=date(2010, 6, 1)) == resolved("B001228")


@pytest.mark.parametrize("written", ["Member of Congress", "John Nobody", "Sincerely,", "", "Smith"])
def test_unknown_names_and_non_names_are_unresolved(index: NameIndex, written):
    assert index.resolve(written, on=SEPT_10_2024) == Resolution("unresolved", None, ())


def test_term_on_picks_the_term_covering_the_date(index: NameIndex):
    assert index.term_on("V000133", date(2019, 6, 1)).party == "D"
    assert index.term_on("V000133", date(2020, 1, 7)).party == "R"
    assert index.term_on("R000572", date(2020, 1, 1)) is None
    assert index.term_on("R000572", date(2025, 6, 1)).chamber == "senate"
    assert index.term_on("NOBODY1", date(2025, 6, 1)) is None


def test_record_and_display_name(index: NameIndex):
    assert index.record("K000398").display_name == "Thomas H. Kean Jr."
    assert member("X000001", "Robert", "Doe", nickname="Bob", suffix="III").display_name == "Bob Doe III"


def test_a_nickname_the_source_puts_in_parentheses_resolves():
    index = NameIndex([member("B001315", "Nicole (Nikki)", "Budzinski", term("house", "IL", district=13))])
    assert index.resolve("Rep. Nikki Budzinski (D-Ill.)", on=SEPT_10_2024) == resolved("B001315")
    assert index.resolve("Nicole Budzinski", on=SEPT_10_2024) == resolved("B001315")
    assert index.record("B001315").given_names == ("Nicole", "Nikki")


def test_a_known_former_member_is_never_taken_for_a_typo_of_a_serving_one():
    price_term = term("house", "GA", start=date(2005, 1, 4), end=date(2017, 2, 10))
    rice_term = term("house", "SC", start=date(2013, 1, 3))
    index = NameIndex(
        [member("P000591", "Tom", "Price", price_term), member("R000597", "Tom", "Rice", rice_term)]
    )
    assert index.resolve("Tom Price", on=date(2020, 6, 1)).status == "unresolved"
    assert index.resolve("Tom Ricce", on=date(2020, 6, 1)) == resolved("R000597")


def test_words_of_description_before_a_full_name_are_skipped(index: NameIndex):
    assert index.resolve("House Armed Services Chairman Mike Rogers", on=SEPT_10_2024) == resolved("R000575")
    assert index.resolve("Ohio Democrat Marcy Kaptur", on=SEPT_10_2024) == resolved("K000009")


def test_a_member_written_by_a_middle_name_or_the_second_word_of_the_first_name():
    index = NameIndex(
        [
            member("S001177", "Gregorio", "Sablan", term(state="MP"), middle="Kilili Camacho"),
            member("R000600", "Aumua Amata", "Radewagen", term(state="AS", party="R"), middle="Coleman"),
            member("X000001", "Gregory", "Smith", term(state="TX")),
        ]
    )
    on = date(2024, 3, 1)
    assert index.resolve("Rep. Kilili Sablan (D-MP)", on=on) == resolved("S001177")
    assert index.resolve("Amata Coleman Radewagen", on=on) == resolved("R000600")
    # Only a last resort: a written given name that matches nobody's middle name stays unknown.
    assert index.resolve("Camacho Smith", on=on).status == "unresolved"

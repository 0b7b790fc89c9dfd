"""Property-based fuzzing where tests/extraction/test_fuzz.py stops: linking against tracked letters,
and the signer-list parser staff paste into. No exception on any input; evidence is the text itself.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letters.signer_lists import resolve_signer_list, split_signer_list
from tests.extraction.roster import roster_index
from tracker.extraction import LetterIndex, LetterRecord, analyse_article

NAMES = roster_index()
LETTERS = LetterIndex(
    [
        LetterRecord(
            id=1,
            sent_on=date(2024, 9, 10),
            chamber="house",
            lead_bioguides=frozenset({"K000009"}),
            signer_bioguides=frozenset({"F000466"}),
            recipients=("Joe Biden",),
            keywords=frozenset({"ukraine", "long-range", "weapons"}),
            party_counts={"D": 20, "R": 5},
            total=25,
        ),
        LetterRecord(id=2, sent_on=None, chamber=None),
        LetterRecord(id=3, sent_on=date(2024, 9, 10), chamber="senate", total=0),
    ]
)

ARTICLE_PIECES = st.sampled_from(
    [
        "Rep. Marcy Kaptur (D-Ohio)",
        "Sens. Elizabeth Warren and Ed Markey",
        " sent a letter to President Joe Biden on Sept. 10, 2024, ",
        "At least 20 House Democrats and five House Republicans",
        "six House Republicans",
        " urging him to lift limits on Ukraine's use of long-range weapons.",
        " led by ",
        "Dear Colleague",
        "\u201cWe write,\u201d the letter reads.",
        "\n\n",
        ". ",
        "\u200b",
        "\u0301",
        "<script>alert(1)</script>",
        "Rep.",
        "Sen. Kelly",
        "99999999999999999999 lawmakers",
        "on Feb. 30, 2024",
        "\ufeff",
    ]
)
TEXT = st.one_of(
    st.text(max_size=600),
    st.lists(st.one_of(ARTICLE_PIECES, st.text(max_size=10)), max_size=40).map("".join),
)
DATES = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=DATES)
def test_linking_to_tracked_letters_never_raises_and_evidence_is_exact(text: str, published) -> None:
    analysis = analyse_article(text, published=published, names=NAMES, letters=LETTERS)

    for report in analysis.letters:
        assert text[report.evidence_start : report.evidence_end] == report.evidence
        assert report.matched_letter in {None, 1, 2, 3}
        assert 0.0 <= report.match_score <= 1.0
        assert report.total_signers is None or report.total_signers >= 0
        report.as_dict()


SIGNER_PIECES = st.sampled_from(
    [
        "Marcy Kaptur\nMember of Congress\n",
        "Rep. Marcy Kaptur (OH-09)",
        "Kaptur, Marcy",
        "Sen. Mark Kelly (D-AZ)",
        "Mike Rogers",
        ", ",
        " and ",
        "\n",
        "\t",
        "Sincerely,\n",
        "United States Senator",
        "(D-",
        "Ohio's 9th District\n",
        "M.D.",
        "Jr.",
        "Senators Warren, Markey, and ",
        ";",
        "\u00a0",
        "\x00",
    ]
)
SIGNER_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(SIGNER_PIECES, st.text(max_size=8)), max_size=40).map("".join),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=SIGNER_TEXT,
    on=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
    chamber=st.sampled_from([None, "house", "senate"]),
)
def test_the_signer_list_parser_never_raises_and_resolves_only_real_members(text: str, on, chamber) -> None:
    split_signer_list(text)
    entries = resolve_signer_list(text, on=on, chamber=chamber, index=NAMES)

    bioguides = [entry.bioguide for entry in entries if entry.bioguide]
    assert len(bioguides) == len(set(bioguides)), "a member named twice is listed once"
    for entry in entries:
        assert entry.status in {"resolved", "ambiguous", "unresolved"}
        assert (entry.status == "resolved") == (entry.bioguide is not None)
        if entry.bioguide:
            assert NAMES.term_on(entry.bioguide, on) is not None, "resolved members serve on the date"
        assert entry.as_written.strip()
        entry.as_dict()

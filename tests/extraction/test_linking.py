"""Linking a letter report to the tracked letter it describes."""

from __future__ import annotations

from datetime import date

from tracker.extraction import LetterIndex, LetterRecord, analyse_article

KAPTUR_LETTER = LetterRecord(
    id=7,
    sent_on=date(2024, 9, 10),
    chamber="house",
    lead_bioguides=frozenset({"K000009"}),
    signer_bioguides=frozenset({"F000466"}),
    recipients=("Joe Biden",),
    keywords=frozenset({"ukraine", "long-range", "weapons", "restrictions"}),
    party_counts={"D": 20, "R": 5},
    total=25,
)
OTHER_LETTER = LetterRecord(
    id=8,
    sent_on=date(2024, 3, 1),
    chamber="senate",
    lead_bioguides=frozenset({"W000817"}),
    recipients=("Jerome Powell",),
    keywords=frozenset({"rates"}),
)


def test_report_of_a_tracked_letter_links_to_it(names) -> None:
    text = (
        "Rep. Marcy Kaptur sent a letter to President Joe Biden on Sept. 10 urging him to lift "
        "restrictions on Ukraine's use of long-range weapons."
    )

    analysis = analyse_article(
        text, published=date(2024, 9, 13), names=names, letters=LetterIndex([KAPTUR_LETTER, OTHER_LETTER])
    )

    (report,) = analysis.letters
    assert report.matched_letter == 7
    assert report.match_score >= 0.5
    assert report.as_dict()["matched_letter"] == 7


def test_report_of_an_untracked_letter_links_to_nothing(names) -> None:
    text = "Sen. Tim Kaine sent a letter on Monday to Defense Secretary Lloyd Austin about base housing."

    analysis = analyse_article(
        text, published=date(2024, 9, 13), names=names, letters=LetterIndex([KAPTUR_LETTER, OTHER_LETTER])
    )

    (report,) = analysis.letters
    assert report.matched_letter is None


def test_same_senders_weeks_apart_do_not_link(names) -> None:
    text = "Rep. Marcy Kaptur sent a letter to President Joe Biden on Nov. 20 about grain exports."

    analysis = analyse_article(
        text, published=date(2024, 11, 22), names=names, letters=LetterIndex([KAPTUR_LETTER])
    )

    assert analysis.letters[0].matched_letter is None

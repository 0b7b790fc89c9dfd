"""Letters and members found in short articles written in the forms real copy uses."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.articles import CASES, Case
from tracker.extraction import analyse_article


def _field(report, name: str):
    if name in {"leads", "signers"}:
        return {member.bioguide for member in getattr(report, name)}
    return getattr(report, name)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_article_reports_the_annotated_letters_and_members(case: Case, names) -> None:
    analysis = analyse_article(case.text, published=case.published, names=names)

    assert len(analysis.letters) == len(case.letters), [r.evidence for r in analysis.letters]
    for report, expected in zip(analysis.letters, case.letters, strict=True):
        for name, value in expected.items():
            assert _field(report, name) == value, name
    assert {member.bioguide for member in analysis.members} == case.members


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_evidence_is_the_exact_text_at_its_offsets(case: Case, names) -> None:
    analysis = analyse_article(case.text, published=case.published, names=names)

    for report in analysis.letters:
        assert case.text[report.evidence_start : report.evidence_end] == report.evidence
        assert 0.0 <= report.confidence <= 1.0


def test_seed_like_article_reports_two_same_day_letters_with_split_date(names) -> None:
    text = (
        "At least 20 House Democrats and five House Republicans are calling on President Joe Biden to "
        "lift limits on Kyiv's use of long-range weapons, according to a letter sent on Sept.\n\n10 and "
        "seen by reporters. The letter was circulated by Rep. Marcy Kaptur, co-chair of the Ukraine "
        "Caucus.\n\nSix House Republicans also sent a letter to President Biden on Sept.\n\n10 calling for "
        "an end to the remaining restrictions. Rep. Kaptur's letter did not say how far Ukraine should "
        "strike."
    )

    analysis = analyse_article(text, published=date(2024, 9, 13), names=names)

    first, second = analysis.letters
    assert first.sent_on == second.sent_on == date(2024, 9, 10)
    assert [lead.bioguide for lead in first.leads] == ["K000009"]
    assert first.party_counts == {"D": 20, "R": 5}
    assert first.total_signers == 25
    assert first.counts_are_minimum is True
    assert first.recipients == ["Joe Biden"]
    assert first.ask.startswith("lift limits on Kyiv's use of long-range weapons")
    assert second.party_counts == {"R": 6}
    assert second.total_signers == 6
    assert second.counts_are_minimum is False
    assert second.leads == []
    assert second.signers == []


def test_as_dict_follows_the_contract_shape(names) -> None:
    text = "Sen. Elizabeth Warren (D-Mass.) sent a letter on Monday to Meta CEO Mark Zuckerberg."

    analysis = analyse_article(text, published=date(2023, 11, 8), names=names)

    letter = analysis.as_dict()["letters"][0]
    assert list(letter) == [
        "sent_on",
        "chamber",
        "recipients",
        "leads",
        "signers",
        "party_counts",
        "total_signers",
        "counts_are_minimum",
        "ask",
        "evidence",
        "confidence",
        "matched_letter",
    ]
    assert letter["sent_on"] == "2023-11-06"
    assert letter["leads"] == [{"name": "Elizabeth Warren", "bioguide": "W000817"}]
    assert analysis.as_dict()["members"] == [{"bioguide": "W000817", "name": "Elizabeth Warren", "count": 1}]


def test_empty_text_finds_nothing(names) -> None:
    analysis = analyse_article("", published=None, names=names)

    assert analysis.letters == []
    assert analysis.members == []

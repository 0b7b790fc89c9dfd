"""The engine never raises on arbitrary text, and its evidence is always the text itself."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.extraction import analyse_article

_FRAGMENTS = st.sampled_from(
    [
        "Rep. Marcy Kaptur",
        "Sens. Elizabeth Warren (D-Mass.) and ",
        "Kaptur's letter",
        " sent a letter to President Biden on Sept.\n\n10 ",
        "At least 20 House Democrats and five House Republicans",
        " led by ",
        " joined by ",
        "Dear Colleague",
        "(D-Ohio)",
        ", R-Calif.,",
        " wrote to ",
        "“the letter reads,”",
        "\n\n",
        ". ",
        "The three:\n\n",
        "Kelly",
        "Sen.\n\n",
        "letter grade",
        "on Friday",
        "nearly seventy lawmakers",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=12)), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=_TEXT,
    published=st.one_of(st.none(), st.dates(min_value=date(2013, 1, 1), max_value=date(2026, 12, 31))),
)
def test_arbitrary_text_never_raises_and_evidence_is_a_substring(names, text: str, published) -> None:
    analysis = analyse_article(text, published=published, names=names)

    for report in analysis.letters:
        assert text[report.evidence_start : report.evidence_end] == report.evidence
        assert report.evidence in text
        assert 0.0 <= report.confidence <= 1.0
        assert report.chamber in {None, "house", "senate", "bicameral"}
        report.as_dict()
    for member in analysis.members:
        assert member.count >= 1

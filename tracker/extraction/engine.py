"""The extraction engine's entry point: one article text in, letters and members out."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tracker.extraction.findings import ArticleAnalysis, LetterReport, MemberMention, NamedMember
from tracker.extraction.linking import LetterIndex
from tracker.extraction.mentions import Mention, resolve_mentions
from tracker.extraction.reports import find_letter_reports, find_triggers
from tracker.extraction.sentences import paragraph_start_before, split_sentences

if TYPE_CHECKING:
    from members.name_index import NameIndex


def analyse_article(
    text: str,
    *,
    published: date | None,
    names: NameIndex,
    letters: LetterIndex | None = None,
) -> ArticleAnalysis:
    """Find the congressional letters an article reports and every serving member it names.

    `published` anchors relative dates ("on Friday", "Sept. 10") and decides who was serving;
    without it, dates that need it stay unresolved. `letters`, when given, links each report to
    the tracked letter it most likely describes.
    """
    if not text:
        return ArticleAnalysis(letters=[], members=[])
    mentions = resolve_mentions(text, names.scan(text), published=published, names=names)
    display = _display_names(mentions, names)
    reports: list[LetterReport] = []
    triggers = find_triggers(text)
    if triggers:
        # Sentences more than two paragraphs ahead of the first letter word cannot be part of a
        # report (the lede a first "the letter" refers to may sit above a paragraph of quotes).
        start = paragraph_start_before(text, triggers[0].start())
        for _ in range(2):
            before_break = len(text[:start].rstrip())
            start = paragraph_start_before(text, before_break) if before_break else 0
        sentences = split_sentences(text, start, until=triggers[-1].start())
        for draft in find_letter_reports(text, sentences, mentions, published=published, triggers=triggers):
            report = LetterReport(
                sent_on=draft.sent_on,
                chamber=draft.chamber,
                recipients=draft.recipients,
                leads=[NamedMember(display[b], b) for b in draft.leads],
                signers=[NamedMember(display[b], b) for b in draft.signers],
                party_counts=dict(draft.counts.party),
                total_signers=draft.counts.total,
                counts_are_minimum=draft.counts.minimum,
                ask=draft.ask,
                evidence=text[draft.evidence_start : draft.evidence_end],
                evidence_start=draft.evidence_start,
                evidence_end=draft.evidence_end,
                confidence=draft.confidence,
                keywords=draft.keywords,
            )
            if letters is not None and len(letters):
                match = letters.best_match(
                    sent_on=report.sent_on,
                    chamber=report.chamber,
                    leads=draft.leads,
                    signers=draft.signers,
                    recipients=report.recipients,
                    keywords=draft.keywords,
                    party_counts=report.party_counts,
                    total=report.total_signers,
                )
                report.matched_letter = match.letter_id
                report.match_score = match.score
            reports.append(report)
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.bioguide] = counts.get(mention.bioguide, 0) + 1
    members = [MemberMention(bioguide=b, name=display[b], count=n) for b, n in counts.items()]
    return ArticleAnalysis(letters=reports, members=members)


def _display_names(mentions: list[Mention], names: NameIndex) -> dict[str, str]:
    """The name as the article first writes it in full, else the member's usual name."""
    display: dict[str, str] = {}
    for mention in mentions:
        if (
            mention.bioguide not in display
            and " " in mention.surface.strip()
            and mention.surface[:1].isupper()
        ):
            display[mention.bioguide] = " ".join(mention.surface.split())
    for mention in mentions:
        if mention.bioguide not in display:
            record = names.record(mention.bioguide)
            given = record.nickname or record.first
            display[mention.bioguide] = " ".join(part for part in (given, record.last) if part)
    return display

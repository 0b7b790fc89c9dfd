"""Build the engine's `LetterIndex` from the database (the one Django-aware module here)."""

from __future__ import annotations

import re
from collections import defaultdict

from tracker.extraction.linking import LetterIndex, LetterRecord

_WORD = re.compile(r"\b[A-Za-z][a-z]{4,}\b|\b[A-Z]{3,}\b")


def load_letter_index() -> LetterIndex:
    """The tracked letters as a LetterIndex, kept per process until letters change.

    One cache serves the engine everywhere: tracker.indexes keeps it (signals, a shared cache
    version and one table-figures query tell it when to rebuild).
    """
    from tracker.indexes import current_letter_index

    return current_letter_index()


def build_letter_index() -> LetterIndex:
    """Every tracked letter with its leads, signers, recipients and stated counts: three queries."""
    from letters.models import Letter, LetterRecipient, Signature

    leads: dict[int, set[str]] = defaultdict(set)
    signers: dict[int, set[str]] = defaultdict(set)
    for letter_id, bioguide, role in Signature.objects.order_by().values_list(
        "letter_id", "member__bioguide", "role"
    ):
        (leads if role in {"lead", "co_lead"} else signers)[letter_id].add(bioguide)
    recipients: dict[int, list[str]] = defaultdict(list)
    for letter_id, name, organization in LetterRecipient.objects.order_by("letter_id", "order").values_list(
        "letter_id", "recipient__name", "recipient__organization"
    ):
        recipients[letter_id].append(name or organization)
    records = []
    for row in Letter.objects.order_by().values(
        "id",
        "title",
        "ask",
        "summary",
        "tags",
        "sent_on",
        "chamber",
        "stated_total",
        "stated_democrats",
        "stated_republicans",
        "stated_independents",
    ):
        party_counts = {
            key: value
            for key, value in (
                ("D", row["stated_democrats"]),
                ("R", row["stated_republicans"]),
                ("I", row["stated_independents"]),
            )
            if value
        }
        words = " ".join([row["title"], row["ask"], row["summary"][:2000], *map(str, row["tags"] or ())])
        records.append(
            LetterRecord(
                id=row["id"],
                sent_on=row["sent_on"],
                chamber=row["chamber"] or None,
                lead_bioguides=frozenset(leads.get(row["id"], ())),
                signer_bioguides=frozenset(signers.get(row["id"], ())),
                recipients=tuple(name for name in recipients.get(row["id"], ()) if name),
                keywords=frozenset(word.lower() for word in _WORD.findall(words)),
                party_counts=party_counts,
                total=row["stated_total"],
            )
        )
    return LetterIndex(records)

"""Build the engine's `LetterIndex` from the database (the one Django-aware module here)."""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from typing import Any

from tracker.extraction.linking import LetterIndex, LetterRecord

_WORD = re.compile(r"\b[A-Za-z][a-z]{4,}\b|\b[A-Z]{3,}\b")
_lock = threading.Lock()
_cached: tuple[tuple[Any, ...], LetterIndex] | None = None


def _data_version() -> tuple[Any, ...]:
    """One query that changes whenever a letter, a signature or a recipient link does."""
    from django.db.models import Count, F, Func, Max, Subquery

    from letters.models import Letter, LetterRecipient, Signature

    def scalar(queryset, function: str, field: str = "id"):
        return Subquery(queryset.order_by().annotate(v=Func(F(field), function=function)).values("v")[:1])

    row = Letter.objects.aggregate(
        letters=Count("id"),
        updated=Max("updated_at"),
        signatures=Max(scalar(Signature.objects.all(), "COUNT")),
        last_signature=Max(scalar(Signature.objects.all(), "MAX")),
        recipients=Max(scalar(LetterRecipient.objects.all(), "COUNT")),
        last_recipient=Max(scalar(LetterRecipient.objects.all(), "MAX")),
    )
    return tuple(sorted(row.items()))


def load_letter_index() -> LetterIndex:
    """The tracked letters as a LetterIndex: one version query when nothing changed since last time.

    Each worker process keeps the last index it built; an edit to any letter bumps its
    updated_at, and added or removed signatures and recipients change their counts and ids.
    """
    global _cached
    version = _data_version()
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        index = build_letter_index()
        _cached = (version, index)
        return index


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

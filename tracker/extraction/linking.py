"""Link a letter report to a tracked letter: score candidates, keep the best above a threshold.

Evidence weighs as staff would weigh it: the same senders and the same day are strong; the same
recipients, stated counts and policy words support; a different chamber or a date weeks apart
counts against.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

MATCH_THRESHOLD = 0.5
_DATE_WINDOW_DAYS = 45


@dataclass(frozen=True)
class LetterRecord:
    id: int
    sent_on: date | None
    chamber: str | None
    lead_bioguides: frozenset[str] = frozenset()
    signer_bioguides: frozenset[str] = frozenset()
    recipients: tuple[str, ...] = ()
    keywords: frozenset[str] = frozenset()
    party_counts: dict[str, int] = field(default_factory=dict)
    total: int | None = None


@dataclass(frozen=True)
class LetterMatch:
    letter_id: int | None
    score: float


def recipient_key(name: str) -> str:
    """A recipient's surname or last word, lower-cased: "President Joe Biden" -> "biden"."""
    words = [word.strip(".,").lower() for word in name.split() if word.strip(".,")]
    return words[-1] if words else ""


class LetterIndex:
    """Tracked letters, indexed by member, recipient and month for quick candidate lookup."""

    def __init__(self, records: Iterable[LetterRecord]) -> None:
        self._records: dict[int, LetterRecord] = {}
        self._by_member: dict[str, set[int]] = defaultdict(set)
        self._by_recipient: dict[str, set[int]] = defaultdict(set)
        self._by_day: dict[int, set[int]] = defaultdict(set)
        for record in records:
            self._records[record.id] = record
            for bioguide in record.lead_bioguides | record.signer_bioguides:
                self._by_member[bioguide].add(record.id)
            for recipient in record.recipients:
                self._by_recipient[recipient_key(recipient)].add(record.id)
            if record.sent_on:
                self._by_day[record.sent_on.toordinal()].add(record.id)

    def __len__(self) -> int:
        return len(self._records)

    def record(self, letter_id: int) -> LetterRecord:
        return self._records[letter_id]

    def best_match(
        self,
        *,
        sent_on: date | None,
        chamber: str | None,
        leads: Iterable[str],
        signers: Iterable[str],
        recipients: Iterable[str],
        keywords: Iterable[str],
        party_counts: dict[str, int],
        total: int | None,
    ) -> LetterMatch:
        """The tracked letter this report most likely describes, or (None, best score) below threshold."""
        leads = set(leads)
        people = leads | set(signers)
        recipient_keys = {recipient_key(name) for name in recipients} - {""}
        words = set(keywords)
        candidates: set[int] = set()
        for bioguide in people:
            candidates |= self._by_member.get(bioguide, set())
        for key in recipient_keys:
            candidates |= self._by_recipient.get(key, set())
        if sent_on:
            day = sent_on.toordinal()
            for offset in range(-_DATE_WINDOW_DAYS, _DATE_WINDOW_DAYS + 1):
                candidates |= self._by_day.get(day + offset, set())
        best_id, best_score = None, 0.0
        for letter_id in sorted(candidates):
            record = self._records[letter_id]
            score = _score(
                record, sent_on, chamber, leads, people, recipient_keys, words, party_counts, total
            )
            if score > best_score:
                best_id, best_score = letter_id, score
        if best_score < MATCH_THRESHOLD:
            return LetterMatch(None, round(best_score, 3))
        return LetterMatch(best_id, round(best_score, 3))


def _score(
    record: LetterRecord,
    sent_on: date | None,
    chamber: str | None,
    leads: set[str],
    people: set[str],
    recipient_keys: set[str],
    words: set[str],
    party_counts: dict[str, int],
    total: int | None,
) -> float:
    score = 0.0
    if sent_on and record.sent_on:
        apart = abs((sent_on - record.sent_on).days)
        score += (
            0.3
            if apart == 0
            else 0.22
            if apart <= 2
            else 0.12
            if apart <= 7
            else -0.1
            if apart <= 30
            else -0.4
        )
    record_people = record.lead_bioguides | record.signer_bioguides
    if people and record_people:
        overlap = len(people & record_people) / len(people)
        score += 0.35 * overlap
        if leads & record.lead_bioguides:
            score += 0.1
        elif not people & record_people:
            score -= 0.15
    if recipient_keys and record.recipients:
        record_keys = {recipient_key(name) for name in record.recipients}
        score += 0.15 if recipient_keys & record_keys else -0.05
    if words and record.keywords:
        shared = len(words & record.keywords)
        score += min(0.15, 0.03 * shared)
    if total is not None and record.total is not None:
        score += 0.08 if total == record.total else 0.0
    if party_counts and record.party_counts:
        score += 0.07 if party_counts == record.party_counts else 0.0
    if chamber and record.chamber and chamber != record.chamber:
        score -= 0.2
    return max(0.0, min(1.0, score))

"""What the engine reports about one article: letters it describes and members it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class NamedMember:
    name: str
    bioguide: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "bioguide": self.bioguide}


@dataclass(frozen=True)
class MemberMention:
    bioguide: str
    name: str
    count: int

    def as_dict(self) -> dict[str, Any]:
        return {"bioguide": self.bioguide, "name": self.name, "count": self.count}


@dataclass
class LetterReport:
    """One congressional letter as an article reports it, with the text that says so."""

    sent_on: date | None
    chamber: str | None
    recipients: list[str]
    leads: list[NamedMember]
    signers: list[NamedMember]
    party_counts: dict[str, int]
    total_signers: int | None
    counts_are_minimum: bool
    ask: str
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    matched_letter: int | None = None
    match_score: float = 0.0
    keywords: tuple[str, ...] = field(default=(), repr=False)

    def as_dict(self) -> dict[str, Any]:
        """The contract's JSON object for one letter (see issue 4, "Contract")."""
        return {
            "sent_on": self.sent_on.isoformat() if self.sent_on else None,
            "chamber": self.chamber,
            "recipients": list(self.recipients),
            "leads": [lead.as_dict() for lead in self.leads],
            "signers": [signer.as_dict() for signer in self.signers],
            "party_counts": dict(self.party_counts),
            "total_signers": self.total_signers,
            "counts_are_minimum": self.counts_are_minimum,
            "ask": self.ask,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "matched_letter": self.matched_letter,
        }


@dataclass
class ArticleAnalysis:
    letters: list[LetterReport]
    members: list[MemberMention]

    def as_dict(self) -> dict[str, Any]:
        return {
            "letters": [letter.as_dict() for letter in self.letters],
            "members": [member.as_dict() for member in self.members],
        }

"""Small builders for member rows, so tests say only what matters to them."""

from __future__ import annotations

import itertools
from datetime import date

from members.models import Member, Term

_ids = itertools.count(1)


def member_build(
    *, bioguide: str | None = None, first: str = "Pat", last: str = "Example", **fields
) -> Member:
    return Member.objects.create(
        bioguide=bioguide or f"T{next(_ids):06d}", first_name=first, last_name=last, **fields
    )


def term_build(
    member: Member,
    *,
    start: date,
    end: date | None,
    chamber: str = "house",
    state: str = "OH",
    district: int | None = 9,
    party: str = "D",
    **fields,
) -> Term:
    return Term.objects.create(
        member=member,
        chamber=chamber,
        state=state,
        district=district if chamber == "house" else None,
        party=party,
        party_name=fields.pop(
            "party_name", {"D": "Democrat", "R": "Republican", "I": "Independent"}.get(party, "")
        ),
        start=start,
        end=end,
        **fields,
    )

"""Small builders for letters tests: members with dated terms, letters, signatures.

They create rows directly (no bundled snapshot), so each test says only what matters to it.
"""

from __future__ import annotations

import itertools
from datetime import date

from letters import services
from letters.models import Letter, Signature
from members.models import Caucus, CaucusMembership, Member, Term

_ids = itertools.count(1)

# The 118th Congress, where most tests live.
CONGRESS_118 = (date(2023, 1, 3), date(2025, 1, 3))


def member_with_term(
    *,
    first: str = "Pat",
    last: str = "Example",
    bioguide: str | None = None,
    party: str = "D",
    chamber: str = "house",
    state: str = "OH",
    district: int | None = 1,
    start: date = CONGRESS_118[0],
    end: date | None = CONGRESS_118[1],
    **member_fields,
) -> Member:
    member = Member.objects.create(
        bioguide=bioguide or f"Z{next(_ids):06d}", first_name=first, last_name=last, **member_fields
    )
    term_add(member, party=party, chamber=chamber, state=state, district=district, start=start, end=end)
    return member


def term_add(
    member: Member,
    *,
    start: date,
    end: date | None,
    party: str = "D",
    chamber: str = "house",
    state: str = "OH",
    district: int | None = 1,
) -> Term:
    return Term.objects.create(
        member=member,
        chamber=chamber,
        state=state,
        district=district if chamber == "house" else None,
        party=party,
        party_name={"D": "Democrat", "R": "Republican", "I": "Independent"}.get(party, "Other"),
        start=start,
        end=end,
    )


def letter_build(
    *, title: str = "Letter on Ukraine", sent_on: date | None = date(2024, 9, 10), **fields
) -> Letter:
    return services.letter_create(title=title, sent_on=sent_on, **fields)


def signed(letter: Letter, *members: Member, role: str = "signer") -> list[Signature]:
    return [services.signature_add(letter=letter, member=m, role=role) for m in members]


def caucus_build(*, name: str = "Congressional Ukraine Caucus", members: tuple[Member, ...] = ()) -> Caucus:
    caucus = Caucus.objects.create(name=name, slug=name.lower().replace(" ", "-"), is_bipartisan=True)
    for member in members:
        CaucusMembership.objects.create(caucus=caucus, member=member)
    return caucus

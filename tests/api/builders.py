"""Small builders for API and dashboard tests: members with terms, letters through the services."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth.models import Group, User

from letters import services as letter_services
from letters.models import Letter, Policy
from members.models import Caucus, CaucusMembership, Member, Term

_ids = itertools.count(1)

CONGRESS_118 = (dt.date(2023, 1, 3), dt.date(2025, 1, 3))


def member(
    last: str,
    *,
    party: str = "D",
    state: str = "OH",
    chamber: str = "house",
    district: int | None = 1,
    first: str = "Pat",
    bioguide: str | None = None,
    start: dt.date = CONGRESS_118[0],
    end: dt.date | None = None,
) -> Member:
    bioguide = bioguide or f"{last[:1].upper()}{next(_ids):06d}"
    row = Member.objects.create(bioguide=bioguide, first_name=first, last_name=last)
    Term.objects.create(
        member=row,
        chamber=chamber,
        state=state,
        district=district if chamber == "house" else None,
        party=party,
        party_name={"D": "Democrat", "R": "Republican"}.get(party, "Independent"),
        start=start,
        end=end,
        phone="202-225-0000",
    )
    return row


def caucus(name: str, *members: Member, bipartisan: bool = True) -> Caucus:
    slug = name.lower().replace(" ", "-")
    row = Caucus.objects.create(name=name, slug=slug, chamber="house", is_bipartisan=bipartisan)
    for m in members:
        CaucusMembership.objects.create(caucus=row, member=m)
    return row


def letter(
    title: str,
    *,
    sent_on: dt.date = dt.date(2024, 9, 10),
    lead: Member | None = None,
    signers: tuple[Member, ...] = (),
    policies: tuple[tuple[Policy | str, str], ...] = (),
    kind: str = "president",
    caucuses: tuple[Caucus, ...] = (),
    **extra,
) -> Letter:
    row = letter_services.letter_create(
        title=title, sent_on=sent_on, kind=kind, policies=policies, caucuses=caucuses, **extra
    )
    if lead is not None:
        letter_services.signature_add(letter=row, member=lead, role="lead")
    for signer in signers:
        letter_services.signature_add(letter=row, member=signer)
    return row


def user(username: str, *roles: str, superuser: bool = False) -> User:
    if superuser:
        return User.objects.create_superuser(username=username, password="pw-" + username * 2)
    row = User.objects.create_user(username=username, password="pw-" + username * 2)
    for role in roles:
        row.groups.add(Group.objects.get(name=role))
    return row

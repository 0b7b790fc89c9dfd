"""Demo data for `make run`: the two 2024-09-10 Ukraine letters and the Ukraine Caucus.

The data lives in letters/demo_letters.json; loading goes through the services, so it obeys
the same rules as staff entry. Loading twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from letters import services
from letters.models import Letter, Signature
from members.models import Caucus, CaucusMembership, Member

DEMO_FILE = Path(__file__).with_name("demo_letters.json")


class MembersMissing(Exception):
    """The demo names members that are not in the database (import_members has not run)."""


@dataclass(frozen=True)
class DemoLoaded:
    letters_created: int
    signatures_created: int


def _needed_bioguides(data: dict) -> set[str]:
    needed = {m["bioguide"] for caucus in data["caucuses"] for m in caucus["members"]}
    needed |= {s["bioguide"] for letter in data["letters"] for s in letter["signatures"]}
    return needed


@transaction.atomic
def demo_load(path: Path = DEMO_FILE) -> DemoLoaded:
    """Create the demo caucus, policy and letters unless they exist. Raises MembersMissing."""
    data = json.loads(path.read_text())
    needed = _needed_bioguides(data)
    found = set(Member.objects.filter(bioguide__in=needed).values_list("bioguide", flat=True))
    if needed - found:
        raise MembersMissing(
            f"Members {', '.join(sorted(needed - found))} are not in the database: "
            "run `python manage.py import_members` first."
        )
    for spec in data["caucuses"]:
        caucus, _ = Caucus.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "chamber": spec["chamber"],
                "is_bipartisan": spec["is_bipartisan"],
                "description": spec["description"],
            },
        )
        for member in spec["members"]:
            CaucusMembership.objects.get_or_create(
                caucus=caucus,
                member=Member.objects.get(bioguide=member["bioguide"]),
                since=None,
                defaults={"role": member["role"], "source": "demo data"},
            )
    for spec in data["policies"]:
        services.policy_get_or_create(
            name=spec["name"], issue_area=spec["issue_area"], description=spec["description"]
        )
    letters_created = signatures_created = 0
    for spec in data["letters"]:
        letter = Letter.objects.filter(slug=spec["slug"]).first()
        if letter is None:
            letter = services.letter_create(
                title=spec["title"],
                sent_on=spec["sent_on"],
                kind=spec["kind"],
                status=spec["status"],
                chamber=spec["chamber"],
                ask=spec["ask"],
                summary=spec["summary"],
                recipients=[
                    services.recipient_get_or_create(name=r["name"], office=r["office"])
                    for r in spec["recipients"]
                ],
                policies=[(p["name"], p["stance"]) for p in spec["policies"]],
                caucuses=spec["caucuses"],
                stated_counts=spec["stated_counts"],
                counts_are_minimum=spec["counts_are_minimum"],
                tags=spec["tags"],
                source_urls=spec["source_urls"],
                is_demo=True,
                slug=spec["slug"],
            )
            letters_created += 1
        for signature in spec["signatures"]:
            if Signature.objects.filter(letter=letter, member__bioguide=signature["bioguide"]).exists():
                continue
            services.signature_add(
                letter=letter,
                member=signature["bioguide"],
                role=signature["role"],
                source=signature["source"],
            )
            signatures_created += 1
    return DemoLoaded(letters_created=letters_created, signatures_created=signatures_created)

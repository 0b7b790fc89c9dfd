"""Who served in Congress, when, for which party, and in which groups.

Data comes from the public-domain congress-legislators project (see members/importer.py).
A member is keyed by bioguide id; terms are dated so every question is asked "on a date".
"""

from __future__ import annotations

from datetime import date

from django.db import models


class Chamber(models.TextChoices):
    HOUSE = "house", "House"
    SENATE = "senate", "Senate"


class Party(models.TextChoices):
    DEMOCRAT = "D", "Democrat"
    REPUBLICAN = "R", "Republican"
    INDEPENDENT = "I", "Independent"
    LIBERTARIAN = "L", "Libertarian"
    OTHER = "O", "Other"


class MemberQuerySet(models.QuerySet):
    def serving_on(self, on: date, chamber: str | None = None, state: str | None = None) -> MemberQuerySet:
        """Members with a term covering ``on`` (chamber/state narrow that same term)."""
        # EXISTS rather than a join: one row per member, no DISTINCT needed.
        terms = Term.objects.filter(member=models.OuterRef("pk"), start__lte=on).filter(
            models.Q(end__isnull=True) | models.Q(end__gte=on)
        )
        if chamber:
            terms = terms.filter(chamber=chamber)
        if state:
            terms = terms.filter(state=state)
        return self.filter(models.Exists(terms))

    def get_by_natural_key(self, bioguide: str) -> Member:
        # loaddata needs it to read Member.natural_key() back (README's dumpdata --natural-foreign).
        return self.get(bioguide=bioguide)


class Member(models.Model):
    bioguide = models.CharField("bioguide id", max_length=7, unique=True)
    govtrack_id = models.PositiveIntegerField(null=True, blank=True)
    icpsr_id = models.PositiveIntegerField(null=True, blank=True)
    thomas_id = models.CharField(max_length=10, blank=True)
    lis_id = models.CharField(max_length=10, blank=True)
    opensecrets_id = models.CharField(max_length=20, blank=True)
    wikidata_id = models.CharField(max_length=20, blank=True)
    wikipedia = models.CharField(max_length=200, blank=True)

    first_name = models.CharField(max_length=100)
    middle_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, db_index=True)
    suffix = models.CharField(max_length=20, blank=True)
    nickname = models.CharField(max_length=100, blank=True)
    official_full_name = models.CharField(max_length=200, blank=True)
    # Earlier names (e.g. before marriage), as the source lists them: [{"last": ..., "end": ...}].
    other_names = models.JSONField(default=list, blank=True)
    birthday = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=1, blank=True)
    # False for members known only from the historical CSV (last term, no dates).
    has_dated_terms = models.BooleanField(default=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "bioguide"]
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.bioguide})"

    @property
    def display_name(self) -> str:
        if self.official_full_name:
            return self.official_full_name
        first = self.nickname or self.first_name
        return " ".join(part for part in (first, self.last_name, self.suffix) if part)

    def natural_key(self) -> tuple[str]:
        return (self.bioguide,)


class Term(models.Model):
    """One stretch of service with one party.

    The source gives one term per election; a mid-term party switch (Van Drew D→R in 2019,
    Sinema D→I in 2022) is stored as consecutive rows so "party on a date" is one lookup.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="terms")
    chamber = models.CharField(max_length=6, choices=Chamber.choices)
    state = models.CharField(max_length=2)
    district = models.SmallIntegerField(null=True, blank=True, help_text="0 = at-large")
    senate_class = models.SmallIntegerField(null=True, blank=True)
    party = models.CharField(max_length=1, choices=Party.choices)
    party_name = models.CharField(max_length=60, help_text="As the source spells it")
    caucus = models.CharField(
        max_length=1, choices=Party.choices, blank=True, help_text="Party an independent caucuses with"
    )
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    end_approximate = models.BooleanField(default=False)
    how = models.CharField(max_length=40, blank=True)
    url = models.URLField(max_length=300, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    office = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["member", "start"]
        indexes = [
            models.Index(fields=["start", "end"]),
            models.Index(fields=["chamber", "state", "start"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["member", "chamber", "start"], name="term_unique_start"),
        ]

    def __str__(self) -> str:
        where = self.state if self.district is None else f"{self.state}-{self.district:02d}"
        return f"{self.get_chamber_display()} {where} {self.party} {self.start}–{self.end}"  # noqa: RUF001 (typographic range)

    @property
    def caucus_party(self) -> str:
        """The party the member votes with: their caucus if set, else their own."""
        return self.caucus or self.party


class Committee(models.Model):
    """A committee (parent is null) or subcommittee, keyed by its THOMAS id (HSAG, HSAG15)."""

    thomas_id = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=300)
    chamber = models.CharField(max_length=6, choices=[*Chamber.choices, ("joint", "Joint")])
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="subcommittees"
    )
    url = models.URLField(max_length=300, blank=True)
    jurisdiction = models.TextField(blank=True)
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["chamber", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name}: {self.name}" if self.parent_id else self.name


class CommitteeMembership(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="committee_memberships")
    side = models.CharField(max_length=8, blank=True, help_text="majority / minority")
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=100, blank=True, help_text="e.g. Chairman, Ranking Member")

    class Meta:
        ordering = ["committee", "side", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "member"], name="committee_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.member.display_name} on {self.committee}"


class Caucus(models.Model):
    """An informal member organisation (e.g. the Congressional Ukraine Caucus); staff maintain these."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    chamber = models.CharField(
        max_length=10, choices=[*Chamber.choices, ("bicameral", "Bicameral")], blank=True
    )
    is_bipartisan = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    url = models.URLField(max_length=300, blank=True)
    members = models.ManyToManyField(Member, through="CaucusMembership", related_name="caucuses")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "caucuses"

    def __str__(self) -> str:
        return self.name


class CaucusRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    VICE_CHAIR = "vice_chair", "Vice chair"
    MEMBER = "member", "Member"


class CaucusMembership(models.Model):
    caucus = models.ForeignKey(Caucus, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="caucus_memberships")
    role = models.CharField(max_length=12, choices=CaucusRole.choices, default=CaucusRole.MEMBER)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where this was learned (URL or note)")

    class Meta:
        ordering = ["caucus", "role", "member"]
        constraints = [
            models.UniqueConstraint(fields=["caucus", "member", "since"], name="caucus_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.member.display_name}: {self.get_role_display()} of {self.caucus}"

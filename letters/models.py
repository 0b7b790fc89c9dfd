"""Congressional letters, who signed them (with their party at signing), what they ask, of whom.

Writes go through letters/services.py so the admin, the API, CSV import and the news tracker share
one set of rules; reads with breakdowns live in letters/selectors.py.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from members.models import Caucus, Member


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    CIRCULATING = "circulating", "Circulating"
    SENT = "sent", "Sent"
    RESPONDED = "responded", "Responded"
    WITHDRAWN = "withdrawn", "Withdrawn"


class LetterKind(models.TextChoices):
    PRESIDENT = "president", "To the President / White House"
    AGENCY = "agency", "To an agency or official"
    COMPANY = "company", "To a company"
    FOREIGN = "foreign", "To foreign officials"
    DEAR_COLLEAGUE = "dear_colleague", "Dear Colleague"
    LEADERSHIP = "leadership", "To congressional leadership"
    OTHER = "other", "Other"


class LetterChamber(models.TextChoices):
    HOUSE = "house", "House"
    SENATE = "senate", "Senate"
    BICAMERAL = "bicameral", "Bicameral"


class SignatureRole(models.TextChoices):
    LEAD = "lead", "Lead"
    CO_LEAD = "co_lead", "Co-lead"
    SIGNER = "signer", "Signer"


LEAD_ROLES = (SignatureRole.LEAD, SignatureRole.CO_LEAD)


class SignatureSource(models.TextChoices):
    MANUAL = "manual", "Entered by staff"
    ARTICLE = "article", "Found in a news article"
    IMPORT = "import", "CSV import"
    SIGNER_LIST = "signer_list", "Pasted signer list"


class Stance(models.TextChoices):
    SUPPORT = "support", "Support"
    OPPOSE = "oppose", "Oppose"
    CHANGE = "change", "Change"
    INQUIRE = "inquire", "Inquire"
    OTHER = "other", "Other"


# Before the 20th Amendment (first applied to the 74th Congress, 1935) a Congress began on March 4.
_TWENTIETH_AMENDMENT_YEAR = 1935


def congress_on(day: dt.date) -> int:
    """The number of the Congress sitting on ``day`` (the 118th ran 2023-01-03 to 2025-01-03)."""
    congress = (day.year - 1789) // 2 + 1
    if (day.year - 1789) % 2 == 0:  # odd calendar year: a new Congress begins this year
        start = dt.date(day.year, 1, 3) if day.year >= _TWENTIETH_AMENDMENT_YEAR else dt.date(day.year, 3, 4)
        if day < start:
            congress -= 1
    return congress


class Recipient(models.Model):
    """A person and/or office a letter is addressed to: "President Joe Biden", "Meta CEO Mark Zuckerberg"."""

    name = models.CharField(max_length=200, blank=True, help_text="The person, e.g. Joe Biden")
    office = models.CharField(max_length=200, blank=True, help_text="The office or title, e.g. President")
    organization = models.CharField(max_length=200, blank=True, help_text="e.g. Department of Defense, Meta")

    class Meta:
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "office", "organization"], name="recipient_unique"),
        ]

    def __str__(self) -> str:
        return " ".join(part for part in (self.office, self.name) if part) or self.organization


class Policy(models.Model):
    """A policy letters push on; a policy gathers many letters over time."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    issue_area = models.CharField(max_length=100, blank=True, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    related = models.ManyToManyField("self", blank=True, symmetrical=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "policies"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)


class Letter(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    summary = models.TextField(blank=True)
    full_text = models.TextField(blank=True)
    ask = models.CharField(max_length=1000, blank=True, help_text="What the letter asks, in one line")
    sent_on = models.DateField(null=True, blank=True, help_text="Empty while the letter circulates")
    status = models.CharField(max_length=12, choices=LetterStatus.choices, default=LetterStatus.SENT)
    kind = models.CharField(max_length=16, choices=LetterKind.choices, default=LetterKind.OTHER)
    chamber = models.CharField(
        max_length=10, choices=LetterChamber.choices, blank=True, help_text="Derived from signers"
    )
    congress = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False, db_index=True, help_text="Derived from the date sent"
    )
    source_urls = models.JSONField(default=list, blank=True, help_text="Letter PDF, press release, …")
    # What the public record says about the signers ("at least 20 House Democrats"), which may
    # exceed the signers we know by name.
    stated_total = models.PositiveIntegerField(null=True, blank=True)
    stated_democrats = models.PositiveIntegerField(null=True, blank=True)
    stated_republicans = models.PositiveIntegerField(null=True, blank=True)
    stated_independents = models.PositiveIntegerField(null=True, blank=True)
    counts_are_minimum = models.BooleanField(default=False, help_text='Stated as "at least"')
    tags = models.JSONField(default=list, blank=True, help_text="Issue areas")
    caucuses = models.ManyToManyField(Caucus, blank=True, related_name="letters")
    recipients = models.ManyToManyField(Recipient, through="LetterRecipient", related_name="letters")
    policies = models.ManyToManyField(Policy, through="LetterPolicy", related_name="letters")
    last_covered_at = models.DateTimeField(null=True, blank=True, help_text="Latest news coverage seen")
    coverage_count = models.PositiveIntegerField(default=0)
    notes = models.TextField(blank=True, help_text="Staff notes")
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by load_demo")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[caucuses])

    class Meta:
        ordering = ["-sent_on", "-id"]
        indexes = [models.Index(fields=["sent_on"]), models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.sent_on:%Y-%m-%d})" if self.sent_on else self.title

    def save(self, *args, **kwargs) -> None:
        self.congress = congress_on(self.sent_on) if self.sent_on else None
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        base = slugify(f"{self.sent_on:%Y-%m-%d} {self.title}" if self.sent_on else self.title)[:300]
        base = base or "letter"
        slug, n = base, 2
        while Letter.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class Signature(models.Model):
    """A member's name on a letter; a lead is a signature with a lead role.

    The party, chamber, state and district are copied from the member's term on the letter's date
    and kept: a member who later switches party still counts for the party they had when signing.
    """

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="signatures")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(max_length=8, choices=SignatureRole.choices, default=SignatureRole.SIGNER)
    party_at_signing = models.CharField(max_length=1, blank=True)
    chamber_at_signing = models.CharField(max_length=6, blank=True)
    state_at_signing = models.CharField(max_length=2, blank=True)
    district_at_signing = models.SmallIntegerField(null=True, blank=True)
    added_on = models.DateField(default=timezone.localdate)
    source = models.CharField(max_length=12, choices=SignatureSource.choices, default=SignatureSource.MANUAL)
    verified = models.BooleanField(default=False)
    override_reason = models.CharField(
        max_length=300, blank=True, help_text="Why a member not serving on the letter's date was accepted"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["letter", "role", "member__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "member"], name="signature_one_per_member"),
        ]
        indexes = [models.Index(fields=["letter", "party_at_signing"])]

    def __str__(self) -> str:
        return f"{self.member} on {self.letter_id} ({self.get_role_display()})"

    @property
    def is_lead(self) -> bool:
        return self.role in LEAD_ROLES


class LetterRecipient(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="letter_recipients")
    recipient = models.ForeignKey(Recipient, on_delete=models.PROTECT, related_name="letter_recipients")
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["letter", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "recipient"], name="letter_recipient_unique"),
        ]

    def __str__(self) -> str:
        return str(self.recipient)


class LetterPolicy(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="letter_policies")
    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="letter_policies")
    stance = models.CharField(max_length=8, choices=Stance.choices, default=Stance.CHANGE)
    note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["letter", "policy"]
        verbose_name_plural = "letter policies"
        constraints = [
            models.UniqueConstraint(fields=["letter", "policy"], name="letter_policy_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stance_display()}: {self.policy}"


class Response(models.Model):
    """The recipient's answer to a letter."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="responses")
    responder = models.ForeignKey(
        Recipient, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    received_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["letter", "received_on", "id"]

    def __str__(self) -> str:
        return f"Response to {self.letter_id} on {self.received_on or 'unknown date'}"

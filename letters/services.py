"""Writes about letters: one set of rules for the admin, the API, CSV import, commands and the tracker.

Every service validates before it writes and runs in one transaction, so a bad row or a bad
signer never leaves a letter half-saved. Errors are django ValidationErrors with messages staff
can act on ("Marcy Kaptur already signed this letter").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce, Concat, Greatest
from django.utils import timezone

from letters.models import (
    LEAD_ROLES,
    Letter,
    LetterChamber,
    LetterKind,
    LetterPolicy,
    LetterRecipient,
    LetterStatus,
    Policy,
    Recipient,
    Response,
    Signature,
    SignatureRole,
    SignatureSource,
    Stance,
)
from members.models import Caucus, Member, Term
from members.selectors import term_on

# The First Congress met on 4 March 1789; no letter predates it.
FIRST_CONGRESS = dt.date(1789, 3, 4)
# A letter may be dated ahead while it circulates, but not by more than a year (a typo otherwise).
MAX_DAYS_AHEAD = 366

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_WRITTEN_DATE = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")

STATED_COUNT_KEYS = {
    "total": "stated_total",
    "D": "stated_democrats",
    "R": "stated_republicans",
    "I": "stated_independents",
}


def letter_date_parse(value: dt.date | str | None) -> dt.date | None:
    """A letter date from a date or the forms staff type: 2024-09-10, 9/10/2024, Sept. 10, 2024.

    Raises ValidationError with the offending text for impossible or out-of-range dates.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        if not text:
            return None
        try:
            day = _parse_date_text(text)
        except ValueError:
            raise ValidationError(
                f"{text!r} is not a valid date (use YYYY-MM-DD, e.g. 2024-09-10).", code="invalid_date"
            ) from None
    if day < FIRST_CONGRESS:
        raise ValidationError(f"{day} is before the First Congress (1789-03-04).", code="invalid_date")
    if day > timezone.localdate() + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError(f"{day} is more than a year in the future.", code="invalid_date")
    return day


def _parse_date_text(text: str) -> dt.date:
    if match := _US_DATE.match(text):
        month, day, year = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    if match := _WRITTEN_DATE.match(text):
        month = _MONTHS.get(match.group(1).lower())
        if month is None:
            raise ValueError(text)
        return dt.date(int(match.group(3)), month, int(match.group(2)))
    return dt.date.fromisoformat(text)


def recipient_get_or_create(
    *, text: str = "", name: str = "", office: str = "", organization: str = ""
) -> Recipient:
    """A recipient by its display text ("President Joe Biden") or by parts; reuses an existing one."""
    if text and not (name or office or organization):
        text = " ".join(text.split())
        # Match what Recipient.__str__ shows ("President Joe Biden"), in the database.
        display = Case(
            When(Q(office="") & Q(name=""), then=F("organization")),
            When(office="", then=F("name")),
            When(name="", then=F("office")),
            default=Concat(F("office"), Value(" "), F("name")),
            output_field=CharField(),
        )
        found = (
            Recipient.objects.annotate(display=display).filter(display__iexact=text).order_by("pk").first()
        )
        if found is not None:
            return found
        name = text
    if not (name or office or organization):
        raise ValidationError("A recipient needs a name, an office or an organization.")
    recipient, _ = Recipient.objects.get_or_create(name=name, office=office, organization=organization)
    return recipient


def policy_get_or_create(*, name: str, issue_area: str = "", description: str = "") -> Policy:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("A policy needs a name.")
    policy = Policy.objects.filter(name__iexact=name).first()
    if policy is None:
        policy = Policy.objects.create(name=name, issue_area=issue_area, description=description)
    return policy


def _stated_counts(stated_counts: Mapping[str, int | None] | None) -> dict[str, int | None]:
    fields: dict[str, int | None] = {}
    for key, value in (stated_counts or {}).items():
        field = STATED_COUNT_KEYS.get(key) or STATED_COUNT_KEYS.get(str(key).upper())
        if field is None:
            raise ValidationError(f"Unknown stated count {key!r} (use total, D, R or I).")
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValidationError(f"Stated count {key} must be a whole number ≥ 0, got {value!r}.")
        fields[field] = value
    return fields


@transaction.atomic
def letter_create(
    *,
    title: str,
    sent_on: dt.date | str | None = None,
    kind: str = LetterKind.OTHER,
    chamber: str | None = None,
    ask: str = "",
    summary: str = "",
    full_text: str = "",
    recipients: Iterable[Recipient | str] = (),
    policies: Iterable[tuple[Policy | str, str]] = (),
    stated_counts: Mapping[str, int | None] | None = None,
    counts_are_minimum: bool = False,
    caucuses: Iterable[Caucus | str] = (),
    source_urls: Sequence[str] = (),
    tags: Sequence[str] = (),
    status: str = LetterStatus.SENT,
    notes: str = "",
    is_demo: bool = False,
    slug: str = "",
    user=None,
) -> Letter:
    """Create a letter with its recipients, policies (with stances) and sponsoring caucuses.

    ``stated_counts`` holds what the public record says: {"total": 25, "D": 20, "R": 5}.
    ``caucuses`` takes Caucus rows or slugs; ``recipients`` Recipient rows or display text.
    """
    letter = Letter(
        slug=slug,
        title=" ".join(title.split()),
        sent_on=letter_date_parse(sent_on),
        kind=kind,
        chamber=chamber or "",
        ask=ask,
        summary=summary,
        full_text=full_text,
        counts_are_minimum=counts_are_minimum,
        source_urls=list(source_urls),
        tags=list(tags),
        status=status,
        notes=notes,
        is_demo=is_demo,
        **_stated_counts(stated_counts),
    )
    _letter_validate(letter)
    _set_history_user(letter, user)
    letter.save()
    letter_set_recipients(letter=letter, recipients=recipients)
    for policy, stance in policies:
        letter_set_policy(letter=letter, policy=policy, stance=stance)
    letter_set_caucuses(letter=letter, caucuses=caucuses)
    return letter


_UPDATABLE = {
    "title",
    "summary",
    "full_text",
    "ask",
    "kind",
    "status",
    "chamber",
    "counts_are_minimum",
    "source_urls",
    "tags",
    "notes",
}


@transaction.atomic
def letter_update(
    *, letter: Letter, user=None, stated_counts: Mapping[str, int | None] | None = None, **fields
) -> Letter:
    """Change a letter's fields. A new ``sent_on`` re-derives every signer's party at signing."""
    unknown = set(fields) - _UPDATABLE - {"sent_on"}
    if unknown:
        raise ValidationError(f"Cannot update {', '.join(sorted(unknown))} on a letter.")
    date_changed = False
    if "sent_on" in fields:
        new_date = letter_date_parse(fields.pop("sent_on"))
        date_changed = new_date != letter.sent_on
        letter.sent_on = new_date
    for name, value in fields.items():
        setattr(letter, name, value)
    for name, value in _stated_counts(stated_counts).items():
        setattr(letter, name, value)
    _letter_validate(letter)
    _set_history_user(letter, user)
    letter.save()
    if date_changed:
        signatures_refresh_at_signing(letter=letter, user=user)
    return letter


@transaction.atomic
def signatures_refresh_at_signing(*, letter: Letter, user=None) -> None:
    """Re-copy every signer's party/chamber/state from their term on the letter's (new) date.

    Raises ValidationError listing the signers who were not serving then (without an override).
    """
    errors: list[str] = []
    for signature in letter.signatures.select_related("member"):
        try:
            _fill_at_signing(signature, override_reason=signature.override_reason)
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        _set_history_user(signature, user)
        signature.save()
    if errors:
        raise ValidationError(errors)
    letter_refresh_chamber(letter=letter)


def stated_counts_validate(
    *, total: int | None, democrats: int | None, republicans: int | None, independents: int | None
) -> None:
    """The per-party counts the record states cannot exceed the stated total."""
    if total is not None and sum(n or 0 for n in (democrats, republicans, independents)) > total:
        raise ValidationError(
            {"stated_total": "The stated per-party counts add up to more than the stated total."}
        )


def _letter_validate(letter: Letter) -> None:
    if not letter.title.strip():
        raise ValidationError({"title": "A letter needs a title."})
    stated_counts_validate(
        total=letter.stated_total,
        democrats=letter.stated_democrats,
        republicans=letter.stated_republicans,
        independents=letter.stated_independents,
    )
    letter.full_clean(exclude=["slug", "congress"], validate_unique=False)


def letter_set_recipients(*, letter: Letter, recipients: Iterable[Recipient | str]) -> None:
    for order, item in enumerate(recipients):
        recipient = item if isinstance(item, Recipient) else recipient_get_or_create(text=item)
        LetterRecipient.objects.update_or_create(
            letter=letter, recipient=recipient, defaults={"order": order}
        )


def letter_set_policy(*, letter: Letter, policy: Policy | str, stance: str = Stance.CHANGE) -> LetterPolicy:
    if stance not in Stance.values:
        raise ValidationError(f"Unknown stance {stance!r} (use one of {', '.join(Stance.values)}).")
    if not isinstance(policy, Policy):
        policy = policy_get_or_create(name=policy)
    link, _ = LetterPolicy.objects.update_or_create(letter=letter, policy=policy, defaults={"stance": stance})
    return link


def letter_set_caucuses(*, letter: Letter, caucuses: Iterable[Caucus | str]) -> None:
    rows = []
    for item in caucuses:
        if isinstance(item, Caucus):
            rows.append(item)
            continue
        caucus = Caucus.objects.filter(slug=item).first() or Caucus.objects.filter(name__iexact=item).first()
        if caucus is None:
            raise ValidationError(f"No caucus {item!r}.")
        rows.append(caucus)
    if rows:
        letter.caucuses.add(*rows)


def letter_refresh_chamber(*, letter: Letter) -> str:
    """Derive the letter's chamber from its signers' chambers at signing (kept if none known)."""
    chambers = set(
        letter.signatures.exclude(chamber_at_signing="").values_list("chamber_at_signing", flat=True)
    )
    if not chambers:
        return letter.chamber
    chamber = chambers.pop() if len(chambers) == 1 else LetterChamber.BICAMERAL
    if chamber != letter.chamber:
        # A derived value: update() so it does not add a history row per signature.
        Letter.objects.filter(pk=letter.pk).update(chamber=chamber)
        letter.chamber = chamber
    return chamber


def _member(member: Member | str | int) -> Member:
    if isinstance(member, Member):
        return member
    found = (
        Member.objects.filter(bioguide=member).first()
        if isinstance(member, str)
        else Member.objects.filter(pk=member).first()
    )
    if found is None:
        raise ValidationError(f"No member with bioguide id {member!r}.")
    return found


def _signing_date(letter: Letter) -> dt.date:
    # A circulating letter has no date yet: its signers are checked against today.
    return letter.sent_on or timezone.localdate()


def _fill_at_signing(signature: Signature, *, override_reason: str = "") -> None:
    """Copy party/chamber/state/district from the member's term on the letter's date.

    Raises ValidationError when the member was not serving then, unless an override reason is given
    (the record then keeps the member's nearest earlier term, or their first one).
    """
    on = _signing_date(signature.letter)
    term = term_on(signature.member, on)
    if term is None:
        if not override_reason.strip():
            raise ValidationError(
                f"{signature.member.display_name} was not serving in Congress on {on:%Y-%m-%d}. "
                "Give an override reason to add this signature anyway.",
                code="not_serving",
            )
        term = (
            Term.objects.filter(member=signature.member, start__lte=on).order_by("-start").first()
            or Term.objects.filter(member=signature.member).order_by("start").first()
        )
    signature.override_reason = override_reason.strip()
    if term is not None:
        signature.party_at_signing = term.party
        signature.chamber_at_signing = term.chamber
        signature.state_at_signing = term.state
        signature.district_at_signing = term.district


def signature_prepare(
    *,
    letter: Letter,
    member: Member | str,
    role: str = SignatureRole.SIGNER,
    source: str = SignatureSource.MANUAL,
    verified: bool = False,
    override_reason: str = "",
    instance: Signature | None = None,
) -> Signature:
    """Validate a signature and fill its at-signing fields without saving (admin forms use this)."""
    member = _member(member)
    if role not in SignatureRole.values:
        raise ValidationError(f"Unknown role {role!r} (use lead, co_lead or signer).")
    existing = None
    if letter.pk is not None:  # a letter being created in the admin has no signatures yet
        duplicate = Signature.objects.filter(letter=letter, member=member)
        if instance is not None and instance.pk:
            duplicate = duplicate.exclude(pk=instance.pk)
        existing = duplicate.first()
    if existing is not None:
        raise ValidationError(
            f"{member.display_name} already signed this letter (as {existing.get_role_display().lower()}).",
            code="duplicate_signature",
        )
    signature = instance or Signature()
    signature.letter = letter
    signature.member = member
    signature.role = role
    signature.source = source
    signature.verified = verified
    _fill_at_signing(signature, override_reason=override_reason)
    return signature


@transaction.atomic
def signature_add(
    *,
    letter: Letter,
    member: Member | str,
    role: str = SignatureRole.SIGNER,
    source: str = SignatureSource.MANUAL,
    verified: bool = False,
    override_reason: str = "",
    user=None,
) -> Signature:
    """Add one member's signature (a lead is a signature with role lead / co_lead).

    Refuses a second signature by the same member, and a member not serving on the letter's date
    unless ``override_reason`` says why.
    """
    signature = signature_prepare(
        letter=letter,
        member=member,
        role=role,
        source=source,
        verified=verified,
        override_reason=override_reason,
    )
    _set_history_user(signature, user)
    signature.save()
    letter_refresh_chamber(letter=letter)
    return signature


@transaction.atomic
def signature_update(
    *,
    signature: Signature,
    role: str | None = None,
    verified: bool | None = None,
    override_reason: str | None = None,
    user=None,
) -> Signature:
    if role is not None:
        if role not in SignatureRole.values:
            raise ValidationError(f"Unknown role {role!r} (use lead, co_lead or signer).")
        signature.role = role
    if verified is not None:
        signature.verified = verified
    if override_reason is not None:
        _fill_at_signing(signature, override_reason=override_reason)
    _set_history_user(signature, user)
    signature.save()
    return signature


@transaction.atomic
def signature_remove(*, signature: Signature, user=None) -> None:
    letter = signature.letter
    _set_history_user(signature, user)
    signature.delete()
    letter_refresh_chamber(letter=letter)


@dataclass(frozen=True)
class SignersAdded:
    added: list[Signature]
    already_signed: list[Member]


@transaction.atomic
def signatures_add_from_list(
    *,
    letter: Letter,
    bioguides: Sequence[str],
    lead_bioguides: Sequence[str] = (),
    source: str = SignatureSource.SIGNER_LIST,
    override_reason: str = "",
    user=None,
) -> SignersAdded:
    """Add the signers of a confirmed signer list, in order; all or nothing.

    Members already on the letter are skipped (a pasted list usually repeats known signers), but
    a lead is promoted if the list says so. Every lead must be among ``bioguides``: a lead is a
    signer with a lead role. Any member not serving on the letter's date fails the whole list
    unless ``override_reason`` is given.
    """
    ordered = list(dict.fromkeys(b.strip().upper() for b in bioguides if b and b.strip()))
    leads = {b.strip().upper() for b in lead_bioguides if b and b.strip()}
    stray_leads = leads - set(ordered)
    if stray_leads:
        raise ValidationError(
            f"Lead(s) {', '.join(sorted(stray_leads))} are not among the signers; a lead must sign."
        )
    members = {m.bioguide: m for m in Member.objects.filter(bioguide__in=ordered)}
    missing = [b for b in ordered if b not in members]
    if missing:
        raise ValidationError(f"No member with bioguide id {', '.join(missing)}.")
    existing = {s.member.bioguide: s for s in letter.signatures.select_related("member")}
    added: list[Signature] = []
    already: list[Member] = []
    errors: list[str] = []
    for bioguide in ordered:
        role = SignatureRole.LEAD if bioguide in leads else SignatureRole.SIGNER
        if bioguide in existing:
            signature = existing[bioguide]
            already.append(signature.member)
            if role == SignatureRole.LEAD and signature.role not in LEAD_ROLES:
                signature_update(signature=signature, role=role, user=user)
            continue
        try:
            signature = signature_prepare(
                letter=letter,
                member=members[bioguide],
                role=role,
                source=source,
                override_reason=override_reason,
            )
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        _set_history_user(signature, user)
        signature.save()
        added.append(signature)
    if errors:
        raise ValidationError(errors)
    letter_refresh_chamber(letter=letter)
    return SignersAdded(added=added, already_signed=already)


def letter_record_coverage(*, letter: Letter, at: dt.datetime) -> None:
    """Count one more news report of the letter; last_covered_at only ever moves forward."""
    # One UPDATE with F(): concurrent ingest workers must not lose each other's increments.
    Letter.objects.filter(pk=letter.pk).update(
        coverage_count=F("coverage_count") + 1,
        last_covered_at=Greatest(Coalesce(F("last_covered_at"), at), at),
    )
    letter.refresh_from_db(fields=["coverage_count", "last_covered_at"])


@transaction.atomic
def response_add(
    *,
    letter: Letter,
    received_on: dt.date | str | None = None,
    summary: str = "",
    url: str = "",
    responder: Recipient | str | None = None,
    user=None,
) -> Response:
    """Record the recipient's answer; a sent letter becomes "responded"."""
    if responder is not None and not isinstance(responder, Recipient):
        responder = recipient_get_or_create(text=responder)
    response = Response(
        letter=letter,
        received_on=letter_date_parse(received_on),
        summary=summary,
        url=url,
        responder=responder,
    )
    response.full_clean()
    if letter.sent_on and response.received_on and response.received_on < letter.sent_on:
        raise ValidationError("A response cannot be received before the letter was sent.")
    _set_history_user(response, user)
    response.save()
    if letter.status in (LetterStatus.SENT, LetterStatus.CIRCULATING):
        letter.status = LetterStatus.RESPONDED
        _set_history_user(letter, user)
        letter.save(update_fields=["status", "updated_at"])
    return response


@transaction.atomic
def letter_restore(*, letter_id: int, user=None) -> Letter:
    """Bring back a deleted letter with its signatures, recipients, policies and responses.

    Each row is restored from its last historical record before the deletion; rows whose member,
    recipient or policy has since gone are skipped.
    """
    if Letter.objects.filter(pk=letter_id).exists():
        raise ValidationError(f"Letter {letter_id} is not deleted.")
    deleted = Letter.history.filter(id=letter_id, history_type="-").order_by("-history_date").first()
    if deleted is None:
        raise ValidationError(f"No history for a deleted letter {letter_id}.")
    letter = deleted.instance
    _set_history_user(letter, user)
    letter.save()
    # The deletion record carries no many-to-many snapshot; the last record before it does.
    before = (
        Letter.history.filter(id=letter_id, history_date__lte=deleted.history_date)
        .exclude(history_type="-")
        .order_by("-history_date")
        .first()
    )
    caucus_ids = list(before.caucuses.values_list("caucus_id", flat=True)) if before else []
    letter.caucuses.set(Caucus.objects.filter(pk__in=caucus_ids))
    related = [
        (Signature, {"member_id__in": Member.objects.values("pk")}),
        (LetterRecipient, {"recipient_id__in": Recipient.objects.values("pk")}),
        (LetterPolicy, {"policy_id__in": Policy.objects.values("pk")}),
        (Response, {}),
    ]
    for model, still_there in related:
        deletions = model.history.filter(letter_id=letter_id, history_type="-", **still_there)
        latest: dict[int, object] = {}
        for record in deletions.order_by("history_date"):
            latest[record.id] = record
        for record in latest.values():
            if model.objects.filter(pk=record.id).exists():
                continue
            row = record.instance
            _set_history_user(row, user)
            row.save()
    return letter


def _set_history_user(instance, user) -> None:
    # django-simple-history reads _history_user when there is no request (commands, tasks).
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user

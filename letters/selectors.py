"""Reads about letters, with their breakdowns computed in the database.

Every count here is an annotation over one join to signatures (or a correlated subquery), so a
list of letters costs the same number of queries whether they have 3 signers or 300.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, NullIf, TruncMonth
from django.db.models.functions.datetime import TruncBase

from letters.models import LEAD_ROLES, Letter, LetterPolicy, LetterRecipient, Policy, Signature
from members.models import Caucus, CaucusMembership, Member

_SIGNED = "signatures"


def _party(code: str) -> Q:
    return Q(signatures__party_at_signing=code)


def letters_with_breakdowns(letters: QuerySet[Letter] | None = None) -> QuerySet[Letter]:
    """Letters annotated with their signers at signing, computed in the database.

    signer_count, lead_count, democrats, republicans, independents, other_party, house_signers,
    senate_signers, states_represented; is_bipartisan (both parties, known or stated);
    unknown_signers (stated total minus known signers, never below 0; null without a stated total)
    and missing_democrats / missing_republicans likewise.
    """
    letters = Letter.objects.all() if letters is None else letters
    annotated = letters.annotate(
        signer_count=Count(_SIGNED),
        lead_count=Count(_SIGNED, filter=Q(signatures__role__in=LEAD_ROLES)),
        democrats=Count(_SIGNED, filter=_party("D")),
        republicans=Count(_SIGNED, filter=_party("R")),
        independents=Count(_SIGNED, filter=_party("I")),
        other_party=Count(_SIGNED, filter=Q(signatures__party_at_signing__in=["L", "O"])),
        house_signers=Count(_SIGNED, filter=Q(signatures__chamber_at_signing="house")),
        senate_signers=Count(_SIGNED, filter=Q(signatures__chamber_at_signing="senate")),
        states_represented=Count(
            "signatures__state_at_signing", filter=~Q(signatures__state_at_signing=""), distinct=True
        ),
    )
    return annotated.annotate(
        is_bipartisan=Case(
            When(
                (Q(democrats__gt=0) | Q(stated_democrats__gt=0))
                & (Q(republicans__gt=0) | Q(stated_republicans__gt=0)),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        ),
        unknown_signers=Case(
            When(stated_total__isnull=True, then=Value(None)),
            default=Greatest(F("stated_total") - F("signer_count"), Value(0)),
            output_field=IntegerField(),
        ),
        missing_democrats=Case(
            When(stated_democrats__isnull=True, then=Value(None)),
            default=Greatest(F("stated_democrats") - F("democrats"), Value(0)),
            output_field=IntegerField(),
        ),
        missing_republicans=Case(
            When(stated_republicans__isnull=True, then=Value(None)),
            default=Greatest(F("stated_republicans") - F("republicans"), Value(0)),
            output_field=IntegerField(),
        ),
    )


def letters_for_listing(letters: QuerySet[Letter] | None = None) -> QuerySet[Letter]:
    """Breakdowns plus what a list shows: leads (with members) and recipients, prefetched."""
    leads = Signature.objects.filter(role__in=LEAD_ROLES).select_related("member").order_by("role", "id")
    return letters_with_breakdowns(letters).prefetch_related(
        Prefetch("signatures", queryset=leads, to_attr="lead_signatures"),
        Prefetch(
            "letter_recipients",
            queryset=LetterRecipient.objects.select_related("recipient"),
            to_attr="recipient_links",
        ),
    )


def _active_on_letter_date(memberships: QuerySet[CaucusMembership]) -> QuerySet[CaucusMembership]:
    # A membership with no dates counts always; otherwise it must cover the letter's date.
    date = OuterRef("sent_on")
    return memberships.filter(Q(since__isnull=True) | Q(since__lte=date)).filter(
        Q(until__isnull=True) | Q(until__gte=date)
    )


def letters_with_caucus_share(caucus: Caucus, letters: QuerySet[Letter] | None = None) -> QuerySet[Letter]:
    """Letters annotated with caucus_signers, caucus_size and caucus_share (signed / members).

    Membership is taken on the letter's date where the caucus records since/until dates.
    """
    letters = letters_with_breakdowns(letters)
    in_caucus = _active_on_letter_date(CaucusMembership.objects.filter(caucus=caucus)).values("member_id")
    size = (
        _active_on_letter_date(CaucusMembership.objects.filter(caucus=caucus))
        .order_by()
        .values("caucus_id")
        .annotate(n=Count("member_id", distinct=True))
        .values("n")
    )
    return letters.annotate(
        caucus_signers=Count(_SIGNED, filter=Q(signatures__member_id__in=in_caucus)),
        caucus_size=Coalesce(Subquery(size, output_field=IntegerField()), Value(0)),
    ).annotate(
        caucus_share=Cast(F("caucus_signers"), FloatField())
        / NullIf(Cast(F("caucus_size"), FloatField()), Value(0.0)),
    )


@dataclass(frozen=True)
class CaucusShare:
    caucus: Caucus
    signed: int
    members: int

    @property
    def share(self) -> float | None:
        return self.signed / self.members if self.members else None


def letter_caucus_shares(letter: Letter) -> list[CaucusShare]:
    """For each caucus with members who signed, or sponsoring the letter: how many of it signed.

    One query, whatever the number of signers or caucuses.
    """
    on = letter.sent_on
    active = Q()
    if on is not None:
        active = (Q(memberships__since__isnull=True) | Q(memberships__since__lte=on)) & (
            Q(memberships__until__isnull=True) | Q(memberships__until__gte=on)
        )
    signer_ids = Signature.objects.filter(letter=letter).values("member_id")
    caucuses = (
        Caucus.objects.filter(Q(letters=letter) | Q(memberships__member_id__in=signer_ids))
        .distinct()
        .annotate(
            size=Count("memberships__member", filter=active, distinct=True),
            signed=Count(
                "memberships__member",
                filter=active & Q(memberships__member_id__in=signer_ids),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    return [CaucusShare(caucus=c, signed=c.signed, members=c.size) for c in caucuses]


def letter_detail(pk: int) -> Letter:
    """One letter with breakdowns and everything its page shows."""
    return (
        letters_for_listing(Letter.objects.filter(pk=pk))
        .prefetch_related(
            Prefetch(
                "signatures",
                queryset=Signature.objects.select_related("member").order_by("role", "member__last_name"),
                to_attr="all_signatures",
            ),
            Prefetch("letter_policies", queryset=LetterPolicy.objects.select_related("policy")),
            "caucuses",
            "responses",
        )
        .get()
    )


def member_signatures(member: Member) -> QuerySet[Signature]:
    """The member's signatures (led and signed), newest letter first, with their letters."""
    return (
        Signature.objects.filter(member=member)
        .select_related("letter")
        .order_by(F("letter__sent_on").desc(nulls_last=True), "-letter_id")
    )


def policy_signatures(policy: Policy) -> QuerySet[Signature]:
    """Every signature on a letter targeting the policy, annotated with that letter's stance."""
    stance = LetterPolicy.objects.filter(policy=policy, letter_id=OuterRef("letter_id")).values("stance")[:1]
    return (
        Signature.objects.filter(letter__letter_policies__policy=policy)
        .annotate(stance=Subquery(stance))
        .select_related("member", "letter")
        .order_by("stance", "member__last_name", "member__first_name")
    )


def letters_led_by_party(party: str, letters: QuerySet[Letter] | None = None) -> QuerySet[Letter]:
    """Letters with a lead or co-lead of ``party`` at signing (EXISTS: no duplicate rows)."""
    letters = Letter.objects.all() if letters is None else letters
    leads = Signature.objects.filter(letter_id=OuterRef("pk"), role__in=LEAD_ROLES, party_at_signing=party)
    return letters.filter(Exists(leads))


def bipartisanship_by_period(
    letters: QuerySet[Letter], *, trunc: type[TruncBase] = TruncMonth, letters_filtered: bool = True
) -> list[dict]:
    """Per period (letters' sent_on truncated by ``trunc``): letters sent and how many were
    bipartisan (both parties known or stated, as letters_with_breakdowns' is_bipartisan).

    One pass over the signatures grouped by letter, joined to the letters and grouped again by
    period. Two EXISTS per letter instead made PostgreSQL hash every D and every R signature
    separately (~3x slower at 300,000 signatures). Django cannot aggregate over an aggregate, so
    the outer grouping is SQL around two ORM-compiled subqueries (portable: no dialect functions).
    ``letters_filtered``: restrict the signature pass to ``letters`` (worth it for a subset only).
    """
    dated = (
        letters.filter(sent_on__isnull=False)
        .annotate(period=trunc("sent_on"))
        .order_by()
        .values("id", "period", "stated_democrats", "stated_republicans")
    )
    parties = (
        Signature.objects.order_by()
        .values("letter_id")
        # Counting party_at_signing (not id) keeps every column in the (letter, party) index:
        # an index-only scan already sorted by letter, instead of a heap scan and a hash.
        .annotate(
            d=Count("party_at_signing", filter=Q(party_at_signing="D")),
            r=Count("party_at_signing", filter=Q(party_at_signing="R")),
        )
    )
    if letters_filtered:
        parties = parties.filter(letter_id__in=letters.order_by().values("pk"))
    letters_sql, letters_params = dated.query.sql_with_params()
    parties_sql, parties_params = parties.query.sql_with_params()
    # Only ORM-compiled SQL is interpolated; every value stays a bound parameter.
    sql = (
        "SELECT l.period, COUNT(*), SUM(CASE WHEN (COALESCE(s.d, 0) > 0 OR l.stated_democrats > 0)"  # noqa: S608
        " AND (COALESCE(s.r, 0) > 0 OR l.stated_republicans > 0) THEN 1 ELSE 0 END)"
        f" FROM ({letters_sql}) l LEFT JOIN ({parties_sql}) s ON s.letter_id = l.id"
        " GROUP BY l.period ORDER BY l.period"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*letters_params, *parties_params))
        rows = cursor.fetchall()
    return [
        {"period": _as_date(period), "letters": total, "bipartisan": int(both or 0)}
        for period, total, both in rows
    ]


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    # Raw rows skip the ORM's converters: PostgreSQL gives a timestamp, SQLite a string.
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def caucus_policy_signers(caucus_ids: list[int], *, letters: QuerySet[Letter] | None = None) -> list[dict]:
    """For each of these caucuses and each policy: how many of the caucus's members signed a
    letter on it (any of ``letters``, default all), as {caucus_pk, policy_pk, signers} rows.

    Distinct (member, policy) pairs first, then one membership join: joining memberships to
    every signature before de-duplicating multiplied the rows (1.5 million at 300,000
    signatures) and sorted them on disk for COUNT(DISTINCT). Portable SQL around ORM-compiled
    subqueries, as in bipartisanship_by_period.
    """
    if not caucus_ids:
        return []
    memberships = CaucusMembership.objects.filter(caucus_id__in=caucus_ids).order_by()
    signatures = Signature.objects.filter(member_id__in=memberships.values("member_id"))
    if letters is not None:
        signatures = signatures.filter(letter_id__in=letters.order_by().values("pk"))
    pairs = (
        signatures.exclude(letter__letter_policies__policy_id=None)
        .order_by()
        .values("member_id", policy=F("letter__letter_policies__policy_id"))
        .distinct()
    )
    # A member may hold several stints in one caucus: count them once.
    members = memberships.values("caucus_id", "member_id").distinct()
    pairs_sql, pairs_params = pairs.query.sql_with_params()
    members_sql, members_params = members.query.sql_with_params()
    # Only ORM-compiled SQL is interpolated; every value stays a bound parameter.
    sql = (
        f"SELECT m.caucus_id, p.policy, COUNT(*) FROM ({pairs_sql}) p"  # noqa: S608
        f" JOIN ({members_sql}) m ON m.member_id = p.member_id"
        " GROUP BY m.caucus_id, p.policy"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*pairs_params, *members_params))
        return [
            {"caucus_pk": caucus_pk, "policy_pk": policy_pk, "signers": signers}
            for caucus_pk, policy_pk, signers in cursor.fetchall()
        ]

"""REST endpoints for letters, signatures, policies and recipients, and the letter stats.

Reads use letters/selectors.py for breakdowns; writes go through letters/services.py, the same
rules the admin applies. Lists paginate the bare letter rows first and annotate breakdowns for
the page's ids only: counting signatures for every letter before LIMIT would cost a full
aggregate over all signatures on every page view.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth, TruncWeek
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.fields import get_error_detail
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api_throttling import WRITE_THROTTLES
from config.roles import HasPermissions, ModelRolePermission
from config.stats_cache import CachedStatsMixin
from letters import selectors, services
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
    Signature,
    SignatureRole,
    SignatureSource,
    Stance,
)
from letters.models import Response as LetterResponse
from members.api import MemberSerializer, MemberViewSet, member_list_rows
from members.models import Caucus, CaucusMembership, CommitteeMembership, Member
from members.selectors import covering_terms


def _as_drf_error(exc: DjangoValidationError) -> ValidationError:
    return ValidationError(detail=get_error_detail(exc))


def _signature_count(**conditions: Any) -> Coalesce:
    """Correlated COUNT of a letter's signatures: evaluated only for the rows returned."""
    counted = (
        Signature.objects.filter(letter_id=OuterRef("pk"), **conditions)
        .order_by()
        .values("letter_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# --- Members, extended with their letters ----------------------------------------------------


class MemberWithLettersSerializer(MemberSerializer):
    letters_led = serializers.IntegerField(read_only=True)
    letters_signed = serializers.IntegerField(read_only=True)

    class Meta(MemberSerializer.Meta):
        fields = [*MemberSerializer.Meta.fields, "letters_led", "letters_signed"]


class MemberWithLettersViewSet(MemberViewSet):
    __doc__ = MemberViewSet.__doc__
    serializer_class = MemberWithLettersSerializer
    ordering_fields = [*MemberViewSet.ordering_fields, "letters_led", "letters_signed"]

    def get_queryset(self) -> QuerySet[Member]:
        return _with_letter_counts(super().get_queryset())

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Page the ids, then build the rows from values() (member_list_rows): same JSON as the
        # serializer, without its per-row cost.
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset.values_list("pk", flat=True))
        rows = member_list_rows(
            list(page),
            members=_with_letter_counts(Member.objects.all()),
            extra_fields=("letters_led", "letters_signed"),
        )
        return self.get_paginated_response(rows)


def _with_letter_counts(members: QuerySet[Member]) -> QuerySet[Member]:
    def count(**conditions: Any) -> Coalesce:
        rows = (
            Signature.objects.filter(member_id=OuterRef("pk"), **conditions)
            .order_by()
            .values("member_id")
            .annotate(n=Count("id"))
            .values("n")
        )
        return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))

    return members.annotate(letters_led=count(role__in=LEAD_ROLES), letters_signed=count())


# --- Letters ------------------------------------------------------------------------------------


def _signed_by(**conditions: Any) -> Exists:
    return Exists(Signature.objects.filter(letter_id=OuterRef("pk"), **conditions))


class LetterFilter(filters.FilterSet):
    sent_after = filters.DateFilter(field_name="sent_on", lookup_expr="gte")
    sent_before = filters.DateFilter(field_name="sent_on", lookup_expr="lte")
    congress = filters.NumberFilter()
    status = filters.MultipleChoiceFilter(choices=LetterStatus.choices)
    kind = filters.MultipleChoiceFilter(choices=LetterKind.choices)
    chamber = filters.ChoiceFilter(choices=LetterChamber.choices)
    policy = filters.CharFilter(method="filter_policy", label="Policy slug")
    stance = filters.ChoiceFilter(choices=Stance.choices, method="filter_stance", label="Stance on ?policy")
    caucus = filters.CharFilter(method="filter_caucus", label="Sponsoring caucus slug")
    signed_by_caucus = filters.CharFilter(
        method="filter_signed_by_caucus", label="A member of this caucus signed"
    )
    member = filters.CharFilter(method="filter_member", label="Signed (any role) by bioguide id")
    led_by = filters.CharFilter(method="filter_led_by", label="Led or co-led by bioguide id")
    signer_party = filters.CharFilter(method="filter_signer_party", label="Has a signer of this party")
    lead_party = filters.CharFilter(method="filter_lead_party", label="Has a lead of this party")
    state = filters.CharFilter(method="filter_state", label="Has a signer from this state")
    bipartisan = filters.BooleanFilter(method="filter_bipartisan")
    recipient = filters.NumberFilter(field_name="letter_recipients__recipient_id", distinct=True)
    covered = filters.BooleanFilter(method="filter_covered", label="Reported in the news")

    class Meta:
        model = Letter
        fields = ["slug"]

    def filter_policy(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        links = LetterPolicy.objects.filter(letter_id=OuterRef("pk"), policy__slug=value)
        stance = self.data.get("stance")
        if stance:
            links = links.filter(stance=stance)
        return queryset.filter(Exists(links))

    def filter_stance(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if self.data.get("policy"):
            return queryset  # applied together with the policy
        return queryset.filter(Exists(LetterPolicy.objects.filter(letter_id=OuterRef("pk"), stance=value)))

    def filter_caucus(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        sponsors = Letter.caucuses.through.objects.filter(letter_id=OuterRef("pk"), caucus__slug=value)
        return queryset.filter(Exists(sponsors))

    def filter_signed_by_caucus(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        members = CaucusMembership.objects.filter(caucus__slug=value).values("member_id")
        return queryset.filter(_signed_by(member_id__in=members))

    def filter_member(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(_signed_by(member__bioguide=value))

    def filter_led_by(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(_signed_by(member__bioguide=value, role__in=LEAD_ROLES))

    def filter_signer_party(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(_signed_by(party_at_signing=value.upper()))

    def filter_lead_party(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.letters_led_by_party(value.upper(), queryset)

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(_signed_by(state_at_signing=value.upper()))

    def filter_bipartisan(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        # Same rule as selectors.letters_with_breakdowns' is_bipartisan: both parties, known or stated.
        both = (_signed_by(party_at_signing="D") | Q(stated_democrats__gt=0)) & (
            _signed_by(party_at_signing="R") | Q(stated_republicans__gt=0)
        )
        return queryset.filter(both) if value else queryset.exclude(both)

    def filter_covered(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(coverage_count__gt=0) if value else queryset.filter(coverage_count=0)


class MemberBriefSerializer(serializers.Serializer):
    bioguide = serializers.CharField()
    name = serializers.CharField(source="display_name")


class LeadSerializer(serializers.ModelSerializer):
    bioguide = serializers.CharField(source="member.bioguide")
    name = serializers.CharField(source="member.display_name")
    party = serializers.CharField(source="party_at_signing")

    class Meta:
        model = Signature
        fields = ["bioguide", "name", "role", "party"]


class SignatureSerializer(serializers.ModelSerializer):
    letter = serializers.PrimaryKeyRelatedField(queryset=Letter.objects.all())
    member = serializers.SlugRelatedField(slug_field="bioguide", queryset=Member.objects.all())
    name = serializers.CharField(source="member.display_name", read_only=True)
    override_reason = serializers.CharField(required=False, allow_blank=True, max_length=300)

    class Meta:
        model = Signature
        fields = [
            "id",
            "letter",
            "member",
            "name",
            "role",
            "party_at_signing",
            "chamber_at_signing",
            "state_at_signing",
            "district_at_signing",
            "added_on",
            "source",
            "verified",
            "override_reason",
        ]
        read_only_fields = [
            "party_at_signing",
            "chamber_at_signing",
            "state_at_signing",
            "district_at_signing",
            "added_on",
        ]
        # One signature per member per letter is the service's rule (with a staff-readable message).
        validators: list = []


class SignatureUpdateSerializer(SignatureSerializer):
    class Meta(SignatureSerializer.Meta):
        read_only_fields = [*SignatureSerializer.Meta.read_only_fields, "letter", "member", "source"]


class LetterPolicySerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="policy.slug")
    name = serializers.CharField(source="policy.name")

    class Meta:
        model = LetterPolicy
        fields = ["slug", "name", "stance"]


class BreakdownSerializer(serializers.Serializer):
    signers = serializers.IntegerField(source="signer_count")
    leads = serializers.IntegerField(source="lead_count")
    democrats = serializers.IntegerField()
    republicans = serializers.IntegerField()
    independents = serializers.IntegerField()
    other_party = serializers.IntegerField()
    house = serializers.IntegerField(source="house_signers")
    senate = serializers.IntegerField(source="senate_signers")
    states = serializers.IntegerField(source="states_represented")


class StatedCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField(source="stated_total", allow_null=True)
    democrats = serializers.IntegerField(source="stated_democrats", allow_null=True)
    republicans = serializers.IntegerField(source="stated_republicans", allow_null=True)
    independents = serializers.IntegerField(source="stated_independents", allow_null=True)
    are_minimum = serializers.BooleanField(source="counts_are_minimum")
    unknown_signers = serializers.IntegerField(allow_null=True)


class CoverageSerializer(serializers.Serializer):
    articles = serializers.IntegerField(source="coverage_count")
    last_mentioned_at = serializers.DateTimeField(source="last_covered_at", allow_null=True)


class LetterSerializer(serializers.ModelSerializer):
    """A letter as lists show it (the annotated row from selectors.letters_for_listing)."""

    leads = LeadSerializer(source="lead_signatures", many=True, read_only=True)
    recipients = serializers.SerializerMethodField()
    policies = LetterPolicySerializer(source="letter_policies", many=True, read_only=True)
    caucuses = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    breakdown = BreakdownSerializer(source="*", read_only=True)
    is_bipartisan = serializers.BooleanField(read_only=True)
    stated = StatedCountsSerializer(source="*", read_only=True)
    coverage = CoverageSerializer(source="*", read_only=True)

    class Meta:
        model = Letter
        fields = [
            "id",
            "slug",
            "title",
            "ask",
            "sent_on",
            "status",
            "kind",
            "chamber",
            "congress",
            "leads",
            "recipients",
            "policies",
            "caucuses",
            "breakdown",
            "is_bipartisan",
            "stated",
            "coverage",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_recipients(self, letter: Letter) -> list[str]:
        return [str(link.recipient) for link in letter.recipient_links]


def _datetime(value: dt.datetime | None) -> str | None:
    # DRF's DateTimeField rendering (ISO 8601, UTC as "Z") in the current time zone.
    if value is None:
        return None
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


_LIST_FIELDS = (
    "id",
    "slug",
    "title",
    "ask",
    "sent_on",
    "status",
    "kind",
    "chamber",
    "congress",
    "stated_total",
    "stated_democrats",
    "stated_republicans",
    "stated_independents",
    "counts_are_minimum",
    "coverage_count",
    "last_covered_at",
    "created_at",
    "updated_at",
    "signer_count",
    "lead_count",
    "democrats",
    "republicans",
    "independents",
    "other_party",
    "house_signers",
    "senate_signers",
    "states_represented",
    "is_bipartisan",
    "unknown_signers",
)


def letter_list_rows(
    ids: list[int],
    *,
    visible: QuerySet[Letter] | None = None,
    extra_fields: tuple[str, ...] = (),
    lead_rows: list[tuple] | None = None,
) -> list[dict]:
    """LetterSerializer's output for these letters, in this order, built from values() rows.

    A page of 50 letters through nested DRF serializers spent most of its time in field
    machinery, and the prefetches behind it built ~300 model instances; plain rows and plain
    dicts give the same JSON (tests compare the two) at a fraction of the cost. LetterSerializer
    stays the declared schema. Queries: one per related list, whatever the number of letters.
    ``extra_fields``: more Letter columns copied as they are; ``lead_rows``: the leads as
    (letter_id, role, party, *_MEMBER_NAME_FIELDS) when the caller already has them;
    ``visible``: letters outside it are left out.
    """
    if not ids:
        return []
    leads, recipients, policies, caucuses = (defaultdict(list) for _ in range(4))
    if lead_rows is None:
        lead_rows = list(
            Signature.objects.filter(letter_id__in=ids, role__in=LEAD_ROLES)
            .order_by("role", "id")
            .values_list("letter_id", "role", "party_at_signing", *_MEMBER_COLUMNS)
        )
    for letter_id, role, party, *name in lead_rows:
        bioguide, display = _member_name(name)
        leads[letter_id].append({"bioguide": bioguide, "name": display, "role": role, "party": party})
    recipient_rows = (
        LetterRecipient.objects.filter(letter_id__in=ids)
        .order_by("order", "id")
        .values_list("letter_id", "recipient__office", "recipient__name", "recipient__organization")
    )
    for letter_id, office, name, organization in recipient_rows:
        recipient = SimpleNamespace(office=office, name=name, organization=organization)
        recipients[letter_id].append(Recipient.__str__(recipient))
    policy_rows = (
        LetterPolicy.objects.filter(letter_id__in=ids)
        .order_by("policy__name", "policy_id")
        .values_list("letter_id", "policy__slug", "policy__name", "stance")
    )
    for letter_id, slug, name, stance in policy_rows:
        policies[letter_id].append({"slug": slug, "name": name, "stance": stance})
    caucus_rows = (
        Letter.caucuses.through.objects.filter(letter_id__in=ids)
        .order_by("caucus__name", "caucus_id")
        .values_list("letter_id", "caucus__slug")
    )
    for letter_id, slug in caucus_rows:
        caucuses[letter_id].append(slug)
    letters = Letter.objects.filter(pk__in=ids)
    if visible is not None:
        letters = letters.filter(pk__in=visible.values("pk"))
    rows = selectors.letters_with_breakdowns(letters).order_by().values(*_LIST_FIELDS, *extra_fields)
    by_id = {row["id"]: row for row in rows}
    out = []
    for pk in ids:
        row = by_id.get(pk)
        if row is None:
            continue
        out.append(
            {
                "id": pk,
                "slug": row["slug"],
                "title": row["title"],
                "ask": row["ask"],
                "sent_on": _iso(row["sent_on"]),
                "status": row["status"],
                "kind": row["kind"],
                "chamber": row["chamber"],
                "congress": row["congress"],
                "leads": leads[pk],
                "recipients": recipients[pk],
                "policies": policies[pk],
                "caucuses": caucuses[pk],
                "breakdown": {
                    "signers": row["signer_count"],
                    "leads": row["lead_count"],
                    "democrats": row["democrats"],
                    "republicans": row["republicans"],
                    "independents": row["independents"],
                    "other_party": row["other_party"],
                    "house": row["house_signers"],
                    "senate": row["senate_signers"],
                    "states": row["states_represented"],
                },
                "is_bipartisan": bool(row["is_bipartisan"]),
                "stated": {
                    "total": row["stated_total"],
                    "democrats": row["stated_democrats"],
                    "republicans": row["stated_republicans"],
                    "independents": row["stated_independents"],
                    "are_minimum": row["counts_are_minimum"],
                    "unknown_signers": row["unknown_signers"],
                },
                "coverage": {
                    "articles": row["coverage_count"],
                    "last_mentioned_at": _datetime(row["last_covered_at"]),
                },
                "created_at": _datetime(row["created_at"]),
                "updated_at": _datetime(row["updated_at"]),
                **{field: row[field] for field in extra_fields},
            }
        )
    return out


def _member_name(columns: Iterable[Any]) -> tuple[str, str]:
    """(bioguide, display name) from _MEMBER_COLUMNS values: the model's own display rule,
    without building a model instance per row."""
    member = SimpleNamespace(**dict(zip(_MEMBER_NAME_FIELDS, columns, strict=True)))
    return member.bioguide, Member.display_name.fget(member)


def letter_detail_row(pk: int, *, visible: QuerySet[Letter] | None = None) -> dict | None:
    """LetterDetailSerializer's output for one letter (None if there is none, or if it is not
    in ``visible``), from values() rows.

    Same reasoning as letter_list_rows; the leads come from the full signature list.
    """
    signature_rows = list(
        Signature.objects.filter(letter_id=pk)
        .order_by("role", "member__last_name", "id")
        .values_list(
            "id",
            "role",
            "party_at_signing",
            "chamber_at_signing",
            "state_at_signing",
            "district_at_signing",
            "added_on",
            "source",
            "verified",
            "override_reason",
            *_MEMBER_COLUMNS,
        )
    )
    leads = sorted((row for row in signature_rows if row[1] in LEAD_ROLES), key=lambda row: (row[1], row[0]))
    rows = letter_list_rows(
        [pk],
        visible=visible,
        extra_fields=("summary", "full_text", "source_urls", "tags"),
        lead_rows=[(pk, row[1], row[2], *row[10:]) for row in leads],
    )
    if not rows:
        return None
    row = rows[0]
    signatures = []
    for (
        sig_id,
        role,
        party,
        chamber,
        state,
        district,
        added_on,
        source,
        verified,
        reason,
        *name,
    ) in signature_rows:
        bioguide, display = _member_name(name)
        signatures.append(
            {
                "id": sig_id,
                "letter": pk,
                "member": bioguide,
                "name": display,
                "role": role,
                "party_at_signing": party,
                "chamber_at_signing": chamber,
                "state_at_signing": state,
                "district_at_signing": district,
                "added_on": _iso(added_on),
                "source": source,
                "verified": verified,
                "override_reason": reason,
            }
        )
    row["signatures"] = signatures
    row["responses"] = [
        {"received_on": _iso(received_on), "summary": summary, "url": url}
        for received_on, summary, url in LetterResponse.objects.filter(letter_id=pk)
        .order_by("received_on", "id")
        .values_list("received_on", "summary", "url")
    ]
    sent_on = dt.date.fromisoformat(row["sent_on"]) if row["sent_on"] else None
    row["caucus_shares"] = [
        {
            "slug": share.caucus.slug,
            "name": share.caucus.name,
            "signed": share.signed,
            "members": share.members,
            "share": share.share,
        }
        for share in selectors.letter_caucus_shares(Letter(pk=pk, sent_on=sent_on))
    ]
    return row


_MEMBER_NAME_FIELDS = ("bioguide", "official_full_name", "nickname", "first_name", "last_name", "suffix")
_MEMBER_COLUMNS = tuple(f"member__{field}" for field in _MEMBER_NAME_FIELDS)


class ResponseSerializer(serializers.Serializer):
    received_on = serializers.DateField(allow_null=True)
    summary = serializers.CharField()
    url = serializers.CharField()


class CaucusShareSerializer(serializers.Serializer):
    slug = serializers.CharField(source="caucus.slug")
    name = serializers.CharField(source="caucus.name")
    signed = serializers.IntegerField()
    members = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)


class LetterDetailSerializer(LetterSerializer):
    signatures = SignatureSerializer(source="all_signatures", many=True, read_only=True)
    responses = ResponseSerializer(many=True, read_only=True)
    caucus_shares = serializers.SerializerMethodField()

    class Meta(LetterSerializer.Meta):
        fields = [
            *LetterSerializer.Meta.fields,
            "summary",
            "full_text",
            "source_urls",
            "tags",
            "signatures",
            "responses",
            "caucus_shares",
        ]

    @extend_schema_field(CaucusShareSerializer(many=True))
    def get_caucus_shares(self, letter: Letter) -> list[dict]:
        return CaucusShareSerializer(selectors.letter_caucus_shares(letter), many=True).data


class PolicyStanceInput(serializers.Serializer):
    policy = serializers.CharField(max_length=200, help_text="Policy slug or name (created if new)")
    stance = serializers.ChoiceField(choices=Stance.choices, default=Stance.CHANGE)


class LetterWriteSerializer(serializers.Serializer):
    """What staff send to create or change a letter; services.letter_create/update validate it."""

    title = serializers.CharField(max_length=300)
    sent_on = serializers.DateField(required=False, allow_null=True)
    kind = serializers.ChoiceField(choices=LetterKind.choices, required=False)
    status = serializers.ChoiceField(choices=LetterStatus.choices, required=False)
    chamber = serializers.ChoiceField(choices=LetterChamber.choices, required=False, allow_blank=True)
    ask = serializers.CharField(max_length=500, required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    full_text = serializers.CharField(required=False, allow_blank=True)
    source_urls = serializers.ListField(child=serializers.URLField(max_length=2000), required=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    counts_are_minimum = serializers.BooleanField(required=False)
    stated_total = serializers.IntegerField(min_value=0, max_value=1000, required=False, allow_null=True)
    stated_democrats = serializers.IntegerField(min_value=0, max_value=1000, required=False, allow_null=True)
    stated_republicans = serializers.IntegerField(
        min_value=0, max_value=1000, required=False, allow_null=True
    )
    stated_independents = serializers.IntegerField(
        min_value=0, max_value=1000, required=False, allow_null=True
    )
    recipients = serializers.ListField(child=serializers.CharField(max_length=400), required=False)
    policies = PolicyStanceInput(many=True, required=False)
    caucuses = serializers.ListField(child=serializers.SlugField(max_length=200), required=False)

    _STATED = {
        "stated_total": "total",
        "stated_democrats": "D",
        "stated_republicans": "R",
        "stated_independents": "I",
    }

    def _split(self, data: dict) -> tuple[dict, dict, list, list, list]:
        data = dict(data)
        stated = {key: data.pop(field) for field, key in self._STATED.items() if field in data}
        recipients = data.pop("recipients", [])
        policies = [(self._policy(p["policy"]), p["stance"]) for p in data.pop("policies", [])]
        caucuses = data.pop("caucuses", [])
        return data, stated, recipients, policies, caucuses

    @staticmethod
    def _policy(ref: str) -> Policy | str:
        return Policy.objects.filter(slug=ref).first() or ref

    def create(self, validated_data: dict) -> Letter:
        fields, stated, recipients, policies, caucuses = self._split(validated_data)
        try:
            return services.letter_create(
                **fields,
                stated_counts=stated or None,
                recipients=recipients,
                policies=policies,
                caucuses=caucuses,
                user=self.context["request"].user,
            )
        except DjangoValidationError as exc:
            raise _as_drf_error(exc) from exc

    def update(self, instance: Letter, validated_data: dict) -> Letter:
        fields, stated, recipients, policies, caucuses = self._split(validated_data)
        user = self.context["request"].user
        try:
            letter = services.letter_update(
                letter=instance, user=user, stated_counts=stated or None, **fields
            )
            services.letter_set_recipients(letter=letter, recipients=recipients)
            for policy, stance in policies:
                services.letter_set_policy(letter=letter, policy=policy, stance=stance)
            services.letter_set_caucuses(letter=letter, caucuses=caucuses)
        except DjangoValidationError as exc:
            raise _as_drf_error(exc) from exc
        return letter

    def to_representation(self, instance: Letter) -> dict:
        return letter_detail_row(instance.pk)


class LetterViewSet(viewsets.ModelViewSet):
    """Letters with party/chamber breakdowns at signing, stated counts and news coverage."""

    permission_classes = [ModelRolePermission]
    throttle_classes = WRITE_THROTTLES
    filterset_class = LetterFilter
    search_fields = ["title", "ask", "summary", "slug"]
    ordering_fields = [
        "sent_on",
        "created_at",
        "updated_at",
        "title",
        "congress",
        "coverage_count",
        "last_covered_at",
        "signer_count",
    ]
    ordering = ["-sent_on", "-id"]

    def get_queryset(self) -> QuerySet[Letter]:
        # alias(): only computed when ?ordering=signer_count asks for it.
        return Letter.objects.alias(signer_count=_signature_count())

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        if self.action in ("create", "update", "partial_update"):
            return LetterWriteSerializer
        if self.action == "retrieve":
            return LetterDetailSerializer
        return LetterSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset.values_list("pk", flat=True))
        return self.get_paginated_response(letter_list_rows(list(page)))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            pk = int(kwargs[self.lookup_field])
        except ValueError:
            raise Http404 from None
        # The filtered queryset still decides what can be seen, as get_object() would.
        row = letter_detail_row(pk, visible=self.filter_queryset(self.get_queryset()))
        if row is None:
            raise Http404
        return Response(row)

    def perform_destroy(self, instance: Letter) -> None:
        # Deleting keeps the edit history (simple-history): services.letter_restore brings it back.
        instance._history_user = self.request.user
        instance.delete()


@extend_schema(
    parameters=[
        OpenApiParameter("letter", OpenApiTypes.INT),
        OpenApiParameter("member", OpenApiTypes.STR, description="bioguide id"),
        OpenApiParameter("role", OpenApiTypes.STR, enum=SignatureRole.values),
        OpenApiParameter("party", OpenApiTypes.STR),
        OpenApiParameter("source", OpenApiTypes.STR, enum=SignatureSource.values),
    ]
)
class SignatureViewSet(viewsets.ModelViewSet):
    """Signatures: a member's name on a letter, with their party, chamber, state at signing."""

    permission_classes = [ModelRolePermission]
    throttle_classes = WRITE_THROTTLES
    filterset_fields = {
        "letter": ["exact"],
        "member__bioguide": ["exact"],
        "role": ["exact"],
        "party_at_signing": ["exact"],
        "state_at_signing": ["exact"],
        "source": ["exact"],
        "verified": ["exact"],
    }
    search_fields = ["member__last_name", "member__first_name", "member__bioguide"]
    ordering_fields = ["added_on", "id", "member__last_name"]
    ordering = ["id"]
    queryset = Signature.objects.select_related("member")

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        if self.action in ("update", "partial_update"):
            return SignatureUpdateSerializer
        return SignatureSerializer

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        data = serializer.validated_data
        try:
            serializer.instance = services.signature_add(
                letter=data["letter"],
                member=data["member"],
                role=data.get("role", SignatureRole.SIGNER),
                source=data.get("source", SignatureSource.MANUAL),
                verified=data.get("verified", False),
                override_reason=data.get("override_reason", ""),
                user=self.request.user,
            )
        except DjangoValidationError as exc:
            raise _as_drf_error(exc) from exc

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        data = serializer.validated_data
        try:
            serializer.instance = services.signature_update(
                signature=serializer.instance,
                role=data.get("role"),
                verified=data.get("verified"),
                override_reason=data.get("override_reason"),
                user=self.request.user,
            )
        except DjangoValidationError as exc:
            raise _as_drf_error(exc) from exc

    def perform_destroy(self, instance: Signature) -> None:
        services.signature_remove(signature=instance, user=self.request.user)


class PolicySerializer(serializers.ModelSerializer):
    letter_count = serializers.IntegerField(read_only=True)
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Policy
        fields = ["id", "slug", "name", "description", "issue_area", "parent", "letter_count"]


class PolicyViewSet(viewsets.ReadOnlyModelViewSet):
    """Target policies; each gathers letters over time (created with letters)."""

    serializer_class = PolicySerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = ["issue_area", "parent__slug"]
    search_fields = ["name", "description", "issue_area"]
    ordering_fields = ["name", "letter_count", "id"]
    ordering = ["name"]
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Policy]:
        return Policy.objects.select_related("parent").annotate(
            letter_count=Count("letter_policies", distinct=True)
        )


class RecipientSerializer(serializers.ModelSerializer):
    display = serializers.CharField(source="__str__", read_only=True)
    letter_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Recipient
        fields = ["id", "display", "name", "office", "organization", "letter_count"]


class RecipientViewSet(viewsets.ReadOnlyModelViewSet):
    """People and offices letters are addressed to."""

    serializer_class = RecipientSerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = ["organization", "office"]
    search_fields = ["name", "office", "organization"]
    ordering_fields = ["name", "office", "letter_count", "id"]
    ordering = ["office", "name"]

    def get_queryset(self) -> QuerySet[Recipient]:
        return Recipient.objects.annotate(letter_count=Count("letter_recipients", distinct=True))


# --- Stats ---------------------------------------------------------------------------------------

STATS_LIMIT_MAX = 500


def _filtered_letters(request: Request) -> QuerySet[Letter]:
    letter_filter = LetterFilter(request.query_params, queryset=Letter.objects.all(), request=request)
    if not letter_filter.is_valid():
        raise ValidationError(letter_filter.errors)
    return letter_filter.qs


def _has_letter_filters(request: Request) -> bool:
    return any(name in request.query_params for name in LetterFilter.base_filters)


def _int_param(
    request: Request, name: str, default: int, *, low: int = 1, high: int = STATS_LIMIT_MAX
) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: "Must be a whole number."}) from None
    if not low <= value <= high:
        raise ValidationError({name: f"Must be between {low} and {high}."})
    return value


def _choice_param(request: Request, name: str, choices: tuple[str, ...], default: str) -> str:
    value = request.query_params.get(name) or default
    if value not in choices:
        raise ValidationError({name: f"Use one of: {', '.join(choices)}."})
    return value


_LETTER_FILTER_PARAMS = [
    OpenApiParameter("sent_after", OpenApiTypes.DATE),
    OpenApiParameter("sent_before", OpenApiTypes.DATE),
    OpenApiParameter("congress", OpenApiTypes.INT),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=LetterKind.values),
    OpenApiParameter("status", OpenApiTypes.STR, enum=LetterStatus.values),
    OpenApiParameter("chamber", OpenApiTypes.STR, enum=LetterChamber.values),
    OpenApiParameter("policy", OpenApiTypes.STR, description="Policy slug"),
    OpenApiParameter("caucus", OpenApiTypes.STR, description="Sponsoring caucus slug"),
    OpenApiParameter("signed_by_caucus", OpenApiTypes.STR, description="Caucus slug"),
    OpenApiParameter("bipartisan", OpenApiTypes.BOOL),
]


class StatsView(CachedStatsMixin, APIView):
    permission_classes = [HasPermissions]
    required_permissions = {"read": ("letters.view_letter",)}


class StatsRowsSerializer(serializers.Serializer):
    rows = serializers.ListField(child=serializers.DictField())


class LettersOverTimeView(StatsView):
    """Letters sent per week or month, optionally split by kind or policy."""

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.STR, enum=["week", "month"]),
            OpenApiParameter("by", OpenApiTypes.STR, enum=["none", "kind", "policy"]),
            *_LETTER_FILTER_PARAMS,
        ],
        responses=StatsRowsSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request) -> dict:
        period = _choice_param(request, "period", ("week", "month"), "month")
        by = _choice_param(request, "by", ("none", "kind", "policy"), "none")
        trunc = TruncWeek if period == "week" else TruncMonth
        letters = _filtered_letters(request).filter(sent_on__isnull=False)
        keys = ["period"]
        if by == "kind":
            letters = letters.annotate(key=F("kind"))
            keys.append("key")
        elif by == "policy":
            letters = letters.annotate(key=F("letter_policies__policy__slug"))
            keys.append("key")
        # One row per letter (or per letter and policy: a policy is linked once per letter), so a
        # plain COUNT is exact; COUNT(DISTINCT) would force a sort of every row instead of a hash.
        rows = (
            letters.annotate(period=trunc("sent_on"))
            .values(*keys)
            .annotate(letters=Count("id"))
            .order_by(*keys)
        )
        return {
            "period": period,
            "by": by,
            "rows": [
                {"period": _iso(row["period"]), "key": row.get("key") or "", "letters": row["letters"]}
                for row in rows
            ],
        }


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


class PartySplitView(StatsView):
    """Signers by party at signing for each letter (newest first), e.g. for one policy."""

    @extend_schema(
        parameters=[OpenApiParameter("limit", OpenApiTypes.INT), *_LETTER_FILTER_PARAMS],
        responses=StatsRowsSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request) -> dict:
        limit = _int_param(request, "limit", 100)
        ids = list(
            _filtered_letters(request)
            .order_by(F("sent_on").desc(nulls_last=True), "-id")
            .values_list("pk", flat=True)[:limit]
        )
        rows = selectors.letters_with_breakdowns(Letter.objects.filter(pk__in=ids)).order_by(
            F("sent_on").desc(nulls_last=True), "-id"
        )
        return {
            "rows": [
                {
                    "letter": letter.pk,
                    "title": letter.title,
                    "sent_on": _iso(letter.sent_on),
                    "D": letter.democrats,
                    "R": letter.republicans,
                    "I": letter.independents,
                    "other": letter.other_party,
                    "signers": letter.signer_count,
                    "stated_total": letter.stated_total,
                    "stated_D": letter.stated_democrats,
                    "stated_R": letter.stated_republicans,
                    "counts_are_minimum": letter.counts_are_minimum,
                    "is_bipartisan": letter.is_bipartisan,
                }
                for letter in rows
            ]
        }


class BipartisanshipView(StatsView):
    """Per week or month: letters sent, how many were bipartisan, and the share."""

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.STR, enum=["week", "month"]),
            *_LETTER_FILTER_PARAMS,
        ],
        responses=StatsRowsSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request) -> dict:
        period = _choice_param(request, "period", ("week", "month"), "month")
        trunc = TruncWeek if period == "week" else TruncMonth
        letters = _filtered_letters(request)
        rows = selectors.bipartisanship_by_period(
            letters, trunc=trunc, letters_filtered=_has_letter_filters(request)
        )
        return {
            "period": period,
            "rows": [
                {
                    "period": _iso(row["period"]),
                    "letters": row["letters"],
                    "bipartisan": row["bipartisan"],
                    "share": round(row["bipartisan"] / row["letters"], 4) if row["letters"] else None,
                }
                for row in rows
            ],
        }


class WhipListView(StatsView):
    """For a letter or a policy, and a set of members (caucus, committee, state delegation or chamber)
    serving on a date: who signed and who did not, with party, state and district for outreach."""

    required_permissions = {"read": ("letters.view_letter", "members.view_member")}

    @extend_schema(
        parameters=[
            OpenApiParameter("letter", OpenApiTypes.INT, description="Letter id (or give policy)"),
            OpenApiParameter("policy", OpenApiTypes.STR, description="Policy slug (or give letter)"),
            OpenApiParameter("stance", OpenApiTypes.STR, enum=Stance.values),
            OpenApiParameter("caucus", OpenApiTypes.STR, description="Caucus slug"),
            OpenApiParameter("committee", OpenApiTypes.STR, description="Committee THOMAS id"),
            OpenApiParameter("state", OpenApiTypes.STR, description="State delegation (postal code)"),
            OpenApiParameter("chamber", OpenApiTypes.STR, enum=["house", "senate"]),
            OpenApiParameter(
                "on", OpenApiTypes.DATE, description="Serving on (default: letter date or today)"
            ),
            OpenApiParameter("signed", OpenApiTypes.BOOL, description="Only signers / only non-signers"),
        ],
        responses=StatsRowsSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request) -> dict:
        params = request.query_params
        letter_id, policy_slug = params.get("letter"), params.get("policy")
        if bool(letter_id) == bool(policy_slug):
            raise ValidationError({"letter": "Give exactly one of letter or policy."})
        letter: Letter | None = None
        if letter_id:
            letter_pk = _int_param(request, "letter", 0, low=1, high=2**31 - 1)
            letter = get_object_or_404(Letter.objects.only("pk", "sent_on", "title"), pk=letter_pk)
            signatures = Signature.objects.filter(letter_id=letter.pk)
        else:
            policy = get_object_or_404(Policy.objects.only("pk", "slug"), slug=policy_slug)
            links = LetterPolicy.objects.filter(policy=policy)
            stance = params.get("stance")
            if stance:
                if stance not in Stance.values:
                    raise ValidationError({"stance": f"Use one of: {', '.join(Stance.values)}."})
                links = links.filter(stance=stance)
            signatures = Signature.objects.filter(letter_id__in=links.values("letter_id"))
        on = self._date(
            request, default=(letter.sent_on if letter and letter.sent_on else timezone.localdate())
        )

        terms = covering_terms(on)
        chosen = [name for name in ("caucus", "committee", "state", "chamber") if params.get(name)]
        if not chosen:
            raise ValidationError({"caucus": "Choose a set: caucus, committee, state or chamber."})
        if params.get("caucus"):
            memberships = CaucusMembership.objects.filter(caucus__slug=params["caucus"]).filter(
                Q(since__isnull=True) | Q(since__lte=on), Q(until__isnull=True) | Q(until__gte=on)
            )
            terms = terms.filter(member_id__in=memberships.values("member_id"))
        if params.get("committee"):
            on_committee = CommitteeMembership.objects.filter(committee__thomas_id=params["committee"])
            terms = terms.filter(member_id__in=on_committee.values("member_id"))
        if params.get("state"):
            terms = terms.filter(state=params["state"].upper())
        if params.get("chamber"):
            terms = terms.filter(chamber=params["chamber"].lower())

        member_signatures = signatures.filter(member_id=OuterRef("member_id"))
        counted = member_signatures.order_by().values("member_id").annotate(n=Count("id")).values("n")
        role = member_signatures.order_by("role").values("role")[:1]
        # values() rows: a chamber's ~440 terms as model instances (with their members) cost
        # more than the query.
        rows = (
            terms.annotate(
                letters_signed=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)),
                role=Subquery(role),
            )
            .order_by("member__last_name", "member__first_name", "member_id", "-start")
            .values_list(
                "member_id",
                "party",
                "chamber",
                "state",
                "district",
                "phone",
                "office",
                "url",
                "letters_signed",
                "role",
                *_MEMBER_COLUMNS,
            )
        )
        signed_filter = params.get("signed")
        out, seen = [], set()
        summary: dict[str, dict[str, int]] = defaultdict(lambda: {"signed": 0, "not_signed": 0})
        for (
            member_id,
            party,
            chamber,
            state,
            district,
            phone,
            office,
            url,
            letters_signed,
            role,
            *name,
        ) in rows:
            # Two terms can touch on the day a new Congress starts: the later-starting one wins.
            if member_id in seen:
                continue
            seen.add(member_id)
            signed = letters_signed > 0
            if signed_filter in ("true", "1") and not signed:
                continue
            if signed_filter in ("false", "0") and signed:
                continue
            summary[party]["signed" if signed else "not_signed"] += 1
            bioguide, display = _member_name(name)
            out.append(
                {
                    "bioguide": bioguide,
                    "name": display,
                    "party": party,
                    "chamber": chamber,
                    "state": state,
                    "district": district,
                    "phone": phone,
                    "office": office,
                    "url": url,
                    "signed": signed,
                    "role": role or "",
                    "letters_signed": letters_signed,
                }
            )
        return {
            "on": on.isoformat(),
            "letter": letter.pk if letter else None,
            "policy": policy_slug or None,
            "summary": dict(summary),
            "rows": out,
        }

    @staticmethod
    def _date(request: Request, *, default: dt.date) -> dt.date:
        raw = request.query_params.get("on")
        if not raw:
            return default
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValidationError({"on": "Use YYYY-MM-DD."}) from None


class ScorecardView(StatsView):
    """For one member: per policy, the letters they signed (or led) and each letter's stance."""

    required_permissions = {"read": ("letters.view_letter", "members.view_member")}

    @extend_schema(responses=StatsRowsSerializer)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request, bioguide: str) -> dict:
        member = get_object_or_404(Member.objects.only("pk", "bioguide"), bioguide=bioguide)
        links = (
            LetterPolicy.objects.filter(letter__signatures__member=member)
            .annotate(role=F("letter__signatures__role"))
            .values(
                "policy__slug",
                "policy__name",
                "stance",
                "letter_id",
                "letter__title",
                "letter__sent_on",
                "role",
            )
            .order_by("policy__name", F("letter__sent_on").desc(nulls_last=True), "letter_id")
        )
        policies: dict[str, dict] = {}
        for link in links:
            entry = policies.setdefault(
                link["policy__slug"],
                {"policy": link["policy__slug"], "name": link["policy__name"], "stances": {}, "letters": []},
            )
            entry["stances"][link["stance"]] = entry["stances"].get(link["stance"], 0) + 1
            entry["letters"].append(
                {
                    "letter": link["letter_id"],
                    "title": link["letter__title"],
                    "sent_on": _iso(link["letter__sent_on"]),
                    "stance": link["stance"],
                    "role": link["role"],
                }
            )
        return {"member": member.bioguide, "rows": list(policies.values())}


class CaucusCoverageView(StatsView):
    """For a caucus: the share of its members on each letter (letters at least one of them signed)."""

    required_permissions = {"read": ("letters.view_letter", "members.view_caucus")}

    @extend_schema(
        parameters=[OpenApiParameter("limit", OpenApiTypes.INT), *_LETTER_FILTER_PARAMS],
        responses=StatsRowsSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request, slug: str) -> dict:
        caucus = get_object_or_404(Caucus.objects.only("pk", "slug", "name"), slug=slug)
        limit = _int_param(request, "limit", 100)
        members = CaucusMembership.objects.filter(caucus=caucus).values("member_id")
        letters = _filtered_letters(request).filter(Q(_signed_by(member_id__in=members)) | Q(caucuses=caucus))
        ids = list(
            letters.order_by(F("sent_on").desc(nulls_last=True), "-id")
            .values_list("pk", flat=True)
            .distinct()[:limit]
        )
        rows = selectors.letters_with_caucus_share(caucus, Letter.objects.filter(pk__in=ids)).order_by(
            F("sent_on").desc(nulls_last=True), "-id"
        )
        return {
            "caucus": caucus.slug,
            "rows": [
                {
                    "letter": letter.pk,
                    "title": letter.title,
                    "sent_on": _iso(letter.sent_on),
                    "caucus_signers": letter.caucus_signers,
                    "caucus_size": letter.caucus_size,
                    "share": round(letter.caucus_share, 4) if letter.caucus_share is not None else None,
                }
                for letter in rows
            ],
        }


class CaucusPolicyView(StatsView):
    """Heat map: for each caucus and policy, how many of the caucus's members signed a letter on it."""

    required_permissions = {"read": ("letters.view_letter", "members.view_caucus")}

    @extend_schema(
        parameters=[
            OpenApiParameter("caucuses", OpenApiTypes.STR, description="Comma-separated caucus slugs"),
            *_LETTER_FILTER_PARAMS,
        ],
        responses=StatsRowsSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request) -> dict:
        caucuses = Caucus.objects.all()
        wanted = [slug for slug in request.query_params.get("caucuses", "").split(",") if slug]
        if wanted:
            caucuses = caucuses.filter(slug__in=wanted)
        sizes = {
            row["pk"]: row
            for row in caucuses.annotate(size=Count("memberships__member", distinct=True)).values(
                "pk", "slug", "size"
            )
        }
        # Unfiltered, the semi-join to letters would only add cost.
        letters = _filtered_letters(request) if _has_letter_filters(request) else None
        cells = selectors.caucus_policy_signers(list(sizes), letters=letters)
        policy_slugs = dict(
            Policy.objects.filter(pk__in={cell["policy_pk"] for cell in cells}).values_list("pk", "slug")
        )
        rows = sorted(
            (
                {
                    "caucus": sizes[cell["caucus_pk"]]["slug"],
                    "policy": policy_slugs[cell["policy_pk"]],
                    "signers": cell["signers"],
                    "caucus_size": sizes[cell["caucus_pk"]]["size"],
                    "share": round(cell["signers"] / sizes[cell["caucus_pk"]]["size"], 4)
                    if sizes[cell["caucus_pk"]]["size"]
                    else None,
                }
                for cell in cells
            ),
            key=lambda row: (row["caucus"], row["policy"]),
        )
        return {"rows": rows}


def register(router: Any) -> None:
    router.register("letters", LetterViewSet, basename="letter")
    router.register("signatures", SignatureViewSet, basename="signature")
    router.register("policies", PolicyViewSet, basename="policy")
    router.register("recipients", RecipientViewSet, basename="recipient")


stats_urls = [
    path("stats/letters-over-time/", LettersOverTimeView.as_view(), name="stats-letters-over-time"),
    path("stats/party-split/", PartySplitView.as_view(), name="stats-party-split"),
    path("stats/bipartisanship/", BipartisanshipView.as_view(), name="stats-bipartisanship"),
    path("stats/whip-list/", WhipListView.as_view(), name="stats-whip-list"),
    path("stats/scorecard/<str:bioguide>/", ScorecardView.as_view(), name="stats-scorecard"),
    path("stats/caucus-coverage/<slug:slug>/", CaucusCoverageView.as_view(), name="stats-caucus-coverage"),
    path("stats/caucus-policy/", CaucusPolicyView.as_view(), name="stats-caucus-policy"),
]

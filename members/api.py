"""REST endpoints for members, caucuses and committees (mounted by config/api.py).

Counts of letters led/signed are added by letters/api.py, which extends MemberViewSet: apps
import downward only, so members knows nothing of letters.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from types import SimpleNamespace

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from config.api_throttling import WRITE_THROTTLES
from config.roles import ModelRolePermission
from members.models import Caucus, CaucusMembership, Committee, CommitteeMembership, Member, Term


def current_terms_q(prefix: str = "") -> Q:
    today = timezone.localdate()
    return Q(**{f"{prefix}start__lte": today}) & (
        Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": today})
    )


class TermSerializer(serializers.ModelSerializer):
    class Meta:
        model = Term
        fields = ["chamber", "state", "district", "party", "caucus", "start", "end", "url", "phone", "office"]


class CaucusBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Caucus
        fields = ["id", "slug", "name"]


class MemberCaucusSerializer(serializers.ModelSerializer):
    caucus = CaucusBriefSerializer()

    class Meta:
        model = CaucusMembership
        fields = ["caucus", "role", "since", "until"]


class MemberCommitteeSerializer(serializers.ModelSerializer):
    thomas_id = serializers.CharField(source="committee.thomas_id")
    name = serializers.CharField(source="committee.name")

    class Meta:
        model = CommitteeMembership
        fields = ["thomas_id", "name", "side", "rank", "title"]


class MemberSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(read_only=True)
    current_term = serializers.SerializerMethodField()
    # Lists prefetched by member_queryset() into plain lists (to_attr: no related manager per row).
    caucuses = MemberCaucusSerializer(source="caucus_list", many=True, read_only=True)
    committees = MemberCommitteeSerializer(source="committee_list", many=True, read_only=True)

    class Meta:
        model = Member
        fields = [
            "id",
            "bioguide",
            "display_name",
            "first_name",
            "middle_name",
            "last_name",
            "suffix",
            "nickname",
            "current_term",
            "caucuses",
            "committees",
        ]

    @extend_schema_field(TermSerializer(allow_null=True))
    def get_current_term(self, member: Member) -> dict | None:
        # Prefetched into current_terms (latest first) by MemberViewSet.get_queryset.
        terms = getattr(member, "current_terms", None)
        if terms is None:
            terms = list(member.terms.filter(current_terms_q()).order_by("-start"))
        return TermSerializer(terms[0]).data if terms else None


class MemberFilter(filters.FilterSet):
    chamber = filters.CharFilter(method="filter_current", label="Serving now in chamber")
    state = filters.CharFilter(method="filter_current", label="Serving now for state (postal code)")
    party = filters.CharFilter(method="filter_current", label="Party of the current term")
    serving = filters.BooleanFilter(method="filter_serving", label="Serving today")
    caucus = filters.CharFilter(field_name="caucus_memberships__caucus__slug", distinct=True)
    committee = filters.CharFilter(field_name="committee_memberships__committee__thomas_id", distinct=True)
    served_on = filters.DateFilter(method="filter_served_on", label="Serving on this date")

    class Meta:
        model = Member
        fields = ["bioguide", "last_name"]

    def filter_current(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.lower() if name == "chamber" else value.upper()
        return queryset.filter(terms__in=Term.objects.filter(current_terms_q(), **{name: value})).distinct()

    def filter_serving(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        serving = Term.objects.filter(current_terms_q()).values("member_id")
        return queryset.filter(pk__in=serving) if value else queryset.exclude(pk__in=serving)

    def filter_served_on(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(pk__in=Member.objects.serving_on(value).values("pk"))


def member_queryset() -> QuerySet[Member]:
    return Member.objects.prefetch_related(
        Prefetch(
            "terms",
            queryset=Term.objects.filter(current_terms_q()).order_by("-start"),
            to_attr="current_terms",
        ),
        Prefetch(
            "caucus_memberships",
            # The model's ordering (caucus, role, member) within one member's list, without
            # the join to every member row that ordering by "member" costs.
            queryset=CaucusMembership.objects.select_related("caucus").order_by("caucus__name", "role"),
            to_attr="caucus_list",
        ),
        Prefetch(
            "committee_memberships",
            queryset=CommitteeMembership.objects.select_related("committee"),
            to_attr="committee_list",
        ),
    )


_TERM_FIELDS = ("chamber", "state", "district", "party", "caucus", "start", "end", "url", "phone", "office")
_MEMBER_FIELDS = (
    "id",
    "bioguide",
    "first_name",
    "middle_name",
    "last_name",
    "suffix",
    "nickname",
    "official_full_name",
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def member_list_rows(
    ids: list[int], *, members: QuerySet[Member] | None = None, extra_fields: tuple[str, ...] = ()
) -> list[dict]:
    """MemberSerializer's output for these members, in this order, built from values() rows.

    Same JSON (tests compare the two) without a model instance per member, term and
    membership; four queries whatever the number of members. ``members``: the queryset to read
    (e.g. annotated with ``extra_fields``, copied as they are).
    """
    if not ids:
        return []
    terms: dict[int, dict] = {}
    term_rows = (
        Term.objects.filter(current_terms_q(), member_id__in=ids)
        .order_by("-start")
        .values_list("member_id", *_TERM_FIELDS)
    )
    for member_id, *values in term_rows:
        if member_id not in terms:  # the latest current term, as member_queryset() orders them
            term = dict(zip(_TERM_FIELDS, values, strict=True))
            term["start"], term["end"] = _iso(term["start"]), _iso(term["end"])
            terms[member_id] = term
    caucuses: dict[int, list] = defaultdict(list)
    caucus_rows = (
        CaucusMembership.objects.filter(member_id__in=ids)
        .order_by("caucus__name", "role")
        .values_list("member_id", "caucus_id", "caucus__slug", "caucus__name", "role", "since", "until")
    )
    for member_id, caucus_id, slug, name, role, since, until in caucus_rows:
        caucuses[member_id].append(
            {
                "caucus": {"id": caucus_id, "slug": slug, "name": name},
                "role": role,
                "since": _iso(since),
                "until": _iso(until),
            }
        )
    committees: dict[int, list] = defaultdict(list)
    committee_rows = (
        CommitteeMembership.objects.filter(member_id__in=ids)
        .order_by("committee__chamber", "committee__name", "side", "rank")
        .values_list("member_id", "committee__thomas_id", "committee__name", "side", "rank", "title")
    )
    for member_id, thomas_id, name, side, rank, title in committee_rows:
        committees[member_id].append(
            {"thomas_id": thomas_id, "name": name, "side": side, "rank": rank, "title": title}
        )
    members = Member.objects.all() if members is None else members
    by_id = {
        row["id"]: row for row in members.filter(pk__in=ids).order_by().values(*_MEMBER_FIELDS, *extra_fields)
    }
    out = []
    for pk in ids:
        row = by_id.get(pk)
        if row is None:
            continue
        out.append(
            {
                "id": pk,
                "bioguide": row["bioguide"],
                # The model's own display rule, without a model instance.
                "display_name": Member.display_name.fget(SimpleNamespace(**row)),
                "first_name": row["first_name"],
                "middle_name": row["middle_name"],
                "last_name": row["last_name"],
                "suffix": row["suffix"],
                "nickname": row["nickname"],
                "current_term": terms.get(pk),
                "caucuses": caucuses[pk],
                "committees": committees[pk],
                **{field: row[field] for field in extra_fields},
            }
        )
    return out


class MemberViewSet(viewsets.ReadOnlyModelViewSet):
    """Members of Congress, keyed by bioguide id, with their current term and groups."""

    serializer_class = MemberSerializer
    permission_classes = [ModelRolePermission]
    filterset_class = MemberFilter
    search_fields = ["last_name", "first_name", "nickname", "official_full_name", "bioguide"]
    ordering_fields = ["last_name", "first_name", "bioguide", "id"]
    ordering = ["last_name", "first_name", "id"]
    lookup_field = "bioguide"

    def get_queryset(self) -> QuerySet[Member]:
        return member_queryset()


class CaucusSerializer(serializers.ModelSerializer):
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Caucus
        fields = ["id", "name", "slug", "chamber", "is_bipartisan", "description", "url", "member_count"]


class CaucusMembershipSerializer(serializers.ModelSerializer):
    caucus = serializers.SlugRelatedField(slug_field="slug", queryset=Caucus.objects.all())
    member = serializers.SlugRelatedField(slug_field="bioguide", queryset=Member.objects.all())

    class Meta:
        model = CaucusMembership
        fields = ["id", "caucus", "member", "role", "since", "until", "source"]


class CaucusFilter(filters.FilterSet):
    member = filters.CharFilter(field_name="memberships__member__bioguide", distinct=True)

    class Meta:
        model = Caucus
        fields = ["chamber", "is_bipartisan"]


class CaucusViewSet(viewsets.ModelViewSet):
    """Caucuses (editors maintain them)."""

    serializer_class = CaucusSerializer
    permission_classes = [ModelRolePermission]
    filterset_class = CaucusFilter
    search_fields = ["name", "description"]
    ordering_fields = ["name", "member_count", "id"]
    ordering = ["name"]
    lookup_field = "slug"
    throttle_classes = WRITE_THROTTLES

    def get_queryset(self) -> QuerySet[Caucus]:
        return Caucus.objects.annotate(member_count=Count("memberships", distinct=True))


class CaucusMembershipViewSet(viewsets.ModelViewSet):
    """Who belongs to which caucus, in which role (editors maintain this)."""

    serializer_class = CaucusMembershipSerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = ["caucus__slug", "member__bioguide", "role"]
    ordering_fields = ["since", "id"]
    ordering = ["id"]
    queryset = CaucusMembership.objects.select_related("caucus", "member")
    throttle_classes = WRITE_THROTTLES


class CommitteeSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="thomas_id", read_only=True)
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Committee
        fields = ["id", "thomas_id", "name", "chamber", "parent", "url", "is_current", "member_count"]


class CommitteeViewSet(viewsets.ReadOnlyModelViewSet):
    """Committees and subcommittees (imported data: read-only here)."""

    serializer_class = CommitteeSerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = ["chamber", "is_current", "parent__thomas_id"]
    search_fields = ["name", "thomas_id"]
    ordering_fields = ["name", "thomas_id", "id"]
    ordering = ["chamber", "name"]
    lookup_field = "thomas_id"

    def get_queryset(self) -> QuerySet[Committee]:
        return Committee.objects.select_related("parent").annotate(
            member_count=Count("memberships", distinct=True)
        )

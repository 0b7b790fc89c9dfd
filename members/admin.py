"""Admin for members, committees and caucuses.

Members, terms, committees and committee memberships come from the importer (they would be
overwritten on the next refresh), so their inlines are read-only; caucuses are maintained
by staff here. Lists are tuned for ~13k members: columns come from annotations, never a
query per row, and no full result count.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Count, F, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone

from members.models import (
    Caucus,
    CaucusMembership,
    Chamber,
    Committee,
    CommitteeMembership,
    Member,
    Party,
    Term,
)
from members.selectors import members_serving_on


def _latest_term(field: str) -> Subquery:
    latest = Term.objects.filter(member=OuterRef("pk")).order_by(F("start").desc(nulls_last=True), "-pk")
    return Subquery(latest.values(field)[:1])


# --- list filters: they read the member's latest term, like the columns -----------------------


class LatestTermFilter(admin.SimpleListFilter):
    field = ""

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value():
            return queryset.filter(**{f"latest_{self.field}": self.value()})
        return queryset


class ChamberFilter(LatestTermFilter):
    title = "chamber (latest term)"
    parameter_name = "chamber"
    field = "chamber"

    def lookups(self, request, model_admin):
        return Chamber.choices


class PartyFilter(LatestTermFilter):
    title = "party (latest term)"
    parameter_name = "party"
    field = "party"

    def lookups(self, request, model_admin):
        return Party.choices


class StateFilter(LatestTermFilter):
    title = "state (latest term)"
    parameter_name = "state"
    field = "state"

    def lookups(self, request, model_admin):
        states = Term.objects.order_by("state").values_list("state", flat=True).distinct()
        return [(state, state) for state in states]


class CurrentlyServingFilter(admin.SimpleListFilter):
    title = "currently serving"
    parameter_name = "serving"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        serving = members_serving_on(timezone.localdate()).values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=serving)
        if self.value() == "no":
            return queryset.exclude(pk__in=serving)
        return queryset


# --- members ----------------------------------------------------------------------------------


class TermInline(admin.TabularInline):
    model = Term
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "chamber",
        "state",
        "district",
        "senate_class",
        "party",
        "party_name",
        "caucus",
        "start",
        "end",
        "end_approximate",
        "how",
    )
    ordering = ("start",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = (
        "bioguide",
        "last_name",
        "first_name",
        "nickname",
        "latest_chamber_display",
        "latest_state",
        "latest_party",
        "latest_start",
        "has_dated_terms",
    )
    list_display_links = ("bioguide", "last_name")
    search_fields = ("^bioguide", "last_name", "first_name", "nickname", "official_full_name")
    list_filter = (CurrentlyServingFilter, ChamberFilter, PartyFilter, StateFilter, "has_dated_terms")
    inlines = (TermInline,)
    show_full_result_count = False
    list_per_page = 50
    readonly_fields = ("bioguide",)
    fieldsets = (
        (None, {"fields": ("bioguide", "official_full_name", "first_name", "middle_name", "last_name")}),
        ("Name", {"fields": ("suffix", "nickname", "other_names")}),
        ("Biography", {"fields": ("birthday", "gender", "has_dated_terms")}),
        (
            "Other ids",
            {
                "classes": ("collapse",),
                "fields": (
                    "govtrack_id",
                    "icpsr_id",
                    "thomas_id",
                    "lis_id",
                    "opensecrets_id",
                    "wikidata_id",
                    "wikipedia",
                ),
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.path.endswith("/autocomplete/"):
            # Letters and caucuses pick members by name: the term columns are not shown.
            return queryset
        return queryset.annotate(
            latest_chamber=_latest_term("chamber"),
            latest_state=_latest_term("state"),
            latest_party=_latest_term("party"),
            latest_start=_latest_term("start"),
        )

    @admin.display(description="chamber", ordering="latest_chamber")
    def latest_chamber_display(self, member: Member) -> str:
        return Chamber(member.latest_chamber).label if member.latest_chamber else ""

    @admin.display(description="state", ordering="latest_state")
    def latest_state(self, member: Member) -> str:
        return member.latest_state or ""

    @admin.display(description="party", ordering="latest_party")
    def latest_party(self, member: Member) -> str:
        return member.latest_party or ""

    @admin.display(description="latest term from", ordering="latest_start")
    def latest_start(self, member: Member):
        return member.latest_start


# --- committees -------------------------------------------------------------------------------


class SubcommitteeInline(admin.TabularInline):
    model = Committee
    fk_name = "parent"
    extra = 0
    can_delete = False
    fields = readonly_fields = ("thomas_id", "name", "is_current")
    verbose_name = "subcommittee"
    verbose_name_plural = "subcommittees"
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("parent")  # each row's __str__ names it


class CommitteeMembershipInline(admin.TabularInline):
    model = CommitteeMembership
    extra = 0
    can_delete = False
    fields = readonly_fields = ("member", "side", "rank", "title")
    ordering = ("side", "rank")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The row's __str__ (shown in the inline) names the committee and its parent too.
        return super().get_queryset(request).select_related("member", "committee__parent")


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ("thomas_id", "name", "chamber", "parent", "is_current", "member_count")
    list_filter = ("chamber", "is_current", ("parent", admin.EmptyFieldListFilter))
    search_fields = ("thomas_id", "name")
    list_select_related = ("parent",)
    inlines = (SubcommitteeInline, CommitteeMembershipInline)
    # Imported data; a parent <select> would also label 230 committees one query each.
    readonly_fields = ("thomas_id", "parent")
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description="members", ordering="member_count")
    def member_count(self, committee: Committee) -> int:
        return committee.member_count


@admin.register(CommitteeMembership)
class CommitteeMembershipAdmin(admin.ModelAdmin):
    list_display = ("member", "committee", "side", "rank", "title")
    list_filter = ("side", "committee__chamber")
    search_fields = (
        "member__last_name",
        "member__bioguide",
        "committee__name",
        "committee__thomas_id",
        "title",
    )
    list_select_related = ("member", "committee__parent")
    autocomplete_fields = ("member",)
    raw_id_fields = ("committee",)
    show_full_result_count = False


# --- caucuses (staff-maintained) --------------------------------------------------------------


class KnownChoiceAutocomplete(AutocompleteSelect):
    """An autocomplete that labels its selected member from the row's already-loaded member.

    The stock widget runs one query per inline row to label the selected option; a caucus
    with 150 members would cost 150 queries.
    """

    known_choices: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not self.known_choices or not selected <= self.known_choices.keys():
            return super().optgroups(name, value, attr)
        default = (None, [], 0)
        if not self.is_required:
            default[1].append(self.create_option(name, "", "", False, 0))
        for pk in selected:
            option = self.create_option(name, pk, self.known_choices[pk], selected, len(default[1]))
            default[1].append(option)
        return [default]


class CaucusMembershipForm(forms.ModelForm):
    class Meta:
        model = CaucusMembership
        fields = ("member", "role", "since", "until", "source")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields["member"].widget
        inner = getattr(widget, "widget", widget)  # the admin wraps it in RelatedFieldWidgetWrapper
        if isinstance(inner, AutocompleteSelect) and self.instance.member_id:
            inner.__class__ = KnownChoiceAutocomplete
            inner.known_choices = {str(self.instance.member_id): str(self.instance.member)}


class CaucusMembershipInline(admin.TabularInline):
    model = CaucusMembership
    form = CaucusMembershipForm
    extra = 1
    autocomplete_fields = ("member",)
    fields = ("member", "role", "since", "until", "source")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The row's __str__ (shown in the inline) names the caucus too.
        return super().get_queryset(request).select_related("member", "caucus")


@admin.register(Caucus)
class CaucusAdmin(admin.ModelAdmin):
    list_display = ("name", "chamber", "is_bipartisan", "member_count")
    list_filter = ("chamber", "is_bipartisan")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CaucusMembershipInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description="members", ordering="member_count")
    def member_count(self, caucus: Caucus) -> int:
        return caucus.member_count


@admin.register(CaucusMembership)
class CaucusMembershipAdmin(admin.ModelAdmin):
    list_display = ("member", "caucus", "role", "since", "until")
    list_filter = ("role", "caucus")
    search_fields = ("member__last_name", "member__first_name", "member__bioguide", "caucus__name")
    list_select_related = ("member", "caucus")
    autocomplete_fields = ("member", "caucus")
    show_full_result_count = False

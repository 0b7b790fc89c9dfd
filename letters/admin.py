"""The admin advocacy staff live in: letters with their signers, pasted signer lists, CSV in and out.

Thin by design: forms call the same services as the API and the CSV import (letters/services.py),
lists read annotated querysets from letters/selectors.py.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from import_export.admin import ExportMixin
from simple_history.admin import SimpleHistoryAdmin

from letters import selectors, services
from letters.csv_import import letters_import_csv
from letters.models import (
    LEAD_ROLES,
    Letter,
    LetterChamber,
    LetterPolicy,
    LetterRecipient,
    Policy,
    Recipient,
    Response,
    Signature,
    Stance,
)
from letters.resources import LetterResource, SignatureResource
from letters.signer_lists import resolve_signer_list
from members.models import Caucus, Member
from members.selectors import covering_terms

_LINE_BREAK = mark_safe("<br>")  # a constant, never user text

# --- forms --------------------------------------------------------------------------------------


class LetterAdminForm(forms.ModelForm):
    sent_on = forms.CharField(
        required=False,
        help_text="YYYY-MM-DD (also 9/10/2024 or Sept. 10, 2024); empty while circulating",
        widget=forms.TextInput(attrs={"placeholder": "2024-09-10"}),
    )

    class Meta:
        model = Letter
        fields = (
            "title",
            "sent_on",
            "status",
            "kind",
            "chamber",
            "ask",
            "caucuses",
            "stated_total",
            "stated_democrats",
            "stated_republicans",
            "stated_independents",
            "counts_are_minimum",
            "summary",
            "full_text",
            "source_urls",
            "tags",
            "notes",
            "is_demo",
        )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.sent_on and not self.is_bound:
            self.initial["sent_on"] = self.instance.sent_on.isoformat()

    def clean_sent_on(self):
        return services.letter_date_parse(self.cleaned_data.get("sent_on"))

    def clean(self):
        cleaned = super().clean()
        services.stated_counts_validate(
            total=cleaned.get("stated_total"),
            democrats=cleaned.get("stated_democrats"),
            republicans=cleaned.get("stated_republicans"),
            independents=cleaned.get("stated_independents"),
        )
        return cleaned


class SignatureForm(forms.ModelForm):
    """Runs the signature rules of services.signature_prepare: serving on the date, no duplicate."""

    class Meta:
        model = Signature
        fields = ["letter", "member", "role", "source", "verified", "override_reason"]

    def clean(self):
        cleaned = super().clean()
        letter = cleaned.get("letter") or getattr(self.instance, "letter", None)
        member = cleaned.get("member")
        if member is None or letter is None or cleaned.get("DELETE"):
            return cleaned
        try:
            services.signature_prepare(
                letter=letter,
                member=member,
                role=cleaned.get("role") or "signer",
                source=cleaned.get("source") or "manual",
                verified=bool(cleaned.get("verified")),
                override_reason=cleaned.get("override_reason") or "",
                instance=self.instance,
            )
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc
        return cleaned


# --- inlines ------------------------------------------------------------------------------------


class SignatureInline(admin.TabularInline):
    model = Signature
    form = SignatureForm
    fields = (
        "member",
        "role",
        "party_at_signing",
        "chamber_at_signing",
        "state_at_signing",
        "district_at_signing",
        "source",
        "verified",
        "override_reason",
    )
    readonly_fields = ("party_at_signing", "chamber_at_signing", "state_at_signing", "district_at_signing")
    autocomplete_fields = ("member",)
    extra = 1
    ordering = ("role", "member__last_name")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("member")


class LetterRecipientInline(admin.TabularInline):
    model = LetterRecipient
    autocomplete_fields = ("recipient",)
    extra = 1


class LetterPolicyInline(admin.TabularInline):
    model = LetterPolicy
    autocomplete_fields = ("policy",)
    extra = 1


class ResponseInline(admin.StackedInline):
    model = Response
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    autocomplete_fields = ("responder",)
    extra = 0


# --- list filters ---------------------------------------------------------------------------------


class LeadPartyFilter(admin.SimpleListFilter):
    title = "party of lead"
    parameter_name = "lead_party"

    def lookups(self, request, model_admin):
        return [("D", "Democrat"), ("R", "Republican"), ("I", "Independent")]

    def queryset(self, request, queryset):
        if self.value():
            return selectors.letters_led_by_party(self.value(), queryset)
        return queryset


class BipartisanFilter(admin.SimpleListFilter):
    title = "bipartisan"
    parameter_name = "bipartisan"

    def lookups(self, request, model_admin):
        return [("yes", "Bipartisan"), ("no", "One party")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(is_bipartisan=self.value() == "yes")
        return queryset


class PolicyFilter(admin.SimpleListFilter):
    title = "policy"
    parameter_name = "policy"

    def lookups(self, request, model_admin):
        return [(str(p.pk), p.name) for p in Policy.objects.only("pk", "name")]

    def queryset(self, request, queryset):
        if self.value():
            # A subquery, not a join: a join would multiply the signer counts.
            return queryset.filter(
                pk__in=LetterPolicy.objects.filter(policy_id=self.value()).values("letter_id")
            )
        return queryset


class CaucusFilter(admin.SimpleListFilter):
    title = "caucus"
    parameter_name = "caucus"

    def lookups(self, request, model_admin):
        return [(str(c.pk), c.name) for c in Caucus.objects.filter(letters__isnull=False).distinct()]

    def queryset(self, request, queryset):
        if self.value():
            sponsored = Letter.caucuses.through.objects.filter(caucus_id=self.value()).values("letter_id")
            return queryset.filter(pk__in=sponsored)
        return queryset


class CongressFilter(admin.SimpleListFilter):
    title = "Congress"
    parameter_name = "congress"

    def lookups(self, request, model_admin):
        numbers = (
            Letter.objects.exclude(congress=None).order_by("-congress").values_list("congress", flat=True)
        )
        return [(str(n), _ordinal(n)) for n in dict.fromkeys(numbers)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(congress=self.value())
        return queryset


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} Congress"


# --- letters ------------------------------------------------------------------------------------


class PasteSignersForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="A signature block (one name a line; 'Member of Congress' lines are fine) "
        "or a press-release sentence.",
    )
    chamber = forms.ChoiceField(
        required=False,
        choices=[("", "Any (use hints)"), ("house", "House"), ("senate", "Senate")],
    )


class ImportCsvForm(forms.Form):
    file = forms.FileField(help_text="CSV in the letters export format (UTF-8).")
    dry_run = forms.BooleanField(required=False, initial=True, help_text="Preview only: write nothing.")


@admin.register(Letter)
class LetterAdmin(ExportMixin, SimpleHistoryAdmin):
    form = LetterAdminForm
    resource_classes = [LetterResource]
    import_export_change_list_template = "admin/letters/letter/change_list.html"
    change_form_template = "admin/letters/letter/change_form.html"
    inlines = [SignatureInline, LetterRecipientInline, LetterPolicyInline, ResponseInline]
    list_display = (
        "sent_on",
        "title",
        "leads",
        "recipients_display",
        "party_counts",
        "signer_count",
        "status",
        "kind",
        "chamber",
        "bipartisan",
    )
    list_display_links = ("title",)
    list_filter = (
        "status",
        "kind",
        "chamber",
        PolicyFilter,
        CaucusFilter,
        LeadPartyFilter,
        BipartisanFilter,
        CongressFilter,
        "is_demo",
    )
    date_hierarchy = "sent_on"
    search_fields = ("title",)  # see get_search_results: title, ask and lead names
    search_help_text = "Search title, ask and lead names"
    show_full_result_count = False
    list_per_page = 50
    filter_horizontal = ("caucuses",)
    readonly_fields = (
        "slug",
        "congress",
        "breakdown",
        "caucus_shares",
        "coverage_count",
        "last_covered_at",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("title", "slug", "sent_on", "status", "kind", "chamber", "congress", "ask")}),
        ("Signers", {"fields": ("breakdown", "caucus_shares", "caucuses")}),
        (
            "Counts the public record states",
            {
                "fields": (
                    ("stated_total", "stated_democrats", "stated_republicans", "stated_independents"),
                    "counts_are_minimum",
                )
            },
        ),
        ("Text and sources", {"fields": ("summary", "full_text", "source_urls", "tags", "notes")}),
        (
            "Tracking",
            {"fields": ("coverage_count", "last_covered_at", "is_demo", "created_at", "updated_at")},
        ),
    )

    # -- list ---------------------------------------------------------------------------------

    def get_queryset(self, request):
        return selectors.letters_for_listing(super().get_queryset(request))

    def get_search_results(self, request, queryset, search_term):
        for word in search_term.split():
            leads = Signature.objects.filter(letter_id=OuterRef("pk"), role__in=LEAD_ROLES).filter(
                Q(member__last_name__icontains=word)
                | Q(member__first_name__icontains=word)
                | Q(member__nickname__icontains=word)
                | Q(member__official_full_name__icontains=word)
            )
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(ask__icontains=word) | Q(slug__icontains=word) | Exists(leads)
            )
        return queryset, False

    @admin.display(description="Lead(s)")
    def leads(self, letter: Letter) -> str:
        return ", ".join(s.member.display_name for s in getattr(letter, "lead_signatures", []))

    @admin.display(description="To")
    def recipients_display(self, letter: Letter) -> str:
        return "; ".join(str(link.recipient) for link in getattr(letter, "recipient_links", []))

    @admin.display(description="D / R / I")
    def party_counts(self, letter: Letter) -> str:
        known = f"{letter.democrats} / {letter.republicans} / {letter.independents}"
        if letter.stated_total is not None and letter.unknown_signers:
            minimum = "≥" if letter.counts_are_minimum else ""
            return f"{known} (stated {minimum}{letter.stated_total})"
        return known

    @admin.display(description="Signers", ordering="signer_count")
    def signer_count(self, letter: Letter) -> int:
        return letter.signer_count

    @admin.display(description="Bipartisan", boolean=True, ordering="is_bipartisan")
    def bipartisan(self, letter: Letter) -> bool:
        return letter.is_bipartisan

    # -- change page ------------------------------------------------------------------------

    @admin.display(description="Breakdown at signing")
    def breakdown(self, letter: Letter) -> str:
        if not letter.pk:
            return "—"
        row = selectors.letters_with_breakdowns(Letter.objects.filter(pk=letter.pk)).get()
        parts = [
            f"{row.signer_count} known signers ({row.lead_count} lead)",
            f"Democrats {row.democrats}, Republicans {row.republicans}, Independents {row.independents}",
            f"House {row.house_signers}, Senate {row.senate_signers}",
            f"{row.states_represented} states",
            "bipartisan" if row.is_bipartisan else "one party",
        ]
        if row.stated_total is not None:
            minimum = "at least " if row.counts_are_minimum else ""
            parts.append(
                f"record states {minimum}{row.stated_total}: {row.unknown_signers} not yet known by name"
            )
        return format_html_join(_LINE_BREAK, "{}", ((part,) for part in parts))

    @admin.display(description="Caucus shares")
    def caucus_shares(self, letter: Letter) -> str:
        if not letter.pk:
            return "—"
        shares = selectors.letter_caucus_shares(letter)
        if not shares:
            return "—"
        return format_html_join(
            _LINE_BREAK,
            "{}: {} of {} members signed",
            ((share.caucus.name, share.signed, share.members) for share in shares),
        )

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        letter = form.instance
        if change and "sent_on" in form.changed_data:
            try:
                services.signatures_refresh_at_signing(letter=letter, user=request.user)
            except ValidationError as exc:
                messages.warning(request, " ".join(exc.messages))
        services.letter_refresh_chamber(letter=letter)

    # -- extra pages -------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:letter_id>/paste-signers/",
                wrap(self.paste_signers_view),
                name="letters_letter_paste_signers",
            ),
            path("import-csv/", wrap(self.import_csv_view), name="letters_letter_import_csv"),
            path("deleted/", wrap(self.deleted_letters_view), name="letters_letter_deleted"),
            path("deleted/<int:letter_id>/restore/", wrap(self.restore_view), name="letters_letter_restore"),
            *super().get_urls(),
        ]

    def paste_signers_view(self, request: HttpRequest, letter_id: int) -> HttpResponse:
        """Paste a signature block, preview who it names, then add the confirmed signers."""
        letter = get_object_or_404(Letter, pk=letter_id)
        if not self.has_change_permission(request, letter):
            return HttpResponseRedirect(reverse("admin:letters_letter_changelist"))
        form = PasteSignersForm(request.POST or None, initial={"chamber": _single_chamber(letter)})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "letter": letter,
            "form": form,
            "title": f"Paste a signer list: {letter}",
            "on": letter.sent_on or timezone.localdate(),
        }
        if request.method == "POST" and form.is_valid():
            entries = resolve_signer_list(
                form.cleaned_data["text"], on=context["on"], chamber=form.cleaned_data["chamber"] or None
            )
            rows = _preview_rows(letter, entries, context["on"])
            context["rows"] = rows
            if request.POST.get("action") == "confirm":
                picked, leads = _picked(request, rows)
                if not picked:
                    context["errors"] = ["Pick at least one member to add."]
                else:
                    try:
                        added = services.signatures_add_from_list(
                            letter=letter,
                            bioguides=picked,
                            lead_bioguides=leads,
                            override_reason=request.POST.get("override_reason", ""),
                            user=request.user,
                        )
                    except ValidationError as exc:
                        context["errors"] = exc.messages
                    else:
                        messages.success(
                            request,
                            f"Added {len(added.added)} signatures; "
                            f"{len(added.already_signed)} had already signed.",
                        )
                        return HttpResponseRedirect(reverse("admin:letters_letter_change", args=[letter.pk]))
        return TemplateResponse(request, "admin/letters/letter/paste_signers.html", context)

    def import_csv_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:letters_letter_changelist"))
        form = ImportCsvForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": "Import letters from CSV",
        }
        if request.method == "POST" and form.is_valid():
            result = letters_import_csv(
                form.cleaned_data["file"].read(), dry_run=form.cleaned_data["dry_run"], user=request.user
            )
            context["result"] = result
            if result.committed:
                messages.success(
                    request,
                    f"Imported: {result.count('created')} created, {result.count('updated')} updated.",
                )
                return HttpResponseRedirect(reverse("admin:letters_letter_changelist"))
        return TemplateResponse(request, "admin/letters/letter/import_csv.html", context)

    def deleted_letters_view(self, request: HttpRequest) -> HttpResponse:
        existing = Letter.objects.values("pk")
        deleted = (
            Letter.history.filter(history_type="-")
            .exclude(id__in=existing)
            .select_related("history_user")
            .order_by("-history_date")[:200]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "deleted": deleted,
            "title": "Deleted letters",
            "can_restore": self.has_add_permission(request),
        }
        return render(request, "admin/letters/letter/deleted_letters.html", context)

    def restore_view(self, request: HttpRequest, letter_id: int) -> HttpResponse:
        if request.method != "POST" or not self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:letters_letter_deleted"))
        try:
            letter = services.letter_restore(letter_id=letter_id, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(reverse("admin:letters_letter_deleted"))
        messages.success(request, f"Restored “{letter}” with {letter.signatures.count()} signatures.")
        return HttpResponseRedirect(reverse("admin:letters_letter_change", args=[letter.pk]))


def _single_chamber(letter: Letter) -> str:
    return letter.chamber if letter.chamber in (LetterChamber.HOUSE, LetterChamber.SENATE) else ""


def _preview_rows(letter: Letter, entries, on) -> list[dict]:
    """Preview rows labelling every bioguide shown with its party and seat on the date (two queries)."""
    ids = {b for entry in entries for b in (entry.bioguide, *entry.candidates) if b}
    members = {m.bioguide: m for m in Member.objects.filter(bioguide__in=ids)}
    seats = {
        term.member.bioguide: term
        for term in covering_terms(on)
        .filter(member__bioguide__in=ids)
        .select_related("member")
        .order_by("start")
    }
    for bioguide, member in members.items():
        term = seats.get(bioguide)
        where = ""
        if term is not None:
            seat = term.state if term.district is None else f"{term.state}-{term.district:02d}"
            where = f" ({term.party}-{seat}, {term.get_chamber_display()})"
        member.preview_label = f"{member.display_name}{where} [{bioguide}]"
    signed = set(letter.signatures.values_list("member__bioguide", flat=True))
    rows = []
    for number, entry in enumerate(entries):
        rows.append(
            {
                "number": number,
                "entry": entry,
                "member": members.get(entry.bioguide or ""),
                "candidates": [members[b] for b in entry.candidates if b in members],
                "already_signed": entry.bioguide in signed,
            }
        )
    return rows


def _picked(request: HttpRequest, rows: list[dict]) -> tuple[list[str], list[str]]:
    picked: list[str] = []
    leads: list[str] = []
    for row in rows:
        value = request.POST.get(f"pick_{row['number']}", "").strip().upper()
        if not value:
            continue
        picked.append(value)
        if request.POST.get(f"lead_{row['number']}"):
            leads.append(value)
    return picked, leads


# --- signatures, recipients, policies ---------------------------------------------------------------


@admin.register(Signature)
class SignatureAdmin(ExportMixin, SimpleHistoryAdmin):
    form = SignatureForm
    resource_classes = [SignatureResource]
    list_display = (
        "member",
        "letter",
        "role",
        "party_at_signing",
        "chamber_at_signing",
        "state_at_signing",
        "source",
        "verified",
        "added_on",
    )
    list_filter = ("role", "party_at_signing", "chamber_at_signing", "source", "verified")
    list_select_related = ("member", "letter")
    search_fields = ("member__last_name", "member__first_name", "member__bioguide", "letter__title")
    autocomplete_fields = ("member", "letter")
    readonly_fields = ("party_at_signing", "chamber_at_signing", "state_at_signing", "district_at_signing")
    show_full_result_count = False
    actions = ["mark_verified"]

    @admin.action(description="Mark selected signatures verified")
    def mark_verified(self, request, queryset) -> None:
        signatures = list(queryset.filter(verified=False))
        for signature in signatures:
            services.signature_update(signature=signature, verified=True, user=request.user)
        messages.success(request, f"{len(signatures)} signatures marked verified.")

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        services.letter_refresh_chamber(letter=obj.letter)

    def delete_model(self, request, obj) -> None:
        services.signature_remove(signature=obj, user=request.user)


@admin.register(Recipient)
class RecipientAdmin(admin.ModelAdmin):
    list_display = ("__str__", "name", "office", "organization")
    search_fields = ("name", "office", "organization")


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ("name", "issue_area", "parent")
    list_filter = ("issue_area",)
    search_fields = ("name", "description", "issue_area")
    autocomplete_fields = ("parent", "related")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("letters_on_policy", "members_for_and_against")

    @admin.display(description="Letters")
    def letters_on_policy(self, policy: Policy) -> str:
        if not policy.pk:
            return "—"
        links = (
            LetterPolicy.objects.filter(policy=policy).select_related("letter").order_by("-letter__sent_on")
        )
        if not links:
            return "—"
        return format_html_join(
            _LINE_BREAK,
            '<a href="{}">{}</a> ({}, {})',
            (
                (
                    reverse("admin:letters_letter_change", args=[link.letter_id]),
                    link.letter.title,
                    link.letter.sent_on or "undated",
                    link.get_stance_display().lower(),
                )
                for link in links
            ),
        )

    @admin.display(description="Members who signed, by the letter's stance")
    def members_for_and_against(self, policy: Policy) -> str:
        if not policy.pk:
            return "—"
        by_stance: dict[str, dict[str, str]] = {}
        for signature in selectors.policy_signatures(policy):
            label = dict(Stance.choices).get(signature.stance, signature.stance)
            by_stance.setdefault(label, {})[signature.member.bioguide] = (
                f"{signature.member.display_name} ({signature.party_at_signing}-{signature.state_at_signing})"
            )
        if not by_stance:
            return "—"
        return format_html_join(
            _LINE_BREAK,
            "<strong>{}</strong> ({}): {}",
            ((stance, len(names), "; ".join(names.values())) for stance, names in by_stance.items()),
        )


# --- the member page shows their letters ---------------------------------------------------------------
# members/admin.py belongs to the members app (which cannot import letters): extend its Member admin
# here, or provide one if it registers none.

_member_admin_base = (
    type(admin.site._registry[Member]) if admin.site.is_registered(Member) else admin.ModelAdmin
)
if admin.site.is_registered(Member):
    admin.site.unregister(Member)


@admin.register(Member)
class MemberWithLettersAdmin(_member_admin_base):
    # The signature inline's member autocomplete searches these.
    search_fields = getattr(_member_admin_base, "search_fields", ()) or (
        "last_name",
        "first_name",
        "nickname",
        "official_full_name",
        "bioguide",
    )

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "letters_led_and_signed")

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if "letters_led_and_signed" not in fields:
            fields.append("letters_led_and_signed")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        named = [name for _, options in fieldsets for name in _flatten(options.get("fields", ()))]
        if "letters_led_and_signed" in named:
            return fieldsets
        return [*fieldsets, ("Letters", {"fields": ("letters_led_and_signed",)})]

    @admin.display(description="Letters led and signed")
    def letters_led_and_signed(self, member: Member) -> str:
        if not member.pk:
            return "—"
        signatures = list(selectors.member_signatures(member)[:500])
        if not signatures:
            return "No letters yet."
        return format_html_join(
            _LINE_BREAK,
            '{} — <a href="{}">{}</a> — {} ({})',
            (
                (
                    s.letter.sent_on or "undated",
                    reverse("admin:letters_letter_change", args=[s.letter_id]),
                    s.letter.title,
                    s.get_role_display(),
                    s.party_at_signing or "?",
                )
                for s in signatures
            ),
        )


def _flatten(fields) -> list[str]:
    names: list[str] = []
    for item in fields:
        names.extend(item if isinstance(item, list | tuple) else [item])
    return names

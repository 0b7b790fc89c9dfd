"""Admin for the news tracker: sources, articles, and the review queue.

Thin: every write is a tracker.services call. Lists are tuned for big tables
(list_select_related, raw id widgets, no full result count, counts annotated once).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join

from tracker import services
from tracker.models import (
    Article,
    MemberMention,
    Mention,
    ProposalStatus,
    ProposedLetter,
    Source,
    WorkerHeartbeat,
)
from tracker.selectors import letter_candidates_for_report

CONTEXT_CHARS = 700


def evidence_in_context(text: str, evidence: str, start: int | None, end: int | None) -> str:
    """The evidence highlighted inside the surrounding article text (all of it escaped)."""
    text = text or ""
    if start is None or end is None or text[start:end] != evidence:
        found = text.find(evidence) if evidence else -1
        if found < 0:
            return format_html("<mark>{}</mark>", evidence)
        start, end = found, found + len(evidence)
    before_start = max(0, start - CONTEXT_CHARS)
    after_end = min(len(text), end + CONTEXT_CHARS)
    return format_html(
        '<div style="white-space: pre-wrap; max-width: 60em">{}{}<mark>{}</mark>{}{}</div>',
        "…" if before_start else "",
        text[before_start:start],
        text[start:end],
        text[end:after_end],
        "…" if after_end < len(text) else "",
    )


def _letter_admin_url(letter_id: int) -> str:
    try:
        return reverse("admin:letters_letter_change", args=[letter_id])
    except NoReverseMatch:  # letters admin not registered
        return reverse("admin:tracker_proposedletter_changelist")


def _short(value: str, length: int = 90) -> str:
    value = " ".join((value or "").split())
    return value if len(value) <= length else value[: length - 1] + "…"


def _report_summary(report: dict) -> str:
    """The report's key fields as an escaped definition list."""
    report = report or {}
    people = lambda key: ", ".join(  # noqa: E731 - a tiny local formatter
        f"{p.get('name')} ({p.get('bioguide') or '?'})" for p in report.get(key) or []
    )
    counts = report.get("party_counts") or {}
    rows = [
        ("Sent on", report.get("sent_on") or "not stated"),
        ("Chamber", report.get("chamber") or "not stated"),
        ("Recipients", ", ".join(report.get("recipients") or []) or "—"),
        ("Leads", people("leads") or "—"),
        ("Signers named", people("signers") or "—"),
        (
            "Counts",
            (
                ", ".join(f"{k}: {v}" for k, v in counts.items())
                + (
                    f"; total {report.get('total_signers')}"
                    if report.get("total_signers") is not None
                    else ""
                )
                + (" (at least)" if report.get("counts_are_minimum") else "")
            )
            or "—",
        ),
        ("Ask", report.get("ask") or "—"),
        ("Confidence", report.get("confidence")),
    ]
    return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))


# --- Sources ------------------------------------------------------------------------------


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "kind",
        "active",
        "consecutive_failures",
        "last_success_at",
        "next_poll_at",
        "short_error",
    )
    list_filter = ("active", "kind")
    search_fields = ("name", "url")
    readonly_fields = (
        "etag",
        "last_modified",
        "consecutive_failures",
        "last_error",
        "last_success_at",
        "last_polled_at",
        "disabled_reason",
        "created_at",
    )
    actions = ("reenable", "poll_now")
    show_full_result_count = False

    @admin.display(description="Last error")
    def short_error(self, source: Source) -> str:
        return _short(source.last_error, 80)

    @admin.action(description="Re-enable and poll soon", permissions=["change"])
    def reenable(self, request: HttpRequest, queryset) -> None:
        for source in queryset:
            services.source_reenable(source=source)
        self.message_user(request, f"Re-enabled {queryset.count()} source(s).")

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset) -> None:
        for source in queryset.filter(active=True):
            services.source_poll_now(source=source)
        self.message_user(request, "Queued a poll for the active selected sources.")


# --- Articles -----------------------------------------------------------------------------


class MemberMentionInline(admin.TabularInline):
    model = MemberMention
    extra = 0
    raw_id_fields = ("member",)
    fields = ("member", "name", "count")
    readonly_fields = ("name", "count")


class ArticleSubmitForm(forms.Form):
    url = forms.URLField(required=False, max_length=2000, assume_scheme="https", label="Article URL")
    title = forms.CharField(required=False, max_length=1000)
    text = forms.CharField(required=False, widget=forms.Textarea, label="Or paste the article text")
    published = forms.DateField(required=False, help_text="YYYY-MM-DD (for pasted text)")

    def clean(self):
        data = super().clean()
        if bool(data.get("url")) == bool((data.get("text") or "").strip()):
            raise forms.ValidationError("Give either a URL or the pasted text.")
        return data


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "display_title",
        "source",
        "published_at",
        "fetch_status",
        "analysis_status",
        "mention_count",
        "proposal_count",
        "short_error",
    )
    list_filter = ("fetch_status", "analysis_status", "source")
    list_select_related = ("source",)
    search_fields = ("title", "canonical_url")
    raw_id_fields = ("source", "duplicate_of", "submitted_by")
    readonly_fields = ("content_hash", "created_at", "fetched_at", "analysed_at", "claimed_at")
    inlines = (MemberMentionInline,)
    actions = ("reanalyse", "refetch")
    date_hierarchy = "published_at"
    show_full_result_count = False
    change_list_template = "admin/tracker/article/change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _mentions=Count("mentions", distinct=True),
                _proposals=Count("proposed_letters", distinct=True),
            )
            .defer("text", "feed_content")
        )

    @admin.display(description="Title", ordering="title")
    def display_title(self, article: Article) -> str:
        return _short(article.title or article.canonical_url or f"Article {article.pk}")

    @admin.display(description="Mentions", ordering="_mentions")
    def mention_count(self, article: Article) -> int:
        return article._mentions

    @admin.display(description="Proposals", ordering="_proposals")
    def proposal_count(self, article: Article) -> int:
        return article._proposals

    @admin.display(description="Error")
    def short_error(self, article: Article) -> str:
        return _short(article.error, 60)

    @admin.action(description="Analyse again", permissions=["change"])
    def reanalyse(self, request: HttpRequest, queryset) -> None:
        count = services.articles_reanalyse(article_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"Queued {count} article(s) for analysis.")

    @admin.action(description="Fetch again", permissions=["change"])
    def refetch(self, request: HttpRequest, queryset) -> None:
        count = 0
        for article in queryset.exclude(canonical_url=None):
            services.article_submit_url(url=article.url or article.canonical_url, user=request.user)
            count += 1
        self.message_user(request, f"Queued {count} failed article(s) to fetch again.")

    def get_urls(self):
        return [
            path(
                "submit/",
                self.admin_site.admin_view(self.submit_view),
                name="tracker_article_submit",
            ),
            *super().get_urls(),
        ]

    def submit_view(self, request: HttpRequest):
        """Submit a URL or pasted text for analysis."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleSubmitForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                if data.get("url"):
                    article = services.article_submit_url(url=data["url"], user=request.user)
                else:
                    article = services.article_submit_text(
                        title=data.get("title") or "",
                        text=data["text"],
                        published=data.get("published"),
                        user=request.user,
                    )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                self.message_user(request, "Submitted; it will be analysed shortly.", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:tracker_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Submit an article",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/tracker/article/submit.html", context)


# --- Review queue -------------------------------------------------------------------------


class PendingFirstFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return (("pending", "Pending"), ("reviewed", "Reviewed"), ("all", "All"))

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or "pending") == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "pending"
        if value == "pending":
            return queryset.filter(status="pending")
        if value == "reviewed":
            return queryset.exclude(status="pending")
        return queryset


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = (
        "article_title",
        "letter",
        "status",
        "confidence",
        "score",
        "evidence_snippet",
        "created_at",
    )
    list_filter = (PendingFirstFilter, "status")
    list_select_related = ("article", "letter")
    raw_id_fields = ("article", "letter", "reviewed_by")
    search_fields = ("evidence", "article__title", "letter__title")
    readonly_fields = (
        "evidence_highlighted",
        "report_summary",
        "report",
        "evidence",
        "evidence_start",
        "evidence_end",
        "confidence",
        "score",
        "reviewed_by",
        "reviewed_at",
        "coverage_recorded_at",
        "created_at",
    )
    fields = ("article", "letter", "status", *readonly_fields)
    actions = ("confirm_with_signers", "confirm_only", "reject")
    show_full_result_count = False

    def get_queryset(self, request):
        # The list shows the title only: don't drag every article body along.
        return super().get_queryset(request).defer("article__text", "article__feed_content")

    def get_object(self, request, object_id, from_field=None):
        queryset = Mention.objects.select_related("article", "letter")
        try:
            return queryset.get(pk=object_id)
        except (Mention.DoesNotExist, ValueError, ValidationError):
            return None

    @admin.display(description="Article", ordering="article__title")
    def article_title(self, mention: Mention) -> str:
        return _short(mention.article.title or mention.article.canonical_url or "", 70)

    @admin.display(description="Evidence")
    def evidence_snippet(self, mention: Mention) -> str:
        return _short(mention.evidence, 120)

    @admin.display(description="Evidence in the article")
    def evidence_highlighted(self, mention: Mention) -> str:
        return evidence_in_context(
            mention.article.text, mention.evidence, mention.evidence_start, mention.evidence_end
        )

    @admin.display(description="What the article reports")
    def report_summary(self, mention: Mention) -> str:
        return _report_summary(mention.report)

    def _confirm(self, request, queryset, *, add_signers: bool) -> None:
        result = services.mentions_confirm(
            mentions=queryset.select_related("article", "letter"), user=request.user, add_signers=add_signers
        )
        self.message_user(
            request,
            f"Confirmed {queryset.count()} mention(s); added {result.signatures_added} signature(s).",
            messages.SUCCESS,
        )
        for problem in result.problems[:20]:
            self.message_user(request, f"Not added: {problem}", messages.WARNING)

    @admin.action(description="Confirm and add the named signers", permissions=["change"])
    def confirm_with_signers(self, request, queryset) -> None:
        self._confirm(request, queryset, add_signers=True)

    @admin.action(description="Confirm (don't add signers)", permissions=["change"])
    def confirm_only(self, request, queryset) -> None:
        self._confirm(request, queryset, add_signers=False)

    @admin.action(description="Reject", permissions=["change"])
    def reject(self, request, queryset) -> None:
        count = services.mentions_reject(mention_ids=queryset.values_list("pk", flat=True), user=request.user)
        self.message_user(request, f"Rejected {count} mention(s).")


class LinkProposalForm(forms.Form):
    letter_id = forms.IntegerField(required=False, min_value=1)  # a listed candidate
    letter_id_manual = forms.IntegerField(required=False, min_value=1, label="Or letter id")
    add_signers = forms.BooleanField(required=False, initial=True, label="Add the named signers")

    def clean(self):
        data = super().clean()
        data["letter_id"] = data.get("letter_id_manual") or data.get("letter_id")
        if not data["letter_id"]:
            raise forms.ValidationError("Choose a letter.")
        return data


@admin.register(ProposedLetter)
class ProposedLetterAdmin(admin.ModelAdmin):
    list_display = (
        "proposal_title",
        "article_title",
        "status",
        "confidence",
        "sent_on",
        "evidence_snippet",
        "created_at",
    )
    list_filter = (PendingFirstFilter, "status")
    list_select_related = ("article", "created_letter")
    raw_id_fields = ("article", "created_letter", "reviewed_by")
    search_fields = ("evidence", "article__title")
    readonly_fields = (
        "review_buttons",
        "evidence_highlighted",
        "report_summary",
        "report",
        "evidence",
        "evidence_hash",
        "evidence_start",
        "evidence_end",
        "confidence",
        "reviewed_by",
        "reviewed_at",
        "created_at",
    )
    fields = ("article", "status", "created_letter", *readonly_fields)
    actions = ("create_letters", "reject")
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__text", "article__feed_content")

    def get_object(self, request, object_id, from_field=None):
        try:
            return ProposedLetter.objects.select_related("article", "created_letter").get(pk=object_id)
        except (ProposedLetter.DoesNotExist, ValueError, ValidationError):
            return None

    @admin.display(description="Proposed letter")
    def proposal_title(self, proposal: ProposedLetter) -> str:
        return _short(services.letter_title_from_report(proposal.report or {}), 80)

    @admin.display(description="Sent on")
    def sent_on(self, proposal: ProposedLetter) -> str:
        return (proposal.report or {}).get("sent_on") or "—"

    @admin.display(description="Article", ordering="article__title")
    def article_title(self, proposal: ProposedLetter) -> str:
        return _short(proposal.article.title or proposal.article.canonical_url or "", 60)

    @admin.display(description="Evidence")
    def evidence_snippet(self, proposal: ProposedLetter) -> str:
        return _short(proposal.evidence, 100)

    @admin.display(description="Evidence in the article")
    def evidence_highlighted(self, proposal: ProposedLetter) -> str:
        return evidence_in_context(
            proposal.article.text, proposal.evidence, proposal.evidence_start, proposal.evidence_end
        )

    @admin.display(description="What the article reports")
    def report_summary(self, proposal: ProposedLetter) -> str:
        return _report_summary(proposal.report)

    @admin.display(description="Review")
    def review_buttons(self, proposal: ProposedLetter) -> str:
        if proposal.pk is None:  # the add form: nothing to review yet
            return "-"
        if proposal.status != ProposalStatus.PENDING:
            if proposal.created_letter_id:
                return format_html(
                    '{} — <a href="{}">{}</a>',
                    proposal.get_status_display(),
                    _letter_admin_url(proposal.created_letter_id),
                    proposal.created_letter,
                )
            return proposal.get_status_display()
        return format_html(
            '<a class="button" href="{}">Create letter from this report</a> '
            '<a class="button" href="{}">Link to existing letter</a>',
            reverse("admin:tracker_proposedletter_create_letter", args=[proposal.pk]),
            reverse("admin:tracker_proposedletter_link", args=[proposal.pk]),
        )

    def get_urls(self):
        return [
            path(
                "<int:proposal_id>/create-letter/",
                self.admin_site.admin_view(self.create_letter_view),
                name="tracker_proposedletter_create_letter",
            ),
            path(
                "<int:proposal_id>/link/",
                self.admin_site.admin_view(self.link_view),
                name="tracker_proposedletter_link",
            ),
            *super().get_urls(),
        ]

    def _require_review_permission(self, request) -> None:
        from letters.models import Letter

        if not (
            self.has_change_permission(request)
            and request.user.has_perm(f"letters.add_{Letter._meta.model_name}")
        ):
            raise PermissionDenied

    def create_letter_view(self, request: HttpRequest, proposal_id: int):
        """One click: a confirmation page (GET), then the letter with its signers (POST)."""
        self._require_review_permission(request)
        proposal = get_object_or_404(ProposedLetter.objects.select_related("article"), pk=proposal_id)
        if request.method == "POST":
            try:
                letter, result = services.proposal_create_letter(
                    proposal=proposal, user=request.user, add_signers=bool(request.POST.get("add_signers"))
                )
            except ValidationError as exc:
                self.message_user(request, "; ".join(exc.messages), messages.ERROR)
                return HttpResponseRedirect(
                    reverse("admin:tracker_proposedletter_change", args=[proposal.pk])
                )
            self.message_user(
                request, f"Created “{letter}” with {result.signatures_added} signature(s).", messages.SUCCESS
            )
            for problem in result.problems[:20]:
                self.message_user(request, f"Not added: {problem}", messages.WARNING)
            return HttpResponseRedirect(_letter_admin_url(letter.pk))
        context = {
            **self.admin_site.each_context(request),
            "title": "Create a letter from this report",
            "proposal": proposal,
            "letter_title": services.letter_title_from_report(proposal.report or {}),
            "summary": _report_summary(proposal.report),
            "evidence": evidence_in_context(
                proposal.article.text, proposal.evidence, proposal.evidence_start, proposal.evidence_end
            ),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/tracker/proposedletter/create_letter.html", context)

    def link_view(self, request: HttpRequest, proposal_id: int):
        """Pick the tracked letter this report is about (closest dates first) and link it."""
        from letters.models import Letter

        self._require_review_permission(request)
        proposal = get_object_or_404(ProposedLetter.objects.select_related("article"), pk=proposal_id)
        form = LinkProposalForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            letter = Letter.objects.filter(pk=form.cleaned_data["letter_id"]).first()
            if letter is None:
                form.add_error("letter_id", "No letter with that id.")
            else:
                try:
                    result = services.proposal_link(
                        proposal=proposal,
                        letter=letter,
                        user=request.user,
                        add_signers=form.cleaned_data["add_signers"],
                    )
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    self.message_user(
                        request,
                        f"Linked to “{letter}”; added {result.signatures_added} signature(s).",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:tracker_proposedletter_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Link this report to a tracked letter",
            "proposal": proposal,
            "form": form,
            "candidates": letter_candidates_for_report(proposal.report or {}),
            "summary": _report_summary(proposal.report),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/tracker/proposedletter/link.html", context)

    @admin.action(description="Create letters from the selected reports", permissions=["change"])
    def create_letters(self, request, queryset) -> None:
        self._require_review_permission(request)
        created = 0
        for proposal in queryset.filter(status=ProposalStatus.PENDING).select_related("article"):
            try:
                services.proposal_create_letter(proposal=proposal, user=request.user)
            except ValidationError as exc:
                self.message_user(request, f"{proposal.pk}: {'; '.join(exc.messages)}", messages.WARNING)
            else:
                created += 1
        self.message_user(request, f"Created {created} letter(s).", messages.SUCCESS)

    @admin.action(description="Reject", permissions=["change"])
    def reject(self, request, queryset) -> None:
        count = services.proposals_reject(
            proposal_ids=queryset.values_list("pk", flat=True), user=request.user
        )
        self.message_user(request, f"Rejected {count} proposal(s).")


@admin.register(MemberMention)
class MemberMentionAdmin(admin.ModelAdmin):
    list_display = ("member", "article", "count")
    list_select_related = ("member", "article")
    raw_id_fields = ("member", "article")
    search_fields = ("member__last_name", "member__bioguide", "name")
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__text", "article__feed_content")


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    """Read-only: the last heartbeat a worker ran, and whether /healthz counts it as fresh."""

    list_display = ("name", "last_beat_at", "fresh", "hostname", "beats")
    readonly_fields = ("name", "last_beat_at", "hostname", "beats")

    @admin.display(boolean=True, description="Fresh")
    def fresh(self, obj: WorkerHeartbeat) -> bool:
        from tracker.health import heartbeat_state

        return heartbeat_state(name=obj.name).fresh

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

"""The news side of Signatory: sources we poll, articles we read, and what they report.

An Article is one story, keyed by its canonical URL (tracking parameters stripped), so the
same story arriving from two feeds, a re-poll or a duplicate task delivery stays one row.
What the extraction engine finds becomes a Mention (a report that matches a tracked letter),
a ProposedLetter (a report matching none) and MemberMentions (members named); staff review
mentions and proposals in the admin.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q


class SourceKind(models.TextChoices):
    FEED = "feed", "RSS/Atom feed"
    PAGE = "page", "Single page"


class SourceQuerySet(models.QuerySet):
    def due(self, now) -> SourceQuerySet:
        """Active sources whose next poll time has come (or was never set)."""
        return self.filter(active=True).filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))


class Source(models.Model):
    kind = models.CharField(max_length=4, choices=SourceKind.choices, default=SourceKind.FEED)
    name = models.CharField(max_length=200)
    url = models.URLField(max_length=2000, unique=True)
    active = models.BooleanField(default=True)
    poll_interval = models.DurationField(default=timedelta(minutes=15))
    next_poll_at = models.DateTimeField(null=True, blank=True)
    # Conditional GET validators from the last 200 response.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["active", "next_poll_at"])]

    def __str__(self) -> str:
        return self.name or self.url


class FetchStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    FETCHING = "fetching", "Fetching"
    FETCHED = "fetched", "Fetched"
    FAILED = "failed", "Failed"
    # Pasted text never needs fetching.
    SUPPLIED = "supplied", "Text supplied"


class AnalysisStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    # Same text as an earlier article (content hash): analysed once, under the original.
    DUPLICATE = "duplicate", "Duplicate"


class ArticleQuerySet(models.QuerySet):
    def needing_review(self) -> ArticleQuerySet:
        return self.filter(
            Q(mentions__status=ReviewStatus.PENDING) | Q(proposed_letters__status=ProposalStatus.PENDING)
        ).distinct()


class Article(models.Model):
    # Null only for pasted text, which is deduplicated by content hash instead.
    canonical_url = models.URLField(max_length=2000, unique=True, null=True, blank=True)
    url = models.URLField(max_length=2000, blank=True, help_text="The URL as first seen")
    title = models.CharField(max_length=1000, blank=True)
    author = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    text = models.TextField(blank=True)
    # Content the feed itself carried (sanitised HTML): the fallback when the page can't be read.
    feed_content = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    fetch_status = models.CharField(max_length=10, choices=FetchStatus.choices, default=FetchStatus.PENDING)
    analysis_status = models.CharField(
        max_length=10, choices=AnalysisStatus.choices, default=AnalysisStatus.PENDING
    )
    error = models.TextField(blank=True)
    # When a worker claimed the current fetch/analysis step; a claim older than the task's hard
    # time limit belongs to a dead worker and may be taken over (see services.article_requeue_stalled).
    claimed_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    analysed_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["fetch_status"]),
            models.Index(fields=["analysis_status"]),
            models.Index(fields=["published_at"]),
        ]
        constraints = [
            # Pasted text has no URL: the same text pasted twice is still one article.
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=Q(canonical_url__isnull=True),
                name="article_unique_pasted_text",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.canonical_url or f"Article {self.pk}"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Pending review"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Mention(models.Model):
    """An article reporting a letter we already track (the engine linked the report to it)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    letter = models.ForeignKey("letters.Letter", on_delete=models.CASCADE, related_name="mentions")
    # LetterReport.as_dict(): the contract JSON (sent_on, leads, signers, party_counts, ...).
    report = models.JSONField(default=dict, blank=True)
    evidence = models.TextField(blank=True)
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField(default=0.0)
    score = models.FloatField(default=0.0, help_text="How well the report matches the letter")
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Set once, when this article was counted in the letter's coverage: re-analysis, a second
    # confirm or a duplicate task delivery must not count the same article twice.
    coverage_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.UniqueConstraint(fields=["article", "letter"], name="mention_unique_article_letter"),
        ]

    def __str__(self) -> str:
        return f"Article {self.article_id} → letter {self.letter_id}"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Pending review"
    ACCEPTED = "accepted", "Letter created"
    LINKED = "linked", "Linked to existing letter"
    REJECTED = "rejected", "Rejected"


class ProposedLetter(models.Model):
    """A letter an article reports that matches none we track: staff create it or link it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposed_letters")
    report = models.JSONField(default=dict, blank=True)
    evidence = models.TextField(blank=True)
    # sha256 of the evidence text: re-analysis of the same article finds the same proposal.
    evidence_hash = models.CharField(max_length=64)
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField(default=0.0)
    status = models.CharField(max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    created_letter = models.ForeignKey(
        "letters.Letter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text="The letter created from, or linked to, this report",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.UniqueConstraint(fields=["article", "evidence_hash"], name="proposal_unique_evidence"),
        ]

    def __str__(self) -> str:
        title = (self.report or {}).get("ask") or self.evidence[:60]
        return f"Proposed: {title}"


class MemberMention(models.Model):
    """A member named in an article, and how often."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="member_mentions")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="article_mentions")
    name = models.CharField(max_length=200, blank=True)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-count", "member"]
        constraints = [
            models.UniqueConstraint(fields=["article", "member"], name="member_mention_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} x{self.count} in article {self.article_id}"


class WorkerHeartbeat(models.Model):
    """The last time a Celery worker ran the heartbeat task that beat sends every few seconds.

    A worker can stay up yet stop consuming after a broker reconnect (celery#8030, #10205);
    its process looks healthy, but this row goes stale, and /healthz answers 503.
    """

    name = models.CharField(max_length=100, unique=True, default="default")
    last_beat_at = models.DateTimeField()
    hostname = models.CharField(max_length=255, blank=True, help_text="The worker that ran the last beat")
    beats = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"Heartbeat {self.name} at {self.last_beat_at:%Y-%m-%d %H:%M:%S}"

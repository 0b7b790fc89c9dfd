"""Writes for the news tracker: sources, articles, analysis results and their review.

Every entry point (Celery tasks, admin actions, management commands, the API) goes through
these functions. The pipeline is  poll source -> fetch + analyse article  (one task per
article; analyse_article_task alone serves pasted text and re-analysis), each step keyed by a
row id, idempotent through database constraints and conditional UPDATEs (claims), and queuing
the next step only after its transaction commits. Lost work (a dead worker, a lost broker
message) is found by article_requeue_stalled on the beat tick.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from tracker.canonical import InvalidURL, canonical_url
from tracker.feeds import FeedError, parse_feed
from tracker.fetching import FetchError, FetchPaced, FetchRetryLater, fetch
from tracker.models import (
    AnalysisStatus,
    Article,
    FetchStatus,
    MemberMention,
    Mention,
    ProposalStatus,
    ProposedLetter,
    ReviewStatus,
    Source,
    SourceKind,
)
from tracker.pages import TEXT_MAX_CHARS, PageError, extract_page, html_to_text

log = logging.getLogger(__name__)

# A mention at least this confident counts as coverage of its letter without waiting for review.
COVERAGE_CONFIDENCE = 0.8
# Failing sources wait poll_interval * 2**failures (with jitter), at most this long.
SOURCE_BACKOFF_MAX = timedelta(days=1)
# A claim older than this belongs to a worker that died (hard time limits are far shorter).
CLAIM_LEASE = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT * 2)
PASTED_TEXT_MAX_CHARS = TEXT_MAX_CHARS
# How long queued (unclaimed) work may wait before its message is presumed lost. Re-queuing
# stamps claimed_at, so a long but healthy queue gets at most one duplicate per grace period
# (harmless: the claims run each step once).
QUEUE_GRACE = CLAIM_LEASE * 2
# Longest automatic retry backoff of a fetch (tasks.RETRY["retry_backoff_max"]).
RETRY_WAIT_ESTIMATE = timedelta(seconds=900)


def _enqueue(task_name: str, *args) -> None:
    """Queue a tracker task once the current transaction commits (a worker must see the row)."""
    from tracker import tasks  # tasks import services; import late to keep the cycle out

    task = getattr(tasks, task_name)
    transaction.on_commit(lambda: task.delay(*args))


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace and case normalised: the same story, the same hash."""
    return hashlib.sha256(" ".join(text.split()).lower().encode("utf-8")).hexdigest()


# --- Sources ----------------------------------------------------------------------------


def source_create(
    *, url: str, name: str = "", kind: str = SourceKind.FEED, poll_interval: timedelta | None = None
) -> Source:
    """Register a feed or page to poll (idempotent on the URL)."""
    if kind not in SourceKind.values:
        raise ValidationError(f"Unknown source kind {kind!r} (use feed or page).")
    try:
        url = canonical_url(url) if kind == SourceKind.PAGE else _checked_url(url)
    except InvalidURL as exc:
        raise ValidationError(str(exc)) from exc
    defaults = {"name": name or url, "kind": kind}
    if poll_interval is not None:
        defaults["poll_interval"] = poll_interval
    source, _created = Source.objects.get_or_create(url=url, defaults=defaults)
    return source


def _checked_url(url: str) -> str:
    # Feed URLs keep their query as is (tracking-looking parameters can select the feed).
    canonical_url(url)
    return url.strip()


def source_reenable(*, source: Source) -> None:
    """Put a disabled source back in rotation, due now, with its failure count cleared."""
    Source.objects.filter(pk=source.pk).update(
        active=True, consecutive_failures=0, disabled_reason="", next_poll_at=timezone.now()
    )


def source_poll_now(*, source: Source) -> None:
    """Queue an immediate poll (admin action)."""
    Source.objects.filter(pk=source.pk).update(next_poll_at=timezone.now())
    _enqueue("poll_source", source.pk)


def sources_claim_due(*, now: datetime | None = None) -> list[int]:
    """Ids of due sources, each claimed by pushing next_poll_at forward one interval.

    The conditional UPDATE (… WHERE next_poll_at is still what we read) means two beat ticks,
    or two schedulers by mistake, never queue the same poll twice.
    """
    now = now or timezone.now()
    claimed = []
    for source_id, interval, next_poll_at in Source.objects.due(now).values_list(
        "pk", "poll_interval", "next_poll_at"
    ):
        updated = (
            Source.objects.filter(pk=source_id, next_poll_at=next_poll_at)
            if next_poll_at
            else Source.objects.filter(pk=source_id, next_poll_at__isnull=True)
        ).update(next_poll_at=now + interval)
        if updated:
            claimed.append(source_id)
    return claimed


@dataclass
class PollOutcome:
    status: str  # 'ok' | 'not_modified' | 'failed' | 'inactive' | 'missing'
    new_articles: list[int] = field(default_factory=list)
    error: str = ""


def source_poll(*, source_id: int) -> PollOutcome:
    """Fetch a source with a conditional GET and record its new articles.

    Failures never raise: they are recorded on the source, which backs off (next_poll_at grows
    exponentially) and is disabled after SOURCE_MAX_FAILURES in a row.
    """
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return PollOutcome("missing")
    if not source.active:
        return PollOutcome("inactive")
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(last_polled_at=now)
    try:
        result = fetch(
            source.url,
            purpose="feed" if source.kind == SourceKind.FEED else "page",
            etag=source.etag,
            last_modified=source.last_modified,
        )
        if result.not_modified:
            _source_succeeded(source, etag=result.etag, last_modified=result.last_modified)
            return PollOutcome("not_modified")
        if source.kind == SourceKind.FEED:
            entries = parse_feed(result.content, base_url=result.url, content_type=result.content_type)
            new_ids = _articles_from_entries(source=source, entries=entries)
        else:
            new_ids = _article_from_page_source(source=source, result=result)
    except FetchPaced as exc:
        # Other fetches from this host are using its slots: poll a little later, no failure.
        Source.objects.filter(pk=source.pk).update(
            next_poll_at=timezone.now() + timedelta(seconds=exc.retry_after)
        )
        return PollOutcome("deferred", error=str(exc))
    except (FetchError, FeedError, PageError) as exc:
        retry_after = exc.retry_after if isinstance(exc, FetchRetryLater) else None
        _source_failed(source, error=f"{exc.__class__.__name__}: {exc}", retry_after=retry_after)
        return PollOutcome("failed", error=str(exc))
    _source_succeeded(source, etag=result.etag, last_modified=result.last_modified)
    return PollOutcome("ok", new_articles=new_ids)


def _source_succeeded(source: Source, *, etag: str, last_modified: str) -> None:
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        etag=etag[:500] if etag else source.etag,
        last_modified=last_modified[:100] if last_modified else source.last_modified,
        consecutive_failures=0,
        last_error="",
        last_success_at=now,
        next_poll_at=now + source.poll_interval,
    )


def source_backoff(*, poll_interval: timedelta, failures: int) -> timedelta:
    """How long a source that failed ``failures`` times in a row waits: doubling, jittered, capped."""
    delay = poll_interval * (2 ** min(failures, 16))
    delay = min(delay, SOURCE_BACKOFF_MAX)
    return delay * random.uniform(0.8, 1.2)  # noqa: S311 - jitter, not security


def _source_failed(source: Source, *, error: str, retry_after: float | None = None) -> None:
    now = timezone.now()
    failures = source.consecutive_failures + 1
    wait = source_backoff(poll_interval=source.poll_interval, failures=failures)
    if retry_after:
        wait = max(wait, timedelta(seconds=retry_after))
    fields = {
        "consecutive_failures": failures,
        "last_error": f"{now:%Y-%m-%d %H:%M} {error}"[:5000],
        "next_poll_at": now + wait,
    }
    if failures >= settings.SOURCE_MAX_FAILURES:
        fields["active"] = False
        fields["disabled_reason"] = f"Disabled after {failures} consecutive failures; last: {error}"[:5000]
        log.warning("source %s disabled after %s failures: %s", source.pk, failures, error)
    Source.objects.filter(pk=source.pk).update(**fields)


def _articles_from_entries(*, source: Source, entries) -> list[int]:
    """Store a feed's new entries and queue their fetch; returns the ids queued.

    Keyed on the canonical URL under a unique constraint: a re-poll, a second feed carrying
    the story, or two workers polling the same feed at once all end with one row per story
    (ignore_conflicts), and the fetch claim makes a doubly queued fetch run once.
    """
    by_url = {entry.url: entry for entry in entries}
    known = set(
        Article.objects.filter(canonical_url__in=list(by_url)).values_list("canonical_url", flat=True)
    )
    fresh = [entry for url, entry in by_url.items() if url not in known]
    if not fresh:
        return []
    with transaction.atomic():
        Article.objects.bulk_create(
            [
                Article(
                    canonical_url=entry.url,
                    url=entry.link[:2000],
                    title=entry.title,
                    author=entry.author,
                    published_at=entry.published,
                    source=source,
                    feed_content=entry.content_html,
                )
                for entry in fresh
            ],
            ignore_conflicts=True,
        )
        queued = list(
            Article.objects.filter(
                canonical_url__in=[entry.url for entry in fresh],
                fetch_status=FetchStatus.PENDING,
                claimed_at__isnull=True,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for article_id in queued:
            _enqueue("fetch_article", article_id)
    return queued


def _article_from_page_source(*, source: Source, result) -> list[int]:
    """A watched page is itself the article: store its text, analyse again when it changes."""
    page = extract_page(
        result.content, charset=result.charset, url=result.url, content_type=result.content_type
    )
    article, created = Article.objects.get_or_create(
        canonical_url=canonical_url(source.url),
        defaults={"url": source.url, "source": source, "title": page.title or source.name},
    )
    if _article_store_text(
        article, page.text, title=page.title, author=page.author, published=page.published
    ):
        return [article.pk] if created else []
    return []


# --- Articles ---------------------------------------------------------------------------


def _claim(article_id: int, *, status_field: str, ready: str, working: str) -> bool:
    """Claim one pipeline step of an article for this worker.

    A conditional UPDATE: of two deliveries of the same task (redelivery after a visibility
    timeout, a duplicate enqueue) exactly one moves the row from ``ready`` to ``working``. A
    claim older than CLAIM_LEASE is from a dead worker and can be taken over.
    """
    now = timezone.now()
    stale = Q(**{status_field: working}, claimed_at__lt=now - CLAIM_LEASE)
    with _recoverable_commit():
        return bool(
            Article.objects.filter(Q(**{status_field: ready}) | stale, pk=article_id).update(
                **{status_field: working}, claimed_at=now
            )
        )


@contextlib.contextmanager
def _recoverable_commit():
    """A transaction whose commit doesn't wait for the WAL flush (PostgreSQL).

    For pipeline bookkeeping only: if PostgreSQL itself crashed and lost the last fraction of a
    second of these commits, the article would be back to pending or claimed, which the
    stalled-article sweep re-queues. The fsync wait is most of a claim's cost otherwise.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


def article_fetch(*, article_id: int, final_attempt: bool = True) -> str:
    """Fetch an article page, extract its text and analyse it (see _article_store_text).

    Transient network errors release the claim and re-raise (the task retries with backoff)
    unless this is the final attempt; then, as for permanent errors, the feed-provided
    content is used if there is any, else the article is marked failed with the error.
    """
    if not _claim(
        article_id, status_field="fetch_status", ready=FetchStatus.PENDING, working=FetchStatus.FETCHING
    ):
        return "skipped"
    article = Article.objects.filter(pk=article_id).first()
    if article is None:  # deleted while queued
        return "missing"
    try:
        return _article_fetch_claimed(article, final_attempt=final_attempt)
    except DatabaseError:
        # Transient database trouble: give the claim back so the retry can take it.
        with contextlib.suppress(DatabaseError):
            Article.objects.filter(pk=article_id, fetch_status=FetchStatus.FETCHING).update(
                fetch_status=FetchStatus.PENDING, claimed_at=None
            )
        raise


def _article_fetch_claimed(article: Article, *, final_attempt: bool) -> str:
    article_id = article.pk
    target = article.url or article.canonical_url
    try:
        result = fetch(target, purpose="page")
        page = extract_page(
            result.content,
            charset=result.charset,
            url=result.url,
            content_type=result.content_type,
            # The feed usually gave title and date; the byline alone isn't worth trafilatura's
            # date guessing, which is about half its time.
            with_metadata=not (article.title and article.published_at),
        )
    except (FetchError, PageError) as exc:
        if isinstance(exc, FetchPaced) or (getattr(exc, "transient", False) and not final_attempt):
            # claimed_at = when the retry is due: the stalled-article sweep leaves a retry that is
            # waiting (Retry-After, backoff) alone instead of queuing duplicates of it.
            retry_in = getattr(exc, "retry_after", None) or RETRY_WAIT_ESTIMATE.total_seconds()
            Article.objects.filter(pk=article_id).update(
                fetch_status=FetchStatus.PENDING, claimed_at=timezone.now() + timedelta(seconds=retry_in)
            )
            raise
        fallback = html_to_text(article.feed_content) if article.feed_content else ""
        error = f"{exc.__class__.__name__}: {exc}"[:5000]
        if fallback.strip():
            _article_store_text(article, fallback, error=f"used the feed's content; page: {error}")
            return "fallback"
        Article.objects.filter(pk=article_id).update(
            fetch_status=FetchStatus.FAILED, error=error, claimed_at=None, fetched_at=timezone.now()
        )
        return "failed"
    _article_store_text(article, page.text, title=page.title, author=page.author, published=page.published)
    return "fetched"


def _article_store_text(
    article: Article,
    text: str,
    *,
    title: str = "",
    author: str = "",
    published: datetime | None = None,
    error: str = "",
) -> bool:
    """Store fetched text and analyse it here, unless unchanged or a known duplicate.

    Analysing in the fetching worker (rather than queuing another task) saves a broker round
    trip and two commits per article; the fetch claim already makes this worker the only one
    on the article. The text and the findings are committed together. Returns whether the
    article was analysed.
    """
    text = text[:TEXT_MAX_CHARS]
    digest = content_hash(text)
    changed = digest != article.content_hash
    original = (
        Article.objects.filter(content_hash=digest)
        .exclude(pk=article.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
        if changed
        else None
    )
    article.text = text
    article.content_hash = digest
    article.title = article.title or title
    article.author = article.author or author
    article.published_at = article.published_at or published
    article.fetch_status = FetchStatus.FETCHED
    article.fetched_at = timezone.now()
    article.claimed_at = None
    article.error = error
    update_fields = [
        "text",
        "content_hash",
        "title",
        "author",
        "published_at",
        "fetch_status",
        "fetched_at",
        "claimed_at",
        "error",
    ]
    if original is not None:
        # The same story under another URL (syndication, AMP, a print view): analysed once.
        article.duplicate_of_id = original
        article.analysis_status = AnalysisStatus.DUPLICATE
        article.save(update_fields=[*update_fields, "duplicate_of", "analysis_status"])
        return False
    if not changed and article.analysis_status == AnalysisStatus.DONE:
        article.save(update_fields=update_fields)
        return False
    try:
        analysis = run_engine(article)
    except DatabaseError:
        raise
    except Exception as exc:  # an engine bug on one article must not wedge the queue
        log.exception("analysis failed for article %s", article.pk)
        article.analysis_status = AnalysisStatus.FAILED
        article.error = f"analysis: {exc.__class__.__name__}: {exc}"[:5000]
        article.save(update_fields=[*update_fields, "analysis_status"])
        return False
    first_run = article.analysed_at is None
    with _recoverable_commit():
        article.analysis_status = AnalysisStatus.DONE
        article.analysed_at = timezone.now()
        article.save(update_fields=[*update_fields, "analysis_status", "analysed_at"])
        analysis_store(article=article, analysis=analysis, stored_with_text=True, first_run=first_run)
    return True


def article_submit_url(*, url: str, user=None) -> Article:
    """Submit an article URL by hand; it is fetched and analysed like a feed entry.

    Submitting a URL already known re-queues it only if its last fetch failed.
    """
    try:
        canonical = canonical_url(url)
    except InvalidURL as exc:
        raise ValidationError(str(exc)) from exc
    with transaction.atomic():
        article, created = Article.objects.get_or_create(
            canonical_url=canonical, defaults={"url": url.strip()[:2000], "submitted_by": user}
        )
        if created or Article.objects.filter(pk=article.pk, fetch_status=FetchStatus.FAILED).update(
            fetch_status=FetchStatus.PENDING, error=""
        ):
            _enqueue("fetch_article", article.pk)
    return article


def article_submit_text(
    *, title: str, text: str, published: date | datetime | None = None, user=None
) -> Article:
    """Submit pasted article text; the same text pasted twice is one article."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("The article text is empty.")
    if len(text) > PASTED_TEXT_MAX_CHARS:
        raise ValidationError(
            f"The text is too long ({len(text)} characters; at most {PASTED_TEXT_MAX_CHARS})."
        )
    if isinstance(published, date) and not isinstance(published, datetime):
        published = datetime(
            published.year, published.month, published.day, 12, tzinfo=timezone.get_current_timezone()
        )
    digest = content_hash(text)
    try:
        with transaction.atomic():
            article, created = Article.objects.get_or_create(
                canonical_url=None,
                content_hash=digest,
                defaults={
                    "title": " ".join((title or "").split())[:1000],
                    "text": text,
                    "published_at": published,
                    "fetch_status": FetchStatus.SUPPLIED,
                    "fetched_at": timezone.now(),
                    "submitted_by": user,
                },
            )
            if created:
                _enqueue("analyse_article_task", article.pk)
    except IntegrityError:
        article = Article.objects.get(canonical_url=None, content_hash=digest)
    return article


def articles_reanalyse(*, article_ids: Sequence[int]) -> int:
    """Mark articles for analysis again (after members or letters changed) and queue them."""
    ids = list(
        Article.objects.filter(pk__in=article_ids)
        .exclude(analysis_status=AnalysisStatus.DUPLICATE)
        .exclude(text="")
        .values_list("pk", flat=True)
    )
    # claimed_at records when it was queued: the stalled sweep gives a long queue time to drain.
    Article.objects.filter(pk__in=ids).update(
        analysis_status=AnalysisStatus.PENDING, claimed_at=timezone.now()
    )
    for article_id in ids:
        _enqueue("analyse_article_task", article_id)
    return len(ids)


def article_requeue_stalled(*, now: datetime | None = None) -> int:
    """Re-queue articles whose step was claimed by a worker that died, or whose message was lost.

    Run from the beat tick: together with the claim lease this makes "processed exactly once in
    effect" hold even when both the worker and its broker message are gone.
    """
    now = now or timezone.now()
    cutoff = now - CLAIM_LEASE
    # Work still queued (not claimed) may just be waiting behind a long queue (a burst, a paced
    # host, a big re-analysis): only after QUEUE_GRACE is its message presumed lost.
    queued_cutoff = now - QUEUE_GRACE
    requeued = 0
    stalled_fetch = Article.objects.filter(
        Q(fetch_status=FetchStatus.FETCHING, claimed_at__lt=cutoff)
        | Q(fetch_status=FetchStatus.PENDING, created_at__lt=queued_cutoff, claimed_at__isnull=True)
        # A retry whose due time passed long ago and still hasn't run: its message was lost.
        | Q(fetch_status=FetchStatus.PENDING, claimed_at__lt=queued_cutoff)
    ).values_list("pk", flat=True)[:500]
    for article_id in stalled_fetch:
        _enqueue("fetch_article", article_id)
        requeued += 1
    Article.objects.filter(pk__in=list(stalled_fetch), fetch_status=FetchStatus.PENDING).update(
        claimed_at=now
    )
    stalled_analysis = Article.objects.filter(
        Q(analysis_status=AnalysisStatus.RUNNING, claimed_at__lt=cutoff)
        | Q(
            analysis_status=AnalysisStatus.PENDING,
            fetch_status__in=[FetchStatus.FETCHED, FetchStatus.SUPPLIED],
            fetched_at__lt=queued_cutoff,
        )
        & (Q(claimed_at__isnull=True) | Q(claimed_at__lt=queued_cutoff))
    ).values_list("pk", flat=True)[:500]
    for article_id in stalled_analysis:
        _enqueue("analyse_article_task", article_id)
        requeued += 1
    Article.objects.filter(pk__in=list(stalled_analysis), analysis_status=AnalysisStatus.PENDING).update(
        claimed_at=now
    )
    return requeued


# --- Analysis -----------------------------------------------------------------------------


def article_analyse(*, article_id: int) -> str:
    """Run the extraction engine over an article and store what it finds.

    Claimed with a conditional UPDATE so a duplicate delivery does no work; the stores are
    upserts under unique constraints, so even a repeat run leaves one set of findings.
    """
    if not _claim(
        article_id,
        status_field="analysis_status",
        ready=AnalysisStatus.PENDING,
        working=AnalysisStatus.RUNNING,
    ):
        return "skipped"
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "missing"
    try:
        analysis = run_engine(article)
    except DatabaseError:
        raise  # transient: the task releases the claim and retries
    except Exception as exc:  # an engine bug on one article must not wedge the queue
        log.exception("analysis failed for article %s", article_id)
        Article.objects.filter(pk=article_id).update(
            analysis_status=AnalysisStatus.FAILED,
            error=f"analysis: {exc.__class__.__name__}: {exc}"[:5000],
            claimed_at=None,
        )
        return "failed"
    analysis_store(article=article, analysis=analysis)
    return "done"


def run_engine(article: Article):
    """The extraction engine's ArticleAnalysis for an article, with the current indexes."""
    from tracker.extraction import analyse_article
    from tracker.indexes import analysis_indexes

    names, letters = analysis_indexes()
    published = timezone.localdate(article.published_at) if article.published_at else None
    return analyse_article(article.text, published=published, names=names, letters=letters)


def _evidence_hash(evidence: str) -> str:
    return hashlib.sha256(" ".join(evidence.split()).encode("utf-8")).hexdigest()


@transaction.atomic
def analysis_store(
    *, article: Article, analysis, stored_with_text: bool = False, first_run: bool | None = None
) -> None:
    """Store an ArticleAnalysis: member mentions, mentions of tracked letters, proposals.

    Findings staff already reviewed keep their verdict; pending findings that the new analysis
    no longer produces are removed (re-analysis after members or letters changed).
    ``stored_with_text``: the caller saved exactly this text, already marked done, in the same
    transaction (the fetch path): nothing to re-check, no status left to write.
    """
    from letters.models import Letter
    from tracker.indexes import member_pks

    # The text may have changed while the engine ran (a re-fetch stored new text and queued a new
    # analysis): this analysis is then stale and must not overwrite the newer one's findings or
    # mark the article done. The row lock orders us against that fetch and the newer analysis.
    if (
        not stored_with_text
        and not Article.objects.select_for_update()
        .filter(pk=article.pk, content_hash=article.content_hash)
        .exists()
    ):
        return
    now = timezone.now()
    # Nothing stored yet on a first analysis (the store is atomic): no stale rows to look for.
    if first_run is None:
        first_run = article.analysed_at is None
    # Members named.
    counts = {m.bioguide: m for m in analysis.members}
    member_ids = member_pks(counts)
    if not first_run:
        MemberMention.objects.filter(article=article).exclude(member_id__in=member_ids.values()).delete()
    if member_ids:
        MemberMention.objects.bulk_create(
            [
                MemberMention(article=article, member_id=pk, name=counts[b].name[:200], count=counts[b].count)
                for b, pk in member_ids.items()
            ],
            update_conflicts=True,
            unique_fields=["article", "member"],
            update_fields=["name", "count"],
        )

    # Letters reported.
    matched_ids = {r.matched_letter for r in analysis.letters if r.matched_letter}
    existing_letters = (
        set(Letter.objects.filter(pk__in=matched_ids).values_list("pk", flat=True)) if matched_ids else set()
    )
    new_proposals: list[ProposedLetter] = []
    kept_mentions: set[int] = set()
    kept_proposals: set[str] = set()
    for report in analysis.letters:
        fields = {
            "report": report.as_dict(),
            "evidence": report.evidence,
            "evidence_start": report.evidence_start,
            "evidence_end": report.evidence_end,
            "confidence": report.confidence,
        }
        if report.matched_letter in existing_letters:
            if report.matched_letter in kept_mentions:
                continue  # two reports of one letter in one article: the first is the mention
            kept_mentions.add(report.matched_letter)
            mention, _created = Mention.objects.get_or_create(
                article=article,
                letter_id=report.matched_letter,
                defaults={**fields, "score": report.match_score},
            )
            if mention.status == ReviewStatus.PENDING:
                Mention.objects.filter(pk=mention.pk).update(**fields, score=report.match_score)
            if report.confidence >= COVERAGE_CONFIDENCE:
                _mention_record_coverage(mention, at=article.published_at or now)
        else:
            digest = _evidence_hash(report.evidence)
            if digest in kept_proposals:
                continue
            kept_proposals.add(digest)
            if first_run:
                new_proposals.append(ProposedLetter(article=article, evidence_hash=digest, **fields))
                continue
            proposal, created = ProposedLetter.objects.get_or_create(
                article=article, evidence_hash=digest, defaults=fields
            )
            if not created and proposal.status == ProposalStatus.PENDING:
                ProposedLetter.objects.filter(pk=proposal.pk).update(**fields)
    if new_proposals:
        # ignore_conflicts: a concurrent run of the same article (lost claim) inserted them first.
        ProposedLetter.objects.bulk_create(new_proposals, ignore_conflicts=True)
    if not first_run:
        Mention.objects.filter(article=article, status=ReviewStatus.PENDING).exclude(
            letter_id__in=kept_mentions
        ).delete()
        ProposedLetter.objects.filter(article=article, status=ProposalStatus.PENDING).exclude(
            evidence_hash__in=kept_proposals
        ).delete()
    if stored_with_text:
        return
    Article.objects.filter(pk=article.pk).update(
        analysis_status=AnalysisStatus.DONE, analysed_at=now, claimed_at=None
    )
    article.analysis_status, article.analysed_at, article.claimed_at = AnalysisStatus.DONE, now, None


def _mention_record_coverage(mention: Mention, *, at: datetime) -> bool:
    """Count the article once in its letter's coverage, whatever happens to the mention later."""
    from letters.services import letter_record_coverage

    # The conditional UPDATE is the once: a re-analysis, a confirm after an automatic count, or
    # two workers on the same article find the timestamp set and don't count again.
    if not Mention.objects.filter(pk=mention.pk, coverage_recorded_at__isnull=True).update(
        coverage_recorded_at=timezone.now()
    ):
        return False
    letter_record_coverage(letter=mention.letter, at=at)
    return True


# --- Review -------------------------------------------------------------------------------


@dataclass
class ReviewResult:
    signatures_added: int = 0
    problems: list[str] = field(default_factory=list)


def _add_signers_from_report(*, letter, report: dict, user=None) -> ReviewResult:
    """Add the report's named leads and signers to the letter (source 'article').

    Members already on the letter are left as they are; members who can't sign (not serving on
    the letter's date) are reported, not fatal.
    """
    from letters.models import SignatureRole, SignatureSource
    from letters.services import signature_add
    from members.models import Member

    result = ReviewResult()
    wanted: dict[str, str] = {}
    for person in report.get("leads") or []:
        if person.get("bioguide"):
            wanted.setdefault(person["bioguide"], SignatureRole.LEAD)
    for person in report.get("signers") or []:
        if person.get("bioguide"):
            wanted.setdefault(person["bioguide"], SignatureRole.SIGNER)
    if not wanted:
        return result
    already = set(
        letter.signatures.filter(member__bioguide__in=wanted).values_list("member__bioguide", flat=True)
    )
    members = {m.bioguide: m for m in Member.objects.filter(bioguide__in=set(wanted) - already)}
    for bioguide, role in wanted.items():
        if bioguide in already:
            continue
        member = members.get(bioguide)
        if member is None:
            result.problems.append(f"{bioguide}: no such member")
            continue
        try:
            signature_add(letter=letter, member=member, role=role, source=SignatureSource.ARTICLE, user=user)
        except ValidationError as exc:
            result.problems.append(f"{member.display_name}: {'; '.join(exc.messages)}")
        except IntegrityError:
            result.problems.append(f"{member.display_name}: already signed")
        else:
            result.signatures_added += 1
    return result


@transaction.atomic
def mention_confirm(*, mention: Mention, user=None, add_signers: bool = True) -> ReviewResult:
    """Confirm that the article reports this letter; count the coverage; optionally add signers."""
    Mention.objects.filter(pk=mention.pk).update(
        status=ReviewStatus.CONFIRMED, reviewed_by=user, reviewed_at=timezone.now()
    )
    mention.refresh_from_db()
    article = mention.article
    _mention_record_coverage(mention, at=article.published_at or timezone.now())
    if not add_signers:
        return ReviewResult()
    return _add_signers_from_report(letter=mention.letter, report=mention.report, user=user)


def mention_reject(*, mention: Mention, user=None) -> None:
    Mention.objects.filter(pk=mention.pk).update(
        status=ReviewStatus.REJECTED, reviewed_by=user, reviewed_at=timezone.now()
    )


def mentions_confirm(*, mentions: Iterable[Mention], user=None, add_signers: bool = True) -> ReviewResult:
    """Bulk confirm (admin action); each mention in its own transaction."""
    total = ReviewResult()
    for mention in mentions:
        result = mention_confirm(mention=mention, user=user, add_signers=add_signers)
        total.signatures_added += result.signatures_added
        total.problems += result.problems
    return total


def mentions_reject(*, mention_ids: Iterable[int], user=None) -> int:
    return Mention.objects.filter(pk__in=list(mention_ids)).update(
        status=ReviewStatus.REJECTED, reviewed_by=user, reviewed_at=timezone.now()
    )


def proposals_reject(*, proposal_ids: Iterable[int], user=None) -> int:
    return ProposedLetter.objects.filter(pk__in=list(proposal_ids), status=ProposalStatus.PENDING).update(
        status=ProposalStatus.REJECTED, reviewed_by=user, reviewed_at=timezone.now()
    )


_PRESIDENT_WORDS = ("president", "white house", "biden", "trump", "obama")


def letter_title_from_report(report: dict) -> str:
    """A working title for a letter created from a report: leads, first recipient, ask."""
    leads = [p.get("name", "") for p in report.get("leads") or [] if p.get("name")]
    recipients = report.get("recipients") or []
    title = "Letter"
    if leads:
        title = f"{', '.join(leads[:2])}{' et al.' if len(leads) > 2 else ''} letter"
    if recipients:
        title += f" to {recipients[0]}"
    ask = (report.get("ask") or "").strip()
    if ask:
        title += f": {ask}"
    return title[:300]


def _letter_kind(report: dict) -> str:
    from letters.models import LetterKind

    recipients = " ".join(report.get("recipients") or []).lower()
    if any(word in recipients for word in _PRESIDENT_WORDS):
        return LetterKind.PRESIDENT
    return LetterKind.OTHER


def _claim_proposal(proposal: ProposedLetter, status: str, user) -> None:
    # Two staff clicking "create letter" on the same proposal: only one claim succeeds, so
    # only one letter is created.
    if not ProposedLetter.objects.filter(pk=proposal.pk, status=ProposalStatus.PENDING).update(
        status=status, reviewed_by=user, reviewed_at=timezone.now()
    ):
        raise ValidationError("This proposal was already reviewed.")


@transaction.atomic
def proposal_create_letter(
    *, proposal: ProposedLetter, user=None, title: str = "", add_signers: bool = True
) -> tuple[object, ReviewResult]:
    """Create a tracked letter from a proposed report, link the article to it, add its signers."""
    from letters.services import letter_create

    _claim_proposal(proposal, ProposalStatus.ACCEPTED, user)
    report = proposal.report or {}
    article = proposal.article
    counts = {k: v for k, v in (report.get("party_counts") or {}).items() if k in ("D", "R", "I")}
    if report.get("total_signers") is not None:
        counts["total"] = report["total_signers"]
    chamber = report.get("chamber") if report.get("chamber") in ("house", "senate", "bicameral") else None
    letter = letter_create(
        title=title or letter_title_from_report(report),
        sent_on=report.get("sent_on"),
        kind=_letter_kind(report),
        chamber=chamber,
        ask=(report.get("ask") or "")[:1000],
        summary=proposal.evidence[:2000],
        recipients=[r for r in report.get("recipients") or [] if r],
        stated_counts=counts or None,
        counts_are_minimum=bool(report.get("counts_are_minimum")),
        source_urls=[article.url or article.canonical_url] if (article.url or article.canonical_url) else [],
        user=user,
    )
    ProposedLetter.objects.filter(pk=proposal.pk).update(created_letter=letter)
    proposal.refresh_from_db()
    mention = _mention_from_proposal(proposal, letter=letter, user=user)
    _mention_record_coverage(mention, at=article.published_at or timezone.now())
    result = (
        _add_signers_from_report(letter=letter, report=report, user=user) if add_signers else ReviewResult()
    )
    return letter, result


@transaction.atomic
def proposal_link(*, proposal: ProposedLetter, letter, user=None, add_signers: bool = True) -> ReviewResult:
    """The proposal reports a letter we do track: link the article to it as a confirmed mention."""
    _claim_proposal(proposal, ProposalStatus.LINKED, user)
    ProposedLetter.objects.filter(pk=proposal.pk).update(created_letter=letter)
    proposal.refresh_from_db()
    mention = _mention_from_proposal(proposal, letter=letter, user=user)
    _mention_record_coverage(mention, at=proposal.article.published_at or timezone.now())
    if not add_signers:
        return ReviewResult()
    return _add_signers_from_report(letter=letter, report=proposal.report or {}, user=user)


def _mention_from_proposal(proposal: ProposedLetter, *, letter, user) -> Mention:
    mention, _created = Mention.objects.update_or_create(
        article=proposal.article,
        letter=letter,
        defaults={
            "report": proposal.report,
            "evidence": proposal.evidence,
            "evidence_start": proposal.evidence_start,
            "evidence_end": proposal.evidence_end,
            "confidence": proposal.confidence,
            "score": 1.0,
            "status": ReviewStatus.CONFIRMED,
            "reviewed_by": user,
            "reviewed_at": timezone.now(),
        },
    )
    return mention

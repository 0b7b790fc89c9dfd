"""Celery tasks for the news pipeline: thin wrappers that load by id and call tracker.services.

Reliability notes (measured with Celery 5.7 + Redis): acks_late + reject_on_worker_lost are
global settings, so a SIGKILLed worker child's message is requeued; a task running longer
than the broker's visibility_timeout is redelivered, so every limit here is far below it
and every write is idempotent (claims, upserts under unique constraints). A task whose row
is gone returns quietly.
"""

from __future__ import annotations

import contextlib
import logging

from celery import shared_task
from celery.signals import task_prerun
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections

from tracker import services
from tracker.fetching import (
    FetchConnectionError,
    FetchHTTPError,
    FetchPaced,
    FetchRetryLater,
    FetchTimeout,
)

log = logging.getLogger(__name__)


@task_prerun.connect(dispatch_uid="tracker_close_old_connections")
def _close_old_connections(**kwargs) -> None:
    """Drop a broken or expired database connection before each task, as Django does per request.

    With CELERY_DB_REUSE_MAX set the worker keeps its connection between tasks (opening one per
    task cost more than the rest of an article's database work); after a database outage the
    broken connection must not be reused.
    """
    task = kwargs.get("task")
    if task is not None and getattr(task.request, "is_eager", False):
        return  # in-process (tests, commands): the caller owns the connection and its transaction
    close_old_connections()


# Worth retrying: the network or the database was briefly unavailable.
TRANSIENT = (FetchTimeout, FetchConnectionError, OperationalError, InterfaceError)
RETRY = {
    "retry_backoff": 15,
    "retry_backoff_max": 900,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(
    name="tracker.tasks.poll_due_sources",
    autoretry_for=(OperationalError, InterfaceError),
    soft_time_limit=50,
    time_limit=60,
    **RETRY,
)
def poll_due_sources() -> dict[str, int]:
    """Beat, every minute: queue a poll for each due source; re-queue stalled articles."""
    claimed = services.sources_claim_due()
    from tracker import tasks

    for source_id in claimed:
        tasks.poll_source.delay(source_id)
    requeued = services.article_requeue_stalled()
    return {"sources": len(claimed), "requeued": requeued}


@shared_task(
    name="tracker.tasks.poll_source",
    autoretry_for=(OperationalError, InterfaceError),
    soft_time_limit=90,
    time_limit=120,
    **RETRY,
)
def poll_source(source_id: int) -> str:
    """Fetch one source (conditional GET) and queue a fetch for each new article.

    Network failures don't retry here: they are recorded on the source, which backs off
    through its next_poll_at and is disabled after SOURCE_MAX_FAILURES.
    """
    outcome = services.source_poll(source_id=source_id)
    return f"{outcome.status}: {len(outcome.new_articles)} new"


@shared_task(
    bind=True,
    name="tracker.tasks.fetch_article",
    autoretry_for=TRANSIENT,
    soft_time_limit=90,
    time_limit=120,
    **RETRY,
)
def fetch_article(self, article_id: int) -> str:
    """Fetch an article page, extract its text and analyse it (one task, one worker claim)."""
    try:
        return services.article_fetch(
            article_id=article_id, final_attempt=self.request.retries >= self.max_retries
        )
    except FetchPaced as exc:
        # Waiting for our own per-host pace is not a failure: a fresh message, so it doesn't use
        # up this article's retries. (A duplicate, should this worker die right here, is
        # harmless: the fetch claim runs it once.)
        fetch_article.apply_async((article_id,), countdown=exc.retry_after)
        return "paced"
    except FetchRetryLater as exc:
        # The publisher asked us to wait (429/503 with Retry-After).
        raise self.retry(exc=exc, countdown=exc.retry_after) from exc
    except FetchHTTPError as exc:
        if exc.transient and self.request.retries < self.max_retries:
            raise self.retry(exc=exc) from exc
        raise


@shared_task(
    name="tracker.tasks.analyse_article_task",
    autoretry_for=(OperationalError, InterfaceError),
    soft_time_limit=90,
    time_limit=120,
    **RETRY,
)
def analyse_article_task(article_id: int) -> str:
    """Run the extraction engine over an article and store mentions, proposals and members named."""
    try:
        return services.article_analyse(article_id=article_id)
    except DatabaseError:
        # Release the claim so the retry (or the stalled-article sweep) can run it again.
        from tracker.models import AnalysisStatus, Article

        with contextlib.suppress(DatabaseError):
            Article.objects.filter(pk=article_id, analysis_status=AnalysisStatus.RUNNING).update(
                analysis_status=AnalysisStatus.PENDING, claimed_at=None
            )
        raise


@shared_task(name="tracker.tasks.reanalyse_chunk", soft_time_limit=50, time_limit=60)
def reanalyse_chunk(article_ids: list[int]) -> int:
    """Queue analysis again for a chunk of stored articles (manage.py reanalyze)."""
    return services.articles_reanalyse(article_ids=article_ids)


@shared_task(
    bind=True, name="tracker.tasks.worker_heartbeat", ignore_result=True, soft_time_limit=20, time_limit=30
)
def worker_heartbeat(self) -> None:
    """Beat, every 15 s: stamp WorkerHeartbeat so /healthz can tell a worker is consuming."""
    from tracker.health import heartbeat_record

    heartbeat_record(hostname=self.request.hostname or "")

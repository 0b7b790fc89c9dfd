"""Faults with real worker processes: SIGKILL, duplicate deliveries, concurrent polls, slow tasks.

PostgreSQL + Redis only (the fault_rig fixture skips on SQLite, or fails with REQUIRE_SERVICES=1).
"""

from __future__ import annotations

import logging
import time

import pytest

from tests.reliability.conftest import EXPECTED_OUTCOME, article_outcomes
from tests.reliability.workers import wait_until
from tests.tracker.site import rss
from tracker import services, tasks
from tracker.models import AnalysisStatus, Article, Mention

log = logging.getLogger("tests.reliability")

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def done_count() -> int:
    return Article.objects.filter(analysis_status=AnalysisStatus.DONE).count()


def unfinished() -> dict:
    """How many articles exist and which are not done yet, with their pipeline state (for a failure)."""
    return {
        "articles": Article.objects.count(),
        "not_done": list(
            Article.objects.exclude(analysis_status=AnalysisStatus.DONE).values(
                "pk", "fetch_status", "analysis_status", "claimed_at", "fetched_at", "created_at", "error"
            )
        ),
    }


def assert_each_story_processed_once(urls: list[str]) -> None:
    outcomes = article_outcomes()
    assert len(outcomes) == len(urls), "one article row per story"
    wrong = {url: row for url, row in outcomes.items() if row != EXPECTED_OUTCOME}
    assert not wrong, wrong
    # Coverage of the tracked letter is counted once per article, however often a task ran.
    for mention in Mention.objects.select_related("letter"):
        assert mention.coverage_recorded_at is not None
    letters = {m.letter for m in Mention.objects.select_related("letter")}
    for letter in letters:
        letter.refresh_from_db()
        assert letter.coverage_count == Mention.objects.filter(letter=letter).count()


def test_a_worker_killed_mid_batch_leaves_every_article_processed_exactly_once(fault_rig, newsroom, stories):
    urls = stories(24, delay=0.25)
    first = fault_rig.worker("first")
    for url in urls:
        services.article_submit_url(url=url)

    wait_until(lambda: done_count() >= 6, timeout=60, what="a quarter of the batch")
    first.kill()  # SIGKILL the whole worker: main process and pool children
    stranded = Article.objects.exclude(analysis_status=AnalysisStatus.DONE).count()
    assert stranded > 0, "the kill must land mid-batch"

    fault_rig.worker("second")
    wait_until(lambda: done_count() == len(urls), timeout=90, what="the rest of the batch", detail=unfinished)

    assert_each_story_processed_once(urls)


def test_the_same_task_delivered_twice_and_one_feed_polled_by_two_workers_store_one_set(
    fault_rig, newsroom, stories
):
    urls = stories(12, delay=0.1)
    feed_url = fault_rig.site.add(
        "/feed.xml",
        rss([{"link": url, "title": f"Story {n}"} for n, url in enumerate(urls)]),
        content_type="application/rss+xml",
    )
    source = services.source_create(url=feed_url, name="Feed")
    fault_rig.worker("one")
    fault_rig.worker("two")

    # Two workers polling the same feed at once, each poll delivered twice.
    for _ in range(4):
        tasks.poll_source.delay(source.pk)
    wait_until(lambda: Article.objects.count() == len(urls), timeout=60, what="the feed's articles")
    # And each article's fetch and analysis delivered a second (and third) time.
    for article_id in Article.objects.values_list("pk", flat=True):
        tasks.fetch_article.delay(article_id)
        tasks.analyse_article_task.delay(article_id)
    wait_until(lambda: done_count() == len(urls), timeout=60, what="every article analysed")
    time.sleep(2)  # let the duplicate deliveries finish, so a second write would be seen

    assert_each_story_processed_once(urls)
    assert all(fault_rig.site.hits(f"/story/{n}") == 1 for n in range(len(urls))), "each page fetched once"


def test_a_task_running_past_the_visibility_timeout_is_not_executed_twice_in_effect(
    fault_rig, newsroom, stories
):
    # The page takes longer than the broker's visibility timeout, so Redis hands the message to a
    # second worker while the first is still fetching. The claim lease (2 x CELERY_TASK_TIME_LIMIT)
    # outlasts the redelivery, so the second delivery finds the claim alive and does nothing, as
    # in production (lease 360 s < visibility 3600 s; the fetch task's own 120 s hard limit
    # would kill it long before any redelivery).
    (url,) = stories(1, delay=6.5)
    env = {
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "CELERY_TASK_TIME_LIMIT": "4",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
    }
    fault_rig.worker("one", **env)
    fault_rig.worker("two", **env)

    services.article_submit_url(url=url)
    wait_until(lambda: done_count() == 1, timeout=60, what="the slow article")
    time.sleep(2)

    logs = fault_rig.logs()
    assert logs.count("tracker.tasks.fetch_article") >= 2, "the message was redelivered"
    assert fault_rig.site.hits("/story/0") == 1, "the second delivery did not fetch again"
    assert_each_story_processed_once([url])


def test_a_whole_worker_sigkilled_has_its_unacked_tasks_redelivered_within_the_bound(
    fault_rig, newsroom, stories, record_property
):
    # Bound: visibility_timeout + unacked_restore_interval (+ the new worker's start-up). Here
    # 3 s + 1 s; production defaults 3600 s + 60 s (and the beat sweep re-queues stalled
    # articles after the 360 s claim lease, whichever comes first).
    urls = stories(4, delay=30)  # the first worker never finishes a fetch
    first = fault_rig.worker("first")
    for url in urls:
        services.article_submit_url(url=url)
    wait_until(lambda: fault_rig.site.hits("/story/0") + fault_rig.site.hits("/story/1") > 0, timeout=30)
    first.kill()
    killed_at = time.monotonic()
    for n in range(4):
        fault_rig.site.routes[f"/story/{n}"].delay = 0

    fault_rig.worker("second")
    wait_until(lambda: done_count() == len(urls), timeout=60, what="the redelivered tasks")
    elapsed = time.monotonic() - killed_at

    assert_each_story_processed_once(urls)
    record_property("seconds_from_sigkill_to_all_done", round(elapsed, 1))
    log.info("redelivered and finished %.1fs after SIGKILL", elapsed)

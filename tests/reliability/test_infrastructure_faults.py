"""Redis and PostgreSQL going away under a running pipeline; a worker that stops consuming; a burst.

Real worker and beat processes (PostgreSQL + Redis only). Redis is our own throwaway
redis-server, killed with SIGKILL and started again empty (no persistence: every queued
message is lost). The database outage cuts a TCP proxy the worker connects through.
"""

from __future__ import annotations

import logging
import signal
import time

import pytest
from django.db import OperationalError
from django.utils import timezone

from tests.reliability.conftest import EXPECTED_OUTCOME, article_outcomes, database_url
from tests.reliability.test_worker_faults import assert_each_story_processed_once, done_count, unfinished
from tests.reliability.workers import TcpProxy, wait_until
from tests.tracker.site import rss
from tracker import services
from tracker.models import AnalysisStatus, Article, MemberMention, Mention, ProposedLetter, WorkerHeartbeat

log = logging.getLogger("tests.reliability")

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def fast_beat_schedule(every_seconds: int = 1) -> None:
    """The beat schedule of the migrations, every second instead of every minute / 15 s."""
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    interval, _ = IntervalSchedule.objects.get_or_create(every=every_seconds, period="seconds")
    for name, task in [
        ("Poll due news sources", "tracker.tasks.poll_due_sources"),
        ("Worker heartbeat", "tracker.tasks.worker_heartbeat"),
    ]:
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "interval": interval, "enabled": True, "expire_seconds": None}
        )


def beats() -> int:
    row = WorkerHeartbeat.objects.first()
    return row.beats if row else 0


def test_redis_restarted_during_ingest_loses_nothing_and_beat_keeps_running(
    fault_rig, newsroom, stories, point_app_at
):
    redis = fault_rig.redis()
    fault_rig.broker_url = redis.url
    point_app_at(redis.url)
    fast_beat_schedule()
    urls = stories(20, delay=0.3)
    # As in production, the same Redis is also the cache (throttles, stats, robots.txt).
    cache_url = redis.url.removesuffix("/0") + "/1"
    fault_rig.worker("worker", REDIS_URL=cache_url)
    fault_rig.beat(REDIS_URL=cache_url)
    for url in urls:
        services.article_submit_url(url=url)
    wait_until(lambda: done_count() >= 4, timeout=60, what="ingest under way")

    redis.kill()  # SIGKILL, no persistence: every queued and unacked message is gone
    stranded = len(urls) - done_count()
    time.sleep(2)
    redis.start()
    restarted_at = timezone.now()

    # The database is the record: the beat sweep re-queues whatever lost its message.
    wait_until(
        lambda: done_count() == len(urls),
        timeout=120,
        what="every article after the restart",
        detail=unfinished,
    )
    wait_until(
        lambda: WorkerHeartbeat.objects.filter(last_beat_at__gt=restarted_at).exists(),
        timeout=30,
        what="a heartbeat after the restart (beat and worker both reconnected)",
    )
    assert stranded > 0
    assert_each_story_processed_once(urls)


def test_database_unavailable_for_a_while_tasks_retry_and_complete_with_nothing_half_written(
    fault_rig, newsroom, stories, tmp_path
):
    proxy = TcpProxy(("127.0.0.1", 5432)).up()
    proxied = database_url().replace(":5432/", f":{proxy.port}/")
    assert proxied != database_url()
    fast_beat_schedule()
    urls = stories(12, delay=0.3)
    fault_rig.worker("worker", DATABASE_URL=proxied, DATABASE_CONN_MAX_AGE="60")
    fault_rig.beat()  # beat itself keeps the direct connection: the outage is the worker's
    for url in urls:
        services.article_submit_url(url=url)
    wait_until(lambda: done_count() >= 3, timeout=60, what="ingest under way")

    proxy.down()  # open connections reset, new ones refused
    time.sleep(4)
    proxy.up()

    wait_until(
        lambda: done_count() == len(urls),
        timeout=150,
        what="every article after the outage",
        detail=unfinished,
    )
    logs = fault_rig.logs()
    assert "OperationalError" in logs, "the outage reached the worker"
    assert "retry: Retry in" in logs, "tasks retried with backoff"
    assert_each_story_processed_once(urls)
    proxy.down()


def test_a_failure_inside_the_analysis_write_leaves_no_half_written_article(db, newsroom, monkeypatch):
    """In-process companion of the outage test: the database fails mid-write, the write rolls back."""
    from tests.reliability.conftest import story_text
    from tracker import tasks

    article = Article.objects.create(
        canonical_url="https://news.example/half",
        text=story_text(1),
        content_hash="h",
        fetch_status="fetched",
    )

    def outage(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    # The letter finding is written after the members named: fail there, whichever kind it is.
    with monkeypatch.context() as patched:
        patched.setattr(ProposedLetter.objects, "get_or_create", outage)
        patched.setattr(Mention.objects, "get_or_create", outage)
        with pytest.raises(OperationalError):
            tasks.analyse_article_task.run(article.pk)

    article.refresh_from_db()
    assert article.analysis_status == AnalysisStatus.PENDING  # claim released for the retry
    assert not MemberMention.objects.filter(article=article).exists()  # written first, rolled back

    assert tasks.analyse_article_task.run(article.pk) == "done"
    assert article_outcomes()["https://news.example/half"]["members"] == EXPECTED_OUTCOME["members"]


def test_a_burst_of_1000_feed_entries_is_processed_with_bounded_worker_memory(
    fault_rig, newsroom, stories, record_property
):
    count = 1000
    urls = stories(count)
    feed_url = fault_rig.site.add(
        "/burst.xml",
        rss([{"link": url, "title": f"Story {n}"} for n, url in enumerate(urls)]),
        content_type="application/rss+xml",
    )
    source = services.source_create(url=feed_url, name="Burst")
    worker = fault_rig.worker("burst", concurrency=2, FETCH_MAX_BYTES=str(2 * 1024 * 1024))
    baseline = worker.rss_kib()
    samples: list[dict[int, int]] = []

    from tracker import tasks

    tasks.poll_source.delay(source.pk)

    def sample_and_check() -> bool:
        samples.append(worker.rss_kib())
        return done_count() == count

    wait_until(sample_and_check, timeout=600, interval=1.0, what=f"{count} articles processed")

    assert Article.objects.count() == count
    outcomes = article_outcomes()
    assert all(row == EXPECTED_OUTCOME for row in outcomes.values())
    peak_per_process = max(max(s.values()) for s in samples if s)
    peak_total = max(sum(s.values()) for s in samples if s)
    halfway = samples[len(samples) // 2]
    growth_second_half = max(samples[-1].get(pid, 0) - halfway.get(pid, 0) for pid in samples[-1])
    for name, value in [
        ("baseline_total_rss_mib", sum(baseline.values()) / 1024),
        ("peak_process_rss_mib", peak_per_process / 1024),
        ("peak_total_rss_mib", peak_total / 1024),
        ("growth_second_half_mib", growth_second_half / 1024),
    ]:
        record_property(name, round(value, 1))
        log.info("burst %s = %.1f", name, value)
    # Bounded: no process above 400 MiB, and no steady climb over the second half of the burst.
    assert peak_per_process < 400 * 1024, peak_per_process
    assert growth_second_half < 64 * 1024, growth_second_half


def test_a_worker_that_stops_consuming_turns_healthz_503_and_back(fault_rig, point_app_at, client, settings):
    """celery#8030 / #10205: the process stays up but consumes nothing (here: SIGSTOP, the same symptom)."""
    redis = fault_rig.redis()
    fault_rig.broker_url = redis.url
    point_app_at(redis.url)
    settings.HEALTH_HEARTBEAT_MAX_AGE = 3
    fast_beat_schedule()
    worker = fault_rig.worker("worker")
    fault_rig.beat()

    wait_until(lambda: client.get("/healthz").status_code == 200, timeout=30, what="healthy")

    # Redis restarted under the worker: it must come back to consuming (heartbeats resume).
    redis.kill()
    time.sleep(1)
    redis.start()
    after_restart = beats()
    wait_until(lambda: beats() > after_restart + 2, timeout=60, what="heartbeats after a Redis restart")
    assert client.get("/healthz").status_code == 200

    # A worker that is up but not consuming: beat keeps sending, nobody runs the heartbeat.
    worker.signal_group(signal.SIGSTOP)
    try:
        wait_until(lambda: client.get("/healthz").status_code == 503, timeout=30, what="healthz 503")
        body = client.get("/healthz").json()
        assert body["checks"]["heartbeat"]["ok"] is False
        assert body["checks"]["database"]["ok"]
        assert body["checks"]["broker"]["ok"]
    finally:
        worker.signal_group(signal.SIGCONT)
    wait_until(lambda: client.get("/healthz").status_code == 200, timeout=30, what="healthy again")

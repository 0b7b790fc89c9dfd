"""A real Celery worker on real Redis turns a local feed into mentions, end to end."""

from __future__ import annotations

import time

import pytest
from celery.contrib.testing.worker import start_worker

from tests.tracker.site import article_html, rss
from tests.tracker.test_real_engine import STORY
from tracker import services, tasks
from tracker.models import AnalysisStatus, Article, MemberMention, Mention

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_worker_app(redis_url, fetch_settings, point_app_at):
    """config.celery's app pointed at the test Redis, with a worker thread consuming from it."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    app = point_app_at(redis_url, {"visibility_timeout": 600})
    fetch_settings.REDIS_URL = redis_url
    with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=10):
        yield app


def wait_for(condition, *, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_worker_on_redis_turns_a_local_feed_into_mentions(
    site, kaptur, fitzpatrick, letters_seed, redis_worker_app
):
    from letters.services import signature_add

    signature_add(letter=letters_seed, member=kaptur, role="lead")
    site.add("/story", article_html("Lawmakers urge Biden", STORY.split("\n\n")))
    site.add(
        "/weather", article_html("Weather", ["Rain is expected across the region on Friday afternoon."] * 3)
    )
    feed = rss(
        [
            {"link": site.url("/story?utm_source=rss"), "title": "Lawmakers urge Biden"},
            {"link": site.url("/weather"), "title": "Weather"},
        ]
    )
    site.add("/feed.xml", feed, content_type="application/rss+xml")
    services.source_create(url=site.url("/feed.xml"))

    tasks.poll_due_sources.delay()  # what beat sends every minute

    def finished() -> bool:
        return Article.objects.filter(analysis_status=AnalysisStatus.DONE).count() == 2

    assert wait_for(finished), list(
        Article.objects.values("canonical_url", "fetch_status", "analysis_status", "error")
    )
    story = Article.objects.get(canonical_url=site.url("/story"))
    mention = Mention.objects.get()
    assert (mention.article, mention.letter) == (story, letters_seed)
    assert story.text[mention.evidence_start : mention.evidence_end] == mention.evidence
    assert set(MemberMention.objects.filter(article=story).values_list("member__bioguide", flat=True)) == {
        "K000009",
        "F000466",
    }

    # The same feed polled again (and a duplicate delivery of the analysis) changes nothing.
    source_id = story.source_id
    tasks.poll_source.delay(source_id)
    tasks.analyse_article_task.delay(story.pk)
    tasks.poll_source.delay(source_id)  # one solo worker runs these in order: this one is last
    assert wait_for(lambda: site.hits("/feed.xml") >= 3)
    assert Article.objects.count() == 2
    assert Mention.objects.count() == 1
    assert site.hits("/story") == 1

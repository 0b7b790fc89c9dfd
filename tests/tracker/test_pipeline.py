"""The ingest pipeline: poll -> fetch -> analyse -> store, idempotent and resilient."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.tracker.conftest import letter_report
from tests.tracker.site import article_html, rss
from tracker import services, tasks
from tracker.extraction.findings import MemberMention as FoundMember
from tracker.models import (
    AnalysisStatus,
    Article,
    FetchStatus,
    MemberMention,
    Mention,
    ProposedLetter,
    Source,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]

SEED_TEXT = (
    "At least 20 House Democrats and five House Republicans sent President Biden a letter on Sept. 10 "
    "urging him to lift limits on long-range weapons. Rep. Marcy Kaptur led the letter."
)
SEED_PHRASE = "sent President Biden a letter on Sept. 10"


def serve_story(site, path: str, text: str = SEED_TEXT, title: str = "Lawmakers write to Biden") -> str:
    return site.add(path, article_html(title, [text, "Other news followed in the capital this week."]))


def serve_feed(site, path: str, links: list[str], **options) -> str:
    items = [{"link": link, "title": f"Story {i}"} for i, link in enumerate(links)]
    return site.add(path, rss(items), content_type="application/rss+xml; charset=utf-8", **options)


def poll(source, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.poll_source.delay(source.pk)
    source.refresh_from_db()
    return source


@pytest.fixture
def seed_engine(fake_engine, kaptur):
    fake_engine.reports = lambda text: [letter_report(text, SEED_PHRASE)] if SEED_PHRASE in text else []
    fake_engine.members = lambda text: [FoundMember("K000009", "Marcy Kaptur", 1)] if "Kaptur" in text else []
    return fake_engine


def test_a_feed_is_polled_fetched_and_analysed_into_findings(
    site, seed_engine, django_capture_on_commit_callbacks
):
    serve_story(site, "/a")
    serve_story(site, "/b", text="Nothing about letters here, only the weather.")
    source = services.source_create(url=serve_feed(site, "/feed.xml", [site.url("/a"), site.url("/b")]))
    poll(source, django_capture_on_commit_callbacks)

    assert source.consecutive_failures == 0
    assert source.last_success_at is not None
    articles = Article.objects.order_by("canonical_url")
    assert [a.canonical_url for a in articles] == [site.url("/a"), site.url("/b")]
    assert {a.fetch_status for a in articles} == {FetchStatus.FETCHED}
    assert {a.analysis_status for a in articles} == {AnalysisStatus.DONE}
    story = articles[0]
    assert SEED_TEXT in story.text
    proposal = ProposedLetter.objects.get()
    assert proposal.article == story
    assert proposal.evidence == SEED_PHRASE
    assert story.text[proposal.evidence_start : proposal.evidence_end] == SEED_PHRASE
    assert proposal.report["party_counts"] == {"D": 20, "R": 5}
    assert MemberMention.objects.get().member.bioguide == "K000009"


def test_the_same_feed_polled_twice_stores_each_story_once(
    site, seed_engine, django_capture_on_commit_callbacks
):
    serve_story(site, "/a")
    source = services.source_create(url=serve_feed(site, "/feed.xml", [site.url("/a")]))
    poll(source, django_capture_on_commit_callbacks)
    poll(source, django_capture_on_commit_callbacks)
    assert Article.objects.count() == 1
    assert ProposedLetter.objects.count() == 1
    assert site.hits("/a") == 1
    assert seed_engine.calls == 1


def test_two_feeds_carrying_one_story_make_one_article(site, seed_engine, django_capture_on_commit_callbacks):
    serve_story(site, "/a")
    one = services.source_create(url=serve_feed(site, "/one.xml", [site.url("/a?utm_source=one")]))
    two = services.source_create(url=serve_feed(site, "/two.xml", [site.url("/a?fbclid=xyz#top")]))
    poll(one, django_capture_on_commit_callbacks)
    poll(two, django_capture_on_commit_callbacks)
    assert Article.objects.get().canonical_url == site.url("/a")


def test_a_repoll_uses_a_conditional_get(site, fake_engine, django_capture_on_commit_callbacks):
    source = services.source_create(url=serve_feed(site, "/feed.xml", [], etag='"v7"'))
    poll(source, django_capture_on_commit_callbacks)
    assert source.etag == '"v7"'
    assert services.source_poll(source_id=source.pk).status == "not_modified"
    assert site.requests[-1][1]["If-None-Match"] == '"v7"'


def test_a_story_syndicated_under_another_url_is_analysed_once(
    site, seed_engine, django_capture_on_commit_callbacks
):
    serve_story(site, "/a")
    serve_story(site, "/amp/a")
    source = services.source_create(url=serve_feed(site, "/feed.xml", [site.url("/a"), site.url("/amp/a")]))
    poll(source, django_capture_on_commit_callbacks)
    first, second = Article.objects.order_by("pk")
    assert second.analysis_status == AnalysisStatus.DUPLICATE
    assert second.duplicate_of == first
    assert ProposedLetter.objects.count() == 1


def test_the_same_analysis_delivered_twice_leaves_one_set_of_findings(
    site, seed_engine, letters_seed, django_capture_on_commit_callbacks
):
    letter = letters_seed
    seed_engine.reports = lambda text: [letter_report(text, SEED_PHRASE, matched_letter=letter.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_submit_text(title="Seed", text=SEED_TEXT)
    # A redelivery finds the work claimed and done.
    assert tasks.analyse_article_task.delay(article.pk).get() == "skipped"
    # Even a forced second run (re-analysis) upserts instead of adding.
    services.articles_reanalyse(article_ids=[article.pk])
    assert services.article_analyse(article_id=article.pk) == "done"
    assert Mention.objects.count() == 1
    assert MemberMention.objects.count() == 1
    letter.refresh_from_db()
    assert letter.coverage_count == 1  # counted once, not once per run


def test_a_second_fetch_delivery_does_no_second_fetch(site, fake_engine, django_capture_on_commit_callbacks):
    serve_story(site, "/a")
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_submit_url(url=site.url("/a"))
    assert services.article_fetch(article_id=article.pk) == "skipped"
    assert site.hits("/a") == 1


def test_a_task_whose_row_is_gone_returns_quietly(fake_engine):
    assert tasks.fetch_article.delay(987654).get() == "skipped"
    assert tasks.analyse_article_task.delay(987654).get() == "skipped"
    assert tasks.poll_source.delay(987654).get().startswith("missing")


def test_a_page_that_cannot_be_fetched_falls_back_to_the_feed_content(
    site, seed_engine, django_capture_on_commit_callbacks
):
    feed = rss([{"link": site.url("/gone"), "title": "Gone", "description": f"<p>{SEED_TEXT}</p>"}])
    source = services.source_create(url=site.add("/feed.xml", feed, content_type="application/rss+xml"))
    poll(source, django_capture_on_commit_callbacks)
    article = Article.objects.get()
    assert article.fetch_status == FetchStatus.FETCHED
    assert "HTTP 404" in article.error
    assert SEED_TEXT in article.text
    assert ProposedLetter.objects.count() == 1


def test_an_unreadable_page_without_feed_content_is_marked_failed(
    site, fake_engine, django_capture_on_commit_callbacks
):
    site.add("/binary", b"\x00\x01\x02" * 100, content_type="text/html")
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_submit_url(url=site.url("/binary"))
    article.refresh_from_db()
    assert article.fetch_status == FetchStatus.FAILED
    assert "binary" in article.error
    assert fake_engine.calls == 0


def test_a_page_on_a_private_address_is_refused_and_recorded(fake_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_submit_url(url="http://169.254.169.254/latest/meta-data/")
    article.refresh_from_db()
    assert article.fetch_status == FetchStatus.FAILED
    assert "FetchRefused" in article.error


def test_a_failing_source_backs_off_and_is_disabled(site, settings, fake_engine):
    settings.SOURCE_MAX_FAILURES = 3
    site.add("/feed.xml", "down", status=500, content_type="text/plain")
    source = services.source_create(url=site.url("/feed.xml"), poll_interval=dt.timedelta(minutes=10))
    waits = []
    for _ in range(3):
        before = timezone.now()
        assert services.source_poll(source_id=source.pk).status == "failed"
        source.refresh_from_db()
        waits.append(source.next_poll_at - before)
    assert source.consecutive_failures == 3
    assert waits[0] < waits[1] < waits[2]
    assert not source.active
    assert "HTTP 500" in source.last_error
    assert "3 consecutive failures" in source.disabled_reason
    assert services.source_poll(source_id=source.pk).status == "inactive"
    services.source_reenable(source=source)
    source.refresh_from_db()
    assert source.active
    assert source.consecutive_failures == 0


def test_a_malformed_feed_is_an_error_on_the_source(site, fake_engine):
    site.add("/feed.xml", "<rss><channel><item><title>oops", content_type="application/rss+xml")
    source = services.source_create(url=site.url("/feed.xml"))
    assert services.source_poll(source_id=source.pk).status == "failed"
    source.refresh_from_db()
    assert "not a usable feed" in source.last_error
    assert source.consecutive_failures == 1


def test_a_billion_laughs_feed_is_an_error_on_the_source(site, fake_engine):
    from tests.tracker.test_feeds_and_pages import BILLION_LAUGHS

    site.add("/feed.xml", BILLION_LAUGHS, content_type="application/rss+xml")
    source = services.source_create(url=site.url("/feed.xml"))
    assert services.source_poll(source_id=source.pk).status == "failed"
    source.refresh_from_db()
    assert "entit" in source.last_error


def test_a_429_on_a_feed_waits_at_least_retry_after(site, fake_engine):
    site.add("/feed.xml", "busy", status=429, headers={"Retry-After": "7200"}, content_type="text/plain")
    source = services.source_create(url=site.url("/feed.xml"), poll_interval=dt.timedelta(minutes=1))
    services.source_poll(source_id=source.pk)
    source.refresh_from_db()
    assert source.next_poll_at - timezone.now() > dt.timedelta(minutes=110)


def test_due_sources_are_claimed_once_per_interval(fake_engine):
    due = services.source_create(url="https://one.example/feed.xml")
    later = services.source_create(url="https://two.example/feed.xml")
    Source.objects.filter(pk=later.pk).update(next_poll_at=timezone.now() + dt.timedelta(hours=1))
    assert services.sources_claim_due() == [due.pk]
    assert services.sources_claim_due() == []


def test_a_stalled_claim_from_a_dead_worker_is_requeued(fake_engine, django_capture_on_commit_callbacks):
    article = Article.objects.create(
        canonical_url="https://x.example/a",
        text=SEED_TEXT,
        fetch_status=FetchStatus.FETCHED,
        analysis_status=AnalysisStatus.RUNNING,
        claimed_at=timezone.now() - dt.timedelta(hours=2),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.article_requeue_stalled() == 1
    article.refresh_from_db()
    assert article.analysis_status == AnalysisStatus.DONE
    assert fake_engine.calls == 1


def test_pasted_text_twice_is_one_article(fake_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.article_submit_text(title="A", text=SEED_TEXT, published=dt.date(2024, 9, 13))
        second = services.article_submit_text(title="A again", text="  " + SEED_TEXT + "\n")
    assert first.pk == second.pk
    assert fake_engine.calls == 1
    assert first.published_at.date() == dt.date(2024, 9, 13)


def test_huge_or_empty_pasted_text_is_refused(fake_engine):
    with pytest.raises(ValidationError, match="too long"):
        services.article_submit_text(title="big", text="x" * (services.PASTED_TEXT_MAX_CHARS + 1))
    with pytest.raises(ValidationError, match="empty"):
        services.article_submit_text(title="none", text="   ")


def test_a_submitted_url_is_canonical_and_deduplicated(fake_engine):
    a = services.article_submit_url(url="https://News.example/a?utm_source=x")
    b = services.article_submit_url(url="https://news.example/a#top")
    assert a.pk == b.pk
    assert a.canonical_url == "https://news.example/a"
    with pytest.raises(ValidationError):
        services.article_submit_url(url="file:///etc/passwd")


def test_a_watched_page_source_is_analysed_again_only_when_it_changes(
    site, seed_engine, django_capture_on_commit_callbacks
):
    serve_story(site, "/press")
    source = services.source_create(url=site.url("/press"), kind="page")
    poll(source, django_capture_on_commit_callbacks)
    poll(source, django_capture_on_commit_callbacks)
    assert Article.objects.count() == 1
    assert seed_engine.calls == 1
    serve_story(site, "/press", text=SEED_TEXT + " A second letter followed.")
    poll(source, django_capture_on_commit_callbacks)
    assert seed_engine.calls == 2


def test_our_own_per_host_pace_defers_a_poll_without_counting_a_failure(site, settings, fake_engine):
    from tracker import fetching

    settings.FETCH_HOST_INTERVAL = 60
    fetching._local_next_slot.clear()
    source = services.source_create(url=serve_feed(site, "/feed.xml", []))
    fetching.take_host_slot("127.0.0.1")  # another fetch from this host just went out
    assert services.source_poll(source_id=source.pk).status == "deferred"
    source.refresh_from_db()
    assert source.consecutive_failures == 0
    assert source.next_poll_at > timezone.now() + dt.timedelta(seconds=30)
    fetching._local_next_slot.clear()


def test_a_paced_fetch_is_requeued_as_a_fresh_message(site, settings, fake_engine, monkeypatch):
    from tracker import fetching

    serve_story(site, "/a")
    article = Article.objects.create(canonical_url=site.url("/a"), url=site.url("/a"))
    settings.FETCH_HOST_INTERVAL = 60
    fetching._local_next_slot.clear()
    fetching.take_host_slot("127.0.0.1")
    requeued = []
    monkeypatch.setattr(
        tasks.fetch_article, "apply_async", lambda args, countdown: requeued.append((args, countdown))
    )
    assert tasks.fetch_article.apply((article.pk,)).get() == "paced"
    assert requeued[0][0] == (article.pk,)
    assert requeued[0][1] > 30
    article.refresh_from_db()
    assert article.fetch_status == FetchStatus.PENDING  # claim released for the next try
    fetching._local_next_slot.clear()


def test_a_fetch_waiting_for_retry_after_is_not_requeued_by_the_sweep(site, fake_engine, monkeypatch):
    site.add("/busy", "busy", status=429, headers={"Retry-After": "3600"}, content_type="text/plain")
    article = Article.objects.create(
        canonical_url=site.url("/busy"), url=site.url("/busy"), created_at=timezone.now()
    )
    Article.objects.filter(pk=article.pk).update(created_at=timezone.now() - dt.timedelta(hours=3))
    with pytest.raises(Exception, match="429"):
        services.article_fetch(article_id=article.pk, final_attempt=False)
    article.refresh_from_db()
    assert article.fetch_status == FetchStatus.PENDING
    queued = []
    monkeypatch.setattr(services, "_enqueue", lambda name, *args: queued.append((name, args)))
    services.article_requeue_stalled()
    assert queued == []
    # Long past its due time and still pending: the retry message was lost, queue it again.
    services.article_requeue_stalled(now=timezone.now() + dt.timedelta(hours=3))
    assert queued == [("fetch_article", (article.pk,))]


def test_the_sweep_requeues_lost_queued_work_once_per_grace_period(fake_engine, monkeypatch):
    article = Article.objects.create(canonical_url="https://x.example/lost", url="https://x.example/lost")
    Article.objects.filter(pk=article.pk).update(created_at=timezone.now() - dt.timedelta(hours=2))
    queued = []
    monkeypatch.setattr(services, "_enqueue", lambda name, *args: queued.append((name, args)))
    services.article_requeue_stalled()
    services.article_requeue_stalled()  # the next beat tick: the re-queued message is still due
    assert queued == [("fetch_article", (article.pk,))]

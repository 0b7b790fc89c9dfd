"""Manual paths: add_source, ingest_url, ingest_feed, reanalyze."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from tests.tracker.site import article_html, rss
from tracker.models import AnalysisStatus, Article, Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]


def run(*args, capture) -> str:
    out = io.StringIO()
    with capture(execute=True):
        call_command(*args, stdout=out)
    return out.getvalue()


def test_add_source_registers_a_feed(django_capture_on_commit_callbacks):
    output = run(
        "add_source",
        "https://news.example/feed.xml",
        "--name",
        "News",
        capture=django_capture_on_commit_callbacks,
    )
    source = Source.objects.get()
    assert (source.name, source.kind) == ("News", "feed")
    assert f"source {source.pk}" in output


def test_add_source_refuses_other_schemes():
    with pytest.raises(CommandError):
        call_command("add_source", "file:///etc/passwd")


def test_ingest_url_fetches_and_analyses_in_process(site, fake_engine, django_capture_on_commit_callbacks):
    url = site.add(
        "/story", article_html("A story", ["Lawmakers wrote a letter to the President this week."] * 3)
    )
    output = run("ingest_url", url, capture=django_capture_on_commit_callbacks)
    article = Article.objects.get()
    assert article.analysis_status == AnalysisStatus.DONE
    assert f"article {article.pk}" in output


def test_ingest_feed_polls_once_and_reports_new_articles(
    site, fake_engine, django_capture_on_commit_callbacks
):
    site.add("/a", article_html("A", ["First story text, long enough to be an article body."] * 3))
    feed = site.add("/feed.xml", rss([{"link": site.url("/a")}]), content_type="application/rss+xml")
    output = run("ingest_feed", feed, capture=django_capture_on_commit_callbacks)
    assert "1 new article" in output
    assert Article.objects.get().analysis_status == AnalysisStatus.DONE


def test_reanalyze_runs_every_stored_article_again_in_chunks(fake_engine, django_capture_on_commit_callbacks):
    for i in range(5):
        Article.objects.create(
            canonical_url=f"https://x.example/{i}", text=f"story {i}", analysis_status="done"
        )
    output = run("reanalyze", "--chunk", "2", "--inline", capture=django_capture_on_commit_callbacks)
    assert "queued 2/5" in output
    assert "queued 5/5" in output
    assert fake_engine.calls == 5
    assert set(Article.objects.values_list("analysis_status", flat=True)) == {AnalysisStatus.DONE}

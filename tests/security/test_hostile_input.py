"""Hostile input end to end: each case ends as a clear error on its own row, and nothing else is lost.

Fetch-level cases (each address form, scheme, timeout, size cap) are tested one by one in
tests/tracker/test_fetching.py and tests/tracker/test_feeds_and_pages.py; here one feed carries
all of them at once through the real pipeline services, plus the forms those files don't try
(decimal/octal/hex IPv4, names resolving to loopback, a lazily served 500 MB body), pasted text
through the API and the admin, escaping of news-supplied titles, and CSV formula injection in
the admin export.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.tracker.conftest import eager_tasks, fetch_settings, make_member  # noqa: F401 - fixtures
from tests.tracker.site import LocalSite, article_html, gzip_bytes, rss
from tracker import fetching, services
from tracker.fetching import FetchRefused, FetchTooLarge, fetch
from tracker.models import Article, FetchStatus, Source

pytestmark = pytest.mark.django_db

MIB = 1024 * 1024
STORY = (
    "At least 20 House Democrats and five House Republicans sent President Joe Biden a letter on "
    "Sept. 10, 2024, led by Rep. Marcy Kaptur, asking him to lift limits on long-range weapons."
)


class LazyBody:
    """A route handler streaming ``total`` bytes without ever holding them: 1 MiB reused."""

    def __init__(self, total: int, *, declare_length: bool) -> None:
        self.total = total
        self.declare_length = declare_length
        self.sent = 0

    def __call__(self, handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        if self.declare_length:
            handler.send_header("Content-Length", str(self.total))
        handler.send_header("Connection", "close")
        handler.end_headers()
        block = b"<p>" + b"a" * (MIB - 3)
        try:
            while self.sent < self.total:
                handler.wfile.write(block)
                self.sent += len(block)
        except (BrokenPipeError, ConnectionResetError):
            pass
        handler.close_connection = True


@pytest.fixture
def site():
    local = LocalSite().start()
    yield local
    local.stop()


@pytest.fixture
def only_this_loopback(monkeypatch):
    """127.0.0.1 (the test site) stands in for a public host; every other loopback form is refused."""
    real = fetching.address_allowed
    monkeypatch.setattr(
        fetching,
        "address_allowed",
        lambda a, allow_loopback=None: a == "127.0.0.1" or real(a, allow_loopback=False),
    )


# --- Address forms the fetch tests don't spell ------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",  # 127.0.0.1 as one decimal number
        "http://0177.0.0.1/",  # octal
        "http://0x7f.0.0.1/",  # hex
        "http://127.1/",  # short form
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
        "http://[::ffff:7f00:1]/",  # the same, in hex
        "http://[::1]/",
        "http://localhost/",  # a name that resolves to loopback
        "http://167772161/",  # 10.0.0.1
        "http://0251.0376.0251.0376/latest/meta-data/",  # 169.254.169.254 in octal
    ],
)
def test_disguised_loopback_private_and_metadata_addresses_are_refused(url, fetch_settings):  # noqa: F811
    fetch_settings.FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(FetchRefused):
        fetch(url, purpose="page", check_robots=False)


@pytest.mark.parametrize("declare_length", [False, True], ids=["streamed", "declared"])
def test_a_500_mb_response_is_refused_while_streaming(site, fetch_settings, declare_length):  # noqa: F811
    body = LazyBody(500 * MIB, declare_length=declare_length)
    site.add("/huge", handler=body)

    with pytest.raises(FetchTooLarge):
        fetch(site.url("/huge"), purpose="page", check_robots=False)

    # The client hung up after the cap (256 KiB here), not after 500 MB.
    assert body.sent < 64 * MIB


# --- Everything at once through the pipeline -----------------------------------------------


def test_one_hostile_feed_records_each_failure_on_its_own_article_and_the_good_story_survives(
    site,
    fetch_settings,  # noqa: F811
    only_this_loopback,
    settings,
):
    settings.FETCH_TOTAL_TIMEOUT = 1.5
    make_member("K000009", "Marcy", "Kaptur", state="OH", district=9, party="D")
    port = site.server.server_port
    huge = LazyBody(500 * MIB, declare_length=False)
    site.add("/good", article_html("Good story", [STORY]))
    site.add("/huge", handler=huge)
    site.add("/bomb", gzip_bytes(b"\0" * (32 * MIB)), headers={"Content-Encoding": "gzip"})
    site.add("/binary", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, content_type="text/html")
    site.add("/slow", b"<p>.", endless=True, trickle=0.05)
    site.add(
        "/latin1",
        article_html("Caf\xe9 story", [STORY + " Caf\xe9."]).encode("latin-1"),
        content_type="text/html; charset=utf-8",  # a lie
    )
    site.add(
        "/nocharset",
        article_html("No charset", [STORY + " \u201cquoted\u201d."]).encode("cp1252"),
        content_type="text/html",
    )
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    redirects = {
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-ten": "http://10.0.0.1/",
        "/to-decimal": "http://167772161/",
        "/to-mapped": f"http://[::ffff:10.0.0.1]:{port}/",
        "/to-v6-loopback": f"http://[::1]:{port}/good",
        "/to-other-loopback": f"http://127.0.0.2:{port}/good",
        "/to-file": "file:///etc/passwd",
        "/to-gopher": "gopher://127.0.0.1:70/_SET",
    }
    for path, target in redirects.items():
        site.redirect(path, target)
    expected_errors = {
        "/good": None,
        "/latin1": None,
        "/nocharset": None,
        "/huge": "FetchTooLarge",
        "/bomb": "FetchTooLarge",
        "/binary": "PageError",
        "/slow": "FetchTimeout",
        "/loop-a": "FetchRedirectLoop",
        **dict.fromkeys(redirects, "FetchRefused"),
    }
    links = [site.url(path) for path in expected_errors] + ["file:///etc/passwd", "gopher://10.0.0.1/"]
    site.add(
        "/feed.xml",
        rss([{"link": link, "title": f"<b>{link}</b>"} for link in links]),
        content_type="application/rss+xml",
    )
    source = services.source_create(url=site.url("/feed.xml"), name="Hostile")

    outcome = services.source_poll(source_id=source.pk)

    assert outcome.status == "ok"
    assert Article.objects.count() == len(expected_errors), (
        "file:// and gopher:// links never became articles"
    )
    for path, error in expected_errors.items():
        article = Article.objects.get(canonical_url=site.url(path))
        result = services.article_fetch(article_id=article.pk, final_attempt=True)
        article.refresh_from_db()
        if error is None:
            assert (result, article.fetch_status) == ("fetched", FetchStatus.FETCHED), (path, article.error)
            services.article_analyse(article_id=article.pk)  # unless the queued analysis already ran
            article.refresh_from_db()
            assert article.analysis_status == "done", path
            assert article.member_mentions.filter(member__bioguide="K000009").exists(), path
        else:
            assert (result, article.fetch_status) == ("failed", FetchStatus.FAILED), (path, result)
            assert article.error.startswith(error), (path, article.error)
    assert huge.sent < 64 * MIB
    assert Source.objects.get(pk=source.pk).consecutive_failures == 0
    assert "Caf\xe9" in Article.objects.get(canonical_url=site.url("/latin1")).text
    assert "\u201cquoted\u201d" in Article.objects.get(canonical_url=site.url("/nocharset")).text


# --- Pasted text --------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    from tests.api import builders

    cache.clear()
    return builders.user("editor-paste", "editor")


def test_huge_pasted_text_is_refused_by_the_api_with_a_400_and_nothing_stored(editor, settings):
    from tracker.services import PASTED_TEXT_MAX_CHARS

    settings.CELERY_TASK_ALWAYS_EAGER = False
    client = APIClient()
    client.force_authenticate(editor)

    too_long = client.post(
        "/api/v1/ingest/",
        {"title": "Long", "text": "word " * (PASTED_TEXT_MAX_CHARS // 5 + 1)},
        format="json",
    )
    # Past DATA_UPLOAD_MAX_MEMORY_SIZE Django refuses the body before parsing it.
    enormous = client.post("/api/v1/ingest/", {"title": "Enormous", "text": "x" * (12 * MIB)}, format="json")

    assert too_long.status_code == 400, too_long.content
    assert "too long" in too_long.content.decode()
    assert enormous.status_code in (400, 413), enormous.status_code
    assert not Article.objects.exists()


def test_huge_pasted_text_is_refused_by_the_admin_form_without_a_crash(admin_client):
    from tracker.services import PASTED_TEXT_MAX_CHARS

    page = admin_client.get("/admin/tracker/article/")
    submit = re.search(r'href="([^"]*submit[^"]*)"', page.content.decode())
    assert submit, "the article list links to the submit form"
    response = admin_client.post(
        submit.group(1), {"title": "Long", "text": "y" * (PASTED_TEXT_MAX_CHARS + 1), "url": ""}
    )

    assert response.status_code in (200, 400)
    assert "too long" in response.content.decode()
    assert not Article.objects.exists()


# --- Markup from the news is text everywhere it is shown -------------------------------------

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_rows(db):
    from letters.services import letter_create
    from tracker.models import Mention, ProposedLetter

    article = Article.objects.create(
        canonical_url="https://news.example/xss", title=XSS, text=f"Text {XSS} more", author=XSS
    )
    letter = letter_create(title=f"Letter {XSS}", ask=XSS, recipients=[XSS])
    Mention.objects.create(
        article=article, letter=letter, evidence=XSS, evidence_start=5, evidence_end=5 + len(XSS)
    )
    ProposedLetter.objects.create(
        article=article, report={"ask": XSS, "recipients": [XSS]}, evidence=XSS, evidence_hash="x"
    )
    return article, letter


def admin_pages(article, letter) -> list[str]:
    from tracker.models import Mention, ProposedLetter

    return [
        "/admin/tracker/article/",
        f"/admin/tracker/article/{article.pk}/change/",
        "/admin/tracker/mention/",
        f"/admin/tracker/mention/{Mention.objects.get().pk}/change/",
        "/admin/tracker/proposedletter/",
        f"/admin/tracker/proposedletter/{ProposedLetter.objects.get().pk}/change/",
        "/admin/letters/letter/",
        f"/admin/letters/letter/{letter.pk}/change/",
        f"/admin/letters/letter/{letter.pk}/history/",
        "/admin/letters/recipient/",
    ]


def test_html_and_script_in_news_titles_render_escaped_in_the_admin(admin_client, hostile_rows):
    for url in admin_pages(*hostile_rows):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<script>alert("x")' not in html, url
        assert "<img src=x onerror" not in html, url


def test_the_dashboard_shows_news_titles_as_text_only(admin_client, hostile_rows):
    from pathlib import Path

    import tracker

    page = admin_client.get("/dashboard/")
    assert page.status_code == 200
    assert "<script>alert" not in page.content.decode()
    # Titles reach the dashboard as JSON and are written with textContent (browser-tested in
    # tests/dashboard/test_dashboard_browser.py); no script of ours parses them as HTML.
    script = (Path(tracker.__file__).parent / "static/dashboard/dashboard.js").read_text()
    assert not re.search(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML\(|document\.write\(", script)
    queue = admin_client.get("/api/v1/stats/review-queue/")
    assert queue["Content-Type"].startswith("application/json")
    assert queue["X-Content-Type-Options"] == "nosniff"


# --- CSV formula injection -----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"]


def test_the_admin_csv_export_neutralises_formulas(admin_client):
    from tests.letters.builders import letter_build

    for n, formula in enumerate(FORMULAS):
        letter_build(title=f"{formula} {n}", ask=formula)
    form = admin_client.get("/admin/letters/letter/export/").content.decode()
    fields = set(re.findall(r'name="(letterresource_[a-z_]+)"', form))
    response = admin_client.post(
        "/admin/letters/letter/export/", {"format": "0", "resource": "0", **dict.fromkeys(fields, "on")}
    )

    assert response.status_code == 200
    assert "csv" in response["Content-Type"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", row

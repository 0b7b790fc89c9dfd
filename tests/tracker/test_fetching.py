"""Safe fetching: what we refuse, what we tolerate, and how politely we ask."""

from __future__ import annotations

import gzip

import pytest

from tracker import fetching
from tracker.fetching import (
    FetchBadContentType,
    FetchDisallowedByRobots,
    FetchHTTPError,
    FetchRedirectLoop,
    FetchRefused,
    FetchRetryLater,
    FetchTimeout,
    FetchTooLarge,
    FetchTooManyRedirects,
    address_allowed,
    fetch,
    take_host_slot,
)

pytestmark = pytest.mark.usefixtures("fetch_settings")


def test_a_page_is_fetched_with_our_user_agent(site, settings):
    url = site.add("/story", "<html><body><p>Hello</p></body></html>")
    result = fetch(url, purpose="page")
    assert result.status == 200
    assert b"Hello" in result.content
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    headers = dict(site.requests[-1][1])
    assert headers["User-Agent"] == settings.FETCH_USER_AGENT


def test_loopback_is_refused_unless_the_setting_allows_it(site, settings):
    url = site.add("/story", "<p>x</p>")
    settings.FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(FetchRefused):
        fetch(url, purpose="page")
    assert site.hits("/story") == 0


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "fc00::1",
        "fe80::1",
        "ff02::1",
        "::",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a00:1",
        "2002:a00:1::1",
    ],
)
def test_private_and_special_addresses_are_refused_even_with_loopback_allowed(address):
    assert not address_allowed(address, allow_loopback=True)


@pytest.mark.parametrize("address", ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"])
def test_loopback_addresses_follow_the_setting(address):
    assert address_allowed(address, allow_loopback=True)
    assert not address_allowed(address, allow_loopback=False)


def test_public_addresses_are_allowed():
    assert address_allowed("93.184.216.34", allow_loopback=False)
    assert address_allowed("2606:2800:220:1:248:1893:25c8:1946", allow_loopback=False)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/x",
        "gopher://example.org/",
        "data:text/html,hi",
        "/etc/passwd",
    ],
)
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchRefused):
        fetch(url, purpose="page")


def test_credentials_in_a_url_are_refused(site):
    with pytest.raises(FetchRefused):
        fetch(site.base.replace("http://", "http://user:pw@") + "/x", purpose="page")


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(fetching, "resolve_host", lambda host, port: ["10.1.2.3"])
    with pytest.raises(FetchRefused, match="non-public"):
        fetch("http://intranet.example/", purpose="page")


def test_a_name_mixing_public_and_private_answers_is_refused(monkeypatch):
    monkeypatch.setattr(fetching, "resolve_host", lambda host, port: ["93.184.216.34", "192.168.0.10"])
    with pytest.raises(FetchRefused):
        fetch("http://mixed.example/", purpose="page")


def test_the_connection_goes_to_the_vetted_address_with_the_name_in_the_host_header(site, monkeypatch):
    """DNS is asked once per hop; a second (rebound) answer is never used to connect."""
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])
    calls = []

    def resolve(host, port):
        calls.append(host)
        return next(answers)

    monkeypatch.setattr(fetching, "resolve_host", resolve)
    site.add("/pinned", "<p>pinned</p>")
    result = fetch(
        f"http://news.example:{site.server.server_port}/pinned", purpose="page", check_robots=False
    )
    assert b"pinned" in result.content
    assert calls == ["news.example"]
    assert site.requests[-1][1]["Host"] == f"news.example:{site.server.server_port}"


def test_redirects_are_followed_and_vetted_at_every_hop(site):
    site.add("/final", "<p>final</p>")
    site.redirect("/hop2", "/final", status=301)
    site.redirect("/hop1", site.url("/hop2"))
    result = fetch(site.url("/hop1"), purpose="page")
    assert result.url == site.url("/final")
    assert b"final" in result.content


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:192.168.0.1]/",
        "file:///etc/passwd",
    ],
)
def test_a_redirect_to_a_private_address_or_other_scheme_is_refused(site, target):
    site.redirect("/jump", target)
    with pytest.raises(FetchRefused):
        fetch(site.url("/jump"), purpose="page")


def test_a_redirect_to_loopback_is_refused_when_loopback_is_not_allowed(site, monkeypatch):
    real = fetching.address_allowed
    # The test site itself (127.0.0.1) stands in for a public host; every other loopback is off.
    monkeypatch.setattr(
        fetching,
        "address_allowed",
        lambda a, allow_loopback=None: a == "127.0.0.1" or real(a, allow_loopback=False),
    )
    site.redirect("/jump", f"http://127.0.0.2:{site.server.server_port}/admin")
    with pytest.raises(FetchRefused):
        fetch(site.url("/jump"), purpose="page")
    site.redirect("/jump6", f"http://[::1]:{site.server.server_port}/admin")
    with pytest.raises(FetchRefused):
        fetch(site.url("/jump6"), purpose="page")


def test_a_redirect_loop_is_refused(site):
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with pytest.raises(FetchRedirectLoop):
        fetch(site.url("/a"), purpose="page")


def test_more_than_five_redirects_are_refused(site):
    for hop in range(7):
        site.redirect(f"/r{hop}", f"/r{hop + 1}")
    site.add("/r7", "<p>end</p>")
    with pytest.raises(FetchTooManyRedirects):
        fetch(site.url("/r0"), purpose="page")


def test_a_slow_server_times_out(site):
    site.add("/slow", "<p>late</p>", delay=2.5)
    with pytest.raises(FetchTimeout):
        fetch(site.url("/slow"), purpose="page")


def test_an_endless_trickle_hits_the_overall_deadline(site, settings):
    settings.FETCH_TOTAL_TIMEOUT = 1
    settings.FETCH_MAX_BYTES = 50 * 1024 * 1024
    site.add("/trickle", b"<p>.", endless=True, trickle=0.05)
    with pytest.raises(FetchTimeout, match="deadline"):
        fetch(site.url("/trickle"), purpose="page")


def test_a_declared_oversized_body_is_refused_before_reading(site, settings):
    site.add("/big", b"x" * (settings.FETCH_MAX_BYTES + 1))
    with pytest.raises(FetchTooLarge, match="Content-Length"):
        fetch(site.url("/big"), purpose="page")


def test_an_undeclared_endless_body_is_refused_while_streaming(site):
    site.add("/endless", b"<p>" + b"a" * 8192, endless=True)
    with pytest.raises(FetchTooLarge):
        fetch(site.url("/endless"), purpose="page")


def test_a_gzip_bomb_is_refused_while_decoding(site, settings):
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < settings.FETCH_MAX_BYTES  # small on the wire
    site.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchTooLarge, match="after decoding"):
        fetch(site.url("/bomb"), purpose="page")


def test_a_gzip_body_is_decoded(site):
    site.add("/gz", gzip.compress(b"<p>zipped story</p>"), headers={"Content-Encoding": "gzip"})
    assert fetch(site.url("/gz"), purpose="page").content == b"<p>zipped story</p>"


def test_an_unknown_content_encoding_is_refused(site):
    site.add("/br", b"\x00\x01", headers={"Content-Encoding": "zstd-ish"})
    with pytest.raises(fetching.FetchBadEncoding):
        fetch(site.url("/br"), purpose="page")


@pytest.mark.parametrize(
    ("purpose", "content_type"),
    [("feed", "text/html"), ("page", "image/png"), ("page", "application/octet-stream"), ("page", "")],
)
def test_content_types_are_checked_per_purpose(site, purpose, content_type):
    site.add("/doc", b"\x89PNG", content_type=content_type)
    with pytest.raises(FetchBadContentType):
        fetch(site.url("/doc"), purpose=purpose)


def test_conditional_get_returns_not_modified(site):
    site.add("/feed.xml", "<rss/>", content_type="application/rss+xml", etag='"v1"')
    first = fetch(site.url("/feed.xml"), purpose="feed")
    assert first.etag == '"v1"'
    second = fetch(site.url("/feed.xml"), purpose="feed", etag=first.etag)
    assert second.not_modified
    assert second.content == b""


def test_retry_after_is_honoured_on_429_and_503(site):
    site.add("/busy", "slow down", status=429, headers={"Retry-After": "120"}, content_type="text/plain")
    with pytest.raises(FetchRetryLater) as caught:
        fetch(site.url("/busy"), purpose="page")
    assert caught.value.retry_after == 120
    site.add("/down", "down", status=503, headers={"Retry-After": "7"}, content_type="text/plain")
    with pytest.raises(FetchRetryLater) as caught:
        fetch(site.url("/down"), purpose="page")
    assert caught.value.retry_after == 7


def test_client_errors_are_permanent_and_server_errors_transient(site):
    site.add("/gone", "gone", status=410, content_type="text/plain")
    site.add("/oops", "oops", status=500, content_type="text/plain")
    with pytest.raises(FetchHTTPError) as gone:
        fetch(site.url("/gone"), purpose="page")
    with pytest.raises(FetchHTTPError) as oops:
        fetch(site.url("/oops"), purpose="page")
    assert not gone.value.transient
    assert oops.value.transient


def test_robots_txt_is_respected_for_pages_and_cached_per_host(site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/private/story", "<p>secret</p>")
    site.add("/public/story", "<p>open</p>")
    with pytest.raises(FetchDisallowedByRobots):
        fetch(site.url("/private/story"), purpose="page")
    fetch(site.url("/public/story"), purpose="page")
    assert site.hits("/private/story") == 0
    assert site.hits("/robots.txt") == 1


def test_robots_txt_is_not_consulted_for_feeds(site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    site.add("/feed.xml", "<rss/>", content_type="application/rss+xml")
    fetch(site.url("/feed.xml"), purpose="feed")
    assert site.hits("/robots.txt") == 0


def test_the_per_host_pace_defers_a_second_request_in_process(settings):
    settings.FETCH_HOST_INTERVAL = 60
    fetching._local_next_slot.clear()
    take_host_slot("pace.example", max_wait=0)
    with pytest.raises(FetchRetryLater):
        take_host_slot("pace.example", max_wait=0)
    take_host_slot("other.example", max_wait=0)


@pytest.mark.services
def test_the_per_host_pace_is_shared_through_redis(settings, redis_url, monkeypatch):
    import redis

    settings.REDIS_URL = redis_url
    settings.FETCH_HOST_INTERVAL = 60
    redis.Redis.from_url(redis_url).delete("signatory:fetch:host:shared.example")
    take_host_slot("shared.example", max_wait=0)
    fetching._local_next_slot.clear()  # another process: only Redis knows about the slot
    with pytest.raises(FetchRetryLater):
        take_host_slot("shared.example", max_wait=0)

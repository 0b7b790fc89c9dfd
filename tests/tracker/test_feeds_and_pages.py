"""Feed and page parsing: hostile XML refused, feedparser never given anything but bytes."""

from __future__ import annotations

import pytest

from tests.tracker.site import article_html, rss
from tracker.feeds import FeedError, parse_feed
from tracker.pages import PageError, decode_page, extract_page

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title>
<item><title>x</title><link>https://example.org/a</link></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>&xxe;</title><link>https://example.org/a</link></item></channel></rss>"""


def test_entries_come_back_with_canonical_urls_and_duplicates_dropped():
    feed = rss(
        [
            {"link": "https://News.example/a?utm_source=rss&id=1#c", "title": "Letter to Biden"},
            {"link": "https://news.example/a?id=1", "title": "Same story again"},
            {"link": "/relative/b", "title": "Relative link"},
        ]
    ).encode()
    entries = parse_feed(feed, base_url="https://news.example/feed.xml")
    assert [e.url for e in entries] == ["https://news.example/a?id=1", "https://news.example/relative/b"]
    assert entries[0].title == "Letter to Biden"
    assert entries[0].published.isoformat() == "2024-09-13T12:00:00+00:00"


def test_billion_laughs_is_refused():
    with pytest.raises(FeedError, match="entit"):
        parse_feed(BILLION_LAUGHS, base_url="https://example.org/")


def test_external_entities_are_refused():
    with pytest.raises(FeedError):
        parse_feed(EXTERNAL_ENTITY, base_url="https://example.org/")


def test_malformed_xml_without_entries_is_an_error():
    with pytest.raises(FeedError, match="not a usable feed"):
        parse_feed(b"<rss><channel><item><title>broken", base_url="https://example.org/")


def test_a_path_is_never_read_as_a_file():
    # feedparser.parse("/etc/passwd") would read the file; we only ever give it bytes.
    with pytest.raises(FeedError):
        parse_feed(b"/etc/passwd", base_url="https://example.org/")
    with pytest.raises(FeedError):
        parse_feed(b"file:///etc/passwd", base_url="https://example.org/")


def test_entries_with_non_http_links_are_skipped():
    feed = rss(
        [{"link": "javascript:alert(1)"}, {"link": "file:///etc/passwd"}, {"link": "https://ok.example/"}]
    )
    assert [e.url for e in parse_feed(feed.encode(), base_url="https://x.example/")] == [
        "https://ok.example/"
    ]


def test_feed_content_is_sanitised():
    feed = rss(
        [{"link": "https://ok.example/a", "description": "<p onclick='x()'>Hi</p><script>evil()</script>"}]
    )
    [entry] = parse_feed(feed.encode(), base_url="https://x.example/")
    assert "script" not in entry.content_html
    assert "onclick" not in entry.content_html
    assert "Hi" in entry.content_html


def test_an_empty_document_is_an_error():
    with pytest.raises(FeedError):
        parse_feed(b"   ", base_url="https://x.example/")


def test_page_text_is_the_article_not_the_navigation():
    html = article_html(
        "Lawmakers write to Biden",
        [
            "A bipartisan group of lawmakers sent a letter to President Joe Biden on Tuesday.",
            "The letter asks the administration to lift restrictions on long-range weapons.",
            "Rep. Marcy Kaptur led the effort, according to her office.",
        ],
    )
    page = extract_page(html.encode(), charset="utf-8", url="https://news.example/a")
    assert "Rep. Marcy Kaptur led the effort" in page.text
    assert "Copyright Test News" not in page.text


def test_binary_content_served_as_html_is_refused():
    with pytest.raises(PageError, match="binary"):
        extract_page(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10, charset=None)


def test_a_wrong_charset_falls_back_instead_of_crashing():
    text = decode_page("Café letter".encode("cp1252"), charset="utf-8")
    assert text == "Café letter"
    assert decode_page(b"plain", charset="no-such-charset") == "plain"


def test_a_meta_charset_is_honoured_when_the_header_has_none():
    html = '<html><head><meta charset="windows-1252"></head><body>Pe\xf1a</body></html>'.encode("cp1252")
    assert "Peña" in decode_page(html, charset=None)


def test_a_page_with_no_text_is_an_error():
    with pytest.raises(PageError):
        extract_page(b"<html><body></body></html>", charset="utf-8")


def test_a_huge_element_count_is_cut_before_parsing():
    html = ("<html><body>" + "<p>a</p>" * 300_000 + "</body></html>").encode()
    # Bounded: no exception, no minutes-long parse; whatever text comes out is capped.
    try:
        page = extract_page(html, charset="utf-8")
    except PageError:
        return
    assert len(page.text) <= 300_000

"""Parsing feeds we fetched ourselves.

feedparser is only ever given BYTES: handed a string that looks like a path or a ``file://``
URL it reads local files, and handed a URL it fetches it with no timeout. Before feedparser
sees a document, defusedxml refuses entity declarations (billion laughs) and external
references; the size was already capped while streaming.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import defusedxml
import defusedxml.ElementTree
import feedparser
import nh3

from tracker.canonical import InvalidURL, canonical_url

FEED_MAX_BYTES = 5 * 1024 * 1024
ENTRY_CONTENT_MAX_CHARS = 200_000
_DOCTYPE_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


class FeedError(Exception):
    """The document is not a feed we can use (hostile, malformed, or empty)."""


@dataclass(frozen=True)
class FeedEntry:
    url: str  # canonical
    link: str  # as the feed gave it, made absolute
    title: str
    author: str
    published: datetime | None
    content_html: str  # sanitised with nh3


def refuse_entities(data: bytes) -> None:
    """Raise FeedError if the XML declares entities or references external ones.

    Malformed XML is left to feedparser's tolerant parser (it flags it as bozo); only the
    dangerous constructs are refused here.
    """
    if _DOCTYPE_ENTITY.search(data[:65536]):
        raise FeedError("feed declares XML entities (refused: entity expansion)")
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (
        defusedxml.EntitiesForbidden,
        defusedxml.ExternalReferenceForbidden,
        defusedxml.DTDForbidden,
    ) as exc:
        raise FeedError(f"feed refused: {exc.__class__.__name__}") from exc
    except (ET.ParseError, ValueError):
        pass


def _entry_datetime(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _entry_content(entry) -> str:
    parts = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    if not any(parts):
        parts = [entry.get("summary", "") or ""]
    html = max(parts, key=len) if parts else ""
    return nh3.clean(html[:ENTRY_CONTENT_MAX_CHARS])


def parse_feed(data: bytes, *, base_url: str, content_type: str = "") -> list[FeedEntry]:
    """The entries of an RSS/Atom document, with canonical URLs; duplicates within it dropped.

    Raises FeedError for hostile documents and for broken ones that yield no entries.
    """
    if len(data) > FEED_MAX_BYTES:
        raise FeedError(f"feed larger than {FEED_MAX_BYTES} bytes")
    if not data.strip():
        raise FeedError("empty feed")
    refuse_entities(data)
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=False)
    if parsed.get("bozo") and not parsed.entries:
        raise FeedError(f"not a usable feed: {parsed.get('bozo_exception')!r}"[:500])
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link:
            continue
        link = urljoin(base_url, link)
        try:
            url = canonical_url(link)
        except InvalidURL:
            continue
        if url in seen:
            continue
        seen.add(url)
        entries.append(
            FeedEntry(
                url=url,
                link=link,
                title=" ".join((entry.get("title") or "").split())[:1000],
                author=(entry.get("author") or "")[:500],
                published=_entry_datetime(entry),
                content_html=_entry_content(entry),
            )
        )
    if not entries and parsed.get("bozo"):
        raise FeedError(f"not a usable feed: {parsed.get('bozo_exception')!r}"[:500])
    return entries

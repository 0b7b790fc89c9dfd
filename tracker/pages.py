"""The readable text of an article page (trafilatura), within a bounded cost.

trafilatura's time grows faster than linearly with the number of elements (400k ``<p>`` took
over two minutes despite its own timeout), so the markup is capped by size and by tag count
before it is parsed, and ``max_tree_size`` backs that up.
"""

from __future__ import annotations

import functools
import html as html_module
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import nh3

PAGE_PARSE_MAX_BYTES = 3 * 1024 * 1024
PAGE_MAX_TAGS = 60_000
TEXT_MAX_CHARS = 300_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)


class PageError(Exception):
    """The page has no readable text (binary, undecodable, empty)."""


@dataclass(frozen=True)
class PageText:
    text: str
    title: str = ""
    author: str = ""
    published: datetime | None = None


def decode_page(content: bytes, charset: str | None) -> str:
    """Bytes to text: the declared charset, a <meta> charset, UTF-8, then Windows-1252.

    Refuses binary bodies served with an HTML content type.
    """
    head = content[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PageError("binary content (NUL bytes) served as text")
    candidates = [charset]
    meta = _META_CHARSET.search(content[:8192])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "cp1252"]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            text = content.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
        return text
    text = content.decode("utf-8", "replace")
    if text.count("\ufffd") > len(text) / 20:
        raise PageError("undecodable page text")
    return text


def _bounded_markup(html: str) -> str:
    html = html[:PAGE_PARSE_MAX_BYTES]
    position = -1
    for _ in range(PAGE_MAX_TAGS):
        position = html.find("<", position + 1)
        if position < 0:
            return html
    return html[:position]


def _plain(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text).strip()


def html_to_text(html: str) -> str:
    """Tag-stripped text of a small HTML fragment (feed-provided content)."""
    cleaned = nh3.clean(html, tags=set())
    return _plain(html_module.unescape(cleaned))


@functools.cache
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(PAGE_MAX_TAGS))
    # The fetch already capped time and size; trafilatura's own signal-based timeout is
    # unusable in worker threads.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def extract_page(
    content: bytes,
    *,
    charset: str | None = None,
    url: str = "",
    content_type: str = "",
    with_metadata: bool = True,
) -> PageText:
    """The main text of an article page, with whatever metadata the page carries.

    ``with_metadata=False`` skips title/author/date detection (about half of trafilatura's
    time, mostly date guessing) when the feed already gave them.
    """
    if content_type == "text/plain":
        return PageText(text=_plain(decode_page(content, charset))[:TEXT_MAX_CHARS])
    markup = _bounded_markup(decode_page(content, charset))
    if not markup.strip():
        raise PageError("empty page")
    import trafilatura  # heavy import: only workers that extract pay for it

    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url or None,
            with_metadata=with_metadata,
            include_comments=False,
            include_tables=False,
            config=_trafilatura_config(),
        )
    except Exception as exc:
        raise PageError(f"could not extract text: {exc.__class__.__name__}: {exc}"[:500]) from exc
    if document is None:
        raise PageError("no article text found on the page")
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise PageError("no article text found on the page")
    published = None
    date_text = getattr(document, "date", None)
    if date_text:
        try:
            published = datetime.fromisoformat(date_text).replace(tzinfo=UTC)
        except ValueError:
            published = None
    return PageText(
        text=text[:TEXT_MAX_CHARS],
        title=(getattr(document, "title", None) or "")[:1000],
        author=(getattr(document, "author", None) or "")[:500],
        published=published,
    )

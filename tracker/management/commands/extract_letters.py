"""Run the extraction engine over files: one JSON line per input (the contract in issue 4)."""

from __future__ import annotations

import html
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

_TAG = re.compile(
    r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.DOTALL | re.IGNORECASE
)
_BLOCK_END = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote)\b[^>]*>", re.IGNORECASE)
_MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be analysed; reported on its own line."""


class Command(BaseCommand):
    help = (
        "Find the congressional letters and members each FILE reports (.json {url,title,published,text}, "
        ".txt or .html); print one JSON object per file."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--published",
            help="Publication date YYYY-MM-DD for files that do not state one (.txt, .html, json without it)",
        )

    def handle(self, *args, files: list[str], published: str | None, **options) -> None:
        from members.name_loading import load_name_index
        from tracker.extraction import analyse_article

        default_published = _parse_day(published) if published else None
        if published and default_published is None:
            raise CommandError("--published must be YYYY-MM-DD")
        names = load_name_index()
        letters = _letter_index()
        for file_name in files:
            try:
                text, day = _read_input(Path(file_name))
                if day is None:
                    day = default_published
                analysis = analyse_article(text, published=day, names=names, letters=letters)
                line: dict[str, Any] = {"input": file_name, **analysis.as_dict()}
            except InputError as exc:
                line = {"input": file_name, "error": str(exc)}
            except Exception as exc:
                line = {"input": file_name, "error": f"{exc.__class__.__name__}: {exc}"}
            self.stdout.write(json.dumps(line, ensure_ascii=False))


def _letter_index():
    """Tracked letters for linking; none when the letters tables are not there yet."""
    from django.db import DatabaseError

    from tracker.extraction.loading import load_letter_index

    try:
        return load_letter_index()
    except (DatabaseError, ImportError, LookupError):
        return None


def _read_input(path: Path) -> tuple[str, date | None]:
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise InputError(f"file is larger than {_MAX_BYTES // (1024 * 1024)} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise InputError("empty file")
    suffix = path.suffix.lower()
    published: date | None = None
    if suffix == ".json":
        try:
            document = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"invalid JSON: {exc}") from exc
        if not isinstance(document, dict):
            raise InputError("JSON input must be an object with a 'text' field")
        text = document.get("text")
        if not isinstance(text, str):
            raise InputError("JSON input has no 'text' string")
        if document.get("published"):
            published = _parse_day(str(document["published"]))
    elif suffix in {".html", ".htm"}:
        text = _html_text(_decode(raw))
    else:
        text = _decode(raw)
    if not text.strip():
        raise InputError("no text to analyse")
    return text, published


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _html_text(markup: str) -> str:
    """The article text of a page: trafilatura when it finds one, else the page with tags stripped."""
    try:
        import trafilatura

        extracted = trafilatura.extract(markup, include_comments=False, include_tables=False)
    except Exception:
        extracted = None
    if extracted and extracted.strip():
        return extracted
    text = _BLOCK_END.sub("\n\n", markup)
    text = html.unescape(_TAG.sub(" ", text))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _parse_day(value: str) -> date | None:
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            return None

"""Reading the congress-legislators files: a directory, the published site, or our snapshot.

Everything here returns a ``LegislatorFiles``: the records exactly as the source's schema
has them (lists and dicts from YAML/CSV), with no interpretation. members/importer.py
turns them into rows. Keeping I/O apart lets the importer be tested on dicts alone.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from members.departed_file import DERIVED_FILE, repair_departed_records

SNAPSHOT_PATH = Path(__file__).resolve().parent / "data" / "legislators.json.gz"
SNAPSHOT_FORMAT = 1

# Files with dated terms, in precedence order: a bioguide id seen in an earlier file wins.
# The official historical YAML is authoritative; the departed-since-2012 file is derived
# from the repository's history (see its SOURCE.md) and only fills the gap when absent.
HISTORICAL_YAML = "legislators-historical.yaml"
DATED_FILES = (
    "legislators-current.yaml",
    HISTORICAL_YAML,
    "legislators-departed-since-2012.yaml",
)
HISTORICAL_CSV = "legislators-historical.csv"
COMMITTEES_FILE = "committees-current.yaml"
MEMBERSHIP_FILE = "committee-membership-current.yaml"
REQUIRED_FILE = "legislators-current.yaml"

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LegislatorSourceError(ValueError):
    """The source is unreadable or malformed; the message names the file and record."""


@dataclass
class LegislatorFiles:
    # (file name, records) per dated file present, in DATED_FILES order.
    dated: list[tuple[str, list[Any]]] = field(default_factory=list)
    historical_rows: list[dict[str, str]] | None = None
    committees: list[Any] | None = None
    committee_membership: dict[str, Any] | None = None
    origin: str = ""
    # What was repaired on reading (see members/departed_file.py).
    notes: list[str] = field(default_factory=list)


def parse_yaml(text: str | bytes, *, name: str) -> Any:
    try:
        return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 (a safe loader, C or Python)
    except yaml.YAMLError as exc:
        raise LegislatorSourceError(f"{name}: not valid YAML: {exc}") from exc


def parse_csv(text: str, *, name: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "bioguide_id" not in reader.fieldnames:
        raise LegislatorSourceError(f"{name}: not the legislators CSV (no bioguide_id column)")
    try:
        return list(reader)
    except csv.Error as exc:
        raise LegislatorSourceError(f"{name}: bad CSV at line {reader.line_num}: {exc}") from exc


def _files_from_texts(texts: dict[str, str | None], *, origin: str) -> LegislatorFiles:
    if texts.get(REQUIRED_FILE) is None:
        raise LegislatorSourceError(f"{origin}: {REQUIRED_FILE} not found")
    files = LegislatorFiles(origin=origin)
    for name in DATED_FILES:
        text = texts.get(name)
        if text is not None:
            files.dated.append((name, parse_yaml(text, name=name)))
    _repair_derived_file(files)
    if texts.get(HISTORICAL_CSV) is not None:
        files.historical_rows = parse_csv(texts[HISTORICAL_CSV], name=HISTORICAL_CSV)
    if texts.get(COMMITTEES_FILE) is not None:
        files.committees = parse_yaml(texts[COMMITTEES_FILE], name=COMMITTEES_FILE)
    if texts.get(MEMBERSHIP_FILE) is not None:
        files.committee_membership = parse_yaml(texts[MEMBERSHIP_FILE], name=MEMBERSHIP_FILE)
    return files


def _repair_derived_file(files: LegislatorFiles) -> None:
    for position, (name, records) in enumerate(files.dated):
        if name != DERIVED_FILE or not isinstance(records, list):
            continue
        others = [
            record for other, rs in files.dated if other != name and isinstance(rs, list) for record in rs
        ]
        repaired, notes = repair_departed_records(records, other_records=others)
        files.dated[position] = (name, repaired)
        files.notes.extend(f"{name}: {note}" for note in notes)


_ALL_FILES = (*DATED_FILES, HISTORICAL_CSV, COMMITTEES_FILE, MEMBERSHIP_FILE)


def read_directory(path: str | Path) -> LegislatorFiles:
    """The files present in a local directory (only legislators-current.yaml is required)."""
    directory = Path(path)
    if not directory.is_dir():
        raise LegislatorSourceError(f"{directory}: not a directory")
    texts = {}
    for name in _ALL_FILES:
        file = directory / name
        texts[name] = file.read_text(encoding="utf-8") if file.is_file() else None
    return _files_from_texts(texts, origin=str(directory))


def read_url(base_url: str, *, timeout: float = 30.0) -> LegislatorFiles:
    """The files published under ``base_url`` (e.g. the project's GitHub Pages site).

    A 404 means the file is not published there; any other failure is an error, so a
    refresh never silently runs on half the data.
    """
    import httpx  # only URL refreshes need it

    base = base_url if base_url.endswith("/") else base_url + "/"
    texts: dict[str, str | None] = {}
    limits = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    with httpx.Client(timeout=limits, follow_redirects=True) as client:
        for name in _ALL_FILES:
            try:
                response = client.get(base + name)
            except httpx.HTTPError as exc:
                raise LegislatorSourceError(f"{base}{name}: could not fetch: {exc}") from exc
            if response.status_code == 404:
                texts[name] = None
                continue
            if response.status_code != 200:
                raise LegislatorSourceError(f"{base}{name}: HTTP {response.status_code}")
            texts[name] = response.text
    return _files_from_texts(texts, origin=base)


def read_source(source: str | Path | None) -> LegislatorFiles:
    """The bundled snapshot (None), a directory, or an http(s) base URL."""
    if source is None:
        return read_snapshot()
    text = str(source)
    if text.startswith(("http://", "https://")):
        return read_url(text)
    if text.endswith(".json.gz"):
        return read_snapshot(text)
    return read_directory(text)


def read_snapshot(path: str | Path = SNAPSHOT_PATH) -> LegislatorFiles:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:
        raise LegislatorSourceError(f"{path}: unreadable snapshot: {exc}") from exc
    if data.get("format") != SNAPSHOT_FORMAT:
        raise LegislatorSourceError(
            f"{path}: snapshot format {data.get('format')!r} is not {SNAPSHOT_FORMAT}"
        )
    return LegislatorFiles(
        dated=[(name, records) for name, records in data["dated"]],
        historical_rows=data.get("historical_rows"),
        committees=data.get("committees"),
        committee_membership=data.get("committee_membership"),
        origin=str(path),
    )


# What the product reads from each record; the snapshot keeps only these.
_ID_KEYS = ("bioguide", "govtrack", "icpsr", "thomas", "lis", "opensecrets", "wikidata", "wikipedia")
_BIO_KEYS = ("birthday", "gender")
_TERM_KEYS = (
    "type",
    "start",
    "end",
    "state",
    "district",
    "class",
    "party",
    "caucus",
    "party_affiliations",
    "end_approximate",
    "how",
    "url",
    "phone",
    "office",
)
_CSV_KEYS = (
    "bioguide_id",
    "last_name",
    "first_name",
    "middle_name",
    "suffix",
    "nickname",
    "full_name",
    "birthday",
    "gender",
    "type",
    "state",
    "district",
    "senate_class",
    "party",
    "thomas_id",
    "opensecrets_id",
    "lis_id",
    "govtrack_id",
    "icpsr_id",
    "wikipedia_id",
)
_COMMITTEE_KEYS = ("type", "name", "thomas_id", "url", "jurisdiction", "subcommittees")


def _pick(record: dict, keys: tuple[str, ...]) -> dict:
    return {key: record[key] for key in keys if key in record and record[key] not in (None, "")}


def _compact_legislator(record: dict) -> dict:
    compact = {
        "id": _pick(record.get("id") or {}, _ID_KEYS),
        "name": record.get("name") or {},
        "bio": _pick(record.get("bio") or {}, _BIO_KEYS),
        "terms": [_pick(term, _TERM_KEYS) for term in record.get("terms") or []],
    }
    if record.get("other_names"):
        compact["other_names"] = record["other_names"]
    return compact


def _json_default(value: Any) -> str:
    # Unquoted YAML dates load as date objects; the snapshot stores them as the source writes them.
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in the snapshot")


def write_snapshot(files: LegislatorFiles, path: str | Path = SNAPSHOT_PATH) -> int:
    """Write the compact snapshot; returns its size in bytes."""
    data = {
        "format": SNAPSHOT_FORMAT,
        "built_from": files.origin,
        "dated": [[name, [_compact_legislator(r) for r in records]] for name, records in files.dated],
        "historical_rows": (
            None
            if files.historical_rows is None
            else [{k: row[k] for k in _CSV_KEYS if row.get(k)} for row in files.historical_rows]
        ),
        "committees": (
            None if files.committees is None else [_pick(c, _COMMITTEE_KEYS) for c in files.committees]
        ),
        "committee_membership": (
            None
            if files.committee_membership is None
            else {
                committee: [_pick(entry, ("bioguide", "party", "rank", "title")) for entry in entries]
                for committee, entries in files.committee_membership.items()
            }
        ),
    }
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, separators=(",", ":"), default=_json_default, ensure_ascii=False)
    # mtime=0 keeps rebuilding the same data byte-identical (no spurious git diffs).
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(payload.encode("utf-8"))
    return target.stat().st_size

"""Repairs for legislators-departed-since-2012.yaml before it goes into the snapshot.

That file is not published by congress-legislators: it was rebuilt from the history of
legislators-current.yaml (see its SOURCE.md), and carries a few artifacts of that history.
Only this derived file is repaired; official files must parse as they are. Plain Python.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

DERIVED_FILE = "legislators-departed-since-2012.yaml"
# The only placeholder the history holds; any other bad id stays an error for the importer.
PLACEHOLDER_BIOGUIDE = "TODO"


def _seat(term: dict) -> tuple:
    if term.get("type") == "sen":
        return ("sen", term.get("state"), term.get("class"))
    return ("rep", term.get("state"), term.get("district"))


def _is_record(record: Any) -> bool:
    terms = record.get("terms") if isinstance(record, dict) else None
    return isinstance(terms, list) and all(isinstance(term, dict) for term in terms)


def _day(value: Any) -> date | None:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return None  # the importer reports bad dates, naming the record


def repair_departed_records(records: list[Any], *, other_records: list[Any]) -> tuple[list[Any], list[str]]:
    """The repaired records and one note per kind of repair made.

    - A placeholder record (bioguide "TODO": Mike Rounds before his id was known; the real
      record is R000605 in the current file) is dropped.
    - A next term listed before the member left (Grimm, Maffei, Rogers, Walsh in late 2014)
      has an approximate end, the day they vanished, before its start. Never served: dropped.
    - 112th Congress terms ending 2012-12-31: how the file dated them when these members
      left; the repository now dates the 112th's end 2013-01-03 (as every member still in
      the current file shows), so the two days between are not an empty Congress.
    - An approximate end (the day the member vanished from the file) that runs past the day
      a successor took the same seat is cut to the day before (Menendez resigned 2024-08-20;
      the file dropped him after Helmy was sworn in on 2024-09-09).
    """
    kept, notes = [], []
    dropped_terms = fixed_112th = clipped = 0
    for record in records:
        if not _is_record(record):
            kept.append(record)  # malformed: left for the importer to name
            continue
        bioguide = (record.get("id") or {}).get("bioguide")
        if bioguide == PLACEHOLDER_BIOGUIDE:
            notes.append(f"dropped placeholder record {bioguide!r} ({record.get('name')})")
            continue
        terms = []
        for term in record["terms"]:
            if term.get("end_approximate") and str(term.get("end")) < str(term.get("start")):
                dropped_terms += 1
                continue
            if str(term.get("end")) == "2012-12-31" and not term.get("end_approximate"):
                term = {**term, "end": "2013-01-03"}
                fixed_112th += 1
            terms.append(term)
        kept.append({**record, "terms": terms})

    starts_by_seat: dict[tuple, list[date]] = {}
    for record in [*kept, *other_records]:
        for term in record["terms"] if _is_record(record) else ():
            start = _day(term.get("start"))
            if term.get("type") in ("rep", "sen") and start:
                starts_by_seat.setdefault(_seat(term), []).append(start)
    for record in kept:
        for position, term in enumerate(record["terms"] if _is_record(record) else ()):
            start, end = _day(term.get("start")), _day(term.get("end"))
            if not (term.get("end_approximate") and term.get("type") in ("rep", "sen") and start and end):
                continue
            successors = [s for s in starts_by_seat.get(_seat(term), []) if start < s <= end]
            if successors:
                record["terms"][position] = {**term, "end": (min(successors) - timedelta(days=1)).isoformat()}
                clipped += 1
    if dropped_terms:
        notes.append(f"dropped {dropped_terms} never-served term(s)")
    if fixed_112th:
        notes.append(f"dated {fixed_112th} 112th Congress term end(s) 2013-01-03")
    if clipped:
        notes.append(f"cut {clipped} approximate end(s) to the day before a successor took the seat")
    return kept, notes

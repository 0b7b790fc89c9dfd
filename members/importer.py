"""Load congress-legislators data into Member / Term / Committee / CommitteeMembership.

Two steps, so nothing touches the database until the whole source has been checked:

1. ``parse_legislator_files`` turns the raw records into plain tuples and raises
   ``LegislatorSourceError`` naming the record on anything malformed (no bioguide id,
   unknown party, bad date, ...).
2. ``apply_incoming`` compares them with what is stored, inside one transaction, and
   writes only the differences with bulk operations (per-row ``save()`` is ~40x slower).

Rules the data imposes:
- A term with ``party_affiliations`` (a mid-term switch) becomes one Term per party period.
- The historical CSV has only each former member's last term, undated: those members get
  ``has_dated_terms=False`` and one undated Term. A member known from a dated file always
  wins over the CSV, and a CSV row never overwrites a member already stored with dated
  terms (a refresh from files lacking the departed-since-2012 list must not erase dates).
- Members are never deleted (letters' signatures point at them); a member's terms are
  replaced by the incoming set when the member is in the source.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import models, transaction

from members.legislator_files import (
    COMMITTEES_FILE,
    HISTORICAL_CSV,
    HISTORICAL_YAML,
    MEMBERSHIP_FILE,
    LegislatorFiles,
    LegislatorSourceError,
    read_source,
)
from members.models import Committee, CommitteeMembership, Member, Party, Term
from members.name_loading import name_index_changed

__all__ = [
    "ImportReport",
    "LegislatorSourceError",
    "ModelChanges",
    "apply_incoming",
    "import_members",
    "parse_legislator_files",
]

MEMBER_FIELDS = (
    "govtrack_id",
    "icpsr_id",
    "thomas_id",
    "lis_id",
    "opensecrets_id",
    "wikidata_id",
    "wikipedia",
    "first_name",
    "middle_name",
    "last_name",
    "suffix",
    "nickname",
    "official_full_name",
    "other_names",
    "birthday",
    "gender",
    "has_dated_terms",
)
TERM_FIELDS = (
    "chamber",
    "state",
    "district",
    "senate_class",
    "party",
    "party_name",
    "caucus",
    "start",
    "end",
    "end_approximate",
    "how",
    "url",
    "phone",
    "office",
)
COMMITTEE_FIELDS = ("name", "chamber", "parent_id", "url", "jurisdiction", "is_current")
MEMBERSHIP_FIELDS = ("side", "rank", "title")

_HAS_DATED = MEMBER_FIELDS.index("has_dated_terms")
_TERM_START = TERM_FIELDS.index("start")

PARTY_CODES = {"Democrat": "D", "Republican": "R", "Independent": "I", "Libertarian": "L"}
CHAMBERS = {"rep": "house", "sen": "senate"}
# legislators-current.yaml once carried a president's executive term; it is not service in Congress.
EXECUTIVE_TERM_TYPES = frozenset({"prez", "viceprez"})
BIOGUIDE_PATTERN = re.compile(r"^[A-Z][0-9]{6}$")
BATCH_SIZE = 1000


# --- Parsing -----------------------------------------------------------------------------


@dataclass
class IncomingMember:
    bioguide: str
    values: tuple  # in MEMBER_FIELDS order
    terms: dict[tuple[str, date | None], tuple]  # (chamber, start) -> TERM_FIELDS order
    label: str

    @property
    def has_dated_terms(self) -> bool:
        return self.values[_HAS_DATED]


@dataclass
class Incoming:
    members: dict[str, IncomingMember] = field(default_factory=dict)
    # (thomas_id, name, chamber, parent thomas_id or None, url, jurisdiction); None = file absent.
    committees: list[tuple] | None = None
    # (committee thomas_id, bioguide, side, rank, title); None = file absent.
    memberships: list[tuple] | None = None


def _max_lengths(model: type[models.Model], names: tuple[str, ...]) -> dict[int, tuple[str, int]]:
    lengths = {}
    for position, name in enumerate(names):
        max_length = getattr(model._meta.get_field(name), "max_length", None)
        if max_length and not isinstance(model._meta.get_field(name), models.ForeignKey):
            lengths[position] = (name, max_length)
    return lengths


_MEMBER_LENGTHS = _max_lengths(Member, MEMBER_FIELDS)
_TERM_LENGTHS = _max_lengths(Term, TERM_FIELDS)


def _check_lengths(values: tuple, lengths: dict[int, tuple[str, int]], label: str) -> None:
    for position, (name, max_length) in lengths.items():
        value = values[position]
        if isinstance(value, str) and len(value) > max_length:
            raise LegislatorSourceError(f"{label}: {name} is longer than {max_length} characters: {value!r}")


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any, label: str, what: str, *, required: bool) -> date | None:
    if value is None or value == "":
        if required:
            raise LegislatorSourceError(f"{label}: no {what}")
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise LegislatorSourceError(f"{label}: {what} {value!r} is not a YYYY-MM-DD date") from None


def _int(value: Any, label: str, what: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise LegislatorSourceError(f"{label}: {what} {value!r} is not a number") from None


def _party_code(name: Any, label: str) -> str:
    try:
        return PARTY_CODES[name]
    except (KeyError, TypeError):
        raise LegislatorSourceError(
            f"{label}: unknown party {name!r} (expected one of {', '.join(PARTY_CODES)})"
        ) from None


def _plain(value: Any) -> Any:
    """JSON-ready copy (unquoted YAML dates become ISO strings), as JSONField will return it."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


def _record_label(file_name: str, position: int, bioguide: str, name: dict) -> str:
    who = " ".join(_text(name.get(part)) for part in ("first", "last") if name.get(part))
    return f"{file_name} record {position} ({bioguide or 'no bioguide'}{', ' + who if who else ''})"


def _term_start(start: date, *, how: str) -> date:
    """When a regular term began, which is not always the day the source gives.

    The source starts a term on the day the new Congress convened: 3 January in most years
    but 6 January in 2015 (and 2009), while the old term ends on the 3rd. Since the 20th
    Amendment (1935) every regular term begins at noon on 3 January, so without this the
    days between would have no House at all. Special elections and appointments (``how``)
    keep their own dates.
    """
    if start.year >= 1935 and start.year % 2 == 1 and start.month == 1 and 3 < start.day <= 6 and not how:
        return start.replace(day=3)
    return start


def _term_rows(term: dict, chamber: str, label: str, *, historical: bool) -> list[tuple]:
    state = _text(term.get("state")).upper()
    if len(state) != 2:
        raise LegislatorSourceError(f"{label}: state {term.get('state')!r} is not a two-letter code")
    start = _date(term.get("start"), label, "start date", required=True)
    end = _date(term.get("end"), label, "end date", required=False)
    if end is not None and end < start:
        raise LegislatorSourceError(f"{label}: ends ({end}) before it starts ({start})")
    district = _int(term.get("district"), label, "district") if chamber == "house" else None
    senate_class = _int(term.get("class"), label, "class") if chamber == "senate" else None
    shared = {
        "end_approximate": bool(term.get("end_approximate")),
        "how": _text(term.get("how")),
        "url": _text(term.get("url")),
        "phone": _text(term.get("phone")),
        "office": _text(term.get("office")),
    }

    start = _term_start(start, how=shared["how"])

    def row(party_name: Any, caucus: Any, row_start: date, row_end: date | None, row_label: str) -> tuple:
        if historical:
            # The published all-history file holds Whigs, Federalists, ... kept by name under 'O'.
            party = PARTY_CODES.get(party_name, Party.OTHER)
            caucus_code = PARTY_CODES.get(caucus, Party.OTHER) if caucus else ""
        else:
            party = _party_code(party_name, row_label)
            caucus_code = _party_code(caucus, row_label) if caucus else ""
        values = {
            "chamber": chamber,
            "state": state,
            "district": district,
            "senate_class": senate_class,
            "party": party,
            "party_name": _text(party_name),
            "caucus": caucus_code,
            "start": row_start,
            "end": row_end,
            **shared,
        }
        return tuple(values[name] for name in TERM_FIELDS)

    affiliations = term.get("party_affiliations")
    if not affiliations:
        return [row(term.get("party"), term.get("caucus"), start, end, label)]
    rows = []
    for number, period in enumerate(affiliations, start=1):
        period_label = f"{label} party period {number}"
        period_start = _term_start(
            _date(period.get("start"), period_label, "start date", required=True), how=shared["how"]
        )
        period_end = _date(period.get("end"), period_label, "end date", required=False)
        rows.append(row(period.get("party"), period.get("caucus"), period_start, period_end, period_label))
    return rows


def _parse_dated_record(
    record: Any, file_name: str, position: int, *, historical: bool = False
) -> IncomingMember:
    if not isinstance(record, dict):
        raise LegislatorSourceError(f"{file_name} record {position}: not a mapping")
    ids, name, bio = (_mapping(record.get(part)) for part in ("id", "name", "bio"))
    bioguide = _text(ids.get("bioguide"))
    label = _record_label(file_name, position, bioguide, name)
    if not bioguide:
        raise LegislatorSourceError(f"{label}: no id.bioguide")
    if not BIOGUIDE_PATTERN.match(bioguide):
        raise LegislatorSourceError(f"{label}: id.bioguide {bioguide!r} is not a bioguide id")
    if not name.get("first") or not name.get("last"):
        raise LegislatorSourceError(f"{label}: name.first and name.last are required")
    member = {
        "govtrack_id": _int(ids.get("govtrack"), label, "id.govtrack"),
        "icpsr_id": _int(ids.get("icpsr"), label, "id.icpsr"),
        "thomas_id": _text(ids.get("thomas")),
        "lis_id": _text(ids.get("lis")),
        "opensecrets_id": _text(ids.get("opensecrets")),
        "wikidata_id": _text(ids.get("wikidata")),
        "wikipedia": _text(ids.get("wikipedia")),
        "first_name": _text(name.get("first")),
        "middle_name": _text(name.get("middle")),
        "last_name": _text(name.get("last")),
        "suffix": _text(name.get("suffix")),
        "nickname": _text(name.get("nickname")),
        "official_full_name": _text(name.get("official_full")),
        "other_names": _plain(record.get("other_names") or []),
        "birthday": _date(bio.get("birthday"), label, "bio.birthday", required=False),
        "gender": _text(bio.get("gender")),
        "has_dated_terms": True,
    }
    values = tuple(member[name] for name in MEMBER_FIELDS)
    _check_lengths(values, _MEMBER_LENGTHS, label)
    terms: dict[tuple[str, date | None], tuple] = {}
    for number, term in enumerate(record.get("terms") or [], start=1):
        term_label = f"{label} term {number}"
        if not isinstance(term, dict):
            raise LegislatorSourceError(f"{term_label}: not a mapping")
        kind = term.get("type")
        if kind in EXECUTIVE_TERM_TYPES:
            continue
        if kind not in CHAMBERS:
            raise LegislatorSourceError(f"{term_label}: unknown term type {kind!r} (expected rep or sen)")
        for row in _term_rows(term, CHAMBERS[kind], term_label, historical=historical):
            _check_lengths(row, _TERM_LENGTHS, term_label)
            key = (row[0], row[_TERM_START])
            if key in terms:
                if historical:
                    continue  # two centuries of hand-kept rows: the first listing stands
                raise LegislatorSourceError(f"{term_label}: a second {key[0]} term starting {key[1]}")
            terms[key] = row
    if not terms:
        raise LegislatorSourceError(f"{label}: no House or Senate terms")
    return IncomingMember(bioguide=bioguide, values=values, terms=terms, label=label)


def _parse_historical_row(row: dict[str, str], line: int) -> IncomingMember:
    bioguide = _text(row.get("bioguide_id"))
    name = {"first": row.get("first_name"), "last": row.get("last_name")}
    who = f"{_text(name['first'])} {_text(name['last'])}"
    label = f"{HISTORICAL_CSV} line {line} ({bioguide or 'no bioguide'}, {who})"
    if not bioguide:
        raise LegislatorSourceError(f"{label}: no bioguide_id")
    if not BIOGUIDE_PATTERN.match(bioguide):
        raise LegislatorSourceError(f"{label}: bioguide_id {bioguide!r} is not a bioguide id")
    if not name["last"]:
        raise LegislatorSourceError(f"{label}: no last_name")
    chamber = CHAMBERS.get(_text(row.get("type")))
    if chamber is None:
        raise LegislatorSourceError(f"{label}: unknown type {row.get('type')!r} (expected rep or sen)")
    member = {
        "govtrack_id": _int(row.get("govtrack_id"), label, "govtrack_id"),
        "icpsr_id": _int(row.get("icpsr_id"), label, "icpsr_id"),
        "thomas_id": _text(row.get("thomas_id")),
        "lis_id": _text(row.get("lis_id")),
        "opensecrets_id": _text(row.get("opensecrets_id")),
        "wikidata_id": "",
        "wikipedia": _text(row.get("wikipedia_id")),
        "first_name": _text(row.get("first_name")),
        "middle_name": _text(row.get("middle_name")),
        "last_name": _text(row.get("last_name")),
        "suffix": _text(row.get("suffix")),
        "nickname": _text(row.get("nickname")),
        "official_full_name": _text(row.get("full_name")),
        "other_names": [],
        "birthday": _date(row.get("birthday"), label, "birthday", required=False),
        "gender": _text(row.get("gender")),
        "has_dated_terms": False,
    }
    values = tuple(member[name] for name in MEMBER_FIELDS)
    _check_lengths(values, _MEMBER_LENGTHS, label)
    # Parties of the 1790s-1850s (Whig, Federalist, Jackson, ...) are kept by name under 'O'.
    party_name = _text(row.get("party"))
    term = {
        "chamber": chamber,
        "state": _text(row.get("state")).upper(),
        "district": _int(row.get("district"), label, "district") if chamber == "house" else None,
        "senate_class": _int(row.get("senate_class"), label, "senate_class") if chamber == "senate" else None,
        "party": PARTY_CODES.get(party_name, "O"),
        "party_name": party_name,
        "caucus": "",
        "start": None,
        "end": None,
        "end_approximate": False,
        "how": "",
        "url": "",
        "phone": "",
        "office": "",
    }
    term_row = tuple(term[name] for name in TERM_FIELDS)
    _check_lengths(term_row, _TERM_LENGTHS, label)
    return IncomingMember(bioguide=bioguide, values=values, terms={(chamber, None): term_row}, label=label)


def _parse_committees(committees: Any) -> list[tuple]:
    if not isinstance(committees, list):
        raise LegislatorSourceError(f"{COMMITTEES_FILE}: expected a list of committees")
    rows = []
    for position, committee in enumerate(committees, start=1):
        label = f"{COMMITTEES_FILE} record {position}"
        if not isinstance(committee, dict) or not committee.get("thomas_id"):
            raise LegislatorSourceError(f"{label}: no thomas_id")
        thomas_id = _text(committee["thomas_id"])
        label = f"{label} ({thomas_id})"
        chamber = committee.get("type")
        if chamber not in ("house", "senate", "joint"):
            raise LegislatorSourceError(f"{label}: unknown type {chamber!r}")
        if not committee.get("name"):
            raise LegislatorSourceError(f"{label}: no name")
        url = _text(committee.get("url"))
        rows.append(
            (thomas_id, _text(committee["name"]), chamber, None, url, _text(committee.get("jurisdiction")))
        )
        for sub in committee.get("subcommittees") or []:
            sub_id = sub.get("thomas_id") if isinstance(sub, dict) else None
            if sub_id in (None, "") or not sub.get("name"):
                raise LegislatorSourceError(f"{label}: a subcommittee without thomas_id or name: {sub!r}")
            # Two digits in the source; an unquoted 1 would load as an int.
            sub_id = f"{sub_id:02d}" if isinstance(sub_id, int) else _text(sub_id)
            rows.append((thomas_id + sub_id, _text(sub["name"]), chamber, thomas_id, "", ""))
    return rows


def _parse_memberships(membership: Any) -> list[tuple]:
    if not isinstance(membership, dict):
        raise LegislatorSourceError(f"{MEMBERSHIP_FILE}: expected a mapping of committee id to members")
    rows = []
    for committee_id, entries in membership.items():
        for position, entry in enumerate(entries or [], start=1):
            label = f"{MEMBERSHIP_FILE} {committee_id} entry {position}"
            if not isinstance(entry, dict):
                raise LegislatorSourceError(f"{label}: not a mapping")
            bioguide = _text(entry.get("bioguide"))
            if not bioguide:
                raise LegislatorSourceError(f"{label} ({_text(entry.get('name'))}): no bioguide")
            side = _text(entry.get("party"))
            title = _text(entry.get("title"))
            if len(title) > 100:
                raise LegislatorSourceError(f"{label}: title longer than 100 characters")
            rows.append(
                (_text(committee_id), bioguide, side[:8], _int(entry.get("rank"), label, "rank"), title)
            )
    return rows


def parse_legislator_files(files: LegislatorFiles) -> Incoming:
    """Check and normalise every record; raises LegislatorSourceError naming the first bad one."""
    incoming = Incoming()
    for file_name, records in files.dated:
        if not isinstance(records, list):
            raise LegislatorSourceError(f"{file_name}: expected a list of legislators")
        in_this_file: set[str] = set()
        for position, record in enumerate(records, start=1):
            member = _parse_dated_record(record, file_name, position, historical=file_name == HISTORICAL_YAML)
            if member.bioguide in in_this_file:
                raise LegislatorSourceError(f"{member.label}: bioguide id listed twice in {file_name}")
            in_this_file.add(member.bioguide)
            incoming.members.setdefault(member.bioguide, member)
    for line, row in enumerate(files.historical_rows or [], start=2):
        member = _parse_historical_row(row, line)
        incoming.members.setdefault(member.bioguide, member)
    if files.committees is not None:
        incoming.committees = _parse_committees(files.committees)
    if files.committee_membership is not None:
        incoming.memberships = _parse_memberships(files.committee_membership)
    return incoming


# --- Applying ----------------------------------------------------------------------------


@dataclass
class ModelChanges:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted


@dataclass
class ImportReport:
    source: str
    dry_run: bool = False
    changes: dict[str, ModelChanges] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(change.changed for change in self.changes.values())

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "changes": {model: asdict(change) for model, change in self.changes.items()},
        }

    def summary_lines(self) -> list[str]:
        lines = []
        for model, change in self.changes.items():
            line = (
                f"{model}: {change.created} created, {change.updated} updated, "
                f"{change.deleted} deleted, {change.unchanged} unchanged"
            )
            if change.skipped:
                line += f", {change.skipped} skipped"
            lines.append(line)
        return lines


def _delete(model: type[models.Model], pks: list[int]) -> None:
    for offset in range(0, len(pks), BATCH_SIZE):
        model.objects.filter(pk__in=pks[offset : offset + BATCH_SIZE]).delete()


def _sync_members(incoming: Incoming, changes: ModelChanges) -> tuple[dict[str, int], set[str]]:
    """Upsert members; returns bioguide -> pk and the bioguides whose terms must be left alone."""
    stored = {
        row[0]: (row[1], tuple(row[2:]))
        for row in Member.objects.values_list("bioguide", "pk", *MEMBER_FIELDS).iterator(chunk_size=5000)
    }
    to_create, to_update, keep_terms = [], [], set()
    for bioguide, member in incoming.members.items():
        found = stored.get(bioguide)
        if found is None:
            to_create.append(
                Member(bioguide=bioguide, **dict(zip(MEMBER_FIELDS, member.values, strict=True)))
            )
            continue
        pk, values = found
        if not member.has_dated_terms and values[_HAS_DATED]:
            keep_terms.add(bioguide)
            changes.skipped += 1
        elif values == member.values:
            changes.unchanged += 1
        else:
            to_update.append(
                Member(pk=pk, bioguide=bioguide, **dict(zip(MEMBER_FIELDS, member.values, strict=True)))
            )
    Member.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    Member.objects.bulk_update(to_update, MEMBER_FIELDS, batch_size=BATCH_SIZE)
    changes.created += len(to_create)
    changes.updated += len(to_update)
    if to_create:
        pks = dict(Member.objects.values_list("bioguide", "pk"))
    else:
        pks = {bioguide: pk for bioguide, (pk, _) in stored.items()}
    return pks, keep_terms


def _sync_terms(
    incoming: Incoming, member_pks: dict[str, int], keep_terms: set[str], changes: ModelChanges
) -> None:
    stored: dict[int, dict[tuple, tuple[int, tuple]]] = defaultdict(dict)
    for pk, member_id, *values in Term.objects.values_list("pk", "member_id", *TERM_FIELDS).iterator(
        chunk_size=5000
    ):
        stored[member_id][(values[0], values[_TERM_START])] = (pk, tuple(values))
    to_create, to_update, to_delete = [], [], []
    for bioguide, member in incoming.members.items():
        if bioguide in keep_terms:
            continue
        member_id = member_pks[bioguide]
        existing = stored.get(member_id, {})
        for key, values in member.terms.items():
            found = existing.get(key)
            if found is None:
                to_create.append(Term(member_id=member_id, **dict(zip(TERM_FIELDS, values, strict=True))))
            elif found[1] != values:
                to_update.append(
                    Term(pk=found[0], member_id=member_id, **dict(zip(TERM_FIELDS, values, strict=True)))
                )
            else:
                changes.unchanged += 1
        to_delete.extend(pk for key, (pk, _) in existing.items() if key not in member.terms)
    # Delete first: a replaced term may share (member, chamber, start) with a new one.
    _delete(Term, to_delete)
    Term.objects.bulk_update(to_update, TERM_FIELDS, batch_size=BATCH_SIZE)
    Term.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    changes.created += len(to_create)
    changes.updated += len(to_update)
    changes.deleted += len(to_delete)


def _sync_committees(rows: list[tuple], changes: ModelChanges) -> None:
    stored = {
        row[0]: (row[1], tuple(row[2:]))
        for row in Committee.objects.values_list("thomas_id", "pk", *COMMITTEE_FIELDS)
    }
    seen = set()
    # Parents before subcommittees, which need the parent's pk.
    for want_parent in (False, True):
        pks = {thomas_id: pk for thomas_id, (pk, _) in stored.items()}
        to_create, to_update = [], []
        for thomas_id, name, chamber, parent, url, jurisdiction in rows:
            if (parent is not None) != want_parent or thomas_id in seen:
                continue
            seen.add(thomas_id)
            values = (name, chamber, pks.get(parent) if parent else None, url, jurisdiction, True)
            fields = dict(zip(COMMITTEE_FIELDS, values, strict=True))
            found = stored.get(thomas_id)
            if found is None:
                to_create.append(Committee(thomas_id=thomas_id, **fields))
            elif found[1] != values:
                to_update.append(Committee(pk=found[0], thomas_id=thomas_id, **fields))
            else:
                changes.unchanged += 1
        Committee.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Committee.objects.bulk_update(to_update, COMMITTEE_FIELDS, batch_size=BATCH_SIZE)
        changes.created += len(to_create)
        changes.updated += len(to_update)
        if to_create:
            stored.update(
                {
                    row[0]: (row[1], tuple(row[2:]))
                    for row in Committee.objects.filter(
                        thomas_id__in=[c.thomas_id for c in to_create]
                    ).values_list("thomas_id", "pk", *COMMITTEE_FIELDS)
                }
            )
    # A committee that left the current file is history, not an error: keep it, marked.
    retired = [pk for thomas_id, (pk, values) in stored.items() if thomas_id not in seen and values[-1]]
    Committee.objects.filter(pk__in=retired).update(is_current=False)
    changes.updated += len(retired)


def _sync_memberships(rows: list[tuple], member_pks: dict[str, int], changes: ModelChanges) -> None:
    committee_pks = dict(Committee.objects.values_list("thomas_id", "pk"))
    stored = {
        (committee_id, member_id): (pk, (side, rank, title))
        for pk, committee_id, member_id, side, rank, title in CommitteeMembership.objects.values_list(
            "pk", "committee_id", "member_id", *MEMBERSHIP_FIELDS
        )
    }
    wanted = set()
    to_create, to_update = [], []
    for committee_thomas_id, bioguide, side, rank, title in rows:
        committee_id = committee_pks.get(committee_thomas_id)
        member_id = member_pks.get(bioguide)
        key = (committee_id, member_id)
        # A committee or member the source itself does not define, or a repeated entry.
        if committee_id is None or member_id is None or key in wanted:
            changes.skipped += 1
            continue
        wanted.add(key)
        values = (side, rank, title)
        fields = dict(zip(MEMBERSHIP_FIELDS, values, strict=True))
        found = stored.get(key)
        if found is None:
            to_create.append(CommitteeMembership(committee_id=committee_id, member_id=member_id, **fields))
        elif found[1] != values:
            to_update.append(
                CommitteeMembership(pk=found[0], committee_id=committee_id, member_id=member_id, **fields)
            )
        else:
            changes.unchanged += 1
    to_delete = [pk for key, (pk, _) in stored.items() if key not in wanted]
    _delete(CommitteeMembership, to_delete)
    CommitteeMembership.objects.bulk_update(to_update, MEMBERSHIP_FIELDS, batch_size=BATCH_SIZE)
    CommitteeMembership.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    changes.created += len(to_create)
    changes.updated += len(to_update)
    changes.deleted += len(to_delete)


def apply_incoming(incoming: Incoming, *, source: str = "", dry_run: bool = False) -> ImportReport:
    """Write the differences between ``incoming`` and the database, in one transaction."""
    report = ImportReport(source=source, dry_run=dry_run)
    with transaction.atomic():
        member_changes = report.changes["Member"] = ModelChanges()
        member_pks, keep_terms = _sync_members(incoming, member_changes)
        _sync_terms(incoming, member_pks, keep_terms, report.changes.setdefault("Term", ModelChanges()))
        if incoming.committees is not None:
            _sync_committees(incoming.committees, report.changes.setdefault("Committee", ModelChanges()))
        if incoming.memberships is not None:
            _sync_memberships(
                incoming.memberships,
                member_pks,
                report.changes.setdefault("CommitteeMembership", ModelChanges()),
            )
        if dry_run:
            transaction.set_rollback(True)
        elif report.changed:
            # Bulk writes send no save signals: tell every process's name index to rebuild.
            transaction.on_commit(name_index_changed)
    return report


def import_members(*, source: str | Path | None = None, dry_run: bool = False) -> ImportReport:
    """Import the bundled snapshot (``source=None``), a directory, or a published base URL.

    Raises LegislatorSourceError, naming the file and record, before writing anything when
    the source is malformed; database errors roll the whole import back.
    """
    files = read_source(source)
    incoming = parse_legislator_files(files)
    return apply_incoming(incoming, source=files.origin, dry_run=dry_run)

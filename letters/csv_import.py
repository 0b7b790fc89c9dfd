"""Import letters with their signer lists from CSV (the letters export format, letters/resources.py).

A row is keyed by its slug: an existing letter is updated, a new one created. Signer cells hold
bioguide ids or names as a signer list would write them ("Marcy Kaptur; Rep. Joe Wilson (R-SC)"),
resolved on the letter's date by the same service as a pasted list. The import is all or
nothing: any row error rolls every row back, and a dry run always does.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from letters import services
from letters.models import (
    Letter,
    LetterChamber,
    LetterKind,
    LetterStatus,
    SignatureRole,
    SignatureSource,
    Stance,
)
from letters.resources import LETTER_COLUMNS, restore_formula_text
from letters.signer_lists import resolve_signer_list

REQUIRED_COLUMNS = ("title",)
MAX_ROWS = 5000
_BIOGUIDE = re.compile(r"^[A-Z]\d{6}$")
_POLICY = re.compile(r"^(?P<name>.+?)\s*\((?P<stance>" + "|".join(Stance.values) + r")\)$")


@dataclass
class RowResult:
    line: int
    slug: str = ""
    action: str = ""  # created | updated | error
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list[RowResult]
    dry_run: bool
    file_errors: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors) or any(row.errors for row in self.rows)

    @property
    def committed(self) -> bool:
        return not self.dry_run and not self.has_errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


class _Rollback(Exception):
    pass


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def _int_or_none(row: dict[str, str], column: str) -> int | None:
    value = row.get(column, "").strip()
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise ValidationError(f"{column}: {value!r} is not a whole number.") from None
    if number < 0:
        raise ValidationError(f"{column}: must not be negative.")
    return number


def _bool(row: dict[str, str], column: str) -> bool:
    value = row.get(column, "").strip().lower()
    if value in {"", "0", "false", "no", "n"}:
        return False
    if value in {"1", "true", "yes", "y"}:
        return True
    raise ValidationError(f"{column}: {value!r} is not true/false.")


def _choice(row: dict[str, str], column: str, choices, default: str) -> str:
    value = row.get(column, "").strip() or default
    if value not in choices.values:
        raise ValidationError(f"{column}: {value!r} is not one of {', '.join(choices.values)}.")
    return value


def _members_from_cell(cell: str, letter: Letter) -> list[str]:
    """Bioguide ids from a cell of ids and/or names; names must resolve on the letter's date."""
    bioguides: list[str] = []
    errors: list[str] = []
    names: list[str] = []
    for item in _split(cell):
        if _BIOGUIDE.match(item.upper()):
            bioguides.append(item.upper())
        else:
            names.append(item)
    if names:
        if letter.sent_on is None:
            raise ValidationError("Signers given by name need the letter's date (sent_on).")
        for entry in resolve_signer_list("\n".join(names), on=letter.sent_on, chamber=letter.chamber or None):
            if entry.status == "resolved":
                bioguides.append(entry.bioguide)
            elif entry.status == "ambiguous":
                errors.append(
                    f"{entry.as_written!r} is ambiguous ({', '.join(entry.candidates)}): use a bioguide id."
                )
            else:
                errors.append(f"{entry.as_written!r} matches no member serving on {letter.sent_on}.")
    if errors:
        raise ValidationError(errors)
    return bioguides


def _import_row(row: dict[str, str], user) -> tuple[str, str]:
    title = row.get("title", "").strip()
    if not title:
        raise ValidationError("title: required.")
    slug = row.get("slug", "").strip()
    stated = {
        "total": _int_or_none(row, "stated_total"),
        "D": _int_or_none(row, "stated_democrats"),
        "R": _int_or_none(row, "stated_republicans"),
        "I": _int_or_none(row, "stated_independents"),
    }
    values = {
        "title": title,
        "sent_on": row.get("sent_on", "").strip() or None,
        "status": _choice(row, "status", LetterStatus, LetterStatus.SENT),
        "kind": _choice(row, "kind", LetterKind, LetterKind.OTHER),
        "ask": row.get("ask", "").strip(),
        "summary": row.get("summary", "").strip(),
        "counts_are_minimum": _bool(row, "counts_are_minimum"),
        "tags": _split(row.get("tags", "")),
        "source_urls": _split(row.get("source_urls", "")),
        "notes": row.get("notes", "").strip(),
    }
    chamber = row.get("chamber", "").strip()
    if chamber and chamber not in LetterChamber.values:
        raise ValidationError(f"chamber: {chamber!r} is not one of {', '.join(LetterChamber.values)}.")
    letter = Letter.objects.filter(slug=slug).first() if slug else None
    if letter is None:
        letter = services.letter_create(
            slug=slug, chamber=chamber or None, stated_counts=stated, user=user, **values
        )
        action = "created"
    else:
        services.letter_update(letter=letter, chamber=chamber, stated_counts=stated, user=user, **values)
        action = "updated"
    services.letter_set_recipients(letter=letter, recipients=_split(row.get("recipients", "")))
    for item in _split(row.get("policies", "")):
        match = _POLICY.match(item)
        name, stance = (match.group("name"), match.group("stance")) if match else (item, Stance.CHANGE)
        services.letter_set_policy(letter=letter, policy=name, stance=stance)
    services.letter_set_caucuses(letter=letter, caucuses=_split(row.get("caucuses", "")))

    leads = _members_from_cell(row.get("leads", ""), letter)
    co_leads = _members_from_cell(row.get("co_leads", ""), letter)
    signers = _members_from_cell(row.get("signers", ""), letter)
    roles = dict.fromkeys(signers, SignatureRole.SIGNER)
    roles.update(dict.fromkeys(co_leads, SignatureRole.CO_LEAD))
    roles.update(dict.fromkeys(leads, SignatureRole.LEAD))
    existing = {s.member.bioguide: s for s in letter.signatures.select_related("member")}
    for bioguide, role in roles.items():
        if bioguide in existing:
            if existing[bioguide].role != role:
                services.signature_update(signature=existing[bioguide], role=role, user=user)
            continue
        services.signature_add(
            letter=letter, member=bioguide, role=role, source=SignatureSource.IMPORT, user=user
        )
    return letter.slug, action


def letters_import_csv(data: bytes | str, *, dry_run: bool, user=None) -> ImportResult:
    """Import letters from CSV text; returns per-row results. Writes nothing on any error or dry run."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return ImportResult(
                rows=[], dry_run=dry_run, file_errors=["The file is not UTF-8 text (save as CSV UTF-8)."]
            )
    reader = csv.DictReader(io.StringIO(data))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        return ImportResult(
            rows=[],
            dry_run=dry_run,
            file_errors=[f"Missing column(s): {', '.join(missing)}. Expected {', '.join(LETTER_COLUMNS)}."],
        )
    unknown = [column for column in header if column not in LETTER_COLUMNS]
    result = ImportResult(rows=[], dry_run=dry_run)
    if unknown:
        result.file_errors.append(f"Unknown column(s): {', '.join(unknown)}.")
        return result
    try:
        with transaction.atomic():
            for number, raw in enumerate(reader, start=2):
                if number - 1 > MAX_ROWS:
                    result.file_errors.append(f"More than {MAX_ROWS} rows: split the file.")
                    break
                if None in raw:
                    result.rows.append(
                        RowResult(line=number, action="error", errors=["More cells than columns."])
                    )
                    continue
                row = {key.strip(): restore_formula_text(value or "") for key, value in raw.items()}
                row_result = RowResult(line=number, slug=row.get("slug", ""))
                try:
                    with transaction.atomic():
                        row_result.slug, row_result.action = _import_row(row, user)
                except ValidationError as exc:
                    row_result.action = "error"
                    row_result.errors = _messages(exc)
                result.rows.append(row_result)
            if result.has_errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except csv.Error as exc:
        result.file_errors.append(f"Malformed CSV: {exc}.")
    return result


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [f"{name}: {message}" for name, messages in exc.message_dict.items() for message in messages]
    return list(exc.messages)

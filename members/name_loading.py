"""Build the pure-Python `NameIndex` from the database, once per data version per process.

Celery workers and web processes each hold one index; a cheap version query decides whether the
member data changed since it was built (an import adds terms, a staff edit changes a name).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from members.models import Member, Term
from members.name_index import MemberRecord, NameIndex, TermRecord

# Bumped by `name_index_changed()` so other processes notice edits the counts cannot see
# (an in-place update of a name or a term's end date keeps every count and max id).
DATA_VERSION_CACHE_KEY = "members:name-index-version"

_lock = threading.Lock()
_cached: tuple[tuple[Any, ...], NameIndex] | None = None
# Bumped on every ORM save/delete of a Member or Term in this process (admin edits, tests).
_generation = 0


def _data_version() -> tuple[Any, ...]:
    # Counts catch deletions, max ids catch additions; the bioguide and start bounds tell apart
    # two data sets of the same size (tests roll back and reuse ids). In-place edits bump the
    # generation (this process) or the shared version. One statement of scalar subqueries, each
    # an index-only lookup (SQLite scans the table when COUNT and MAX share one SELECT).
    quote = connection.ops.quote_name
    figures = [
        (Term, "COUNT(*)"),
        (Term, f"MAX({quote(Term._meta.pk.column)})"),
        (Term, f"MAX({quote(Term._meta.get_field('start').column)})"),
        (Member, "COUNT(*)"),
        (Member, f"MAX({quote(Member._meta.pk.column)})"),
        (Member, f"MIN({quote(Member._meta.get_field('bioguide').column)})"),
        (Member, f"MAX({quote(Member._meta.get_field('bioguide').column)})"),
    ]
    select = ", ".join(
        f"(SELECT {function} FROM {quote(model._meta.db_table)})"  # noqa: S608 - names from model metadata
        for model, function in figures
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select}")
        row = cursor.fetchone()
    return (_generation, *row, _shared_version())


def _shared_version() -> int | None:
    try:
        return cache.get(DATA_VERSION_CACHE_KEY)
    except Exception:  # a cache outage must not stop name matching
        return None


def _other_surnames(other_names: Any) -> tuple[str, ...]:
    # The source lists earlier names as [{"last": "Bono", "end": "2007-12-17"}, ...].
    surnames: list[str] = []
    for entry in other_names or ():
        last = entry.get("last") if isinstance(entry, dict) else entry
        if isinstance(last, str) and last and last not in surnames:
            surnames.append(last)
    return tuple(surnames)


def build_name_index() -> NameIndex:
    """A fresh index of every member with dated terms: two queries, no model instances."""
    terms_by_member: dict[int, list[TermRecord]] = defaultdict(list)
    for row in (
        Term.objects.filter(member__has_dated_terms=True)
        .order_by()
        .values_list("member_id", "chamber", "state", "district", "party", "caucus", "start", "end")
    ):
        member_id, chamber, state, district, party, caucus, start, end = row
        terms_by_member[member_id].append(
            TermRecord(
                chamber=chamber,
                state=state,
                district=district,
                party=party,
                caucus=caucus or "",
                start=start,
                end=end,
            )
        )
    members = (
        Member.objects.filter(has_dated_terms=True)
        .order_by()
        .values_list(
            "id",
            "bioguide",
            "first_name",
            "middle_name",
            "last_name",
            "suffix",
            "nickname",
            "official_full_name",
            "other_names",
        )
    )
    records = [
        MemberRecord(
            bioguide=bioguide,
            first=first,
            middle=middle,
            last=last,
            suffix=suffix,
            nickname=nickname,
            official_full=official_full,
            terms=tuple(terms_by_member.get(member_id, ())),
            other_names=_other_surnames(other_names),
        )
        for member_id, bioguide, first, middle, last, suffix, nickname, official_full, other_names in members
    ]
    return NameIndex(records)


def load_name_index() -> NameIndex:
    """The process-wide `NameIndex`, rebuilt only when the member data changed.

    Costs two small aggregate queries (and a cache read) when nothing changed, two more to
    rebuild. Bulk writes (the importer) send no signals: call `name_index_changed()` after them.
    """
    global _cached
    version = _data_version()
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        if _cached is not None and _cached[0] == version:
            return _cached[1]
        index = build_name_index()
        _cached = (version, index)
        return index


def name_index_changed() -> None:
    """Tell every process that member names or terms changed (call after imports and edits)."""
    global _cached
    _cached = None
    try:
        try:
            cache.incr(DATA_VERSION_CACHE_KEY)
        except ValueError:
            cache.set(DATA_VERSION_CACHE_KEY, 1, timeout=None)
    except Exception:  # the in-process reset above still happened
        return


@receiver(post_save, sender=Member, dispatch_uid="name_index_member_saved")
@receiver(post_delete, sender=Member, dispatch_uid="name_index_member_deleted")
@receiver(post_save, sender=Term, dispatch_uid="name_index_term_saved")
@receiver(post_delete, sender=Term, dispatch_uid="name_index_term_deleted")
def _member_data_written(**kwargs: Any) -> None:
    global _generation
    _generation += 1
    # Other processes learn of it once the write is visible to them.
    transaction.on_commit(name_index_changed)

"""Build the pure-Python `NameIndex` from the database, once per data version per process.

Celery workers and web processes each hold one index; a cheap version query decides whether the
member data changed since it was built (an import adds terms, a staff edit changes a name).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models.signals import post_delete, post_save

from members.models import Member, Term
from members.name_index import MemberRecord, NameIndex, TermRecord
from members.versioned_cache import VersionedCache, column, table_figures

# Bumped by `name_index_changed()` so other processes notice edits the counts cannot see
# (an in-place update of a name or a term's end date keeps every count and max id).
DATA_VERSION_CACHE_KEY = "members:name-index-version"


def _member_figures() -> tuple[Any, ...]:
    # Counts catch deletions, max ids catch additions; the bioguide and start bounds tell apart
    # two data sets of the same size (tests roll back and reuse ids).
    return table_figures(
        [
            (Term, "COUNT(*)"),
            (Term, f"MAX({column(Term, 'pk')})"),
            (Term, f"MAX({column(Term, 'start')})"),
            (Member, "COUNT(*)"),
            (Member, f"MAX({column(Member, 'pk')})"),
            (Member, f"MIN({column(Member, 'bioguide')})"),
            (Member, f"MAX({column(Member, 'bioguide')})"),
        ]
    )


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


_index = VersionedCache(build=build_name_index, figures=_member_figures, shared_key=DATA_VERSION_CACHE_KEY)


def load_name_index() -> NameIndex:
    """The process-wide `NameIndex`, rebuilt only when the member data changed.

    Costs one small aggregate query (and a cache read) when nothing changed, two more to
    rebuild. Bulk writes (the importer) send no signals: call `name_index_changed()` after them.
    """
    return _index.get()


def name_index_changed() -> None:
    """Tell every process that member names or terms changed (call after imports and edits)."""
    _index.changed()


def name_index_generation() -> int:
    """Counts ORM writes to members and terms in this process: a key for values derived from them."""
    return _index.generation


for _model in (Member, Term):
    _label = _model._meta.model_name
    post_save.connect(_index.written, sender=_model, weak=False, dispatch_uid=f"name_index_{_label}_saved")
    post_delete.connect(
        _index.written, sender=_model, weak=False, dispatch_uid=f"name_index_{_label}_deleted"
    )

"""The tracked-letter index the engine links reports against, cached per worker process.

Building it costs four queries over every letter; a worker analysing hundreds of articles a
minute reuses it until letters change. Change detection mirrors members.name_loading: ORM
writes to letters, signatures or recipients bump a generation here (this process) and a
shared cache version (other processes, once committed); one aggregate query catches writes
that send no signals (bulk loads).
"""

from __future__ import annotations

import time
from typing import Any

from django.db.models.signals import post_delete, post_save

from members import name_loading
from members.versioned_cache import VersionedCache, column, table_figures

LETTER_INDEX_VERSION_KEY = "signatory:letter-index-version"
# How long a worker trusts its indexes before asking the database whether members or letters
# changed. The version checks cost a few ms of COUNT(*) per article on PostgreSQL; edits made in
# this process (tests, the admin in a web worker) are seen at once through the generations.
RECHECK_SECONDS = 5.0
_checked: tuple[float, tuple[int, int], Any, Any] | None = None


def _letter_figures() -> tuple[Any, ...]:
    from letters.models import Letter, LetterRecipient, Signature

    return table_figures(
        [
            figure
            for model in (Letter, Signature, LetterRecipient)
            for figure in ((model, "COUNT(*)"), (model, f"MAX({column(model, 'pk')})"))
        ]
        + [(Letter, f"MAX({column(Letter, 'updated_at')})")]
    )


def _build_letter_index():
    from tracker.extraction.loading import build_letter_index

    return build_letter_index()


_letters = VersionedCache(
    build=_build_letter_index, figures=_letter_figures, shared_key=LETTER_INDEX_VERSION_KEY
)


def current_letter_index():
    """The engine's LetterIndex over every tracked letter, rebuilt only when letters changed."""
    return _letters.get()


def letter_index_changed() -> None:
    """Tell every process that tracked letters changed."""
    global _checked
    _checked = None
    _letters.changed()


def connect_signals() -> None:
    from letters.models import Letter, LetterRecipient, Signature

    for model in (Letter, Signature, LetterRecipient):
        name = model._meta.model_name
        post_save.connect(_letters.written, sender=model, dispatch_uid=f"letter_index_{name}_saved")
        post_delete.connect(_letters.written, sender=model, dispatch_uid=f"letter_index_{name}_deleted")


_member_pks: tuple[Any, dict[str, int]] | None = None


def member_pks(bioguides) -> dict[str, int]:
    """bioguide -> Member pk for the given ids, from a map kept with the current name index.

    Saves a query per analysed article; a member the map doesn't know yet (imported since) is
    looked up directly.
    """
    from members.models import Member

    global _member_pks
    if not bioguides:
        return {}
    # Valid as long as the name index it was built with, and no member was written here since.
    key = (id(_checked[2]) if _checked is not None else None, name_loading.name_index_generation())
    cached = _member_pks
    if cached is None or cached[0] != key or key[0] is None:
        mapping = dict(Member.objects.values_list("bioguide", "pk"))
        _member_pks = cached = (key, mapping)
    found = {b: cached[1][b] for b in bioguides if b in cached[1]}
    missing = [b for b in bioguides if b not in found]
    if missing:
        found.update(Member.objects.filter(bioguide__in=missing).values_list("bioguide", "pk"))
    return found


def analysis_indexes():
    """(NameIndex, LetterIndex) for the engine, re-validated at most every RECHECK_SECONDS."""
    global _checked
    generations = (name_loading.name_index_generation(), _letters.generation)
    now = time.monotonic()
    checked = _checked
    if checked is not None and checked[1] == generations and now - checked[0] < RECHECK_SECONDS:
        return checked[2], checked[3]
    names, letters = name_loading.load_name_index(), current_letter_index()
    _checked = (now, generations, names, letters)
    return names, letters

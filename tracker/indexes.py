"""The tracked-letter index the engine links reports against, cached per worker process.

Building it costs four queries over every letter; a worker analysing hundreds of articles a
minute reuses it until letters change. Change detection mirrors members.name_loading: ORM
writes to letters, signatures or recipients bump a generation here (this process) and a
shared cache version (other processes, once committed); one aggregate query catches writes
that send no signals (bulk loads).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

LETTER_INDEX_VERSION_KEY = "signatory:letter-index-version"

_lock = threading.Lock()
_cached: tuple[tuple[Any, ...], Any] | None = None
_generation = 0
# How long a worker trusts its indexes before asking the database whether members or letters
# changed. The version checks cost a few ms of COUNT(*) per article on PostgreSQL; edits made in
# this process (tests, the admin in a web worker) are seen at once through the generations.
RECHECK_SECONDS = 5.0
_checked: tuple[float, tuple[int, int], Any, Any] | None = None


def _data_version() -> tuple[Any, ...]:
    from letters.models import Letter, Signature

    quote = connection.ops.quote_name
    figures = ", ".join(
        f"(SELECT {function} FROM {quote(model._meta.db_table)})"  # noqa: S608 - names from model metadata
        for model in (Letter, Signature)
        for function in ("COUNT(*)", f"MAX({quote(model._meta.pk.column)})")
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {figures}")
        row = cursor.fetchone()
    try:
        shared = cache.get(LETTER_INDEX_VERSION_KEY)
    except Exception:  # a cache outage must not stop analysis
        shared = None
    return (_generation, *row, shared)


def current_letter_index():
    """The engine's LetterIndex over every tracked letter, rebuilt only when letters changed."""
    from tracker.extraction.loading import load_letter_index

    global _cached
    version = _data_version()
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        if _cached is not None and _cached[0] == version:
            return _cached[1]
        index = load_letter_index()
        _cached = (version, index)
        return index


def letter_index_changed() -> None:
    """Tell every process that tracked letters changed."""
    global _cached, _checked
    _cached = None
    _checked = None
    try:
        try:
            cache.incr(LETTER_INDEX_VERSION_KEY)
        except ValueError:
            cache.set(LETTER_INDEX_VERSION_KEY, 1, timeout=None)
    except Exception:  # noqa: S110 - the in-process reset above still happened
        pass


def _letters_written(**kwargs: Any) -> None:
    global _generation
    _generation += 1
    transaction.on_commit(letter_index_changed)


def connect_signals() -> None:
    from letters.models import Letter, LetterRecipient, Signature

    for model in (Letter, Signature, LetterRecipient):
        name = model._meta.model_name
        post_save.connect(_letters_written, sender=model, dispatch_uid=f"letter_index_{name}_saved")
        post_delete.connect(_letters_written, sender=model, dispatch_uid=f"letter_index_{name}_deleted")


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
    from members import name_loading

    # Valid as long as the name index it was built with, and no member was written here since.
    key = (id(_checked[2]) if _checked is not None else None, name_loading._generation)
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
    from members import name_loading

    global _checked
    generations = (name_loading._generation, _generation)
    now = time.monotonic()
    checked = _checked
    if checked is not None and checked[1] == generations and now - checked[0] < RECHECK_SECONDS:
        return checked[2], checked[3]
    names, letters = name_loading.load_name_index(), current_letter_index()
    _checked = (now, generations, names, letters)
    return names, letters

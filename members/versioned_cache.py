"""A value built from database tables, kept once per process until the data under it changes.

The indexes the matching code reads (members' NameIndex, the tracker's LetterIndex) take many
rows to build and one small query to validate. Three signals together say the data changed:
- ORM saves and deletes in this process bump a generation (admin edits, tests), seen at once;
- the same writes, once committed, bump a version in the shared cache that other processes read;
- a single aggregate query over the tables (counts, max ids, bounds) catches the writes that send
  no signals at all (bulk loads, raw SQL).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model

T = TypeVar("T")


def column(model: type[Model], field_name: str) -> str:
    """The quoted column of a model field, for the aggregate expressions of `table_figures`."""
    field = model._meta.pk if field_name == "pk" else model._meta.get_field(field_name)
    return connection.ops.quote_name(field.column)


def table_figures(figures: Sequence[tuple[type[Model], str]]) -> tuple[Any, ...]:
    """Aggregates over whole tables, e.g. ``[(Term, "COUNT(*)"), (Term, f"MAX({column(Term, 'pk')})")]``.

    One statement of scalar subqueries, each an index-only lookup (SQLite scans the table when
    COUNT and MAX share one SELECT).
    """
    quote = connection.ops.quote_name
    select = ", ".join(
        f"(SELECT {function} FROM {quote(model._meta.db_table)})"  # noqa: S608 - names from model metadata
        for model, function in figures
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select}")
        return tuple(cursor.fetchone())


class VersionedCache(Generic[T]):
    """One value per process, rebuilt by ``build`` when ``figures`` or either change signal moves.

    Connect `written` as the post_save/post_delete receiver of the tables the value is built from;
    call `changed` after writes that send no signals.
    """

    def __init__(self, *, build: Callable[[], T], figures: Callable[[], tuple[Any, ...]], shared_key: str):
        self._build = build
        self._figures = figures
        self.shared_key = shared_key
        # Bumped on every ORM save/delete of the watched models in this process.
        self.generation = 0
        self._lock = threading.Lock()
        self._cached: tuple[tuple[Any, ...], T] | None = None

    def data_version(self) -> tuple[Any, ...]:
        return (self.generation, *self._figures(), self._shared_version())

    def get(self) -> T:
        """The current value: one version query when nothing changed, a rebuild when it did."""
        version = self.data_version()
        cached = self._cached
        if cached is not None and cached[0] == version:
            return cached[1]
        with self._lock:
            if self._cached is not None and self._cached[0] == version:
                return self._cached[1]
            value = self._build()
            self._cached = (version, value)
            return value

    def changed(self) -> None:
        """Drop this process's value and tell every other process the data changed."""
        self._cached = None
        try:
            try:
                cache.incr(self.shared_key)
            except ValueError:
                cache.set(self.shared_key, 1, timeout=None)
        except Exception:  # noqa: S110 - the in-process reset above still happened
            pass

    def written(self, **kwargs: Any) -> None:
        """Signal receiver: seen here at once, by other processes once the write is committed."""
        self.generation += 1
        transaction.on_commit(self.changed)

    def _shared_version(self) -> int | None:
        try:
            return cache.get(self.shared_key)
        except Exception:  # a cache outage must not stop the readers
            return None

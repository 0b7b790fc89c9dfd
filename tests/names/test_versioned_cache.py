"""The per-process cache the name index (and other indexes) sit in."""

import pytest

from members.models import Member
from members.versioned_cache import VersionedCache, column, table_figures

pytestmark = pytest.mark.django_db


def counting_cache() -> tuple[VersionedCache[int], list[int]]:
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        return len(builds)

    figures = lambda: table_figures([(Member, "COUNT(*)"), (Member, f"MAX({column(Member, 'pk')})")])  # noqa: E731
    return VersionedCache(build=build, figures=figures, shared_key="tests:versioned-cache"), builds


def test_value_is_built_once_while_the_tables_are_unchanged(django_assert_num_queries):
    cached, builds = counting_cache()
    assert cached.get() == 1
    with django_assert_num_queries(1):  # the version query only
        assert cached.get() == 1
    assert builds == [1]


def test_a_bulk_insert_without_signals_is_seen_by_the_table_figures():
    cached, _ = counting_cache()
    cached.get()
    Member.objects.bulk_create([Member(bioguide="A000001", first_name="Ann", last_name="Alpha")])
    assert cached.get() == 2


def test_changed_and_written_force_a_rebuild_of_in_place_edits():
    cached, _ = counting_cache()
    cached.get()
    cached.changed()
    assert cached.get() == 2
    cached.written()  # a signal receiver: the generation moves at once
    assert cached.generation == 1
    assert cached.get() == 3

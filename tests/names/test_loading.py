from datetime import date

import pytest
from django.db import connection

from members.models import Member, Term
from members.name_loading import load_name_index, name_index_changed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    name_index_changed()
    yield
    name_index_changed()


def add_member(bioguide: str, first: str, last: str, *, state: str, has_dated_terms: bool = True, **names):
    member = Member.objects.create(
        bioguide=bioguide, first_name=first, last_name=last, has_dated_terms=has_dated_terms, **names
    )
    Term.objects.create(
        member=member,
        chamber="house",
        state=state,
        district=1,
        party="R",
        party_name="Republican",
        start=date(2023, 1, 3),
        end=date(2025, 1, 3),
    )
    return member


def test_load_name_index_builds_from_the_database_in_a_fixed_number_of_queries(django_assert_num_queries):
    add_member("R000575", "Mike", "Rogers", state="AL", official_full_name="Mike Rogers")
    add_member(
        "B001228", "Mary", "Bono Mack", state="CA", other_names=[{"last": "Bono", "end": "2007-12-17"}]
    )
    add_member("X000001", "Old", "Timer", state="OH", has_dated_terms=False)

    with django_assert_num_queries(3):  # version check + terms + members
        index = load_name_index()

    assert len(index) == 2
    assert "X000001" not in index
    assert index.resolve("Mike Rogers (R-AL)", on=date(2024, 6, 1)).bioguide == "R000575"
    assert index.resolve("Mary Bono", on=date(2024, 6, 1)).bioguide == "B001228"
    assert index.term_on("R000575", date(2024, 6, 1)).state == "AL"


def test_load_name_index_is_cached_until_member_data_changes(django_assert_num_queries):
    add_member("R000575", "Mike", "Rogers", state="AL")
    first = load_name_index()

    with django_assert_num_queries(1):  # only the version check
        assert load_name_index() is first

    add_member("K000009", "Marcia", "Kaptur", state="OH", nickname="Marcy")
    second = load_name_index()
    assert second is not first
    assert second.resolve("Marcy Kaptur", on=date(2024, 6, 1)).bioguide == "K000009"


def test_name_index_changed_forces_a_rebuild_after_bulk_in_place_edits():
    member = add_member("R000575", "Mike", "Rogers", state="AL")
    first = load_name_index()
    Member.objects.filter(pk=member.pk).update(last_name="Rodgers")
    assert load_name_index() is first  # a bulk update sends no signal and keeps counts and ids
    name_index_changed()
    rebuilt = load_name_index()
    assert rebuilt is not first
    assert rebuilt.resolve("Mike Rodgers", on=date(2024, 6, 1)).bioguide == "R000575"


def test_an_edit_saved_through_the_orm_rebuilds_the_index():
    member = add_member("R000575", "Mike", "Rogers", state="AL")
    first = load_name_index()
    member.nickname = "Mikey"
    member.save()
    rebuilt = load_name_index()
    assert rebuilt is not first
    assert rebuilt.resolve("Mikey Rogers", on=date(2024, 6, 1)).bioguide == "R000575"


def test_a_deleted_term_rebuilds_the_index():
    member = add_member("R000575", "Mike", "Rogers", state="AL")
    assert load_name_index().term_on("R000575", date(2024, 6, 1)) is not None
    Term.objects.filter(member=member).delete()
    assert load_name_index().term_on("R000575", date(2024, 6, 1)) is None


def test_a_different_data_set_of_the_same_size_rebuilds_the_index():
    # Tests roll back and reuse ids, and bulk writes send no signals: the bounds tell them apart.
    Member.objects.bulk_create([Member(id=1, bioguide="A000001", first_name="Ann", last_name="Alpha")])
    first = load_name_index()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Member._meta.db_table}")  # noqa: S608 - a model table name
    Member.objects.bulk_create([Member(id=1, bioguide="B000001", first_name="Bob", last_name="Beta")])
    rebuilt = load_name_index()
    assert rebuilt is not first
    assert "B000001" in rebuilt

from datetime import date

import pytest

from members.selectors import members_serving_on, party_on, term_on
from tests.members.builders import member_build, term_build

pytestmark = pytest.mark.django_db


def test_party_on_follows_a_mid_term_switch():
    van_drew = member_build(bioguide="V000133", first="Jeff", last="Van Drew")
    term_build(van_drew, start=date(2019, 1, 3), end=date(2019, 12, 18), state="NJ", district=2, party="D")
    term_build(van_drew, start=date(2019, 12, 19), end=date(2021, 1, 3), state="NJ", district=2, party="R")

    assert party_on(van_drew, date(2019, 6, 1)) == "D"
    assert party_on(van_drew.pk, date(2020, 6, 1)) == "R"
    assert party_on(van_drew, date(2018, 6, 1)) is None


def test_term_on_prefers_the_term_starting_on_a_shared_boundary_day():
    member = member_build()
    term_build(member, start=date(2017, 1, 3), end=date(2019, 1, 3), district=9)
    new_term = term_build(member, start=date(2019, 1, 3), end=date(2021, 1, 3), district=10)

    assert term_on(member, date(2019, 1, 3)) == new_term


def test_undated_historical_terms_never_count_as_serving():
    old = member_build(has_dated_terms=False)
    term_build(old, start=None, end=None)

    assert term_on(old, date(2020, 1, 1)) is None
    assert not members_serving_on(date(2020, 1, 1)).exists()


def test_members_serving_on_narrows_by_chamber_and_state_of_the_same_term():
    kaptur = member_build(bioguide="K000009", first="Marcy", last="Kaptur")
    term_build(kaptur, start=date(2023, 1, 3), end=date(2025, 1, 3), state="OH", district=9)
    senator = member_build(bioguide="S000001", last="Senator")
    term_build(senator, start=date(2013, 1, 3), end=date(2015, 1, 3), chamber="house", state="OH")
    term_build(senator, start=date(2021, 1, 3), end=date(2027, 1, 3), chamber="senate", state="AZ")
    departed = member_build(bioguide="D000001", last="Departed")
    term_build(departed, start=date(2021, 1, 3), end=date(2022, 5, 1), state="OH")

    on = date(2024, 9, 10)
    assert set(members_serving_on(on)) == {kaptur, senator}
    assert list(members_serving_on(on, chamber="house")) == [kaptur]
    assert list(members_serving_on(on, chamber="house", state="OH")) == [kaptur]
    assert list(members_serving_on(on, state="AZ")) == [senator]
    assert not members_serving_on(on, chamber="house", state="AZ").exists()
    assert set(members_serving_on(date(2022, 1, 1), state="OH")) == {departed}


def test_members_serving_on_returns_each_member_once_on_a_boundary_day():
    member = member_build()
    term_build(member, start=date(2017, 1, 3), end=date(2019, 1, 3))
    term_build(member, start=date(2019, 1, 3), end=date(2021, 1, 3))

    assert members_serving_on(date(2019, 1, 3)).count() == 1

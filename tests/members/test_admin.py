from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members.models import Caucus, CaucusMembership, Committee, CommitteeMembership
from tests.members.builders import member_build, term_build

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def serving_member(**fields):
    member = member_build(**fields)
    term_build(member, start=TODAY - timedelta(days=100), end=TODAY + timedelta(days=100))
    return member


def queries_for(client, url) -> int:
    client.get(url)  # warm per-process caches (content types), so only the page's own queries count
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_member_list_costs_the_same_queries_for_5_or_40_members(admin_client):
    url = reverse("admin:members_member_changelist")
    for _ in range(5):
        serving_member()
    few = queries_for(admin_client, url)
    for _ in range(35):
        serving_member()

    assert queries_for(admin_client, url) == few


def test_member_list_is_searchable_by_bioguide_and_name(admin_client):
    serving_member(bioguide="K000009", first="Marcy", last="Kaptur")
    serving_member(bioguide="T000463", first="Mike", last="Turner")
    url = reverse("admin:members_member_changelist")

    by_id = admin_client.get(url, {"q": "K000009"}).context["cl"].result_list
    by_name = admin_client.get(url, {"q": "turner"}).context["cl"].result_list

    assert [m.bioguide for m in by_id] == ["K000009"]
    assert [m.bioguide for m in by_name] == ["T000463"]


def test_currently_serving_filter_uses_todays_terms(admin_client):
    serving_member(bioguide="K000009", last="Kaptur")
    former = member_build(bioguide="G000569", last="Grimm")
    term_build(former, start=date(2013, 1, 3), end=date(2015, 1, 3))
    url = reverse("admin:members_member_changelist")

    serving = admin_client.get(url, {"serving": "yes"}).context["cl"].result_list
    not_serving = admin_client.get(url, {"serving": "no"}).context["cl"].result_list

    assert [m.bioguide for m in serving] == ["K000009"]
    assert [m.bioguide for m in not_serving] == ["G000569"]


def test_chamber_party_and_state_filters_read_the_latest_term(admin_client):
    senator = member_build(bioguide="K000377", last="Kelly")
    term_build(senator, start=date(2005, 1, 4), end=date(2007, 1, 3), chamber="house", state="OH", party="R")
    term_build(senator, start=date(2023, 1, 3), end=date(2029, 1, 3), chamber="senate", state="AZ", party="D")
    url = reverse("admin:members_member_changelist")

    def bioguides(**params):
        return [m.bioguide for m in admin_client.get(url, params).context["cl"].result_list]

    assert bioguides(chamber="senate", party="D", state="AZ") == ["K000377"]
    assert bioguides(chamber="house") == []
    assert bioguides(state="OH") == []


def test_member_page_shows_terms_inline(admin_client):
    member = serving_member(bioguide="K000009", last="Kaptur")

    response = admin_client.get(reverse("admin:members_member_change", args=[member.pk]))

    assert response.status_code == 200
    assert b"OH" in response.content


def test_caucus_page_costs_the_same_queries_for_3_or_25_members(admin_client):
    caucus = Caucus.objects.create(name="Congressional Ukraine Caucus", slug="ukraine", is_bipartisan=True)
    url = reverse("admin:members_caucus_change", args=[caucus.pk])

    def add_members(count):
        for _ in range(count):
            CaucusMembership.objects.create(caucus=caucus, member=serving_member(), role="member")

    add_members(3)
    few = queries_for(admin_client, url)
    add_members(22)

    assert queries_for(admin_client, url) == few


def test_caucus_member_is_picked_by_autocomplete(admin_client):
    caucus = Caucus.objects.create(name="Congressional Ukraine Caucus", slug="ukraine")
    kaptur = serving_member(bioguide="K000009", first="Marcy", last="Kaptur")
    CaucusMembership.objects.create(caucus=caucus, member=kaptur, role="co_chair")

    page = admin_client.get(reverse("admin:members_caucus_change", args=[caucus.pk])).content.decode()
    found = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "Kapt", "app_label": "members", "model_name": "caucusmembership", "field_name": "member"},
    ).json()

    assert "admin-autocomplete" in page
    assert "Marcy Kaptur (K000009)" in page
    assert [r["id"] for r in found["results"]] == [str(kaptur.pk)]


def test_committee_page_costs_the_same_queries_for_2_or_20_members_and_subcommittees(admin_client):
    committee = Committee.objects.create(thomas_id="HSFA", name="Foreign Affairs", chamber="house")
    Committee.objects.create(thomas_id="HSFA14", name="Europe", chamber="house", parent=committee)
    url = reverse("admin:members_committee_change", args=[committee.pk])

    def add_members(count):
        for _ in range(count):
            CommitteeMembership.objects.create(committee=committee, member=serving_member(), side="majority")
            Committee.objects.create(
                thomas_id=f"HSFA{Committee.objects.count() + 50}",
                name="Sub",
                chamber="house",
                parent=committee,
            )

    add_members(2)
    few = queries_for(admin_client, url)
    add_members(18)

    assert queries_for(admin_client, url) == few
    assert queries_for(admin_client, reverse("admin:members_committee_changelist")) > 0


def test_staff_add_a_caucus_with_a_co_chair_in_one_form(admin_client):
    kaptur = serving_member(bioguide="K000009", first="Marcy", last="Kaptur")
    prefix = "memberships"

    response = admin_client.post(
        reverse("admin:members_caucus_add"),
        {
            "name": "Congressional Ukraine Caucus",
            "slug": "ukraine-caucus",
            "chamber": "house",
            "is_bipartisan": "on",
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-member": str(kaptur.pk),
            f"{prefix}-0-role": "co_chair",
            f"{prefix}-0-source": "https://example.org/ukraine-caucus",
        },
    )

    assert response.status_code == 302, response.context["errors"] if response.context else response
    membership = CaucusMembership.objects.get()
    assert (membership.member, membership.role, membership.caucus.is_bipartisan) == (kaptur, "co_chair", True)

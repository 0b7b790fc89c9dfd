"""Letters, signatures and members through the API: breakdowns, filters, CSV, writes, query counts."""

from __future__ import annotations

import csv
import io

import pytest

from letters.models import Letter
from tests.api import builders


def _titles(response) -> list[str]:
    return [row["title"] for row in response.json()["results"]]


def test_letter_list_shows_party_breakdown_at_signing_and_stated_counts(client_as, ukraine):
    rows = {row["title"]: row for row in client_as("viewer").get("/api/v1/letters/").json()["results"]}
    caucus_letter = rows["Lift limits on long-range weapons"]
    assert caucus_letter["breakdown"]["democrats"] == 2
    assert caucus_letter["breakdown"]["republicans"] == 1
    assert caucus_letter["is_bipartisan"] is True
    assert caucus_letter["stated"] == {
        "total": 25,
        "democrats": 20,
        "republicans": 5,
        "independents": None,
        "are_minimum": True,
        "unknown_signers": 22,
    }
    assert [lead["bioguide"] for lead in caucus_letter["leads"]] == ["K000009"]
    assert caucus_letter["policies"] == [
        {"slug": "ukraine-long-range-strikes", "name": "Ukraine long-range strikes", "stance": "change"}
    ]
    assert caucus_letter["caucuses"] == ["ukraine-caucus"]
    assert rows["ATACMS restrictions"]["is_bipartisan"] is False


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bipartisan=true", ["Lift limits on long-range weapons"]),
        ("bipartisan=false", ["ATACMS restrictions", "Older appeal"]),
        ("kind=agency", ["Older appeal"]),
        ("congress=118", ["ATACMS restrictions", "Lift limits on long-range weapons", "Older appeal"]),
        ("sent_after=2024-01-01", ["ATACMS restrictions", "Lift limits on long-range weapons"]),
        ("policy=ukraine-long-range-strikes", ["ATACMS restrictions", "Lift limits on long-range weapons"]),
        ("caucus=ukraine-caucus", ["Lift limits on long-range weapons"]),
        (
            "signed_by_caucus=ukraine-caucus",
            ["ATACMS restrictions", "Lift limits on long-range weapons", "Older appeal"],
        ),
        ("led_by=K000009", ["Lift limits on long-range weapons"]),
        ("member=K000009", ["Lift limits on long-range weapons"]),
        ("lead_party=R", ["ATACMS restrictions"]),
        ("signer_party=R", ["ATACMS restrictions", "Lift limits on long-range weapons"]),
        ("state=TX", ["ATACMS restrictions", "Lift limits on long-range weapons"]),
        ("search=ATACMS", ["ATACMS restrictions"]),
    ],
)
def test_letter_filters(client_as, ukraine, query, expected):
    response = client_as("viewer").get(f"/api/v1/letters/?{query}&ordering=title")
    assert response.status_code == 200
    assert _titles(response) == expected


def test_letters_order_by_signer_count(client_as, ukraine):
    titles = _titles(client_as("viewer").get("/api/v1/letters/?ordering=-signer_count"))
    assert titles[0] == "Lift limits on long-range weapons"


def test_letter_list_paginates(client_as, ukraine):
    body = client_as("viewer").get("/api/v1/letters/?page_size=2").json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_letter_list_query_count_does_not_grow_with_rows(client_as, ukraine, django_assert_num_queries):
    client = client_as("viewer")
    client.get("/api/v1/letters/")  # warm session/permission caches

    def queries_for_list() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/letters/").status_code == 200
        return len(ctx.captured_queries)

    before = queries_for_list()
    extra = [builders.member(f"Extra{n}", party="RD"[n % 2]) for n in range(6)]
    for n in range(4):
        builders.letter(
            f"More letters {n}",
            lead=extra[n],
            signers=tuple(extra[n + 1 :]),
            policies=((f"P{n}", "support"),),
        )
    with django_assert_num_queries(before):
        client.get("/api/v1/letters/")


def test_letter_detail_lists_signatures_and_caucus_shares(client_as, ukraine, django_assert_max_num_queries):
    client = client_as("viewer")
    with django_assert_max_num_queries(16):
        body = client.get(f"/api/v1/letters/{ukraine['caucus_letter'].pk}/").json()
    assert {s["member"]: s["party_at_signing"] for s in body["signatures"]} == {
        "K000009": "D",
        ukraine["dem"].bioguide: "D",
        ukraine["rep"].bioguide: "R",
    }
    assert body["caucus_shares"][0]["slug"] == "ukraine-caucus"
    assert body["caucus_shares"][0]["signed"] == 3


def test_csv_list_neutralises_formulas(client_as, ukraine):
    builders.letter('=HYPERLINK("http://evil.example","click")', kind="other")
    response = client_as("viewer").get("/api/v1/letters/?format=csv&ordering=title")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert "breakdown.democrats" in rows[0]
    assert {row["title"] for row in rows} >= {"ATACMS restrictions", "Older appeal"}


def test_csv_by_accept_header(client_as, ukraine):
    response = client_as("viewer").get("/api/v1/members/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "bioguide" in response.content.decode().splitlines()[0]


def test_editor_creates_letter_through_the_service_rules(client_as, ukraine):
    client = client_as("editor")
    response = client.post(
        "/api/v1/letters/",
        {
            "title": "Ask for air defence",
            "sent_on": "2024-10-01",
            "kind": "president",
            "recipients": ["President Joe Biden"],
            "policies": [{"policy": "ukraine-long-range-strikes", "stance": "support"}],
            "caucuses": ["ukraine-caucus"],
            "stated_total": 10,
            "stated_democrats": 8,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["congress"] == 118
    assert body["recipients"] == ["President Joe Biden"]
    assert body["policies"][0]["stance"] == "support"
    # Same validation as the admin: stated per-party counts may not exceed the stated total.
    bad = client.post(
        "/api/v1/letters/",
        {"title": "Bad counts", "stated_total": 3, "stated_democrats": 5},
        format="json",
    )
    assert bad.status_code == 400
    assert "stated_total" in bad.json()


def test_editor_updates_letter(client_as, ukraine):
    letter = ukraine["older"]
    response = client_as("editor").patch(
        f"/api/v1/letters/{letter.pk}/",
        {"title": "Older appeal, renamed", "status": "responded"},
        format="json",
    )
    assert response.status_code == 200, response.content
    letter.refresh_from_db()
    assert (letter.title, letter.status) == ("Older appeal, renamed", "responded")


def test_signature_add_refuses_duplicates_and_non_serving_members(client_as, ukraine):
    client = client_as("editor")
    letter = ukraine["atacms"]
    added = client.post(
        "/api/v1/signatures/", {"letter": letter.pk, "member": ukraine["senator"].bioguide}, format="json"
    )
    assert added.status_code == 201, added.content
    assert added.json()["chamber_at_signing"] == "senate"
    again = client.post(
        "/api/v1/signatures/", {"letter": letter.pk, "member": ukraine["senator"].bioguide}, format="json"
    )
    assert again.status_code == 400
    assert "already signed" in str(again.json())
    retired = builders.member(
        "Gone", start=__import__("datetime").date(2001, 1, 3), end=__import__("datetime").date(2003, 1, 3)
    )
    refused = client.post(
        "/api/v1/signatures/", {"letter": letter.pk, "member": retired.bioguide}, format="json"
    )
    assert refused.status_code == 400
    assert "not serving" in str(refused.json())


def test_signature_remove_goes_through_the_service(client_as, ukraine):
    signature = ukraine["atacms"].signatures.get(member=ukraine["rep"])
    assert client_as("editor").delete(f"/api/v1/signatures/{signature.pk}/").status_code == 204
    assert not Letter.objects.get(pk=ukraine["atacms"].pk).signatures.filter(member=ukraine["rep"]).exists()


def test_member_shows_current_term_groups_and_letter_counts(
    client_as, ukraine, django_assert_max_num_queries
):
    client = client_as("viewer")
    with django_assert_max_num_queries(12):
        body = client.get("/api/v1/members/K000009/").json()
    assert body["letters_led"] == 1
    assert body["letters_signed"] == 1
    assert body["caucuses"][0]["caucus"]["slug"] == "ukraine-caucus"


def test_member_list_query_count_does_not_grow_with_rows(client_as, ukraine, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("viewer")
    client.get("/api/v1/members/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/api/v1/members/")
    for n in range(10):
        builders.member(f"Later{n}")
    with django_assert_num_queries(len(ctx.captured_queries)):
        client.get("/api/v1/members/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("party=R", {"Roe", "Rigg"}),
        ("chamber=senate", {"Sands"}),
        ("caucus=ukraine-caucus", {"Kaptur", "Roe", "Dove"}),
    ],
)
def test_member_filters(client_as, ukraine, query, expected):
    body = client_as("viewer").get(f"/api/v1/members/?{query}").json()
    assert {row["last_name"] for row in body["results"]} == expected


def test_fast_list_rows_match_the_declared_serializer(ukraine):
    from django.utils import timezone

    from letters import selectors, services
    from letters.api import LetterSerializer, letter_list_rows
    from letters.models import Letter

    ukraine["atacms"].last_covered_at = timezone.now()
    ukraine["atacms"].save()
    # Every related list with more than one entry, so their orders are compared too.
    letter = ukraine["caucus_letter"]
    services.letter_set_recipients(
        letter=letter, recipients=["President Joe Biden", "Secretary of Defense Lloyd Austin"]
    )
    services.letter_set_policy(letter=letter, policy="Air defense for Ukraine", stance="support")
    services.letter_set_caucuses(
        letter=letter, caucuses=[ukraine["caucus"], builders.caucus("Baltic Caucus", ukraine["rep"])]
    )
    ukraine["senator"].nickname = "Sandy"
    ukraine["senator"].save()
    services.signature_add(letter=letter, member=ukraine["senator"], role="co_lead")
    ids = [ukraine["caucus_letter"].pk, ukraine["atacms"].pk, ukraine["older"].pk]
    letters = {
        letter.pk: letter for letter in selectors.letters_for_listing(Letter.objects.filter(pk__in=ids))
    }
    assert letter_list_rows(ids) == LetterSerializer([letters[pk] for pk in ids], many=True).data


def test_fast_detail_row_matches_the_declared_serializer(client_as, ukraine):
    import datetime as dt

    from letters import selectors, services
    from letters.api import LetterDetailSerializer
    from letters.models import Response

    letter = ukraine["caucus_letter"]
    services.letter_set_recipients(letter=letter, recipients=["President Joe Biden"])
    services.signature_add(letter=letter, member=ukraine["senator"], role="co_lead")
    Response.objects.create(letter=letter, received_on=dt.date(2024, 10, 1), summary="Noted.", url="")
    Response.objects.create(letter=letter, summary="Undated reply", url="https://example.org/r")
    body = client_as("viewer").get(f"/api/v1/letters/{letter.pk}/").json()
    assert body == LetterDetailSerializer(selectors.letter_detail(letter.pk)).data


def test_unknown_letter_is_not_found(client_as, ukraine):
    client = client_as("viewer")
    assert client.get("/api/v1/letters/999999/").status_code == 404
    assert client.get("/api/v1/letters/not-a-number/").status_code == 404


def test_fast_member_rows_match_the_declared_serializer(client_as, ukraine):
    import datetime as dt

    from letters.api import MemberWithLettersViewSet
    from members.models import CaucusMembership, Committee, CommitteeMembership

    kaptur = ukraine["kaptur"]
    kaptur.official_full_name = "Marcy Kaptur"
    kaptur.save()
    defense = Committee.objects.create(thomas_id="HSAS", name="Armed Services", chamber="house")
    approps = Committee.objects.create(thomas_id="HSAP", name="Appropriations", chamber="house")
    CommitteeMembership.objects.create(committee=defense, member=kaptur, side="minority", rank=3)
    CommitteeMembership.objects.create(
        committee=approps, member=kaptur, side="minority", rank=1, title="Ranking"
    )
    CaucusMembership.objects.create(
        caucus=builders.caucus("Baltic Caucus"), member=kaptur, role="co_chair", since=dt.date(2019, 1, 3)
    )
    body = client_as("viewer").get("/api/v1/members/?page_size=100").json()
    view = MemberWithLettersViewSet()
    members = {member.pk: member for member in view.get_queryset()}
    expected = view.serializer_class([members[row["id"]] for row in body["results"]], many=True).data
    assert body["results"] == expected
    assert any(row["committees"] and row["caucuses"] for row in body["results"])

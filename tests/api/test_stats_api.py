"""Stats endpoints: correct on small hand-built data, cacheable, constant in queries."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from letters.models import Policy
from tests.api import builders
from tracker.models import Article, Mention, ProposedLetter


def test_letters_over_time_by_month_and_kind(client_as, ukraine):
    body = client_as("viewer").get("/api/v1/stats/letters-over-time/?period=month&by=kind").json()
    assert body["rows"] == [
        {"period": "2023-05-01", "key": "agency", "letters": 1},
        {"period": "2024-09-01", "key": "president", "letters": 2},
    ]


def test_letters_over_time_by_week_and_policy(client_as, ukraine):
    body = client_as("viewer").get("/api/v1/stats/letters-over-time/?period=week&by=policy").json()
    assert {"period": "2024-09-09", "key": "ukraine-long-range-strikes", "letters": 2} in body["rows"]


def test_bad_stats_parameters_are_400(client_as, ukraine):
    client = client_as("viewer")
    assert client.get("/api/v1/stats/letters-over-time/?period=decade").status_code == 400
    assert client.get("/api/v1/stats/party-split/?limit=0").status_code == 400
    assert client.get("/api/v1/stats/whip-list/?letter=1&policy=x&chamber=house").status_code == 400
    assert client.get("/api/v1/stats/whip-list/?policy=ukraine-long-range-strikes").status_code == 400


def test_party_split_for_a_policy(client_as, ukraine):
    body = client_as("viewer").get("/api/v1/stats/party-split/?policy=ukraine-long-range-strikes").json()
    by_title = {row["title"]: row for row in body["rows"]}
    assert (
        by_title["Lift limits on long-range weapons"]["D"],
        by_title["Lift limits on long-range weapons"]["R"],
    ) == (2, 1)
    assert (by_title["ATACMS restrictions"]["D"], by_title["ATACMS restrictions"]["R"]) == (0, 2)
    assert "Older appeal" not in by_title


def test_bipartisanship_over_time(client_as, ukraine):
    body = client_as("viewer").get("/api/v1/stats/bipartisanship/").json()
    assert body["rows"] == [
        {"period": "2023-05-01", "letters": 1, "bipartisan": 0, "share": 0.0},
        {"period": "2024-09-01", "letters": 2, "bipartisan": 1, "share": 0.5},
    ]


def test_bipartisanship_counts_stated_parties_and_honours_letter_filters(client_as, ukraine):
    # Only Democrats known by name, but the press reported Republicans too: bipartisan.
    builders.letter(
        "Stated Republicans",
        sent_on=dt.date(2024, 10, 1),
        lead=ukraine["dem"],
        stated_counts={"total": 12, "D": 10, "R": 2},
    )
    builders.letter("Democrats only", sent_on=dt.date(2024, 10, 2), lead=ukraine["kaptur"])
    client = client_as("viewer")
    body = client.get("/api/v1/stats/bipartisanship/?sent_after=2024-01-01&kind=president").json()
    assert body["rows"] == [
        {"period": "2024-09-01", "letters": 2, "bipartisan": 1, "share": 0.5},
        {"period": "2024-10-01", "letters": 2, "bipartisan": 1, "share": 0.5},
    ]
    weekly = client.get("/api/v1/stats/bipartisanship/?period=week&sent_after=2024-09-30").json()
    assert weekly["rows"] == [{"period": "2024-09-30", "letters": 2, "bipartisan": 1, "share": 0.5}]


def test_whip_list_for_a_letter_over_a_state_delegation(client_as, ukraine):
    letter = ukraine["caucus_letter"]
    body = client_as("viewer").get(f"/api/v1/stats/whip-list/?letter={letter.pk}&state=OH").json()
    rows = {row["name"]: row for row in body["rows"]}
    assert set(rows) == {"Marcy Kaptur", "Pat Rigg", "Pat Sands"}
    assert rows["Marcy Kaptur"]["signed"] is True
    assert rows["Marcy Kaptur"]["role"] == "lead"
    assert rows["Marcy Kaptur"]["district"] == 9
    assert rows["Pat Rigg"]["signed"] is False
    assert rows["Pat Sands"]["chamber"] == "senate"
    assert body["summary"] == {"D": {"signed": 1, "not_signed": 1}, "R": {"signed": 0, "not_signed": 1}}


def test_whip_list_for_a_policy_over_a_caucus_only_unsigned(client_as, ukraine):
    builders.member("Newbie", party="D", state="CA")
    body = (
        client_as("viewer")
        .get(
            "/api/v1/stats/whip-list/?policy=ukraine-long-range-strikes&chamber=house&signed=false&on=2024-09-10"
        )
        .json()
    )
    assert [row["name"] for row in body["rows"]] == ["Pat Newbie"]


def test_whip_list_for_a_caucus_counts_letters_signed_on_the_policy(client_as, ukraine):
    body = (
        client_as("viewer")
        .get("/api/v1/stats/whip-list/?policy=ukraine-long-range-strikes&caucus=ukraine-caucus&on=2024-09-10")
        .json()
    )
    assert {row["name"]: row["letters_signed"] for row in body["rows"]} == {
        "Marcy Kaptur": 1,
        "Pat Dove": 1,
        "Pat Roe": 2,
    }


def test_whip_list_csv(client_as, ukraine):
    response = client_as("viewer").get(
        f"/api/v1/stats/whip-list/?letter={ukraine['atacms'].pk}&chamber=house&format=csv"
    )
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("bioguide,name,party,chamber,state,district")
    assert len(lines) == 1 + 4  # the four House members serving that day


def test_member_scorecard(client_as, ukraine):
    body = client_as("viewer").get(f"/api/v1/stats/scorecard/{ukraine['rep'].bioguide}/").json()
    assert len(body["rows"]) == 1
    policy = body["rows"][0]
    assert policy["policy"] == "ukraine-long-range-strikes"
    assert policy["stances"] == {"change": 2}
    assert {entry["title"] for entry in policy["letters"]} == {
        "ATACMS restrictions",
        "Lift limits on long-range weapons",
    }


def test_caucus_coverage(client_as, ukraine):
    body = client_as("viewer").get("/api/v1/stats/caucus-coverage/ukraine-caucus/").json()
    shares = {row["title"]: (row["caucus_signers"], row["caucus_size"]) for row in body["rows"]}
    assert shares == {
        "Lift limits on long-range weapons": (3, 3),
        "ATACMS restrictions": (1, 3),
        "Older appeal": (1, 3),
    }


def test_caucus_policy_heat_map(client_as, ukraine):
    body = client_as("viewer").get("/api/v1/stats/caucus-policy/").json()
    assert body["rows"] == [
        {
            "caucus": "ukraine-caucus",
            "policy": "ukraine-long-range-strikes",
            "signers": 3,
            "caucus_size": 3,
            "share": 1.0,
        }
    ]


def test_caucus_policy_counts_each_member_once_per_policy_and_honours_letter_filters(client_as, ukraine):
    from letters import services
    from members.models import CaucusMembership

    # A second stint in the same caucus is still one member.
    CaucusMembership.objects.create(
        caucus=ukraine["caucus"], member=ukraine["kaptur"], since=dt.date(2020, 1, 1)
    )
    builders.caucus("Baltic Caucus", ukraine["rep2"], ukraine["dem"])
    services.letter_set_policy(letter=ukraine["atacms"], policy="Air defense", stance="support")
    client = client_as("viewer")

    def cells(query: str) -> dict:
        body = client.get(f"/api/v1/stats/caucus-policy/?{query}").json()
        return {(row["caucus"], row["policy"]): (row["signers"], row["caucus_size"]) for row in body["rows"]}

    assert cells("") == {
        ("baltic-caucus", "air-defense"): (1, 2),
        ("baltic-caucus", "ukraine-long-range-strikes"): (2, 2),
        ("ukraine-caucus", "air-defense"): (1, 3),
        ("ukraine-caucus", "ukraine-long-range-strikes"): (3, 3),
    }
    assert cells("policy=air-defense&caucuses=ukraine-caucus") == {
        ("ukraine-caucus", "air-defense"): (1, 3),
        ("ukraine-caucus", "ukraine-long-range-strikes"): (1, 3),
    }


def test_review_queue_counts_and_latest(client_as, ukraine):
    article = Article.objects.create(canonical_url="https://news.example/c", title="Coverage", text="...")
    Mention.objects.create(article=article, letter=ukraine["atacms"], evidence="six House Republicans")
    ProposedLetter.objects.create(article=article, evidence="another letter", evidence_hash="x")
    body = client_as("reviewer").get("/api/v1/stats/review-queue/").json()
    assert body["mentions"] == {"pending": 1, "confirmed": 0, "rejected": 0}
    assert body["proposed_letters"]["pending"] == 1
    assert body["latest_mentions"][0]["evidence"] == "six House Republicans"


def test_stats_answer_304_until_data_changes(client_as, ukraine):
    client = client_as("viewer")
    first = client.get("/api/v1/stats/party-split/")
    etag = first["ETag"]
    assert client.get("/api/v1/stats/party-split/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    builders.letter("A fresh letter", sent_on=dt.date(2024, 10, 1), lead=ukraine["dem"])
    again = client.get("/api/v1/stats/party-split/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert again.json()["rows"][0]["title"] == "A fresh letter"


def test_confirming_through_the_api_refreshes_cached_queue(client_as, ukraine):
    article = Article.objects.create(canonical_url="https://news.example/d", title="Story", text="...")
    mention = Mention.objects.create(article=article, letter=ukraine["atacms"], evidence="e")
    client = client_as("reviewer")
    assert client.get("/api/v1/stats/review-queue/").json()["mentions"]["pending"] == 1
    assert (
        client.post(
            f"/api/v1/mentions/{mention.pk}/confirm/", {"add_signers": False}, format="json"
        ).status_code
        == 200
    )
    assert client.get("/api/v1/stats/review-queue/").json()["mentions"]["pending"] == 0


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


STATS_URLS = [
    "/api/v1/stats/letters-over-time/?by=policy",
    "/api/v1/stats/party-split/",
    "/api/v1/stats/bipartisanship/",
    "/api/v1/stats/caucus-policy/",
    "/api/v1/stats/caucus-coverage/ukraine-caucus/",
    "/api/v1/stats/whip-list/?policy=ukraine-long-range-strikes&chamber=house&on=2024-09-10",
    "/api/v1/stats/review-queue/",
]


def test_stats_query_counts_do_not_grow_with_rows(client_as, ukraine, django_assert_num_queries, settings):
    # Bypass the stats cache so each request really computes.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client = client_as("viewer")
    client.force_authenticate(builders.user("super2", superuser=True))
    before = {url: _query_count(client, url) for url in STATS_URLS}
    policy = Policy.objects.get(slug="ukraine-long-range-strikes")
    extra = [builders.member(f"Bulk{n}", party="DR"[n % 2], state="OH") for n in range(8)]
    for m in extra[:4]:
        builders.caucus(f"Caucus {m.last_name}", m, *extra[4:])
    for n in range(5):
        builders.letter(
            f"Bulk letter {n}",
            sent_on=dt.date(2024, 1 + n, 5),
            lead=extra[n],
            signers=tuple(extra[n + 1 :]),
            policies=((policy, "support"), (f"Policy {n}", "oppose")),
        )
    article = Article.objects.create(canonical_url="https://news.example/e", title="Story", text="...")
    for key in ("caucus_letter", "atacms", "older"):
        Mention.objects.create(article=article, letter=ukraine[key], evidence="e")
    for url, count in before.items():
        with django_assert_num_queries(count):
            client.get(url)

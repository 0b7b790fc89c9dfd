"""Who may read and write what through the API: anonymous, no role, viewer, editor, reviewer, superuser."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from rest_framework.test import APIClient

from tracker.models import Article, Mention, ProposedLetter

READ_URLS = [
    "/api/v1/members/",
    "/api/v1/caucuses/",
    "/api/v1/caucus-memberships/",
    "/api/v1/committees/",
    "/api/v1/letters/",
    "/api/v1/signatures/",
    "/api/v1/policies/",
    "/api/v1/recipients/",
    "/api/v1/sources/",
    "/api/v1/articles/",
    "/api/v1/mentions/",
    "/api/v1/proposed-letters/",
    "/api/v1/member-mentions/",
    "/api/v1/stats/letters-over-time/",
    "/api/v1/stats/party-split/",
    "/api/v1/stats/bipartisanship/",
    "/api/v1/stats/caucus-policy/",
    "/api/v1/stats/review-queue/",
]

READERS = {"viewer", "editor", "reviewer", "superuser"}


def test_role_groups_exist_after_migrate(db):
    assert set(
        Group.objects.filter(name__in=["viewer", "editor", "reviewer"]).values_list("name", flat=True)
    ) == {
        "viewer",
        "editor",
        "reviewer",
    }
    assert Group.objects.get(name="editor").permissions.filter(codename="add_letter").exists()
    assert Group.objects.get(name="reviewer").permissions.filter(codename="change_mention").exists()
    assert not Group.objects.get(name="viewer").permissions.exclude(codename__startswith="view_").exists()


DETAIL_URLS = [
    "/api/v1/members/K000009/",
    "/api/v1/caucuses/ukraine-caucus/",
    "/api/v1/policies/ukraine-long-range-strikes/",
    "/api/v1/stats/scorecard/K000009/",
    "/api/v1/stats/caucus-coverage/ukraine-caucus/",
    "/api/v1/stats/whip-list/?policy=ukraine-long-range-strikes&chamber=house",
]


@pytest.mark.parametrize("role", ["anonymous", "no_role", "viewer", "editor", "reviewer", "superuser"])
def test_reading_needs_a_role(client_as, ukraine, role):
    client = client_as(role)
    letter = ukraine["caucus_letter"]
    urls = [
        *READ_URLS,
        *DETAIL_URLS,
        f"/api/v1/letters/{letter.pk}/",
        f"/api/v1/stats/whip-list/?letter={letter.pk}&state=OH",
    ]
    for url in urls:
        response = client.get(url)
        # Anonymous gets 403 rather than 401: session auth comes first and sends no challenge.
        expected = {200} if role in READERS else {401, 403}
        assert response.status_code in expected, (url, response.status_code)


@override_settings(API_ANONYMOUS_READ=True)
def test_anonymous_read_setting_opens_reads_but_not_writes(users, ukraine):
    client = APIClient()
    assert client.get("/api/v1/letters/").status_code == 200
    assert client.get("/api/v1/stats/party-split/").status_code == 200
    assert client.post("/api/v1/letters/", {"title": "x"}, format="json").status_code in (401, 403)
    assert client.post("/api/v1/ingest/", {"text": "x"}, format="json").status_code in (401, 403)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 403),
        ("no_role", 403),
        ("viewer", 403),
        ("reviewer", 403),
        ("editor", 201),
        ("superuser", 201),
    ],
)
def test_only_editors_create_letters(client_as, role, expected):
    response = client_as(role).post(
        "/api/v1/letters/",
        {"title": "A new letter", "sent_on": "2024-09-10", "kind": "agency"},
        format="json",
    )
    assert response.status_code == expected, response.content


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("reviewer", 403), ("editor", 201)])
def test_only_editors_maintain_caucuses(client_as, role, expected):
    response = client_as(role).post(
        "/api/v1/caucuses/", {"name": "Shipbuilding Caucus", "slug": "ships"}, format="json"
    )
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"), [("viewer", 403), ("reviewer", 403), ("editor", 201), ("superuser", 201)]
)
def test_only_editors_add_signatures(client_as, ukraine, role, expected):
    response = client_as(role).post(
        "/api/v1/signatures/",
        {"letter": ukraine["atacms"].pk, "member": ukraine["dem"].bioguide},
        format="json",
    )
    assert response.status_code == expected, response.content


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("reviewer", 403), ("editor", 204)])
def test_only_editors_delete_letters(client_as, ukraine, role, expected):
    assert client_as(role).delete(f"/api/v1/letters/{ukraine['older'].pk}/").status_code == expected


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("reviewer", 403), ("editor", 201)])
def test_only_editors_change_caucus_memberships(client_as, ukraine, role, expected):
    response = client_as(role).post(
        "/api/v1/caucus-memberships/",
        {"caucus": "ukraine-caucus", "member": ukraine["rep2"].bioguide, "role": "member"},
        format="json",
    )
    assert response.status_code == expected, response.content


@pytest.mark.parametrize(
    ("role", "expected"), [("viewer", 403), ("editor", 403), ("reviewer", 200), ("superuser", 200)]
)
def test_only_reviewers_confirm_mentions(client_as, ukraine, role, expected):
    article = Article.objects.create(canonical_url="https://news.example/a", title="A story", text="...")
    mention = Mention.objects.create(article=article, letter=ukraine["atacms"], evidence="six Republicans")
    response = client_as(role).post(
        f"/api/v1/mentions/{mention.pk}/confirm/", {"add_signers": False}, format="json"
    )
    assert response.status_code == expected, response.content


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("editor", 403), ("reviewer", 201)])
def test_only_reviewers_create_letters_from_proposals(client_as, db, role, expected):
    article = Article.objects.create(
        canonical_url="https://news.example/b", title="Another story", text="..."
    )
    proposal = ProposedLetter.objects.create(
        article=article,
        report={"sent_on": "2024-09-10", "ask": "more aid"},
        evidence="a letter",
        evidence_hash="h",
    )
    response = client_as(role).post(f"/api/v1/proposed-letters/{proposal.pk}/create-letter/", format="json")
    assert response.status_code == expected, response.content


@pytest.mark.parametrize(("role", "expected"), [("anonymous", 403), ("no_role", 202), ("viewer", 202)])
def test_anyone_authenticated_submits_text_for_ingest(client_as, role, expected, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client_as(role).post(
        "/api/v1/ingest/", {"text": "Rep. Kaptur led a letter.", "title": "Pasted"}, format="json"
    )
    assert response.status_code == expected, response.content


def test_session_writes_need_a_csrf_token(users):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(users["editor"])
    response = client.post("/api/v1/letters/", {"title": "No token"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_token_authentication_needs_no_csrf(users):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=users["editor"])
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.post("/api/v1/letters/", {"title": "With token", "kind": "agency"}, format="json")
    assert response.status_code == 201


def test_writes_are_throttled_with_429(client_as, settings):
    rates = dict(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], writes="2/min")
    from rest_framework.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = rates
    try:
        client = client_as("editor")
        codes = [
            client.post(
                "/api/v1/letters/", {"title": f"Letter {n}", "kind": "agency"}, format="json"
            ).status_code
            for n in range(3)
        ]
        # Reads do not spend the write budget.
        assert client.get("/api/v1/letters/").status_code == 200
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original
    assert codes == [201, 201, 429]


def test_ingest_is_throttled_with_429(client_as, settings):
    from rest_framework.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = dict(original, ingest="1/min")
    try:
        client = client_as("viewer")
        codes = [
            client.post("/api/v1/ingest/", {"text": f"text number {n}"}, format="json").status_code
            for n in range(2)
        ]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original
    assert codes == [202, 429]


def test_ping_is_open_and_needs_no_database(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/api/v1/ping/").json() == {"ok": True}

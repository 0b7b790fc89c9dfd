"""The review queue and ingest through the API: actions call tracker.services, errors become 400s."""

from __future__ import annotations

from tracker.models import Article, Mention, ProposalStatus, ProposedLetter, ReviewStatus


def _article(n: int = 1) -> Article:
    return Article.objects.create(canonical_url=f"https://news.example/{n}", title=f"Story {n}", text="...")


def test_reviewer_rejects_a_mention(client_as, ukraine):
    mention = Mention.objects.create(article=_article(), letter=ukraine["atacms"], evidence="e")
    response = client_as("reviewer").post(f"/api/v1/mentions/{mention.pk}/reject/")
    assert response.status_code == 200
    assert response.json()["status"] == ReviewStatus.REJECTED


def test_pending_mentions_filter(client_as, ukraine):
    article = _article()
    Mention.objects.create(article=article, letter=ukraine["atacms"], evidence="pending one")
    Mention.objects.create(
        article=article, letter=ukraine["older"], evidence="done", status=ReviewStatus.CONFIRMED
    )
    body = client_as("viewer").get("/api/v1/mentions/?status=pending").json()
    assert [row["evidence"] for row in body["results"]] == ["pending one"]


def test_create_letter_from_proposal_then_second_click_is_refused(client_as, db):
    proposal = ProposedLetter.objects.create(
        article=_article(),
        report={"sent_on": "2024-09-10", "ask": "lift restrictions", "recipients": ["President Joe Biden"]},
        evidence="a letter to President Biden",
        evidence_hash="abc",
    )
    client = client_as("reviewer")
    first = client.post(f"/api/v1/proposed-letters/{proposal.pk}/create-letter/")
    assert first.status_code == 201, first.content
    assert first.json()["status"] == ProposalStatus.ACCEPTED
    assert first.json()["created_letter"]
    again = client.post(f"/api/v1/proposed-letters/{proposal.pk}/create-letter/")
    assert again.status_code == 400
    assert "already reviewed" in str(again.json())


def test_link_proposal_to_existing_letter(client_as, ukraine):
    proposal = ProposedLetter.objects.create(article=_article(), report={}, evidence="e", evidence_hash="h")
    response = client_as("reviewer").post(
        f"/api/v1/proposed-letters/{proposal.pk}/link/", {"letter": ukraine["atacms"].pk}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == ProposalStatus.LINKED
    assert Mention.objects.filter(letter=ukraine["atacms"], status=ReviewStatus.CONFIRMED).exists()


def test_reject_proposal_once(client_as, db):
    proposal = ProposedLetter.objects.create(article=_article(), report={}, evidence="e", evidence_hash="h")
    client = client_as("reviewer")
    assert client.post(f"/api/v1/proposed-letters/{proposal.pk}/reject/").status_code == 200
    assert client.post(f"/api/v1/proposed-letters/{proposal.pk}/reject/").status_code == 400


def test_ingest_refuses_private_addresses_and_needs_url_or_text(client_as, db):
    client = client_as("viewer")
    assert client.post("/api/v1/ingest/", {}, format="json").status_code == 400
    both = client.post("/api/v1/ingest/", {"url": "https://a.example/x", "text": "t"}, format="json")
    assert both.status_code == 400
    local = client.post("/api/v1/ingest/", {"url": "file:///etc/passwd"}, format="json")
    assert local.status_code == 400


def test_pasted_text_twice_is_one_article(client_as, db):
    client = client_as("viewer")
    first = client.post("/api/v1/ingest/", {"text": "Rep. Kaptur led a letter.", "title": "T"}, format="json")
    second = client.post(
        "/api/v1/ingest/", {"text": "Rep. Kaptur led a letter.", "title": "T"}, format="json"
    )
    assert first.json()["id"] == second.json()["id"]


def test_article_list_leaves_out_text_and_detail_has_it(client_as, db, django_assert_max_num_queries):
    article = _article()
    client = client_as("viewer")
    with django_assert_max_num_queries(8):
        listed = client.get("/api/v1/articles/").json()["results"][0]
    assert "text" not in listed
    assert client.get(f"/api/v1/articles/{article.pk}/").json()["text"] == "..."


def test_mention_list_query_count_is_constant(client_as, ukraine, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("viewer")
    Mention.objects.create(article=_article(1), letter=ukraine["atacms"], evidence="e")
    client.get("/api/v1/mentions/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/api/v1/mentions/")
    for n in range(2, 8):
        Mention.objects.create(article=_article(n), letter=ukraine["older"], evidence="e")
    with django_assert_num_queries(len(ctx.captured_queries)):
        client.get("/api/v1/mentions/")

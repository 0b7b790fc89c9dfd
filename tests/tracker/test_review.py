"""The review queue: confirm, reject, create a letter from a report, link to an existing one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.tracker.conftest import letter_report, make_member
from tracker import services
from tracker.extraction.findings import ArticleAnalysis
from tracker.models import Article, FetchStatus, Mention, ProposalStatus, ProposedLetter, ReviewStatus

pytestmark = pytest.mark.django_db

TEXT = (
    "WASHINGTON - Rep. Marcy Kaptur and Rep. Brian Fitzpatrick sent President Biden a letter on Sept. 10 "
    "asking him to lift limits on long-range weapons. Rep. Joe Wilson also signed."
)
PHRASE = "sent President Biden a letter on Sept. 10"
SIGNERS = {
    "leads": [("Marcy Kaptur", "K000009")],
    "signers": [("Brian Fitzpatrick", "F000466"), ("Joe Wilson", "W000795")],
}


def stored_article(*reports, text=TEXT) -> Article:
    article = Article.objects.create(
        canonical_url="https://news.example/kaptur-letter",
        url="https://news.example/kaptur-letter",
        title="Lawmakers urge Biden <b>to act</b>",
        text=text,
        published_at=dt.datetime(2024, 9, 13, 12, tzinfo=dt.UTC),
        fetch_status=FetchStatus.FETCHED,
    )
    services.analysis_store(article=article, analysis=ArticleAnalysis(letters=list(reports), members=[]))
    return article


@pytest.fixture
def signers(kaptur, fitzpatrick, wilson):
    return kaptur, fitzpatrick, wilson


def test_confirming_a_mention_adds_the_named_signers_and_counts_coverage_once(signers, letters_seed):
    stored_article(letter_report(TEXT, PHRASE, matched_letter=letters_seed.pk, confidence=0.5, **SIGNERS))
    mention = Mention.objects.get()
    letters_seed.refresh_from_db()
    assert letters_seed.coverage_count == 0  # low confidence: waits for review

    result = services.mention_confirm(mention=mention)
    assert result.signatures_added == 3
    signatures = {s.member.bioguide: s for s in letters_seed.signatures.select_related("member")}
    assert signatures["K000009"].role == "lead"
    assert signatures["W000795"].role == "signer"
    assert {s.source for s in signatures.values()} == {"article"}
    assert signatures["F000466"].party_at_signing == "R"

    services.mention_confirm(mention=mention)  # a second click changes nothing
    letters_seed.refresh_from_db()
    assert letters_seed.coverage_count == 1
    assert letters_seed.signatures.count() == 3
    mention.refresh_from_db()
    assert mention.status == ReviewStatus.CONFIRMED


def test_a_high_confidence_mention_counts_as_coverage_without_review(letters_seed):
    stored_article(letter_report(TEXT, PHRASE, matched_letter=letters_seed.pk, confidence=0.95))
    letters_seed.refresh_from_db()
    assert letters_seed.coverage_count == 1
    assert letters_seed.last_covered_at == dt.datetime(2024, 9, 13, 12, tzinfo=dt.UTC)


def test_a_signer_not_serving_on_the_letter_date_is_reported_not_fatal(signers, letters_seed):
    make_member("R000001", "Retired", "Member", start=dt.date(2001, 1, 3), end=dt.date(2003, 1, 3))
    stored_article(
        letter_report(
            TEXT,
            PHRASE,
            matched_letter=letters_seed.pk,
            leads=[("Marcy Kaptur", "K000009")],
            signers=[("Retired Member", "R000001")],
        )
    )
    result = services.mention_confirm(mention=Mention.objects.get())
    assert result.signatures_added == 1
    assert len(result.problems) == 1
    assert "Retired Member" in result.problems[0]


def test_creating_a_letter_from_a_report_fills_it_in_and_links_the_article(signers):
    article = stored_article(letter_report(TEXT, PHRASE, **SIGNERS))
    proposal = ProposedLetter.objects.get()
    letter, result = services.proposal_create_letter(proposal=proposal)
    assert letter.sent_on == dt.date(2024, 9, 10)
    assert letter.chamber == "house"
    assert letter.stated_democrats == 20
    assert letter.stated_republicans == 5
    assert letter.stated_total == 25
    assert letter.counts_are_minimum
    assert letter.kind == "president"
    assert "Marcy Kaptur" in letter.title
    assert article.url in letter.source_urls
    assert result.signatures_added == 3
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.created_letter == letter
    mention = Mention.objects.get()
    assert (mention.article, mention.letter, mention.status) == (article, letter, ReviewStatus.CONFIRMED)
    letter.refresh_from_db()
    assert letter.coverage_count == 1


def test_a_proposal_becomes_at_most_one_letter(signers):
    from letters.models import Letter

    stored_article(letter_report(TEXT, PHRASE, **SIGNERS))
    proposal = ProposedLetter.objects.get()
    services.proposal_create_letter(proposal=proposal)
    with pytest.raises(ValidationError, match="already reviewed"):
        services.proposal_create_letter(proposal=ProposedLetter.objects.get())
    assert Letter.objects.count() == 1


def test_linking_a_proposal_to_an_existing_letter_confirms_a_mention(signers, letters_seed):
    article = stored_article(letter_report(TEXT, PHRASE, **SIGNERS))
    proposal = ProposedLetter.objects.get()
    result = services.proposal_link(proposal=proposal, letter=letters_seed, add_signers=False)
    assert result.signatures_added == 0
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.LINKED
    assert proposal.created_letter == letters_seed
    mention = Mention.objects.get()
    assert (mention.article, mention.letter, mention.status) == (
        article,
        letters_seed,
        ReviewStatus.CONFIRMED,
    )
    assert letters_seed.signatures.count() == 0


def test_reanalysis_keeps_reviewed_findings_and_drops_stale_pending_ones(letters_seed):
    article = stored_article(
        letter_report(TEXT, PHRASE, matched_letter=letters_seed.pk, confidence=0.5),
        letter_report(TEXT, "Rep. Joe Wilson also signed"),
    )
    services.mention_confirm(mention=Mention.objects.get(), add_signers=False)
    services.analysis_store(article=article, analysis=ArticleAnalysis(letters=[], members=[]))
    assert Mention.objects.get().status == ReviewStatus.CONFIRMED
    assert ProposedLetter.objects.count() == 0


def test_bulk_reject(letters_seed):
    stored_article(letter_report(TEXT, PHRASE, matched_letter=letters_seed.pk, confidence=0.5))
    assert services.mentions_reject(mention_ids=Mention.objects.values_list("pk", flat=True)) == 1
    assert Mention.objects.get().status == ReviewStatus.REJECTED


# --- Admin ---------------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_review_queue_highlights_the_evidence_escaped(staff_client, letters_seed):
    hostile = TEXT + " <script>alert('x')</script>"
    stored_article(
        letter_report(hostile, PHRASE, matched_letter=letters_seed.pk, confidence=0.5), text=hostile
    )
    mention = Mention.objects.get()
    response = staff_client.get(reverse("admin:tracker_mention_change", args=[mention.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<mark>{PHRASE}</mark>" in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_review_lists_use_a_bounded_number_of_queries(
    staff_client, letters_seed, django_assert_max_num_queries
):
    for i in range(5):
        text = f"{TEXT} Story {i}."
        article = Article.objects.create(
            canonical_url=f"https://news.example/{i}", title=f"Story {i}", text=text
        )
        services.analysis_store(
            article=article,
            analysis=ArticleAnalysis(
                letters=[
                    letter_report(text, PHRASE, matched_letter=letters_seed.pk, confidence=0.5),
                    letter_report(text, f"Story {i}."),
                ],
                members=[],
            ),
        )
    for name in ("mention", "proposedletter", "article", "source", "membermention"):
        with django_assert_max_num_queries(12):
            response = staff_client.get(reverse(f"admin:tracker_{name}_changelist"))
        assert response.status_code == 200, name


def test_admin_confirm_action_adds_signers(staff_client, signers, letters_seed):
    stored_article(letter_report(TEXT, PHRASE, matched_letter=letters_seed.pk, confidence=0.5, **SIGNERS))
    mention = Mention.objects.get()
    response = staff_client.post(
        reverse("admin:tracker_mention_changelist"),
        {"action": "confirm_with_signers", "_selected_action": [mention.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert letters_seed.signatures.count() == 3


def test_admin_create_letter_in_one_click(staff_client, signers):
    from letters.models import Letter

    stored_article(letter_report(TEXT, PHRASE, **SIGNERS))
    proposal = ProposedLetter.objects.get()
    page = staff_client.get(reverse("admin:tracker_proposedletter_change", args=[proposal.pk]))
    create_url = reverse("admin:tracker_proposedletter_create_letter", args=[proposal.pk])
    assert create_url in page.content.decode()
    assert staff_client.get(create_url).status_code == 200
    response = staff_client.post(create_url, {"add_signers": "1"})
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.signatures.count() == 3


def test_admin_link_to_existing_letter(staff_client, letters_seed):
    stored_article(letter_report(TEXT, PHRASE))
    proposal = ProposedLetter.objects.get()
    link_url = reverse("admin:tracker_proposedletter_link", args=[proposal.pk])
    page = staff_client.get(link_url)
    assert str(letters_seed) in page.content.decode()  # a candidate near the report's date
    response = staff_client.post(link_url, {"letter_id": letters_seed.pk})
    assert response.status_code == 302
    assert Mention.objects.get().letter == letters_seed


def test_admin_submit_pasted_text(staff_client, fake_engine, django_capture_on_commit_callbacks, eager_tasks):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:tracker_article_submit"),
            {"title": "Pasted", "text": TEXT, "published": "2024-09-13"},
        )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.fetch_status == FetchStatus.SUPPLIED
    assert fake_engine.calls == 1

"""The LetterIndex built from tracked letters, and linking through it."""

from __future__ import annotations

from datetime import date

import pytest

from letters.services import letter_create, signature_add
from members.models import Member, Term
from tests.extraction.roster import roster_index
from tracker.extraction import analyse_article
from tracker.extraction.linking import recipient_key
from tracker.extraction.loading import load_letter_index


@pytest.fixture
def tracked_letter(db):
    for bioguide, first, last in (("K000009", "Marcy", "Kaptur"), ("F000466", "Brian", "Fitzpatrick")):
        member = Member.objects.create(bioguide=bioguide, first_name=first, last_name=last)
        Term.objects.create(
            member=member,
            chamber="house",
            state="OH" if last == "Kaptur" else "PA",
            party="D" if last == "Kaptur" else "R",
            party_name="",
            start=date(2023, 1, 3),
            end=date(2025, 1, 3),
        )
    letter = letter_create(
        title="Lift limits on Ukraine's use of long-range weapons",
        sent_on=date(2024, 9, 10),
        chamber="house",
        ask="lift restrictions on long-range weapons",
        recipients=["President Joe Biden"],
        stated_counts={"total": 25, "D": 20, "R": 5},
        counts_are_minimum=True,
    )
    signature_add(letter=letter, member="K000009", role="lead")
    signature_add(letter=letter, member="F000466")
    return letter


def test_index_holds_leads_signers_recipients_and_counts(
    tracked_letter, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(4):
        index = load_letter_index()
    with django_assert_max_num_queries(1):
        assert load_letter_index() is index  # unchanged data: only the version query

    record = index.record(tracked_letter.pk)
    assert record.lead_bioguides == {"K000009"}
    assert record.signer_bioguides == {"F000466"}
    assert [recipient_key(name) for name in record.recipients] == ["biden"]
    assert record.party_counts == {"D": 20, "R": 5}
    assert record.total == 25
    assert "ukraine" in record.keywords


def test_index_is_rebuilt_after_a_signature_is_added(tracked_letter) -> None:
    before = load_letter_index()
    member = Member.objects.create(bioguide="T000463", first_name="Mike", last_name="Turner")
    Term.objects.create(
        member=member, chamber="house", state="OH", party="R", party_name="", start=date(2023, 1, 3)
    )
    signature_add(letter=tracked_letter, member="T000463")

    after = load_letter_index()

    assert after is not before
    assert "T000463" in after.record(tracked_letter.pk).signer_bioguides


def test_article_about_the_tracked_letter_links_to_it(tracked_letter) -> None:
    text = (
        "Rep. Marcy Kaptur and 24 colleagues sent a letter on Sept. 10 to President Joe Biden urging him to "
        "lift restrictions on Ukraine's use of long-range weapons."
    )

    analysis = analyse_article(
        text, published=date(2024, 9, 13), names=roster_index(), letters=load_letter_index()
    )

    assert analysis.letters[0].matched_letter == tracked_letter.pk

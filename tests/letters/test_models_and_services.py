from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from letters import services
from letters.models import Letter, Signature, congress_on
from tests.letters.builders import letter_build, member_with_term, signed, term_add


@pytest.mark.parametrize(
    ("day", "congress"),
    [
        (date(2024, 9, 10), 118),
        (date(2025, 1, 2), 118),
        (date(2025, 1, 3), 119),
        (date(2023, 1, 3), 118),
        (date(2022, 12, 31), 117),
        (date(1789, 3, 4), 1),
        (date(1933, 3, 3), 72),
        (date(1933, 3, 4), 73),
    ],
)
def test_congress_number_follows_the_date(day, congress):
    assert congress_on(day) == congress


def test_letter_gets_congress_and_a_unique_slug_from_title_and_date():
    first = letter_build(title="Ukraine long-range weapons")
    second = letter_build(title="Ukraine long-range weapons")
    assert first.congress == 118
    assert first.slug == "2024-09-10-ukraine-long-range-weapons"
    assert second.slug == "2024-09-10-ukraine-long-range-weapons-2"


def test_circulating_letter_without_date_has_no_congress():
    letter = letter_build(sent_on=None, status="circulating")
    assert letter.congress is None


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-13-01", "Sept. 31, 2024", "next Tuesday", "1776-07-04"])
def test_invalid_dates_are_refused_with_the_text_shown(bad):
    with pytest.raises(ValidationError) as exc:
        letter_build(sent_on=bad)
    assert "date" in str(exc.value) or "First Congress" in str(exc.value)
    assert not Letter.objects.exists()


@pytest.mark.parametrize("text", ["2024-09-10", "9/10/2024", "Sept. 10, 2024", "September 10 2024"])
def test_dates_are_read_in_the_forms_staff_type(text):
    assert services.letter_date_parse(text) == date(2024, 9, 10)


def test_signature_copies_party_chamber_state_district_from_the_term_on_the_letter_date():
    kaptur = member_with_term(first="Marcy", last="Kaptur", party="D", state="OH", district=9)
    signature = services.signature_add(letter=letter_build(), member=kaptur, role="lead")
    assert (signature.party_at_signing, signature.chamber_at_signing) == ("D", "house")
    assert (signature.state_at_signing, signature.district_at_signing) == ("OH", 9)


def test_party_switcher_keeps_the_party_of_the_letter_date():
    switcher = member_with_term(last="Vandrew", party="D", start=date(2019, 1, 3), end=date(2019, 12, 19))
    term_add(switcher, party="R", start=date(2019, 12, 19), end=date(2021, 1, 3))
    before = services.signature_add(letter=letter_build(sent_on=date(2019, 6, 1)), member=switcher)
    after = services.signature_add(letter=letter_build(sent_on=date(2020, 6, 1)), member=switcher)
    before.refresh_from_db()
    assert before.party_at_signing == "D"
    assert after.party_at_signing == "R"


def test_member_not_serving_on_the_letter_date_needs_an_override_reason():
    retired = member_with_term(last="Gone", start=date(2015, 1, 3), end=date(2017, 1, 3))
    letter = letter_build()
    with pytest.raises(ValidationError, match="was not serving"):
        services.signature_add(letter=letter, member=retired)
    signature = services.signature_add(
        letter=letter, member=retired, override_reason="signed as former member"
    )
    assert signature.override_reason == "signed as former member"
    assert signature.party_at_signing == "D"


def test_duplicate_signature_is_refused_with_a_clear_message():
    member = member_with_term(first="Marcy", last="Kaptur")
    letter = letter_build()
    services.signature_add(letter=letter, member=member, role="lead")
    with pytest.raises(ValidationError, match="already signed this letter"):
        services.signature_add(letter=letter, member=member)
    assert Signature.objects.count() == 1


def test_chamber_is_derived_from_signers():
    letter = letter_build()
    signed(letter, member_with_term(chamber="house"))
    letter.refresh_from_db()
    assert letter.chamber == "house"
    signed(letter, member_with_term(chamber="senate", district=None))
    letter.refresh_from_db()
    assert letter.chamber == "bicameral"


def test_signer_list_with_a_lead_who_does_not_sign_writes_nothing():
    a, b = member_with_term(bioguide="A000001"), member_with_term(bioguide="B000002")
    letter = letter_build()
    with pytest.raises(ValidationError, match="not among the signers"):
        services.signatures_add_from_list(letter=letter, bioguides=[a.bioguide], lead_bioguides=[b.bioguide])
    assert not Signature.objects.exists()


def test_signer_list_is_all_or_nothing_when_one_member_was_not_serving():
    serving = member_with_term(bioguide="S000001")
    gone = member_with_term(bioguide="G000001", start=date(2009, 1, 3), end=date(2011, 1, 3))
    letter = letter_build()
    with pytest.raises(ValidationError, match="was not serving"):
        services.signatures_add_from_list(letter=letter, bioguides=[serving.bioguide, gone.bioguide])
    assert not Signature.objects.exists()


def test_signer_list_skips_members_already_signed_and_promotes_a_lead():
    a, b = member_with_term(bioguide="A000001"), member_with_term(bioguide="B000002")
    letter = letter_build()
    signed(letter, a)
    outcome = services.signatures_add_from_list(
        letter=letter, bioguides=["a000001", "B000002"], lead_bioguides=["A000001"]
    )
    assert [s.member for s in outcome.added] == [b]
    assert outcome.already_signed == [a]
    assert Signature.objects.get(member=a).role == "lead"


def test_changing_the_letter_date_rederives_party_at_signing():
    switcher = member_with_term(party="D", start=date(2019, 1, 3), end=date(2019, 12, 19))
    term_add(switcher, party="R", start=date(2019, 12, 19), end=date(2021, 1, 3))
    letter = letter_build(sent_on=date(2019, 6, 1))
    signed(letter, switcher)
    services.letter_update(letter=letter, sent_on="2020-06-01")
    assert Signature.objects.get().party_at_signing == "R"
    assert Letter.objects.get().congress == 116


def test_stated_counts_above_total_are_refused():
    with pytest.raises(ValidationError, match="add up to more"):
        letter_build(stated_counts={"total": 5, "D": 4, "R": 3})


def test_coverage_only_moves_forward_and_counts_every_report():
    letter = letter_build()
    later = datetime(2024, 9, 14, tzinfo=UTC)
    earlier = datetime(2024, 9, 12, tzinfo=UTC)
    services.letter_record_coverage(letter=letter, at=later)
    services.letter_record_coverage(letter=letter, at=earlier)
    assert letter.coverage_count == 2
    assert letter.last_covered_at == later


def test_response_marks_a_sent_letter_responded_and_refuses_a_date_before_sending():
    letter = letter_build(recipients=["President Joe Biden"])
    with pytest.raises(ValidationError, match="before the letter was sent"):
        services.response_add(letter=letter, received_on="2024-09-01")
    services.response_add(
        letter=letter, received_on="2024-10-01", summary="Acknowledged", responder="President Joe Biden"
    )
    letter.refresh_from_db()
    assert letter.status == "responded"
    assert letter.responses.get().responder == letter.recipients.get()


def test_deleted_letter_is_restored_with_its_signatures_recipients_and_policies():
    kaptur = member_with_term(first="Marcy", last="Kaptur", party="D")
    fitz = member_with_term(first="Brian", last="Fitzpatrick", party="R", state="PA")
    letter = letter_build(
        recipients=["President Joe Biden"],
        policies=[("U.S. restrictions on Ukraine's use of long-range weapons", "oppose")],
    )
    signed(letter, kaptur, role="lead")
    signed(letter, fitz)
    letter_id = letter.pk
    letter.delete()
    assert not Signature.objects.exists()

    restored = services.letter_restore(letter_id=letter_id)

    assert restored.pk == letter_id
    assert {(s.member, s.role, s.party_at_signing) for s in restored.signatures.all()} == {
        (kaptur, "lead", "D"),
        (fitz, "signer", "R"),
    }
    assert [str(r) for r in restored.recipients.all()] == ["President Joe Biden"]
    assert restored.letter_policies.get().stance == "oppose"


def test_edits_are_kept_in_history():
    letter = letter_build(title="First title")
    services.letter_update(letter=letter, title="Better title")
    assert [h.title for h in letter.history.order_by("history_date")] == ["First title", "Better title"]


def test_restored_letter_gets_its_sponsoring_caucus_back():
    from tests.letters.builders import caucus_build

    caucus = caucus_build()
    letter = letter_build(caucuses=[caucus])
    letter_id = letter.pk
    letter.delete()
    restored = services.letter_restore(letter_id=letter_id)
    assert list(restored.caucuses.all()) == [caucus]


def test_restoring_a_letter_that_exists_is_refused():
    letter = letter_build()
    with pytest.raises(ValidationError, match="is not deleted"):
        services.letter_restore(letter_id=letter.pk)


def test_date_change_that_leaves_a_signer_not_serving_is_refused_whole():
    member = member_with_term(start=date(2023, 1, 3), end=date(2025, 1, 3))
    letter = letter_build()
    signed(letter, member)
    with pytest.raises(ValidationError, match="was not serving"):
        services.letter_update(letter=letter, sent_on="2019-05-01", title="Changed")
    letter.refresh_from_db()
    assert (letter.sent_on, letter.title) == (date(2024, 9, 10), "Letter on Ukraine")


def test_recipients_are_reused_by_their_display_text():
    president = services.recipient_get_or_create(name="Joe Biden", office="President")
    assert services.recipient_get_or_create(text="president  joe biden") == president
    meta = services.recipient_get_or_create(organization="Meta")
    assert services.recipient_get_or_create(text="Meta") == meta
    assert services.recipient_get_or_create(text="Secretary Lloyd Austin").name == "Secretary Lloyd Austin"

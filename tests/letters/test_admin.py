"""The staff admin: list, change page with signatures, paste a signer list, CSV, restore."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters.models import Letter, Signature
from members.name_loading import name_index_changed
from tests.letters.builders import caucus_build, letter_build, member_with_term, signed


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw-for-tests-only")
    client.force_login(user)
    return client


@pytest.fixture
def kaptur_letter():
    kaptur = member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    wilson = member_with_term(
        bioguide="W000795", first="Joe", last="Wilson", party="R", state="SC", district=2
    )
    letter = letter_build(
        title="Lift long-range limits",
        recipients=["President Joe Biden"],
        policies=[("Restrictions on long-range weapons", "oppose")],
        caucuses=[caucus_build(members=(kaptur, wilson))],
        stated_counts={"total": 25, "D": 20, "R": 5},
        counts_are_minimum=True,
    )
    signed(letter, kaptur, role="lead")
    signed(letter, wilson)
    return letter


def _add_letters(n: int, signers: int) -> None:
    for i in range(n):
        letter = letter_build(title=f"Letter {i}", recipients=["President Joe Biden"])
        signed(letter, member_with_term(party="D"), role="lead")
        for _ in range(signers):
            signed(letter, member_with_term(party="R", state="TX"))


@pytest.mark.parametrize("signers", [1, 8])
def test_changelist_query_count_does_not_grow_with_signers(staff, signers, django_assert_max_num_queries):
    _add_letters(4, signers)
    # session + user + letters page + leads + recipients + filter choices; fixed, whatever the signers
    with django_assert_max_num_queries(12):
        response = staff.get(reverse("admin:letters_letter_changelist"))
    assert response.status_code == 200
    assert b"Letter 3" in response.content


def test_changelist_filters_and_search_by_lead_name(staff, kaptur_letter):
    letter_build(title="Unrelated")
    url = reverse("admin:letters_letter_changelist")
    assert b"Unrelated" not in staff.get(url, {"q": "kaptur"}).content
    assert b"Lift long-range limits" in staff.get(url, {"q": "kaptur"}).content
    assert b"Unrelated" not in staff.get(url, {"bipartisan": "yes"}).content
    assert b"Lift long-range limits" in staff.get(url, {"lead_party": "D"}).content
    assert b"Lift long-range limits" not in staff.get(url, {"lead_party": "R"}).content
    policy = kaptur_letter.policies.get()
    assert b"Unrelated" not in staff.get(url, {"policy": policy.pk}).content


def test_change_page_shows_breakdown_and_caucus_share(staff, kaptur_letter):
    response = staff.get(reverse("admin:letters_letter_change", args=[kaptur_letter.pk]))
    body = response.content.decode()
    assert "Democrats 1, Republicans 1" in body
    assert "record states at least 25: 23 not yet known by name" in body
    assert "Congressional Ukraine Caucus: 2 of 2 members signed" in body
    assert "Paste a signer list" in body


def _inline_post(letter: Letter, **signature) -> dict:
    data = {
        "title": letter.title,
        "sent_on": "2024-09-10",
        "status": "sent",
        "kind": "other",
        "chamber": "",
        "ask": "",
        "summary": "",
        "full_text": "",
        "source_urls": "[]",
        "tags": "[]",
        "notes": "",
        "counts_are_minimum": "",
        "signatures-TOTAL_FORMS": "1",
        "signatures-INITIAL_FORMS": "0",
        "letter_recipients-TOTAL_FORMS": "0",
        "letter_recipients-INITIAL_FORMS": "0",
        "letter_policies-TOTAL_FORMS": "0",
        "letter_policies-INITIAL_FORMS": "0",
        "responses-TOTAL_FORMS": "0",
        "responses-INITIAL_FORMS": "0",
    }
    data.update({f"signatures-0-{key}": value for key, value in signature.items()})
    return data


def test_adding_a_member_not_serving_needs_an_override_reason(staff):
    letter = letter_build(title="Date check")
    gone = member_with_term(last="Gone", start=date(2001, 1, 3), end=date(2003, 1, 3))
    url = reverse("admin:letters_letter_change", args=[letter.pk])
    refused = staff.post(url, _inline_post(letter, member=gone.pk, role="signer", source="manual"))
    assert refused.status_code == 200
    assert "was not serving in Congress on 2024-09-10" in refused.content.decode()
    assert not Signature.objects.exists()
    accepted = staff.post(
        url,
        _inline_post(
            letter, member=gone.pk, role="signer", source="manual", override_reason="Signed as retiree"
        ),
    )
    assert accepted.status_code == 302
    assert Signature.objects.get().override_reason == "Signed as retiree"


def test_duplicate_signature_in_the_inline_shows_a_clear_error(staff, kaptur_letter):
    kaptur = Signature.objects.get(member__bioguide="K000009").member
    url = reverse("admin:letters_letter_change", args=[kaptur_letter.pk])
    data = _inline_post(kaptur_letter, member=kaptur.pk, role="signer", source="manual")
    # keep the existing inline rows untouched
    response = staff.post(url, {**data, "signatures-TOTAL_FORMS": "1", "signatures-INITIAL_FORMS": "0"})
    assert "already signed this letter" in response.content.decode()
    assert kaptur_letter.signatures.count() == 2


def test_invalid_date_on_the_letter_form(staff):
    letter = letter_build(title="Bad date")
    data = _inline_post(letter)
    data["sent_on"] = "2024-02-30"
    data["signatures-TOTAL_FORMS"] = "0"
    response = staff.post(reverse("admin:letters_letter_change", args=[letter.pk]), data)
    assert "is not a valid date" in response.content.decode()


def test_paste_signer_list_previews_then_adds_only_confirmed(staff):
    letter = letter_build(title="Paste")
    member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    member_with_term(bioguide="R000575", first="Mike", last="Rogers", party="R", state="AL", district=3)
    member_with_term(bioguide="R000572", first="Mike", last="Rogers", party="R", state="MI", district=8)
    name_index_changed()
    url = reverse("admin:letters_letter_paste_signers", args=[letter.pk])
    block = "Marcy Kaptur\nMember of Congress\n\nMike Rogers\nMember of Congress\n\nNobody Known\n"

    preview = staff.post(url, {"text": block, "action": "preview"})
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "ambiguous" in body
    assert "Mike Rogers (R-MI-08, House) [R000572]" in body
    assert "unresolved" in body
    assert not Signature.objects.exists()

    confirmed = staff.post(
        url,
        {
            "text": block,
            "action": "confirm",
            "pick_0": "K000009",
            "lead_0": "1",
            "pick_1": "R000572",
            "pick_2": "",
        },
    )
    assert confirmed.status_code == 302
    assert {(s.member.bioguide, s.role, s.source) for s in letter.signatures.all()} == {
        ("K000009", "lead", "signer_list"),
        ("R000572", "signer", "signer_list"),
    }


def test_csv_import_dry_run_shows_row_errors(staff):
    member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    upload = SimpleUploadedFile(
        "letters.csv",
        b"title,sent_on,leads\nGood,2024-09-10,K000009\nBad,2024-13-01,\n",
        content_type="text/csv",
    )
    response = staff.post(reverse("admin:letters_letter_import_csv"), {"file": upload, "dry_run": "on"})
    body = response.content.decode()
    assert "is not a valid date" in body
    assert not Letter.objects.exists()


def test_export_letters_as_csv_from_the_admin(staff, kaptur_letter):
    response = staff.post(
        reverse("admin:letters_letter_export"),
        {
            "format": "0",
            "resource": "0",
            **{f"letterresource_{name}": "on" for name in ("slug", "title", "leads")},
        },
    )
    assert response.status_code == 200
    assert b"K000009" in response.content


def test_deleted_letter_can_be_restored_from_the_admin(staff, kaptur_letter):
    letter_id = kaptur_letter.pk
    staff.post(reverse("admin:letters_letter_delete", args=[letter_id]), {"post": "yes"})
    assert not Letter.objects.filter(pk=letter_id).exists()
    listing = staff.get(reverse("admin:letters_letter_deleted"))
    assert b"Lift long-range limits" in listing.content
    staff.post(reverse("admin:letters_letter_restore", args=[letter_id]))
    assert Letter.objects.get(pk=letter_id).signatures.count() == 2


def test_member_page_lists_letters_led_and_signed(staff, kaptur_letter):
    kaptur = Signature.objects.get(member__bioguide="K000009").member
    body = staff.get(reverse("admin:members_member_change", args=[kaptur.pk])).content.decode()
    assert "Lift long-range limits" in body
    assert "Lead" in body


def test_policy_page_lists_letters_and_members_by_stance(staff, kaptur_letter):
    policy = kaptur_letter.policies.get()
    body = staff.get(reverse("admin:letters_policy_change", args=[policy.pk])).content.decode()
    assert "Lift long-range limits" in body
    assert "Oppose" in body
    assert "Joe Wilson (R-SC)" in body


def test_adding_a_letter_with_its_lead_in_one_save(staff):
    kaptur = member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    data = _inline_post(Letter(title="New letter"), member=kaptur.pk, role="lead", source="manual")
    data["sent_on"] = "Sept. 10, 2024"
    response = staff.post(reverse("admin:letters_letter_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    letter = Letter.objects.get()
    assert (letter.sent_on, letter.congress, letter.chamber) == (date(2024, 9, 10), 118, "house")
    signature = letter.signatures.get()
    assert (signature.role, signature.party_at_signing, signature.state_at_signing) == ("lead", "D", "OH")
    assert letter.history.count() >= 1
    assert signature.history.count() == 1


def test_stated_counts_above_the_total_are_refused_on_the_form(staff):
    data = _inline_post(Letter(title="Counts"))
    data.update(
        {
            "signatures-TOTAL_FORMS": "0",
            "stated_total": "5",
            "stated_democrats": "4",
            "stated_republicans": "3",
        }
    )
    response = staff.post(reverse("admin:letters_letter_add"), data)
    assert "add up to more than the stated total" in response.content.decode()
    assert not Letter.objects.exists()


def test_staff_can_mark_signatures_verified_in_bulk(staff, kaptur_letter):
    ids = list(Signature.objects.values_list("pk", flat=True))
    staff.post(
        reverse("admin:letters_signature_changelist"),
        {"action": "mark_verified", "_selected_action": ids},
    )
    assert all(Signature.objects.values_list("verified", flat=True))
    assert Signature.history.filter(verified=True).count() == 2

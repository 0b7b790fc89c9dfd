import pytest
from django.core.management import CommandError, call_command

from letters import selectors
from letters.models import Letter
from members.models import CaucusMembership
from tests.letters.builders import member_with_term

DEMO_MEMBERS = {
    "K000009": ("Marcy", "Kaptur", "D", "OH"),
    "R000575": ("Mike", "Rogers", "R", "AL"),
    "M001157": ("Michael", "McCaul", "R", "TX"),
    "T000463": ("Mike", "Turner", "R", "OH"),
    "K000398": ("Thomas", "Kean", "R", "NJ"),
    "C000059": ("Ken", "Calvert", "R", "CA"),
    "H001067": ("Richard", "Hudson", "R", "NC"),
}


def test_load_demo_without_members_fails_with_a_clear_message():
    with pytest.raises(CommandError, match=r"run `python manage\.py import_members` first"):
        call_command("load_demo")
    assert not Letter.objects.exists()


def test_load_demo_creates_the_two_letters_once():
    for bioguide, (first, last, party, state) in DEMO_MEMBERS.items():
        member_with_term(bioguide=bioguide, first=first, last=last, party=party, state=state)
    call_command("load_demo")
    call_command("load_demo")

    kaptur_letter, atacms = selectors.letters_with_breakdowns().order_by("-stated_total")
    assert Letter.objects.count() == 2
    assert all(letter.is_demo for letter in Letter.objects.all())
    assert (kaptur_letter.stated_democrats, kaptur_letter.stated_republicans) == (20, 5)
    assert kaptur_letter.counts_are_minimum
    assert kaptur_letter.is_bipartisan
    assert kaptur_letter.signatures.get().role == "lead"
    assert [c.slug for c in kaptur_letter.caucuses.all()] == ["congressional-ukraine-caucus"]
    assert (atacms.republicans, atacms.stated_total, atacms.unknown_signers) == (6, 6, 0)
    assert str(atacms.recipients.get()) == "President Joe Biden"
    assert atacms.letter_policies.get().stance == "oppose"
    assert CaucusMembership.objects.get(member__bioguide="K000009").role == "co_chair"

from datetime import date

import pytest

from letters import selectors
from letters.models import Letter
from members.models import CaucusMembership
from tests.letters.builders import caucus_build, letter_build, member_with_term, signed, term_add


def _letter_with(democrats: int, republicans: int, *, senators: int = 0, **fields) -> Letter:
    letter = letter_build(**fields)
    for n in range(democrats):
        signed(letter, member_with_term(party="D", state="OH", district=n + 1))
    for n in range(republicans):
        signed(letter, member_with_term(party="R", state="TX", district=n + 1))
    for _ in range(senators):
        signed(letter, member_with_term(party="D", chamber="senate", state="AZ", district=None))
    return letter


def test_breakdown_counts_party_and_chamber_at_signing_and_states():
    letter = _letter_with(3, 2, senators=1)
    row = selectors.letters_with_breakdowns().get(pk=letter.pk)
    assert (row.signer_count, row.democrats, row.republicans, row.independents) == (6, 4, 2, 0)
    assert (row.house_signers, row.senate_signers) == (5, 1)
    assert row.states_represented == 3
    assert row.is_bipartisan is True


def test_party_at_signing_counts_even_after_a_later_switch():
    switcher = member_with_term(party="D", start=date(2023, 1, 3), end=date(2024, 12, 1))
    term_add(switcher, party="R", start=date(2024, 12, 1), end=date(2025, 1, 3))
    letter = letter_build(sent_on=date(2024, 9, 10))
    signed(letter, switcher)
    row = selectors.letters_with_breakdowns().get(pk=letter.pk)
    assert (row.democrats, row.republicans) == (1, 0)


def test_one_party_letter_is_not_bipartisan_unless_the_stated_counts_say_so():
    only_d = _letter_with(2, 0)
    stated = _letter_with(1, 0, title="Kaptur letter", stated_counts={"D": 20, "R": 5, "total": 25})
    rows = {row.pk: row for row in selectors.letters_with_breakdowns()}
    assert rows[only_d.pk].is_bipartisan is False
    assert rows[stated.pk].is_bipartisan is True


def test_discrepancy_between_stated_and_known_signers():
    letter = _letter_with(2, 1, stated_counts={"total": 25, "D": 20, "R": 5}, counts_are_minimum=True)
    unstated = _letter_with(1, 0, title="No counts stated")
    rows = {row.pk: row for row in selectors.letters_with_breakdowns()}
    assert (rows[letter.pk].unknown_signers, rows[letter.pk].missing_democrats) == (22, 18)
    assert rows[letter.pk].missing_republicans == 4
    assert rows[unstated.pk].unknown_signers is None


@pytest.mark.parametrize("signers", [1, 12])
def test_listing_costs_the_same_queries_whatever_the_number_of_signers(signers, django_assert_num_queries):
    for n in range(3):
        letter = _letter_with(signers, signers, title=f"Letter {n}", recipients=["President Joe Biden"])
        lead = member_with_term(party="D")
        signed(letter, lead, role="lead")
    # 1 letters with annotations + 1 leads prefetch + 1 recipients prefetch
    with django_assert_num_queries(3):
        rows = list(selectors.letters_for_listing())
        summary = [
            (r.signer_count, r.democrats, [s.member.last_name for s in r.lead_signatures], r.recipient_links)
            for r in rows
        ]
    assert all(count == 2 * signers + 1 for count, *_ in summary)


def test_caucus_share_is_signed_members_over_caucus_members():
    members = [member_with_term(party="D") for _ in range(3)] + [member_with_term(party="R")]
    caucus = caucus_build(members=tuple(members))
    outsider = member_with_term(party="R")
    letter = letter_build(caucuses=[caucus])
    signed(letter, members[0], members[3], outsider)
    row = selectors.letters_with_caucus_share(caucus).get(pk=letter.pk)
    assert (row.caucus_signers, row.caucus_size) == (2, 4)
    assert row.caucus_share == pytest.approx(0.5)
    [share] = selectors.letter_caucus_shares(letter)
    assert (share.caucus, share.signed, share.members) == (caucus, 2, 4)


def test_caucus_membership_is_taken_on_the_letter_date():
    joined_late, early = member_with_term(), member_with_term()
    caucus = caucus_build(members=(early,))
    CaucusMembership.objects.create(caucus=caucus, member=joined_late, since=date(2024, 12, 1))
    letter = letter_build(sent_on=date(2024, 9, 10))
    signed(letter, joined_late, early)
    row = selectors.letters_with_caucus_share(caucus).get(pk=letter.pk)
    assert (row.caucus_signers, row.caucus_size) == (1, 1)


@pytest.mark.parametrize("signers", [1, 10])
def test_caucus_share_query_count_does_not_grow(signers, django_assert_num_queries):
    members = [member_with_term() for _ in range(signers)]
    caucus = caucus_build(members=tuple(members))
    letter = letter_build(caucuses=[caucus])
    signed(letter, *members)
    with django_assert_num_queries(1):
        shares = selectors.letter_caucus_shares(letter)
    assert shares[0].signed == signers


def test_letters_led_by_a_party_at_signing():
    d_led = letter_build(title="D led")
    signed(d_led, member_with_term(party="D"), role="lead")
    signed(d_led, member_with_term(party="R"))
    r_led = letter_build(title="R led")
    signed(r_led, member_with_term(party="R"), role="co_lead")
    assert list(selectors.letters_led_by_party("R")) == [r_led]


def test_policy_signatures_carry_the_letter_stance():
    letter = letter_build(policies=[("Restrictions on long-range weapons", "oppose")])
    member = member_with_term()
    signed(letter, member)
    policy = letter.policies.get()
    [signature] = selectors.policy_signatures(policy)
    assert (signature.member, signature.stance) == (member, "oppose")

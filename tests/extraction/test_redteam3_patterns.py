"""Phrasings found by an unseen red-team pass: each case is written afresh, not copied from it."""

from __future__ import annotations

from datetime import date

from tracker.extraction import analyse_article


def test_surname_after_a_sentence_ending_in_a_capitalised_word_is_the_member(names) -> None:
    text = (
        "Sen. Sherrod Brown toured the plant outside Lordstown Assembly.\n\n"
        "Brown sent a letter Monday to Transportation Secretary Pete Buttigieg about the jobs."
    )

    analysis = analyse_article(text, published=date(2023, 5, 3), names=names)

    (letter,) = analysis.letters
    assert [lead.bioguide for lead in letter.leads] == ["B000944"]
    assert letter.recipients == ["Pete Buttigieg"]
    assert letter.sent_on == date(2023, 5, 1)


def test_descriptive_subject_with_appositive_sends_the_letter(names) -> None:
    text = (
        "Sen. Jon Tester was not satisfied with the answer. The Montana Democrat, who leads a "
        "spending panel, fired off a letter to Defense Secretary Lloyd Austin on Friday asking "
        "for the base to stay open."
    )

    analysis = analyse_article(text, published=date(2023, 3, 6), names=names)

    (letter,) = analysis.letters
    assert [lead.bioguide for lead in letter.leads] == ["T000464"]
    assert letter.recipients == ["Lloyd Austin"]
    assert letter.sent_on == date(2023, 3, 3)


def test_pronoun_with_had_written_reports_an_earlier_letter(names) -> None:
    text = (
        "Sen. Elizabeth Warren criticized the bank's new fees on Monday. She had written to "
        "Comptroller Michael Hsu about the same fees last year."
    )

    analysis = analyse_article(text, published=date(2023, 5, 3), names=names)

    (letter,) = analysis.letters
    assert [lead.bioguide for lead in letter.leads] == ["W000817"]
    assert letter.recipients == ["Michael Hsu"]


def test_sender_with_party_appositive_after_the_recipient_is_not_a_recipient(names) -> None:
    text = (
        "Sen. Sherrod Brown on Wednesday pressed the railroad again.\n\n"
        "In a letter to Norfolk Southern CEO Alan Shaw, Brown, an Ohio Democrat who chairs the "
        "Banking Committee, asked for a cleanup fund."
    )

    analysis = analyse_article(text, published=date(2023, 3, 2), names=names)

    (letter,) = analysis.letters
    assert letter.recipients == ["Alan Shaw"]
    assert [lead.bioguide for lead in letter.leads] == ["B000944"]


def test_hard_wrapped_press_release_with_hyphenated_letter(names) -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n\n"
        "WASHINGTON - Today, U.S. Senator Elizabeth Warren\n"
        "(D-Mass.) and Senator Sherrod Brown (D-Ohio) sent a let-\n"
        "ter to Federal Reserve Chair Jerome\n"
        "Powell urging him to tighten rules for the\n"
        "largest banks before the end of the year.\n\n###"
    )

    analysis = analyse_article(text, published=date(2023, 3, 2), names=names)

    (letter,) = analysis.letters
    assert letter.recipients == ["Jerome Powell"]
    assert {signer.bioguide for signer in letter.signers} == {"W000817", "B000944"}
    assert letter.sent_on == date(2023, 3, 2)


def test_addressee_as_indirect_object_of_sent(names) -> None:
    text = (
        "Sen. Rick Scott sent Commerce Secretary Gina Raimondo a two-page letter on Thursday "
        "about the port cranes."
    )

    analysis = analyse_article(text, published=date(2023, 3, 4), names=names)

    (letter,) = analysis.letters
    assert letter.recipients == ["Gina Raimondo"]
    assert [lead.bioguide for lead in letter.leads] == ["S001217"]
    assert letter.sent_on == date(2023, 3, 2)


def test_count_with_a_county_qualifier() -> None:
    from tracker.extraction.counts import find_counts

    text = "Three Bay Area Democrats signed the request."
    counts = find_counts(text, 0, len(text))
    assert counts.party == {"D": 3}
    assert counts.total == 3


def test_addressee_as_subject_of_received_a_letter(names) -> None:
    text = (
        "Transportation Secretary Pete Buttigieg received a letter Monday from Sen. Sherrod Brown "
        "asking for rail safety rules."
    )

    analysis = analyse_article(text, published=date(2023, 3, 8), names=names)

    (letter,) = analysis.letters
    assert letter.recipients == ["Pete Buttigieg"]
    assert {member.bioguide for member in letter.leads + letter.signers} == {"B000944"}

"""Splitting pasted signer lists into the people they name (no member matching here)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from letters.signer_lists import Hints, split_signer_list
from members.names import parse_member_reference


def texts(block: str) -> list[str]:
    """The pieces that name someone (the names core drops "Sincerely", "U.S. Senator", ...)."""
    return [piece.text for piece in split_signer_list(block) if parse_member_reference(piece.text)]


def test_dear_colleague_block_with_member_of_congress_under_each_name():
    block = """Sincerely,

Marcy Kaptur
Member of Congress

Brian K. Fitzpatrick
Member of Congress

Joe Wilson
Member of Congress
"""
    assert texts(block) == ["Marcy Kaptur", "Brian K. Fitzpatrick", "Joe Wilson"]


def test_two_column_block_flattened_by_a_pdf_copy():
    block = (
        "Marcy Kaptur                         Brian Fitzpatrick\n"
        "Member of Congress                   Member of Congress\n\n"
        "Mike Quigley\t\tAndy Harris, M.D.\n"
        "Member of Congress\t\tMember of Congress\n"
    )
    assert texts(block) == ["Marcy Kaptur", "Brian Fitzpatrick", "Mike Quigley", "Andy Harris"]


def test_senate_block_with_electronic_signatures():
    block = "/s/ Elizabeth Warren\nUnited States Senator\nBernard Sanders\nUnited States Senator\n"
    assert texts(block) == ["Elizabeth Warren", "Bernard Sanders"]


def test_press_release_sentence_keeps_the_hints_and_the_chamber_of_the_title():
    pieces = split_signer_list(
        "The letter was signed by Reps. Jim McGovern (D-MA), Jan Schakowsky (D-IL) and Marcy Kaptur (D-OH)."
    )
    assert [p.text for p in pieces] == [
        "Reps. Jim McGovern (D-MA)",
        "Jan Schakowsky (D-IL)",
        "Marcy Kaptur (D-OH)",
    ]
    assert {p.chamber for p in pieces} == {"house"}


def test_senators_sentence_with_oxford_comma_and_trailing_prose():
    pieces = split_signer_list(
        "Senators Elizabeth Warren, Bernie Sanders, and Ed Markey wrote to Secretary Austin."
    )
    assert [p.text for p in pieces] == ["Senators Elizabeth Warren", "Bernie Sanders", "Ed Markey"]
    assert {p.chamber for p in pieces} == {"senate"}


def test_lead_named_before_the_list_in_a_press_release():
    text = (
        "Today, Rep. Marcy Kaptur (OH-09), co-chair of the Congressional Ukraine Caucus, led 25 colleagues, "
        "including Reps. Joe Wilson (R-SC) and Steve Cohen (D-TN), in a letter."
    )
    assert texts(text) == ["Rep. Marcy Kaptur (OH-09)", "Reps. Joe Wilson (R-SC)", "Steve Cohen (D-TN)"]


def test_last_name_first_lines_stay_whole():
    block = "Kaptur, Marcy\nFitzpatrick, Brian\nVan Drew, Jeff\nKean Jr., Thomas\nRogers, Mike (R-AL)"
    assert texts(block) == [
        "Kaptur, Marcy",
        "Fitzpatrick, Brian",
        "Van Drew, Jeff",
        "Kean Jr., Thomas",
        "Rogers, Mike (R-AL)",
    ]


def test_comma_separated_names_on_one_line():
    assert texts("Marcy Kaptur, Brian Fitzpatrick, Mike Quigley & Joe Wilson") == [
        "Marcy Kaptur",
        "Brian Fitzpatrick",
        "Mike Quigley",
        "Joe Wilson",
    ]


def test_committee_titles_under_names_are_not_people():
    block = """Rep. Mike Rogers (R-AL)
Chairman, House Armed Services Committee
Rep. Michael McCaul (R-TX)
Chairman, House Foreign Affairs Committee
Co-Chair, Congressional Ukraine Caucus
Rep. Thomas H. Kean, Jr."""
    assert texts(block) == [
        "Rep. Mike Rogers (R-AL)",
        "Rep. Michael McCaul (R-TX)",
        "Rep. Thomas H. Kean, Jr.",
    ]


def test_hint_lines_under_a_name_attach_to_it():
    pieces = split_signer_list("Tim Scott\nR-SC\nRick Scott\nFlorida\nMarcy Kaptur\nOhio's 9th District")
    assert [(p.text, p.hints) for p in pieces] == [
        ("Tim Scott", Hints(party="R", state="SC")),
        ("Rick Scott", Hints(state="FL")),
        ("Marcy Kaptur", Hints(state="OH", district=9)),
    ]


def test_name_and_hint_after_a_comma_stay_together():
    assert texts("Rep. Kaptur, D-Ohio\nThomas Kean, Jr.") == ["Rep. Kaptur, D-Ohio", "Thomas Kean, Jr."]


def test_numbered_and_bulleted_lists():
    assert texts("1. Marcy Kaptur\n2) Joe Wilson\n• Steve Cohen\n- Mike Quigley") == [
        "Marcy Kaptur",
        "Joe Wilson",
        "Steve Cohen",
        "Mike Quigley",
    ]


def test_committee_roles_before_names_in_a_press_release_are_dropped():
    text = (
        "Armed Services Chairman Mike Rogers (R-AL), "
        "Foreign Affairs Committee Chairman Michael McCaul (R-TX), "
        "and Helsinki Commission member Representative Richard Hudson (R-NC) wrote to the President today."
    )
    assert texts(text) == [
        "Mike Rogers (R-AL)",
        "Michael McCaul (R-TX)",
        "Representative Richard Hudson (R-NC)",
    ]


def test_recipient_lines_are_not_signers():
    block = """The Honorable Joseph R. Biden, Jr.
President of the United States
The White House

Dear Mr. President:

Sincerely,
Marcy Kaptur
Member of Congress

cc: The Honorable Lloyd J. Austin III, Secretary of Defense
"""
    assert texts(block) == ["Marcy Kaptur"]


def test_all_caps_three_column_block_with_underscores():
    block = (
        "____________________    ____________________    ____________________\n"
        "ELIZABETH WARREN        SHERROD BROWN           BERNARD SANDERS\n"
        "United States Senator   U.S. Senator            United States Senator\n"
    )
    assert texts(block) == ["ELIZABETH WARREN", "SHERROD BROWN", "BERNARD SANDERS"]


def test_press_release_with_suffixes_trailing_hints_and_a_led_by_clause():
    text = (
        "The letter was led by Rep. Marcy Kaptur and signed by Reps. Donald M. Payne, Jr. (D-NJ), "
        "Bill Keating (D-Mass.), and Don Bacon (R-Neb.).\n"
        "U.S. Senators Jeanne Shaheen (D-N.H.) and Thom Tillis (R-N.C.), co-chairs of the Senate NATO "
        "Observer Group, led the letter.\n"
        "Sen. Warren, D-Mass., and Sen. Markey, D-Mass., also signed.\n"
        "The letter was signed by:\n• Rep. Mike Quigley (IL-05)\n• Rep. Steve Cohen (TN-09)\n"
    )
    assert texts(text) == [
        "Rep. Marcy Kaptur",
        "Reps. Donald M. Payne, Jr. (D-NJ)",
        "Bill Keating (D-Mass.)",
        "Don Bacon (R-Neb.)",
        "U.S. Senators Jeanne Shaheen (D-N.H.)",
        "Thom Tillis (R-N.C.)",
        "Sen. Warren, D-Mass",
        "Sen. Markey, D-Mass",
        "Rep. Mike Quigley (IL-05)",
        "Rep. Steve Cohen (TN-09)",
    ]


def test_press_sentence_wrapped_across_lines_mid_list():
    text = (
        "The letter was signed by Reps. Jim McGovern (D-MA), Jan Schakowsky (D-IL),\n"
        "Marcy Kaptur (D-OH), and\n"
        "Steve Cohen (D-TN)."
    )
    assert texts(text) == [
        "Reps. Jim McGovern (D-MA)",
        "Jan Schakowsky (D-IL)",
        "Marcy Kaptur (D-OH)",
        "Steve Cohen (D-TN)",
    ]
    assert {piece.chamber for piece in split_signer_list(text)} == {"house"}


def test_a_name_with_its_district_tag_joining_the_titled_names_that_follow():
    sentence = (
        "Today, Congresswoman Sylvia Garcia (TX-29) joined Reps. Lloyd Doggett (TX-35) and "
        "Veronica Escobar (TX-16) in writing to the Secretary."
    )
    assert texts(sentence) == [
        "Congresswoman Sylvia Garcia (TX-29)",
        "Reps. Lloyd Doggett (TX-35)",
        "Veronica Escobar (TX-16)",
    ]


def test_joining_the_tagged_lead_on_the_letter_were_titled_names():
    sentence = (
        "Joining Chairman Adam Smith (D-Wash.) on the letter were Reps. Chris Smith (R-N.J.) "
        "and Adrian Smith (R-Neb.)."
    )
    assert texts(sentence) == ["Adam Smith (D-Wash.)", "Reps. Chris Smith (R-N.J.)", "Adrian Smith (R-Neb.)"]


def test_a_titled_recipient_after_the_tag_is_not_a_signer():
    sentence = "Sen. Jon Tester (D-Mont.) and Sen. Steve Daines (R-Mont.) wrote to Sen. Patty Murray."
    assert texts(sentence) == ["Sen. Jon Tester (D-Mont.)", "Sen. Steve Daines (R-Mont.)"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_splitting_never_fails_on_arbitrary_text(text):
    pieces = split_signer_list(text)
    assert all(piece.text.strip() for piece in pieces)


def test_a_caption_after_a_dash_on_the_name_line_is_not_part_of_the_name():
    block = "Kirsten Gillibrand \u2013 United States Senator\nCory A. Booker - U.S. Senator\n"
    assert texts(block) == ["Kirsten Gillibrand", "Cory A. Booker"]


def test_podiatry_veterinary_and_pharmacy_degrees_after_a_name_are_not_people():
    block = "Brad R. Wenstrup, D.P.M.\nKurt Schrader, D.V.M.\nBuddy Carter, Pharm.D.\nSen. J.D. Vance\n"
    assert texts(block) == ["Brad R. Wenstrup", "Kurt Schrader", "Buddy Carter", "Sen. J.D. Vance"]

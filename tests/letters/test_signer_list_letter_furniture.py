"""Whole pasted letters: only the signers are people; addresses, titles and page furniture are not.

Staff often paste more than the signature block: the date, the address block, the salutation,
the closing, committee titles under each name, a "cc:" list, page numbers. None of it is a signer.
"""

import pytest

from letters.signer_lists import split_signer_list
from members.names import parse_member_reference


def texts(block: str) -> list[str]:
    """The pieces that name someone (the names core drops "Sincerely", "U.S. Senator", ...)."""
    return [piece.text for piece in split_signer_list(block) if parse_member_reference(piece.text)]


def test_whole_letter_to_a_secretary_yields_only_the_signatures():
    letter = """March 4, 2025

The Honorable Scott Bessent
Secretary
U.S. Department of the Treasury
1500 Pennsylvania Avenue, N.W.
Washington, DC 20220

Dear Secretary Bessent:

We write regarding the Community Development Financial Institutions Fund. As Senator Warner
and Chairman Scott said last year, the Fund serves rural and urban communities alike.

Thank you for your attention to this matter.

Sincerely,

Mark R. Warner                                  Jerry Moran
United States Senator                           United States Senator

Page 2 of 2
"""
    assert texts(letter) == ["Mark R. Warner", "Jerry Moran"]


def test_address_block_to_congressional_leaders_is_not_signers():
    letter = """The Honorable Mike Johnson
Speaker
U.S. House of Representatives
H-232, The Capitol
Washington, D.C. 20515

The Honorable Hakeem Jeffries
Democratic Leader
U.S. House of Representatives
Washington, D.C. 20515

Dear Speaker Johnson and Leader Jeffries,

Respectfully,

Rosa L. DeLauro
Member of Congress
"""
    assert texts(letter) == ["Rosa L. DeLauro"]


def test_copy_list_after_the_signatures_runs_to_the_blank_line():
    block = """Sincerely,

Pramila Jayapal
Member of Congress

cc: The Honorable Lloyd J. Austin III, Secretary of Defense
    The Honorable Antony J. Blinken, Secretary of State
    Jake Sullivan

Greg Casar
Member of Congress
"""
    assert texts(block) == ["Pramila Jayapal", "Greg Casar"]


@pytest.mark.parametrize(
    "title",
    [
        "Committee on Energy and Commerce",
        "Chairman, Committee on Ways and Means",
        "Ranking Member, Committee on Homeland Security and Governmental Affairs",
        "Chairwoman, Committee on Health, Education, Labor, and Pensions",
        "Energy and Natural Resources Committee",
        "Subcommittee on Transportation and Maritime Security",
        "Vice Chair, House Democratic Caucus",
        "Assistant Democratic Leader",
        "Democratic Whip",
        "President pro tempore",
        "Co-Chairs, Congressional Ukraine Caucus",
    ],
)
def test_committee_and_leadership_titles_under_a_name_are_not_people(title):
    block = f"Frank Pallone, Jr.\n{title}\n\nKathy Castor\nMember of Congress\n"
    assert texts(block) == ["Frank Pallone, Jr.", "Kathy Castor"]


def test_two_column_block_with_titles_containing_and():
    block = (
        "Jason Smith                                   Richard E. Neal\n"
        "Chairman                                      Ranking Member\n"
        "Committee on Ways and Means                   Committee on Ways and Means\n\n"
        "Brett Guthrie                                 Frank Pallone, Jr.\n"
        "Chairman                                      Ranking Member\n"
        "Committee on Energy and Commerce              Committee on Energy and Commerce\n"
    )
    assert texts(block) == ["Jason Smith", "Richard E. Neal", "Brett Guthrie", "Frank Pallone, Jr."]


def test_title_after_the_name_on_the_same_line_stays_with_that_name():
    block = "Cathy McMorris Rodgers, Chair, Committee on Energy and Commerce\nMarcy Kaptur, Co-Chair"
    assert texts(block) == ["Cathy McMorris Rodgers", "Marcy Kaptur"]


@pytest.mark.parametrize(
    "furniture",
    [
        "Page 3 of 4",
        "- 2 -",
        "2",
        "Enclosure",
        "Enclosures (2)",
        "Attachment",
        "Dear Secretary Austin:",
        "Dear Mr. President,",
        "CC: Secretary Blinken",
        "The Honorable",
        "Hon.",
        "September 10, 2024",
        "Washington, DC 20515",
        "Arlington, VA 22202",
        "1000 Defense Pentagon",
        "Room 2107, Rayburn House Office Building",
        "Suite 100",
        "D-OH",
        "(R-TX)",
        "Member of Congress, NY-14",
        "Ohio's 9th District",
        "/s/",
        "With gratitude,",
        "Democrat, Ohio",
        "(D-NY-14)",
        "Congress of the United States\nHouse of Representatives\nWashington, DC 20515",
        "United States Senate\nWASHINGTON, DC 20510",
        "COMMITTEE ON FOREIGN AFFAIRS",
        "Re: Request for an update on security assistance",
        "Dear Colleague,",
        "________________________",
        "###",
        "Press Contact: Jane Doe (202) 225-4146",
        "(202) 225-4146",
        "jane.doe@mail.house.gov",
        "https://kaptur.house.gov/media-center",
    ],
)
def test_letter_furniture_on_its_own_names_nobody(furniture):
    assert texts(furniture) == []


def test_party_and_state_written_out_under_a_senator_attach_to_them():
    [piece] = split_signer_list("Sherrod Brown\nUnited States Senator\nDemocrat, Ohio\n")
    assert (piece.text, piece.hints.party, piece.hints.state) == ("Sherrod Brown", "D", "OH")


def test_state_and_district_lines_attach_to_the_name_above():
    pieces = split_signer_list("Rep. Marcy Kaptur\nOhio's 9th District\nRep. Mike Turner\nOH-10\n")
    assert [(p.text, p.hints.state, p.hints.district) for p in pieces] == [
        ("Rep. Marcy Kaptur", "OH", 9),
        ("Rep. Mike Turner", "OH", 10),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('Scott, Robert C. "Bobby"', 'Scott, Robert C. "Bobby"'),
        ("García, Jesús G. “Chuy”", "García, Jesús G. “Chuy”"),
        ("Ruppersberger, C. A. Dutch", "Ruppersberger, C. A. Dutch"),
        ("Scanlon, Mary Gay", "Scanlon, Mary Gay"),
        ('Johnson, Henry C. "Hank", Jr.', 'Johnson, Henry C. "Hank", Jr.'),
    ],
)
def test_clerk_roster_lines_with_a_quoted_nickname_are_one_person(line, expected):
    assert texts(line) == [expected]


def test_press_release_with_two_title_groups():
    text = (
        "The letter was led by Sens. Elizabeth Warren and Ed Markey, along with "
        "Sens. Bernie Sanders, Jeff Merkley and Chris Van Hollen."
    )
    assert texts(text) == [
        "Sens. Elizabeth Warren",
        "Ed Markey",
        "Sens. Bernie Sanders",
        "Jeff Merkley",
        "Chris Van Hollen",
    ]


def test_press_release_list_before_the_verb():
    text = "Reps. Pramila Jayapal, Ilhan Omar, Rashida Tlaib, and Ro Khanna joined the letter."
    assert texts(text) == ["Reps. Pramila Jayapal", "Ilhan Omar", "Rashida Tlaib", "Ro Khanna"]


def test_press_release_with_ap_party_tags():
    text = (
        "Senators Elizabeth Warren (D-Mass.), Sheldon Whitehouse (D-R.I.) and "
        "Michael Bennet (D-Colo.) wrote to the agency."
    )
    assert texts(text) == [
        "Senators Elizabeth Warren (D-Mass.)",
        "Sheldon Whitehouse (D-R.I.)",
        "Michael Bennet (D-Colo.)",
    ]


def test_committee_appositive_with_and_inside_a_press_sentence():
    text = (
        "The letter was signed by Rep. Frank Pallone, Chairman of the Committee on Energy and "
        "Commerce, and Rep. Greg Walden."
    )
    assert texts(text) == ["Rep. Frank Pallone", "Rep. Greg Walden"]


def test_committee_titles_before_two_names_joined_by_and():
    text = (
        "Energy and Commerce Committee Chairman Frank Pallone and Ranking Member Greg Walden led the letter."
    )
    assert texts(text) == ["Frank Pallone", "Greg Walden"]


def test_names_before_an_inverted_signer_sentence_are_kept():
    text = (
        "Joining Reps. Kaptur and Fitzpatrick on the letter were Reps. Joe Wilson (R-S.C.), "
        "Mike Quigley (D-Ill.), and Andy Harris (R-Md.)."
    )
    assert texts(text) == [
        "Reps. Kaptur",
        "Fitzpatrick",
        "Reps. Joe Wilson (R-S.C.)",
        "Mike Quigley (D-Ill.)",
        "Andy Harris (R-Md.)",
    ]


def test_short_sentence_with_one_lowercase_verb():
    assert texts("Rep. Mike Turner and Sen. Sherrod Brown signed.") == [
        "Rep. Mike Turner",
        "Sen. Sherrod Brown",
    ]


def test_semicolons_separate_people_on_one_line():
    assert texts("Rep. Ro Khanna (D-CA); Rep. Nancy Mace (R-SC); Rep. Thomas Massie (R-KY)") == [
        "Rep. Ro Khanna (D-CA)",
        "Rep. Nancy Mace (R-SC)",
        "Rep. Thomas Massie (R-KY)",
    ]


def test_party_group_headings_over_the_names_are_not_people():
    block = "House Democrats:\nMarcy Kaptur\nMike Quigley\nHouse Republicans:\nBrian Fitzpatrick\n"
    assert texts(block) == ["Marcy Kaptur", "Mike Quigley", "Brian Fitzpatrick"]


def test_a_link_after_the_sentence_does_not_end_the_list():
    text = "Signed by Reps. Marcy Kaptur and Joe Wilson. Read the letter at https://kaptur.house.gov/x"
    assert texts(text) == ["Reps. Marcy Kaptur", "Joe Wilson"]


def test_sentence_openings_before_a_surname_are_not_part_of_the_name():
    text = (
        "In addition to Kaptur and Fitzpatrick, the letter was signed by Reps. Joe Wilson and Mike Quigley."
    )
    assert texts(text) == ["Kaptur", "Fitzpatrick", "Reps. Joe Wilson", "Mike Quigley"]
    assert texts("Joining Kaptur were Reps. Joe Wilson and Mike Quigley.") == [
        "Kaptur",
        "Reps. Joe Wilson",
        "Mike Quigley",
    ]


def test_ap_hometown_tags_stay_with_the_surname():
    assert texts("Kaptur, D-Toledo, and Turner, R-Dayton, led the letter.") == [
        "Kaptur, D-Toledo",
        "Turner, R-Dayton",
    ]

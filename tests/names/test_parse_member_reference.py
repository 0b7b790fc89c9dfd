import pytest

from members.names import MemberReference, parse_member_reference


def parsed(text: str) -> tuple:
    ref = parse_member_reference(text)
    assert ref is not None, text
    return (ref.name, ref.chamber, ref.party, ref.state, ref.district)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marcy Kaptur", ("Marcy Kaptur", None, None, None, None)),
        ("Rep. Marcy Kaptur (OH-09)", ("Marcy Kaptur", "house", None, "OH", 9)),
        ("Rep. Marcy Kaptur (OH-9)", ("Marcy Kaptur", "house", None, "OH", 9)),
        ("Rep. Marcy Kaptur (D-OH-09)", ("Marcy Kaptur", "house", "D", "OH", 9)),
        ("Kaptur, Marcy", ("Marcy Kaptur", None, None, None, None)),
        ("Sen. Mark Kelly (D-AZ)", ("Mark Kelly", "senate", "D", "AZ", None)),
        ("Marcy Kaptur (D-Ohio)", ("Marcy Kaptur", None, "D", "OH", None)),
        ("Rep. Kaptur, D-Ohio", ("Kaptur", "house", "D", "OH", None)),
        ("Mike Turner of Ohio", ("Mike Turner", None, None, "OH", None)),
        ("Elizabeth Warren (D-Mass.)", ("Elizabeth Warren", None, "D", "MA", None)),
        ("Sen. Bernie Sanders (I-Vt.)", ("Bernie Sanders", "senate", "I", "VT", None)),
        ("Rep. Ted Lieu (R-Calif.)", ("Ted Lieu", "house", "R", "CA", None)),
        ("Rep. Michael McCaul (R-Texas)", ("Michael McCaul", "house", "R", "TX", None)),
        ("Rep. Tom Kean Jr., R-N.J.", ("Tom Kean Jr.", "house", "R", "NJ", None)),
        ("Rep. Josh Gottheimer, D-N.J.", ("Josh Gottheimer", "house", "D", "NJ", None)),
        ("Josh Gottheimer R-Calif.", ("Josh Gottheimer", None, "R", "CA", None)),
        ("Representative Joe Courtney (D-Conn.)", ("Joe Courtney", "house", "D", "CT", None)),
        ("Congresswoman Debbie Wasserman Schultz", ("Debbie Wasserman Schultz", "house", None, None, None)),
        ("Congressman Jeff Van Drew", ("Jeff Van Drew", "house", None, None, None)),
        ("Del. Eleanor Holmes Norton (D-DC)", ("Eleanor Holmes Norton", "house", "D", "DC", None)),
        ("Delegate James Moylan (R-GU)", ("James Moylan", "house", "R", "GU", None)),
        ("Resident Commissioner Pablo José Hernández", ("Pablo José Hernández", "house", None, None, None)),
        ("Senator Tim Scott", ("Tim Scott", "senate", None, None, None)),
        ("Sen. Rick Scott (R-Fla.)", ("Rick Scott", "senate", "R", "FL", None)),
        ("The Honorable Marcy Kaptur", ("Marcy Kaptur", None, None, None, None)),
        ("Hon. Marcy Kaptur", ("Marcy Kaptur", None, None, None, None)),
        ("Chairman Michael McCaul", ("Michael McCaul", None, None, None, None)),
        ("Ranking Member Gregory W. Meeks", ("Gregory W. Meeks", None, None, None, None)),
        ("Dr. Mark Green (R-Tenn.)", ("Mark Green", None, "R", "TN", None)),
        ("Ms. Kaptur", ("Kaptur", None, None, None, None)),
        ('Charles "Chuck" Schumer', ("Charles Schumer", None, None, None, None)),
        ("Charles “Chuck” Schumer", ("Charles Schumer", None, None, None, None)),
        ("Charles (Chuck) Schumer", ("Charles Schumer", None, None, None, None)),
        ("Marcy C. Kaptur", ("Marcy C. Kaptur", None, None, None, None)),
        ("Thomas H. Kean, Jr.", ("Thomas H. Kean Jr.", None, None, None, None)),
        ("Kean Jr., Thomas", ("Thomas Kean Jr.", None, None, None, None)),
        ("Van Drew, Jeff", ("Jeff Van Drew", None, None, None, None)),
        ("Wasserman Schultz, Debbie (FL-25)", ("Debbie Wasserman Schultz", "house", None, "FL", 25)),
        ("Alexandria Ocasio-Cortez (D-N.Y.)", ("Alexandria Ocasio-Cortez", None, "D", "NY", None)),
        ("Cathy McMorris Rodgers", ("Cathy McMorris Rodgers", None, None, None, None)),
        ("Mario Díaz-Balart (R-FL)", ("Mario Díaz-Balart", None, "R", "FL", None)),
        ("Rep. Mike Rogers (R-AL)", ("Mike Rogers", "house", "R", "AL", None)),
        ("Mike Rogers of Alabama", ("Mike Rogers", None, None, "AL", None)),
        ("Marcy Kaptur, Member of Congress", ("Marcy Kaptur", None, None, None, None)),
        ("Marcy Kaptur (D-OH), Co-Chair", ("Marcy Kaptur", None, "D", "OH", None)),
        ("Rep. Pete Aguilar (CA-33)", ("Pete Aguilar", "house", None, "CA", 33)),
        ("Rep. Kelly Armstrong (R-N.D.)", ("Kelly Armstrong", "house", "R", "ND", None)),
        ("Foxx, Virginia", ("Virginia Foxx", None, None, None, None)),
        ("Green, Al", ("Al Green", None, None, None, None)),
        ("Al Green, Texas", ("Al Green", None, None, "TX", None)),
        ("  Rep. Marcy Kaptur  ", ("Marcy Kaptur", "house", None, None, None)),
    ],
)
def test_parse_member_reference_reads_the_forms_letters_and_press_copy_use(text, expected):
    assert parsed(text) == expected


def test_parse_member_reference_keeps_the_text_as_written():
    ref = parse_member_reference("Rep. Marcy Kaptur (OH-09)")
    assert ref == MemberReference(
        as_written="Rep. Marcy Kaptur (OH-09)", name="Marcy Kaptur", chamber="house", state="OH", district=9
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "---",
        "...",
        ",",
        "Member of Congress",
        "Members of Congress",
        "MEMBER OF CONGRESS",
        "United States Senator",
        "U.S. Senator",
        "U.S. Representative",
        "Sincerely,",
        "Sincerely",
        "Respectfully,",
        "Sincerely yours,",
        "Best regards,",
        "September 10, 2024",
        "Sept. 10, 2024",
        "2024-09-10",
        "9/10/2024",
        "Dear President Biden:",
        "We write to urge you to lift the restrictions on the use of long-range weapons.",
        "the letter was signed by",
        "cc:",
    ],
)
def test_parse_member_reference_returns_none_for_lines_that_are_not_a_person(text):
    assert parse_member_reference(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Rep. Marcy Kaptur", ("Marcy Kaptur", "house", None, None, None)),
        ("• Sen. Mark Kelly", ("Mark Kelly", "senate", None, None, None)),
        ("Marcy Kaptur Member of Congress", ("Marcy Kaptur", None, None, None, None)),
        ("Mark Kelly United States Senator", ("Mark Kelly", None, None, None, None)),
        ("Marcy Kaptur — Member of Congress", ("Marcy Kaptur", None, None, None, None)),
        ("Marcy Kaptur - OH-09", ("Marcy Kaptur", "house", None, "OH", 9)),
        (
            "Rep. Marcy Kaptur, the co-chair of the Ukraine Caucus",
            ("Marcy Kaptur", "house", None, None, None),
        ),
        ("Kaptur's", ("Kaptur", None, None, None, None)),
        ("Rep. Kaptur\u2019s", ("Kaptur", "house", None, None, None)),
        ("Beto O'Rourke", ("Beto O'Rourke", None, None, None, None)),
        ("Rep. Earl L. 'Buddy' Carter (R-Ga.)", ("Earl L. Carter", "house", "R", "GA", None)),
        ("Senate Majority Leader Chuck Schumer", ("Chuck Schumer", "senate", None, None, None)),
        ("Speaker Mike Johnson", ("Mike Johnson", "house", None, None, None)),
        ("Sen. Angus King (I-Maine)", ("Angus King", "senate", "I", "ME", None)),
        ("Rep. Marcy Kaptur (D-OH 9)", ("Marcy Kaptur", "house", "D", "OH", 9)),
        ("Rep. Don Young (R-AK-AL)", ("Don Young", "house", "R", "AK", 0)),
        ("Hon. Marcy Kaptur, M.C.", ("Marcy Kaptur", None, None, None, None)),
        ("MARCY KAPTUR", ("MARCY KAPTUR", None, None, None, None)),
    ],
)
def test_parse_member_reference_reads_signature_block_extras(text, expected):
    assert parsed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rep. Kaptur (OH09)", ("Kaptur", "house", None, "OH", 9)),
        ("Rep. Kaptur (D-OH09)", ("Kaptur", "house", "D", "OH", 9)),
        ("Rep. Kaptur (Ohio's 9th District)", ("Kaptur", "house", None, "OH", 9)),
        ("Rep. Buddy Carter (R-Ga., 1st District)", ("Buddy Carter", "house", "R", "GA", 1)),
        ("Rep. Ilhan Omar (DFL-MN)", ("Ilhan Omar", "house", "D", "MN", None)),
        ("Sen. Kelly [D-AZ]", ("Kelly", "senate", "D", "AZ", None)),
        ("/s/ Marcy Kaptur", ("Marcy Kaptur", None, None, None, None)),
        ("Marcy Kaptur (lead)", ("Marcy Kaptur", None, None, None, None)),
        ("Rep. Kaptur (D-OH), Rep. Turner (R-OH)", ("Kaptur", "house", "D", "OH", None)),
        (
            "House Armed Services Committee Chairman Mike Rogers (R-Ala.)",
            ("Mike Rogers", "house", "R", "AL", None),
        ),
        (
            "Senate Foreign Relations Committee Ranking Member Jim Risch",
            ("Jim Risch", "senate", None, None, None),
        ),
        ("Senate Majority Leader Chuck Schumer", ("Chuck Schumer", "senate", None, None, None)),
        ("Eleanor Norton of District of Columbia", ("Eleanor Norton", None, None, "DC", None)),
        ("GREEN, AL", ("AL GREEN", None, None, None, None)),
        ("FOXX, VIRGINIA", ("VIRGINIA FOXX", None, None, None, None)),
        ("KAPTUR, MARCY (OH)", ("MARCY KAPTUR", None, None, "OH", None)),
        ("Kaptur, OH", ("Kaptur", None, None, "OH", None)),
    ],
)
def test_parse_member_reference_reads_press_copy_extras(text, expected):
    assert parsed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Washington, D.C.",
        "Washington, DC 20515",
        "The White House",
        "Congressional Ukraine Caucus",
        "United States Senate",
        "House of Representatives",
        "President of the United States",
        "Rep. Kaptur and Rep. Turner",
    ],
)
def test_parse_member_reference_ignores_addresses_and_institutions(text):
    assert parse_member_reference(text) is None


def test_hometown_tag_gives_the_party_and_is_not_a_given_name():
    ref = parse_member_reference("Elissa Slotkin, D-Holly")
    assert (ref.name, ref.party, ref.state) == ("Elissa Slotkin", "D", None)
    ref = parse_member_reference("Fred Upton, R-St. Joseph")
    assert (ref.name, ref.party) == ("Fred Upton", "R")

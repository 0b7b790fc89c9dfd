"""Short articles written for these tests, in the forms news copy and press releases use.

Each case states what a careful reader would annotate: the letters (only the fields that the
text pins down) and the serving members named. None of this text comes from a real article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    published: date | None
    letters: tuple[dict, ...] = ()
    members: frozenset[str] = field(default_factory=frozenset)


CASES: tuple[Case, ...] = (
    Case(
        name="led_by_reps_with_party_tags_and_total",
        published=date(2024, 3, 14),
        text=(
            "WASHINGTON — A bipartisan group of 42 House members sent a letter on Tuesday to Secretary of "
            "State Antony Blinken urging the administration to expand humanitarian access in Sudan.\n\n"
            "The letter was led by Reps. Sara Jacobs (D-Calif.) and John James (R-Mich.), who both sit on "
            "the Foreign Affairs Committee. \u201cThe situation demands urgent attention,\u201d the "
            "lawmakers wrote."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 12),
                "chamber": "house",
                "recipients": ["Antony Blinken"],
                "leads": {"J000305", "J000307"},
                "signers": set(),
                "total_signers": 42,
                "counts_are_minimum": False,
            },
        ),
        members=frozenset({"J000305", "J000307"}),
    ),
    Case(
        name="senator_joined_by_colleagues",
        published=date(2023, 6, 9),
        text=(
            "Sen. Sherrod Brown, D-Ohio, on Thursday wrote to Norfolk Southern CEO Alan Shaw demanding that "
            "the railroad end its cuts to inspection crews. Brown was joined by Sens. Bob Casey (D-Pa.) and "
            "John Fetterman (D-Pa.) in the letter, which also asks the company to add staff at rail yards."
        ),
        letters=(
            {
                "sent_on": date(2023, 6, 8),
                "chamber": "senate",
                "recipients": ["Alan Shaw"],
                "leads": {"B000944"},
                "signers": {"C001070", "F000479"},
            },
        ),
        members=frozenset({"B000944", "C001070", "F000479"}),
    ),
    Case(
        name="counts_in_words_more_than_two_dozen",
        published=date(2025, 2, 20),
        text=(
            "More than two dozen House Democrats, led by Reps. Pramila Jayapal and Greg Casar, are demanding "
            "that the Treasury Department cut off outside access to its payment systems, according to a "
            "letter sent Wednesday to Treasury Secretary Scott Bessent."
        ),
        letters=(
            {
                "sent_on": date(2025, 2, 19),
                "chamber": "house",
                "recipients": ["Scott Bessent"],
                "leads": {"J000298", "C001131"},
                "party_counts": {"D": 24},
                "total_signers": 24,
                "counts_are_minimum": True,
            },
        ),
        members=frozenset({"J000298", "C001131"}),
    ),
    Case(
        name="dear_colleague_from_one_member",
        published=date(2024, 5, 2),
        text=(
            "Rep. Jamie Raskin circulated a Dear Colleague letter on Monday asking fellow members to "
            "co-sponsor his judicial ethics bill. Raskin said the bill has support from outside groups."
        ),
        letters=(
            {
                "sent_on": date(2024, 4, 29),
                "chamber": "house",
                "leads": {"R000606"},
                "signers": set(),
            },
        ),
        members=frozenset({"R000606"}),
    ),
    Case(
        name="governors_letter_is_not_congressional",
        published=date(2024, 7, 12),
        text=(
            "Gov. Josh Shapiro sent a letter to President Joe Biden on Friday asking for federal disaster "
            "aid after the floods. Shapiro wrote that the damage exceeded $100 million, and the governor's "
            "letter asks for a major disaster declaration."
        ),
    ),
    Case(
        name="open_letter_from_scientists_is_not_congressional",
        published=date(2023, 4, 20),
        text=(
            "More than 300 scientists signed an open letter to Congress urging lawmakers to fund climate "
            "research. Sen. Ed Markey praised the letter at a news conference on Wednesday."
        ),
        members=frozenset({"M000133"}),
    ),
    Case(
        name="letter_grade_is_not_a_letter",
        published=date(2021, 5, 3),
        text=(
            "The environmental group gave Sen. Ted Cruz a letter grade of F for his votes this year, while "
            "Rep. Nancy Pelosi earned an A."
        ),
        members=frozenset({"C001098", "P000197"}),
    ),
    Case(
        name="resignation_letter_is_not_a_letter_report",
        published=date(2024, 3, 22),
        text=(
            "Rep. Mike Gallagher submitted his resignation letter to Speaker Mike Johnson on Friday, leaving "
            "the House majority even thinner."
        ),
        members=frozenset({"G000579", "J000299"}),
    ),
    Case(
        name="letter_to_congress_from_advocacy_groups",
        published=date(2023, 9, 18),
        text=(
            "A coalition of 50 advocacy groups sent a letter to congressional leaders on Monday urging them "
            "to pass the farm bill before it expires. Senate Majority Leader Chuck Schumer's office "
            "confirmed receiving the letter."
        ),
        members=frozenset({"S000148"}),
    ),
    Case(
        name="two_letters_with_different_senders",
        published=date(2023, 11, 10),
        text=(
            "Sen. Elizabeth Warren (D-Mass.) sent a letter Tuesday to Meta CEO Mark Zuckerberg asking how "
            "the company protects teenagers on its platforms.\n\nSeparately, Sens. Marsha Blackburn "
            "(R-Tenn.) and Richard Blumenthal (D-Conn.) wrote to TikTok CEO Shou Chew on Wednesday "
            "demanding answers about data flows to China."
        ),
        letters=(
            {
                "sent_on": date(2023, 11, 7),
                "chamber": "senate",
                "recipients": ["Mark Zuckerberg"],
                "leads": {"W000817"},
                "signers": set(),
            },
            {
                "sent_on": date(2023, 11, 8),
                "chamber": "senate",
                "recipients": ["Shou Chew"],
                "leads": set(),
                "signers": {"B001243", "B001277"},
            },
        ),
        members=frozenset({"W000817", "B001243", "B001277"}),
    ),
    Case(
        name="possessive_letter_and_comma_party_tag",
        published=date(2023, 1, 13),
        text=(
            "Rep. Michael McCaul, R-Texas, the new chairman of the Foreign Affairs Committee, released a "
            "letter Friday to Secretary of State Antony Blinken. McCaul's letter asks the department to "
            "turn over documents about the withdrawal from Afghanistan by Jan. 27."
        ),
        letters=(
            {
                "sent_on": date(2023, 1, 13),
                "chamber": "house",
                "recipients": ["Antony Blinken"],
                "leads": {"M001157"},
            },
        ),
        members=frozenset({"M001157"}),
    ),
    Case(
        name="bicameral_letter_with_explicit_year_and_nearly",
        published=date(2023, 8, 10),
        text=(
            "Nearly 70 lawmakers from both chambers signed a letter dated Aug. 5, 2023, to Agriculture "
            "Secretary Tom Vilsack calling on him to protect food assistance benefits. The bicameral letter "
            "was organized by Sen. John Fetterman and Rep. Jahana Hayes."
        ),
        letters=(
            {
                "sent_on": date(2023, 8, 5),
                "chamber": "bicameral",
                "recipients": ["Tom Vilsack"],
                "leads": {"F000479", "H001081"},
                "total_signers": 70,
                "counts_are_minimum": True,
            },
        ),
        members=frozenset({"F000479", "H001081"}),
    ),
    Case(
        name="group_of_senators_including_two_last_week",
        published=date(2023, 10, 2),
        text=(
            "A group of 12 senators, including Sens. Tim Kaine and Mark Warner of Virginia, wrote to "
            "Defense Secretary Lloyd Austin last week urging him to keep the headquarters decision on track."
        ),
        letters=(
            {
                "sent_on": None,
                "chamber": "senate",
                "recipients": ["Lloyd Austin"],
                "signers": {"K000384", "W000805"},
                "total_signers": 12,
            },
        ),
        members=frozenset({"K000384", "W000805"}),
    ),
    Case(
        name="press_release_today_with_us_senator_title",
        published=date(2022, 4, 5),
        text=(
            "WASHINGTON, D.C. \u2013 Today, U.S. Senator Jon Tester (D-Mont.) sent a letter to Veterans "
            "Affairs Secretary Denis McDonough urging the VA to hire more mental health staff in rural "
            "clinics.\n\n\u201cOur veterans cannot wait months for care,\u201d Tester wrote."
        ),
        letters=(
            {
                "sent_on": date(2022, 4, 5),
                "chamber": "senate",
                "recipients": ["Denis McDonough"],
                "leads": {"T000464"},
            },
        ),
        members=frozenset({"T000464"}),
    ),
    Case(
        name="headline_and_body_report_one_letter",
        published=date(2023, 9, 22),
        text=(
            "Padilla, Colleagues Press FEMA in Letter on Wildfire Aid\n\nU.S. Senator Alex Padilla "
            "(D-Calif.) led 15 colleagues in a letter to FEMA Administrator Deanne Criswell on Thursday "
            "pressing the agency to speed up disaster payments."
        ),
        letters=(
            {
                "sent_on": date(2023, 9, 21),
                "chamber": "senate",
                "recipients": ["Deanne Criswell"],
                "leads": {"P000145"},
            },
        ),
        members=frozenset({"P000145"}),
    ),
    Case(
        name="letter_to_the_speaker_from_counted_republicans",
        published=date(2024, 2, 14),
        text=(
            "Twenty House Republicans sent a letter to Speaker Mike Johnson on Monday urging him to hold a "
            "vote on aid to Ukraine before the recess."
        ),
        letters=(
            {
                "sent_on": date(2024, 2, 12),
                "chamber": "house",
                "recipients": ["Mike Johnson"],
                "leads": set(),
                "signers": set(),
                "party_counts": {"R": 20},
                "total_signers": 20,
            },
        ),
        members=frozenset({"J000299"}),
    ),
    Case(
        name="hearing_remarks_are_not_a_letter",
        published=date(2024, 6, 5),
        text=(
            "Sen. Jon Ossoff pressed the witness during a hearing on Tuesday. He wrote on social media "
            "afterward that the answers were inadequate."
        ),
        members=frozenset({"O000174"}),
    ),
    Case(
        name="democratic_lawmakers_count_and_former_senator_recipient",
        published=date(2025, 3, 5),
        text=(
            "A group of 31 Democratic lawmakers led by Rep. Ilhan Omar sent a letter to Secretary of State "
            "Marco Rubio on March 3 demanding that the department restore refugee processing."
        ),
        letters=(
            {
                "sent_on": date(2025, 3, 3),
                "chamber": "house",
                "recipients": ["Marco Rubio"],
                "leads": {"O000173"},
                "party_counts": {"D": 31},
                "total_signers": 31,
            },
        ),
        members=frozenset({"O000173"}),
    ),
    Case(
        name="undated_article_keeps_relative_day_null",
        published=None,
        text=(
            "Sen. Bernie Sanders (I-Vt.) on Monday wrote to the chief executives of three drug makers "
            "asking them to cut the list price of inhalers."
        ),
        letters=({"sent_on": None, "chamber": "senate", "leads": {"S000033"}},),
        members=frozenset({"S000033"}),
    ),
    Case(
        name="reps_a_and_b_with_surname_only_second",
        published=date(2024, 9, 20),
        text=(
            "Reps. Marcy Kaptur and Fitzpatrick, who co-chair the Ukraine Caucus, sent a letter to President "
            "Biden on Sept. 18 asking him to speed deliveries of air defense systems."
        ),
        letters=(
            {
                "sent_on": date(2024, 9, 18),
                "chamber": "house",
                "recipients": ["Joe Biden"],
                "signers": {"K000009", "F000466"},
            },
        ),
        members=frozenset({"K000009", "F000466"}),
    ),
    Case(
        name="names_on_separate_lines_before_the_verb",
        published=date(2024, 10, 1),
        text=(
            "The four:\n\nSheldon Whitehouse (D-R.I.),\n\nElizabeth Warren (D-Mass.)\n\nJohn Hickenlooper "
            "(D-Colo.)\n\nRobin Kelly (D-Ill.)\n\nsent a letter to the Federal Trade Commission about "
            "grocery prices."
        ),
        letters=(
            {
                "chamber": "bicameral",
                "recipients": ["Federal Trade Commission"],
                "signers": {"W000802", "W000817", "H000273", "K000385"},
                "total_signers": 4,
            },
        ),
        members=frozenset({"W000802", "W000817", "H000273", "K000385"}),
    ),
    Case(
        name="mayor_with_a_members_surname_is_not_the_member",
        published=date(2023, 10, 2),
        text=(
            "New York City Mayor Eric Adams said the city was at capacity. Adams asked the federal "
            "government for more help, and Adams' aides met with White House officials."
        ),
    ),
    Case(
        name="pronoun_sender_after_member_named",
        published=date(2022, 2, 11),
        text=(
            "Sen. Mark Warner has been pressing regulators on crypto for months. On Wednesday he sent a "
            "letter to Treasury Secretary Janet Yellen asking for a report on stablecoins."
        ),
        letters=(
            {
                "sent_on": date(2022, 2, 9),
                "chamber": "senate",
                "recipients": ["Janet Yellen"],
                "leads": {"W000805"},
            },
        ),
        members=frozenset({"W000805"}),
    ),
    Case(
        name="press_release_pair_of_senators_with_postal_tags",
        published=date(2023, 5, 17),
        text=(
            "WASHINGTON \u2013 U.S. Senators Jacky Rosen (D-NV) and Bill Cassidy (R-LA) today sent a letter "
            "to Transportation Secretary Pete Buttigieg calling on the department to finalize rules on "
            "airline refunds."
        ),
        letters=(
            {
                "sent_on": date(2023, 5, 17),
                "chamber": "senate",
                "recipients": ["Pete Buttigieg"],
                "leads": set(),
                "signers": {"R000608", "C001075"},
            },
        ),
        members=frozenset({"R000608", "C001075"}),
    ),
    Case(
        name="led_a_letter_with_n_of_her_colleagues_and_district_tag",
        published=date(2022, 10, 4),
        text=(
            "Congresswoman Katie Porter (CA-47) led a bipartisan letter with 20 of her colleagues urging the "
            "Federal Trade Commission to crack down on hidden junk fees."
        ),
        letters=(
            {
                "chamber": "house",
                "recipients": ["Federal Trade Commission"],
                "leads": {"P000618"},
                "total_signers": 21,
            },
        ),
        members=frozenset({"P000618"}),
    ),
    Case(
        name="sender_along_with_others_leads",
        published=date(2023, 5, 12),
        text=(
            "Rep. Jim Jordan, along with Reps. James Comer and Mike Johnson, sent a letter Thursday to FBI "
            "Director Christopher Wray demanding documents about the bureau's field offices."
        ),
        letters=(
            {
                "sent_on": date(2023, 5, 11),
                "chamber": "house",
                "recipients": ["Christopher Wray"],
                "leads": {"J000289"},
                "signers": {"C001108", "J000299"},
            },
        ),
        members=frozenset({"J000289", "C001108", "J000299"}),
    ),
    Case(
        name="quoted_letter_with_signature_block",
        published=date(2024, 2, 15),
        text=(
            "Rep. Marcy Kaptur and Rep. Brian Fitzpatrick sent the following letter to Secretary of State "
            "Antony Blinken on Tuesday.\n\nDear Secretary Blinken:\n\nWe write to urge you to expand "
            "support for the repair of Ukraine's energy grid.\n\nSincerely,\n\nMarcy Kaptur\nMember of "
            "Congress\n\nBrian Fitzpatrick\nMember of Congress\n\nMike Turner\nMember of Congress"
        ),
        letters=(
            {
                "sent_on": date(2024, 2, 13),
                "chamber": "house",
                "recipients": ["Antony Blinken"],
                # The two who sent it are set apart from the further name under "Sincerely,".
                "leads": {"K000009", "F000466"},
                "signers": {"T000463"},
            },
        ),
        members=frozenset({"K000009", "F000466", "T000463"}),
    ),
    Case(
        name="in_a_letter_the_lawmakers_wrote_with_count_before",
        published=date(2023, 3, 3),
        text=(
            "Three senators are pressing the Pentagon over delays in military housing repairs. In a letter "
            "to Defense Secretary Lloyd Austin on Wednesday, the lawmakers wrote that families have waited "
            "months. The letter was signed by Sens. Tim Kaine, Mark Warner and Jacky Rosen."
        ),
        letters=(
            {
                "sent_on": date(2023, 3, 1),
                "chamber": "senate",
                "recipients": ["Lloyd Austin"],
                "signers": {"K000384", "W000805", "R000608"},
                "total_signers": 3,
            },
        ),
        members=frozenset({"K000384", "W000805", "R000608"}),
    ),
    Case(
        name="presidents_letter_to_congress_is_not_congressional",
        published=date(2024, 1, 12),
        text=(
            "President Biden sent a letter to Congress on Friday notifying lawmakers that he had ordered "
            "strikes in Yemen, as the War Powers Resolution requires."
        ),
    ),
    Case(
        name="agency_letter_to_a_member_is_not_the_members_letter",
        published=date(2023, 6, 13),
        text=(
            "The Justice Department sent a letter to House Judiciary Committee Chairman Jim Jordan on Monday "
            "rejecting his request for files."
        ),
        members=frozenset({"J000289"}),
    ),
    Case(
        name="day_of_an_earlier_event_is_not_the_send_date",
        published=date(2024, 1, 10),
        text=(
            "Sen. Josh Hawley wrote to Boeing CEO Dave Calhoun after the Jan. 5 blowout, asking how the "
            "company inspects its fuselage panels."
        ),
        letters=(
            {"sent_on": None, "chamber": "senate", "recipients": ["Dave Calhoun"], "leads": {"H001089"}},
        ),
        members=frozenset({"H001089"}),
    ),
    Case(
        name="title_case_headline_and_body_with_lead_verb",
        published=date(2024, 2, 14),
        text=(
            "Kaptur, Fitzpatrick Lead Bipartisan Letter Urging Aid for Ukraine\n\nReps. Marcy Kaptur (D-OH) "
            "and Brian Fitzpatrick (R-PA) led 30 colleagues in a letter to Speaker Mike Johnson on Monday "
            "urging a vote on Ukraine aid."
        ),
        letters=(
            {
                "sent_on": date(2024, 2, 12),
                "chamber": "house",
                "recipients": ["Mike Johnson"],
                "leads": {"K000009", "F000466"},
                "total_signers": 32,
            },
        ),
        members=frozenset({"K000009", "F000466", "J000299"}),
    ),
    Case(
        name="digest_item_today_means_its_dateline",
        published=date(2024, 11, 27),
        text=(
            "Letters from Capitol Hill this week.\n\nNov. 25\n\nSenator Marsha Blackburn (R-Tenn.) today "
            "sent a letter to Commerce Secretary Gina Raimondo pressing for tighter export controls."
        ),
        letters=(
            {
                "sent_on": date(2024, 11, 25),
                "chamber": "senate",
                "recipients": ["Gina Raimondo"],
                "leads": {"B001243"},
            },
        ),
        members=frozenset({"B001243"}),
    ),
    Case(
        name="governors_letter_to_senators_is_not_theirs",
        published=date(2017, 4, 24),
        text=(
            "April 17, 2017\n\nLetter (from Governor Smith and Governor Jones) to Sens. Mark Warner "
            "(D-VA) and Tim Kaine (D-VA) expressing support for the state cyber grants bill."
        ),
        members=frozenset({"W000805", "K000384"}),
    ),
    Case(
        name="address_block_names_the_addressees",
        published=date(2021, 8, 2),
        text=(
            "Attorney General's Office. The Honorable Nancy Pelosi, Speaker of the House. The Honorable "
            "Chuck Schumer, Majority Leader. Re: election security. Letter: We, the undersigned attorneys "
            "general, write to urge Congress to act."
        ),
        members=frozenset({"P000197", "S000148"}),
    ),
    Case(
        name="wrote_an_official_directly_led_by_three_chairs",
        published=date(2021, 12, 10),
        text=(
            "Republican leaders, led by Reps. James Comer (R-KY), Jim Jordan (R-OH) and Michael McCaul "
            "(R-TX), today wrote Environmental Protection Agency Administrator Michael Regan to again "
            "object to the agency's pesticide rule."
        ),
        letters=(
            {
                "sent_on": date(2021, 12, 10),
                "chamber": "house",
                "recipients": ["Michael Regan"],
                "leads": {"C001108", "J000289", "M001157"},
                "signers": set(),
            },
        ),
        members=frozenset({"C001108", "J000289", "M001157"}),
    ),
    Case(
        name="group_first_then_count_of_the_same_letter",
        published=date(2019, 7, 9),
        text=(
            "Lawmakers who fund the Forest Service have sent a letter asking the agency to revoke a mining "
            "permit.\n\nSix Democrats on the House Appropriations Subcommittee sent the letter Monday."
        ),
        letters=(
            {
                "sent_on": date(2019, 7, 8),
                "chamber": "house",
                "party_counts": {"D": 6},
                "total_signers": 6,
            },
        ),
    ),
    Case(
        name="headline_with_count_then_body_naming_senders",
        published=date(2016, 4, 19),
        text=(
            "Letter from 42 Senators to Leader Schumer about disaster aid\n\nApril 18, 2016\n\nToday, U.S. "
            "Senators Mark Warner, Tim Kaine and 40 of their colleagues wrote a letter to Senate Minority "
            "Leader Chuck Schumer calling for emergency disaster funding."
        ),
        letters=(
            {
                "sent_on": date(2016, 4, 18),
                "chamber": "senate",
                "recipients": ["Chuck Schumer"],
                "leads": {"W000805", "K000384"},
                "total_signers": 42,
            },
        ),
        members=frozenset({"W000805", "K000384", "S000148"}),
    ),
    Case(
        name="leads_set_apart_from_a_later_signer_list",
        published=date(2020, 10, 21),
        text=(
            "Yesterday, Caucus co-chairs Congressman Brian Fitzpatrick and Congresswoman Marcy Kaptur, along "
            "with 26 of their colleagues, sent a letter to Speaker Nancy Pelosi urging a relief deal.\n"
            "The letter was signed by: Rep. Brian Fitzpatrick, Rep. Marcy Kaptur, Rep. Mike Turner, "
            "Rep. Jim Jordan."
        ),
        letters=(
            {
                "sent_on": date(2020, 10, 20),
                "chamber": "house",
                "recipients": ["Nancy Pelosi"],
                "leads": {"F000466", "K000009"},
                "signers": {"T000463", "J000289"},
                "total_signers": 28,
            },
        ),
        members=frozenset({"F000466", "K000009", "T000463", "J000289", "P000197"}),
    ),
    Case(
        name="first_the_letter_refers_to_the_lede_before_it",
        published=date(2021, 2, 10),
        text=(
            "More than two dozen House Republicans on Wednesday urged Secretary of State Antony Blinken to "
            "keep refugee screening in place.\n\n\u201cWe are deeply concerned,\u201d the letter, signed by "
            "26 "
            "House Republicans, says.\n\nThe letter includes Reps. Jim Jordan, R-Ohio, and James Comer, R-Ky."
        ),
        letters=(
            {
                "sent_on": date(2021, 2, 10),
                "chamber": "house",
                "recipients": ["Antony Blinken"],
                "signers": {"J000289", "C001108"},
                "party_counts": {"R": 26},
                "total_signers": 26,
            },
        ),
        members=frozenset({"J000289", "C001108"}),
    ),
    Case(
        name="member_receiving_a_letter_did_not_send_it",
        published=date(2023, 6, 1),
        text=(
            "Rep. Jim Jordan received a letter from the Justice Department on Monday rejecting his subpoena. "
            "The FBI responded Tuesday to a letter from Sen. Chuck Schumer about the bureau's informants."
        ),
        letters=({"sent_on": None, "chamber": "senate", "leads": {"S000148"}},),
        members=frozenset({"J000289", "S000148"}),
    ),
    Case(
        name="letter_from_two_senators_to_a_body",
        published=date(2023, 6, 1),
        text=(
            "In a letter from Sens. Elizabeth Warren and Bernie Sanders to the Fed, the senators asked for "
            "rate cuts."
        ),
        letters=(
            {
                "chamber": "senate",
                "recipients": ["Fed"],
                "signers": {"W000817", "S000033"},
            },
        ),
        members=frozenset({"W000817", "S000033"}),
    ),
    Case(
        name="in_a_letter_then_surname_subject_after_the_recipient",
        published=date(2023, 5, 12),
        text=(
            "Sen. Jon Ossoff (D-Ga.) is demanding answers from the Bureau of Prisons. In a letter Tuesday to "
            "BOP Director Colette Peters, Ossoff asked how the agency tracks deaths in custody."
        ),
        letters=(
            {
                "sent_on": date(2023, 5, 9),
                "chamber": "senate",
                "recipients": ["Colette Peters"],
                "leads": {"O000174"},
            },
        ),
        members=frozenset({"O000174"}),
    ),
    Case(
        name="named_member_and_n_other_progressives",
        published=date(2023, 3, 3),
        text=(
            "Rep. Ilhan Omar, D-Minn., and 11 other progressives sent a letter to Energy Secretary Jennifer "
            "Granholm on Thursday urging a ban on new gas leases."
        ),
        letters=(
            {
                "sent_on": date(2023, 3, 2),
                "chamber": "house",
                "recipients": ["Jennifer Granholm"],
                "leads": {"O000173"},
                "total_signers": 12,
            },
        ),
        members=frozenset({"O000173"}),
    ),
    Case(
        name="letter_to_the_heads_of_companies",
        published=date(2024, 4, 12),
        text=(
            "Sen. Marsha Blackburn wrote to the CEOs of Apple, Google and Amazon on Thursday asking how "
            "they verify the ages of young users."
        ),
        letters=(
            {
                "sent_on": date(2024, 4, 11),
                "recipients": ["Apple", "Google", "Amazon"],
                "leads": {"B001243"},
            },
        ),
        members=frozenset({"B001243"}),
    ),
    Case(
        name="members_among_a_larger_group_of_signers",
        published=date(2024, 3, 6),
        text=(
            "Sens. Tim Kaine and Mark Warner were among 30 senators who signed a letter to Defense Secretary "
            "Lloyd Austin on Monday."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 4),
                "chamber": "senate",
                "recipients": ["Lloyd Austin"],
                "leads": set(),
                "signers": {"K000384", "W000805"},
                "total_signers": 30,
            },
        ),
        members=frozenset({"K000384", "W000805"}),
    ),
    Case(
        name="one_member_joins_another_in_a_letter",
        published=date(2024, 3, 6),
        text="Rep. Marcy Kaptur joined Rep. Brian Fitzpatrick in a letter to President Biden on Monday.",
        letters=(
            {
                "sent_on": date(2024, 3, 4),
                "recipients": ["Joe Biden"],
                "leads": {"F000466"},
                "signers": {"K000009"},
            },
        ),
        members=frozenset({"K000009", "F000466"}),
    ),
    Case(
        name="letter_still_circulating_has_no_send_date",
        published=date(2023, 9, 29),
        text=(
            "Rep. Kevin McCarthy is circulating a letter among House Republicans that will be sent Friday to "
            "President Joe Biden urging a short stopgap."
        ),
        letters=({"sent_on": None, "chamber": "house", "leads": {"M001165"}, "recipients": ["Joe Biden"]},),
        members=frozenset({"M001165"}),
    ),
    Case(
        name="quote_attribution_takes_day_and_count_from_the_lede",
        published=date(2022, 8, 19),
        text=(
            "Twenty House Democrats on Thursday urged the administration to extend the pause on student "
            "loan payments.\n\n\u201cWe urge you to extend the pause,\u201d wrote the lawmakers, led by "
            "Reps. Ilhan Omar and Jamie Raskin, in a letter to President Joe Biden."
        ),
        letters=(
            {
                "sent_on": date(2022, 8, 18),
                "chamber": "house",
                "recipients": ["Joe Biden"],
                "leads": {"O000173", "R000606"},
                "party_counts": {"D": 20},
                "total_signers": 20,
            },
        ),
        members=frozenset({"O000173", "R000606"}),
    ),
    Case(
        name="committee_writes_as_a_body",
        published=date(2024, 3, 6),
        text=(
            "Members of the Senate Armed Services Committee wrote to Defense Secretary Lloyd Austin on "
            "Monday about shipyard delays. Separately, the Justice Department sent a letter to the House "
            "Judiciary Committee on Tuesday."
        ),
        letters=({"sent_on": date(2024, 3, 4), "chamber": "senate", "recipients": ["Lloyd Austin"]},),
    ),
    Case(
        name="fronted_letter_to_recipient_then_senders_with_dotted_initials",
        published=date(2023, 3, 2),
        text=(
            "In a letter sent Tuesday to Health and Human Services Secretary Xavier Becerra and acting Food "
            "and Drug Administration Commissioner Janet Woodcock, Sens. J.D. Vance, R-Ohio, and Sherrod "
            "Brown, D-Ohio, said the agencies moved too slowly on infant formula."
        ),
        letters=(
            {
                "sent_on": date(2023, 2, 28),
                "chamber": "senate",
                "recipients": ["Xavier Becerra", "Janet Woodcock"],
                "signers": {"V000137", "B000944"},
            },
        ),
        members=frozenset({"V000137", "B000944"}),
    ),
    Case(
        name="recipient_told_in_a_letter_and_lowercase_titles",
        published=date(2023, 3, 2),
        text=(
            "Rep. Jim Jordan told Attorney General Merrick Garland in a letter Monday that the department "
            "must hand over its records.\n\nSeparately, Sen. Ted Cruz has written to British prime minister "
            "Rishi Sunak about the trade talks."
        ),
        letters=(
            {"sent_on": date(2023, 2, 27), "recipients": ["Merrick Garland"], "leads": {"J000289"}},
            {"recipients": ["Rishi Sunak"], "leads": {"C001098"}},
        ),
        members=frozenset({"J000289", "C001098"}),
    ),
    Case(
        name="letter_went_to_chairmen_of_their_states",
        published=date(2018, 2, 2),
        text=(
            "Sen. Tim Kaine and Sen. Mark Warner sent a letter on Thursday about shipyard funding. The "
            "letter went to Senate Armed Services Chairman John McCain of Arizona and House "
            "Appropriations Chairman Rodney Frelinghuysen of New Jersey."
        ),
        letters=(
            {
                "sent_on": date(2018, 2, 1),
                "recipients": ["John McCain", "Rodney Frelinghuysen"],
                "signers": {"K000384", "W000805"},
            },
        ),
        members=frozenset({"K000384", "W000805"}),
    ),
    Case(
        name="letterless_lede_gives_day_addressee_and_names_to_in_a_letter",
        published=date(2024, 3, 8),
        text=(
            "Sen. Tim Kaine and Sen. Mark Warner on Thursday pressed Defense Secretary Lloyd Austin to speed "
            "up shipyard repairs in Norfolk.\n\nIn a letter, the two senators said delays were hurting "
            "readiness."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 7),
                "chamber": "senate",
                "recipients": ["Lloyd Austin"],
                "leads": set(),
                "signers": {"K000384", "W000805"},
                "total_signers": 2,
            },
        ),
        members=frozenset({"K000384", "W000805"}),
    ),
    Case(
        name="press_release_led_a_group_in_calling_on_then_joining_on_the_letter",
        published=date(2024, 3, 8),
        text=(
            "WASHINGTON (U.S. SENATE) - U.S. Senator Jacky Rosen today led a group of 9 Democratic senators "
            "in calling on Transportation Secretary Pete Buttigieg to fix airport delays.\n\n"
            '"Travelers deserve better," said Rosen. "The department must act."\n\n'
            "Joining Rosen on the letter were U.S. Senators Alex Padilla (D-Calif.), John Hickenlooper "
            "(D-Colo.) and Mark Kelly (D-Ariz.)."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 8),
                "recipients": ["Pete Buttigieg"],
                "leads": {"R000608"},
                "signers": {"P000145", "H000273", "K000377"},
                "party_counts": {"D": 9},
                "total_signers": 9,
            },
        ),
        members=frozenset({"R000608", "P000145", "H000273", "K000377"}),
    ),
    Case(
        name="driving_force_behind_the_letter_and_her_letter_signed_by",
        published=date(2024, 3, 8),
        text=(
            "A group of House Democrats on Tuesday urged President Joe Biden to cancel more student debt.\n\n"
            "Rep. Ilhan Omar (D-Minn.), who has pushed the issue for years, was the driving force behind the "
            "letter. Her letter was signed by Reps. Jamie Raskin (D-Md.) and Pramila Jayapal (D-Wash.), "
            "among others."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 5),
                "chamber": "house",
                "recipients": ["Joe Biden"],
                "leads": {"O000173"},
                "signers": {"R000606", "J000298"},
            },
        ),
        members=frozenset({"O000173", "R000606", "J000298"}),
    ),
    Case(
        name="state_delegation_sends_and_signers_ranged_from_to",
        published=date(2024, 3, 8),
        text=(
            "Connecticut's congressional delegation sent a letter to Transportation Secretary Pete Buttigieg "
            "on Monday about rail service. Signers ranged from Sen. Richard Blumenthal, who chairs a "
            "subcommittee, to Reps. Rosa DeLauro and Jahana Hayes."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 4),
                "chamber": "bicameral",
                "recipients": ["Pete Buttigieg"],
                "signers": {"B001277", "D000216", "H001081"},
            },
        ),
        members=frozenset({"B001277", "D000216", "H001081"}),
    ),
    Case(
        name="among_the_members_who_signed_the_letter_are",
        published=date(2024, 3, 8),
        text=(
            "Rep. Marcy Kaptur wrote to Energy Secretary Jennifer Granholm on Monday about grid funding. "
            "Among the members who signed the letter are Reps. Jim Jordan (R-Ohio) and Mike Turner (R-Ohio)."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 4),
                "recipients": ["Jennifer Granholm"],
                "leads": {"K000009"},
                "signers": {"J000289", "T000463"},
            },
        ),
        members=frozenset({"K000009", "J000289", "T000463"}),
    ),
    Case(
        name="similar_earlier_letter_in_a_the_letter_sentence_is_another_letter",
        published=date(2023, 1, 12),
        text=(
            "Sen. Bernie Sanders, joined by Sen. Ed Markey, wrote to Pfizer CEO Albert Bourla on Tuesday "
            "about vaccine prices. The letter follows a similar one Sanders sent in November to Moderna CEO "
            "Stephane Bancel."
        ),
        letters=(
            {
                "sent_on": date(2023, 1, 10),
                "recipients": ["Albert Bourla"],
                "leads": {"S000033"},
                "signers": {"M000133"},
            },
            {"recipients": ["Stephane Bancel"], "leads": {"S000033"}, "signers": set()},
        ),
        members=frozenset({"S000033", "M000133"}),
    ),
    Case(
        name="their_own_letter_from_the_other_chamber_counts_the_named_lead",
        published=date(2024, 3, 8),
        text=(
            "Rep. Greg Casar sent a letter to Labor Secretary Julie Su on Friday. On the Senate side, Sen. "
            "John Fetterman and 11 other Democratic senators sent their own letter to Su last month."
        ),
        letters=(
            {"sent_on": date(2024, 3, 8), "chamber": "house", "leads": {"C001131"}},
            {
                "chamber": "senate",
                "recipients": ["Julie Su"],
                "leads": {"F000479"},
                "party_counts": {"D": 12},
                "total_signers": 12,
            },
        ),
        members=frozenset({"C001131", "F000479"}),
    ),
    Case(
        name="lead_language_in_a_clause_about_another_group_is_not_the_letters",
        published=date(2023, 1, 12),
        text=(
            "Rep. Jim Jordan and Rep. James Comer sent a letter to FBI Director Christopher Wray on Monday. "
            "The letter comes as Democrats, led by Rep. Jamie Raskin, push for new hearings."
        ),
        letters=({"leads": set(), "signers": {"J000289", "C001108"}},),
        members=frozenset({"J000289", "C001108", "R000606"}),
    ),
    Case(
        name="joint_possessive_letter_and_the_two_wrote",
        published=date(2023, 5, 19),
        text=(
            "Sens. Richard Blumenthal (D-Conn.) and Marsha Blackburn (R-Tenn.) sent a letter to TikTok CEO "
            "Shou Chew this week. Blumenthal and Blackburn's letter cites new research. "
            '"Parents deserve answers," the two wrote.'
        ),
        letters=(
            {
                "recipients": ["Shou Chew"],
                "leads": {"B001277", "B001243"},
                "signers": set(),
                "total_signers": 2,
            },
        ),
        members=frozenset({"B001277", "B001243"}),
    ),
    Case(
        name="delegation_lede_names_follow_and_quote_attribution_adds_no_letter",
        published=date(2023, 1, 12),
        text=(
            "Virginia's two-member Senate delegation on Tuesday pressed Transportation Secretary Pete "
            "Buttigieg to fund rail repairs.\n\nIn a letter, the lawmakers said service was failing.\n\n"
            "Sens. Tim Kaine and Mark Warner, both Democrats, said the line needed work.\n\n"
            '"Riders deserve better," the lawmakers wrote to Buttigieg.'
        ),
        letters=(
            {
                "sent_on": date(2023, 1, 10),
                "chamber": "senate",
                "recipients": ["Pete Buttigieg"],
                "signers": {"K000384", "W000805"},
                "total_signers": 2,
            },
        ),
        members=frozenset({"K000384", "W000805"}),
    ),
    Case(
        name="non_member_possessive_letter_near_a_quoted_member_is_no_report",
        published=date(2023, 7, 14),
        text=(
            "Gov. Greg Abbott on Wednesday sent a letter to President Joe Biden about border costs. Abbott's "
            "letter came a day after a move Democrats called a stunt. Sen. Ted Cruz said he supported the "
            "request."
        ),
        letters=(),
        members=frozenset({"C001098"}),
    ),
    Case(
        name="position_with_and_inside_it_between_two_signers",
        published=date(2023, 7, 14),
        text=(
            "Rep. Jim Jordan sent a letter to FBI Director Christopher Wray on Tuesday. Speaker Kevin "
            "McCarthy and Oversight and Accountability Committee Chairman James Comer (R-Ky.) both signed "
            "the letter."
        ),
        letters=({"leads": {"J000289"}, "signers": {"M001165", "C001108"}},),
        members=frozenset({"J000289", "M001165", "C001108"}),
    ),
    Case(
        name="foreign_copy_us_politicians_have_written_to_a_prime_minister",
        published=date(2023, 7, 14),
        text=(
            "A group of senior US politicians has written to Irish prime minister Leo Varadkar urging him "
            "to act.\n\nThe letter, sent on 12 July, was signed by Congressman Jamie Raskin and "
            "congresswoman Pramila Jayapal."
        ),
        letters=(
            {
                "sent_on": date(2023, 7, 12),
                "recipients": ["Leo Varadkar"],
                "signers": {"R000606", "J000298"},
            },
        ),
        members=frozenset({"R000606", "J000298"}),
    ),
    Case(
        name="in_a_letter_continues_the_count_of_the_sentence_before",
        published=date(2023, 7, 14),
        text=(
            "Meanwhile, a group of 40 House Democrats is applauding the decision. In a letter last week "
            "organized by Reps. Greg Casar and Ilhan Omar, they asked the agency to go further."
        ),
        letters=({"leads": {"C001131", "O000173"}, "party_counts": {"D": 40}, "total_signers": 40},),
        members=frozenset({"C001131", "O000173"}),
    ),
    Case(
        name="lede_about_another_chamber_member_gives_the_letter_no_names",
        published=date(2021, 5, 14),
        text=(
            "Sen. Ted Cruz on Monday urged voters to turn out. In a letter Tuesday, 20 House Republicans "
            "urged Homeland Security Secretary Alejandro Mayorkas to reverse the policy."
        ),
        letters=(
            {
                "sent_on": date(2021, 5, 11),
                "chamber": "house",
                "recipients": ["Alejandro Mayorkas"],
                "leads": set(),
                "signers": set(),
                "party_counts": {"R": 20},
            },
        ),
        members=frozenset({"C001098"}),
    ),
    Case(
        name="sentence_before_in_a_letter_gives_only_its_count_when_its_verb_is_not_an_ask",
        published=date(2021, 5, 14),
        text=(
            "Sen. Ted Cruz blasted the decision on Monday. In a letter Tuesday, 20 House Republicans urged "
            "Homeland Security Secretary Alejandro Mayorkas to reverse it.\n\nSenate Republicans on "
            "Tuesday blocked a child care bill. In a separate letter, Sen. Tim Kaine urged Education "
            "Secretary Miguel Cardona to act."
        ),
        letters=(
            {"sent_on": date(2021, 5, 11), "leads": set(), "party_counts": {"R": 20}},
            {"recipients": ["Miguel Cardona"], "leads": {"K000384"}, "total_signers": None},
        ),
        members=frozenset({"C001098", "K000384"}),
    ),
    Case(
        name="person_heading_the_body_named_later_replaces_the_body",
        published=date(2022, 2, 11),
        text=(
            "On Feb. 9, a group of lawmakers wrote to the Federal Bureau of Prisons (BOP) demanding an end "
            "to solitary confinement.\n\nThe letter was authored by Sen. Ed Markey and signed by Rep. "
            'Pramila Jayapal.\n\n"This practice must end," they wrote to BOP Director Michael Carvajal.'
        ),
        letters=(
            {
                "sent_on": date(2022, 2, 9),
                "recipients": ["Michael Carvajal"],
                "leads": {"M000133"},
                "signers": {"J000298"},
            },
        ),
        members=frozenset({"M000133", "J000298"}),
    ),
    Case(
        name="dear_colleague_letter_is_addressed_to_fellow_members",
        published=date(2022, 2, 11),
        text=(
            "In a Dear Colleague letter sent Monday, Reps. Jamie Raskin and Pramila Jayapal urged fellow "
            "House members to co-sponsor the bill."
        ),
        letters=(
            {
                "sent_on": date(2022, 2, 7),
                "recipients": ["House members"],
                "signers": {"R000606", "J000298"},
            },
        ),
        members=frozenset({"R000606", "J000298"}),
    ),
    Case(
        name="exact_signature_count_sharpens_the_ledes_minimum",
        published=date(2023, 6, 8),
        text=(
            "More than 50 House Republicans on Wednesday urged Education Secretary Miguel Cardona to drop "
            "the rule.\n\nRep. Jim Jordan's letter, which drew 57 signatures, says the rule exceeds the law."
        ),
        letters=(
            {
                "sent_on": date(2023, 6, 7),
                "recipients": ["Miguel Cardona"],
                "leads": {"J000289"},
                "party_counts": {"R": 50},
                "total_signers": 57,
                "counts_are_minimum": False,
            },
        ),
        members=frozenset({"J000289"}),
    ),
    Case(
        name="one_member_commenting_after_a_group_letter_is_not_its_sender",
        published=date(2023, 5, 17),
        text=(
            "House Democrats sent a letter to Speaker Kevin McCarthy on Monday about the debt limit. "
            "Rep. Jim Jordan, a Republican, said the letter was a stunt."
        ),
        letters=(
            {
                "sent_on": date(2023, 5, 15),
                "recipients": ["Kevin McCarthy"],
                "leads": set(),
                "signers": set(),
            },
        ),
        members=frozenset({"M001165", "J000289"}),
    ),
    Case(
        name="fronted_recipient_then_surname_and_titled_member_as_subject",
        published=date(2024, 3, 8),
        text=(
            "Sen. Elizabeth Warren has been pressing regulators for months. In a letter Thursday to Federal "
            "Reserve Chair Jerome Powell, Warren and Sen. Ed Markey asked the Fed to tighten bank rules."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 7),
                "recipients": ["Jerome Powell"],
                "signers": {"W000817", "M000133"},
            },
        ),
        members=frozenset({"W000817", "M000133"}),
    ),
    Case(
        name="the_letter_first_reported_by_an_outlet_then_signed_and_sent",
        published=date(2024, 3, 8),
        text=(
            "The letter, first reported by Politico, was signed by 40 House Democrats and sent to Commerce "
            "Secretary Gina Raimondo on Wednesday."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 6),
                "chamber": "house",
                "recipients": ["Gina Raimondo"],
                "party_counts": {"D": 40},
            },
        ),
    ),
    Case(
        name="lowercase_title_then_the_person_holding_it_in_apposition",
        published=date(2024, 3, 8),
        text=(
            "Sen. Ted Cruz (R-Texas) wrote a letter on Monday to the NCAA president, Charlie Baker, "
            "demanding answers about athlete pay."
        ),
        letters=({"sent_on": date(2024, 3, 4), "recipients": ["Charlie Baker"], "leads": {"C001098"}},),
        members=frozenset({"C001098"}),
    ),
    Case(
        name="went_to_a_place_is_no_recipient",
        published=date(2024, 3, 8),
        text="Sen. Tim Kaine, who went to Kyiv last week, sent a letter to President Joe Biden on Friday.",
        letters=({"sent_on": date(2024, 3, 8), "recipients": ["Joe Biden"], "leads": {"K000384"}},),
        members=frozenset({"K000384"}),
    ),
    Case(
        name="the_two_senators_also_wrote_is_another_letter_by_the_same_pair",
        published=date(2024, 3, 8),
        text=(
            "In a letter Thursday to Federal Reserve Chair Jerome Powell, Sens. Elizabeth Warren and Ed "
            "Markey asked the Fed to tighten bank rules. The two senators also wrote to FDIC Chair Martin "
            "Gruenberg last month."
        ),
        letters=(
            {"sent_on": date(2024, 3, 7), "recipients": ["Jerome Powell"], "signers": {"W000817", "M000133"}},
            {"recipients": ["Martin Gruenberg"], "signers": {"W000817", "M000133"}, "total_signers": 2},
        ),
        members=frozenset({"W000817", "M000133"}),
    ),
    Case(
        name="a_letter_introducing_its_own_senders_takes_no_date_from_an_unrelated_lede",
        published=date(2024, 3, 8),
        text=(
            "Republicans pressed ahead Thursday with plans to impeach the secretary.\n\n"
            '"This is a sham," said Rep. Jamie Raskin.\n\n'
            "Meanwhile, Sen. Ted Cruz wrote to Homeland Security Secretary Alejandro Mayorkas demanding "
            "records."
        ),
        letters=({"sent_on": None, "recipients": ["Alejandro Mayorkas"], "leads": {"C001098"}},),
        members=frozenset({"R000606", "C001098"}),
    ),
    Case(
        name="lede_count_matching_the_named_senders_gives_its_day",
        published=date(2023, 2, 24),
        text=(
            "Ohio's two U.S. senators on Thursday demanded that the railroad pay for the cleanup. Sens. "
            "Sherrod Brown, D-Ohio, and JD Vance, R-Ohio, wrote to Norfolk Southern CEO Alan Shaw."
        ),
        letters=(
            {
                "sent_on": date(2023, 2, 23),
                "recipients": ["Alan Shaw"],
                "signers": {"B000944", "V000137"},
                "total_signers": 2,
            },
        ),
        members=frozenset({"B000944", "V000137"}),
    ),
    Case(
        name="the_letter_after_a_named_lede_and_quotes_is_the_ledes_members_letter",
        published=date(2024, 3, 8),
        text=(
            'Sen. Bernie Sanders on Tuesday urged drugmakers to cut prices. "They must act," Sanders said.'
            "\n\nSanders also chairs the HELP Committee, which will hold a hearing next week. The letter "
            "was sent to the CEOs of Merck, Pfizer and Johnson & Johnson."
        ),
        letters=(
            {
                "sent_on": date(2024, 3, 5),
                "recipients": ["Merck", "Pfizer", "Johnson & Johnson"],
                "leads": {"S000033"},
            },
        ),
        members=frozenset({"S000033"}),
    ),
    Case(
        name="a_governors_letter_after_a_members_lede_is_no_report",
        published=date(2024, 3, 8),
        text=(
            "Sen. Bernie Sanders on Tuesday urged drugmakers to cut prices. The letter from Gov. Gavin "
            "Newsom was sent to the same companies."
        ),
        letters=(),
        members=frozenset({"S000033"}),
    ),
)

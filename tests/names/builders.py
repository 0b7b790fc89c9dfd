"""Small builders for name-index tests: members and terms as plain records, no database."""

from __future__ import annotations

from datetime import date

from members.name_index import MemberRecord, NameIndex, TermRecord


def term(
    chamber: str = "house",
    state: str = "OH",
    *,
    district: int | None = None,
    party: str = "D",
    caucus: str = "",
    start: date | None = date(2023, 1, 3),
    end: date | None = date(2025, 1, 3),
) -> TermRecord:
    if chamber == "house" and district is None:
        district = 1
    if chamber == "senate":
        district = None
    return TermRecord(chamber, state, district, party, caucus, start, end)


def member(
    bioguide: str,
    first: str,
    last: str,
    *terms: TermRecord,
    middle: str = "",
    suffix: str = "",
    nickname: str = "",
    official_full: str = "",
    other_names: tuple[str, ...] = (),
) -> MemberRecord:
    return MemberRecord(
        bioguide=bioguide,
        first=first,
        middle=middle,
        last=last,
        suffix=suffix,
        nickname=nickname,
        official_full=official_full,
        terms=terms or (term(),),
        other_names=other_names,
    )


def roster() -> list[MemberRecord]:
    """Real members (public data) whose names exercise the hard cases."""
    return [
        member(
            "K000009",
            "Marcia",
            "Kaptur",
            term("house", "OH", district=9, start=date(1983, 1, 3), end=date(2027, 1, 3)),
            middle="C.",
            nickname="Marcy",
            official_full="Marcy Kaptur",
        ),
        member(
            "K000377",
            "Mark",
            "Kelly",
            term("senate", "AZ", start=date(2020, 12, 2), end=date(2029, 1, 3)),
            official_full="Mark Kelly",
        ),
        member(
            "K000376",
            "Mike",
            "Kelly",
            term("house", "PA", district=16, party="R", start=date(2011, 1, 3), end=date(2027, 1, 3)),
            official_full="Mike Kelly",
        ),
        member(
            "K000385",
            "Robin",
            "Kelly",
            term("house", "IL", district=2, start=date(2013, 4, 11), end=date(2027, 1, 3)),
            official_full="Robin L. Kelly",
            middle="L.",
        ),
        # Two Mike Rogers served together in the House until January 2015.
        member(
            "R000575",
            "Mike",
            "Rogers",
            term("house", "AL", district=3, party="R", start=date(2003, 1, 7), end=date(2027, 1, 3)),
            middle="Dennis",
            official_full="Mike Rogers",
        ),
        member(
            "R000572",
            "Mike",
            "Rogers",
            term("house", "MI", district=8, party="R", start=date(2001, 1, 3), end=date(2015, 1, 3)),
            term("senate", "MI", party="R", start=date(2025, 1, 3), end=date(2031, 1, 3)),
            middle="J.",
            official_full="Mike Rogers",
        ),
        member(
            "S001184",
            "Tim",
            "Scott",
            term("senate", "SC", party="R", start=date(2013, 1, 2), end=date(2029, 1, 3)),
            official_full="Tim Scott",
        ),
        member(
            "S001217",
            "Rick",
            "Scott",
            term("senate", "FL", party="R", start=date(2019, 1, 8), end=date(2031, 1, 3)),
            official_full="Rick Scott",
        ),
        member(
            "S000148",
            "Charles",
            "Schumer",
            term("senate", "NY", start=date(1999, 1, 6), end=date(2029, 1, 3)),
            middle="E.",
            nickname="Chuck",
            official_full="Charles E. Schumer",
        ),
        # Van Drew switched from Democrat to Republican in January 2020.
        member(
            "V000133",
            "Jefferson",
            "Van Drew",
            term("house", "NJ", district=2, party="D", start=date(2019, 1, 3), end=date(2020, 1, 6)),
            term("house", "NJ", district=2, party="R", start=date(2020, 1, 7), end=date(2027, 1, 3)),
            official_full="Jefferson Van Drew",
        ),
        # The data gives no nickname: "Mike Turner" must come from the common-nickname table.
        member(
            "T000463",
            "Michael",
            "Turner",
            term("house", "OH", district=10, party="R", start=date(2003, 1, 7), end=date(2027, 1, 3)),
            middle="R.",
            official_full="Michael R. Turner",
        ),
        member(
            "W000817",
            "Elizabeth",
            "Warren",
            term("senate", "MA", start=date(2013, 1, 3), end=date(2031, 1, 3)),
            official_full="Elizabeth Warren",
        ),
        member(
            "W000797",
            "Debbie",
            "Wasserman Schultz",
            term("house", "FL", district=25, start=date(2005, 1, 4), end=date(2027, 1, 3)),
            official_full="Debbie Wasserman Schultz",
        ),
        member(
            "O000172",
            "Alexandria",
            "Ocasio-Cortez",
            term("house", "NY", district=14, start=date(2019, 1, 3), end=date(2027, 1, 3)),
            official_full="Alexandria Ocasio-Cortez",
        ),
        member(
            "M001159",
            "Cathy",
            "McMorris Rodgers",
            term("house", "WA", district=5, party="R", start=date(2005, 1, 4), end=date(2025, 1, 3)),
            official_full="Cathy McMorris Rodgers",
        ),
        member(
            "D000600",
            "Mario",
            "Diaz-Balart",
            term("house", "FL", district=26, party="R", start=date(2003, 1, 7), end=date(2027, 1, 3)),
            official_full="Mario Diaz-Balart",
        ),
        member(
            "K000398",
            "Thomas",
            "Kean",
            term("house", "NJ", district=7, party="R", start=date(2023, 1, 3), end=date(2027, 1, 3)),
            middle="H.",
            suffix="Jr.",
            official_full="Thomas H. Kean Jr.",
        ),
        # Sinema left the Democrats in December 2022 and caucused with them as an independent.
        member(
            "S001191",
            "Kyrsten",
            "Sinema",
            term("senate", "AZ", party="D", start=date(2019, 1, 3), end=date(2022, 12, 8)),
            term("senate", "AZ", party="I", caucus="D", start=date(2022, 12, 9), end=date(2025, 1, 3)),
            official_full="Kyrsten Sinema",
        ),
        member(
            "B001228",
            "Mary",
            "Bono Mack",
            term("house", "CA", district=45, party="R", start=date(2009, 1, 6), end=date(2013, 1, 3)),
            middle="Whitaker",
            official_full="Mary Bono Mack",
            other_names=("Bono",),
        ),
    ]


def roster_index() -> NameIndex:
    return NameIndex(roster())

"""A small roster of real members with approximate terms, for engine tests without a database."""

from __future__ import annotations

from datetime import date

from members.name_index import MemberRecord, NameIndex, TermRecord

# bioguide, first, nickname, last, [(chamber, state, party, start, end), ...]
_ROSTER: tuple[tuple[str, str, str, str, tuple[tuple[str, str, str, str, str], ...]], ...] = (
    ("K000009", "Marcy", "", "Kaptur", (("house", "OH", "D", "1983-01-03", "2027-01-03"),)),
    ("F000466", "Brian", "", "Fitzpatrick", (("house", "PA", "R", "2017-01-03", "2027-01-03"),)),
    ("W000817", "Elizabeth", "", "Warren", (("senate", "MA", "D", "2013-01-03", "2031-01-03"),)),
    ("W000802", "Sheldon", "", "Whitehouse", (("senate", "RI", "D", "2007-01-04", "2031-01-03"),)),
    ("K000377", "Mark", "", "Kelly", (("senate", "AZ", "D", "2020-12-02", "2029-01-03"),)),
    ("K000376", "George", "Mike", "Kelly", (("house", "PA", "R", "2011-01-05", "2027-01-03"),)),
    ("K000385", "Robin", "", "Kelly", (("house", "IL", "D", "2013-04-11", "2027-01-03"),)),
    ("R000575", "Mike", "", "Rogers", (("house", "AL", "R", "2003-01-07", "2027-01-03"),)),
    (
        "R000572",
        "Mike",
        "",
        "Rogers",
        (("house", "MI", "R", "2001-01-03", "2015-01-03"), ("senate", "MI", "R", "2025-01-03", "2031-01-03")),
    ),
    ("T000463", "Michael", "Mike", "Turner", (("house", "OH", "R", "2003-01-07", "2027-01-03"),)),
    ("J000299", "Mike", "", "Johnson", (("house", "LA", "R", "2017-01-03", "2027-01-03"),)),
    ("J000305", "Sara", "", "Jacobs", (("house", "CA", "D", "2021-01-03", "2027-01-03"),)),
    ("J000307", "John", "", "James", (("house", "MI", "R", "2023-01-03", "2027-01-03"),)),
    ("B000944", "Sherrod", "", "Brown", (("senate", "OH", "D", "2007-01-04", "2025-01-03"),)),
    ("C001070", "Robert", "Bob", "Casey", (("senate", "PA", "D", "2007-01-04", "2025-01-03"),)),
    ("F000479", "John", "", "Fetterman", (("senate", "PA", "D", "2023-01-03", "2029-01-03"),)),
    ("J000298", "Pramila", "", "Jayapal", (("house", "WA", "D", "2017-01-03", "2027-01-03"),)),
    ("C001131", "Greg", "", "Casar", (("house", "TX", "D", "2023-01-03", "2027-01-03"),)),
    ("R000606", "Jamie", "", "Raskin", (("house", "MD", "D", "2017-01-03", "2027-01-03"),)),
    ("M000133", "Edward", "Ed", "Markey", (("senate", "MA", "D", "2013-07-16", "2027-01-03"),)),
    ("C001098", "Rafael", "Ted", "Cruz", (("senate", "TX", "R", "2013-01-03", "2031-01-03"),)),
    ("P000197", "Nancy", "", "Pelosi", (("house", "CA", "D", "1987-06-02", "2027-01-03"),)),
    ("G000579", "Mike", "", "Gallagher", (("house", "WI", "R", "2017-01-03", "2024-04-24"),)),
    ("S000148", "Charles", "Chuck", "Schumer", (("senate", "NY", "D", "1999-01-06", "2029-01-03"),)),
    ("B001243", "Marsha", "", "Blackburn", (("senate", "TN", "R", "2019-01-03", "2031-01-03"),)),
    ("B001277", "Richard", "", "Blumenthal", (("senate", "CT", "D", "2011-01-05", "2029-01-03"),)),
    ("M001157", "Michael", "", "McCaul", (("house", "TX", "R", "2005-01-04", "2027-01-03"),)),
    ("H001081", "Jahana", "", "Hayes", (("house", "CT", "D", "2019-01-03", "2027-01-03"),)),
    ("K000384", "Tim", "", "Kaine", (("senate", "VA", "D", "2013-01-03", "2031-01-03"),)),
    ("W000805", "Mark", "", "Warner", (("senate", "VA", "D", "2009-01-06", "2027-01-03"),)),
    ("T000464", "Jon", "", "Tester", (("senate", "MT", "D", "2007-01-04", "2025-01-03"),)),
    ("P000145", "Alex", "", "Padilla", (("senate", "CA", "D", "2021-01-20", "2029-01-03"),)),
    ("O000173", "Ilhan", "", "Omar", (("house", "MN", "D", "2019-01-03", "2027-01-03"),)),
    ("R000595", "Marco", "", "Rubio", (("senate", "FL", "R", "2011-01-05", "2025-01-20"),)),
    ("S000033", "Bernard", "Bernie", "Sanders", (("senate", "VT", "I", "2007-01-04", "2031-01-03"),)),
    ("A000370", "Alma", "", "Adams", (("house", "NC", "D", "2014-11-12", "2027-01-03"),)),
    ("O000174", "Jon", "", "Ossoff", (("senate", "GA", "D", "2021-01-20", "2027-01-03"),)),
    ("S001217", "Rick", "", "Scott", (("senate", "FL", "R", "2019-01-08", "2031-01-03"),)),
    ("S001184", "Tim", "", "Scott", (("senate", "SC", "R", "2013-01-02", "2029-01-03"),)),
    ("Y000064", "Todd", "", "Young", (("senate", "IN", "R", "2017-01-03", "2029-01-03"),)),
    ("Y000033", "Don", "", "Young", (("house", "AK", "R", "1973-03-06", "2022-03-18"),)),
    ("K000383", "Angus", "", "King", (("senate", "ME", "I", "2013-01-03", "2031-01-03"),)),
    ("J000289", "James", "Jim", "Jordan", (("house", "OH", "R", "2007-01-04", "2027-01-03"),)),
    ("M001165", "Kevin", "", "McCarthy", (("house", "CA", "R", "2007-01-04", "2023-12-31"),)),
    ("C001108", "James", "", "Comer", (("house", "KY", "R", "2016-11-14", "2027-01-03"),)),
    ("H000273", "John", "", "Hickenlooper", (("senate", "CO", "D", "2021-01-03", "2027-01-03"),)),
    ("D000216", "Rosa", "", "DeLauro", (("house", "CT", "D", "1991-01-03", "2027-01-03"),)),
    ("L000593", "Mike", "", "Levin", (("house", "CA", "D", "2019-01-03", "2027-01-03"),)),
    ("R000608", "Jacky", "", "Rosen", (("senate", "NV", "D", "2019-01-03", "2031-01-03"),)),
    ("C001075", "Bill", "", "Cassidy", (("senate", "LA", "R", "2015-01-06", "2027-01-03"),)),
    ("H001089", "Josh", "", "Hawley", (("senate", "MO", "R", "2019-01-03", "2031-01-03"),)),
    ("P000618", "Katie", "", "Porter", (("house", "CA", "D", "2019-01-03", "2025-01-03"),)),
    ("B001135", "Richard", "", "Burr", (("senate", "NC", "R", "2005-01-04", "2023-01-03"),)),
    ("V000137", "James", "JD", "Vance", (("senate", "OH", "R", "2023-01-03", "2025-01-10"),)),
)


def member_record(bioguide: str, first: str, nickname: str, last: str, terms) -> MemberRecord:
    return MemberRecord(
        bioguide=bioguide,
        first=first,
        middle="",
        last=last,
        suffix="",
        nickname=nickname,
        official_full=f"{nickname or first} {last}",
        terms=tuple(
            TermRecord(
                chamber=chamber,
                state=state,
                district=None if chamber == "senate" else 1,
                party=party,
                caucus="D" if party == "I" else "",
                start=date.fromisoformat(start),
                end=date.fromisoformat(end),
            )
            for chamber, state, party, start, end in terms
        ),
    )


def roster_records() -> list[MemberRecord]:
    return [member_record(*row) for row in _ROSTER]


def roster_index() -> NameIndex:
    return NameIndex(roster_records())

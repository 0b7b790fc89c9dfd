"""Members named in an article: the names core's automaton hits, resolved in context.

A hit is only a string that some member's name variant matches. Whether it names a member
SERVING on the article's date, and which one, depends on what surrounds it: a title ("Rep.",
"Sens. A and B"), a party/state tag ("(D-Ohio)", ", R-Calif.,", "of Ohio"), a first name, or an
earlier full mention of the same surname. A surname alone is accepted only when nothing else in
the article or the roster makes it ambiguous, and never for surnames that are everyday words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from members.name_index import NameIndex
from members.names import given_name_forms, state_code

if TYPE_CHECKING:
    from members.name_index import NameHit, TermRecord

# Titles written right before a name, as the last one to four words before it.
_TITLE_WORDS = frozenset(
    {
        "Rep.", "Reps.", "Rep", "Representative", "Representatives", "Congressman", "Congresswoman",
        "Congressmember", "Congressperson", "Sen.", "Sens.", "Senator", "Senators", "Del.", "Delegate",
        "Speaker", "Leader", "Whip", "Chair", "Chairman", "Chairwoman", "Mr.", "Mrs.", "Ms.", "Dr.",
        "Lawmaker", "Lawmakers", "Democrat", "Democrats", "Republican", "Republicans",
    }
)  # fmt: skip
_TITLE_PHRASES = frozenset({"Resident Commissioner", "Ranking Member", "Speaker of the House"})
_TITLE_CHAMBER = {
    "rep": "house",
    "reps": "house",
    "representative": "house",
    "representatives": "house",
    "congressman": "house",
    "congresswoman": "house",
    "congressmember": "house",
    "congressperson": "house",
    "del": "house",
    "delegate": "house",
    "resident commissioner": "house",
    "speaker": "house",
    "speaker of the house": "house",
    "sen": "senate",
    "sens": "senate",
    "senator": "senate",
    "senators": "senate",
}
_PLURAL_TITLES = frozenset(
    {"reps", "representatives", "sens", "senators", "lawmakers", "democrats", "republicans"}
)
# Offices held by people who are not members of Congress: the name after them is someone else.
_OTHER_OFFICES = frozenset(
    {
        "Gov.", "Governor", "Lt.", "Mayor", "President", "Secretary", "Judge", "Justice", "Ambassador",
        "Minister", "Director", "Administrator", "Commissioner", "Chancellor", "CEO", "Pope", "King", "Queen",
        "Prince", "General", "Gen.", "Adm.", "Officer", "former", "Former", "late",
    }
)  # fmt: skip
_TAG = re.compile(
    r"(?:['\u2019]s)?\s*(?:"
    r"\(\s*(?P<p1>[DRI])(?:\s*[-\u2013,]\s*(?P<s1>[A-Z][A-Za-z. ]{0,18}?)"
    r"(?:\s*[-\u2013]\s*(?P<d1>\d{1,2}|AL))?)?\s*\)"
    r"|,\s*(?P<p2>[DRI])\s*[-\u2013]\s*(?P<s2>(?:New|North|South|West|Rhode)\s[A-Z][a-z]+|[A-Z][A-Za-z.]{1,13})"
    r"(?:\s*[-\u2013]\s*(?P<d2>\d{1,2}))?(?=[,;:.)\s]|$)"
    r"|\(\s*(?P<s4>[A-Z]{2})[-\u2013 ](?P<d4>\d{1,2}|AL)\s*\)"
    r"|\(\s*(?P<s5>(?:New|North|South|West|Rhode)\s[A-Z][a-z]+|[A-Z][A-Za-z.]{1,13})\s*\)"
    r"|\s+of\s+(?P<s3>(?:New|North|South|West|Rhode)\s+[A-Z][a-z]+|[A-Z][a-z]+)"
    r")"
)
_PARTY_WORDS = {"D": "D", "R": "R", "I": "I"}
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+\.?|[A-Z]\.")
_NEXT_CAPITALISED = re.compile(r"[ \t]+(?P<next>[A-Z][a-z]+)")
# A surname hit in a title like "Rep. Kaptur" carries the title's chamber; in "Reps. A and B" the
# title is written once for the whole list.
_LIST_GAP = re.compile(r"^(?:\s*\([^()]{1,24}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$")

# Words before a capitalised name that are not given names.
_NOT_GIVEN_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "Of",
        "In",
        "On",
        "At",
        "To",
        "For",
        "From",
        "With",
        "By",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Then",
        "That",
        "This",
        "These",
        "Those",
        "Their",
        "His",
        "Her",
        "Its",
        "Our",
        "Your",
        "We",
        "They",
        "He",
        "She",
        "It",
        "I",
        "Also",
        "Both",
        "Neither",
        "Either",
        "Only",
        "Even",
        "Said",
        "Says",
        "According",
        "Meanwhile",
        "However",
        "Still",
        "Yet",
        "So",
        "Because",
        "Although",
        "Though",
        "Unlike",
        "Like",
        "Dear",
        "Letter",
        "Letters",
        "Reps",
        "Sens",
        "Rep",
        "Sen",
        "House",
        "Senate",
        "Congress",
        "Congressional",
        "Democrat",
        "Democrats",
        "Democratic",
        "Republican",
        "Republicans",
        "GOP",
        "Independent",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Ranking",
        "Member",
        "Members",
        "Leader",
        "Whip",
        "Speaker",
        "Majority",
        "Minority",
        "Caucus",
        "Committee",
        "Subcommittee",
        "Commission",
        "Sincerely",
        "Signed",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Representative",
        "Senator",
        "Congressman",
        "Congresswoman",
        "Delegate",
        "Commissioner",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Lawmakers",
        "Lawmaker",
        "Colleagues",
        "Freshman",
        "Veteran",
        "Fellow",
        "Top",
        "Several",
        "Many",
        "Some",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Intelligence",
        "Judiciary",
        "Oversight",
        "Appropriations",
        "Armed",
        "Services",
        "Foreign",
        "Affairs",
        "Ways",
        "Means",
        "Energy",
        "Commerce",
        "Homeland",
        "Security",
        "Finance",
        "Banking",
        "Budget",
        "Rules",
        "Agriculture",
        "Education",
        "Labor",
        "Veterans",
        "Affairs",
        "Health",
        "Natural",
        "Resources",
        "Science",
        "Small",
        "Business",
        "Transportation",
        "Infrastructure",
        "Ethics",
        "Administration",
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "Hampshire",
        "Jersey",
        "Mexico",
        "York",
        "Carolina",
        "Dakota",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Rhode",
        "Island",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "Washington",
        "Wisconsin",
        "Wyoming",
    ]
)

# Member surnames that are everyday words, places or common given names: alone they need a
# title, a tag, a matching first name or an earlier full mention.
COMMON_WORD_SURNAMES = frozenset(
    """
    Abraham Alexander Allen Amo Andrews Austria Baca Bacon Baker Baldwin Banks Barber Barr Barrett Bass
    Bean Bell Berg Bishop Black Blunt Bono Booker Boxer Brady Brooks Brown Buck Burns Bush Butler Byrne
    Camp Campbell Cantor Carey Carl Carson Carter Case Casey Castor Castro Chandler Chu Clark Clarke
    Clay Cline Cloud Coats Cohen Cole Collins Conway Cook Cooper Costa Cotton Cox Craig Crane Crank
    Crawford Crist Crow Curtis Davids Davis Day Dean Delgado Dent Dicks Downing Doyle Duffy Duncan Dunn
    Edwards Emerson Escobar Evans Fields Fine Fleming Flood Flores Forbes Foster Frank Franklin Franks
    Frost Fry Fuller Gallego Garcia García Gardner Garrett Gibbs Gibson Gill Golden Gomez Gonzales
    Gonzalez Good Grace Graham Granger Graves Gray Green Griffin Griffith Guest Gutiérrez Hahn Hall
    Hanna Harder Hardy Harkin Harper Harris Hatch Hayes Heck Hernández Higgins Hill Holden Holding Holt
    Honda Hope Horn Houston Hudson Hunt Hunter Hurd Hurt Israel Ivey Jack Jackson Jacobs James Jenkins
    Johnson Jones Jordan Joy Joyce Justice Keller Kelly Kennedy Kerry Kim Kind King Kirk Kline Knight
    Knott Kuster Lamb Lance Landry Larsen Larson Latta Lawrence Lawson Lee Levin Lewis Long Lopez Love
    Lucas Luna Lynch Mace Mack Mann Manning Marino Marshall Mast Meadows Mejia Meng Mica Miller Mills
    Min Mitchell Moody Mooney Moore Moran Moreno Morrison Murphy Murray Neal Nelson Newman Nickel Nolan
    Norman Norton Nunn Olson Owens Palmer Pastor Paul Payne Pence Perdue Perry Peters Pitts Platts Poe
    Polis Porter Post Price Pryor Ramirez Randall Reed Reid Reyes Rice Richardson Riley Rivera Roberts
    Roe Rogers Rooney Rose Ross Roy Ruiz Rush Russell Ryan Salazar Salmon Sanchez Sanders Santos Schmidt
    Scott Self Sessions Shelby Sherman Simon Simpson Smith Soto Stanton Stark Stearns Steel Stevens
    Stewart Stone Strange Strong Sullivan Sutton Sykes Sánchez Taylor Tenney Terry Thompson Tiffany
    Tipton Titus Tlaib Tonko Torres Towns Tran Trott Turner Udall Upton Vargas Vasquez Vela Virginia
    Wagner Walker Walsh Walters Warner Warnock Warren Washington Waters Watkins Watson Watt Webb Weber
    Webster Welch West Whitfield Wicker Wild Williams Wilson Wolf Woodall Wright Young
    """.split()  # noqa: SIM905 - a word list reads best as words
)


@dataclass(frozen=True)
class Mention:
    """A stretch of text resolved to one serving member."""

    start: int
    end: int
    bioguide: str
    surface: str
    chamber: str | None
    party: str | None
    titled: bool  # written with a title or tag, not a bare surname


@dataclass
class _Candidate:
    hit: NameHit
    bioguides: tuple[str, ...]
    title_chamber: str | None
    plural_title: bool
    titled: bool
    first_name_mismatch: bool


def resolve_mentions(
    text: str, hits: list[NameHit], *, published: date | None, names: NameIndex
) -> list[Mention]:
    """Resolve automaton hits to serving members, in text order; unresolvable hits are dropped."""
    terms: dict[str, TermRecord | None] = {}

    # Undated copy is judged as of the member data's latest date (most copy is recent); a member
    # who had left by then still counts when written with a title or tag ("Sen. Kamala Harris").
    on = published or latest_data_date(names)
    stale: set[str] = set()

    def term(bioguide: str) -> TermRecord | None:
        if bioguide not in terms:
            terms[bioguide] = names.term_on(bioguide, on) if on else None
            if terms[bioguide] is None and published is None:
                record_terms = names.record(bioguide).terms
                terms[bioguide] = record_terms[-1] if record_terms else None
                stale.add(bioguide)
        return terms[bioguide]

    candidates: list[_Candidate] = []
    previous: _Candidate | None = None
    for hit in hits:
        surface = hit.surface
        if not surface[:1].isupper():
            previous = None
            continue
        before = text[max(0, hit.start - 48) : hit.start]
        # Only words separated from the name by whitespace speak about it ("Sen. Kelly", not "(Kelly").
        words = before.split()[-4:] if before[-1:].isspace() else []
        title = _title_before(words)
        title_chamber = None
        plural = False
        if title is None and words and words[-1] in _OTHER_OFFICES:
            previous = None
            continue
        if title:
            word = title.rstrip(".").lower()
            title_chamber = _TITLE_CHAMBER.get(word)
            plural = word in _PLURAL_TITLES
        elif previous is not None and (previous.plural_title or previous.title_chamber):
            gap = text[previous.hit.end : hit.start]
            if _LIST_GAP.match(gap) and (previous.plural_title or previous.title_chamber):
                title_chamber = previous.title_chamber
                plural = previous.plural_title
        pool = [b for b in hit.bioguides if term(b) is not None]
        tag = _TAG.match(text, hit.end, min(len(text), hit.end + 40))
        tagged = False
        if tag and pool:
            narrowed = _filter_by_tag(tag, pool, term)
            if narrowed is not None:
                pool = narrowed
                tagged = True
        if title_chamber and pool:
            pool = [b for b in pool if term(b).chamber == title_chamber]  # type: ignore[union-attr]
        mismatch = False
        if hit.kind == "last" and pool:
            written = words[-1] if words and _GIVEN_NAME.fullmatch(words[-1]) else None
            if written and (
                "\n" in before[len(before.rstrip()) :] or (len(written) > 3 and written.endswith("."))
            ):
                written = None  # "... Air Force Base.\n\nBacon sent": a sentence ended, no given name
            if written and written.rstrip(".") not in _NOT_GIVEN_NAMES:
                matching = [b for b in pool if _first_name_matches(written, names.record(b))]
                if matching:
                    pool = matching
                    tagged = True
                else:
                    mismatch = True
        if stale and not (title or tagged):
            pool = [b for b in pool if b not in stale]
        candidate = _Candidate(
            hit=hit,
            bioguides=tuple(pool),
            title_chamber=title_chamber,
            plural_title=plural,
            titled=bool(title) or tagged or hit.kind == "full" or title_chamber is not None,
            first_name_mismatch=mismatch,
        )
        candidates.append(candidate)
        previous = candidate

    # Pass 1: full names, titled or tagged surnames that point at one member.
    by_surname: dict[str, list[str]] = {}
    chosen: list[str | None] = []
    foreign_surnames: set[str] = set()
    for candidate in candidates:
        if candidate.first_name_mismatch:
            foreign_surnames.add(candidate.hit.surface)
            chosen.append(None)
            continue
        if candidate.titled and len(candidate.bioguides) == 1:
            bioguide = candidate.bioguides[0]
            chosen.append(bioguide)
            surname = names.record(bioguide).last
            seen = by_surname.setdefault(surname, [])
            if bioguide not in seen:
                seen.append(bioguide)
            continue
        chosen.append(None)

    # Pass 2: surnames resolved through the article's own full mentions, else a unique serving member.
    for index, candidate in enumerate(candidates):
        if chosen[index] is not None or candidate.first_name_mismatch or not candidate.bioguides:
            continue
        surface = candidate.hit.surface
        known = [b for b in by_surname.get(_surname_key(surface, by_surname), ()) if b in candidate.bioguides]
        if len(known) == 1:
            chosen[index] = known[0]
            continue
        if known or surface in foreign_surnames:
            continue
        if len(candidate.bioguides) != 1:
            continue
        if candidate.titled:
            chosen[index] = candidate.bioguides[0]
            continue
        if surface in COMMON_WORD_SURNAMES or _followed_by_capitalised(text, candidate.hit.end):
            continue
        chosen[index] = candidate.bioguides[0]

    mentions: list[Mention] = []
    for candidate, bioguide in zip(candidates, chosen, strict=True):
        if bioguide is None:
            continue
        served = term(bioguide)
        mentions.append(
            Mention(
                start=candidate.hit.start,
                end=candidate.hit.end,
                bioguide=bioguide,
                surface=candidate.hit.surface,
                chamber=served.chamber if served else None,
                party=served.party if served else None,
                titled=candidate.titled,
            )
        )
    return mentions


_LATEST_DATA_DATE: WeakKeyDictionary[NameIndex, date | None] = WeakKeyDictionary()


def latest_data_date(names: NameIndex) -> date | None:
    """The latest term start in the member data: "now" for copy that carries no date."""
    try:
        return _LATEST_DATA_DATE[names]
    except KeyError:
        pass
    except TypeError:  # an index that cannot be weakly referenced: compute each time
        return _latest_term_start(names)
    latest = _latest_term_start(names)
    _LATEST_DATA_DATE[names] = latest
    return latest


def _latest_term_start(names: NameIndex) -> date | None:
    starts = [term.start for record in names.records() for term in record.terms if term.start]
    return max(starts, default=None)


def _title_before(words: list[str]) -> str | None:
    if not words:
        return None
    if words[-1] in _TITLE_WORDS:
        return words[-1]
    for size in (2, 4):
        phrase = " ".join(words[-size:])
        if len(words) >= size and phrase in _TITLE_PHRASES:
            return phrase
    return None


def _surname_key(surface: str, by_surname: dict[str, list[str]]) -> str:
    if surface in by_surname:
        return surface
    for surname in by_surname:
        if surname.lower() == surface.lower():
            return surname
    return surface


@lru_cache(maxsize=4096)
def _forms(given: str) -> frozenset[str]:
    return given_name_forms(given.rstrip("."))


def _first_name_matches(written: str, record: object) -> bool:
    written_forms = _forms(written)
    for given in (
        getattr(record, "first", ""),
        getattr(record, "nickname", ""),
        getattr(record, "middle", ""),
    ):
        if not given:
            continue
        given = given.strip()
        if len(written.rstrip(".")) == 1:  # an initial
            if given[:1].upper() == written[:1]:
                return True
            continue
        if written_forms & _forms(given):
            return True
    return False


def _filter_by_tag(tag: re.Match[str], pool: list[str], term) -> list[str] | None:
    party = tag.group("p1") or tag.group("p2")
    raw_state = tag.group("s1") or tag.group("s2") or tag.group("s3") or tag.group("s4") or tag.group("s5")
    state = state_code(raw_state.strip()) if raw_state else None
    if raw_state and state is None and (tag.group("s3") or tag.group("s5")):
        return None  # "Turner of the Intelligence Committee", "(ret.)": not a state tag
    if party is None and state is None:
        return None
    district_text = tag.group("d1") or tag.group("d2") or tag.group("d4")
    district = 0 if district_text == "AL" else int(district_text) if district_text else None
    narrowed = []
    for bioguide in pool:
        served = term(bioguide)
        if party and served.party != _PARTY_WORDS[party] and (served.caucus or "") != party:
            continue
        if state and served.state != state:
            continue
        narrowed.append(bioguide)
    # Copy gets district numbers wrong more often than states (redistricting): a district only
    # narrows, never empties, the choice.
    if district is not None:
        exact = [b for b in narrowed if term(b).district in (None, district)]
        narrowed = exact or narrowed
    return narrowed


def _followed_by_capitalised(text: str, end: int) -> bool:
    following = _NEXT_CAPITALISED.match(text, end, min(len(text), end + 30))
    return bool(following) and following.group("next") not in _NOT_GIVEN_NAMES

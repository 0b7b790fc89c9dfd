"""How members of Congress are written in letters and press copy, and how to read it back.

Pure Python (no Django import): the signer-list resolver and the article extraction engine both
parse references such as "Rep. Marcy Kaptur (D-OH-09)" or "Kaptur, Marcy" with these helpers and
match them against `name_variants()` through `members.name_index.NameIndex`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

STATE_NAMES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

# AP style and other abbreviations newsrooms use, written without dots or spaces ("N.J." -> "nj").
_STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "cal": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nebr": "NE",
    "nev": "NV",
    "nh": "NH",
    "nj": "NJ",
    "nm": "NM",
    "ny": "NY",
    "nc": "NC",
    "nd": "ND",
    "okla": "OK",
    "ore": "OR",
    "oreg": "OR",
    "pa": "PA",
    "penn": "PA",
    "penna": "PA",
    "ri": "RI",
    "sc": "SC",
    "sd": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "wva": "WV",
    "wis": "WI",
    "wisc": "WI",
    "wyo": "WY",
    "dc": "DC",
    "pr": "PR",
    "virgin islands": "VI",
    "us virgin islands": "VI",
    "usvi": "VI",
    "amer samoa": "AS",
    "northern marianas": "MP",
    "n mariana islands": "MP",
    "n marianas": "MP",
    "mariana islands": "MP",
    "marianas": "MP",
    "cnmi": "MP",
    "washington dc": "DC",
    "washington d c": "DC",
}

_PARTY_WORDS: dict[str, str] = {
    "d": "D",
    "dem": "D",
    "democrat": "D",
    "democratic": "D",
    "dfl": "D",  # Minnesota's Democratic-Farmer-Labor party sits with the Democrats
    "r": "R",
    "rep": "R",
    "gop": "R",
    "republican": "R",
    "i": "I",
    "ind": "I",
    "independent": "I",
    "l": "L",
    "lib": "L",
    "libertarian": "L",
}

_HOUSE, _SENATE = "house", "senate"

# Titles written before a name, longest first so "Ranking Member" wins over "Member".
# The chamber a title implies; None when it says nothing about the chamber.
_TITLES: dict[str, str | None] = {
    "the honorable": None,
    "the hon": None,
    "honorable": None,
    "hon": None,
    "us representative": _HOUSE,
    "u s representative": _HOUSE,
    "us rep": _HOUSE,
    "us senator": _SENATE,
    "u s senator": _SENATE,
    "us sen": _SENATE,
    "representative": _HOUSE,
    "representatives": _HOUSE,
    "reps": _HOUSE,
    "rep": _HOUSE,
    "congressman": _HOUSE,
    "congresswoman": _HOUSE,
    "congressmember": _HOUSE,
    "congressperson": _HOUSE,
    "delegate": _HOUSE,
    "del": _HOUSE,
    "resident commissioner": _HOUSE,
    "senator": _SENATE,
    "senators": _SENATE,
    "sens": _SENATE,
    "sen": _SENATE,
    "speaker of the house": _HOUSE,
    "speaker": _HOUSE,
    "house speaker": _HOUSE,
    "majority leader": None,
    "minority leader": None,
    "house majority leader": _HOUSE,
    "house minority leader": _HOUSE,
    "senate majority leader": _SENATE,
    "senate minority leader": _SENATE,
    "majority whip": None,
    "minority whip": None,
    "leader": None,
    "whip": None,
    "ranking member": None,
    "chairman": None,
    "chairwoman": None,
    "chairperson": None,
    "chair": None,
    "co chair": None,
    "cochair": None,
    "vice chair": None,
    "vice chairman": None,
    "vice chairwoman": None,
    "dr": None,
    "mr": None,
    "mrs": None,
    "ms": None,
    "miss": None,
}
_TITLE_WORDS = sorted(_TITLES, key=len, reverse=True)

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Lines of a signature block that are not people.
_NOT_A_NAME = re.compile(
    r"""^(?:
        (?:the\s+)?members?\s+of\s+(?:the\s+)?congress
      | (?:the\s+)?united\s+states\s+(?:senators?|representatives?|congress(?:wo)?man)
      | u\.?\s?s\.?\s+(?:senators?|representatives?|congress(?:wo)?man)
      | (?:senators?|representatives?|congress(?:wo)?m[ae]n|delegates?|members?)
      | (?:very\s+)?(?:sincerely|respectfully|cordially|best|regards|thank\s+you|thanks)(?:\s+yours)?
      | yours\s+(?:truly|sincerely|respectfully)
      | (?:with\s+)?(?:kind|warm|best)\s+regards
      | cc | enclosures?
      | dear\b.*
      | washington,?\s+d\.?\s?c\.?.*
      | (?:page|signed|signatures?|signatories|from|to|re|subject|date)\b.*
    )[\s.,:;!]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"^(?:\w+day,?\s+)?(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\d{{1,2}}\s+{_MONTHS}"
    rf"(?:,?\s+\d{{4}})?|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|{_MONTHS}\s+\d{{4}})\.?$",
    re.IGNORECASE,
)

# 'Charles "Chuck" Schumer'; single quotes only around a whole word, so "O'Rourke" stays whole.
_QUOTED_NICKNAME = re.compile(
    r"[\"\u201c\u201d]([^\"\u201c\u201d]{1,20})[\"\u201c\u201d]"
    r"|(?:(?<=\s)|^)['\u2018]([^'\u2018\u2019\s]{1,20})['\u2019](?=\s|$)"
)
_PARENS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\}")
_DASH = r"\s*[-\u2010\u2011\u2013\u2014]\s*"
_DISTRICT = r"(?:(?P<district>\d{1,2})(?:st|nd|rd|th)?|(?P<at_large>al|at[-\s]large))"
# One hint: "D-AZ", "D-Mass.", "R-Texas", "OH-09", "D-OH-09", "I-Vt.", "D, Ohio", "Democrat of Ohio".
_HINT = re.compile(
    rf"""^(?:(?P<party>[A-Za-z]{{1,12}})\.?(?:{_DASH}|\s*,\s*|\s+of\s+|\s+))?
        (?P<state>[A-Za-z][A-Za-z.\s]{{0,25}}?)\.?
        (?:(?:{_DASH}|\s*,?\s+)(?:district\s+)?{_DISTRICT}(?:\s+district)?)?
        $""",
    re.IGNORECASE | re.VERBOSE,
)
_PARTY_ONLY = re.compile(r"^(?P<party>[A-Za-z]{1,12})\.?$")
_COMPACT_DISTRICT = re.compile(r"^(?:(?P<party>[DRI])-)?(?P<state>[A-Z]{2})(?P<district>\d{1,2})$")
_TRAILING_HINT = re.compile(
    rf"[\s,]+(?P<hint>(?:D|R|I|L|Dem|GOP|DFL){_DASH}[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?"
    rf"(?:{_DASH}\d{{1,2}}|{_DASH}AL)?)\s*$"
)
_OF_STATE = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<state>[A-Z][A-Za-z.]*(?:\s+(?:of\s+)?[A-Z][A-Za-z.]*){0,3})"
    r"(?:'s\s+(?P<district>\d{1,2})"
    r"(?:st|nd|rd|th)?(?:\s+(?:congressional\s+)?district)?)?\s*$"
)
_DISTRICT_SEGMENT = re.compile(
    rf"^(?:(?P<state>[A-Za-z.\s]+?)[\s'\u2019s]*)?{_DISTRICT}\s+(?:congressional\s+)?district$", re.IGNORECASE
)

# A letter or digit with no ASCII fold (CJK, the Hawaiian okina): an opaque letter, so words
# around it stay whole and never merge with real ASCII letters.
_OPAQUE_LETTER = "\x01"
# Letters NFKD does not decompose into an ASCII base.
_EXTRA_FOLDS = {
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ß": "s",
    "\u0131": "i",  # dotless i
    "æ": "a",
    "Æ": "a",
}
_FOLD_CACHE: dict[str, str] = {}


def _fold_char(char: str) -> str:
    """One non-ASCII character folded to one ASCII character: a letter, a digit, or a space."""
    cached = _FOLD_CACHE.get(char)
    if cached is not None:
        return cached
    base = _EXTRA_FOLDS.get(char) or "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    base = base.lower()
    if len(base) == 1 and base.isascii() and base.isalnum():
        folded = base
    elif char.isalnum():
        folded = _OPAQUE_LETTER
    else:
        folded = " "
    _FOLD_CACHE[char] = folded
    return folded


# Length-preserving: the scanner maps hits in folded text straight back to offsets.
_ASCII_FOLD = bytes(
    (c + 32 if 65 <= c <= 90 else c)
    if (48 <= c <= 57 or (65 <= c <= 122 and not 91 <= c <= 96) or c == 1)
    else 32
    for c in range(256)
)
_MANY_DISTINCT = 24
_ASCII_BYTES = bytes(range(128))


def fold(text: str) -> str:
    """Fold text for matching WITHOUT changing its length (offsets stay valid).

    Lowercase, accents removed ("Díaz" -> "diaz"), every character that is not a letter or
    digit (punctuation, apostrophes, hyphens, newlines) becomes a space. The result is ASCII.
    """
    if not text.isascii():
        # News copy holds a handful of distinct non-ASCII characters (curly quotes, dashes,
        # accents): replacing each is far faster than a per-character translate. Deleting every
        # ASCII byte from the UTF-8 finds them at C speed.
        only_non_ascii = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        distinct = set(only_non_ascii.decode("utf-8", "surrogatepass"))
        if len(distinct) <= _MANY_DISTINCT:
            for char in distinct:
                text = text.replace(char, _fold_char(char))
        else:
            text = text.translate({ord(char): _fold_char(char) for char in distinct})
    return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")


def normalise(text: str) -> str:
    """The matching key of a name: folded (see `fold`) with runs of spaces collapsed.

    "Díaz-Balart" -> "diaz balart", "O'Rourke" -> "o rourke", "Marcy C. Kaptur" -> "marcy c kaptur".
    """
    return " ".join(fold(text).split())


def state_code(text: str) -> str | None:
    """The postal code for a state or territory as written: 'OH', 'Ohio', 'Mass.', 'N.J.', 'Calif.'."""
    if not text:
        return None
    key = normalise(text)
    if not key:
        return None
    compact = key.replace(" ", "")
    # "OH", "N.J.", and "N. J." spelled with spaces (but not two words such as "N Y").
    if len(compact) == 2 and compact.upper() in STATE_NAMES and (" " not in key or "." in text):
        return compact.upper()
    return _STATES_BY_KEY.get(key) or _STATE_ABBREVIATIONS.get(key) or _STATE_ABBREVIATIONS.get(compact)


_STATES_BY_KEY: dict[str, str] = {normalise(name): code for code, name in STATE_NAMES.items()}
_STATES_BY_KEY.update({"virgin islands": "VI", "us virgin islands": "VI", "the virgin islands": "VI"})


@dataclass(frozen=True)
class MemberReference:
    """One person as written in a signer list or in press copy, with the hints written around them."""

    as_written: str
    name: str
    chamber: str | None = None
    party: str | None = None
    state: str | None = None
    district: int | None = None


@dataclass
class _Hints:
    chamber: str | None = None
    party: str | None = None
    state: str | None = None
    district: int | None = None

    def take(self, other: _Hints) -> None:
        for field in ("chamber", "party", "state", "district"):
            if getattr(self, field) is None and getattr(other, field) is not None:
                setattr(self, field, getattr(other, field))


def party_code(text: str) -> str | None:
    """'D', 'R', 'I' or 'L' for a party as written ('D', 'Dem.', 'Republican', 'GOP'), else None."""
    return _PARTY_WORDS.get(normalise(text))


def _parse_hint(text: str) -> _Hints | None:
    """Hints from a parenthetical or trailing tag: "(D-AZ)", "(OH-09)", "R-Calif.", "Ohio"."""
    text = text.strip().strip(",;")
    if not text:
        return None
    district_segment = _DISTRICT_SEGMENT.match(text)
    if district_segment:
        state = state_code(district_segment.group("state") or "")
        if district_segment.group("state") and not state:
            return None
        return _Hints(state=state, district=_district_of(district_segment), chamber=_HOUSE)
    compact = _COMPACT_DISTRICT.match(text)
    if compact and compact.group("state") in STATE_NAMES:
        party = party_code(compact.group("party")) if compact.group("party") else None
        return _Hints(
            party=party, state=compact.group("state"), district=int(compact.group("district")), chamber=_HOUSE
        )
    only_party = _PARTY_ONLY.match(text)
    if only_party and party_code(only_party.group("party")) and not state_code(text):
        return _Hints(party=party_code(only_party.group("party")))
    match = _HINT.match(text)
    if not match:
        return None
    party_text, state_text = match.group("party"), match.group("state")
    party = party_code(party_text) if party_text else None
    state = state_code(state_text)
    if party_text and not party:
        # "OH-09" reads as party "OH" + state "09" would not match; "New York" as party "New" + "York".
        state = state_code(f"{party_text} {state_text}")
        if not state:
            return None
    if not state:
        return None
    district = _district_of(match)
    return _Hints(
        party=party, state=state, district=district, chamber=_HOUSE if district is not None else None
    )


def parse_hint_tag(text: str) -> tuple[str | None, str | None, int | None] | None:
    """(party, state, district) from a tag written on its own: "(D-OH)", "Democrat, Ohio", "OH-09"."""
    found = _parse_hint(text.strip().strip("()[]"))
    if found is None or (found.party is None and found.state is None):
        return None
    return found.party, found.state, found.district


def _district_of(match: re.Match[str]) -> int | None:
    if match.group("at_large"):
        return 0
    if match.group("district"):
        return int(match.group("district"))
    return None


# Titles that may follow a description: "House Armed Services Chairman Mike Rogers".
_ROLE_TITLES = frozenset(
    {
        "chairman",
        "chairwoman",
        "chair",
        "ranking member",
        "rep",
        "reps",
        "representative",
        "sen",
        "sens",
        "senator",
        "congressman",
        "congresswoman",
        "delegate",
        "leader",
        "whip",
        "speaker",
    }
)


def _drop_description(name: str, hints: _Hints) -> str:
    """Drop the words before the last title in the name: "Armed Services Chairman Mike Rogers"."""
    key = normalise(name)
    if any(key.startswith(title + " ") for title in _TITLE_WORDS):
        return name  # "Senate Majority Leader Chuck Schumer" is one title
    words = key.split()
    for index in range(len(words) - 2, 0, -1):
        for size in (2, 1):
            if " ".join(words[index : index + size]) in _ROLE_TITLES and index + size < len(words):
                described = set(words[:index])
                if hints.chamber is None and len(described & {"house", "senate"}) == 1:
                    hints.chamber = _HOUSE if "house" in described else _SENATE
                return _drop_words(name, index)
    return name


def _strip_titles(name: str, hints: _Hints) -> str:
    name = _drop_description(name, hints)
    while True:
        key = normalise(name)
        for title in _TITLE_WORDS:
            if key == title:
                return ""
            if key.startswith(title + " "):
                chamber = _TITLES[title]
                if chamber and hints.chamber is None:
                    hints.chamber = chamber
                name = _drop_words(name, len(title.split()))
                break
        else:
            return name


def _drop_words(text: str, count: int) -> str:
    """Drop the first `count` words of text as `normalise` counts them (punctuation is not a word)."""
    words = 0
    in_word = False
    for index, char in enumerate(text):
        is_word_char = fold(char) != " "
        if is_word_char and not in_word:
            if words == count:
                return text[index:]
            words += 1
        in_word = is_word_char
    return ""


def _is_suffix(text: str) -> bool:
    return normalise(text) in SUFFIXES


def _is_title_segment(text: str) -> bool:
    key = normalise(text)
    return (
        key in _TITLES
        or bool(_NOT_A_NAME.match(text.strip()))
        or key.startswith(("member of", "ranking member", "chair", "co chair", "vice chair", "m c"))
        or key in {"mc", "m c", "md", "phd", "esq"}
    )


_E_SIGNATURE = re.compile(r"(?:^|\s)/s/(?:\s|$)", re.IGNORECASE)
_ENUMERATION = re.compile(r"^\s*(?:\d{1,3}[.)]|[a-z][.)]|[-*•·\u2013\u2014])\s+")
_TRAILING_CREDENTIAL = re.compile(
    r"\s+(?:member\s+of\s+congress|(?:united\s+states|u\.?\s?s\.?)\s+(?:senator|representative)|m\.\s?c\.)\s*$",
    re.IGNORECASE,
)
_SEGMENT_BREAK = re.compile(r"\s*,\s*|\s+[-\u2013\u2014|/]\s+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# AP style names a home town after the party: "D-Holly", "R-St. Joseph".
_HOMETOWN_TAG = re.compile(
    r"^(?P<party>[DRI])\s*[-\u2013\u2014]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}$"
)


def _starts_with_chamber_title(segment: str) -> bool:
    key = normalise(segment)
    return any(key.startswith(title + " ") for title in _TITLE_WORDS if _TITLES[title])


def _is_description(segment: str, name_parts: list[str]) -> bool:
    """ "Marcy Kaptur, the co-chair of the Ukraine Caucus": words about the person, not a name."""
    if segment[:1].islower():
        return True
    words_so_far = normalise(_strip_titles(name_parts[0], _Hints())).split()
    return len(words_so_far) >= 2 and len(segment.split()) >= 3


def _reads_as_state(segment: str, name_parts: list[str]) -> bool:
    """Whether a bare state after a comma is a hint, not a given name ("Foxx, Virginia", "Green, Al")."""
    if "." in segment or (segment.isupper() and not name_parts[0].isupper()):
        return True  # "OH", "Mass.", "N.J." (but "GREEN, AL" is all capitals: Al Green)
    words_so_far = normalise(_strip_titles(name_parts[0], _Hints())).split()
    return len(words_so_far) >= 2 and len(normalise(segment)) > 2


def parse_member_reference(text: str) -> MemberReference | None:
    """Read one person as written in a signer list or press copy.

    Handles titles ("Rep.", "Sen.", "The Honorable", "Congresswoman", ...), hint tags
    ("(D-AZ)", "(OH-09)", "(D-OH-09)", ", D-Ohio", "R-Calif.", "of Ohio"), "Last, First" order,
    quoted nicknames, suffixes and multi-word surnames. Returns None for lines that are not a
    person ("Member of Congress", "United States Senator", "Sincerely,", dates, blank lines).
    """
    if not isinstance(text, str):
        return None
    as_written = " ".join(text.split())
    if not as_written or not any(c.isalpha() for c in as_written) or len(as_written) > 120:
        return None
    if _NOT_A_NAME.match(as_written) or _DATE_LINE.match(as_written):
        return None
    hints = _Hints()
    body = _ENUMERATION.sub("", _E_SIGNATURE.sub(" ", as_written)).strip(" \t-\u2013\u2014•*·,;:")
    body = _TRAILING_CREDENTIAL.sub("", body).strip(" \t-\u2013\u2014,;:")

    # Parenthetical tags: hints "(D-AZ)", or a nickname "(Chuck)", or an aside to drop.
    def take_parens(match: re.Match[str]) -> str:
        inner = next(group for group in match.groups() if group is not None)
        found = _parse_hint(inner)
        if found:
            hints.take(found)
        return " "

    body = _PARENS.sub(take_parens, body)
    body = _QUOTED_NICKNAME.sub(" ", body)
    body = " ".join(body.split()).strip(" ,;:")

    # "Mike Turner of Ohio", "Rep. Kaptur of Ohio's 9th District".
    of_state = _OF_STATE.search(body)
    if of_state and state_code(of_state.group("state")):
        hints.take(
            _Hints(
                state=state_code(of_state.group("state")),
                district=int(of_state.group("district")) if of_state.group("district") else None,
            )
        )
        body = body[: of_state.start()]

    # "Marcy Kaptur D-OH" without a comma.
    trailing = _TRAILING_HINT.search(body)
    if trailing:
        found = _parse_hint(trailing.group("hint"))
        if found:
            hints.take(found)
            body = body[: trailing.start()]

    # Comma (or spaced dash) segments: hints, suffixes, titles or descriptions after the name,
    # or "Last, First".
    segments = [segment.strip() for segment in _SEGMENT_BREAK.split(body)]
    name_parts: list[str] = []
    suffix = ""
    for segment in segments:
        if not segment:
            continue
        if not name_parts:
            name_parts.append(segment)
            continue
        if _is_suffix(segment):
            suffix = segment
            continue
        if _starts_with_chamber_title(segment):
            break  # "Rep. Kaptur (D-OH), Rep. Turner (R-OH)": the next person; read the first
        found = _parse_hint(segment)
        if found and (found.party or found.district is not None or _reads_as_state(segment, name_parts)):
            hints.take(found)
            continue
        if hometown := _HOMETOWN_TAG.match(segment):
            # "Elissa Slotkin, D-Holly": the party and a home town, not a given name.
            hints.take(_Hints(party=party_code(hometown.group("party"))))
            continue
        if _is_title_segment(segment) or _is_description(segment, name_parts):
            continue
        name_parts.append(segment)
    if not name_parts:
        return None

    first_part = _strip_titles(name_parts[0], hints)
    if len(name_parts) >= 2:
        # "Kaptur, Marcy" / "Van Drew, Jeff" / "Kean Jr., Thomas": a surname then given names.
        given = _strip_titles(name_parts[1], hints)
        name = f"{given} {first_part}"
    else:
        name = first_part
    words = name.split()
    # A trailing suffix written without a comma: "Thomas Kean Jr.".
    while len(words) > 1 and _is_suffix(words[-1]):
        suffix = suffix or words[-1]
        words.pop()
    name = _POSSESSIVE.sub("", " ".join(words)).strip(" ,;:.-")
    if suffix:
        name = f"{name} {suffix}"
    if not _looks_like_a_name(name):
        return None
    return MemberReference(
        as_written=as_written,
        name=name,
        chamber=hints.chamber,
        party=hints.party,
        state=hints.state,
        district=hints.district,
    )


_NAME_WORD = re.compile(r"^[^\W\d_][\w.'\u2019\-]*$")
# Words of running prose that never appear in a member's name.
_FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "letter",
        "not",
        "on",
        "or",
        "our",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "signed",
        "sent",
        "wrote",
        "urge",
        "house",
        "senate",
        "congress",
        "committee",
    }
)
# Capitalised words of addresses and institutions ("The White House", "Ukraine Caucus"); no
# member with dated terms has one in their name.
_INSTITUTION_WORDS = frozenset(
    {
        "the",
        "caucus",
        "committee",
        "subcommittee",
        "congress",
        "congressional",
        "senate",
        "house",
        "office",
        "department",
        "agency",
        "administration",
        "president",
        "secretary",
        "united",
        "states",
        "america",
        "american",
        "building",
        "avenue",
        "street",
        "capitol",
        "national",
        "federal",
        "bureau",
        "council",
        "association",
        "foundation",
        "institute",
        "university",
    }
)
_LOWER_PARTICLES = frozenset({"de", "la", "del", "van", "von", "der", "den", "da", "di", "le", "du", "st"})


def _looks_like_a_name(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 6:
        return False
    if not all(_NAME_WORD.match(word) for word in words):
        return False
    if any(normalise(word) in _INSTITUTION_WORDS for word in words):
        return False
    # All-lowercase prose ("the letter was signed by") passes the capitals test below.
    if name.islower() and any(normalise(word) in _FUNCTION_WORDS for word in words):
        return False
    # Sentences are mostly lowercase words; names are capitalised save for particles ("de la").
    lowercase = [w for w in words if w[0].islower() and normalise(w) not in _LOWER_PARTICLES]
    if lowercase and not name.islower():
        return False
    return any(len(normalise(word)) > 1 for word in words)


# Common English given-name nicknames, as newsrooms write them. Kept small on purpose: each
# entry is a spelling a real member has gone by in print.
_NICKNAME_GROUPS: tuple[tuple[str, ...], ...] = (
    ("michael", "mike", "mick"),
    ("james", "jim", "jimmy", "jamie"),
    ("robert", "bob", "bobby", "rob", "robbie", "bert"),
    ("william", "bill", "billy", "will", "willie"),
    ("thomas", "tom", "tommy"),
    ("richard", "dick", "rick", "rich", "richie"),
    ("joseph", "joe", "joey"),
    ("benjamin", "ben"),
    ("daniel", "dan", "danny"),
    ("edward", "ted", "ed", "eddie", "ned"),
    ("theodore", "ted", "teddy"),
    ("elizabeth", "liz", "beth", "betsy", "betty", "liza", "lisa"),
    ("charles", "chuck", "charlie", "chip"),
    ("christopher", "chris"),
    ("christine", "chris", "christy"),
    ("kristen", "kirsten", "kris"),
    ("anthony", "tony"),
    ("andrew", "andy", "drew"),
    ("alexander", "alex", "al"),
    ("alexandria", "alex"),
    ("albert", "al"),
    ("alan", "al"),
    ("allen", "al"),
    ("alfred", "al"),
    ("steven", "steve"),
    ("stephen", "steve"),
    ("stephanie", "steph"),
    ("timothy", "tim"),
    ("patrick", "pat"),
    ("patricia", "pat", "patty", "tricia"),
    ("gerald", "jerry", "gerry"),
    ("jerrold", "jerry"),
    ("jeffrey", "jeff"),
    ("jefferson", "jeff"),
    ("gregory", "greg"),
    ("matthew", "matt"),
    ("nicholas", "nick"),
    ("kenneth", "ken", "kenny"),
    ("donald", "don", "donny"),
    ("ronald", "ron", "ronny"),
    ("douglas", "doug"),
    ("frederick", "fred", "rick"),
    ("frederica", "freddie"),
    ("samuel", "sam"),
    ("samantha", "sam"),
    ("zachary", "zach", "zack"),
    ("jonathan", "jon"),
    ("john", "jack", "johnny"),
    ("katherine", "kathy", "kate", "katie"),
    ("kathleen", "kathy", "kate"),
    ("catherine", "cathy", "kate"),
    ("margaret", "maggie", "meg", "peggy"),
    ("deborah", "debbie", "deb"),
    ("debra", "debbie", "deb"),
    ("susan", "sue", "susie"),
    ("suzanne", "suzan", "sue"),
    ("rebecca", "becky", "becca"),
    ("jennifer", "jen", "jenny", "jenn"),
    ("jenniffer", "jenn"),
    ("cynthia", "cindy"),
    ("barbara", "barb"),
    ("virginia", "ginny"),
    ("victoria", "vicky"),
    ("kimberly", "kim"),
    ("pamela", "pam"),
    ("cheryl", "cheri"),
    ("madeleine", "maddie"),
    ("gwendolynne", "gwen"),
    ("melanie", "mel"),
    ("abigail", "abby"),
    ("raymond", "ray"),
    ("harold", "hal", "harry"),
    ("henry", "hank", "harry"),
    ("lawrence", "larry"),
    ("leonard", "len", "lenny"),
    ("peter", "pete"),
    ("philip", "phil"),
    ("phillip", "phil"),
    ("randall", "randy"),
    ("russell", "russ"),
    ("vincent", "vince"),
    ("walter", "walt"),
    ("gilbert", "gil"),
    ("terence", "terry"),
    ("terrence", "terry"),
    ("bradley", "brad"),
    ("bradford", "brad"),
    ("garret", "garrett"),
    ("mitchell", "mitch"),
    ("joshua", "josh"),
    ("jacob", "jake"),
    ("david", "dave"),
    ("dennis", "denny"),
    ("eugene", "gene"),
    ("bernard", "bernie"),
    ("ernest", "ernie"),
    ("francis", "frank"),
    ("franklin", "frank"),
    ("frances", "fran"),
    ("gabriel", "gabe"),
    ("valerie", "val"),
    ("nicole", "nikki"),
    ("abraham", "abe"),
    ("jacqueline", "jackie"),
    ("judith", "judy"),
    ("carolyn", "carol"),
    ("kathryn", "kathy", "kate", "katie"),
    ("clayton", "clay"),
    ("clement", "clay"),
    ("elijah", "eli"),
    ("harriet", "hattie"),
    ("theresa", "terri", "terry"),
    ("teresa", "terri", "terry"),
    ("dorothy", "dot"),
    ("augustus", "gus"),
    ("leonardo", "leo"),
    ("lucille", "lucy"),
    ("marjorie", "margie"),
    ("martha", "marty"),
    ("martin", "marty"),
    ("nancy", "nan"),
    ("nathaniel", "nate"),
    ("nathan", "nate"),
    ("dwight", "ike"),
    ("guadalupe", "lupe"),
    ("jose", "joe"),
    ("wesley", "wes"),
    ("thaddeus", "thad"),
    ("cornelius", "neil"),
)

_GIVEN_NAME_FORMS: dict[str, frozenset[str]] = {}
for _group in _NICKNAME_GROUPS:
    _keys = tuple(normalise(name) for name in _group)
    for _name in _keys:
        # A nickname such as "ted" belongs to several groups: it reaches each formal name, but a
        # formal name only reaches its own nicknames (so "edward" never reaches "theodore").
        _GIVEN_NAME_FORMS[_name] = _GIVEN_NAME_FORMS.get(_name, frozenset()) | (
            frozenset(_keys) if _name == _keys[0] else frozenset({_name, _keys[0]})
        )


def given_name_forms(given: str) -> frozenset[str]:
    """Normalised forms a given name is also written as: 'michael' -> {'michael', 'mike', 'mick'}.

    The source's "Nicole (Nikki)" gives the forms of both names.
    """
    if "(" in given:
        main, aliases = _without_aliases(given)
        forms: frozenset[str] = frozenset()
        for name in (main, *aliases):
            forms |= given_name_forms(name)
        return forms
    key = normalise(given)
    if not key:
        return frozenset()
    return _GIVEN_NAME_FORMS.get(key, frozenset()) | {key}


_ALIAS = re.compile(r"\(([^()]*)\)")


def _without_aliases(name: str) -> tuple[str, list[str]]:
    """'Nicole (Nikki)' -> ('Nicole', ['Nikki']): the source sometimes puts a nickname in parentheses."""
    aliases = [alias.strip() for alias in _ALIAS.findall(name) if alias.strip()]
    return " ".join(_ALIAS.sub(" ", name).split()), aliases


def _is_initial(word: str) -> bool:
    return len(normalise(word).replace(" ", "")) <= 1 or bool(re.fullmatch(r"(?:[^\W\d_]\.)+", word))


# Old-style abbreviated given names ("Wm. Lacy Clay"): the member goes by the full name or, like an
# initial, by the middle name.
_ABBREVIATED_GIVEN = {
    "wm": "William",
    "chas": "Charles",
    "thos": "Thomas",
    "jas": "James",
    "robt": "Robert",
    "geo": "George",
    "jos": "Joseph",
    "benj": "Benjamin",
    "saml": "Samuel",
}


def given_names(*, first: str, middle: str = "", nickname: str = "", official_full: str = "") -> list[str]:
    """The given names a member goes by, as written, the legal first name first.

    First name, nickname, a nickname the source put in parentheses ("Nicole (Nikki)"), the name
    after a leading initial ("J. French Hill", "C. W. Bill Young") and the given name the
    official full name uses ("Val T. Hoyle" for Valerie, "Greg Casar" for Gregorio).
    """
    first, first_aliases = _without_aliases(first.strip())
    middle, middle_aliases = _without_aliases(middle.strip())
    candidates = [first, nickname.strip(), *first_aliases]
    spelled_out = _ABBREVIATED_GIVEN.get(normalise(first)) if first.endswith(".") else None
    if spelled_out:
        candidates.append(spelled_out)
    if first and (_is_initial(first.split()[0]) or spelled_out):
        candidates += [word for word in [*middle.split(), *middle_aliases] if not _is_initial(word)][:1]
    official_words = [
        w for w in _ALIAS.sub(" ", official_full).replace('"', " ").split() if not _is_initial(w)
    ]
    if len(official_words) >= 2:
        candidates.append(official_words[0])
    givens: list[str] = []
    seen: set[str] = set()
    for given in candidates:
        key = normalise(given)
        if key and key not in seen:
            seen.add(key)
            givens.append(given)
            compact = key.replace(" ", "")
            if " " in key and len(compact) <= 3 and compact not in seen:
                seen.add(compact)
                givens.append(compact.upper())  # "J.D." is also written "JD"
    return givens


def name_variants(
    *,
    first: str,
    middle: str = "",
    last: str,
    suffix: str = "",
    nickname: str = "",
    official_full: str = "",
    other_names: Iterable[str] = (),
) -> set[str]:
    """Every way a member's full name is written, as display strings.

    Full name, first + last, nickname + last, official full name, first + middle initial + last,
    the same with the suffix ("Thomas Kean Jr.", "Thomas Kean, Jr."), other given names the
    member goes by (see `given_names`), and earlier surnames (`other_names` holds surnames,
    e.g. a maiden name). Surname-only forms are not included: `NameIndex` indexes surnames
    separately because they are ambiguous by nature.
    """
    givens = given_names(first=first, middle=middle, nickname=nickname, official_full=official_full)
    first, _ = _without_aliases(first.strip())
    middle, _ = _without_aliases(middle.strip())
    last, suffix, nickname = last.strip(), suffix.strip(), nickname.strip()
    surnames = [name for name in (last, *(n.strip() for n in other_names)) if name]
    variants: set[str] = set()
    for surname in surnames:
        bases = {f"{given} {surname}" for given in givens}
        if first and middle:
            initial = normalise(middle)[:1].upper()
            bases.add(f"{first} {middle} {surname}")
            bases.add(f"{first} {initial}. {surname}")
            bases.add(f"{first} {initial} {surname}")
            if nickname:
                bases.add(f"{nickname} {initial}. {surname}")
            if len(normalise(first)) == 1:
                bases.add(f"{first}. {middle} {surname}")
        if suffix:
            for base in list(bases):
                bases.add(f"{base} {suffix}")
                bases.add(f"{base}, {suffix}")
        variants |= bases
    if official_full.strip():
        variants.add(official_full.strip())
        if suffix and normalise(suffix) not in normalise(official_full).split():
            variants.add(f"{official_full.strip()} {suffix}")
    return {" ".join(variant.split()) for variant in variants if variant.strip()}

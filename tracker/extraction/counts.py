"""Signer counts as copy states them: "at least 20 House Democrats and five House Republicans",
"a group of 12 senators", "nearly 70 lawmakers", "more than two dozen members", "The three:".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from members.names import STATE_NAMES

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+dozen|dozens of)"
)
_NUMBER = rf"(?P<number>\d{{1,3}}(?:,\d{{3}})?|{_WORD_NUMBER}|a\s+(?:hundred|dozen))"
_MINIMUM = (
    r"(?P<minimum>at\s+least|more\s+than|over|nearly|almost|upwards\s+of|as\s+many\s+as"
    r"|roughly|about|some|around)\s+"
)
_PARTY_NOUN = (
    r"(?P<party>Democrats?|Republicans?|independents?|Independents?|GOP\s+(?:lawmakers|members|senators|representatives)"
    r"|Democratic\s+(?:lawmakers|members|senators|representatives|colleagues)"
    r"|Republican\s+(?:lawmakers|members|senators|representatives|colleagues))"
)
_GENERIC_NOUN = (
    r"(?P<generic>lawmakers|legislators|members(?:\s+of\s+Congress)?|senators|Senators|representatives|Representatives"
    r"|congressmen|congresswomen|colleagues|progressives|conservatives|moderates|freshmen|signers|signatories|signatures|co-?signers|Reps\.|Sens\.)"
)
# "the two Ohio senators", "five Texas Republicans"
_STATE = (
    "(?:"
    + "|".join(re.escape(name) for name in sorted(STATE_NAMES.values(), key=len, reverse=True))
    + r")\s+"
)
_QUALIFIER = (
    rf"(?:of\s+(?:his|her|their|our)\s+)?(?:{_STATE}|(?-i:(?!House\b|Senate\b)[A-Z][a-z]+\s+(?:County|Valley|Bay|Area)\s+))?(?:(?P<chamber>House|Senate|congressional|Congressional|bipartisan|other|fellow|U\.S\.|US"
    r"|freshman|more)\s+)*"
)
_COUNT = re.compile(
    rf"(?:\b{_MINIMUM})?\b(?:a\s+(?:bipartisan\s+)?group\s+of\s+|a\s+(?:bipartisan\s+)?coalition\s+of\s+|a\s+total\s+of\s+)?"
    rf"{_NUMBER}\s+{_QUALIFIER}(?:{_PARTY_NOUN}|{_GENERIC_NOUN})\b",
    re.IGNORECASE,
)
# A cheap first look: most sentences state no number at all.
_ANY_NUMBER = re.compile(
    r"\d|\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve"
    r"|\w+teen|\w+ty|[Dd]ozens?|[Hh]undred|pair|duo|trio)\b"
)
_THE_N = re.compile(rf"\b[Tt]he\s+{_NUMBER}\s*:")
# "Alaska's three-member congressional delegation": the delegation signs as a whole.
_DELEGATION = re.compile(rf"\b{_NUMBER}-member\s+(?:[\w-]+\s+)?delegation\b", re.IGNORECASE)
# "A bipartisan pair of senators", "a trio of House Republicans"
_PAIRS = {"pair": 2, "duo": 2, "trio": 3}
_PAIR = re.compile(
    r"\b[Aa]\s+(?:bipartisan\s+)?(?P<pair>pair|duo|trio)\s+of\s+(?:[\w.-]+\s+){0,2}"
    r"(?:senators|lawmakers|legislators|representatives|members|Democrats|Republicans|congressmen|congresswomen)\b"
)
# A later sentence's way back to the signers: "These four lawmakers", "the two wrote".
_REFERRING = re.compile(
    rf"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Bb]oth|[Aa]ll)\s+{_NUMBER}\s+(?:(?:[A-Z][\w.]*\s+){{0,2}}"
    r"(?:lawmakers|legislators|senators|members|representatives|congressmen|congresswomen|Democrats|Republicans)\b"
    r"|(?=wrote|said|say|argued|added|noted))"
)


def referring_total(text: str, start: int, end: int) -> int | None:
    """The number of signers a later sentence refers back with ("the two lawmakers wrote"), if any."""
    if not _ANY_NUMBER.search(text, start, end):
        return None
    match = _REFERRING.search(text, start, end)
    return number_value(match.group("number")) if match else None


# Counts that describe something other than signers: votes, seats, years, districts.
_NOT_SIGNERS = re.compile(
    r"\s*(?:who\s+(?:voted|opposed|supported)|voted|in\s+the\s+(?:House|Senate)|of\s+the\s+\d|years?|seats?)",
    re.IGNORECASE,
)


@dataclass
class StatedCounts:
    party: dict[str, int] = field(default_factory=dict)
    total: int | None = None
    minimum: bool = False
    chambers: set[str] = field(default_factory=set)
    # "27 other Democratic senators", "led 40 of their colleagues": the named leads come on top.
    besides_named: bool = False

    def merge(self, other: StatedCounts) -> None:
        for key, value in other.party.items():
            self.party.setdefault(key, value)
        if self.total is None:
            self.total = other.total
            self.besides_named = other.besides_named
        self.minimum = self.minimum or other.minimum
        self.chambers |= other.chambers

    @property
    def empty(self) -> bool:
        return not self.party and self.total is None


def number_value(word: str) -> int | None:
    """20, "twenty", "twenty-five", "two dozen" -> int."""
    word = word.strip().lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    parts = re.split(r"[- ]+", word)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    if parts[-1] == "dozen":
        factor = 1 if parts[0] == "a" else _UNITS.get(parts[0])
        return 12 * factor if factor else None
    if word == "a hundred":
        return 100
    return None


_BESIDES_NAMED = re.compile(r"\bother\b|\bcolleagues\b")
_CHAMBER_AFTER = re.compile(r"\s+(?:on|in|of|from)\s+the\s+(House|Senate)\b")


def _chamber_after(text: str, position: int, end: int) -> str:
    """ "Six Democrats on the House Appropriations Subcommittee": the chamber, as a qualifier word."""
    match = _CHAMBER_AFTER.match(text, position, end)
    return f" {match.group(1).lower()}" if match else ""


def find_counts(text: str, start: int, end: int) -> StatedCounts:
    """Signer counts stated in text[start:end], by party (D/R/I) and in total."""
    counts = StatedCounts()
    if not _ANY_NUMBER.search(text, start, end):
        return counts
    generic_total: int | None = None
    for match in _COUNT.finditer(text, start, end):
        if _NOT_SIGNERS.match(text, match.end(), min(end, match.end() + 30)):
            continue
        raw = match.group("number")
        minimum = bool(match.group("minimum"))
        if raw.lower() == "dozens of":
            value, minimum = 24, True
        else:
            value = number_value(raw)
        if value is None or value > 535:
            continue
        if match.group("minimum") and match.group("minimum").lower() in {
            "roughly",
            "about",
            "some",
            "around",
        }:
            minimum = False
        counts.minimum = counts.minimum or minimum
        qualifiers = match.group(0).lower() + _chamber_after(text, match.end(), end)
        besides_named = bool(_BESIDES_NAMED.search(qualifiers))
        if "house" in qualifiers or "reps." in qualifiers or "representatives" in qualifiers:
            counts.chambers.add("house")
        if "senate" in qualifiers or "senator" in qualifiers or "sens." in qualifiers:
            counts.chambers.add("senate")
        party = match.group("party")
        if party:
            key = "D" if party[0] in "Dd" else "R" if party[0] in "RrGg" else "I"
            counts.party[key] = counts.party.get(key, 0) + value
            counts.besides_named = counts.besides_named or besides_named
        elif generic_total is None:
            generic_total = value
            counts.besides_named = besides_named
    if generic_total is None and not counts.party:
        delegation = _DELEGATION.search(text, start, end)
        if delegation:
            generic_total = number_value(delegation.group("number"))
        else:
            pair = _PAIR.search(text, start, end)
            generic_total = _PAIRS[pair.group("pair").lower()] if pair else None
    the_n = _THE_N.search(text, start, end)
    if the_n and generic_total is None:
        generic_total = number_value(the_n.group("number"))
    if generic_total is not None:
        counts.total = generic_total
    elif counts.party:
        counts.total = sum(counts.party.values())
    return counts

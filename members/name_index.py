"""An in-memory index of member names: resolve a written reference, scan text for names.

Pure Python (no Django import) so the extraction engine and the signer-list resolver can be
tested, fuzzed and benchmarked without a database. `members.name_loading.load_name_index()`
builds one from the database.

Every question is asked "on a date": a name resolves among the members SERVING that day,
because names repeat across time (two Mike Rogers served together in the House until 2015).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import ahocorasick
from rapidfuzz import fuzz, process

from members.names import (
    SUFFIXES,
    MemberReference,
    fold,
    given_name_forms,
    given_names,
    name_variants,
    normalise,
    parse_member_reference,
)

RESOLVED, AMBIGUOUS, UNRESOLVED = "resolved", "ambiguous", "unresolved"

# Fuzzy matching is for typos and stray accents only ("Kapture", "Schumar"), never for guessing.
_FUZZY_FULL_CUTOFF = 90
_FUZZY_SURNAME_CUTOFF = 85
_FUZZY_SURNAME_MIN_LENGTH = 6


@dataclass(frozen=True, slots=True)
class TermRecord:
    chamber: str
    state: str
    district: int | None
    party: str
    caucus: str
    start: date | None
    end: date | None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class MemberRecord:
    bioguide: str
    first: str
    middle: str
    last: str
    suffix: str
    nickname: str
    official_full: str
    terms: tuple[TermRecord, ...]
    # Earlier surnames (e.g. before marriage): matched like the current one.
    other_names: tuple[str, ...] = ()

    @property
    def given_names(self) -> tuple[str, ...]:
        """Given names the member goes by as written: first, nickname, "Nikki" of "Nicole (Nikki)"."""
        return tuple(
            given_names(
                first=self.first, middle=self.middle, nickname=self.nickname, official_full=self.official_full
            )
        )

    @property
    def display_name(self) -> str:
        if self.official_full:
            return self.official_full
        first = self.nickname or self.first
        return " ".join(part for part in (first, self.last, self.suffix) if part)


@dataclass(frozen=True, slots=True)
class Resolution:
    status: str  # 'resolved' | 'ambiguous' | 'unresolved'
    bioguide: str | None
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NameHit:
    start: int
    end: int
    surface: str
    kind: str  # 'full' | 'last'
    bioguides: tuple[str, ...]  # every member having that variant, serving or not


_UNRESOLVED = Resolution(UNRESOLVED, None, ())


def _longest_then_leftmost(hit: tuple) -> tuple[int, int]:
    return hit[0], hit[1]


def _initials(key: str) -> tuple[str, str]:
    words = key.split()
    return (words[0][:1], words[-1][:1]) if words else ("", "")


class NameIndex:
    """Members' names, terms and a text scanner, built once from `MemberRecord`s."""

    def __init__(self, members: Iterable[MemberRecord]) -> None:
        self._records: dict[str, MemberRecord] = {}
        # bioguide -> (starts, ends, terms) sorted by start; open dates as date.min / date.max.
        self._timelines: dict[str, tuple[list[date], list[date], tuple[TermRecord, ...]]] = {}
        self._terms: dict[str, tuple[TermRecord, ...]] = {}
        self._by_full: dict[str, set[str]] = {}
        # Given-name forms from the common-nickname table, which the data does not list: a
        # weaker match than the data's own variants ("Bob Menendez" is the senator, who lists
        # "Bob"; not his son Robert, though "Bob" is a Robert nickname).
        self._by_common_nickname: dict[str, set[str]] = {}
        # Middle names and the later words of a two-word first name, which some members go by
        # ("Kilili Sablan" of Gregorio Kilili Camacho; "Amata Radewagen" of Aumua Amata): the
        # last resort of resolve(), never used by scan().
        self._by_other_given: dict[str, set[str]] = {}
        self._by_last: dict[str, set[str]] = {}
        self._by_initial_last: dict[tuple[str, str], set[str]] = {}
        # Scanner patterns: folded pattern -> (kind, bioguides, needs_capital).
        patterns: dict[str, tuple[str, set[str], bool]] = {}

        for record in members:
            self._add_record(record, patterns)

        self._full_keys = list(self._by_full)
        self._last_keys = list(self._by_last)
        self._automaton, self._pattern_values = self._build_automaton(patterns)

    # -- building -------------------------------------------------------------------------

    def _add_record(self, record: MemberRecord, patterns: dict[str, tuple[str, set[str], bool]]) -> None:
        bioguide = record.bioguide
        self._records[bioguide] = record
        terms = tuple(sorted(record.terms, key=lambda term: term.start or date.min))
        self._terms[bioguide] = terms
        if terms:
            self._timelines[bioguide] = (
                [term.start or date.min for term in terms],
                [term.end or date.max for term in terms],
                terms,
            )

        displays = name_variants(
            first=record.first,
            middle=record.middle,
            last=record.last,
            suffix=record.suffix,
            nickname=record.nickname,
            official_full=record.official_full,
            other_names=record.other_names,
        )
        surnames = [name for name in (record.last, *record.other_names) if normalise(name)]
        givens = record.given_names
        # Common nicknames the data does not list ("Mike" for Michael): given + surname only.
        common_givens: set[str] = set()
        for given in givens:
            common_givens |= given_name_forms(given)
        display_keys = {normalise(display) for display in displays}
        common: set[str] = set()
        for surname in surnames:
            surname_key = normalise(surname)
            common |= {f"{given.title()} {surname}" for given in common_givens}
            self._by_last.setdefault(surname_key, set()).add(bioguide)
            for given in givens:
                initial = normalise(given)[:1]
                if initial:
                    self._by_initial_last.setdefault((initial, surname_key), set()).add(bioguide)
            self._add_pattern(patterns, surname, "last", bioguide)
            for other in [*record.first.split()[1:], *record.middle.split()]:
                other_key = normalise(other)
                if len(other_key) > 1 and " " not in other_key:
                    self._by_other_given.setdefault(f"{other_key} {surname_key}", set()).add(bioguide)

        for display in displays:
            self._by_full.setdefault(normalise(display), set()).add(bioguide)
            self._add_pattern(patterns, display, "full", bioguide)
        for display in common:
            key = normalise(display)
            if key not in display_keys:
                self._by_common_nickname.setdefault(key, set()).add(bioguide)
                self._add_pattern(patterns, display, "full", bioguide)

    @staticmethod
    def _add_pattern(
        patterns: dict[str, tuple[str, set[str], bool]], display: str, kind: str, bioguide: str
    ) -> None:
        # Both spellings: "marcy c  kaptur" (as "Marcy C. Kaptur" folds in running text) and
        # "marcy c kaptur" (written without the dot).
        needs_capital = display[:1].isupper()
        for pattern in {fold(display).strip(), normalise(display)}:
            if not pattern:
                continue
            existing = patterns.get(pattern)
            if existing is None:
                patterns[pattern] = (kind, {bioguide}, needs_capital)
            else:
                old_kind, bioguides, old_capital = existing
                bioguides.add(bioguide)
                patterns[pattern] = (
                    "full" if "full" in (old_kind, kind) else "last",
                    bioguides,
                    old_capital and needs_capital,
                )

    @staticmethod
    def _build_automaton(
        patterns: dict[str, tuple[str, set[str], bool]],
    ) -> tuple[ahocorasick.Automaton | None, list[tuple[int, str, tuple[str, ...], bool]]]:
        values: list[tuple[int, str, tuple[str, ...], bool]] = []
        automaton = ahocorasick.Automaton()
        for pattern, (kind, bioguides, needs_capital) in patterns.items():
            # A leading space anchors every pattern at a word start (text is scanned with one too).
            value = (len(pattern), kind, tuple(sorted(bioguides)), needs_capital)
            automaton.add_word(" " + pattern, value)
            values.append(value)
        if not values:
            return None, values
        automaton.make_automaton()
        return automaton, values

    # -- lookups --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, bioguide: object) -> bool:
        return bioguide in self._records

    def record(self, bioguide: str) -> MemberRecord:
        return self._records[bioguide]

    def records(self) -> Iterator[MemberRecord]:
        return iter(self._records.values())

    def term_on(self, bioguide: str, on: date) -> TermRecord | None:
        """The member's term covering `on` (the later one on a changeover day), else None."""
        timeline = self._timelines.get(bioguide)
        if timeline is None:
            return None
        starts, ends, terms = timeline
        position = bisect_right(starts, on) - 1
        # Terms can overlap by a day (Jan 3 end and start); look back one for cover.
        if position >= 0 and on <= ends[position]:
            return terms[position]
        if position >= 1 and on <= ends[position - 1]:
            return terms[position - 1]
        return None

    def serving_on(self, on: date) -> list[str]:
        """Bioguide ids of every member serving on `on`."""
        return [bioguide for bioguide in self._records if self.term_on(bioguide, on) is not None]

    # -- resolving ------------------------------------------------------------------------

    def resolve(
        self,
        ref: MemberReference | str,
        *,
        on: date | None,
        chamber: str | None = None,
        state: str | None = None,
        party: str | None = None,
        district: int | None = None,
    ) -> Resolution:
        """Resolve one written reference to the member serving on `on`.

        Name candidates come from exact matches of normalised variants (surname alone for a
        one-word name), then first + surname ignoring middle names and initials, then a strict
        fuzzy match for typos. They are kept if serving on `on` (any time when None) and
        narrowed by chamber/state/party/district hints; explicit keyword hints override those
        parsed from the reference. A party hint matches the term's party or caucus and is
        dropped if it excludes everyone (party switchers, press copy's stale labels).
        """
        if isinstance(ref, str):
            parsed = parse_member_reference(ref)
            if parsed is None:
                return _UNRESOLVED
            ref = parsed
        chamber = chamber if chamber is not None else ref.chamber
        state = state if state is not None else ref.state
        party = party if party is not None else ref.party
        district = district if district is not None else ref.district

        suffixes = {token for token in normalise(ref.name).split()[1:] if token in SUFFIXES}
        for candidates in self._name_stages(ref.name):
            serving = sorted(b for b in candidates if on is None or self.term_on(b, on) is not None)
            if not serving:
                continue
            if suffixes and len(serving) > 1:
                # "Rob Menendez Jr." is the son even where "Rob" fits the father too.
                serving = [b for b in serving if normalise(self._records[b].suffix) in suffixes] or serving
            resolution = self._narrow(serving, on, chamber, state, party, district)
            if resolution.status != UNRESOLVED:
                return resolution
        return _UNRESOLVED

    def _name_stages(self, name: str) -> Iterator[set[str]]:
        key = normalise(name)
        if not key:
            return
        tokens = key.split()
        plain = [token for token in tokens if token not in SUFFIXES] or tokens
        plain_key = " ".join(plain)

        matched_anyone = False
        for stage in self._exact_stages(key, plain):
            found = stage()
            matched_anyone = matched_anyone or bool(found)
            yield found
        # A name that matches somebody exactly is never a typo for somebody else: "Tom Price"
        # after he left is not "Tom Rice".
        if not matched_anyone:
            yield self._fuzzy(plain_key, single=len(plain) == 1)

    def _exact_stages(self, key: str, plain: list[str]) -> list[Callable[[], set[str]]]:
        """Ways to match a name, strongest first; each is only computed if the ones before fail."""
        plain_key = " ".join(plain)
        if len(plain) == 1:
            return [lambda: self._by_last.get(plain_key, set())]
        return [
            lambda: self._by_full.get(key, set()) | self._by_full.get(plain_key, set()),
            # A multi-word surname written alone: "Van Drew", "Wasserman Schultz".
            lambda: self._by_last.get(plain_key, set()),
            lambda: self._given_and_surname(plain, self._by_full),
            lambda: self._by_common_nickname.get(plain_key, set()),
            lambda: self._given_and_surname(plain, self._by_common_nickname),
            # Words of description before the name: "Armed Services Chairman Mike Rogers".
            lambda: self._trailing_full_name(plain),
            lambda: self._given_and_surname(plain, self._by_other_given),
        ]

    def _trailing_full_name(self, tokens: list[str]) -> set[str]:
        for start in range(1, len(tokens) - 1):
            tail = " ".join(tokens[start:])
            found = self._by_full.get(tail) or self._by_common_nickname.get(tail)
            if found:
                return set(found)
        return set()

    def _given_and_surname(self, tokens: list[str], table: dict[str, set[str]]) -> set[str]:
        """First word + trailing words as the surname, ignoring middle names and initials."""
        given = tokens[0]
        for split in range(1, len(tokens)):
            surname = " ".join(tokens[split:])
            if len(given) == 1:
                found = self._by_initial_last.get((given, surname))
            else:
                found = table.get(f"{given} {surname}")
            if found:
                return set(found)
        # "J. French Hill": an initial then the name the member goes by.
        if len(given) == 1 and len(tokens) > 2:
            return self._given_and_surname(tokens[1:], table)
        return set()

    def _fuzzy(self, key: str, *, single: bool) -> set[str]:
        if single:
            if len(key) < _FUZZY_SURNAME_MIN_LENGTH:
                return set()
            choices, table, cutoff = self._last_keys, self._by_last, _FUZZY_SURNAME_CUTOFF
        else:
            choices, table, cutoff = self._full_keys, self._by_full, _FUZZY_FULL_CUTOFF
        matches = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=25)
        # A typo keeps the initials: "Kapture" is Kaptur, "Rice" is not "Price".
        matches = [match for match in matches if _initials(match[0]) == _initials(key)]
        if not matches:
            return set()
        best = max(score for _, score, _ in matches)
        found: set[str] = set()
        for choice, score, _ in matches:
            if score == best:
                found |= table[choice]
        return found

    def _narrow(
        self,
        candidates: list[str],
        on: date | None,
        chamber: str | None,
        state: str | None,
        party: str | None,
        district: int | None,
    ) -> Resolution:
        attempts = [(party, district)]
        if party is not None:
            attempts.append((None, district))
        if district is not None:
            # Press copy gets district numbers wrong more often than states (redistricting).
            attempts.append((party, None))
            if party is not None:
                attempts.append((None, None))
        for party_hint, district_hint in attempts:
            kept = [
                bioguide
                for bioguide in candidates
                if self._fits(bioguide, on, chamber, state, party_hint, district_hint)
            ]
            if len(kept) == 1:
                return Resolution(RESOLVED, kept[0], (kept[0],))
            if kept:
                return Resolution(AMBIGUOUS, None, tuple(kept))
        return _UNRESOLVED

    def _fits(
        self,
        bioguide: str,
        on: date | None,
        chamber: str | None,
        state: str | None,
        party: str | None,
        district: int | None,
    ) -> bool:
        if on is not None:
            term = self.term_on(bioguide, on)
            terms: tuple[TermRecord, ...] = (term,) if term else ()
        else:
            terms = self._terms[bioguide]
        return any(
            (chamber is None or term.chamber == chamber)
            and (state is None or term.state == state)
            and (party is None or party in (term.party, term.caucus))
            and (district is None or term.district == district)
            for term in terms
        )

    # -- scanning -------------------------------------------------------------------------

    def scan(self, text: str, *, cased: bool = True) -> list[NameHit]:
        """Every member name in `text`, in order: full names and surnames, on word boundaries.

        One Aho-Corasick pass over the folded text (lowercase, accents and punctuation folded,
        same length so offsets map back). Overlaps are settled longest-first ("Mike Rogers"
        beats "Rogers"); hits never overlap. With `cased`, a hit must start with a capital
        letter as names are written ("Long" the member, not "long-range"). Hits carry every
        member having the variant: filtering by date is the caller's job (`term_on`, `resolve`).
        """
        if not text or self._automaton is None:
            return []
        folded = " " + fold(text)
        length = len(folded)
        # (minus length, start, end, value): sorts longest first, then leftmost.
        found: list[tuple[int, int, int, tuple[int, str, tuple[str, ...], bool]]] = []
        for end, value in self._automaton.iter(folded):
            after = end + 1
            if after < length and folded[after] != " ":
                continue
            start = end - value[0]  # offset in `text` (the padded string is one longer)
            if cased and value[3] and not text[start].isupper() and text[start:end].islower():
                continue  # "long-range", "young people"; but "de la Cruz", "van Hollen" pass
            found.append((start - end, start, end, value))
        if not found:
            return []
        # Keep a hit only if it overlaps none already kept.
        found.sort(key=_longest_then_leftmost)
        kept_starts: list[int] = []
        kept: list[tuple[int, int, tuple[int, str, tuple[str, ...], bool]]] = []
        for _, start, end, value in found:
            position = bisect_left(kept_starts, start)
            if position > 0 and kept[position - 1][1] > start:
                continue
            if position < len(kept) and kept[position][0] < end:
                continue
            kept_starts.insert(position, start)
            kept.insert(position, (start, end, value))
        hits = []
        for start, end, value in kept:
            hits.append(
                NameHit(start=start, end=end, surface=text[start:end], kind=value[1], bioguides=value[2])
            )
        return hits

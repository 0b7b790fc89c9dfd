"""Sentence spans over raw article text, offsets kept so evidence stays an exact substring.

Scraped copy breaks lines in odd places ("on Sept.\\n\\n10", "Rep.\\n\\nKaptur's letter") and
press releases put signer lists one name per line, so line breaks are boundaries only when the
text on both sides looks like it ends and starts a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from members.names import STATE_NAMES, state_code


class Sentence(NamedTuple):
    start: int
    end: int


# Tokens ending in a period that do not end a sentence when a capital or digit follows. State
# abbreviations ("Calif.", "N.J.") come from members.names, which reads them in party tags.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "rep",
        "reps",
        "sen",
        "sens",
        "gov",
        "govs",
        "lt",
        "gen",
        "col",
        "sgt",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "sec",
        "asst",
        "dept",
        "no",
        "nos",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "est",
        "corp",
        "inc",
        "co",
        "ltd",
        "vs",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "e.g",
        "i.e",
        "p.r",
        "m.d",
        "ph.d",
    ]
)
# Dotted initials written as a first name: "J.D. Vance", "G.K. Butterfield".
_INITIALS = re.compile(r"^[a-z](?:\.[a-z])+$")


# Full state names end sentences as any word does, and so do postal codes that are words.
_NOT_ABBREVIATED = frozenset(
    [name.lower() for name in STATE_NAMES.values()] + ["in", "me", "oh", "hi", "ok", "or", "id", "as"]
)


@lru_cache(maxsize=1024)
def _is_state_abbreviation(token: str) -> bool:
    return token not in _NOT_ABBREVIATED and state_code(f"{token}.") is not None


def _is_abbreviation(token: str) -> bool:
    return token in _ABBREVIATIONS or _is_state_abbreviation(token)


_BOUNDARY = re.compile(r"(?P<mark>[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n)(?P<gap>\s*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_PARTY_TAG_LINE = re.compile(r"\([^()\n]{1,30}\)[,;]?$")


def split_sentences(
    text: str, start: int = 0, *, until: int | None = None, beyond: int = 4
) -> list[Sentence]:
    """Split text[start:] into sentence spans (start, end), whitespace trimmed.

    With `until`, stop `beyond` sentences after the one holding that offset: callers that only
    read around known positions need not split the rest.
    """
    spans: list[Sentence] = []
    length = len(text)
    for match in _BOUNDARY.finditer(text, start):
        if until is not None and len(spans) > beyond and spans[-beyond - 1].start > until:
            return spans
        cut = match.end("mark")
        if cut <= start:
            continue
        nxt = match.end()  # the next visible character (the pattern takes the whitespace)
        if nxt >= length:
            break
        if match.group("mark") == "\n":
            if not _line_break_ends_sentence(text, start, match.start(), nxt):
                continue
        elif "\n" in match.group("gap"):
            # The line break decides, with the whole line in view.
            if not _line_break_ends_sentence(text, start, cut + match.group("gap").index("\n"), nxt):
                continue
        elif not _stop_ends_sentence(text, match.start(), cut, nxt):
            continue
        _append(spans, text, start, cut)
        start = cut
    _append(spans, text, start, length)
    return spans


def paragraph_start_before(text: str, position: int) -> int:
    """Start of the paragraph holding `position`, past any line break that does not end a sentence."""
    for _ in range(8):
        newline = text.rfind("\n", 0, position)
        if newline < 0:
            return 0
        end = newline
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0 or text[end - 1] in '.!?"\u201d':
            word = _WORD_BEFORE.search(text, max(0, end - 12), end)
            if not (word and _is_abbreviation(word.group(1).lower())):
                return newline + 1
        position = newline
    return 0


def _append(spans: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Sentence(start, end))


def _stop_ends_sentence(text: str, stop: int, cut: int, nxt: int) -> bool:
    following = text[nxt]
    if following.islower():
        return False
    if text[stop] == ".":
        word = _WORD_BEFORE.search(text, max(0, stop - 12), stop + 1)
        if word:
            token = word.group(1).lower()
            if (len(token) == 1 or ("." in token and _INITIALS.match(token))) and not following.isdigit():
                return False  # an initial: "Thomas H. Kean", "J.D. Vance"
            if token in _ABBREVIATIONS:
                return False
            if _is_state_abbreviation(token) and not (following.isupper() or following in '"\u201c'):
                return False
    return True


_HARD_WRAP_NEXT = re.compile(r"[A-Z(][^\n]{0,40}\s[a-z][^\n]*[^\n.!?:\"\u201d]\n[^\n]")


def _line_break_ends_sentence(text: str, start: int, newline: int, nxt: int) -> bool:
    # Offsets, not slices: a long run of joined lines must not be copied at every break.
    end = newline
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    following = text[nxt]
    if following.islower():
        return False
    last = text[end - 1]
    if last in ",:;(-\u2013\u2014&":
        return False
    if last == ".":
        word = _WORD_BEFORE.search(text, max(start, end - 12), end)
        if word and _is_abbreviation(word.group(1).lower()):
            return False
    line_start = max(start, text.rfind("\n", start, end) + 1)
    if (
        (last.isalnum() or last == ")")
        and end - line_start >= 30
        and text.count("\n", newline, nxt) == 1
        and _HARD_WRAP_NEXT.match(text, nxt)
        and not _PARTY_TAG_LINE.search(text, line_start, end)
    ):
        # Text from a PDF, hard-wrapped mid-sentence: "sent a letter to Secretary of Commerce Gina\n
        # Raimondo urging ...", the line runs on into a next line that carries lower-case words.
        return False
    # Signer lists: "Elizabeth Warren (D-Mass.)" on its own line, followed by the next name.
    return not (end - line_start < 80 and _PARTY_TAG_LINE.search(text, line_start, end))

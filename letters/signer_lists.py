"""Signer lists as staff paste them, read into members serving on the letter's date.

Two forms reach us: a letter's signature block (one name a line, "Member of Congress" under each,
columns flattened into one line by a PDF copy) and a press-release sentence ("signed by Reps. Jim
McGovern (D-MA), Jan Schakowsky (D-IL) and Marcy Kaptur (D-OH)"). This module only SPLITS the text
into the people it names; reading each person and matching them to a member is the names core's
job (members.names.parse_member_reference, members.name_index.NameIndex.resolve).

The admin's "Paste a signer list" page and `manage.py resolve_signers` both call
`resolve_signer_list`, so they always agree.
"""

# ruff: noqa: RUF001  (typographic dashes and quotes are what pasted text contains)
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from members.names import (
    MemberReference,
    normalise,
    parse_hint_tag,
    parse_member_reference,
    state_code,
)

# --- splitting (pure Python) ---------------------------------------------------------------

# A PDF copy of a two-column block puts both columns on one line, separated by a run of spaces
# or a tab; a single space never separates two people.
_COLUMN_GAP = re.compile(r"\t+|\s{2,}")
# Leading list furniture: bullets, "1.", "2)", "/s/" electronic signatures, underscores.
_LEADER = re.compile(r"^(?:[\s•·*▪●◦‣\-–—_]+|\d{1,3}[.)]\s+|/s/\s*|s/\s+)+", re.IGNORECASE)
# Signature-block captions that follow a name on the same line once columns are flattened.
_CAPTION = (
    r"(?:(?:the\s+)?members?\s+of\s+(?:the\s+)?congress|(?:united\s+states|u\.?\s?s\.?)\s+"
    r"(?:senator|representative|congress(?:wo)?man)|member,?\s+u\.?\s?s\.?\s+house\s+of\s+representatives)"
)
_TRAILING_CAPTION = re.compile(rf"(?:\s*[,–—-]\s*|\s+){_CAPTION}\s*[.,;]?\s*$", re.IGNORECASE)
# "Member of Congress, AL-03" under a name: the tag after the caption tells who it is.
_LEADING_CAPTION = re.compile(rf"^\s*{_CAPTION}\s*[,;:\-–—]?\s*(?=\S)", re.IGNORECASE)
# Where the names start in a press-release sentence: after "signed by", "led by", "including", ":".
_LIST_OPENER = re.compile(
    r"(?:\b(?:co-?)?(?:signed|led|joined|authored|sent|spearheaded|organi[sz]ed|penned|written|"
    r"introduced|supported|endorsed)\s+by\b|\bsignatories\s+(?:are|were|include[ds]?)\b|"
    r"\bsigners\s+(?:are|were|include[ds]?)\b|\bincluding\b|\balong\s+with\b|\btogether\s+with\b|:(?!//))",
    re.IGNORECASE,
)
_AND = re.compile(r"\s*(?:,\s*|\s)(?:and|&)\s+|\s*;\s*|\s+&\s+", re.IGNORECASE)
# Words that never belong to a member's name but often sit on lines of a signature block
# ("Chairman, House Foreign Affairs Committee", "Co-Chair, Congressional Ukraine Caucus").
_NOT_NAME_WORDS = frozenset(
    {
        "committee",
        "subcommittee",
        "caucus",
        "congress",
        "congressional",
        "senate",
        "house",
        "chairman",
        "chairwoman",
        "chair",
        "cochair",
        "ranking",
        "member",
        "members",
        "united",
        "commission",
        "department",
        "president",
        "secretary",
        "administration",
        "delegation",
        "district",
        "representatives",
        "senators",
        "letter",
        "affairs",
        "intelligence",
        "appropriations",
        "today",
        "dear",
        "colleague",
        "colleagues",
        "washington",
        # Committee subjects, so "Committee on Energy and Commerce" is not split into a person
        # "Commerce" ("Ways and Means", "Homeland Security and Governmental Affairs").
        "commerce",
        "means",
        "energy",
        "resources",
        "homeland",
        "governmental",
        "pensions",
        "labor",
        "education",
        "transportation",
        "infrastructure",
        "judiciary",
        "oversight",
        "accountability",
        "budget",
        "agriculture",
        "nutrition",
        "forestry",
        "veterans",
        "banking",
        "housing",
        "urban",
        "finance",
        "financial",
        "services",
        "relations",
        "science",
        "technology",
        "environment",
        "ethics",
        "rules",
        "armed",
        "foreign",
        "leader",
        "leadership",
        "whip",
        "speaker",
        "majority",
        "minority",
        "conference",
        "enclosure",
        "enclosures",
        "attachment",
        "attachments",
    }
)
# Parenthetical hint lines printed under a name: "(D-OH)", "D-Ohio", "OH-09", "Ohio's 9th District".
_HINT_LINE = re.compile(
    r"^\(?\s*(?:(?P<party>[DRI])\s*[-–—]\s*)?(?P<state>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)"
    r"(?:\s*[-–—]\s*(?P<district>\d{1,2}|AL))?\s*\)?$"
)
_DISTRICT_LINE = re.compile(
    r"^(?P<state>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)['’]s\s+(?P<district>\d{1,2})(?:st|nd|rd|th)\s+"
    r"(?:congressional\s+)?district$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\([^()]*\)")
# Degrees written after a name: "Andy Harris, M.D." (and not Maryland).
_CREDENTIAL = re.compile(
    r",?\s+(?:M\.?D\.?|Ph\.?D\.?|D\.?D\.?S\.?|D\.?M\.?D\.?|D\.?P\.?M\.?|D\.?V\.?M\.?|Pharm\.?D\.?|"
    r"M\.?P\.?H\.?|R\.?N\.?|D\.?O\.?|Esq\.?)(?=$|[\s,(])"
)
_PARTICLES = frozenset({"de", "la", "del", "van", "von", "der", "den", "da", "di", "le", "du", "st", "mc"})
_TITLE_HEAD = re.compile(
    r"^(?:reps?\.?|representatives?|sens?\.?|senators?|congress(?:wo)?m[ae]n|del\.?|delegate|"
    r"the\s+honorable|hon\.?|u\.?s\.?\s+(?:rep|sen)\w*\.?)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Hints:
    """Hints written on their own line under a name ("(D-OH)", "Ohio's 9th District")."""

    party: str | None = None
    state: str | None = None
    district: int | None = None


@dataclass(frozen=True)
class NamedPiece:
    """One person as written, with what the surrounding text says about them."""

    text: str
    # As staff wrote it, before degrees ("M.D.") were dropped for matching.
    written: str = ""
    # A title opening a prose list ("Senators X, Y, and Z") speaks for every name in it.
    chamber: str | None = None
    in_prose: bool = False
    hints: Hints = field(default_factory=Hints)
    # Another reading of the same text, as separate people, if this one matches nobody.
    alternatives: tuple[NamedPiece, ...] = ()


def _hint_line(line: str) -> Hints | None:
    line = _LEADING_CAPTION.sub("", line.strip())
    if match := _DISTRICT_LINE.match(line):
        state = state_code(match.group("state"))
        return Hints(state=state, district=int(match.group("district"))) if state else None
    if match := _HINT_LINE.match(line):
        state = state_code(match.group("state"))
        if not state:
            return None
        district = match.group("district")
        return Hints(
            party=match.group("party"),
            state=state,
            district=(0 if district.upper() == "AL" else int(district)) if district else None,
        )
    if tag := parse_hint_tag(line):  # "Democrat, Ohio", "D-NY-14", "R-Texas"
        party, state, district = tag
        return Hints(party=party, state=state, district=district)
    return None


def _split_top_level(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split on pattern, but never inside parentheses ("(D-Mass., R-Ohio)" stays whole)."""
    pieces: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = pattern.match(text, index)
            if match and match.end() > index:
                pieces.append(text[start:index])
                start = index = match.end()
                continue
        index += 1
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


_COMMA = re.compile(r"\s*,\s*")
_NICKNAME = re.compile(r"[\"“”][^\"“”]{1,20}[\"“”]")


_SUFFIX_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _is_last_first(cells: list[str]) -> bool:
    """ "Kaptur, Marcy" / "Wasserman Schultz, Debbie" / "Kean, Thomas H., Jr.": surname, given names.

    A guess: the resolver falls back to reading the cells as separate people when the whole
    does not match anyone ("Kaptur, Fitzpatrick").
    """
    if len(cells) == 3 and normalise(cells[2]) in _SUFFIX_WORDS:
        cells = cells[:2]
    if len(cells) != 2 or "(" in cells[0]:
        return False
    # The House Clerk's roster form puts the nickname last: 'Scott, Robert C. "Bobby"'.
    given_cell = _NICKNAME.sub(" ", _PARENS.sub(" ", cells[1]))
    surname, given = cells[0].split(), given_cell.split()
    if not surname or not given or _TITLE_HEAD.match(cells[0] + " "):
        return False
    surname_ok = len(surname) <= 3 and not any(len(normalise(word)) == 1 for word in surname)
    # Given names: "Marcy", "Bennie G.", "C. A. Dutch", "Mary Gay"; at most two full words.
    full_words = [word for word in given if len(normalise(word)) > 1]
    given_ok = len(given) <= 4 and 1 <= len(full_words) <= 2
    titled = _is_caption(cells[1]) or _is_role_only(cells[1])  # "Marcy Kaptur, Co-Chair"
    return surname_ok and given_ok and not titled and not _is_suffix_or_hint(cells[1])


def _is_suffix_or_hint(cell: str) -> bool:
    key = normalise(cell)
    words = key.split()
    if words and words[0] in _SUFFIX_WORDS and (len(words) == 1 or "(" in cell):
        return True  # "Jr." or "Jr. (D-NJ)" after "Donald M. Payne,"
    return bool(
        re.match(r"^(?:[DRI]|dem|gop|rep|democrat|republican|independent)\.?\s*[-–—]", cell.strip(), re.I)
    ) or (state_code(cell) is not None and len(key) > 0)


def _list_items(text: str, *, last_first: bool = True, in_block: bool = False) -> list[str]:
    """Comma/"and"-separated people, keeping "Last, First" and "Name, D-Ohio" / "Name, Jr." together.

    In a signature block (``in_block``) a title after the name runs to the end of the line:
    "Frank Pallone, Jr., Chairman, Committee on Energy and Commerce" names one person.
    """
    cells = _split_top_level(text, _COMMA)
    if last_first and _is_last_first(cells):
        return [text]
    items: list[str] = []
    for cell in cells:
        if in_block and (_is_role_only(cell) or (_is_caption(cell) and _opens_as_title(cell))):
            break
        title_open = False
        for item in _split_top_level(cell, _AND):
            item = re.sub(r"^(?:and|&)\s+", "", item, flags=re.IGNORECASE)
            if items and _is_suffix_or_hint(item):
                items[-1] = f"{items[-1]}, {item}"
            elif title_open and not _DESCRIPTOR_TITLE.match(item) and not _TITLE_HEAD.match(item + " "):
                # "Committee on Energy and Commerce": the "and" is inside a title, not between people.
                items[-1] = f"{items[-1]} and {item}"
            elif item:
                items.append(item)
                title_open = _is_caption(item) and _opens_as_title(item)
    return items


# The title right before a name in press copy: "House Armed Services Committee Chairman Mike Rogers".
_DESCRIPTOR_TITLE = re.compile(
    r"\b(?:(?P<chamber>Reps?\.|Representatives?|Sens?\.|Senators?|Congress(?:wo)?m[ae]n|Del\.|Delegate)"
    r"|Chairman|Chairwoman|Chair|Co-?Chair|Vice\s+Chair|Ranking\s+Member|Commissioner|Leader|Whip|Speaker)"
    r"\s+(?=[A-Z])"
)


def _strip_descriptor(item: str) -> str:
    """Drop a role description before the name, keeping a chamber title ("Rep.", "Senator")."""
    matches = list(_DESCRIPTOR_TITLE.finditer(item))
    if not matches:
        return item
    last = matches[-1]
    if last.start() == 0:
        # "Chairman Mike Rogers" -> "Mike Rogers"; "Rep. Mike Rogers" keeps its chamber title.
        return item if last.group("chamber") else item[last.end() :]
    if not last.group("chamber"):
        return item[last.end() :]
    before = item[: last.start()]
    national = re.search(r"\bU\.?\s?S\.?\s*$", before)  # keep "U.S." of "U.S. Senators"
    return item[national.start() if national else last.start() :]


def _trim_prose_tail(item: str) -> str:
    """Keep the name at the start of a piece and drop the sentence after it.

    "Marcy Kaptur (D-OH) urged the President to act" -> "Marcy Kaptur (D-OH)";
    "Ed Markey wrote to Secretary Austin" -> "Ed Markey".
    """
    if ")" in item:
        head = item[: item.index(")") + 1]
        if parse_member_reference(head) is not None:
            return head
    words = item.split()
    if words and words[0][:1].islower() and normalise(words[0]) not in _PARTICLES:
        return ""  # "in a letter", "led 25 colleagues": prose between the names
    if parse_member_reference(item) is not None:
        return item  # a whole reference: "Sen. Warren, D-Mass."
    kept: list[str] = []
    for word in words:
        bare = word.strip(".,;:")
        if kept and bare and bare[0].islower() and normalise(bare) not in _PARTICLES:
            break
        kept.append(word)
        if (
            word.endswith((".", ",", ";", ":"))
            and len(kept) > 1
            and not re.search(r"\b[A-Z]\.$|\b(?:Jr|Sr)\.$", word)
        ):
            break
    return " ".join(kept).rstrip(",;:") if kept else item


def _drop_sentence_opening(item: str) -> str:
    """The name after the words that open a sentence: "In addition to Kaptur", "Joining Kaptur"."""
    words = item.split()
    if len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]+ing", words[0]) and words[1][:1].isupper():
        return " ".join(words[1:])
    prose = [
        position
        for position, word in enumerate(words)
        if word[:1].islower() and normalise(word) not in _PARTICLES | {"of"}
    ]
    if len(words) >= 3 and words[0][:1].isupper() and prose and prose[0] == 1:
        tail = words[prose[-1] + 1 :]
        if tail and tail[0][:1].isupper():
            return " ".join(tail)
    return item


def _looks_like_prose(line: str) -> bool:
    words = line.split()
    lowercase = [w for w in words if w[:1].islower() and normalise(w) not in _PARTICLES | {"and", "of"}]
    return (
        len(lowercase) >= 2
        or (bool(_LIST_OPENER.search(line)) and len(words) > 4)
        # "Rep. Mike Turner and Sen. Sherrod Brown signed.": a sentence, however short
        or (bool(lowercase) and len(words) >= 4 and line.rstrip().endswith((".", "!")))
    )


# "Sheila Jackson Lee (TX-18) joined Reps. Al Green": a hint tag, a joining word, then a titled
# name ("... (D-AZ) wrote to Sen. Schumer" names a recipient, not a signer).
_TAG_THEN_TITLED_NAME = re.compile(
    r"(?<=\))\s+(?:[a-z][\w'-]*\s+){0,3}(?:joined|and|with|alongside|plus|by|were|are|include[ds]?)\s+(?=(?:Reps?\.|Representatives?|Sens?\.|Senators?|"
    r"Congress(?:wo)?m[ae]n)\s+[A-Z])"
)


def _split_after_tags(items: list[str]) -> list[str]:
    return [part for item in items for part in _TAG_THEN_TITLED_NAME.split(item)]


def _prose_pieces(line: str) -> list[NamedPiece]:
    pieces: list[NamedPiece] = []
    chamber: str | None = None
    for raw in _split_after_tags(_list_items(line)):
        openers = list(_LIST_OPENER.finditer(raw))
        if openers:
            # "The letter was signed by Reps. Jim McGovern (D-MA)": the name follows the opener.
            raw = raw[openers[-1].end() :]
        item = raw.strip(" .;:")
        if ")" in item:
            item = item[: item.index(")") + 1]  # a hint tag closes the name: "(R-OH) sent a letter"
        described = _strip_descriptor(item)
        head = item[: len(item) - len(described)].strip()
        if head and (name := _trim_prose_tail(_drop_sentence_opening(head))) and name != head.rstrip(",;:"):
            # "Joining Reps. Kaptur and Fitzpatrick on the letter were Reps. Joe Wilson": the
            # name before the prose is a person too, not a description of the next one.
            pieces.append(NamedPiece(text=name, chamber=chamber, in_prose=True))
        # "... and Joe Wilson. Read the letter here.": the sentence's full stop is not the name's.
        item = re.sub(r"(?<=[a-z]{3})\.$", "", _trim_prose_tail(_drop_sentence_opening(described)))
        if not item:
            continue
        ref = parse_member_reference(item)
        if ref is not None and ref.chamber and _TITLE_HEAD.match(item + " "):
            chamber = ref.chamber  # "Reps. A, B and C": the title covers B and C too
        pieces.append(NamedPiece(text=item, chamber=chamber, in_prose=True))
    return pieces


def _clean_cell(cell: str) -> str:
    cell = _LEADER.sub("", cell.strip())
    cell = _TRAILING_CAPTION.sub("", cell)
    return cell.strip(" ,;")


def _without_credentials(text: str) -> str:
    return _CREDENTIAL.sub("", text).strip(" ,;")


# Lines that name recipients, not signers: "cc: ...", and an address block's "The Honorable X"
# followed by an office such as "Secretary of Defense" or "President of the United States".
_COPY_LINE = re.compile(r"^\s*(?:b?cc|copy\s+to|attn|attention)\s*[:.]", re.IGNORECASE)
_HONORABLE = re.compile(r"^\s*(?:the\s+)?(?:honorable|hon\.)\s", re.IGNORECASE)
_RECIPIENT_OFFICE = re.compile(
    r"^\s*(?:president|vice\s+president|secretary|administrator|director|ambassador|commissioner|"
    r"speaker|(?:majority|minority|democratic|republican)\s+leader|leader|chair(?:man|woman)?|ranking\s+member|"
    r"attorney\s+general|governor|prime\s+minister|chief\s+executive|ceo|chair(?:man|woman)?\s+of\s+the|"
    r"the\s+white\s+house|(?:u\.?s\.?\s+)?department|general|admiral|comptroller|inspector)\b",
    re.IGNORECASE,
)


_SALUTATION = re.compile(r"^\s*dear\s+[^\n]{1,80}[:,]\s*$", re.IGNORECASE)
_CLOSING = re.compile(
    r"^\s*(?:(?:very\s+)?(?:sincerely|respectfully|cordially|truly)(?:\s+(?:yours|submitted))?|"
    r"yours\s+(?:truly|sincerely|respectfully)|(?:best|kind|warm)\s+regards|regards|thank\s+you|"
    r"with\s+(?:gratitude|appreciation|respect|thanks)|in\s+solidarity)\s*[,.:!]?\s*$",
    re.IGNORECASE,
)


def _lines_outside_the_signatures(lines: list[str]) -> set[int]:
    """Lines of a pasted letter that are not its signature block.

    The address block and body come before "Dear ...:" and the closing ("Sincerely,"); a
    "cc:" runs to the next blank line; "The Honorable X" over an office is a recipient.
    """
    skipped: set[int] = set()
    salutation = next((i for i, line in enumerate(lines) if _SALUTATION.match(line)), None)
    if salutation is not None:
        skipped.update(range(salutation + 1))
    body_start = 0 if salutation is None else salutation + 1
    closing = next((i for i in range(body_start, len(lines)) if _CLOSING.match(lines[i])), None)
    if closing is not None and any(line.strip() for line in lines[closing + 1 :]):
        skipped.update(range(closing + 1))
    following = [i for i, line in enumerate(lines) if line.strip()]
    in_copy_block = False
    for position, index in enumerate(following):
        line = lines[index]
        if position and following[position - 1] != index - 1:
            in_copy_block = False  # a blank line ends a "cc:" block
        if _COPY_LINE.match(line) or in_copy_block:
            skipped.add(index)
            in_copy_block = True
            continue
        next_line = lines[following[position + 1]] if position + 1 < len(following) else ""
        after_comma = line.split(",", 1)[1] if "," in line else ""
        if _HONORABLE.match(line) and (
            _RECIPIENT_OFFICE.match(next_line) or _RECIPIENT_OFFICE.match(after_comma)
        ):
            skipped.add(index)
    return skipped


_CONTINUES = re.compile(r"(?:,|\band|&|\bReps?\.|\bSens?\.|\bRepresentatives|\bSenators)\s*$", re.IGNORECASE)


def _join_wrapped_sentences(lines: list[str]) -> list[str]:
    """Rejoin a press-release sentence a copy broke mid-list ("..., Jan Schakowsky (D-IL),\nand ...")."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if line.strip() and previous.strip() and _looks_like_prose(previous) and _CONTINUES.search(previous):
            joined[-1] = f"{previous.rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


def split_signer_list(text: str) -> list[NamedPiece]:
    """The people a pasted signer list names, in order, as written (not yet read or matched).

    Pieces that are plainly not people (captions, committee titles) are dropped here; the names
    core drops the rest ("Sincerely,", "Member of Congress").
    """
    pieces: list[NamedPiece] = []
    lines = _join_wrapped_sentences(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    outside = _lines_outside_the_signatures(lines)
    for number, raw_line in enumerate(lines):
        if not raw_line.strip() or number in outside:
            continue
        hints = _hint_line(_clean_cell(raw_line))
        if hints is not None:
            if pieces:
                pieces[-1] = replace(pieces[-1], hints=hints)
            continue  # a tag with nobody above it ("D-OH" under a cut-off name) is nobody
        cells = _COLUMN_GAP.split(raw_line.strip())
        if 1 < len(cells) <= 3 and all(len(cell.split()) == 1 for cell in cells):
            cells = [" ".join(cells)]  # "Marcy  Kaptur": a double space typed inside one name
        for cell in cells:
            cell = _clean_cell(cell)
            if not cell or _MEMO_HEADER.match(cell):
                continue
            if _looks_like_prose(cell):
                pieces.extend(_prose_pieces(cell))
            elif _is_furniture(cell):
                continue
            elif re.search(r"[,;]|\s(?:and|&)\s", cell):
                cell = _without_credentials(cell)
                items = _list_items(cell, in_block=True)
                if items == [cell] and "," in cell:
                    alternatives = tuple(
                        _piece(item) for item in _list_items(cell, last_first=False, in_block=True)
                    )
                    pieces.append(replace(_piece(cell), alternatives=alternatives))
                else:
                    pieces.extend(_piece(item) for item in items)
            else:
                pieces.append(_piece(cell))
    return [piece for piece in pieces if not _is_caption(piece.text)]


def _piece(written: str) -> NamedPiece:
    return NamedPiece(text=_without_credentials(_strip_descriptor(written)), written=written)


def _is_caption(text: str) -> bool:
    words = set(normalise(text).split())
    return bool(words & _NOT_NAME_WORDS) and not _TITLE_HEAD.match(text + " ")


# Words of a leadership or committee role written on its own line under a name.
_ROLE_WORDS = frozenset(
    {
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "chairs",
        "chairmen",
        "chairwomen",
        "co",
        "cochair",
        "cochairs",
        "members",
        "leaders",
        "vice",
        "ranking",
        "member",
        "leader",
        "whip",
        "speaker",
        "majority",
        "minority",
        "assistant",
        "deputy",
        "chief",
        "democratic",
        "republican",
        "house",
        "senate",
        "of",
        "the",
        "pro",
        "tempore",
    }
)
# Lines of a letter around its signatures that name nobody: an address ("1000 Defense Pentagon",
# "Washington, DC 20515", "Suite 200"), enclosures, page furniture, a lone honorific. (Salutations
# and "cc:" blocks are found by _lines_outside_the_signatures, closings by the names core.)
_ADDRESS_LINE = re.compile(
    r"\b\d{5}(?:-\d{4})?\s*$|^\d+\s+[A-Za-z]|\b(?:p\.?\s?o\.?\s+box|suite|room|floor)\s+\w*\d"
    r"|\b(?:office\s+building|avenue|boulevard)\b|\b[NS][EW]\.?$|\bN\.[EW]\.$"
    # contact details: a phone number, an e-mail or web address
    r"|\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b|\S@\S|\b(?:https?://|www\.)",
    re.IGNORECASE,
)
_FURNITURE_LINE = re.compile(
    r"^(?:(?:enclosures?|encl|attachments?|attached|appendix)\b.*|(?:page\s+)?\d+\s*(?:of|/)\s*\d+|"
    r"-\s*\d+\s*-|\d+|(?:the\s+)?(?:honorable|hon)\.?|(?:mr|mrs|ms|dr|rep|sen)s?\.?)$",
    re.IGNORECASE,
)


# A Dear Colleague memo's header lines other than "From:" name no signer.
# Nor does a press release's contact line.
_MEMO_HEADER = re.compile(r"^(?:re|subject|subj|date|to|(?:press\s+|media\s+)?contacts?)\s*:", re.IGNORECASE)


def _is_role_only(text: str) -> bool:
    """ "Democratic Whip", "Vice Chair", "Ranking Member": a role with no name in it."""
    words = normalise(text).split()
    return bool(words) and all(word in _ROLE_WORDS for word in words)


def _opens_as_title(text: str) -> bool:
    """ "Committee on ...", "Chairman of ...", "ranking member of ...": a title, not a name, first."""
    words = normalise(text).split()
    return bool(words) and (words[0] in _NOT_NAME_WORDS or words[0] in _TITLE_OPENERS)


_TITLE_OPENERS = _ROLE_WORDS - {"the", "of", "house", "senate", "democratic", "republican"}


def _is_furniture(cell: str) -> bool:
    """A cell of a pasted letter that is no person: an address, a title, page furniture."""
    if _ADDRESS_LINE.search(cell) or _FURNITURE_LINE.match(cell.strip()) or _is_role_only(cell):
        return True
    # A title line: its first segment is a committee or office, not a name
    # ("Chairman, Committee on Ways and Means", "Committee on Energy and Commerce").
    first = (_split_top_level(cell, _COMMA) or [""])[0]  # a blank cell has no segment
    return _is_caption(_strip_descriptor(first)) or _is_role_only(first)


# --- resolution -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SignerEntry:
    """One person named in a signer list and who they are on the letter's date."""

    as_written: str
    status: str  # 'resolved' | 'ambiguous' | 'unresolved'
    bioguide: str | None
    candidates: tuple[str, ...]
    reference: MemberReference | None = None

    def as_dict(self) -> dict[str, object]:
        """The contract object `resolve_signers` prints."""
        return {
            "as_written": self.as_written,
            "status": self.status,
            "bioguide": self.bioguide,
            "candidates": list(self.candidates),
        }


def resolve_signer_list(
    text: str, *, on: dt.date, chamber: str | None = None, index=None
) -> list[SignerEntry]:
    """Read a pasted signer list into one entry per person named, in order of appearance.

    Each person is matched to a member serving on ``on``, narrowed by the chamber/state/party
    hints written with them (or ``chamber`` for the whole list). A member named twice is listed
    once. ``index`` is a members.name_index.NameIndex; by default the database's, cached.
    """
    if index is None:
        from members.name_loading import load_name_index  # Django side; keeps splitting pure

        index = load_name_index()
    entries: list[SignerEntry] = []
    seen: set[str] = set()
    pieces = list(reversed(split_signer_list(text)))
    while pieces:
        piece = pieces.pop()
        if not piece.in_prose and (run_together := _names_within(index, piece)):
            # Columns flattened with single spaces: "Marcy Kaptur Brian Fitzpatrick" (three
            # columns can run longer than any one person's name, so before reading it as one).
            pieces.extend(reversed(run_together))
            continue
        ref = parse_member_reference(piece.text)
        if ref is None:
            continue
        resolution = _resolve(index, ref, piece, on=on, chamber=chamber)
        if resolution.status == "unresolved" and _alternatives_name_members(index, piece, on, chamber):
            pieces.extend(reversed(piece.alternatives))
            continue
        if (
            piece.in_prose
            and resolution.status == "unresolved"
            and not (piece.chamber or _names_a_person(ref))
        ):
            # Prose around a list ("Today, ...") yields capitalised words that are nobody.
            continue
        if resolution.bioguide:
            if resolution.bioguide in seen:
                continue
            seen.add(resolution.bioguide)
        entries.append(
            SignerEntry(
                as_written=piece.written or piece.text,
                status=resolution.status,
                bioguide=resolution.bioguide,
                candidates=tuple(resolution.candidates),
                reference=ref,
            )
        )
    return entries


def _alternatives_name_members(index, piece: NamedPiece, on: dt.date, chamber: str | None) -> bool:
    """Whether "A, B" reads as two members serving on the date, rather than one unknown person.

    "Kaptur, McGovern" is two people; "Jackson Lee, Sheila" after her death is one, unresolved.
    """
    if not piece.alternatives:
        return False
    for alternative in piece.alternatives:
        ref = parse_member_reference(alternative.text)
        if ref is None or _resolve(index, ref, alternative, on=on, chamber=chamber).status == "unresolved":
            return False
    return True


def _resolve(index, ref: MemberReference, piece: NamedPiece, *, on: dt.date, chamber: str | None):
    hints = piece.hints
    kwargs = {
        "chamber": ref.chamber or piece.chamber or chamber,
        "state": ref.state or hints.state,
        "party": ref.party or hints.party,
        "district": ref.district if ref.district is not None else hints.district,
    }
    resolution = index.resolve(ref, on=on, **kwargs)
    if resolution.status == "unresolved" and kwargs["district"] is not None:
        # Districts are renumbered every decade and press copy lags behind: try without it.
        resolution = index.resolve(ref, on=on, **{**kwargs, "district": None})
    return resolution


def _names_within(index, piece: NamedPiece) -> list[NamedPiece]:
    """Two or more full names run together on one line, found by the index's scanner."""
    if len(piece.text.split()) < 4:
        return []
    hits = sorted((hit for hit in index.scan(piece.text) if hit.kind == "full"), key=lambda hit: hit.start)
    if len(hits) < 2 or any(a.end > b.start for a, b in pairwise(hits)):
        return []
    # The names must make up the line, not sit inside a longer name or a sentence.
    covered = sum(len(normalise(hit.surface)) for hit in hits)
    if covered < 0.8 * len(normalise(piece.text)):
        return []
    return [NamedPiece(text=hit.surface, written=hit.surface, chamber=piece.chamber) for hit in hits]


def _names_a_person(ref: MemberReference) -> bool:
    has_hint = any(value is not None for value in (ref.chamber, ref.party, ref.state, ref.district))
    return has_hint or len(ref.name.split()) >= 2

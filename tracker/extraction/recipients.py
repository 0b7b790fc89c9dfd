"""Who a letter is addressed to, and what it asks them to do, as copy phrases it.

Recipients come back as plain names: the person when the text names one ("Attorney General
Merrick Garland" -> "Merrick Garland"), else the body ("the Federal Trade Commission" ->
"Federal Trade Commission"). A surname alone is completed from the article itself, or, for the
offices letters most often go to, from who held the office on the article's date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from members.names import STATE_NAMES, state_code

# Holders of the offices congressional letters most often address, with their dates in office.
# Copy routinely writes only "President Biden" or "Chair Powell".
_OFFICE_HOLDERS: tuple[tuple[str, str, date, date | None], ...] = (
    ("Obama", "Barack Obama", date(2009, 1, 20), date(2017, 1, 20)),
    ("Trump", "Donald Trump", date(2017, 1, 20), date(2021, 1, 20)),
    ("Biden", "Joe Biden", date(2021, 1, 20), date(2025, 1, 20)),
    ("Trump", "Donald Trump", date(2025, 1, 20), None),
    ("Biden", "Joe Biden", date(2009, 1, 20), date(2017, 1, 20)),
    ("Pence", "Mike Pence", date(2017, 1, 20), date(2021, 1, 20)),
    ("Harris", "Kamala Harris", date(2021, 1, 20), date(2025, 1, 20)),
    ("Vance", "JD Vance", date(2025, 1, 20), None),
    ("Bernanke", "Ben Bernanke", date(2006, 2, 1), date(2014, 1, 31)),
    ("Yellen", "Janet Yellen", date(2014, 2, 3), date(2018, 2, 3)),
    ("Powell", "Jerome Powell", date(2018, 2, 5), None),
)
_PRESIDENTS = (
    ("Barack Obama", date(2009, 1, 20), date(2017, 1, 20)),
    ("Donald Trump", date(2017, 1, 20), date(2021, 1, 20)),
    ("Joe Biden", date(2021, 1, 20), date(2025, 1, 20)),
    ("Donald Trump", date(2025, 1, 20), None),
)

# Titles that name an office and the person holding it ("Secretary", "Chair").
_TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "secretary",
        "attorney",
        "general",
        "director",
        "chair",
        "chairman",
        "chairwoman",
        "administrator",
        "commissioner",
        "ceo",
        "cfo",
        "coo",
        "ambassador",
        "speaker",
        "leader",
        "governor",
        "gov",
        "gov.",
        "mayor",
        "minister",
        "chancellor",
        "judge",
        "justice",
        "inspector",
        "surgeon",
        "officer",
        "head",
        "founder",
        "owner",
        "treasurer",
        "comptroller",
        "chief",
        "deputy",
        "acting",
        "executive",
        "principal",
        "nominee",
        "designate",
        "dr",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "hon.",
        "honorable",
        "rev.",
        "reverend",
        "president-elect",
    ]
)
# Words that make up offices and organisations, not personal names.
_OFFICE_WORDS = _TITLE_WORDS | frozenset(
    [
        "assistant",
        "under",
        "majority",
        "minority",
        "prime",
        "solicitor",
        "senior",
        "interim",
        "pres.",
        "sec.",
        "u.s.",
        "us",
        "federal",
        "reserve",
        "fed",
        "housing",
        "finance",
        "agency",
        "department",
        "dept.",
        "administration",
        "bureau",
        "commission",
        "office",
        "board",
        "service",
        "services",
        "national",
        "security",
        "state",
        "defense",
        "defence",
        "treasury",
        "homeland",
        "energy",
        "health",
        "human",
        "labor",
        "education",
        "transportation",
        "agriculture",
        "commerce",
        "interior",
        "veterans",
        "affairs",
        "trade",
        "communications",
        "exchange",
        "securities",
        "food",
        "drug",
        "environmental",
        "protection",
        "consumer",
        "financial",
        "centers",
        "disease",
        "control",
        "prevention",
        "institutes",
        "institute",
        "enforcement",
        "customs",
        "border",
        "immigration",
        "citizenship",
        "urban",
        "development",
        "management",
        "budget",
        "intelligence",
        "investigation",
        "federal-aid",
        "postal",
        "army",
        "navy",
        "air",
        "force",
        "marine",
        "corps",
        "joint",
        "staff",
        "house",
        "senate",
        "white",
        "committee",
        "council",
        "corporation",
        "company",
        "inc.",
        "inc",
        "co.",
        "corp.",
        "corp",
        "group",
        "bank",
        "university",
        "foundation",
        "association",
        "authority",
        "united",
        "states",
        "america",
        "american",
        "of",
        "the",
        "and",
        "for",
        "&",
        "on",
        "in",
    ]
)
_PERSONAL_TITLES = _TITLE_WORDS | frozenset(
    [
        "chairs",
        "whip",
        "sen.",
        "senator",
        "rep.",
        "representative",
        "member",
    ]
)
# Lower-case words inside a recipient's title: "acting ICE Director", "British prime minister".
_LOWER_TITLE_WORDS = (_PERSONAL_TITLES & _OFFICE_WORDS) | {"prime", "foreign"}
_ORGANISATION_WORDS = frozenset(
    [
        "office",
        "department",
        "agency",
        "administration",
        "bureau",
        "commission",
        "board",
        "service",
        "services",
        "council",
        "institute",
        "institutes",
        "center",
        "centers",
        "centre",
        "foundation",
        "association",
        "authority",
        "corporation",
        "company",
        "committee",
    ]
)
_LEADING_OFFICE_WORDS = frozenset(
    {"fbi", "majority", "minority", "house", "senate", "treasury", "fed", "prime"}
)
# "(EPA)" after an agency's name, "(D-VA)" after a recipient member's.
_ACRONYM_IN_PARENS = re.compile(r"^\([A-Z][A-Za-z&.\-]{0,12}\)[,.]?$")
_CLAUSE_SUBJECT_AFTER = re.compile(
    r"\s+[A-Z][\w'\u2019.-]*\s+(?!of\b|and\b|the\b|for\b|&)[a-z]"
    # "In a letter to Fed Chair Jerome Powell, Sen. Susan Collins said": the sender, not a recipient.
    r"|\s+(?:[A-Z][\w'\u2019-]*\s+and\s+)?(?:U\.\s?S\.\s+|US\s+)?(?:Sens?\.|Reps?\.|Senators?\b|Representatives?\b"
    r"|Congress(?:man|woman)\b|Del\.)"
    # "In a letter to Fed Chair Jerome Powell, Warren, a Democrat who ...": the sender's appositive.
    r"|\s+[A-Z][\w'\u2019-]*,\s+(?:an?|the)\s+(?:[A-Z][\w.-]*\s+){0,2}(?:Democrat|Republican|Independent)\b"
)
_HEADS_OF = re.compile(
    r"the\s+(?:heads|CEOs|chief\s+executives|leaders|presidents|chairs|owners|executives)\s+of\s+(?:the\s+)?(?=[A-Z])"
)
_LISTED_NAME = re.compile(
    r"(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+(?:&\s+)?[A-Z][\w&.'\u2019-]*){0,3})(?P<more>\s*,\s*(?:and\s+)?|\s+and\s+)?"
)
_COMPANY_SUFFIX = re.compile(r"\b(?:Inc|Co|Corp|Ltd|Bros|L\.P|[A-Z])\.$")
_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
# Lower-case words that close a body's name: "Senate leadership", "congressional leaders".
_COLLECTIVE_WORDS = frozenset(
    {"leadership", "leaders", "appropriators", "negotiators", "conferees", "members", "colleagues"}
)
_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "de", "du", "la"})
_ACRONYM = re.compile(r"^(?:[A-Z]{2,}s?|[A-Z](?:\.[A-Z])+\.?)$")
_TOKEN = re.compile(r"[^\s,;:]+|,")
_PERSON_TOKEN = re.compile(r"^[A-Z][\w'\u2019.-]*$")
_STATE_NAMES = frozenset(STATE_NAMES.values())
_HOME_STATE = re.compile(r"\s+of\s+(?P<state>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$")

# A title of an addressee ahead, within a few capitalised words: "wrote EPA Administrator Michael Regan".
ADDRESSEE_TITLE_AHEAD = (
    r"(?=(?:[A-Z][\w.&-]*\s+){0,5}(?:Secretary|Administrator|Director|Chair|Chairman|Chairwoman"
    r"|Commissioner|President|Speaker|Leader|CEO|Attorney|Ambassador|Governor)\b)"
)
_TO_CUE = re.compile(
    rf"\bwrote\s+{ADDRESSEE_TITLE_AHEAD}"
    # "sent Treasury Secretary Janet Yellen a letter": the addressee as indirect object.
    rf"|\b(?:sent|sends|send|sending)\s+(?=(?:[A-Z][\w.&-]*\s+){{2,6}}an?\s+(?:[\w-]+\s+){{0,2}}letter){ADDRESSEE_TITLE_AHEAD}"
    # "The letter ... went to Senate Appropriations Chairman Thad Cochran", not "went to Kyiv".
    rf"|\bwent\s+to\s+{ADDRESSEE_TITLE_AHEAD}"
    r"|\b(?:[Ll]etters?|wrote|writes|writing|write|written|sent|send|sends|penned|addressed|directed|delivered)\b"
    r"(?:[^.;\"\u201c\u201d]|\.(?!\s+[A-Z])|(?<=[A-Z])\.|(?<=Sen|Rep|Gov|Mrs)\.|(?<=Sens|Reps)\.|(?<=Dr|Mr|Ms|Jr|St)\.)"
    r"{0,60}?\bto\s+(?=[A-Z]|the\s|acting\s|interim\s)"
)
_VERB_CUE = re.compile(
    r"\b(?:call(?:ing|ed|s)?\s+on|urg(?:ing|ed|es|e)|ask(?:ing|ed|s)?|press(?:ing|ed|es)?|implor(?:ing|ed|es|e)"
    r"|push(?:ing|ed|es)?|demand(?:ing|ed|s)?\s+that|request(?:ing|ed|s)?\s+that"
    r"|encourag(?:ing|ed|es|e)|told|tell(?:ing|s)?|accus(?:ing|ed|es|e)|warn(?:ing|ed|s)?)"
    r"\s+(?=[A-Z]|the\s+[A-Z]|acting\s|fellow\s+[A-Z])"
)
_DEAR = re.compile(
    r"\bDear\s+(?!Colleague)(?P<name>(?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*)\s*[,:]"
)
# "Vice President Kamala Harris received a letter Wednesday from ...": the addressee as subject.
_RECEIVED = re.compile(
    r"(?P<name>(?:[A-Z][\w.'\u2019-]*\s+){0,5}[A-Z][\w.'\u2019-]*)\s+(?:has\s+|had\s+|also\s+)?"
    r"received\s+an?\s+(?:[\w-]+\s+){0,2}letter\b"
)
_ADMINISTRATION_AFTER = re.compile(r"\s+[Aa]dministration\b")
_LOWER_BODY = re.compile(
    r"(?:the\s+)?(?:president|administration|white\s+house|secretary|department|agency|fed|speaker)\b",
)

_ASK = re.compile(
    r"\b(?:call(?:ing|ed|s)?\s+(?:on|for)|urg(?:ing|ed|es|e)|ask(?:ing|ed|s)?|press(?:ing|ed|es)?|push(?:ing|ed|es)?"
    r"|implor(?:ing|ed|es|e)|request(?:ing|ed|s)?|encourag(?:ing|ed|es|e)|demand(?:ing|ed|s)?|tell(?:ing|s)?|told"
    r"|petition(?:ing|ed|s)?)\s+(?P<who>[^.;:!?]{1,60}?)\s+to\s+(?P<ask>(?!the\b|a\b|an\b)[a-z][^;!?]{2,400})"
)
_ASK_FOR = re.compile(
    r"\b(?:call(?:ing|ed|s)?\s+for|request(?:ing|ed|s)?|seek(?:ing|s)?|sought|demand(?:ing|ed|s)?|urg(?:ing|ed|es|e))"
    r"\s+(?P<ask>(?:that|an?|the|more|further|immediate|swift|additional)\b[^;!?]{3,400})"
)
_ASK_END = re.compile(
    r",\s*(?:according|the\s+letter|said|saying|says|which|who|citing|as\s|after|while|noting|arguing|adding|in\s+a\s+letter|and\s+(?:said|wrote|urged|asked))"
    r"|\s+(?:according\s+to|in\s+a\s+letter|the\s+letter\s+(?:said|says|reads|read)|obtained\s+by)"
    r"|[.;:!?](?:\s|$)|\s[\u2013\u2014]\s|\s-\s|\n\s*\n|[\"\u201c\u201d]"
)
_ASK_MAX_WORDS = 28


class RecipientSpan(NamedTuple):
    start: int
    end: int
    name: str
    person: bool
    urged: bool = False  # named as the one urged or called on, not as the letter's addressee


def find_recipients(text: str, start: int, end: int, *, published: date | None) -> list[RecipientSpan]:
    """Recipients named in text[start:end], in order of appearance, without duplicates."""
    found: list[RecipientSpan] = []
    for match in _TO_CUE.finditer(text, start, end):
        found.extend(_phrase_recipients(text, match.end(), end, published=published))
    for match in _VERB_CUE.finditer(text, start, end):
        # "calling on President Joe Biden to ...": the addressee when no "letter to" names one.
        for span in _phrase_recipients(text, match.end(), end, published=published):
            found.append(span._replace(urged=True))
    for match in _DEAR.finditer(text, start, end):
        found.extend(_split_recipients(text, match.start("name"), match.end("name"), published=published))
    if "received" in text[start:end]:
        for match in _RECEIVED.finditer(text, start, end):
            found.extend(_split_recipients(text, match.start("name"), match.end("name"), published=published))
    found.sort(key=lambda span: span.start)
    unique: list[RecipientSpan] = []
    seen: set[str] = set()
    for span in found:
        key = span.name.lower()
        if key in seen:
            continue
        seen.add(key)
        previous = unique[-1] if unique else None
        if (
            span.person
            and previous is not None
            and not previous.person
            and previous.name.split()[-1] in _LOWER_TITLE_WORDS
            and text[previous.end : span.start].strip() == ","
        ):
            unique.pop()  # "the NCAA president, Charlie Baker": the title, then who holds it
        unique.append(span)
    return unique


def complete_name(surname: str, text: str, published: date | None) -> str:
    """A surname as the full name the article or the office record gives it."""
    for full in re.finditer(rf"\b(?P<first>[A-Z][a-z]+\.?(?:\s+[A-Z]\.)?)\s+{re.escape(surname)}\b", text):
        if full.group("first").lower().rstrip(".") not in _OFFICE_WORDS:
            return f"{full.group('first')} {surname}"
    holders = [entry for entry in _OFFICE_HOLDERS if entry[0] == surname]
    if published is not None:
        holders = [
            entry
            for entry in holders
            if entry[2] <= published and (entry[3] is None or published <= entry[3])
        ]
    names = {entry[1] for entry in holders}
    if len(names) == 1:
        return names.pop()
    return surname


def president_on(published: date | None) -> str | None:
    if published is None:
        return None
    for name, start, end in _PRESIDENTS:
        if start <= published and (end is None or published < end):
            return name
    return None


def _phrase_recipients(text: str, start: int, limit: int, *, published: date | None) -> list[RecipientSpan]:
    # Capitalised words with connectors ("Secretary of State Antony Blinken and FBI Director ...").
    heads = _HEADS_OF.match(text, start, limit)
    if heads:
        # "the CEOs of Apple, Google and Amazon": the companies, one by one.
        return _company_list(text, heads.end(), limit)
    end = start
    last_good = start
    for token in _TOKEN.finditer(text, start, limit):
        word = token.group()
        gap = text[end : token.start()]
        if "\n\n" in gap:
            break
        stripped = word.rstrip(".,")
        if word == ",":
            if _CLAUSE_SUBJECT_AFTER.match(text, token.end(), limit):
                break  # "to BOP Director Colette Peters, Ossoff asked ...": the main clause's subject
            end = token.end()
            continue
        if stripped.endswith(("'s", "\u2019s")):
            last_good = token.start() + len(stripped) - 2
            break
        if _ACRONYM_IN_PARENS.match(word) and last_good > start:
            end = token.end()  # "Environmental Protection Agency (EPA) Administrator Lee Zeldin"
            continue
        if stripped in _COLLECTIVE_WORDS and last_good > start:
            end = token.end()
            last_good = token.start() + len(stripped)
            continue
        if stripped in _LOWER_TITLE_WORDS or (stripped == "fellow" and end == start):
            end = token.end()
            continue
        if stripped[:1].isupper() or stripped in _CONNECTORS or (stripped == "the" and end == start):
            end = token.end()
            if stripped not in _CONNECTORS:
                last_good = token.start() + len(stripped)
            continue
        break
    administration = _ADMINISTRATION_AFTER.match(text, last_good, limit)
    if administration and last_good > start:
        # "the Trump administration", "the Biden-Harris Administration": the body, not the person.
        name = text[start:last_good].strip()
        name = name[4:] if name.lower().startswith("the ") else name
        return [RecipientSpan(start, administration.end(), f"{name} administration", False)]
    if last_good <= start:
        lower = _LOWER_BODY.match(text, start, limit)
        if lower and published is not None and "president" in lower.group().lower():
            president = president_on(published)
            if president:
                return [RecipientSpan(lower.start(), lower.end(), president, True)]
        return []
    return _split_recipients(text, start, last_good, published=published)


def _company_list(text: str, start: int, limit: int) -> list[RecipientSpan]:
    spans = []
    position = start
    while position < limit:
        name = _LISTED_NAME.match(text, position, limit)
        if name is None:
            break
        listed = name.group("name")
        if listed.endswith(".") and not _COMPANY_SUFFIX.search(listed):
            listed = listed[:-1]  # the sentence's full stop, not "Inc."
        spans.append(RecipientSpan(name.start(), name.start() + len(listed), listed, False))
        if not name.group("more"):
            break
        position = name.end()
    return spans


def _split_recipients(text: str, start: int, end: int, *, published: date | None) -> list[RecipientSpan]:
    phrase = text[start:end]
    parts: list[tuple[int, int]] = []
    cursor = 0
    previous = 0
    for separator in _SEPARATOR.finditer(phrase):
        right = phrase[separator.end() :]
        left_text = phrase[previous : separator.start()]
        previous = separator.end()
        left = left_text[left_text.rfind(",") + 1 :].lower().split()
        # Inside an organisation's name ("Office of Science and Technology Policy") only a title
        # starts the next recipient.
        in_organisation = any(word in _ORGANISATION_WORDS for word in left) and not any(
            word.rstrip(".,") in _PERSONAL_TITLES for word in left
        )
        # "... Secretary Xavier Becerra and Centers for Medicare ...": a body after a person's name.
        body_after_person = (
            bool(left)
            and left[-1].rstrip(".,") not in _OFFICE_WORDS
            and (right.split(" ", 1)[0].lower() in _ORGANISATION_WORDS)
        )
        if not body_after_person and not _starts_new_recipient(right, titles_only=in_organisation):
            continue
        # "Health and Human Services Secretary ...", "Medicare & Medicaid": one office's name.
        if _names_no_one(left) and not right.startswith(("the ", "The ")):
            continue
        parts.append((cursor, separator.start()))
        cursor = separator.end()
    parts.append((cursor, len(phrase)))
    spans: list[RecipientSpan] = []
    for part_start, part_end in parts:
        span = _recipient(text, start + part_start, start + part_end, published=published)
        if span:
            spans.append(span)
    return spans


def _names_no_one(words: list[str]) -> bool:
    """Whether the words before a separator are a fragment of an office's name on their own."""
    bare = [word.rstrip(".,") for word in words if word not in ("the", "acting", "interim")]
    return bool(bare) and all(
        word in _OFFICE_WORDS and word not in _ORGANISATION_WORDS and word not in _PERSONAL_TITLES
        for word in bare
    )


def _starts_new_recipient(right: str, *, titles_only: bool = False) -> bool:
    words = right.split()
    if not words:
        return False
    first = words[0].rstrip(".,").lower()
    if first == "the" or first in _PERSONAL_TITLES or first in _LEADING_OFFICE_WORDS:
        return True
    if titles_only:
        return False
    # "Appropriations Chairman Thad Cochran": a title among the first capitalised words.
    for word in words[:3]:
        if not word[:1].isupper():
            break
        if word.rstrip(".,").lower() in _PERSONAL_TITLES:
            return True
    if titles_only:
        return False
    # Two capitalised non-office words: a person ("Antony Blinken").
    return (
        len(words) >= 2
        and all(_PERSON_TOKEN.match(word) for word in words[:2])
        and not any(word.lower().rstrip(".,") in _OFFICE_WORDS for word in words[:2])
    )


def _recipient(text: str, start: int, end: int, *, published: date | None) -> RecipientSpan | None:
    phrase = text[start:end].strip(" ,")
    if not phrase:
        return None
    if phrase in _STATE_NAMES:
        return None  # "send more ventilators to Michigan": a place, not an addressee
    home = _HOME_STATE.search(phrase)
    if home and state_code(home.group("state")):
        phrase = phrase[: home.start()]  # "Chairman Thad Cochran of Mississippi"
    tokens = phrase.split()
    if tokens and tokens[0].lower() in ("the", "fellow"):
        tokens = tokens[1:]
    if not tokens:
        return None
    last_office = -1
    for index, token in enumerate(tokens):
        bare = token.rstrip(",")
        if bare.lower() in _OFFICE_WORDS or _ACRONYM.match(bare):
            last_office = index
    tail = tokens[last_office + 1 :]
    # A name follows a personal title ("Director Bill Pulte"), not an organisation's words
    # ("Office of Science").
    titled_person = last_office == -1 or (
        tokens[last_office].rstrip(",").lower() not in _CONNECTORS
        and any(token.rstrip(",").lower() in _PERSONAL_TITLES for token in tokens[: last_office + 1])
    )
    if tail and titled_person and len(tail) <= 4 and all(_PERSON_TOKEN.match(token) for token in tail):
        name = " ".join(tail)
        if len(tail) == 1:
            titled = last_office >= 0 and tokens[last_office].lower() == "president"
            name = complete_name(name, text, published) if not titled else _president_named(name, published)
        return RecipientSpan(start, end, name, True)
    if last_office == -1 and len(tokens) == 1:
        return RecipientSpan(start, end, complete_name(tokens[0], text, published), True)
    body = " ".join(tokens)
    # A lone office word is no recipient ("the president" is resolved elsewhere), but a capitalised
    # body is: "the Fed", "the Pentagon", "Treasury".
    if (
        len(body) < 3
        or body.rstrip(".") in ("U.S", "US")
        or (body.lower() in _OFFICE_WORDS and not (body[0].isupper() and " " not in body))
    ):
        return None
    return RecipientSpan(start, end, body, False)


def _president_named(surname: str, published: date | None) -> str:
    names = {
        full
        for key, full, start, end in _OFFICE_HOLDERS
        if key == surname
        and (published is None or (start <= published and (end is None or published <= end)))
    }
    return names.pop() if len(names) == 1 else surname


def find_ask(text: str, start: int, end: int) -> str:
    """The action the letter asks for, as a short phrase ("lift restrictions on ..."), or ""."""
    for pattern in (_ASK, _ASK_FOR):
        match = pattern.search(text, start, end)
        if match:
            return _trim_ask(text, match.start("ask"), end)
    return ""


def _trim_ask(text: str, start: int, limit: int) -> str:
    stop = _ASK_END.search(text, start, limit)
    phrase = text[start : stop.start() if stop else limit]
    words = phrase.split()
    if len(words) > _ASK_MAX_WORDS:
        words = words[:_ASK_MAX_WORDS]
    return " ".join(words).rstrip(",")

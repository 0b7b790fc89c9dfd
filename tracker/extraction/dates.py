"""Dates as news copy writes them, resolved against the article's publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    # "Sept. 10", "September 10, 2024", "Sept.\n\n10" (scraped line breaks), "Aug. 5th"
    rf"\b{_MONTH}\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    # "10 September 2024"
    rf"|\b(?P<day2>[0-3]?\d)\s+(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?"
    # "9/10/2024", "2024-09-10"
    r"|\b(?P<m3>[01]?\d)/(?P<d3>[0-3]?\d)/(?P<y3>(?:19|20)\d\d)\b"
    r"|\b(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)\b"
    # "on Friday", "Friday", "today", "yesterday"
    r"|\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<relative>(?i:today|yesterday))\b",
)
# Weekdays named with "last"/"next"/"this" or as part of a compound ("Super Tuesday") are not
# the day the letter went out.
_WEEKDAY_QUALIFIED = re.compile(r"(?:next|this coming|Super|Black|Cyber)\s*$", re.IGNORECASE)


class DateMention(NamedTuple):
    start: int
    end: int
    value: date | None  # None when stated but not resolvable (no year and no publication date)


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """Every day named in text[start:end], resolved against the publication date."""
    found: list[DateMention] = []
    for match in _DATE.finditer(text, start, end):
        found.append(DateMention(match.start(), match.end(), _resolve(match, text, published)))
    return found


def _resolve(match: re.Match[str], text: str, published: date | None) -> date | None:
    groups = match.groupdict()
    if groups["month"]:
        return _calendar(_MONTHS[groups["month"].lower()], int(groups["day"]), groups["year"], published)
    if groups["month2"]:
        return _calendar(_MONTHS[groups["month2"].lower()], int(groups["day2"]), groups["year2"], published)
    if groups["m3"]:
        return _safe_date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
    if groups["y4"]:
        return _safe_date(int(groups["y4"]), int(groups["m4"]), int(groups["d4"]))
    if published is None:
        return None
    if groups["weekday"]:
        if _WEEKDAY_QUALIFIED.search(text, max(0, match.start() - 14), match.start()):
            return None
        # Past-tense reports name the most recent such day, the publication day included.
        back = (published.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
        return published - timedelta(days=back)
    if groups["relative"].lower() == "today":
        return published
    return published - timedelta(days=1)


def _calendar(month: int, day: int, year: str | None, published: date | None) -> date | None:
    if year:
        return _safe_date(int(year), month, day)
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    # A month-day later than publication (beyond a week of slack) was last year's.
    if candidate and candidate > published + timedelta(days=7):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

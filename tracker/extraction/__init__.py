"""Letter and member extraction from article text: a pure-Python engine (no Django import).

`analyse_article()` takes text, a publication date, a `members.name_index.NameIndex` and
optionally a `LetterIndex` of tracked letters; `tracker.extraction.loading` builds the latter
from the database.
"""

from tracker.extraction.engine import analyse_article
from tracker.extraction.findings import ArticleAnalysis, LetterReport, MemberMention, NamedMember
from tracker.extraction.linking import MATCH_THRESHOLD, LetterIndex, LetterRecord

__all__ = [
    "MATCH_THRESHOLD",
    "ArticleAnalysis",
    "LetterIndex",
    "LetterRecord",
    "LetterReport",
    "MemberMention",
    "NamedMember",
    "analyse_article",
]

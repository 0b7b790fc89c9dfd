"""Arbitrary text never breaks the parser or the scanner, and hits always point into the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from members.name_index import NameIndex
from members.names import normalise, parse_member_reference

from .builders import roster_index

INDEX: NameIndex = roster_index()

name_like = st.lists(
    st.sampled_from(
        [
            "Rep.",
            "Sen.",
            "Marcy",
            "Kaptur",
            "Kaptur's",
            "Díaz-Balart",
            "(D-OH-09)",
            "(R-AL)",
            "Mike",
            "Rogers",
            ",",
            "Jr.",
            '"Chuck"',
            "of",
            "Ohio",
            "and",
            "Wasserman",
            "Schultz",
            "\n",
            "\u2019s",
            "İ",
            "ß",
            "—",
        ]
    ),
    max_size=12,
).map(" ".join)
texts = st.one_of(st.text(max_size=300), name_like)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_parse_member_reference_never_raises(text):
    ref = parse_member_reference(text)
    if ref is not None:
        assert normalise(ref.name)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_scan_hits_are_exact_non_overlapping_substrings(text):
    hits = INDEX.scan(text)
    previous_end = 0
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.surface
        assert hit.start >= previous_end
        assert hit.bioguides
        previous_end = hit.end


@settings(max_examples=200, deadline=None)
@given(texts)
def test_resolve_never_raises(text):
    assert INDEX.resolve(text, on=None).status in {"resolved", "ambiguous", "unresolved"}


# Names, not titles or institutions ("Rep", "Senate"): those words are read as what they are.
_NOT_NAMES = {"rep", "reps", "sen", "sens", "del", "hon", "the", "miss", "mrs", "chair", "whip", "leader"}
word = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True).filter(
    lambda w: w.lower() not in _NOT_NAMES and parse_member_reference(w) is not None
)


@settings(max_examples=150, deadline=None)
@given(first=word, last=word, middle=st.one_of(st.just(""), word), nickname=st.one_of(st.just(""), word))
def test_any_member_is_found_by_their_own_name(first, last, middle, nickname):
    from datetime import date

    from .builders import member, term

    record = member("Z000001", first, last, term(), middle=middle, nickname=nickname)
    index = NameIndex([record])
    text = f"Yesterday Rep. {first} {last} said {last}'s letter was sent."
    hits = index.scan(text)
    assert any(hit.surface == f"{first} {last}" and hit.kind == "full" for hit in hits)
    assert index.resolve(f"{first} {last}", on=date(2024, 1, 1)).bioguide == "Z000001"
    assert index.resolve(f"{last}, {first}", on=date(2024, 1, 1)).bioguide == "Z000001"

from members.name_index import NameIndex

from .builders import member, term


def surfaces(index: NameIndex, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(hit.surface, hit.kind, hit.bioguides) for hit in index.scan(text)]


def test_scan_finds_a_titled_full_name_and_its_possessive_surname(index: NameIndex):
    text = "Rep. Marcy Kaptur (D-Ohio) led the letter. Kaptur's office said so."
    assert surfaces(index, text) == [
        ("Marcy Kaptur", "full", ("K000009",)),
        ("Kaptur", "last", ("K000009",)),
    ]


def test_scan_offsets_point_at_the_text(index: NameIndex):
    text = "Signed by Reps. Mike Turner and Debbie Wasserman Schultz."
    hits = index.scan(text)
    assert [text[hit.start : hit.end] for hit in hits] == ["Mike Turner", "Debbie Wasserman Schultz"]
    assert [hit.bioguides for hit in hits] == [("T000463",), ("W000797",)]


def test_scan_prefers_the_longest_match(index: NameIndex):
    hits = index.scan("Mike Rogers and Rogers")
    assert [(hit.surface, hit.kind) for hit in hits] == [("Mike Rogers", "full"), ("Rogers", "last")]
    assert hits[0].bioguides == ("R000572", "R000575")


def test_scan_respects_word_boundaries_and_capitals(index: NameIndex):
    # "Kelly-green" still reads as a name: hyphens are word boundaries ("Ocasio-Cortez").
    assert [hit.surface for hit in index.scan("Kaptured kaptur Kelly-green")] == ["Kelly"]
    assert index.scan("Kapturs and Schumerism") == []
    assert [hit.surface for hit in index.scan("scott and kaptur", cased=False)] == ["scott", "kaptur"]


def test_scan_folds_accents_hyphens_and_curly_apostrophes(index: NameIndex):
    text = "Díaz-Balart\u2019s vote; Ocasio-Cortez and Mario Diaz Balart spoke."
    assert [hit.surface for hit in index.scan(text)] == ["Díaz-Balart", "Ocasio-Cortez", "Mario Diaz Balart"]


def test_scan_finds_middle_initials_suffixes_and_nicknames(index: NameIndex):
    text = "Thomas H. Kean, Jr. joined Charles E. Schumer and Chuck Schumer."
    assert [hit.surface for hit in index.scan(text)] == [
        "Thomas H. Kean, Jr",
        "Charles E. Schumer",
        "Chuck Schumer",
    ]


def test_scan_finds_each_name_in_a_list_of_representatives(index: NameIndex):
    text = "Reps. Kaptur and Turner, with Sens. Warren and Tim Scott"
    assert [hit.surface for hit in index.scan(text)] == ["Kaptur", "Turner", "Warren", "Tim Scott"]


def test_scan_of_empty_text_finds_nothing(index: NameIndex):
    assert index.scan("") == []
    assert NameIndex([]).scan("Marcy Kaptur") == []


def test_scan_accepts_a_lowercase_particle_before_a_capitalised_surname():
    index = NameIndex(
        [member("D000594", "Monica", "De La Cruz", term("house", "TX", district=15, party="R"))]
    )
    assert [hit.surface for hit in index.scan("Rep. Monica de la Cruz and de la Cruz")] == [
        "Monica de la Cruz",
        "de la Cruz",
    ]
    assert index.scan("de la cruz") == []

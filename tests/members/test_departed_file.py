"""Repairs of the derived departed-since-2012 file (pure Python, no database)."""

from members.departed_file import repair_departed_records


def record(bioguide, *terms, last="Example"):
    return {"id": {"bioguide": bioguide}, "name": {"first": "Pat", "last": last}, "terms": list(terms)}


def rep(start, end, *, state="NY", district=11, **extra):
    return {"type": "rep", "start": start, "end": end, "state": state, "district": district, **extra}


def test_placeholder_records_without_a_bioguide_id_are_dropped():
    kept, notes = repair_departed_records(
        [record("TODO", rep("2015-01-06", "2017-01-03")), record("G000569", rep("2013-01-03", "2015-01-03"))],
        other_records=[],
    )

    assert [r["id"]["bioguide"] for r in kept] == ["G000569"]
    assert "placeholder" in notes[0]


def test_a_next_term_listed_before_the_member_left_is_dropped():
    grimm = record(
        "G000569",
        rep("2013-01-03", "2015-01-03"),
        rep("2015-01-06", "2014-12-30", end_approximate=True),
    )

    [kept], _ = repair_departed_records([grimm], other_records=[])

    assert [t["start"] for t in kept["terms"]] == ["2013-01-03"]


def test_112th_congress_terms_end_on_january_3_2013():
    [kept], notes = repair_departed_records(
        [record("A000022", rep("2011-01-05", "2012-12-31"))], other_records=[]
    )

    assert kept["terms"][0]["end"] == "2013-01-03"
    assert any("112th" in note for note in notes)


def test_an_approximate_end_stops_the_day_before_a_successor_takes_the_seat():
    menendez = record(
        "M000639",
        {
            "type": "sen",
            "start": "2019-01-03",
            "end": "2024-09-11",
            "state": "NJ",
            "class": 1,
            "end_approximate": True,
        },
    )
    helmy = record(
        "H001097", {"type": "sen", "start": "2024-09-09", "end": "2025-01-03", "state": "NJ", "class": 1}
    )
    booker = record(
        "B001288", {"type": "sen", "start": "2021-01-03", "end": "2027-01-03", "state": "NJ", "class": 2}
    )

    [kept], _ = repair_departed_records([menendez], other_records=[helmy, booker])

    assert kept["terms"][0]["end"] == "2024-09-08"


def test_an_exact_end_is_never_moved():
    departed = record("X000001", rep("2019-01-03", "2020-05-01"))
    successor = record("Y000001", rep("2020-04-01", "2021-01-03"))

    [kept], notes = repair_departed_records([departed], other_records=[successor])

    assert kept["terms"][0]["end"] == "2020-05-01"
    assert notes == []

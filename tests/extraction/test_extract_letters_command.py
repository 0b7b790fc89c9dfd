"""`manage.py extract_letters`: one JSON line per input file, errors on their own lines."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from members.models import Member, Term

ARTICLE = (
    "At least 20 House Democrats and five House Republicans are calling on President Joe Biden to lift "
    "limits on Ukraine's use of long-range weapons, according to a letter sent on Sept. 10. The letter "
    "was circulated by Rep. Marcy Kaptur, co-chair of the Ukraine Caucus. Sen. Mark Kelly agreed."
)


@pytest.fixture
def members(db) -> None:
    for bioguide, first, last, chamber, state, party in (
        ("K000009", "Marcy", "Kaptur", "house", "OH", "D"),
        ("K000377", "Mark", "Kelly", "senate", "AZ", "D"),
    ):
        member = Member.objects.create(bioguide=bioguide, first_name=first, last_name=last)
        Term.objects.create(
            member=member,
            chamber=chamber,
            state=state,
            party=party,
            party_name="Democrat",
            start=date(2021, 1, 3),
            end=date(2027, 1, 3),
        )


def _run(*args: str) -> list[dict]:
    out = StringIO()
    call_command("extract_letters", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_json_txt_and_html_inputs_each_get_a_line(members, tmp_path: Path) -> None:
    as_json = tmp_path / "a.json"
    as_json.write_text(json.dumps({"url": None, "title": "t", "published": "2024-09-13", "text": ARTICLE}))
    as_txt = tmp_path / "b.txt"
    as_txt.write_text(ARTICLE)
    as_html = tmp_path / "c.html"
    as_html.write_text(
        f"<html><head><title>x</title><script>var a=1;</script></head><body><p>{ARTICLE}</p></body></html>"
    )

    lines = _run(str(as_json), str(as_txt), str(as_html), "--published", "2024-09-13")

    assert [line["input"] for line in lines] == [str(as_json), str(as_txt), str(as_html)]
    for line in lines:
        (letter,) = line["letters"]
        assert letter["sent_on"] == "2024-09-10"
        assert letter["chamber"] == "house"
        assert letter["recipients"] == ["Joe Biden"]
        assert letter["leads"] == [{"name": "Marcy Kaptur", "bioguide": "K000009"}]
        assert letter["party_counts"] == {"D": 20, "R": 5}
        assert letter["total_signers"] == 25
        assert letter["counts_are_minimum"] is True
        assert letter["matched_letter"] is None
        assert letter["evidence"] in ARTICLE
        assert {m["bioguide"] for m in line["members"]} == {"K000009", "K000377"}


def test_unreadable_and_empty_files_report_errors_and_the_rest_still_run(members, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    unreadable = tmp_path / "folder.txt"
    unreadable.mkdir()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)

    lines = _run(str(empty), str(unreadable), str(tmp_path / "missing.html"), str(broken), str(good))

    assert [sorted(line) for line in lines[:4]] == [["error", "input"]] * 4
    assert lines[0]["input"] == str(empty)
    assert lines[4]["input"] == str(good)
    assert "letters" in lines[4]
    # No --published: the relative-year date cannot be resolved, and nobody is "serving" on no date
    # beyond the members' latest terms.
    assert lines[4]["letters"][0]["sent_on"] is None


def test_json_without_published_uses_the_option(members, tmp_path: Path) -> None:
    as_json = tmp_path / "a.json"
    as_json.write_text(json.dumps({"url": None, "title": "t", "published": None, "text": ARTICLE}))

    (line,) = _run(str(as_json), "--published", "2024-09-13")

    assert line["letters"][0]["sent_on"] == "2024-09-10"

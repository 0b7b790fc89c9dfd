from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.importer import LegislatorSourceError, import_members
from members.models import Committee, CommitteeMembership, Member, Term
from members.selectors import members_serving_on, party_on, term_on
from tests.members.legislator_fixtures import default_files, write_source

pytestmark = pytest.mark.django_db


def db_state() -> tuple:
    """Everything the importer writes, comparable before and after."""
    return (
        sorted(Member.objects.values_list("bioguide", "last_name", "has_dated_terms", "govtrack_id")),
        sorted(Term.objects.values_list("member__bioguide", "chamber", "start", "end", "party", "caucus")),
        sorted(Committee.objects.values_list("thomas_id", "parent__thomas_id", "is_current")),
        sorted(CommitteeMembership.objects.values_list("committee__thomas_id", "member__bioguide", "title")),
    )


def test_import_loads_members_terms_committees_and_memberships(tmp_path):
    report = import_members(source=write_source(tmp_path))

    assert Member.objects.count() == 6  # 4 dated + 2 historical-only
    kaptur = Member.objects.get(bioguide="K000009")
    assert (kaptur.first_name, kaptur.official_full_name, kaptur.govtrack_id) == (
        "Marcy",
        "Marcy Kaptur",
        400211,
    )
    assert kaptur.birthday == date(1946, 6, 17)
    latest = kaptur.terms.order_by("start").last()
    assert (latest.chamber, latest.state, latest.district, latest.party) == ("house", "OH", 9, "D")
    assert latest.url == "https://kaptur.house.gov"
    europe = Committee.objects.get(thomas_id="HSFA14")
    assert europe.parent.thomas_id == "HSFA"
    assert europe.chamber == "house"
    chair = CommitteeMembership.objects.get(committee__thomas_id="HSFA", member__bioguide="V000133")
    assert (chair.side, chair.rank, chair.title) == ("majority", 1, "Chairman")
    assert report.changes["Member"].created == 6
    assert report.changes["CommitteeMembership"].created == 4


def test_reimport_of_unchanged_data_reports_no_changes_and_writes_nothing(tmp_path):
    source = write_source(tmp_path)
    import_members(source=source)
    before = db_state()

    with CaptureQueriesContext(connection) as queries:
        report = import_members(source=source)

    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert not report.changed
    assert report.changes["Member"].unchanged == 6
    assert report.changes["Term"].unchanged == Term.objects.count()
    assert db_state() == before


def test_reimport_query_count_does_not_grow_with_the_data(tmp_path, django_assert_max_num_queries):
    source = write_source(tmp_path)
    import_members(source=source)

    with django_assert_max_num_queries(10):
        import_members(source=source)


def test_a_changed_term_is_updated_in_place_and_a_removed_term_deleted(tmp_path):
    files = default_files()
    import_members(source=write_source(tmp_path / "v1", files))
    kaptur_terms = files["legislators-current.yaml"][0]["terms"]
    kaptur_terms[1]["district"] = 10
    kaptur_terms[1]["phone"] = "202-225-0000"
    del kaptur_terms[0]
    term_id = Term.objects.get(member__bioguide="K000009", start=date(2023, 1, 3)).pk

    report = import_members(source=write_source(tmp_path / "v2", files))

    term = Term.objects.get(pk=term_id)
    assert (term.district, term.phone) == (10, "202-225-0000")
    assert Term.objects.filter(member__bioguide="K000009").count() == 1
    assert report.changes["Term"].updated == 1
    assert report.changes["Term"].deleted == 1
    assert report.changes["Term"].created == 0
    assert report.changes["Member"].changed == 0


def test_a_changed_name_updates_the_member_without_duplicating_it(tmp_path):
    files = default_files()
    import_members(source=write_source(tmp_path / "v1", files))
    files["legislators-current.yaml"][0]["name"]["nickname"] = "Marcie"

    report = import_members(source=write_source(tmp_path / "v2", files))

    assert Member.objects.filter(bioguide="K000009").count() == 1
    assert Member.objects.get(bioguide="K000009").nickname == "Marcie"
    assert report.changes["Member"].updated == 1


def test_a_mid_term_party_switch_becomes_one_term_per_party(tmp_path):
    import_members(source=write_source(tmp_path))
    van_drew = Member.objects.get(bioguide="V000133")

    assert party_on(van_drew, date(2019, 12, 18)) == "D"
    assert party_on(van_drew, date(2019, 12, 19)) == "R"
    assert party_on(van_drew.pk, date(2022, 6, 1)) == "R"
    assert van_drew.terms.count() == 3


def test_an_independent_keeps_the_party_they_caucus_with(tmp_path):
    import_members(source=write_source(tmp_path))
    sinema = Member.objects.get(bioguide="S001191")

    before, after = term_on(sinema, date(2022, 12, 8)), term_on(sinema, date(2022, 12, 9))

    assert (before.party, before.caucus_party) == ("D", "D")
    assert (after.party, after.caucus, after.party_name) == ("I", "D", "Independent")


def test_historical_csv_members_have_one_undated_term(tmp_path):
    import_members(source=write_source(tmp_path))
    clay = Member.objects.get(bioguide="C000482")

    assert not clay.has_dated_terms
    [term] = clay.terms.all()
    assert (term.chamber, term.state, term.senate_class, term.start, term.end) == (
        "senate",
        "KY",
        3,
        None,
        None,
    )
    assert (term.party, term.party_name) == ("O", "Whig")
    assert Member.objects.get(bioguide="B000546").terms.get().party == "O"


def test_a_dated_record_wins_over_the_same_member_in_the_csv(tmp_path):
    import_members(source=write_source(tmp_path))
    grimm = Member.objects.get(bioguide="G000569")

    assert grimm.has_dated_terms
    assert list(grimm.terms.values_list("start", flat=True)) == [date(2013, 1, 3)]


def test_a_csv_only_refresh_never_erases_stored_dated_terms(tmp_path):
    import_members(source=write_source(tmp_path / "full"))
    files = default_files()
    del files["legislators-departed-since-2012.yaml"]

    import_members(source=write_source(tmp_path / "partial", files))

    grimm = Member.objects.get(bioguide="G000569")
    assert grimm.has_dated_terms
    assert grimm.terms.get().start == date(2013, 1, 3)


def test_a_regular_term_begins_on_january_3_even_when_congress_convened_later(tmp_path):
    files = default_files()
    files["legislators-departed-since-2012.yaml"][1]["terms"].append(
        {
            "type": "rep",
            "start": "2015-01-06",
            "end": "2015-01-05",
            "state": "NY",
            "district": 11,
            "party": "Republican",
        }
    )
    files["legislators-departed-since-2012.yaml"][1]["terms"][-1]["end"] = "2017-01-03"
    import_members(source=write_source(tmp_path, files))
    grimm = Member.objects.get(bioguide="G000569")

    assert term_on(grimm, date(2015, 1, 4)).start == date(2015, 1, 3)
    assert members_serving_on(date(2015, 1, 5), state="NY").filter(pk=grimm.pk).exists()


def test_members_serving_on_a_date_after_import(tmp_path):
    import_members(source=write_source(tmp_path))

    on = date(2020, 6, 1)
    assert set(members_serving_on(on).values_list("bioguide", flat=True)) == {"V000133", "S001191"}
    assert list(members_serving_on(on, chamber="senate").values_list("bioguide", flat=True)) == ["S001191"]
    assert list(members_serving_on(on, chamber="house", state="NJ").values_list("bioguide", flat=True)) == [
        "V000133"
    ]
    assert not members_serving_on(on, chamber="house", state="AZ").exists()


def test_a_committee_that_leaves_the_file_is_kept_but_no_longer_current(tmp_path):
    files = default_files()
    import_members(source=write_source(tmp_path / "v1", files))
    files["committees-current.yaml"] = files["committees-current.yaml"][:1]
    del files["committee-membership-current.yaml"]["SSBK"]

    report = import_members(source=write_source(tmp_path / "v2", files))

    assert not Committee.objects.get(thomas_id="SSBK").is_current
    assert not CommitteeMembership.objects.filter(committee__thomas_id="SSBK").exists()
    assert report.changes["CommitteeMembership"].deleted == 1


def test_dry_run_reports_changes_but_writes_nothing(tmp_path):
    report = import_members(source=write_source(tmp_path), dry_run=True)

    assert report.changes["Member"].created == 6
    assert not Member.objects.exists()


# --- Malformed input: the error names the record, and nothing changes -----------------------


@pytest.fixture
def imported(tmp_path):
    import_members(source=write_source(tmp_path / "good"))
    return db_state()


def import_with_change(tmp_path, change) -> LegislatorSourceError:
    files = default_files()
    # A valid edit first, so a partial write would show.
    files["legislators-current.yaml"][0]["name"]["nickname"] = "Changed"
    change(files)
    with pytest.raises(LegislatorSourceError) as raised:
        import_members(source=write_source(tmp_path / "bad", files))
    return raised.value


def test_bad_yaml_is_refused_naming_the_file(tmp_path, imported):
    source = write_source(
        tmp_path / "bad", raw={"committees-current.yaml": "- type: house\n  name: [unclosed\n"}
    )

    with pytest.raises(LegislatorSourceError, match=r"committees-current\.yaml: not valid YAML"):
        import_members(source=source)
    assert db_state() == imported


def test_a_record_without_bioguide_is_refused_naming_the_record(tmp_path, imported):
    def drop_bioguide(files):
        del files["legislators-departed-since-2012.yaml"][1]["id"]["bioguide"]

    error = import_with_change(tmp_path, drop_bioguide)

    assert "legislators-departed-since-2012.yaml record 2" in str(error)
    assert "Michael Grimm" in str(error)
    assert "no id.bioguide" in str(error)
    assert db_state() == imported


def test_an_unknown_party_is_refused_naming_the_member(tmp_path, imported):
    def whig(files):
        files["legislators-current.yaml"][1]["terms"][1]["party"] = "Whig"

    error = import_with_change(tmp_path, whig)

    assert "V000133" in str(error)
    assert "term 2" in str(error)
    assert "unknown party 'Whig'" in str(error)
    assert db_state() == imported


def test_an_unknown_party_in_a_party_period_is_refused(tmp_path, imported):
    def bad_period(files):
        files["legislators-departed-since-2012.yaml"][0]["terms"][0]["party_affiliations"][1]["party"] = (
            "Bull Moose"
        )

    error = import_with_change(tmp_path, bad_period)

    assert "S001191" in str(error)
    assert "party period 2" in str(error)
    assert db_state() == imported


def test_a_csv_row_without_bioguide_is_refused_naming_the_line(tmp_path, imported):
    def blank_id(files):
        files["legislators-historical.csv"][1]["bioguide_id"] = ""

    error = import_with_change(tmp_path, blank_id)

    assert "legislators-historical.csv line 3" in str(error)
    assert "Theodorick Bland" in str(error)
    assert db_state() == imported


def test_a_bad_date_is_refused_naming_the_term(tmp_path, imported):
    def bad_date(files):
        files["legislators-current.yaml"][0]["terms"][0]["start"] = "January 2021"

    error = import_with_change(tmp_path, bad_date)

    assert "K000009" in str(error)
    assert "term 1" in str(error)
    assert db_state() == imported


def test_a_source_without_the_current_file_is_refused(tmp_path):
    files = default_files()
    del files["legislators-current.yaml"]

    with pytest.raises(LegislatorSourceError, match=r"legislators-current\.yaml not found"):
        import_members(source=write_source(tmp_path, files))


def test_an_import_that_changes_members_tells_the_name_index(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr("members.importer.name_index_changed", lambda: calls.append(1))
    source = write_source(tmp_path)

    with django_capture_on_commit_callbacks(execute=True):
        import_members(source=source)
    with django_capture_on_commit_callbacks(execute=True):
        import_members(source=source)

    assert calls == [1]


def test_the_derived_departed_file_is_repaired_on_reading(tmp_path):
    files = default_files()
    placeholder = {
        "id": {"bioguide": "TODO"},
        "name": {"first": "Mike", "last": "Rounds"},
        "terms": [
            {"type": "sen", "start": "2015-01-06", "end": "2015-01-03", "state": "SD", "party": "Republican"}
        ],
    }
    files["legislators-departed-since-2012.yaml"].append(placeholder)

    report = import_members(source=write_source(tmp_path, files))

    assert report.changes["Member"].created == 6
    assert not Member.objects.filter(last_name="Rounds").exists()


def test_the_published_historical_yaml_dates_former_members_and_keeps_old_parties(tmp_path):
    files = default_files()
    import_members(source=write_source(tmp_path / "v1", files))
    clay = {
        "id": {"bioguide": "C000482", "govtrack": 402339},
        "name": {"first": "Henry", "last": "Clay"},
        "bio": {"birthday": "1777-04-12", "gender": "M"},
        "terms": [
            {
                "type": "sen",
                "start": "1806-12-29",
                "end": "1807-03-03",
                "state": "KY",
                "party": "Democratic-Republican",
            },
            {
                "type": "sen",
                "start": "1849-12-03",
                "end": "1853-03-03",
                "state": "KY",
                "class": 3,
                "party": "Whig",
            },
        ],
    }
    files["legislators-historical.yaml"] = [clay]

    report = import_members(source=write_source(tmp_path / "v2", files))

    member = Member.objects.get(bioguide="C000482")
    assert member.has_dated_terms
    assert list(member.terms.values_list("party", "party_name")) == [
        ("O", "Democratic-Republican"),
        ("O", "Whig"),
    ]
    assert party_on(member, date(1850, 1, 1)) == "O"
    assert report.changes["Member"].updated == 1
    assert report.changes["Term"].deleted == 1  # the undated CSV term

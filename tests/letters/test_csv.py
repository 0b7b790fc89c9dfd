from datetime import date

from letters.csv_import import letters_import_csv
from letters.models import Letter, Signature
from letters.resources import LetterResource
from members.name_loading import name_index_changed
from tests.letters.builders import caucus_build, letter_build, member_with_term, signed


def export_letters_csv() -> str:
    return LetterResource().export(Letter.objects.order_by("slug")).csv


def _two_letters():
    kaptur = member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    wilson = member_with_term(
        bioguide="W000795", first="Joe", last="Wilson", party="R", state="SC", district=2
    )
    cohen = member_with_term(bioguide="C001068", first="Steve", last="Cohen", state="TN", district=9)
    caucus = caucus_build(members=(kaptur, wilson))
    first = letter_build(
        title="Lift long-range limits",
        recipients=["President Joe Biden"],
        policies=[("Restrictions on long-range weapons", "oppose")],
        caucuses=[caucus],
        stated_counts={"total": 25, "D": 20, "R": 5},
        counts_are_minimum=True,
        tags=["Ukraine", "defense"],
        source_urls=["https://example.org/letter.pdf"],
        kind="president",
        ask='=HYPERLINK("http://evil")',
    )
    signed(first, kaptur, role="lead")
    signed(first, wilson, role="co_lead")
    signed(first, cohen)
    second = letter_build(title="Circulating draft", sent_on=None, status="circulating")
    return first, second


def test_csv_round_trip_gives_the_same_letters():
    _two_letters()
    exported = export_letters_csv()
    Letter.objects.all().delete()

    result = letters_import_csv(exported, dry_run=False)

    assert not result.has_errors, result
    assert result.count("created") == 2
    assert export_letters_csv() == exported
    assert Signature.objects.get(member__bioguide="W000795").role == "co_lead"


def test_reimporting_an_export_updates_in_place():
    _two_letters()
    exported = export_letters_csv()
    result = letters_import_csv(exported, dry_run=False)
    assert result.count("updated") == 2
    assert Letter.objects.count() == 2
    assert export_letters_csv() == exported


def test_export_neutralises_formulas():
    _two_letters()
    exported = export_letters_csv()
    assert "'=HYPERLINK" in exported


def test_dry_run_writes_nothing_and_reports_each_row():
    member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    csv_text = "title,sent_on,leads,signers\nA letter,2024-09-10,K000009,\nAnother,2024-09-11,,\n"
    result = letters_import_csv(csv_text, dry_run=True)
    assert [row.action for row in result.rows] == ["created", "created"]
    assert not Letter.objects.exists()


def test_row_errors_are_reported_and_nothing_is_half_saved():
    member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    member_with_term(
        bioguide="G000001", first="Gone", last="Member", start=date(2001, 1, 3), end=date(2003, 1, 3)
    )
    csv_text = (
        "title,sent_on,status,leads,signers,stated_total\n"
        "Good letter,2024-09-10,sent,K000009,,\n"
        "Bad date,2024-02-30,sent,,,\n"
        "Bad status,2024-09-10,mailed,,,\n"
        "Retired signer,2024-09-10,sent,,G000001,\n"
        "Negative,2024-09-10,sent,,,-3\n"
        "Unknown member,2024-09-10,sent,,X999999,\n"
    )
    result = letters_import_csv(csv_text, dry_run=False)
    errors = {row.line: " ".join(row.errors) for row in result.rows if row.errors}
    assert set(errors) == {3, 4, 5, 6, 7}
    assert "not a valid date" in errors[3]
    assert "mailed" in errors[4]
    assert "was not serving" in errors[5]
    assert "negative" in errors[6]
    assert "X999999" in errors[7]
    assert not Letter.objects.exists()
    assert not Signature.objects.exists()


def test_signers_may_be_written_as_names_and_are_resolved_on_the_letter_date():
    member_with_term(bioguide="K000009", first="Marcy", last="Kaptur", district=9)
    member_with_term(bioguide="R000575", first="Mike", last="Rogers", party="R", state="AL", district=3)
    member_with_term(bioguide="R000572", first="Mike", last="Rogers", party="R", state="MI", district=8)
    name_index_changed()
    csv_text = (
        "title,sent_on,leads,signers\n"
        'Names,2024-09-10,Marcy Kaptur,"Rep. Mike Rogers (R-AL)"\n'
        "Ambiguous,2024-09-10,,Mike Rogers\n"
    )
    result = letters_import_csv(csv_text, dry_run=True)
    assert result.rows[0].errors == []
    assert "ambiguous" in result.rows[1].errors[0]


def test_malformed_files_get_a_clear_message():
    assert letters_import_csv(b"\xff\xfe\x00bad", dry_run=True).file_errors
    missing = letters_import_csv("name,date\nx,y\n", dry_run=True)
    assert "Missing column(s): title" in missing.file_errors[0]
    extra = letters_import_csv("title,colour\nx,red\n", dry_run=True)
    assert "Unknown column(s): colour" in extra.file_errors[0]
    ragged = letters_import_csv("title,sent_on\nx,2024-09-10,extra\n", dry_run=True)
    assert ragged.rows[0].errors == ["More cells than columns."]

"""Where member data comes from: a directory, a published base URL, the bundled snapshot."""

import functools
import http.server
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from members.importer import LegislatorSourceError, import_members
from members.legislator_files import read_directory, write_snapshot
from members.models import Committee, Member, Term
from tests.members.legislator_fixtures import default_files, write_source
from tests.members.test_importer import db_state

pytestmark = pytest.mark.django_db


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def http_site(tmp_path):
    """A local http server on 127.0.0.1 publishing a folder, like the project's GitHub Pages site."""
    directory = tmp_path / "root"
    (directory / "congress-legislators").mkdir(parents=True)
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield (
        f"http://127.0.0.1:{server.server_address[1]}/congress-legislators/",
        directory / "congress-legislators",
    )
    server.shutdown()
    server.server_close()


def test_source_url_loads_the_published_files_and_skips_absent_ones(http_site, tmp_path):
    url, published = http_site
    files = default_files()
    del files["legislators-departed-since-2012.yaml"]  # never published: a 404 is fine
    write_source(published, files)

    report = import_members(source=url)

    assert Member.objects.filter(bioguide="K000009", has_dated_terms=True).exists()
    assert Member.objects.filter(bioguide="C000482", has_dated_terms=False).exists()
    assert Committee.objects.filter(thomas_id="HSFA14").exists()
    assert report.source == url


def test_source_url_gives_the_same_data_as_the_same_files_in_a_directory(http_site, tmp_path):
    url, published = http_site
    write_source(published)
    import_members(source=url)
    from_url = db_state()

    report = import_members(source=published)

    assert not report.changed
    assert db_state() == from_url


def test_source_url_without_the_current_file_is_refused(http_site):
    url, _ = http_site

    with pytest.raises(LegislatorSourceError, match=r"legislators-current\.yaml not found"):
        import_members(source=url)


def test_source_url_that_nothing_answers_is_refused():
    with pytest.raises(LegislatorSourceError, match="could not fetch"):
        import_members(source="http://127.0.0.1:9/")


def test_a_snapshot_imports_the_same_as_the_directory_it_was_built_from(tmp_path):
    directory = write_source(tmp_path / "src")
    snapshot = tmp_path / "snapshot.json.gz"
    write_snapshot(read_directory(directory), snapshot)
    import_members(source=directory)
    from_directory = db_state()

    report = import_members(source=snapshot)

    assert not report.changed
    assert db_state() == from_directory


def test_command_prints_one_line_per_model(tmp_path):
    out = StringIO()

    call_command("import_members", source=str(write_source(tmp_path)), stdout=out)

    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["Member", "Term", "Committee", "CommitteeMembership"]
    assert lines[0] == "Member: 6 created, 0 updated, 0 deleted, 0 unchanged"


def test_command_dry_run_changes_nothing(tmp_path):
    out = StringIO()

    call_command("import_members", source=str(write_source(tmp_path)), dry_run=True, stdout=out)

    assert out.getvalue().startswith("[dry run] Member: 6 created")
    assert not Term.objects.exists()


def test_command_reports_malformed_input_as_an_error(tmp_path):
    files = default_files()
    del files["legislators-current.yaml"][0]["id"]["bioguide"]

    with pytest.raises(CommandError, match=r"Nothing imported: legislators-current\.yaml record 1"):
        call_command("import_members", source=str(write_source(tmp_path, files)), stdout=StringIO())
    assert not Member.objects.exists()


def test_build_snapshot_command_writes_an_importable_snapshot(tmp_path):
    output = tmp_path / "out" / "legislators.json.gz"

    call_command(
        "build_member_snapshot",
        source=str(write_source(tmp_path / "src")),
        output=str(output),
        stdout=StringIO(),
    )
    import_members(source=output)

    assert Member.objects.count() == 6

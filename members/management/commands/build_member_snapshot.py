"""Build members/data/legislators.json.gz from a congress-legislators directory."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from members.importer import parse_legislator_files
from members.legislator_files import SNAPSHOT_PATH, LegislatorSourceError, read_directory, write_snapshot


class Command(BaseCommand):
    # A data load needs the models, not URL/admin checks (and stays usable while those are broken).
    requires_system_checks: list[str] = []
    help = "Build the bundled member snapshot from a directory of congress-legislators files."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", required=True, help="directory with the files")
        parser.add_argument("--output", default=str(SNAPSHOT_PATH), help=f"default {SNAPSHOT_PATH}")

    def handle(self, *args, source: str, output: str, **options):
        try:
            files = read_directory(source)
        except LegislatorSourceError as exc:
            raise CommandError(str(exc)) from exc
        for note in files.notes:  # repairs of the derived departed-since-2012 file
            self.stdout.write(note)
        try:
            incoming = parse_legislator_files(files)
        except LegislatorSourceError as exc:
            raise CommandError(str(exc)) from exc
        size = write_snapshot(files, Path(output))
        self.stdout.write(f"Wrote {output}: {len(incoming.members)} members, {size / 1024:.0f} KiB")

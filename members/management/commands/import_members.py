"""python manage.py import_members [--source DIR_OR_URL] [--dry-run]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from members.importer import LegislatorSourceError, import_members


class Command(BaseCommand):
    # A data load needs the models, not URL/admin checks (and stays usable while those are broken).
    requires_system_checks: list[str] = []
    help = (
        "Load Members of Congress, terms, committees and committee memberships: the bundled snapshot "
        "by default, or the congress-legislators files from a directory or an http(s) base URL."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            default=None,
            help="directory or base URL holding legislators-current.yaml etc. (default: bundled snapshot)",
        )
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args, source: str | None, dry_run: bool, **options):
        try:
            report = import_members(source=source, dry_run=dry_run)
        except LegislatorSourceError as exc:
            raise CommandError(f"Nothing imported: {exc}") from exc
        prefix = "[dry run] " if dry_run else ""
        for line in report.summary_lines():
            self.stdout.write(prefix + line)

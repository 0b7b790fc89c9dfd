"""Resolve a pasted signer list to members: one JSON object per person named, in order.

    python manage.py resolve_signers FILE --date 2024-09-10 [--chamber house|senate]

Prints {"as_written", "status", "bioguide", "candidates"} per line (JSON Lines); titles, closings
and caption lines print nothing. The admin's "Paste a signer list" page uses the same service.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from letters.signer_lists import resolve_signer_list


class Command(BaseCommand):
    help = "Resolve a signer list (signature block or press-release sentence) to members on a date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Text file holding the signer list ('-' for stdin)")
        parser.add_argument("--date", required=True, help="The letter's date, YYYY-MM-DD")
        parser.add_argument("--chamber", choices=["house", "senate"], default=None)

    def handle(self, *args, **options) -> None:
        try:
            on = dt.date.fromisoformat(options["date"])
        except ValueError as exc:
            raise CommandError(f"--date must be YYYY-MM-DD, got {options['date']!r}") from exc
        if options["file"] == "-":
            text = sys.stdin.read()
        else:
            path = Path(options["file"])
            try:
                text = path.read_text(encoding="utf-8-sig", errors="replace")
            except OSError as exc:
                raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        for entry in resolve_signer_list(text, on=on, chamber=options["chamber"]):
            self.stdout.write(json.dumps(entry.as_dict(), ensure_ascii=False))

"""Load the demo letters (idempotent): `make run` calls it after import_members."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from letters.demo import MembersMissing, demo_load


class Command(BaseCommand):
    help = "Load the demo Ukraine Caucus and the two 2024-09-10 Ukraine letters (safe to run again)."

    def handle(self, *args, **options) -> None:
        try:
            loaded = demo_load()
        except MembersMissing as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Demo letters: {loaded.letters_created} created, {loaded.signatures_created} signatures added."
        )

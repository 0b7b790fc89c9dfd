"""Benchmark: import the bundled member snapshot into a fresh SQLite database.

    .venv/bin/python bench/import_members.py [--baseline-members 1500]

Creates a temporary var dir (SQLite + filesystem broker), migrates, then times:
  1. full import of members/data/legislators.json.gz into the empty database,
  2. a no-change re-import,
  3. a naive per-row save() baseline on a subset, in the same run, for the ratio.
Targets (issue 2): full import < 15 s, no-change re-import < 5 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--baseline-members", type=int, default=1500)
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="bench-import-members-")
    os.environ["SIGNATORY_VAR_DIR"] = var_dir
    os.environ["SIGNATORY_DEV"] = "1"
    os.environ.pop("DATABASE_URL", None)  # the target is the embedded SQLite default
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from members.importer import TERM_FIELDS, import_members, parse_legislator_files
    from members.legislator_files import SNAPSHOT_PATH, read_snapshot
    from members.models import Member, Term

    call_command("migrate", verbosity=0, skip_checks=True)
    print(f"database: {connection.settings_dict['NAME']} ({connection.vendor})")
    print(f"snapshot: {SNAPSHOT_PATH.relative_to(ROOT)} ({SNAPSHOT_PATH.stat().st_size / 1024:.0f} KiB)")

    started = time.perf_counter()
    incoming = parse_legislator_files(read_snapshot())
    parse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    report = import_members()
    full_seconds = time.perf_counter() - started
    rows = sum(change.created for change in report.changes.values())
    for line in report.summary_lines():
        print(f"  {line}")
    print(
        f"{'full import:':31s}{full_seconds:6.2f} s  {rows} rows  {rows / full_seconds:8.0f} rows/s"
        f"  (read+parse alone {parse_seconds:.2f} s)  target < 15 s"
    )

    started = time.perf_counter()
    again = import_members()
    reimport_seconds = time.perf_counter() - started
    unchanged = sum(change.unchanged for change in again.changes.values())
    assert not again.changed, again.summary_lines()
    print(
        f"{'no-change re-import:':31s}{reimport_seconds:6.2f} s  {unchanged} rows compared"
        f"  {unchanged / reimport_seconds:8.0f} rows/s  target < 5 s"
    )

    # Naive baselines on a subset: per-row save(), as autocommitted writes (what a loop over
    # records does by default) and inside one transaction (the kindest case for save()).
    from members.importer import MEMBER_FIELDS

    def save_rows(records) -> int:
        saved = 0
        for record in records:
            member = Member(bioguide=record.bioguide, **dict(zip(MEMBER_FIELDS, record.values, strict=True)))
            member.save()
            saved += 1
            for values in record.terms.values():
                Term(member=member, **dict(zip(TERM_FIELDS, values, strict=True))).save()
                saved += 1
        return saved

    bulk_rate = rows / full_seconds
    members = list(incoming.members.values())
    for label, subset, atomic in (
        ("naive save(), autocommit", members[: args.baseline_members // 5], False),
        ("naive save(), one transaction", members[: args.baseline_members], True),
    ):
        call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        if atomic:
            with transaction.atomic():
                saved = save_rows(subset)
        else:
            saved = save_rows(subset)
        seconds = time.perf_counter() - started
        rate = saved / seconds
        print(
            f"{label + ':':31s}{seconds:6.2f} s  {saved} rows  {rate:8.0f} rows/s"
            f"  -> importer {bulk_rate / rate:.1f}x faster per row (all rows this way: ~{rows / rate:.0f} s)"
        )
    connection.close()
    shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

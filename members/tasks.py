"""Celery task to refresh member data (staff trigger it, or a django-celery-beat schedule)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

from members.importer import import_members

log = logging.getLogger(__name__)


@shared_task(
    name="members.tasks.import_members_task",
    # A locked or briefly unreachable database is worth another try; malformed input is not.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=30,
    retry_jitter=True,
    max_retries=3,
    soft_time_limit=110,
    time_limit=170,
)
def import_members_task(source: str | None = None) -> dict:
    """Import members from ``source`` (directory or base URL; None = bundled snapshot).

    Idempotent: a repeat delivery finds nothing changed. Returns the import report as a dict.
    A malformed source raises LegislatorSourceError and changes nothing.
    """
    report = import_members(source=source)
    log.info("import_members_task from %s: %s", report.source, "; ".join(report.summary_lines()))
    return report.as_dict()

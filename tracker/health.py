"""The worker heartbeat: written by a beat-scheduled task, read by /healthz and the admin.

A Celery worker can keep its process alive yet stop consuming after a broker reconnect
(celery#8030, #10205): nothing crashes, nothing is logged, the queue just grows. Only work
actually done proves the worker is alive, so beat sends a tiny task every 15 seconds and the
worker that runs it stamps this row; a stamp older than HEALTH_HEARTBEAT_MAX_AGE means no
worker (or no beat) has been doing work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from tracker.models import WorkerHeartbeat

DEFAULT_NAME = "default"


def heartbeat_record(*, hostname: str = "", name: str = DEFAULT_NAME, at: datetime | None = None) -> None:
    """Stamp the heartbeat (one UPDATE; the row is created on the first beat)."""
    at = at or timezone.now()
    updated = WorkerHeartbeat.objects.filter(name=name).update(
        last_beat_at=at, hostname=hostname[:255], beats=F("beats") + 1
    )
    if not updated:
        WorkerHeartbeat.objects.update_or_create(
            name=name, defaults={"last_beat_at": at, "hostname": hostname[:255], "beats": 1}
        )


@dataclass(frozen=True)
class HeartbeatState:
    fresh: bool
    last_beat_at: datetime | None
    age_seconds: float | None
    hostname: str
    max_age_seconds: float


def heartbeat_state(*, name: str = DEFAULT_NAME, now: datetime | None = None) -> HeartbeatState:
    """Whether a worker ran the heartbeat recently enough (HEALTH_HEARTBEAT_MAX_AGE seconds)."""
    now = now or timezone.now()
    max_age = float(settings.HEALTH_HEARTBEAT_MAX_AGE)
    row = WorkerHeartbeat.objects.filter(name=name).values("last_beat_at", "hostname").first()
    if row is None:
        return HeartbeatState(False, None, None, "", max_age)
    age = (now - row["last_beat_at"]).total_seconds()
    return HeartbeatState(age <= max_age, row["last_beat_at"], round(age, 1), row["hostname"], max_age)

"""/healthz: can this deployment do its work right now? Database, broker, and a recent heartbeat.

Answers 200 when all three hold and 503 otherwise, with JSON naming the failing check, for a
load balancer or an uptime monitor. No authentication (monitors have none) and nothing
secret in the answer; no session, no CSRF, no throttling.
"""

from __future__ import annotations

from typing import Any

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

BROKER_TIMEOUT_SECONDS = 2.0


def _database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True}


def _broker() -> dict[str, Any]:
    from config.celery import app

    try:
        # A fresh connection each time: a pooled one could look alive after the server went away.
        with app.connection_for_write(connect_timeout=BROKER_TIMEOUT_SECONDS) as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
            conn.default_channel  # noqa: B018 - opening a channel is the real round trip (redis: PING)
    except Exception as exc:  # kombu raises transport-specific errors
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True}


def _heartbeat(database_ok: bool) -> dict[str, Any]:
    if not database_ok:
        return {"ok": False, "error": "database unavailable"}
    from tracker.health import heartbeat_state

    try:
        state = heartbeat_state()
    except DatabaseError as exc:
        return {"ok": False, "error": exc.__class__.__name__}
    return {
        "ok": state.fresh,
        "last_beat_at": state.last_beat_at.isoformat() if state.last_beat_at else None,
        "age_seconds": state.age_seconds,
        "max_age_seconds": state.max_age_seconds,
    }


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = _database()
    checks = {"database": database, "broker": _broker(), "heartbeat": _heartbeat(database["ok"])}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"ok": healthy, "checks": checks}, status=200 if healthy else 503)

"""/healthz and the heartbeat, in-process: each failing check turns the answer into a 503."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from tracker.health import heartbeat_record, heartbeat_state
from tracker.models import WorkerHeartbeat
from tracker.tasks import worker_heartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def memory_broker(settings):
    """A broker that is always there, so a test is about the check it names."""
    from config.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = "memory://"
    yield
    app.conf.broker_url = previous


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_fresh_heartbeat_a_database_and_a_broker_answer_200(client, memory_broker):
    worker_heartbeat.apply()

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["checks"]["heartbeat"]["age_seconds"] < 60
    assert response["Cache-Control"].startswith("max-age=0")


def test_no_heartbeat_ever_is_unhealthy(client, memory_broker):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["heartbeat"] == {
        "ok": False,
        "last_beat_at": None,
        "age_seconds": None,
        "max_age_seconds": 120.0,
    }


def test_a_stale_heartbeat_is_unhealthy(client, memory_broker, settings):
    settings.HEALTH_HEARTBEAT_MAX_AGE = 30
    heartbeat_record(hostname="celery@w1", at=timezone.now() - timedelta(seconds=31))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["heartbeat"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"] is True


def test_an_unreachable_broker_is_unhealthy(client, point_app_at):
    heartbeat_record(hostname="celery@w1")
    point_app_at(f"redis://127.0.0.1:{closed_port()}/0")
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
    assert response.json()["checks"]["heartbeat"]["ok"] is True


def test_an_unavailable_database_is_unhealthy(client, memory_broker, monkeypatch):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    def refuse(self, sql, params=None):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "error": "OperationalError"}
    assert response.json()["checks"]["heartbeat"]["ok"] is False


def test_each_heartbeat_stamps_one_row_with_the_worker_name():
    heartbeat_record(hostname="celery@w1")
    heartbeat_record(hostname="celery@w2")

    row = WorkerHeartbeat.objects.get()
    assert (row.hostname, row.beats) == ("celery@w2", 2)
    assert heartbeat_state().fresh


def test_healthz_needs_no_login_and_no_https_redirect(client, memory_broker, settings):
    settings.SECURE_SSL_REDIRECT = True
    heartbeat_record()

    assert client.get("/healthz").status_code == 200
    assert client.get("/admin/").status_code == 301  # everything else still goes to https


def test_the_heartbeat_is_visible_read_only_in_the_admin(admin_client):
    heartbeat_record(hostname="celery@w1")

    page = admin_client.get("/admin/tracker/workerheartbeat/")

    assert page.status_code == 200
    assert b"celery@w1" in page.content
    assert admin_client.get("/admin/tracker/workerheartbeat/add/").status_code == 403


def test_the_beat_schedule_sends_the_heartbeat_every_15_seconds_to_a_registered_task():
    import importlib

    from django.apps import apps
    from django_celery_beat.models import PeriodicTask

    from config.celery import app

    app.loader.import_default_modules()  # what a worker does at start: autodiscover tasks
    # Called again, as transactional tests elsewhere flush migration data; it is idempotent.
    migration = importlib.import_module("tracker.migrations.0004_worker_heartbeat")
    migration.create_schedule(apps, None)
    migration.create_schedule(apps, None)

    task = PeriodicTask.objects.get(name=migration.HEARTBEAT_TASK_NAME)
    assert (task.interval.every, task.interval.period) == (15, "seconds")
    assert task.enabled
    assert task.task in app.tasks

"""Shared fixtures: service detection (PostgreSQL, Redis, Chromium) and small builders."""

from __future__ import annotations

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.db import connection

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"
TEST_REDIS_URL = (
    os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
)
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), 1):
            return True
    except OSError:
        return False


def missing_service(reason: str) -> None:
    """Skip a test whose service is absent, or fail it when CI requires services."""
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture
def redis_url() -> str:
    """A reachable Redis URL for tests (TEST_REDIS_URL, default redis://127.0.0.1:6379/15)."""
    if not _reachable(TEST_REDIS_URL, 6379):
        missing_service(f"Redis is not reachable at {TEST_REDIS_URL}")
    return TEST_REDIS_URL


@pytest.fixture
def postgres_db(db) -> None:
    """Use in tests that need PostgreSQL semantics (row locks, concurrent writers)."""
    if connection.vendor != "postgresql":
        missing_service("the test database is not PostgreSQL (set DATABASE_URL=postgres://…)")


@pytest.fixture
def chromium_path() -> str:
    if not (os.path.exists(CHROMIUM_PATH) or shutil.which("chromium")):
        if REQUIRE_BROWSER:
            pytest.fail(f"REQUIRE_BROWSER=1 but no Chromium at {CHROMIUM_PATH}")
        pytest.skip(f"no Chromium at {CHROMIUM_PATH} (apt-get install chromium)")
    return CHROMIUM_PATH


@pytest.fixture(scope="session", autouse=True)
def _services_required_check() -> None:
    """With REQUIRE_SERVICES=1 the whole run must be on PostgreSQL: fail fast otherwise."""
    if REQUIRE_SERVICES:
        from django.conf import settings

        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            pytest.fail(f"REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL ({engine})")


_CELERY_KEYS = ("broker_url", "broker_transport_options", "task_always_eager", "result_backend")


def _rebuild_celery_connections(app) -> None:
    # Pools and the result backend are built lazily from the configuration; rebuild from the new one.
    app._pool = None
    if "amqp" in app.__dict__:
        app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def point_app_at(monkeypatch):
    """Point this process's Celery app (the producer of .delay()) at a broker for one test.

    Celery reads CELERY_BROKER_URL from the environment before its own configuration, so CI's
    broker variable would otherwise win over the test's broker: both are set, then restored.
    """
    from config.celery import app

    saved = {key: app.conf.get(key) for key in _CELERY_KEYS}

    def point(broker_url: str, transport_options: dict | None = None, result_backend: str | None = None):
        monkeypatch.setenv("CELERY_BROKER_URL", broker_url)
        app.conf.update(
            broker_url=broker_url,
            broker_transport_options=transport_options or {},
            task_always_eager=False,
            result_backend=result_backend,
        )
        _rebuild_celery_connections(app)
        return app

    yield point
    monkeypatch.undo()
    app.conf.update(saved)
    _rebuild_celery_connections(app)

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config import settings as settings_module

ROOT = Path(__file__).resolve().parents[2]


def _django_setup(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SIGNATORY_DEV", "SECRET_KEY", "DEBUG"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_envbool_rejects_values_that_are_not_booleans(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be a boolean"):
        settings_module.envbool("SOME_FLAG", False)


def test_envint_rejects_values_that_are_not_integers(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER must be an integer"):
        settings_module.envint("SOME_NUMBER", 3)


def test_secrets_can_come_from_a_file(monkeypatch, tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    monkeypatch.setenv("SOME_SECRET_FILE", str(secret_file))
    assert settings_module.env("SOME_SECRET") == "from-a-file"


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _django_setup({"SIGNATORY_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key(tmp_path):
    result = _django_setup({"SIGNATORY_VAR_DIR": str(tmp_path), "SECRET_KEY": "x" * 60})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_celery_tasks_survive_a_lost_worker_and_are_json_only():
    # acks_late alone drops a task whose worker child is SIGKILLed; reject_on_worker_lost requeues it.
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_ACCEPT_CONTENT == ["json"]
    assert settings.CELERY_TASK_TIME_LIMIT < settings.CELERY_VISIBILITY_TIMEOUT
    assert settings.CELERY_BEAT_SCHEDULER == "django_celery_beat.schedulers:DatabaseScheduler"


def test_embedded_default_needs_no_server():
    if os.environ.get("DATABASE_URL") or os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("services configured through the environment")
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings.CELERY_BROKER_URL == "filesystem://"

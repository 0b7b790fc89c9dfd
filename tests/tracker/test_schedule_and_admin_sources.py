"""The beat schedule staff can edit, and the source admin's actions."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from tracker import services
from tracker.models import Source

pytestmark = pytest.mark.django_db


def test_the_poll_schedule_is_created_once_and_names_a_registered_task():
    from django_celery_beat.models import PeriodicTask

    from config.celery import app

    app.loader.import_default_modules()  # what a worker does at start: autodiscover tasks
    migration = importlib.import_module("tracker.migrations.0002_beat_schedule")
    migration.create_schedule(apps, None)
    migration.create_schedule(apps, None)
    task = PeriodicTask.objects.get(name=migration.POLL_TASK_NAME)
    assert task.interval.every == 1
    assert task.interval.period == "minutes"
    assert task.task in app.tasks


def test_a_schedule_staff_edited_is_left_alone():
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    migration = importlib.import_module("tracker.migrations.0002_beat_schedule")
    migration.create_schedule(apps, None)
    every_five, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.filter(name=migration.POLL_TASK_NAME).update(interval=every_five, enabled=False)
    migration.create_schedule(apps, None)
    task = PeriodicTask.objects.get(name=migration.POLL_TASK_NAME)
    assert (task.interval.every, task.enabled) == (5, False)


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_source_admin_shows_failures_and_re_enables(staff_client):
    source = services.source_create(url="https://news.example/feed.xml", name="<b>News</b>")
    Source.objects.filter(pk=source.pk).update(
        active=False,
        consecutive_failures=8,
        last_error="HTTP 500 <script>x</script>",
        disabled_reason="8 failures",
    )
    page = staff_client.get(reverse("admin:tracker_source_changelist"))
    html = page.content.decode()
    assert "&lt;b&gt;News&lt;/b&gt;" in html
    assert "<script>x</script>" not in html
    staff_client.post(
        reverse("admin:tracker_source_changelist"), {"action": "reenable", "_selected_action": [source.pk]}
    )
    source.refresh_from_db()
    assert source.active
    assert source.consecutive_failures == 0


def test_poll_now_queues_a_poll_after_commit(staff_client, monkeypatch, django_capture_on_commit_callbacks):
    from tracker import tasks

    queued = []
    monkeypatch.setattr(tasks.poll_source, "delay", lambda source_id: queued.append(source_id))
    source = services.source_create(url="https://news.example/feed.xml")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:tracker_source_changelist"),
            {"action": "poll_now", "_selected_action": [source.pk]},
        )
    assert queued == [source.pk]

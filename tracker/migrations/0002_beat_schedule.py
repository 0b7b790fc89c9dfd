"""The beat schedule lives in the database (django-celery-beat) so staff can edit it in the admin.

Created idempotently: re-running migrations, or a schedule staff already edited, is left alone.
"""

from django.db import migrations

POLL_TASK_NAME = "Poll due news sources"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    PeriodicTask.objects.get_or_create(
        name=POLL_TASK_NAME,
        defaults={
            "task": "tracker.tasks.poll_due_sources",
            "interval": every_minute,
            "description": "Queue a poll for every active source whose next poll time has come.",
            # Don't let a backlog of missed minutes pile up if beat was down.
            "expire_seconds": 55,
        },
    )


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=POLL_TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]

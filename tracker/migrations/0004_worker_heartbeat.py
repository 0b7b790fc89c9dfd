"""The worker heartbeat: a row the heartbeat task updates, and its beat schedule (every 15 s).

The schedule is created idempotently, like the poll schedule in 0002: a schedule staff already
edited is left alone.
"""

from django.db import migrations, models

HEARTBEAT_TASK_NAME = "Worker heartbeat"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_15s, _ = IntervalSchedule.objects.get_or_create(every=15, period="seconds")
    PeriodicTask.objects.get_or_create(
        name=HEARTBEAT_TASK_NAME,
        defaults={
            "task": "tracker.tasks.worker_heartbeat",
            "interval": every_15s,
            "description": "Proves a worker is consuming: /healthz and the admin show its last run.",
            # A heartbeat that waited in the queue longer than this says nothing about now.
            "expire_seconds": 14,
        },
    )


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=HEARTBEAT_TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0003_claims_and_coverage"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.CreateModel(
            name="WorkerHeartbeat",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(default="default", max_length=100, unique=True)),
                ("last_beat_at", models.DateTimeField()),
                (
                    "hostname",
                    models.CharField(
                        blank=True, help_text="The worker that ran the last beat", max_length=255
                    ),
                ),
                ("beats", models.PositiveBigIntegerField(default=0)),
            ],
            options={"ordering": ["name"]},
        ),
        migrations.RunPython(create_schedule, remove_schedule),
    ]

from django.conf import settings

from config.celery import app


def test_every_task_has_a_soft_limit_under_its_hard_limit_and_the_visibility_timeout():
    # A soft limit above the hard limit makes Celery refuse to send the task at all.
    app.loader.import_default_modules()
    ours = {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}
    assert ours, "no tasks registered"
    for name, task in ours.items():
        hard = task.time_limit or settings.CELERY_TASK_TIME_LIMIT
        soft = task.soft_time_limit or settings.CELERY_TASK_SOFT_TIME_LIMIT
        assert soft <= hard, f"{name}: soft {soft} > hard {hard}"
        assert hard < settings.CELERY_VISIBILITY_TIMEOUT, f"{name}: redelivered while still running"

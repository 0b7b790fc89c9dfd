"""import_members_task on a real Celery worker with a real Redis broker."""

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app as celery_app
from members.models import Member
from members.tasks import import_members_task
from tests.members.legislator_fixtures import write_source

CONFIG_KEYS = ("broker_url", "result_backend", "broker_transport_options", "task_always_eager")


def _drop_connections(app) -> None:
    # Pools and the backend are built lazily from the configuration; rebuild them from the new one.
    app._pool = None
    if "amqp" in app.__dict__:
        app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def redis_celery_app(redis_url):
    """config.celery's app pointed at the test Redis for the duration of one test."""
    saved = {key: celery_app.conf.get(key) for key in CONFIG_KEYS}
    celery_app.conf.update(
        broker_url=redis_url, result_backend=redis_url, broker_transport_options={}, task_always_eager=False
    )
    _drop_connections(celery_app)
    yield celery_app
    celery_app.conf.update(saved)
    _drop_connections(celery_app)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_import_members_task_runs_on_a_real_worker_and_fills_the_database(redis_celery_app, tmp_path):
    source = str(write_source(tmp_path))

    with start_worker(redis_celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        result = import_members_task.apply_async(kwargs={"source": source})
        report = result.get(timeout=60)

    assert report["changes"]["Member"]["created"] == 6
    assert report["source"] == source
    assert Member.objects.filter(bioguide="K000009").exists()
    assert Member.objects.get(bioguide="V000133").terms.count() == 3


def test_import_members_task_returns_the_report_as_plain_data(db, tmp_path):
    report = import_members_task.run(source=str(write_source(tmp_path)))

    assert report["changes"]["Term"]["created"] > 0
    assert report["dry_run"] is False

"""import_members_task on a real Celery worker with a real Redis broker."""

import pytest
from celery.contrib.testing.worker import start_worker

from members.models import Member
from members.tasks import import_members_task
from tests.members.legislator_fixtures import write_source


@pytest.fixture
def redis_celery_app(redis_url, point_app_at):
    """config.celery's app pointed at the test Redis (broker and results) for one test."""
    return point_app_at(redis_url, result_backend=redis_url)


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

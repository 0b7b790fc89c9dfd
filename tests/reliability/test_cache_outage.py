"""Redis as the cache going away (restart, outage): saves, API requests and ingest go on without it.

Before config.cache.ResilientRedisCache, each of these raised redis.ConnectionError: the stats
data-version signal on every save, DRF's throttle counters on every API request, robots.txt
caching on every page fetch.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import redis

from tests.reliability.workers import ROOT, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down(settings):
    """The cache configured as in production, on a Redis that refuses connections."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with pytest.raises(redis.exceptions.ConnectionError):  # the premise: Redis really is down
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    return url


def test_production_settings_use_the_resilient_cache_when_redis_is_configured(tmp_path):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup();"
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        "SIGNATORY_DEV": "1",
        "SIGNATORY_VAR_DIR": str(tmp_path),
        "REDIS_URL": "redis://x:1/0",
    }
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "config.cache.ResilientRedisCache", out.stderr


def test_saving_a_letter_works_while_the_cache_is_down(cache_down):
    from letters.models import Letter
    from letters.services import letter_create

    letter = letter_create(title="Written during a Redis outage", kind="agency")

    assert Letter.objects.filter(pk=letter.pk).exists()


def test_api_reads_stats_and_pasted_text_work_while_the_cache_is_down(cache_down, admin_client, settings):
    from tracker.models import Article

    settings.CELERY_TASK_ALWAYS_EAGER = False
    assert admin_client.get("/api/v1/letters/").status_code == 200  # throttle counters in the cache
    assert admin_client.get("/api/v1/stats/review-queue/").status_code == 200  # cached stats
    response = admin_client.post(
        "/api/v1/ingest/",
        {"title": "Pasted", "text": "Rep. Marcy Kaptur led a letter."},
        content_type="application/json",
    )
    assert response.status_code == 202, response.content
    assert Article.objects.count() == 1


def test_a_page_fetch_with_robots_txt_works_while_the_cache_is_down(cache_down, settings):
    from tests.tracker.site import LocalSite
    from tracker.fetching import fetch

    settings.FETCH_ALLOW_LOOPBACK = True
    settings.FETCH_HOST_INTERVAL = 0
    site = LocalSite().start()
    try:
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        site.add("/story", "<p>story</p>")
        assert fetch(site.url("/story"), purpose="page").content == b"<p>story</p>"
    finally:
        site.stop()

"""Stats caching on the shared Redis cache production uses (every web worker sees one data version)."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import caches

from config import stats_cache
from tests.api import builders


@pytest.mark.services
def test_data_version_is_shared_through_redis_and_bumped_by_saves(redis_url, settings, client_as, ukraine):
    # A key prefix of our own instead of FLUSHDB: the Redis database may be shared with other tests.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"api-test-{uuid.uuid4().hex}",
            "TIMEOUT": 60,
        }
    }
    try:
        first = stats_cache.data_version()
        assert stats_cache.data_version() == first
        client = client_as("viewer")
        etag = client.get("/api/v1/stats/party-split/")["ETag"]
        assert client.get("/api/v1/stats/party-split/", HTTP_IF_NONE_MATCH=etag).status_code == 304
        builders.letter("Saved after the first answer")
        assert stats_cache.data_version() > first
        assert client.get("/api/v1/stats/party-split/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    finally:
        caches["default"].delete(stats_cache.DATA_VERSION_KEY)

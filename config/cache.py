"""A Redis cache that treats Redis being unreachable as a cache miss, not as an error.

Everything Signatory keeps in the cache can be recomputed or skipped: throttle counters, cached
stats and their data version (bumped by a signal on every save), robots.txt, the name-index
version. Django's RedisCache raises redis.ConnectionError on each of them while Redis restarts,
which turned a cache outage into failed saves in the admin, 500s on every API request and failed
ingest tasks. Here reads miss, writes are skipped, and a warning is logged.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


class ResilientRedisCache(RedisCache):
    def _unavailable(self, operation: str, exc: Exception) -> None:
        log.warning("cache unavailable (%s skipped): %s", operation, exc)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNAVAILABLE as exc:
            self._unavailable("get", exc)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict:
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE as exc:
            self._unavailable("get_many", exc)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except UNAVAILABLE as exc:
            self._unavailable("has_key", exc)
            return False

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None, **kw: Any) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("add", exc)
            return False

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None, **kw: Any) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("set", exc)

    def set_many(self, data: dict, timeout: Any = None, version: int | None = None, **kw: Any) -> list:
        try:
            return super().set_many(data, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("set_many", exc)
            return list(data)

    def touch(self, key: Any, timeout: Any = None, version: int | None = None, **kw: Any) -> bool:
        try:
            return super().touch(key, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("touch", exc)
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except UNAVAILABLE as exc:
            self._unavailable("incr", exc)
            # What callers already handle: the key is not there.
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from exc

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except UNAVAILABLE as exc:
            self._unavailable("delete", exc)
            return False

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except UNAVAILABLE as exc:
            self._unavailable("delete_many", exc)

    def clear(self) -> None:
        try:
            super().clear()
        except UNAVAILABLE as exc:
            self._unavailable("clear", exc)

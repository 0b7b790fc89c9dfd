"""Cacheable stats responses, keyed on a data version.

Every save or delete of a members/letters/tracker row bumps one counter in the cache. Stats
responses are stored under (data version, user's read scope, URL) and carry an ETag built
from the same parts, so a client polling the dashboard gets ``304 Not Modified`` until data
changes. Bulk writes (``QuerySet.update``, ``bulk_create``) send no signals, so cached
entries also expire after ``STATS_CACHE_SECONDS``: stale for at most that long.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from rest_framework.request import Request
from rest_framework.response import Response

DATA_VERSION_KEY = "signatory:data-version"
STATS_CACHE_SECONDS = 300
_TRACKED_APPS = frozenset({"members", "letters", "tracker"})


def data_version() -> int:
    version = cache.get(DATA_VERSION_KEY)
    if version is None:
        # A cold cache (restart, eviction) must not reuse keys from before: start afresh.
        import time

        version = int(time.time() * 1000)
        cache.add(DATA_VERSION_KEY, version, timeout=None)
        version = cache.get(DATA_VERSION_KEY, version)
    return int(version)


def bump_data_version() -> None:
    try:
        cache.incr(DATA_VERSION_KEY)
    except ValueError:
        data_version()


def _on_change(sender: Any, **_: Any) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label in _TRACKED_APPS:
        bump_data_version()


def connect() -> None:
    """Called from an AppConfig.ready()."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"config.stats_cache.{signal!r}")


class CachedStatsMixin:
    """For APIViews whose GET is a pure function of the query string and the data."""

    def _cache_parts(self, request: Request) -> tuple[str, str]:
        accepted = getattr(request, "accepted_renderer", None)
        fmt = accepted.format if accepted else "json"
        anon = "anon" if not request.user.is_authenticated else "auth"
        raw = f"{data_version()}|{anon}|{fmt}|{request.get_full_path()}"
        digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
        return f"signatory:stats:{digest}", f'"{digest}"'

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method == "GET" and getattr(response, "status_code", 0) == 200:
            _, etag = self._cache_parts(request)
            response["ETag"] = etag
            response["Cache-Control"] = "private, max-age=0, must-revalidate"
        return response

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        key, etag = self._cache_parts(request)
        if etag in request.headers.get("If-None-Match", ""):
            return Response(status=304)
        data = cache.get(key)
        if data is None:
            data = self.compute(request, *args, **kwargs)
            cache.set(key, data, STATS_CACHE_SECONDS)
        return Response(data)

    def compute(self, request: Request, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover
        raise NotImplementedError

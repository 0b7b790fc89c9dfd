"""Throttles for writes and ingest submissions, on top of the global anon/user rates.

DRF's ScopedRateThrottle counts every request of a view; these count only unsafe methods, so
a staff member paging through letters never spends their write budget.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class _UnsafeMethodThrottle(SimpleRateThrottle):
    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if request.method in SAFE_METHODS:
            return None  # not throttled by this class
        ident = request.user.pk if request.user and request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class WritesThrottle(_UnsafeMethodThrottle):
    scope = "writes"


class IngestThrottle(_UnsafeMethodThrottle):
    scope = "ingest"


def default_throttles() -> list[type]:
    return list(api_settings.DEFAULT_THROTTLE_CLASSES)


WRITE_THROTTLES = [*default_throttles(), WritesThrottle]
INGEST_THROTTLES = [*default_throttles(), IngestThrottle]

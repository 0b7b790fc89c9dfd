"""The versioned REST API: one router mounting every app's endpoints under /api/v1/."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    renderer_classes,
    throttle_classes,
)
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter

from letters import api as letters_api
from members import api as members_api
from tracker import api as tracker_api


@extend_schema(responses=inline_serializer("Ping", {"ok": serializers.BooleanField()}))
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
@renderer_classes([JSONRenderer])
@throttle_classes([])
def ping(request: Request) -> Response:
    """Liveness of the API process: no database, no auth (the load benchmark's ceiling)."""
    return Response({"ok": True})


router = DefaultRouter()
# letters extends the member endpoint with counts of letters led/signed (apps import downward).
router.register("members", letters_api.MemberWithLettersViewSet, basename="member")
router.register("caucuses", members_api.CaucusViewSet, basename="caucus")
router.register("caucus-memberships", members_api.CaucusMembershipViewSet, basename="caucusmembership")
router.register("committees", members_api.CommitteeViewSet, basename="committee")
letters_api.register(router)
tracker_api.register(router)

urlpatterns = [
    path("ping/", ping, name="api-ping"),
    *letters_api.stats_urls,
    *tracker_api.stats_urls,
    path("", include(router.urls)),
]

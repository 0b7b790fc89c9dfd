"""The staff dashboard: one login-protected page whose script draws charts from the REST API.

Plotly is served from the installed python package (no CDN: deployments may be offline), under
a URL carrying its version so browsers may cache it for a year.
"""

from __future__ import annotations

from pathlib import Path

import plotly
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_VERSION = plotly.__version__
_YEAR = 365 * 24 * 3600


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/index.html", {"plotly_version": PLOTLY_VERSION})


@require_GET
def plotly_js(request: HttpRequest, version: str) -> HttpResponse:
    """plotly.min.js from the plotly package; the versioned URL makes it safe to cache long."""
    response = FileResponse(PLOTLY_JS.open("rb"), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={_YEAR}, immutable"
    response["ETag"] = f'"plotly-{PLOTLY_VERSION}"'
    return response


app_name = "dashboard"
urlpatterns = [
    path("", dashboard, name="index"),
    path("plotly-<str:version>.min.js", plotly_js, name="plotly"),
]

"""The dashboard page and its plotly bundle, without a browser."""

from __future__ import annotations


def test_plotly_is_served_from_the_package_with_long_cache(client):
    from tracker.dashboard import PLOTLY_VERSION

    response = client.get(f"/dashboard/plotly-{PLOTLY_VERSION}.min.js")
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert b"plotly" in b"".join(response.streaming_content)[:2000].lower()


def test_dashboard_requires_login(db, client):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_dashboard_page_has_no_inline_script_and_a_csp(db, client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user(username="s", is_staff=True))
    response = client.get("/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html  # every script has a src: CSP script-src 'self' holds
    assert "script-src 'self'" in response["Content-Security-Policy"]

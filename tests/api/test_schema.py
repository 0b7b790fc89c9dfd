"""The OpenAPI schema validates, and a bounded schemathesis run finds no server errors."""

from __future__ import annotations

import pytest
from django.core import signals
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from tests.api import builders

MAX_EXAMPLES = 4


def test_schema_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert "/api/v1/stats/whip-list/" in text
    assert "/api/v1/letters/{id}/" in text


def test_swagger_and_redoc_pages_serve_their_assets_locally(client):
    for url in ("/api/docs/", "/api/redoc/"):
        html = client.get(url).content.decode()
        assert "https://" not in html, url  # no CDN, no web fonts: deployments may be offline
        assert "<script>" not in html, url  # CSP script-src 'self' allows no inline script
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors(ukraine, monkeypatch):
    import schemathesis

    from config.wsgi import application

    admin = builders.user("fuzzer", superuser=True)
    token = Token.objects.create(user=admin).key
    monkeypatch.setattr(
        SimpleRateThrottle,
        "THROTTLE_RATES",
        dict.fromkeys(("anon", "user", "writes", "ingest"), "100000/min"),
    )
    # Calling the WSGI app directly (not through django.test.Client): keep Django from closing the
    # test's database connection, inside its transaction, at the end of each request.
    monkeypatch.setattr(signals.request_started, "receivers", [])
    monkeypatch.setattr(signals.request_finished, "receivers", [])
    signals.request_started.sender_receivers_cache.clear()
    signals.request_finished.sender_receivers_cache.clear()
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    server_errors: list[str] = []
    statuses: list[int] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40

    for operation in operations:

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(app=application, headers={"Authorization": f"Token {token}"})
            statuses.append(response.status_code)
            if response.status_code >= 500:
                server_errors.append(
                    f"{case.operation.label}: {response.status_code} {case.path_parameters} {case.query} "
                    f"{str(case.body)[:200]}"
                )

        check()
    assert len(statuses) >= len(operations)
    assert statuses.count(200) > len(operations) // 2  # the run reached real answers, not only 4xx
    assert not server_errors, server_errors

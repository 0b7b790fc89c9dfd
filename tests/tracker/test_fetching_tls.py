"""HTTPS fetches connect to the vetted address yet verify the certificate for the host NAME."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest

from tests.tracker.site import LocalSite
from tracker import fetching
from tracker.fetching import FetchConnectionError, fetch

pytestmark = pytest.mark.usefixtures("fetch_settings")


def make_certificate(tmp_path, name: str):
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
            "-addext", f"subjectAltName=DNS:{name}",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_site(tmp_path, monkeypatch):
    cert, key = make_certificate(tmp_path, "news.example")
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    seen_sni = []
    server_context.sni_callback = lambda sock, server_name, ctx: seen_sni.append(server_name)
    site = LocalSite()
    site.seen_sni = seen_sni
    site.start(tls_context=server_context)
    # Our client trusts only this test certificate; the name resolves to the test server.
    monkeypatch.setattr(fetching, "_ssl_context", ssl.create_default_context(cafile=str(cert)))
    monkeypatch.setattr(fetching, "resolve_host", lambda host, port: ["127.0.0.1"])
    yield site
    site.stop()


def test_https_is_pinned_to_the_vetted_address_with_sni_and_name_verification(tls_site):
    tls_site.add("/story", "<p>over tls</p>")
    port = tls_site.server.server_port
    result = fetch(f"https://news.example:{port}/story", purpose="page", check_robots=False)
    assert b"over tls" in result.content
    assert tls_site.seen_sni == ["news.example"]
    assert tls_site.requests[-1][1]["Host"] == f"news.example:{port}"


def test_a_certificate_for_another_name_is_refused(tls_site):
    tls_site.add("/story", "<p>over tls</p>")
    with pytest.raises(FetchConnectionError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
        fetch(
            f"https://other.example:{tls_site.server.server_port}/story", purpose="page", check_robots=False
        )

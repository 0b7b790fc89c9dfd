"""Who gets in: every API route and every admin page, for anonymous, viewer, editor, reviewer, superuser.

tests/api/test_permissions.py checks the API's rules on a hand-picked list of endpoints and
actions (reads per role, who creates letters, confirms mentions, CSRF, tokens, 429s). This file
complements it: it walks the URL resolver so that an endpoint added later without permissions
fails here, covers the admin (which the API tests don't), the login lockout, CSRF on the admin,
`check --deploy` and the Content Security Policy.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parents[2]
ROLES = ("anonymous", "viewer", "editor", "reviewer", "superuser")
UNSAFE = ("post", "put", "patch", "delete")
# Endpoints open by design: liveness, and the API description (no data, only its shape).
OPEN_API_PATHS = {"/api/v1/ping/"}
# Any authenticated user may submit a URL or text for ingest (config/roles.py).
ANY_AUTHENTICATED_WRITES = {"/api/v1/ingest/"}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_and_fresh(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(db) -> dict[str, User | None]:
    """Staff accounts as the admin sees them: is_staff plus a role group."""
    from config.roles import sync_role_groups

    sync_role_groups()  # transactional tests elsewhere may have flushed the groups
    people: dict[str, User | None] = {"anonymous": None}
    for role in ("viewer", "editor", "reviewer"):
        user = User.objects.create_user(username=role, password=f"pw-{role}-long", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        people[role] = user
    people["superuser"] = User.objects.create_superuser(username="root", password="pw-root-long")
    return people


def client_for(user: User | None, *, api: bool = False) -> Client:
    client = APIClient() if api else Client()
    if user is not None:
        client.force_login(user)
    return client


# --- API: every route the resolver knows ------------------------------------------------------


def _api_paths() -> list[str]:
    """Every /api/v1/ route, with '1' for each path parameter (permissions are checked first)."""
    paths: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for entry in patterns:
            route = str(entry.pattern).lstrip("^").rstrip("$")
            if "format" in route:
                continue  # the .json/.csv suffix twins of the same views
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + route)
            elif isinstance(entry, URLPattern):
                concrete = re.sub(r"\(\?P<\w+>[^)]*\)|<[^>]+>", "1", prefix + route).replace("\\", "")
                paths.append("/" + concrete)

    for entry in get_resolver().url_patterns:
        if str(entry.pattern) == "api/v1/":
            walk(entry.url_patterns, "api/v1/")
    return sorted(set(paths))


API_PATHS = _api_paths()


def test_the_route_walk_finds_the_whole_api():
    assert len(API_PATHS) > 25
    for known in ("/api/v1/letters/", "/api/v1/mentions/1/confirm/", "/api/v1/ingest/", "/api/v1/ping/"):
        assert known in API_PATHS


@pytest.mark.parametrize("path", API_PATHS)
def test_anonymous_gets_nothing_from_any_api_route(path):
    client = APIClient()
    for method in ("get", *UNSAFE):
        response = getattr(client, method)(path, {}, format="json")
        if path in OPEN_API_PATHS and method == "get":
            assert response.status_code == 200
            continue
        assert response.status_code in (401, 403, 405), (method, path, response.status_code)


@pytest.mark.parametrize("path", API_PATHS)
def test_a_viewer_writes_nothing_through_any_api_route(staff, path):
    client = client_for(staff["viewer"], api=True)
    for method in UNSAFE:
        response = getattr(client, method)(path, {"text": "x", "title": "x"}, format="json")
        if path in ANY_AUTHENTICATED_WRITES and method == "post":
            assert response.status_code in (202, 400), response.content
            continue
        assert response.status_code in (403, 405), (method, path, response.status_code)


def test_reads_are_throttled_with_429(staff, settings):
    from rest_framework.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = dict(original, user="3/min")
    try:
        client = client_for(staff["viewer"], api=True)
        codes = [client.get("/api/v1/letters/").status_code for _ in range(5)]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]


def test_the_api_description_is_public_but_holds_no_data(client):
    # Deliberate: the OpenAPI schema and its viewers describe the API's shape to anyone.
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/v1/").status_code in (401, 403)


# --- Admin: every registered model, each role ----------------------------------------------

ROLE_APPS = {"members", "letters", "tracker"}
EDITOR_WRITES = {
    "letters.letter",
    "letters.signature",
    "letters.recipient",
    "letters.policy",
    "members.caucus",
    "members.caucusmembership",
}
REVIEWER_WRITES = {"tracker.mention", "tracker.proposedletter", "tracker.membermention"}


def may_view(role: str, label: str) -> bool:
    if role == "superuser":
        return True
    return role in ("viewer", "editor", "reviewer") and label.split(".")[0] in ROLE_APPS


def may_add(role: str, label: str) -> bool:
    return role == "superuser" or (role == "editor" and label in EDITOR_WRITES)


def may_change(role: str, label: str) -> bool:
    return (
        role == "superuser"
        or (role == "editor" and label in EDITOR_WRITES)
        or (role == "reviewer" and label in REVIEWER_WRITES)
    )


ADMIN_MODELS = sorted(
    (model._meta.label_lower, model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)


def _admin_refuses_adding(label: str) -> bool:
    model = next(m for m in admin.site._registry if m._meta.label_lower == label)
    request = type("R", (), {"user": User(is_superuser=True, is_active=True, is_staff=True)})()
    return not admin.site._registry[model].has_add_permission(request)


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_follow_the_roles(staff, role):
    client = client_for(staff[role])
    index = client.get("/admin/")
    if role == "anonymous":
        assert index.status_code == 302
        assert "/admin/login/" in index["Location"]
    else:
        assert index.status_code == 200
    problems = []
    for label, app, model in ADMIN_MODELS:
        changelist = client.get(reverse(f"admin:{app}_{model}_changelist"))
        add = client.get(reverse(f"admin:{app}_{model}_add"))
        if role == "anonymous":
            expected = (302, 302)
        else:
            expected = (
                200 if may_view(role, label) else 403,
                200 if may_add(role, label) and not _admin_refuses_adding(label) else 403,
            )
        if (changelist.status_code, add.status_code) != expected:
            problems.append((label, (changelist.status_code, add.status_code), expected))
    assert not problems, problems


@pytest.fixture
def admin_rows(staff):
    from letters.services import letter_create
    from tracker.models import Article, Mention

    letter = letter_create(title="Kaptur letter", kind="president")
    article = Article.objects.create(canonical_url="https://news.example/a", title="A story", text="...")
    mention = Mention.objects.create(article=article, letter=letter, evidence="...")
    # In this order, so a superuser's delete of one row does not cascade into the next.
    return {"tracker.mention": mention, "tracker.article": article, "letters.letter": letter}


def may_delete(role: str, label: str) -> bool:
    # An editor may delete letters, but not this one: it would cascade into a news mention, which
    # is the reviewers' (Django's delete view requires delete permission on every cascaded row).
    return role == "superuser"


@pytest.mark.parametrize("role", ["viewer", "editor", "reviewer", "superuser"])
def test_admin_change_and_delete_follow_the_roles(staff, admin_rows, role):
    client = client_for(staff[role])
    for label, row in admin_rows.items():
        app, model = label.split(".")
        change = client.get(reverse(f"admin:{app}_{model}_change", args=[row.pk]))
        assert change.status_code == (200 if may_view(role, label) else 403), (label, role)
        # A read-only view has no save button; a writer's has one.
        assert (b'name="_save"' in change.content) == may_change(role, label), (label, role)
        delete = client.post(reverse(f"admin:{app}_{model}_delete", args=[row.pk]), {"post": "yes"})
        assert (delete.status_code == 302) == may_delete(role, label), (label, role, delete.status_code)
        assert type(row).objects.filter(pk=row.pk).exists() != may_delete(role, label)


def test_an_editor_deletes_a_letter_nobody_else_depends_on(staff):
    from letters.models import Letter
    from letters.services import letter_create

    letter = letter_create(title="Draft to delete", kind="agency")
    response = client_for(staff["editor"]).post(
        reverse("admin:letters_letter_delete", args=[letter.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Letter.objects.filter(pk=letter.pk).exists()


def test_a_viewer_cannot_run_admin_review_actions(staff, admin_rows):
    from tracker.models import Mention, ReviewStatus

    mention = admin_rows["tracker.mention"]
    for role, allowed in (("viewer", False), ("editor", False), ("reviewer", True)):
        Mention.objects.filter(pk=mention.pk).update(status=ReviewStatus.PENDING)
        client_for(staff[role]).post(
            reverse("admin:tracker_mention_changelist"),
            {"action": "reject", "_selected_action": [mention.pk]},
        )
        mention.refresh_from_db()
        assert (mention.status == ReviewStatus.REJECTED) == allowed, role


def test_admin_writes_need_a_csrf_token(staff, admin_rows):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff["superuser"])
    letter = admin_rows["letters.letter"]

    response = client.post(reverse("admin:letters_letter_delete", args=[letter.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert type(letter).objects.filter(pk=letter.pk).exists()


# --- Login brute force -----------------------------------------------------------------------


def _login(client: Client, username: str, password: str, ip: str = "203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def test_admin_login_locks_out_after_repeated_failures(staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    codes = [_login(client, "root", "wrong-guess").status_code for _ in range(3)]
    assert codes == [200, 200, 429]  # the form again, twice; then locked

    locked = _login(client, "root", "pw-root-long")  # the right password, too late

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # The lockout is per username and address: the same account from another address still
    # works (so an attacker cannot lock staff out), and is also limited there.
    assert _login(Client(), "root", "pw-root-long", ip="198.51.100.9").status_code == 302


def test_a_successful_login_resets_the_failure_count(staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    _login(client, "viewer", "nope")
    _login(client, "viewer", "nope")
    assert _login(client, "viewer", "pw-viewer-long").status_code == 302
    client.logout()
    _login(client, "viewer", "nope")
    assert _login(client, "viewer", "pw-viewer-long").status_code == 302


# --- Deployment settings and headers ----------------------------------------------------------


def test_check_deploy_passes_with_no_warnings_under_production_settings(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "signatory.example.org",
        "SIGNATORY_VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_a_missing_secret_and_default_to_secure_cookies(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DEBUG": "0",
        "SIGNATORY_VAR_DIR": str(tmp_path / "var"),
    }
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS > 0)"
    )
    missing = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert missing.returncode != 0
    assert "SECRET_KEY must be set" in missing.stderr
    ok = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "SECRET_KEY": secrets.token_urlsafe(50)},
        capture_output=True,
        text=True,
    )
    assert ok.stdout.split() == ["True", "True", "True", "True"], ok.stderr


def test_the_dashboard_and_admin_carry_a_strict_content_security_policy(staff):
    client = client_for(staff["viewer"])
    for url in ("/dashboard/", "/admin/"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = dict(
            part.strip().split(" ", 1)
            for part in response["Content-Security-Policy"].split(";")
            if part.strip()
        )
        assert policy["default-src"] == "'self'"
        assert policy["script-src"] == "'self'", "no inline or eval'd script"
        assert policy["frame-ancestors"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"

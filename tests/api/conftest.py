from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.api import builders


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Throttle counters and cached stats live in the cache: each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(db) -> dict:
    return {
        "anonymous": None,
        "no_role": builders.user("norole"),
        "viewer": builders.user("viewer", "viewer"),
        "editor": builders.user("editor", "editor"),
        "reviewer": builders.user("reviewer", "reviewer"),
        "superuser": builders.user("admin", superuser=True),
    }


@pytest.fixture
def client_as(users):
    def make(role: str) -> APIClient:
        client = APIClient()
        if users[role] is not None:
            client.force_authenticate(users[role])
        return client

    return make


@pytest.fixture
def ukraine(db) -> dict:
    """The seed case in miniature: a bipartisan caucus letter, and a same-day Republican letter."""
    kaptur = builders.member("Kaptur", first="Marcy", party="D", state="OH", district=9, bioguide="K000009")
    dem = builders.member("Dove", party="D", state="NY", district=3)
    rep = builders.member("Roe", party="R", state="TX", district=5)
    rep2 = builders.member("Rigg", party="R", state="OH", district=2)
    senator = builders.member("Sands", party="D", state="OH", chamber="senate")
    caucus = builders.caucus("Ukraine Caucus", kaptur, rep, dem)
    caucus_letter = builders.letter(
        "Lift limits on long-range weapons",
        lead=kaptur,
        signers=(dem, rep),
        policies=(("Ukraine long-range strikes", "change"),),
        caucuses=(caucus,),
        stated_counts={"total": 25, "D": 20, "R": 5},
        counts_are_minimum=True,
    )
    atacms = builders.letter(
        "ATACMS restrictions",
        lead=rep2,
        signers=(rep,),
        policies=(("Ukraine long-range strikes", "change"),),
        kind="president",
    )
    older = builders.letter(
        "Older appeal", sent_on=__import__("datetime").date(2023, 5, 2), lead=dem, kind="agency"
    )
    return {
        "kaptur": kaptur,
        "dem": dem,
        "rep": rep,
        "rep2": rep2,
        "senator": senator,
        "caucus": caucus,
        "caucus_letter": caucus_letter,
        "atacms": atacms,
        "older": older,
    }

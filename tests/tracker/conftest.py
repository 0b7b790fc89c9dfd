"""Fixtures for ingest tests: a local web site, loopback fetching allowed, eager Celery, builders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from tests.tracker.site import LocalSite


@pytest.fixture
def site():
    local = LocalSite().start()
    yield local
    local.stop()


@pytest.fixture
def fetch_settings(settings):
    """Loopback allowed (the local site), no per-host pause, short timeouts."""
    settings.FETCH_ALLOW_LOOPBACK = True
    settings.FETCH_HOST_INTERVAL = 0
    settings.FETCH_CONNECT_TIMEOUT = 2
    settings.FETCH_READ_TIMEOUT = 1
    settings.FETCH_TOTAL_TIMEOUT = 3
    settings.FETCH_MAX_BYTES = 256 * 1024
    # Per-host pacing stays in-process: with CI's Redis broker it would otherwise share slots
    # (and their TTLs) between tests.
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"
    cache.clear()
    from tracker import fetching

    fetching._robots_local.clear()
    return settings


@pytest.fixture
def eager_tasks(fetch_settings):
    """Run queued tasks in-process; combine with django_capture_on_commit_callbacks(execute=True)."""
    from config.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


def make_member(
    bioguide: str,
    first: str,
    last: str,
    *,
    chamber: str = "house",
    state: str = "OH",
    party: str = "D",
    district: int | None = 9,
    start: dt.date = dt.date(2023, 1, 3),
    end: dt.date = dt.date(2025, 1, 3),
):
    from members.models import Member, Term

    member = Member.objects.create(bioguide=bioguide, first_name=first, last_name=last)
    Term.objects.create(
        member=member,
        chamber=chamber,
        state=state,
        district=district if chamber == "house" else None,
        party=party,
        party_name={"D": "Democrat", "R": "Republican"}.get(party, "Independent"),
        start=start,
        end=end,
    )
    return member


@pytest.fixture
def kaptur(db):
    return make_member("K000009", "Marcy", "Kaptur", state="OH", district=9, party="D")


@pytest.fixture
def fitzpatrick(db):
    return make_member("F000466", "Brian", "Fitzpatrick", state="PA", district=1, party="R")


@pytest.fixture
def wilson(db):
    return make_member("W000795", "Joe", "Wilson", state="SC", district=2, party="R")


class FakeEngine:
    """Stands in for the extraction engine where a test is about storage, not extraction.

    ``reports(text)`` and ``members(text)`` return what the engine would find.
    """

    def __init__(self) -> None:
        self.calls = 0
        self.reports = lambda text: []
        self.members = lambda text: []

    def __call__(self, article):
        from tracker.extraction.findings import ArticleAnalysis

        self.calls += 1
        return ArticleAnalysis(letters=self.reports(article.text), members=self.members(article.text))


@pytest.fixture
def fake_engine(monkeypatch):
    engine = FakeEngine()
    monkeypatch.setattr("tracker.services.run_engine", engine)
    return engine


def letter_report(text: str, phrase: str, *, matched_letter=None, confidence=0.9, **fields):
    """A LetterReport whose evidence is ``phrase`` as found in ``text``."""
    from tracker.extraction.findings import LetterReport, NamedMember

    start = text.index(phrase)
    defaults = {
        "sent_on": dt.date(2024, 9, 10),
        "chamber": "house",
        "recipients": ["Joe Biden"],
        "leads": [NamedMember("Marcy Kaptur", "K000009")],
        "signers": [],
        "party_counts": {"D": 20, "R": 5},
        "total_signers": 25,
        "counts_are_minimum": True,
        "ask": "lift limits on long-range weapons",
    }
    defaults.update(fields)
    if defaults["leads"] and not isinstance(defaults["leads"][0], NamedMember):
        defaults["leads"] = [NamedMember(*p) for p in defaults["leads"]]
    if defaults["signers"] and not isinstance(defaults["signers"][0], NamedMember):
        defaults["signers"] = [NamedMember(*p) for p in defaults["signers"]]
    return LetterReport(
        evidence=phrase,
        evidence_start=start,
        evidence_end=start + len(phrase),
        confidence=confidence,
        matched_letter=matched_letter,
        match_score=0.9 if matched_letter else 0.0,
        **defaults,
    )


@pytest.fixture
def letters_seed(db, kaptur):
    """The tracked Kaptur letter of 2024-09-10 (to President Biden)."""
    from letters.services import letter_create

    return letter_create(
        title="Kaptur letter to Biden on long-range weapons",
        sent_on=dt.date(2024, 9, 10),
        chamber="house",
        recipients=["Joe Biden"],
    )

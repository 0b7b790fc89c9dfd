"""Fixtures for fault tests: real worker processes on the test PostgreSQL database and a Redis broker."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection

from tests.reliability.workers import CeleryProcess, RedisServer, free_port_in
from tests.tracker.site import LocalSite, article_html

# Claims are leased for 2 x CELERY_TASK_TIME_LIMIT; with these values a redelivered message
# (after the visibility timeout) finds its dead worker's claim expired, as in production
# (lease 360 s < visibility 3600 s), only thousands of times faster.
FAST_BROKER_ENV = {
    "CELERY_TASK_TIME_LIMIT": "1",
    "CELERY_TASK_SOFT_TIME_LIMIT": "1",
    "CELERY_VISIBILITY_TIMEOUT": "3",
    "CELERY_UNACKED_RESTORE_INTERVAL": "1",
}
# Throwaway redis-servers for restart tests live here, away from the shared one on 6379.
OWN_REDIS_PORTS = (6390, 6399)


def database_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def news_site():
    site = LocalSite().start()
    yield site
    site.stop()


@pytest.fixture
def fault_rig(request, postgres_db, redis_url, point_app_at, tmp_path, news_site):
    """Everything a fault test needs; PostgreSQL only (SQLite cannot be shared with worker processes).

    Yields a namespace with ``env(**overrides)``, ``worker(name, **env)``, ``beat(**env)``,
    ``redis(port)``, the broker URL and the local news site. Every process is stopped at the end.
    """
    import redis as redis_lib

    redis_lib.Redis.from_url(redis_url).flushdb()
    processes: list[CeleryProcess] = []
    servers: list[RedisServer] = []

    class Rig:
        broker_url = redis_url
        site = news_site

        @staticmethod
        def env(**overrides: str) -> dict[str, str]:
            env = {
                key: value
                for key, value in os.environ.items()
                if not key.startswith(("CELERY_", "DATABASE_", "REDIS_", "FETCH_"))
            }
            env.update(
                SIGNATORY_DEV="1",
                SIGNATORY_VAR_DIR=str(tmp_path / "var"),
                DATABASE_URL=database_url(),
                CELERY_BROKER_URL=Rig.broker_url,
                REDIS_URL="",
                FETCH_ALLOW_LOOPBACK="1",
                FETCH_HOST_INTERVAL="0",
                FETCH_RESPECT_ROBOTS="0",
                FETCH_READ_TIMEOUT="10",
                FETCH_TOTAL_TIMEOUT="20",
                LOG_LEVEL="INFO",
                PYTHONUNBUFFERED="1",
                **FAST_BROKER_ENV,
            )
            env.update(overrides)
            return env

        @staticmethod
        def worker(
            name: str, *, concurrency: int = 2, extra_args: tuple[str, ...] = (), **env
        ) -> CeleryProcess:
            process = CeleryProcess(
                "worker",
                Rig.env(**env),
                tmp_path / f"{name}.log",
                [
                    "-P",
                    "prefork",
                    "-c",
                    str(concurrency),
                    "-n",
                    f"{name}@%h",
                    "-l",
                    "INFO",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    *extra_args,
                ],
            )
            processes.append(process)
            return process.start(ready_text=" ready.")

        @staticmethod
        def beat(**env) -> CeleryProcess:
            process = CeleryProcess(
                "beat",
                Rig.env(**env),
                tmp_path / "beat.log",
                ["-l", "INFO", "-s", str(tmp_path / "beat-schedule"), "--max-interval", "1"],
            )
            processes.append(process)
            return process.start(ready_text="beat: Starting")

        @staticmethod
        def redis() -> RedisServer:
            server = RedisServer(free_port_in(*OWN_REDIS_PORTS), tmp_path)
            servers.append(server)
            return server.start()

        @staticmethod
        def logs(tail: int | None = None) -> str:
            return "\n".join(f"--- {p.log_path.name}\n{p.log()[-tail if tail else 0 :]}" for p in processes)

    point_app_at(redis_url, {"visibility_timeout": 3})
    yield Rig
    for process in processes:
        process.stop()
    for server in servers:
        server.kill()
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        sys.stderr.write(Rig.logs(tail=4000))


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# --- The news: members, a tracked letter, and stories that name them --------------------------


@pytest.fixture
def newsroom(db):
    """Kaptur (lead) and Fitzpatrick, the tracked 2024-09-10 letter, and a story builder."""
    from letters.services import letter_create, signature_add
    from tests.tracker.conftest import make_member

    kaptur = make_member("K000009", "Marcy", "Kaptur", state="OH", district=9, party="D")
    make_member("F000466", "Brian", "Fitzpatrick", state="PA", district=1, party="R")
    letter = letter_create(
        title="Kaptur letter to Biden on long-range weapons",
        sent_on=dt.date(2024, 9, 10),
        chamber="house",
        recipients=["Joe Biden"],
    )
    signature_add(letter=letter, member=kaptur, role="lead")
    return letter


def story_text(n: int) -> str:
    """Story ``n``: distinct text (no duplicate detection), one letter report, two members named."""
    return (
        f"Report number {n} from the capital. At least 20 House Democrats and five House Republicans "
        "sent President Joe Biden a letter on Sept. 10, 2024, led by Rep. Marcy Kaptur, asking him to "
        "lift limits on Ukraine's use of long-range weapons. Rep. Brian Fitzpatrick also signed. "
        f"Kaptur said the limits cost lives (item {n})."
    )


def serve_story(site: LocalSite, n: int, **route_options) -> str:
    return site.add(f"/story/{n}", article_html(f"Story {n}", [story_text(n)]), **route_options)


@pytest.fixture
def stories(news_site) -> Callable[..., list[str]]:
    def make(count: int, **route_options) -> list[str]:
        return [serve_story(news_site, n, **route_options) for n in range(count)]

    return make


def article_outcomes() -> dict[str, object]:
    """What the pipeline left in the database, per article: the things "exactly once" is about."""
    from tracker.models import Article

    rows = {}
    for article in Article.objects.prefetch_related(
        "member_mentions__member", "mentions", "proposed_letters"
    ):
        rows[article.canonical_url] = {
            "fetch": article.fetch_status,
            "analysis": article.analysis_status,
            "members": sorted((m.member.bioguide, m.count) for m in article.member_mentions.all()),
            "letter_findings": len(article.mentions.all()) + len(article.proposed_letters.all()),
        }
    return rows


EXPECTED_OUTCOME = {
    "fetch": "fetched",
    "analysis": "done",
    "members": [("F000466", 1), ("K000009", 2)],
    "letter_findings": 1,
}


def iter_lines(path: Path) -> Iterator[str]:
    yield from path.read_text(errors="replace").splitlines()

"""API load benchmark: a large PostgreSQL database served by gunicorn, measured against a trivial view.

Seeds ~12,000 members (with historical terms), 20,000 letters, 300,000 signatures, 200,000
articles and 50,000 mentions with COPY, starts gunicorn on 127.0.0.1, and measures p50/p95
latency and requests/s of the letter list, letter detail, whip list and stats endpoints, next to
/api/v1/ping/ (no database, no auth) measured in the same run as the ceiling.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/api .venv/bin/python bench/api_load.py

Options: --skip-seed (reuse the seeded database), --seconds N per endpoint, --clients N,
--workers N (gunicorn). Aims (issue 5): p95 < 50 ms for list/detail pages of 50, < 150 ms for
stats, and at least a third of the trivial view's throughput.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N_MEMBERS = 12_000
N_LETTERS = 20_000
N_SIGNATURES = 300_000
N_ARTICLES = 200_000
N_MENTIONS = 50_000
N_POLICIES = 200
N_CAUCUSES = 100
N_COMMITTEES = 60
STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
]
FIRST_CONGRESS_YEAR = 1789


def congress_start(congress: int) -> dt.date:
    return dt.date(FIRST_CONGRESS_YEAR + 2 * (congress - 1), 1, 3)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _copy(model, rows: list[dict]) -> None:
    """COPY rows into a model's table, filling unspecified fields with their defaults."""
    from django.db import connection
    from django.utils import timezone

    fields = [f for f in model._meta.concrete_fields if not f.primary_key or f.attname in rows[0]]
    columns = ", ".join(f'"{f.column}"' for f in fields)
    now = timezone.now()
    defaults = {}
    for f in fields:
        if f.attname in rows[0]:
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = now
        elif f.has_default():
            value = f.get_default()
            defaults[f.attname] = json.dumps(value) if isinstance(value, (list, dict)) else value
        else:
            defaults[f.attname] = None if f.null else ""
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                out = []
                for f in fields:
                    value = row[f.attname] if f.attname in row else defaults[f.attname]
                    if isinstance(value, (list, dict)):
                        value = json.dumps(value)
                    elif isinstance(value, dt.timedelta):
                        value = f"{value.total_seconds()} seconds"
                    out.append(value)
                copy.write_row(out)


def seed(rng: random.Random) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from letters.models import Letter, LetterPolicy, Policy, Signature, congress_on
    from members.models import Caucus, CaucusMembership, Committee, CommitteeMembership, Member, Term
    from tracker.models import Article, Mention, Source

    started = time.perf_counter()
    # TRUNCATE of every table, sequences reset; post_migrate then recreates the role groups.
    call_command("flush", interactive=False, verbosity=0)

    # Members and their careers: consecutive House terms (2 years) or Senate terms (6 years).
    members, terms, serving = [], [], {}
    term_id = 0
    for i in range(1, N_MEMBERS + 1):
        members.append(
            {
                "id": i,
                "bioguide": f"B{i:06d}",
                "first_name": rng.choice(["Pat", "Sam", "Alex", "Jo", "Chris", "Lee", "Kim", "Max"]),
                "last_name": f"Member{i}",
            }
        )
        chamber = "senate" if rng.random() < 0.2 else "house"
        party = rng.choices("DRI", weights=(48, 48, 4))[0]
        state = rng.choice(STATES)
        district = None if chamber == "senate" else rng.randint(1, 20)
        # Careers spread over the whole history, as in the real data: ~500 members per Congress.
        first = rng.randint(1, 118)
        length = rng.randint(1, 8) if chamber == "house" else rng.randint(1, 3)
        step = 1 if chamber == "house" else 3
        for n in range(length):
            congress = first + n * step
            if congress > 119:
                break
            term_id += 1
            start, end = congress_start(congress), congress_start(congress + step)
            terms.append(
                {
                    "id": term_id,
                    "member_id": i,
                    "chamber": chamber,
                    "state": state,
                    "district": district,
                    "party": party,
                    "party_name": {"D": "Democrat", "R": "Republican", "I": "Independent"}[party],
                    "start": start,
                    "end": end,
                    "phone": "202-225-0000",
                }
            )
            for c in range(congress, congress + step):
                serving.setdefault(c, []).append((i, party, chamber, state, district))
    _copy(Member, members)
    _copy(Term, terms)

    caucuses, caucus_members = [], []
    membership_id = 0
    for c in range(1, N_CAUCUSES + 1):
        caucuses.append({"id": c, "name": f"Caucus {c}", "slug": f"caucus-{c}", "chamber": "house"})
        pool = serving[118]
        for member_id, *_ in rng.sample(pool, min(len(pool), rng.randint(20, 80))):
            membership_id += 1
            caucus_members.append(
                {"id": membership_id, "caucus_id": c, "member_id": member_id, "role": "member"}
            )
    _copy(Caucus, caucuses)
    _copy(CaucusMembership, caucus_members)

    committees, committee_members = [], []
    cm_id = 0
    for c in range(1, N_COMMITTEES + 1):
        committees.append({"id": c, "thomas_id": f"HS{c:02d}", "name": f"Committee {c}", "chamber": "house"})
        for member_id, *_ in rng.sample(serving[119], 30):
            cm_id += 1
            committee_members.append({"id": cm_id, "committee_id": c, "member_id": member_id})
    _copy(Committee, committees)
    _copy(CommitteeMembership, committee_members)

    policies = [{"id": p, "name": f"Policy {p}", "slug": f"policy-{p}"} for p in range(1, N_POLICIES + 1)]
    _copy(Policy, policies)

    letters, links, signatures = [], [], []
    link_id = sig_id = 0
    per_letter = N_SIGNATURES // N_LETTERS
    kinds = ["president", "agency", "company", "foreign", "dear_colleague", "leadership", "other"]
    for i in range(1, N_LETTERS + 1):
        sent_on = dt.date(2001, 1, 10) + dt.timedelta(days=rng.randint(0, 24 * 365))
        congress = congress_on(sent_on)
        letters.append(
            {
                "id": i,
                "title": f"Letter {i} on policy",
                "slug": f"letter-{i}",
                "ask": "Do the thing",
                "sent_on": sent_on,
                "status": "sent",
                "kind": rng.choice(kinds),
                "chamber": "house",
                "congress": congress,
                "coverage_count": 0,
            }
        )
        for policy_id in rng.sample(range(1, N_POLICIES + 1), rng.randint(1, 2)):
            link_id += 1
            links.append({"id": link_id, "letter_id": i, "policy_id": policy_id, "stance": "support"})
        pool = serving.get(congress) or serving[118]
        count = rng.randint(max(1, per_letter - 10), per_letter + 10)
        for n, (member_id, party, chamber, state, district) in enumerate(
            rng.sample(pool, min(count, len(pool)))
        ):
            sig_id += 1
            signatures.append(
                {
                    "id": sig_id,
                    "letter_id": i,
                    "member_id": member_id,
                    "role": "lead" if n == 0 else "signer",
                    "party_at_signing": party,
                    "chamber_at_signing": chamber,
                    "state_at_signing": state,
                    "district_at_signing": district,
                    "added_on": sent_on,
                    "source": "import",
                }
            )
    _copy(Letter, letters)
    _copy(LetterPolicy, links)
    _copy(Signature, signatures)

    _copy(
        Source,
        [{"id": s, "name": f"Source {s}", "url": f"https://news{s}.example/feed"} for s in range(1, 51)],
    )
    base = dt.datetime(2005, 1, 1, tzinfo=dt.UTC)
    articles = [
        {
            "id": a,
            "canonical_url": f"https://news{a % 50 + 1}.example/story/{a}",
            "url": f"https://news{a % 50 + 1}.example/story/{a}",
            "title": f"Lawmakers send letter {a}",
            "published_at": base + dt.timedelta(minutes=a * 97),
            "source_id": a % 50 + 1,
            "text": "Members of Congress sent a letter on Tuesday asking the agency to act. " * 4,
            "content_hash": f"{a:064x}",
            "fetch_status": "fetched",
            "analysis_status": "done",
        }
        for a in range(1, N_ARTICLES + 1)
    ]
    _copy(Article, articles)
    mentions = [
        {
            "id": m,
            "article_id": m * (N_ARTICLES // N_MENTIONS),
            "letter_id": rng.randint(1, N_LETTERS),
            "evidence": "sent a letter",
            "confidence": rng.random(),
            "score": rng.random(),
            "status": rng.choice(["pending", "confirmed", "rejected"]),
        }
        for m in range(1, N_MENTIONS + 1)
    ]
    _copy(Mention, mentions)

    with connection.cursor() as cursor:
        for model in (Member, Term, Caucus, CaucusMembership, Committee, CommitteeMembership, Policy,
                      Letter, LetterPolicy, Signature, Source, Article, Mention):  # fmt: skip
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}"  # noqa: S608
            )
        # What autovacuum would have done by now: statistics and the visibility map (index-only scans).
        cursor.execute("VACUUM ANALYZE")
    counts = {
        "members": len(members),
        "terms": len(terms),
        "letters": len(letters),
        "signatures": len(signatures),
        "articles": len(articles),
        "mentions": len(mentions),
    }
    print(f"seeded {counts} in {time.perf_counter() - started:.1f} s")
    return counts


def api_token() -> str:
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    user, _ = User.objects.get_or_create(username="bench", defaults={"is_superuser": True, "is_staff": True})
    token, _ = Token.objects.get_or_create(user=user)
    return token.key


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client_loop(args: tuple) -> list[float]:
    import httpx

    base, paths, token, seconds = args
    # A fresh seed per slice: the same URLs again would turn "uncached" stats into cache hits.
    rng = random.Random(f"{os.getpid()}-{time.time_ns()}")
    latencies = []
    headers = {"Authorization": f"Token {token}", "Accept": "application/json"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            path = rng.choice(paths).replace("{rand}", str(rng.randint(1, 10**9)))
            path = path.replace("{letter}", str(rng.randint(1, N_LETTERS)))
            t0 = time.perf_counter()
            response = client.get(path)
            latencies.append(time.perf_counter() - t0)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code} {response.text[:200]}")
    return latencies


def measure_all(
    base: str,
    token: str,
    scenarios: list[tuple[str, list[str]]],
    *,
    seconds: float,
    clients: int,
    slice_s: float,
) -> list[dict]:
    """Measure every scenario in short interleaved slices.

    On a shared machine the background load drifts; cycling through the endpoints (rather than
    running each for one long stretch) exposes them all, ping included, to the same conditions,
    so the ratios to the ceiling stay meaningful.
    """
    latencies: dict[str, list[float]] = {name: [] for name, _ in scenarios}
    elapsed: dict[str, float] = dict.fromkeys(latencies, 0.0)
    with mp.get_context("spawn").Pool(clients) as pool:
        for _name, paths in scenarios:
            # Warm-up: each worker's connections, caches and lazily imported code.
            pool.map(_client_loop, [(base, paths, token, 0.5)] * clients)
        for _ in range(max(1, round(seconds / slice_s))):
            for name, paths in scenarios:
                started = time.perf_counter()
                chunks = pool.map(_client_loop, [(base, paths, token, slice_s)] * clients)
                elapsed[name] += time.perf_counter() - started
                latencies[name].extend(latency for chunk in chunks for latency in chunk)
    results = []
    for name, _ in scenarios:
        values = sorted(latencies[name])
        results.append(
            {
                "name": name,
                "requests": len(values),
                "rps": len(values) / elapsed[name],
                "p50_ms": statistics.median(values) * 1000,
                "p95_ms": values[max(0, int(len(values) * 0.95) - 1)] * 1000,
            }
        )
    return results


def service_times(token: str, scenarios: list[tuple[str, list[str]]], *, repeat: int) -> list[dict]:
    """Per-request time inside one process (Django test client, no HTTP, no concurrency).

    Less sensitive than the HTTP figures to other work on a shared machine: what one request
    costs the server, with its number of queries.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(
        HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Token {token}", HTTP_ACCEPT="application/json"
    )
    rng = random.Random(7)
    out = []
    for name, paths in scenarios:
        times, queries = [], 0
        for n in range(repeat + 1):
            path = rng.choice(paths).replace("{rand}", str(rng.randint(1, 10**9)))
            path = path.replace("{letter}", str(rng.randint(1, N_LETTERS)))
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.get(path)
                took = time.perf_counter() - started
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
            if n:  # the first call warms imports and caches
                times.append(took)
                queries = len(ctx.captured_queries)
        times.sort()
        out.append(
            {
                "name": name,
                "p50_ms": statistics.median(times) * 1000,
                "p95_ms": times[max(0, int(len(times) * 0.95) - 1)] * 1000,
                "queries": queries,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=30, help="in-process service-time samples per endpoint")
    parser.add_argument("--slice", type=float, default=1.0, help="seconds per endpoint per round")
    args = parser.parse_args()

    if "postgres" not in os.environ.get("DATABASE_URL", ""):
        sys.exit("Set DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> (the benchmark needs PostgreSQL).")
    os.environ.setdefault("SIGNATORY_DEV", "1")
    os.environ.setdefault("SIGNATORY_VAR_DIR", "/tmp/api-bench-var")
    # One staff token making thousands of requests: lift the per-user rate for the run.
    os.environ["API_THROTTLE_USER"] = "100000000/min"
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not args.skip_seed:
        seed(random.Random(2024))
    token = api_token()
    from django.db import connection

    connection.close()

    port = free_port()
    env = dict(os.environ, DEBUG="0")
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(100):
            try:
                httpx.get(base + "/api/v1/ping/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        scenarios = [
            ("ping (ceiling)", ["/api/v1/ping/"]),
            ("letter list (page of 50)", ["/api/v1/letters/", "/api/v1/letters/?page=7"]),
            (
                "letter list filtered",
                ["/api/v1/letters/?congress=115&bipartisan=true", "/api/v1/letters/?policy=policy-17"],
            ),
            ("letter detail", ["/api/v1/letters/{letter}/"]),
            ("member list (page of 50)", ["/api/v1/members/"]),
            (
                "whip list (letter x House, uncached)",
                ["/api/v1/stats/whip-list/?letter={letter}&chamber=house&n={rand}"],
            ),
            ("stats letters-over-time (uncached)", ["/api/v1/stats/letters-over-time/?by=kind&n={rand}"]),
            ("stats party-split policy (uncached)", ["/api/v1/stats/party-split/?policy=policy-3&n={rand}"]),
            ("stats bipartisanship (uncached)", ["/api/v1/stats/bipartisanship/?n={rand}"]),
            ("stats letters-over-time (cached)", ["/api/v1/stats/letters-over-time/?by=kind"]),
        ]
        load_before = os.getloadavg()
        results = measure_all(
            base, token, scenarios, seconds=args.seconds, clients=args.clients, slice_s=args.slice
        )
        load_after = os.getloadavg()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    service = service_times(token, scenarios, repeat=args.repeat)
    ceiling = results[0]["rps"]
    print(
        f"\n{args.workers} gunicorn workers, {args.clients} client processes, "
        f"{args.seconds:.0f} s per endpoint in {args.slice:g} s slices, {os.cpu_count()} CPUs, "
        f"load average {load_before[0]:.1f} before / {load_after[0]:.1f} after"
    )
    print(f"{'endpoint':42} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'vs ping':>8}")
    for r in results:
        print(
            f"{r['name']:42} {r['rps']:8.1f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['rps'] / ceiling:8.2f}"
        )
    print(f"\nin-process service time, one request at a time ({args.repeat} samples each)")
    print(f"{'endpoint':42} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for r in service:
        print(f"{r['name']:42} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['queries']:8d}")


if __name__ == "__main__":
    main()

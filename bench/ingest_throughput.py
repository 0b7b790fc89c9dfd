"""Benchmark: articles/s through the whole ingest pipeline vs trafilatura extraction alone.

    .venv/bin/python bench/ingest_throughput.py [--articles 1000] [--concurrency 1] [--workers 1]

A local HTTP server (127.0.0.1, in this process) serves a feed of N generated article pages
naming real members (from the bundled snapshot, loaded with import_members). Celery worker
processes on Redis + PostgreSQL poll the feed, fetch every page, extract its text, run the
extraction engine and store mentions / proposals / members named. The clock runs from the
poll task being queued to the last article analysed (after a warm-up article, so one-off
index builds are not counted). The ceiling is trafilatura alone on the same pages, one core,
in the same run; the ratio compares the pipeline per worker process slot against it.

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_ingest, created if
missing) and CELERY_BROKER_URL (default redis://127.0.0.1:6379/9, flushed at start).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/bench_ingest"
DEFAULT_BROKER = "redis://127.0.0.1:6379/9"

FILLER = [
    "Officials in several capitals said talks would continue next week, though no date was set.",
    "Analysts noted that the measure faces an uncertain path in the Senate, where floor time is scarce.",
    "The administration has not publicly responded, a spokesperson said on Wednesday.",
    "Advocacy groups welcomed the move but said more needed to be done before the end of the year.",
    "The committee is expected to hold a hearing on the issue later this month, aides said.",
    "Budget negotiators have until the end of the fiscal year to reach an agreement.",
    "Local officials said the impact on their communities had been significant and lasting.",
    "A senior aide, speaking on condition of anonymity, described the discussions as constructive.",
]
ASKS = [
    "to lift restrictions on long-range weapons",
    "to reconsider the proposed rule on pharmacy benefit managers",
    "to release the frozen disaster relief funds",
    "to expand access to broadband in rural counties",
    "to investigate price gouging by meatpackers",
]
RECIPIENTS = [
    "President Joe Biden",
    "Secretary of State Antony Blinken",
    "Defense Secretary Lloyd Austin",
    "Health and Human Services Secretary Xavier Becerra",
]


def configure_environment(args) -> None:
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["CELERY_BROKER_URL"] = args.broker_url
    os.environ["REDIS_URL"] = args.broker_url
    os.environ["SIGNATORY_DEV"] = "1"
    os.environ["FETCH_ALLOW_LOOPBACK"] = "1"
    os.environ["FETCH_HOST_INTERVAL"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("SIGNATORY_VAR_DIR", tempfile.mkdtemp(prefix="bench-ingest-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(ROOT))


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


class Pages:
    """The generated site: /feed.xml, /robots.txt and /a/<n> article pages."""

    def __init__(self, members: list[tuple[str, str, str, str]], count: int, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.pages: dict[str, bytes] = {}
        # What each page reports: (lead bioguide, chamber, sent_on, recipient, ask).
        self.reports: dict[int, tuple[str, str, dt.date, str, str]] = {}
        published = dt.datetime(2024, 3, 14, 12, tzinfo=dt.UTC)
        for n in range(count + 1):  # page 0 is the warm-up article
            self.pages[f"/a/{n}"] = self._page(n, rng, members, self.reports).encode("utf-8")
        self.published = format_datetime(published, usegmt=True)

    @staticmethod
    def _page(n: int, rng: random.Random, members, reports) -> str:
        lead = rng.choice(members)
        others = rng.sample(members, 3)
        ask = rng.choice(ASKS)
        recipient = rng.choice(RECIPIENTS)
        day = rng.randint(1, 12)
        reports[n] = (lead[2], lead[3], dt.date(2024, 3, day), recipient, ask)
        title_word = "Senators" if lead[3] == "senate" else "Lawmakers"
        title = f"{title_word} press {recipient.split()[-1]} {ask.split()[1]} (report {n})"
        paragraphs = [
            f"WASHINGTON - {'Sen.' if lead[3] == 'senate' else 'Rep.'} {lead[0]} {lead[1]} led "
            f"{rng.randint(8, 40)} colleagues in sending {recipient} a letter on March {day} "
            f"urging the administration {ask}.",
            f"The letter, also signed by {others[0][0]} {others[0][1]} and {others[1][0]} {others[1][1]}, "
            f"says the delay has hurt constituents. {lead[1]} said in a statement that the request "
            "was urgent.",
        ]
        paragraphs += rng.sample(FILLER, 6)
        paragraphs.append(f"{others[2][0]} {others[2][1]} did not sign. Report number {n} of the series.")
        paragraphs += rng.sample(FILLER, 6)
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        nav = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(30))
        return (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta name='author' content='Staff Reporter'></head><body><header><ul>{nav}</ul></header>"
            f"<main><article><h1>{title}</h1><p class='byline'>By Staff Reporter</p>{body}</article></main>"
            "<aside><h2>Most read</h2><ul><li>Another story</li><li>Yet another story</li></ul></aside>"
            "<footer>Copyright Bench News. All rights reserved.</footer></body></html>"
        )

    def feed(self, base: str, first: int, last: int) -> bytes:
        items = "".join(
            f"<item><title>Report {n}</title><link>{base}/a/{n}?utm_source=rss</link>"
            f"<guid>{base}/a/{n}</guid><pubDate>{self.published}</pubDate></item>"
            for n in range(first, last + 1)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>'
            f"<link>{base}/</link><description>bench</description>{items}</channel></rss>"
        ).encode()


def track_some_letters(pages: Pages, *, every: int) -> int:
    """Track the letter of every ``every``-th page, so those articles become mentions."""
    from letters.models import Letter
    from letters.services import letter_create, signature_add
    from members.models import Member

    Letter.objects.filter(title__startswith="[bench]").delete()
    tracked = 0
    for n, (bioguide, chamber, sent_on, recipient, ask) in pages.reports.items():
        if n == 0 or n % every:
            continue
        letter = letter_create(
            title=f"[bench] letter {n}: {ask}",
            sent_on=sent_on,
            chamber=chamber,
            ask=ask,
            recipients=[recipient],
        )
        signature_add(letter=letter, member=Member.objects.get(bioguide=bioguide), role="lead")
        tracked += 1
    return tracked


def serve(pages: Pages, count: int) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            base = f"http://127.0.0.1:{self.server.server_port}"
            if path == "/warmup.xml":
                body, ctype = pages.feed(base, 0, 0), "application/rss+xml"
            elif path == "/feed.xml":
                body, ctype = pages.feed(base, 1, count), "application/rss+xml"
            elif path in pages.pages:
                body, ctype = pages.pages[path], "text/html; charset=utf-8"
            else:
                body, ctype = b"", "text/plain"
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def trafilatura_ceiling(pages: Pages, count: int) -> float:
    """Pages per second for trafilatura.extract alone (one core, same pages)."""
    import trafilatura

    bodies = [pages.pages[f"/a/{n}"] for n in range(1, count + 1)]
    trafilatura.extract(bodies[0].decode())  # import-time work out of the clock
    start = time.perf_counter()
    for body in bodies:
        trafilatura.extract(body.decode("utf-8"))
    return count / (time.perf_counter() - start)


def start_workers(workers: int, concurrency: int) -> list[subprocess.Popen]:
    procs = []
    for i in range(workers):
        procs.append(
            subprocess.Popen(
                [
                    str(ROOT / ".venv/bin/celery"),
                    "-A",
                    "config",
                    "worker",
                    "--pool=prefork",
                    f"--concurrency={concurrency}",
                    f"--loglevel={os.environ.get('BENCH_WORKER_LOGLEVEL', 'WARNING')}",
                    f"--hostname=bench{i}@%h",
                    "--without-gossip",
                    "--without-mingle",
                ],
                cwd=ROOT,
                env=os.environ.copy(),
                start_new_session=True,
            )
        )
    return procs


def stop_workers(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--concurrency", type=int, default=1, help="pool slots per worker")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_DB)
    parser.add_argument("--broker-url", default=os.environ.get("CELERY_BROKER_URL") or DEFAULT_BROKER)
    parser.add_argument("--skip-import", action="store_true", help="members already imported")
    parser.add_argument("--tracked-every", type=int, default=10, help="track the letter of every Nth page")
    args = parser.parse_args()
    configure_environment(args)
    ensure_database(args.database_url)

    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db.models import Q

    redis.Redis.from_url(args.broker_url).flushdb()
    call_command("migrate", verbosity=0, skip_checks=True)
    from members.models import Member

    if not args.skip_import or not Member.objects.exists():
        t0 = time.perf_counter()
        call_command("import_members", verbosity=0)
        print(f"import_members: {time.perf_counter() - t0:.1f} s")

    from config.celery import app
    from tracker import services, tasks
    from tracker.models import AnalysisStatus, Article, MemberMention, Mention, ProposedLetter, Source

    Article.objects.all().delete()
    Source.objects.all().delete()
    on = dt.date(2024, 3, 14)
    members = list(
        Member.objects.filter(terms__start__lte=on, terms__end__gte=on)
        .filter(Q(terms__chamber="house") | Q(terms__chamber="senate"))
        .values_list("first_name", "last_name", "bioguide", "terms__chamber")
        .distinct()[:400]
    )
    members = [(m[0], m[1], m[2], m[3]) for m in members if m[0] and m[1]]
    if len(members) < 10:
        raise SystemExit("not enough members serving in March 2024: run import_members")
    pages = Pages(members, args.articles)
    track_some_letters(pages, every=args.tracked_every)
    server = serve(pages, args.articles)
    base = f"http://127.0.0.1:{server.server_port}"

    # Measured before and after the pipeline run: a busy machine shifts both alike.
    ceiling_before = trafilatura_ceiling(pages, args.articles)

    procs = start_workers(args.workers, args.concurrency)
    done_states = [AnalysisStatus.DONE, AnalysisStatus.DUPLICATE, AnalysisStatus.FAILED]
    try:
        wait_until(lambda: bool(app.control.ping(timeout=0.5)), 60, "workers")
        # Warm-up: one article through every stage (name index, imports, connections).
        warm = services.source_create(url=f"{base}/warmup.xml", name="warm-up")
        tasks.poll_source.delay(warm.pk)
        wait_until(
            lambda: Article.objects.filter(analysis_status__in=done_states).count() >= 1, 180, "warm-up"
        )

        source = services.source_create(url=f"{base}/feed.xml", name="bench feed")
        start = time.perf_counter()
        tasks.poll_source.delay(source.pk)
        total = args.articles + 1
        wait_until(
            lambda: Article.objects.filter(analysis_status__in=done_states).count() >= total,
            max(300, args.articles),
            "the pipeline",
        )
        elapsed = time.perf_counter() - start
    finally:
        stop_workers(procs)
    ceiling_after = trafilatura_ceiling(pages, args.articles)
    server.shutdown()
    ceiling = (ceiling_before + ceiling_after) / 2

    failed = Article.objects.filter(analysis_status=AnalysisStatus.FAILED).count()
    fetch_failed = Article.objects.filter(fetch_status="failed").count()
    slots = args.workers * args.concurrency
    rate = args.articles / elapsed
    print(f"articles: {args.articles}  worker processes: {args.workers} x concurrency {args.concurrency}")
    print(
        f"stored: {Mention.objects.count()} mentions, {ProposedLetter.objects.count()} proposed letters, "
        f"{MemberMention.objects.count()} member mentions; "
        f"analysis failures {failed}, fetch failures {fetch_failed}"
    )
    print(
        f"pipeline end to end: {rate:8.1f} articles/s  "
        f"({elapsed:.2f} s; {1000 * elapsed / args.articles:.1f} ms/article)"
    )
    print(
        f"trafilatura alone:   {ceiling:8.1f} pages/s     ({1000 / ceiling:.1f} ms/page, one core; "
        f"{ceiling_before:.0f} before, {ceiling_after:.0f} after)"
    )
    per_slot = rate / slots
    print(
        f"ratio pipeline per slot / trafilatura ceiling: {per_slot / ceiling:.2f} "
        f"(pipeline overhead per article: {1000 / per_slot - 1000 / ceiling:.1f} ms beyond extraction)"
    )


if __name__ == "__main__":
    main()

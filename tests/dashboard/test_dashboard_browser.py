"""The dashboard in headless Chromium: log in, charts render, a filter redraws, a mention is confirmed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User

from config.roles import sync_role_groups
from letters.models import Policy
from tests.api import builders
from tracker.models import Article, Mention, ReviewStatus

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(chromium_path, monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself would otherwise be refused as "async unsafe".
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(20_000)
        try:
            yield page
        finally:
            browser.close()


@pytest.fixture
def demo_data(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sync_role_groups()  # a transactional test's flush may have emptied the groups table
    kaptur = builders.member("Kaptur", first="Marcy", party="D", state="OH", district=9, bioguide="K000009")
    dems = [builders.member(f"Dem{n}", party="D", state="NY", district=n + 1) for n in range(4)]
    reps = [builders.member(f"Rep{n}", party="R", state="TX", district=n + 1) for n in range(3)]
    caucus = builders.caucus("Ukraine Caucus", kaptur, *dems[:2], reps[0])
    ukraine = Policy.objects.create(name="Ukraine long-range strikes")
    aid = Policy.objects.create(name="Humanitarian aid")
    main = builders.letter(
        "Lift limits on long-range weapons",
        lead=kaptur,
        signers=(*dems, reps[0]),
        policies=((ukraine, "change"),),
        caucuses=(caucus,),
    )
    builders.letter("ATACMS restrictions", lead=reps[1], signers=(reps[2],), policies=((ukraine, "change"),))
    builders.letter(
        "Food aid <script>alert(1)</script>",
        sent_on=dt.date(2024, 3, 4),
        lead=dems[3],
        signers=(reps[1],),
        policies=((aid, "support"),),
        kind="agency",
    )
    article = Article.objects.create(
        canonical_url="https://news.example/kaptur-letter", title="Lawmakers urge Biden", text="..."
    )
    mention = Mention.objects.create(
        article=article, letter=main, evidence="at least 20 House Democrats and five House Republicans"
    )
    staff = User.objects.create_user(username="staffer", password="a-long-test-password", is_staff=True)
    staff.groups.add(Group.objects.get(name="viewer"), Group.objects.get(name="reviewer"))
    return {"mention": mention, "aid": aid}


def test_dashboard_draws_charts_filters_and_confirms_a_mention(browser_page, live_server, demo_data):
    page = browser_page
    problems: list[str] = []
    failed: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    # The admin login page asks for /favicon.ico, which Signatory does not serve.
    page.on(
        "response",
        lambda r: failed.append(f"{r.status} {r.url}")
        if r.status >= 400 and "favicon" not in r.url
        else None,
    )

    page.goto(f"{live_server.url}/dashboard/")
    assert "/admin/login/" in page.url  # login required
    page.fill("#id_username", "staffer")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/dashboard/")
    page.wait_for_selector("body[data-ready='1']")

    for chart in ("chart-over-time", "chart-party-split", "chart-heatmap"):
        assert page.get_attribute(f"#{chart}", "data-state") == "drawn"
        assert page.locator(f"#{chart} svg.main-svg").count() > 0
    assert page.locator("#chart-party-split .bars .point").count() >= 3
    assert page.locator("#newest-letters tbody tr").count() == 3
    # Titles from the news are text, never markup.
    assert "<script>alert(1)</script>" in page.inner_text("#newest-letters")

    # Choosing a policy redraws the charts for it alone.
    page.select_option("#filter-policy", "humanitarian-aid")
    page.wait_for_selector("body[data-filters='policy=humanitarian-aid']")
    assert page.locator("#newest-letters tbody tr").count() == 1
    assert "Food aid" in page.inner_text("#chart-party-split")

    # Confirming a mention from the review queue.
    mention = demo_data["mention"]
    item = page.locator(f"li[data-mention='{mention.pk}']")
    assert "at least 20 House Democrats" in item.inner_text()
    item.locator("button.confirm").click()
    page.wait_for_selector(f"li[data-mention='{mention.pk}'][data-status='confirmed']")
    # (wait_for_function would need 'unsafe-eval', which the page's CSP rightly refuses)
    page.wait_for_selector("#queue-counts:has-text('confirmed: 1')")
    page.wait_for_load_state("networkidle")
    # Only now read the database from this thread: with in-memory SQLite the live server shares
    # this thread's connection, which must not be used by both at once.
    mention.refresh_from_db()
    assert mention.status == ReviewStatus.CONFIRMED

    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert not failed, failed
    assert not [p for p in problems if not p.startswith("Failed to load resource")], problems


def test_swagger_ui_renders_under_the_content_security_policy(browser_page, live_server):
    page = browser_page
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() > 40
    assert not [p for p in problems if "Content Security Policy" in p], problems

"""Web page fixtures: the live group of the alert tests, and an English-speaking client."""

import os
from pathlib import Path

import pytest

from tests.alerts.conftest import alert_payload, live  # noqa: F401 - fixtures shared


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.cookies["django_language"] = "en"  # wins over the profile language (nl)
    return client


# --- browser tests (tests/web/test_browser_*.py) ----------------------------------------------
# Debian's Chromium through Playwright, never a downloaded browser. People are signed in by
# Django's session cookie (force_login), so these tests do not depend on the sign-in flow.

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "web" / "vendor" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"  # CI artefacts; var/ is git-ignored


@pytest.fixture(scope="module")
def chromium():
    from tests.conftest import close_connections_opened_under_playwright, require_tool

    require_tool(CHROMIUM, "browser tests drive Debian's chromium")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # playwright's loop shares this thread
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield browser
            browser.close()
            close_connections_opened_under_playwright()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def site(server_process):
    """A `buurtwacht runserver` on the test database with this process's secrets."""
    from django.conf import settings
    from django.db import connection

    from buurtwacht.privacy.testing import empty_audit_log

    yield server_process(
        SECRET_KEY=settings.SECRET_KEY,
        FIELD_ENCRYPTION_KEY=settings.FIELD_ENCRYPTION_KEYS,
        BLIND_INDEX_KEY=settings.BLIND_INDEX_KEY,
        REDIS_URL="",
    )
    empty_audit_log(connection)  # police reads are audited; the flush must be able to empty it


@pytest.fixture
def open_as(chromium, site):
    """open_as(user or None, size=PHONE, lang="en", **context options) -> a new page."""
    from django.conf import settings
    from django.test import Client

    contexts = []

    def open_page(user=None, *, size=PHONE, lang="en", **options):
        # bypass_csp: axe is injected as a script tag, which the strict CSP would refuse
        context = chromium.new_context(
            viewport=size, locale={"en": "en-GB"}.get(lang, f"{lang}-BE"), bypass_csp=True,
            **options,
        )  # fmt: skip
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": site}]
        if user is not None:
            client = Client()
            client.force_login(user)
            key = client.cookies[settings.SESSION_COOKIE_NAME].value
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": key, "url": site})
        context.add_cookies(cookies)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        if user is not None:
            _check_signed_in(page, site, user)
        return page

    open_page.base = site
    yield open_page
    for context in contexts:
        context.close()


def _check_signed_in(page, site, user) -> None:
    """The injected session must reach the server before a test relies on it. It once did
    not in the full serial SQLite run: tests/privacy/test_erasure_on_disk.py read the
    database file with open() in this process, which dropped this process's SQLite locks,
    so the server deleted the WAL this process went on writing to (fixed there). Should a
    session not arrive again, fail here, naming the cause to look for first."""
    page.goto(f"{site}/me/channels/")
    assert "/login" not in page.url, (
        f"the test server did not accept {user}'s session: does it see this process's "
        "writes? (on SQLite: a file of the test database opened outside SQLite in this "
        "process drops its locks; see tests/privacy/test_erasure_on_disk.py)"
    )


def axe(page, name: str) -> list[dict]:
    """Run axe-core on the page; fail on any serious or critical violation. Returns all
    violations (minor and moderate ones are reported in var/screenshots/axe.txt)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = result["violations"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with open(SCREENSHOTS / "axe.txt", "a") as log:
        for v in violations:
            log.write(f"{name}\t{v['impact']}\t{v['id']}\t{len(v['nodes'])}\n")
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, f"{name}: {bad}"
    return violations


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def fits_width(page) -> bool:
    """Nothing wider than the viewport (no sideways scrolling on a phone)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

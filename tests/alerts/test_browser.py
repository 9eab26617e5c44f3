"""A real Chromium walks the SAAR form; a second member's open feed receives it live."""

import os
import re

import pytest

from tests.conftest import close_connections_opened_under_playwright, require_tool

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "correct horse battery"


@pytest.fixture
def browser():
    require_tool(CHROMIUM, "browser tests drive Debian's chromium")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # playwright's loop shares this thread
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
        close_connections_opened_under_playwright()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def login(page, base, user):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_member_sends_alert_and_neighbour_sees_it_live(live, server_process, browser):
    from playwright.sync_api import expect

    for user in (live.author, live.members[1]):
        user.set_password(PASSWORD)
        user.language = "en"
        user.save()
    base = server_process()
    neighbour = browser.new_context(locale="en-GB").new_page()
    login(neighbour, base, live.members[1])
    neighbour.goto(f"{base}/groups/{live.group.pk}/")
    expect(neighbour.locator("#feed")).to_contain_text("No alerts")

    author = browser.new_context(locale="en-GB").new_page()
    login(author, base, live.author)
    author.goto(f"{base}/groups/{live.group.pk}/alerts/new/")
    author.check("input[name=emergency][value=yes]")
    expect(author.locator("#call112")).to_be_visible()
    author.check("input[name=emergency][value=no]")
    author.select_option("select[name=called_number]", "101")
    from datetime import timedelta

    from django.utils import timezone

    called = (timezone.localtime() - timedelta(minutes=3)).strftime("%H:%M")
    author.fill("input[name=called_at]", called)
    author.select_option("select[name=category]", "suspicious_person")
    author.fill("textarea[name=what]", "Two men are trying the handles of front doors.")
    author.fill("input[name=where]", "Kerkstraat")
    author.fill(
        "textarea[name=description]",
        "Dark jackets, about 30 years old, one with a red backpack, slim build.",
    )
    author.fill("input[name=direction]", "towards the station")
    author.click("form#alert-form button[type=submit]")
    author.wait_for_url(re.compile(rf"/groups/{live.group.pk}/$"))
    expect(author.locator("#feed")).to_contain_text(f"101 called at {called}")

    expect(neighbour.locator("#feed")).to_contain_text("Kerkstraat", timeout=5000)
    expect(neighbour.locator("#feed")).to_contain_text("Two men are trying")


def test_emergency_form_refuses_without_112(live, server_process, browser):
    from playwright.sync_api import expect

    live.author.set_password(PASSWORD)
    live.author.language = "en"
    live.author.save()
    base = server_process()
    page = browser.new_context(locale="en-GB").new_page()
    login(page, base, live.author)
    page.goto(f"{base}/groups/{live.group.pk}/alerts/new/")
    page.check("input[name=emergency][value=yes]")
    page.select_option("select[name=called_number]", "")
    page.select_option("select[name=category]", "burglary")
    page.fill("textarea[name=what]", "Someone is breaking in right now.")
    page.fill("input[name=where]", "Kerkstraat 4")
    page.click("form#alert-form button[type=submit]")
    expect(page.locator(".errors")).to_contain_text("Call 112 now")
    from buurtwacht.alerts.models import Alert

    assert not Alert.objects.exists()

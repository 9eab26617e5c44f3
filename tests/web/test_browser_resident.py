"""A resident's day in a real Chromium: join by invitation, accept the charter, post an alert
on the 101 path that a neighbour's open feed shows live, the emergency path, the police's
acknowledgement reaching the feed, and switching language."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.alerts.models import Alert
from buurtwacht.organisation.models import Membership, User
from tests.conftest import HASSELT

from .conftest import DESKTOP, PHONE, axe, fits_width, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_resident_joins_by_invitation_and_accepts_the_charter(live, open_as):
    from playwright.sync_api import expect

    base = open_as.base
    coordinator = open_as(live.coordinator, size=DESKTOP)
    coordinator.goto(f"{base}/groups/{live.group.pk}/invitations/")
    coordinator.fill("input[name=note]", "Kerkstraat 12")
    coordinator.click("#new-invitation button")
    expect(coordinator.locator(".messages")).to_contain_text("invitation link is ready")
    link = coordinator.locator("tr.invitation.open .link-box").first.inner_text().strip()
    assert re.fullmatch(rf"{re.escape(base)}/join/[\w-]+/", link)
    axe(coordinator, "invitations")
    shot(coordinator, "invitations-desktop")

    resident = open_as(
        None, size=PHONE, geolocation={"latitude": HASSELT[1], "longitude": HASSELT[0]},
        permissions=["geolocation"],
    )  # fmt: skip
    resident.goto(link)
    expect(resident.locator("h1")).to_contain_text("Join BIN Centrum")
    axe(resident, "join")
    assert fits_width(resident)
    resident.fill("input[name=first_name]", "Lies")
    resident.fill("input[name=last_name]", "Janssens")
    resident.fill("input[name=birth_date]", "1984-02-29")
    resident.fill("input[name=address]", "Kerkstraat 12")
    resident.click("#use-location")  # the browser's location, shared by the resident
    expect(resident.locator("#location-status")).to_contain_text("Location filled in")
    assert float(resident.input_value("#id_lat")) == pytest.approx(HASSELT[1], abs=1e-5)
    shot(resident, "join-phone")
    resident.click("#join-form button[type=submit]")
    resident.wait_for_url(re.compile(rf"/groups/{live.group.pk}/charter/"))
    expect(resident.locator(".messages")).to_contain_text("read and accept the charter")
    axe(resident, "charter")
    shot(resident, "charter-phone")
    resident.click("form.accept button")
    expect(resident.locator(".messages")).to_contain_text("Thank you. You accepted version")
    user = User.objects.get(first_name="Lies", last_name="Janssens")
    membership = Membership.objects.get(user=user, group=live.group)
    assert membership.status == "active" and membership.admitted_by == live.coordinator
    assert membership.accepted_protocol_version == live.group.protocol_version
    resident.click(f"nav.tabs a[href='/groups/{live.group.pk}/']")
    expect(resident.locator("#feed")).to_be_visible()


def test_alert_on_the_101_path_reaches_an_open_feed_and_so_does_the_police(live, open_as):
    from playwright.sync_api import expect

    base = open_as.base
    neighbour = open_as(live.members[1], size=PHONE)
    neighbour.goto(f"{base}/groups/{live.group.pk}/")
    expect(neighbour.locator("#feed")).to_contain_text("No alerts")
    axe(neighbour, "feed-empty")

    author = open_as(live.author, size=PHONE)
    author.goto(f"{base}/groups/{live.group.pk}/alerts/new/")
    axe(author, "new-alert")
    assert fits_width(author)
    author.check("input[name=emergency][value=no]")
    expect(author.locator("#call112")).to_be_hidden()
    author.select_option("select[name=called_number]", "101")
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
    shot(author, "new-alert-phone")
    author.click("form#alert-form button[type=submit]")
    author.wait_for_url(re.compile(rf"/groups/{live.group.pk}/$"))
    expect(author.locator("#feed")).to_contain_text(f"101 called at {called}")

    expect(neighbour.locator("#feed")).to_contain_text("Two men are trying", timeout=5000)
    alert = Alert.objects.get()
    shot(neighbour, "feed-live-phone")

    police = open_as(live.police, size=DESKTOP)
    police.goto(f"{base}/police/alerts/{alert.pk}/")
    axe(police, "police-alert")
    police.click("form.acknowledge button[value=on_its_way]")
    expect(police.locator("body")).to_contain_text("Patrol on its way")
    expect(neighbour.locator("#feed")).to_contain_text("Patrol on its way", timeout=5000)
    neighbour.reload()
    expect(neighbour.locator(f"#alert-{alert.pk} .acknowledgement")).to_contain_text(
        "Patrol on its way"
    )
    axe(neighbour, "feed")
    police.goto(f"{base}/police/")
    axe(police, "police-console")
    shot(police, "police-console-desktop")


def test_emergency_path_asks_for_112_first(live, open_as):
    from playwright.sync_api import expect

    page = open_as(live.author, size=PHONE)
    page.goto(f"{open_as.base}/groups/{live.group.pk}/alerts/new/")
    page.check("input[name=emergency][value=yes]")
    expect(page.locator("#call112")).to_be_visible()
    expect(page.locator("#call112 a[href='tel:112']")).to_be_visible()
    shot(page, "emergency-phone")
    page.select_option("select[name=called_number]", "")
    page.select_option("select[name=category]", "burglary")
    page.fill("textarea[name=what]", "Someone is breaking in right now.")
    page.fill("input[name=where]", "Kerkstraat 4")
    page.click("form#alert-form button[type=submit]")
    expect(page.locator(".errors")).to_contain_text("Call 112 now")
    assert not Alert.objects.exists()
    page.select_option("select[name=called_number]", "112")
    page.fill("input[name=called_at]", timezone.localtime().strftime("%H:%M"))
    page.fill("textarea[name=description]", "Two people, dark clothes, one tall, a crowbar.")
    page.click("form#alert-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/groups/{live.group.pk}/$"))
    expect(page.locator("#feed")).to_contain_text("112 called at")
    assert Alert.objects.get().emergency


def test_language_switch(live, open_as):
    from playwright.sync_api import expect

    page = open_as(live.members[1], size=PHONE, lang="en")
    page.goto(f"{open_as.base}/groups/{live.group.pk}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".emergency")).to_contain_text("Call 112 first")
    expect(page.locator("#language-form button")).to_be_hidden()  # JS submits on change
    page.select_option("#language-select", "fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator(".emergency")).to_contain_text("112")
    assert page.url.endswith(f"/groups/{live.group.pk}/")
    page.select_option("#language-select", "de")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    axe(page, "feed-de")
    shot(page, "feed-de-phone")

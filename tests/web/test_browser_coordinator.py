"""Coordinators and staff in a real Chromium: a held message approved without a page reload
(htmx) reaching a member's open feed, the main pages at phone and desktop sizes with axe and
screenshots, and the feed readable offline through the service worker."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.alerts import flow
from buurtwacht.alerts.models import Alert
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.delivery.outbox import publish
from buurtwacht.organisation import invitations

from .conftest import DESKTOP, PHONE, axe, fits_width, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def held_alert(live) -> Alert:
    now = timezone.now()
    draft = flow.AlertDraft(
        category="suspicious_person",
        what="Someone is ringing doorbells and asking for money for a charity.",
        where="Molenstraat",
        when=now - timedelta(minutes=4),
        description="It is Jan Peeters from Molenstraat 12, call him on 0470 12 34 56.",
        direction="towards the church",
        emergency=False,
        called_number="101",
        called_at=now - timedelta(minutes=2),
    )
    alert = flow.submit_alert(group=live.group, author=live.author, draft=draft)
    assert alert.status == "held"
    return alert


def test_coordinator_approves_a_held_message_in_place(live, open_as):
    from playwright.sync_api import expect

    alert = held_alert(live)
    base = open_as.base
    member = open_as(live.members[1], size=PHONE)
    member.goto(f"{base}/groups/{live.group.pk}/")
    expect(member.locator("#feed")).not_to_contain_text("Molenstraat")

    coordinator = open_as(live.coordinator, size=DESKTOP)
    coordinator.goto(f"{base}/groups/{live.group.pk}/moderation/")
    expect(coordinator.locator("#moderation-queue")).to_contain_text("Molenstraat")
    axe(coordinator, "moderation")
    shot(coordinator, "moderation-desktop")
    coordinator.evaluate("window.__notReloaded = true")
    coordinator.click("#moderation-queue form.moderate button[value=approve]")
    expect(coordinator.locator("#moderation-queue")).to_contain_text("Nothing is waiting")
    expect(coordinator.locator("#messages")).to_contain_text("Done.")
    assert coordinator.evaluate("window.__notReloaded === true"), "htmx swapped the queue in place"
    alert.refresh_from_db()
    assert alert.status == "open"
    expect(member.locator("#feed")).to_contain_text("Molenstraat", timeout=5000)


def test_moderation_works_without_javascript(live, chromium, open_as):
    from playwright.sync_api import expect

    held_alert(live)
    page = open_as(live.coordinator, size=PHONE, java_script_enabled=False)
    page.goto(f"{open_as.base}/groups/{live.group.pk}/moderation/")
    page.fill("#moderation-queue input[name=reason]", "Names and numbers stay out of the group.")
    page.click("#moderation-queue button[value=reject]")
    expect(page.locator(".messages")).to_contain_text("Done.")
    assert Alert.objects.get().status == "rejected"


def test_main_pages_on_a_phone_and_a_desktop(live, open_as):
    """Every main page of every role: no serious or critical axe violation, nothing wider
    than a phone, and a screenshot of each at both sizes."""
    from playwright.sync_api import expect

    g = live.group.pk
    message = OutboundMessage.objects.create(
        group=live.group, kind="notice",
        payload={lang: {"subject": "Monthly test", "text": "Does this reach you?"}
                 for lang in ("nl", "fr", "de", "en")},
    )  # fmt: skip
    publish(message)
    invitations.create(live.group, by=live.coordinator, note="Kerkstraat")
    alert = held_alert(live)
    alert.status = "open"
    alert.save(update_fields=["status"])
    pages = {
        live.members[1]: [("home", "/"), ("feed", f"/groups/{g}/"),
                          ("alert", f"/alerts/{alert.pk}/"),
                          ("channels", "/me/channels/"), ("my-data", "/me/data/"),
                          ("transparency", f"/groups/{g}/privacy/")],
        live.coordinator: [("members", f"/groups/{g}/members/"),
                           ("group-settings", f"/groups/{g}/settings/"),
                           ("deliveries", f"/groups/{g}/deliveries/"),
                           ("delivery-detail", f"/groups/{g}/deliveries/{message.pk}/"),
                           ("acceptance", f"/groups/{g}/acceptance/"),
                           ("sanctions", f"/groups/{g}/sanctions/")],
        live.zone_admin: [("staff", "/staff/"), ("go-live", f"/staff/groups/{g}/"),
                          ("audit", "/audit/")],
    }  # fmt: skip
    for user, items in pages.items():
        for size_name, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page = open_as(user, size=size)
            for name, path in items:
                page.goto(f"{open_as.base}{path}")
                expect(page.locator("h1")).to_be_visible()
                if size is PHONE:
                    axe(page, name)
                    assert fits_width(page), f"{name} is wider than a phone"
                shot(page, f"{name}-{size_name}")
            page.context.close()
    dark = open_as(live.coordinator, size=PHONE, color_scheme="dark")  # contrast holds there too
    for name in ("", "alerts/new/", "moderation/", "members/"):
        dark.goto(f"{open_as.base}/groups/{g}/{name}")
        axe(dark, f"dark-{name or 'feed'}")
    shot(dark, "members-dark-phone")
    anonymous = open_as(None, size=PHONE)
    anonymous.goto(f"{open_as.base}/login/")
    axe(anonymous, "login")
    shot(anonymous, "login-phone")


def test_feed_is_readable_offline(live, open_as):
    from playwright.sync_api import expect

    now = timezone.now()
    flow.submit_alert(
        group=live.group, author=live.author,
        draft=flow.AlertDraft(
            category="suspicious_vehicle", what="A white van drives slowly past every house.",
            where="Stationsstraat", when=now - timedelta(minutes=5),
            description="White van, dented rear door, two people inside, slow.", direction="north",
            emergency=False, called_number="101", called_at=now - timedelta(minutes=3),
        ),
    )  # fmt: skip
    page = open_as(live.members[1], size=PHONE)
    page.goto(f"{open_as.base}/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(f"{open_as.base}/groups/{live.group.pk}/")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.reload()  # now under the worker's control: this copy is kept
    expect(page.locator("#feed")).to_contain_text("Stationsstraat")
    page.wait_for_timeout(300)  # let the cache write finish
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("#feed")).to_contain_text("Stationsstraat")
    shot(page, "feed-offline-phone")
    page.goto(f"{open_as.base}/me/data/")
    expect(page.locator("h1")).to_contain_text("You are offline")
    assert re.search(r"/me/data/$", page.url)

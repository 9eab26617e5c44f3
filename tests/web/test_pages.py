"""The pages of issue 12 through Django's test client: who sees what, what each action does,
and that no page carries inline script or style (the strict CSP allows neither)."""

import json
import re
from datetime import date

import pytest

from buurtwacht.delivery.models import Delivery, OutboundMessage, PushSubscription
from buurtwacht.delivery.outbox import publish
from buurtwacht.organisation.models import Group, Membership, Sanction, StaffRole
from tests.conftest import HASSELT


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def assert_csp_clean(html: str) -> None:
    """No inline script, no event-handler attributes, no style attributes or elements."""
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S):
        assert not script.strip(), "inline script"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert not re.search(r"\sstyle\s*=", html) and "<style" not in html, "inline style"


def test_navigation_shows_what_the_roles_open(client, live, make_user):
    client.force_login(live.members[1])
    html = page(client, "/")
    assert f'href="/groups/{live.group.pk}/"' in html
    assert "/police/" not in html and "/staff/" not in html and "/audit/" not in html
    client.force_login(live.police)
    assert 'href="/police/"' in page(client, "/")
    client.force_login(live.zone_admin)
    html = page(client, "/")
    assert 'href="/staff/"' in html and 'href="/audit/"' in html
    assert f'href="/zones/{live.zone.pk}/appeals/"' in html
    client.force_login(live.prevention)
    html = page(client, "/")
    assert 'href="/staff/"' in html and 'href="/audit/"' not in html


def test_group_tabs_show_coordinator_pages_only_to_coordinators(client, live):
    client.force_login(live.members[1])
    html = page(client, f"/groups/{live.group.pk}/")
    assert f"/groups/{live.group.pk}/alerts/new/" in html
    assert f"/groups/{live.group.pk}/members/" not in html
    client.force_login(live.coordinator)
    html = page(client, f"/groups/{live.group.pk}/")
    for part in ("members", "invitations", "moderation", "deliveries", "settings", "acceptance"):
        assert f"/groups/{live.group.pk}/{part}/" in html


@pytest.mark.parametrize(
    "path", ["members/", "invitations/", "settings/", "deliveries/", "moderation/", "acceptance/"]
)
def test_coordinator_pages_refuse_members_and_outsiders(client, live, make_user, path):
    url = f"/groups/{live.group.pk}/{path}"
    client.force_login(live.coordinator)
    page(client, url)
    for other in (live.members[1], live.police, make_user()):
        client.force_login(other)
        assert client.get(url).status_code in (403, 404)
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_member_list_names_only_and_admit_and_remove(client, live, make_user):
    live.members[1].set_phone("+32470123456")
    live.members[1].set_contact_email("resident1@example.org")
    live.members[1].first_name = "Els"
    live.members[1].save()
    waiting = make_user("waiting", birth_date=date(1990, 1, 1))
    from django.utils import timezone

    pending = Membership.objects.create(
        group=live.group, user=waiting, location_checked_at=timezone.now()
    )
    unchecked = Membership.objects.create(group=live.group, user=make_user("unchecked"))
    client.force_login(live.coordinator)
    url = f"/groups/{live.group.pk}/members/"
    html = page(client, url)
    assert "Els" in html and "470" not in html and "example.org" not in html
    client.post(url, {"action": "admit", "id": pending.pk})
    pending.refresh_from_db()
    assert pending.status == "active" and pending.admitted_by == live.coordinator
    response = client.post(url, {"action": "admit", "id": unchecked.pk}, follow=True)
    assert "address of this request was not checked" in response.content.decode()
    unchecked.refresh_from_db()
    assert unchecked.status == "pending"
    target = Membership.objects.get(user=live.members[2], group=live.group)
    response = client.post(url, {"action": "remove", "id": target.pk, "reason": ""}, follow=True)
    target.refresh_from_db()
    assert target.status == "active"  # a removal needs a reason
    client.post(url, {"action": "remove", "id": target.pk, "reason": "Chased a suspect."})
    target.refresh_from_db()
    assert target.status == "removed"
    assert Sanction.objects.get(membership=target).step == "removal"


def test_group_settings_rename_only(client, live):
    client.force_login(live.coordinator)
    url = f"/groups/{live.group.pk}/settings/"
    client.post(url, {"name": "  BIN   Centrum-Noord ", "status": "draft"})
    live.group.refresh_from_db()
    assert live.group.name == "BIN Centrum-Noord" and live.group.status == "live"
    response = client.post(url, {"name": "   "})
    assert response.status_code == 422 and "needs a name" in response.content.decode()
    live.group.refresh_from_db()
    assert live.group.name == "BIN Centrum-Noord"


def test_staff_see_their_scope_and_fix_the_checklist(client, world, make_user):
    client.force_login(world.prevention)
    html = page(client, "/staff/")
    assert "BIN Centrum" in html and "BIN Neerharen" not in html
    assert client.get(f"/staff/groups/{world.other_group.pk}/").status_code == 404
    url = f"/staff/groups/{world.group.pk}/"
    html = page(client, url)
    assert "a police contact of zone PZ Hazodi" in html and "approval by a prevention" in html
    client.post(url, {"action": "approve"})
    client.post(url, {"action": "pin"})
    world.group.refresh_from_db()
    assert world.group.approved_by == world.prevention and world.group.protocol_version
    response = client.post(url, {"action": "go_live"}, follow=True)
    assert "cannot go live yet" in response.content.decode()
    world.group.police_contact = world.police
    world.group.save()
    client.post(url, {"action": "go_live"})
    world.group.refresh_from_db()
    assert world.group.status == Group.Status.LIVE
    client.force_login(world.zone_admin)
    client.post(url, {"action": "approve"})  # a zone admin cannot approve for the municipality
    client.post(url, {"action": "suspend"})
    world.group.refresh_from_db()
    assert world.group.status == "suspended"
    for outsider in (world.coordinator, world.police, make_user()):
        client.force_login(outsider)
        assert client.get("/staff/").status_code == 403


def test_delivery_status_per_channel_and_member(client, live):
    live.members[1].first_name, live.members[1].last_name = "Els", "Maes"
    live.members[1].set_contact_email("els@example.org")
    live.members[1].save()
    message = OutboundMessage.objects.create(
        group=live.group, kind="notice",
        payload={"en": {"subject": "Monthly test", "text": "Does this reach you?"}},
    )  # fmt: skip
    publish(message)
    Delivery.objects.filter(recipient=live.members[2]).update(receipt="read")
    client.force_login(live.coordinator)
    html = page(client, f"/groups/{live.group.pk}/deliveries/")
    assert "Monthly test" in html
    html = page(client, f"/groups/{live.group.pk}/deliveries/{message.pk}/")
    assert "Els Maes" in html and "els@example.org" not in html and "read" in html
    other = OutboundMessage.objects.create(group=live.other_group, kind="notice", payload={})
    assert client.get(f"/groups/{live.group.pk}/deliveries/{other.pk}/").status_code == 404


def test_pwa_files(client):
    manifest = json.loads(page(client, "/manifest.webmanifest"))
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200
    response = client.get("/sw.js")
    assert response["Service-Worker-Allowed"] == "/" and "javascript" in response["Content-Type"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"showNotification" in body and b"/offline/" in body
    assert "112" in page(client, "/offline/")


def test_push_subscription_needs_vapid_keys_and_valid_json(client, live, settings):
    client.force_login(live.members[1])
    sub = {"endpoint": "https://push.example.net/abc", "keys": {"p256dh": "BNc", "auth": "xyz"}}
    url = "/me/push/subscribe"
    assert client.post(url, sub, content_type="application/json").status_code == 409
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = "pub", "priv"
    assert 'id="push"' in page(client, "/me/channels/")
    assert (
        client.post(url, {"endpoint": "http://x"}, content_type="application/json").status_code
        == 400
    )
    assert client.post(url, sub, content_type="application/json").status_code == 200
    assert PushSubscription.objects.get().user == live.members[1]
    client.post("/me/push/unsubscribe", sub, content_type="application/json")
    assert not PushSubscription.objects.exists()


def test_main_pages_carry_no_inline_script_or_style(client, live, make_user):
    from buurtwacht.organisation import invitations

    live.zone_admin.staff_roles.create(kind=StaffRole.Kind.PREVENTION_OFFICER, zone=live.zone)
    invitation = invitations.create(live.group, by=live.coordinator)
    g = live.group.pk
    urls = {
        live.coordinator: ["/", f"/groups/{g}/", f"/groups/{g}/alerts/new/",
                           f"/groups/{g}/moderation/", f"/groups/{g}/members/",
                           f"/groups/{g}/invitations/", f"/groups/{g}/settings/",
                           f"/groups/{g}/deliveries/", f"/groups/{g}/charter/",
                           f"/groups/{g}/acceptance/", "/me/channels/", "/me/data/",
                           f"/groups/{g}/privacy/"],
        live.zone_admin: ["/staff/", f"/staff/groups/{g}/"],
        live.police: ["/police/"],
    }  # fmt: skip
    for user, paths in urls.items():
        client.force_login(user)
        for url in paths:
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            assert_csp_clean(response.content.decode())
    client.logout()
    assert_csp_clean(page(client, f"/join/{invitation.token}/"))
    assert_csp_clean(page(client, "/login/"))
    assert HASSELT  # the join page's example coordinates are in the neighbourhood's area

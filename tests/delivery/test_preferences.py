"""A member orders their channels on the settings page and through the API."""

import pytest

from buurtwacht.delivery.models import ChannelPreference
from buurtwacht.organisation.models import User


@pytest.fixture
def member(db, settings):
    settings.SMS_PROVIDER = "log"
    user = User(username="buur", language="nl")
    user.set_phone("+32470123456")
    user.set_contact_email("buur@example.org")
    user.save()
    return user


def order_of(user):
    rows = ChannelPreference.objects.filter(user=user, enabled=True).exclude(channel="web")
    return list(rows.order_by("position").values_list("channel", flat=True))


def test_api_sets_and_reads_the_order(client, member):
    client.force_login(member)
    r = client.put("/api/me/channels", {"order": ["sms", "email"]}, content_type="application/json")
    assert r.status_code == 200 and r.json()["order"] == ["sms", "email"]
    assert order_of(member) == ["sms", "email"]
    r = client.put("/api/me/channels", {"order": ["email"]}, content_type="application/json")
    assert order_of(member) == ["email"]
    assert ChannelPreference.objects.get(user=member, channel="sms").enabled is False
    assert ChannelPreference.objects.get(user=member, channel="web").enabled is True


@pytest.mark.parametrize("order,code", [(["pigeon"], "bad_channel"), (["sms", "sms"], "duplicate")])
def test_bad_order_is_refused_and_changes_nothing(client, member, order, code):
    client.force_login(member)
    client.put("/api/me/channels", {"order": ["email"]}, content_type="application/json")
    r = client.put("/api/me/channels", {"order": order}, content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == code
    assert order_of(member) == ["email"]


def test_a_channel_needs_its_contact_data(client, member):
    member.set_phone("")
    member.language = "fr"
    member.save()
    client.force_login(member)
    r = client.put("/api/me/channels", {"order": ["sms"]}, content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "missing_contact"
    assert "demandez à votre coordinateur" in r.json()["message"]


def test_settings_page_saves_the_order_in_the_members_language(client, member):
    client.force_login(member)
    page = client.get("/me/channels/")
    assert page.status_code == 200 and "Uw kanalen" in page.content.decode()
    r = client.post("/me/channels/", {"slot0": "email", "slot1": "sms", "slot2": ""})
    assert r.status_code == 302 and order_of(member) == ["email", "sms"]
    bad = client.post("/me/channels/", {"slot0": "sms", "slot1": "sms"}, follow=True)
    assert "maar één keer" in bad.content.decode() and order_of(member) == ["email", "sms"]


def test_link_code_for_hidden_numbers(client, member):
    client.force_login(member)
    page = client.get("/me/channels/?link=whatsapp").content.decode()
    assert "KOPPEL " in page
    assert member.whatsapp.link_code in page

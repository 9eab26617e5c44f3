"""An alert reaches members' phones 1:1 through the WhatsApp channel; receipts come back;
the error policy (retry, template, fallback, payload errors) holds against the stand-in."""

import pytest
from django.test import Client
from django.utils import timezone

from buurtwacht.delivery.models import Delivery
from buurtwacht.delivery.whatsapp import identities, numbers
from buurtwacht.delivery.whatsapp.models import BusinessNumber, TemplateSend
from tests.alerts.conftest import alert_payload
from tests.whatsapp.conftest import NUMBER, phone_of, settle, wa_id


@pytest.fixture
def fast_retries(settings):
    settings.DELIVERY_BACKOFF_BASE_SECONDS = 0
    settings.DELIVERY_BACKOFF_MAX_SECONDS = 0
    return settings


def post_alert(live, **overrides):
    client = Client()
    client.force_login(live.author)
    body = client.post(
        f"/api/groups/{live.group.pk}/alerts", alert_payload(**overrides),
        content_type="application/json",
    ).json()  # fmt: skip
    assert body["status"] == "open", body
    return body["id"]


def wa_rows():
    return Delivery.objects.filter(channel="whatsapp")


def test_alert_reaches_50_phones_and_receipts_mark_them_delivered_and_read(
    live, standin, wa_member
):
    members = [wa_member(n) for n in range(50)]
    phones = [phone_of(standin, n) for n in range(50)]
    for phone in phones[:10]:
        standin.open_window(phone.wa_id)  # these wrote to the hub today
    for user in members[:10]:
        identities.note_inbound(user, timezone.now())
    post_alert(live)
    settle(lambda: all(len(p.inbox) == 1 for p in phones), timeout=30)
    inside, outside = phones[:10], phones[10:]
    assert all(p.inbox[0].type == "text" for p in inside)
    assert all(p.inbox[0].type == "template" for p in outside)
    text = inside[0].inbox[0].text
    assert "101" in text and "Kerkstraat" in text  # "101 gebeld om ..." and the place
    assert TemplateSend.objects.count() == 40
    for phone in phones[:25]:
        phone.read()
    standin.flush()
    settle(lambda: wa_rows().filter(receipt="").count() == 0, timeout=20)
    assert wa_rows().filter(receipt="read").count() == 25
    assert wa_rows().filter(receipt="delivered").count() == 25
    assert not standin.refusals and not standin.lost
    assert wa_rows().count() == 50  # one per member, nothing twice


def test_a_member_is_not_sent_two_messages_inside_the_pair_interval(live, standin, wa_member):
    wa_member(1)
    phone = phone_of(standin, 1)
    first = post_alert(live)
    settle(lambda: len(phone.inbox) == 1)
    second = post_alert(live, where="Molenstraat", force_new=True)  # right behind the first
    settle(lambda: len(phone.inbox) == 2, timeout=15)
    sent_at = [standin.message(m.id).accepted_at for m in phone.inbox]
    gap = sent_at[1] - sent_at[0]
    assert gap >= 0.1 and standin.refusals[131056] == 0  # deferred, not refused
    assert {first, second} == set(
        Delivery.objects.filter(channel="whatsapp").values_list("message__ref_id", flat=True)
    )


@pytest.mark.parametrize(
    "http_status,code", [(400, 130429), (429, 130429), (500, 131000), (503, 0), (400, 131016)]
)
def test_rate_limits_and_server_errors_are_retried(
    live, standin, wa_member, fast_retries, http_status, code
):
    wa_member(1)
    phone = phone_of(standin, 1)
    standin.fail_next(count=2, http_status=http_status, code=code)
    post_alert(live)
    settle(lambda: len(phone.inbox) == 1)
    row = wa_rows().get()
    assert row.status == Delivery.Status.SENT and row.attempts == 3


def test_payload_error_is_not_retried_and_falls_back_to_email(
    live, standin, wa_member, fast_retries, smtp
):
    wa_member(1, email="buur1@example.org", then=("email",))
    standin.fail_next(count=1, http_status=400, code=131051)
    post_alert(live)
    settle(lambda: len(smtp) == 1)
    row = wa_rows().get()
    assert (row.status, row.attempts) == (Delivery.Status.DEAD, 1)
    assert "131051" in row.last_error
    assert Delivery.objects.get(channel="email").status == Delivery.Status.SENT


def test_undeliverable_status_falls_back_to_the_next_channel(
    live, standin, wa_member, fast_retries, smtp
):
    wa_member(1, email="buur1@example.org", then=("email",))
    standin.undeliverable.add(wa_id(1))
    post_alert(live)
    settle(lambda: len(smtp) == 1, timeout=15)
    row = wa_rows().get()
    assert (row.status, row.receipt) == (Delivery.Status.DEAD, "failed")
    assert "131026" in row.last_error


def test_window_closed_answer_sends_the_template_instead(live, standin, wa_member):
    user = wa_member(1)
    identities.note_inbound(user, timezone.now())  # we think the window is open; Meta does not
    phone = phone_of(standin, 1)
    post_alert(live)
    settle(lambda: len(phone.inbox) == 1)
    assert phone.inbox[0].type == "template"
    assert standin.refusals[131047] == 1


def test_tier_limit_sends_the_rest_by_email(live, standin, wa_member, wa_settings, smtp):
    wa_settings.WHATSAPP_TIER = 3
    for n in range(5):
        wa_member(n, email=f"buur{n}@example.org", then=("email",))
    post_alert(live)
    settle(lambda: len(smtp) == 2, timeout=15)
    assert len(standin.accepted) == 3
    assert wa_rows().filter(last_error__contains="tier").count() == 2


def test_policy_block_pauses_the_number_and_health_says_so(
    live, standin, wa_member, fast_retries, client
):
    wa_member(1)
    wa_member(2)
    standin.fail_next(count=1, http_status=400, code=368)
    post_alert(live)
    settle(lambda: wa_rows().filter(status=Delivery.Status.DEAD).count() == 2)
    assert len(standin.accepted) == 0  # the second member was not tried from a paused number
    assert BusinessNumber.objects.get(phone_number_id=NUMBER).paused_reason
    assert numbers.health().startswith("paused")
    assert "paused" in client.get("/healthz").json()["channels"]["whatsapp"]


def test_undeliverable_on_whatsapp_falls_back_to_sms(live, standin, wa_member, settings):
    settings.SMS_PROVIDER = "log"  # the embedded provider: sends nothing, records the send
    wa_member(1, then=("sms", "email"))
    standin.undeliverable.add(wa_id(1))
    post_alert(live)
    sms = Delivery.objects.filter(channel="sms")
    settle(lambda: sms.filter(status=Delivery.Status.SENT).exists(), timeout=15)
    assert wa_rows().get().receipt == "failed"
    assert not Delivery.objects.filter(channel="email").exists()  # SMS came first in the order


def test_coordinator_sees_how_long_a_fan_out_takes(live, wa_settings, wa_member, client):
    from buurtwacht.delivery import estimate

    for n in range(160):
        wa_member(n, email=f"b{n}@example.org", then=("email",))
    whatsapp = next(e for e in estimate.fan_out(live.group) if e.channel == "whatsapp")
    assert (whatsapp.members, whatsapp.seconds) == (160, 2.0)  # 160 at 80/s
    client.force_login(live.coordinator)
    page = client.get(f"/groups/{live.group.pk}/moderation/").content.decode()
    assert "WhatsApp: 160 leden, ongeveer 2,0 s" in page


def test_what_is_queued_for_one_member_goes_as_one_message(live, standin, wa_member):
    user = wa_member(1)
    identities.note_inbound(user, timezone.now())
    standin.open_window(wa_id(1))
    phone = phone_of(standin, 1)
    first = post_alert(live)
    second = post_alert(live, where="Molenstraat", force_new=True)
    third = post_alert(live, where="Stationsplein", force_new=True)
    settle(lambda: wa_rows().filter(status=Delivery.Status.SENT).count() == 3)
    assert len(phone.inbox) == 1  # three alerts queued for one member: one message
    merged = phone.inbox[0].text
    assert merged.index("Kerkstraat") < merged.index("Molenstraat") < merged.index("Stationsplein")
    ids = dict(wa_rows().values_list("message__ref_id", "provider_id"))
    assert ids[first] == ids[second] == ids[third]
    assert not standin.refusals[131056]
    phone.read()
    standin.flush()
    settle(lambda: wa_rows().filter(receipt="read").count() == 3)


def test_a_group_or_its_zone_may_have_its_own_number(live, wa_settings):
    assert numbers.number_id_for(live.group) == NUMBER  # the default from the settings
    BusinessNumber.objects.create(phone_number_id="200000000000002", zone=live.zone)
    assert numbers.number_id_for(live.group) == "200000000000002"
    BusinessNumber.objects.create(phone_number_id="300000000000003", group=live.group)
    assert numbers.number_id_for(live.group) == "300000000000003"
    assert numbers.number_id_for(live.other_group) == NUMBER  # another zone: the default

"""Acknowledgements: one click that the whole group sees on every channel and in the feed."""

import pytest

from buurtwacht.alerts import closing
from buurtwacht.alerts.models import AlertEvent, Status
from buurtwacht.delivery.live.models import LiveEvent
from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage
from buurtwacht.delivery.sending import send_pending
from buurtwacht.organisation.models import Membership
from buurtwacht.police.models import Acknowledgement


def ack(client, alert, state="on_its_way"):
    return client.post(f"/api/police/alerts/{alert.pk}/acknowledgements", {"state": state},
                       content_type="application/json")  # fmt: skip


def test_acknowledgement_reaches_every_member_and_the_live_feed(
    live, alert_of, client, django_capture_on_commit_callbacks
):
    alert = alert_of()
    Membership.objects.filter(user=live.members[2]).update(status=Membership.Status.SUSPENDED)
    client.force_login(live.police)
    with django_capture_on_commit_callbacks(execute=True):
        response = ack(client, alert)
    assert response.status_code == 201, response.content
    stored = Acknowledgement.objects.get()
    assert (stored.alert, stored.state, stored.actor) == (alert, "on_its_way", live.police)
    message = OutboundMessage.objects.get(kind="acknowledgement")
    assert message.ref_id == alert.pk and stored.message == message
    active = set(
        Membership.objects.filter(group=live.group, status="active").values_list("user", flat=True)
    )
    recipients = set(Delivery.objects.filter(message=message).values_list("recipient", flat=True))
    assert recipients == active and live.members[2].pk not in recipients
    assert message.payload["nl"]["subject"].startswith("Politie: Patrouille onderweg")
    assert "Patrouille en route" in message.payload["fr"]["subject"]
    assert "Streife unterwegs" in message.payload["de"]["subject"]
    assert all(part["from_police"] for part in message.payload.values())
    event = LiveEvent.objects.get(kind="acknowledgement")
    assert event.group_id == live.group.pk and event.audience == "members"
    assert event.data["ref_id"] == alert.pk
    assert "Patrouille onderweg" in event.data["content"]["nl"]["subject"]
    history = AlertEvent.objects.get(alert=alert, kind="acknowledged")
    assert history.actor == live.police and history.detail["state"] == "on_its_way"


def test_members_see_the_latest_state_and_its_time(live, alert_of, client):
    alert = alert_of()
    client.force_login(live.police)
    ack(client, alert, "informed")
    ack(client, alert, "on_site")
    latest = Acknowledgement.objects.order_by("-at").first()
    client.force_login(live.members[1])
    body = client.get(f"/api/alerts/{alert.pk}").json()
    assert body["acknowledgement"]["state"] == "on_site"
    assert body["acknowledgement"]["at"] == latest.at.isoformat()
    feed = client.get(f"/api/groups/{live.group.pk}/alerts").json()
    assert feed[0]["acknowledgement"]["state"] == "on_site"
    page = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert "Politie ter plaatse om" in page  # the member reads Dutch
    feed_page = client.get(f"/groups/{live.group.pk}/").content.decode()
    assert "Politie ter plaatse om" in feed_page and "acknowledgement" in feed_page


def test_an_alert_without_acknowledgement_says_so_to_members(live, alert_of, client):
    alert = alert_of()
    client.force_login(live.members[1])
    assert client.get(f"/api/alerts/{alert.pk}").json()["acknowledgement"] is None


@pytest.mark.parametrize("state", ["held", "closed"])
def test_only_open_alerts_are_acknowledged(live, alert_of, client, state):
    if state == "held":
        alert = alert_of(description="Het is Jan Peeters, bel hem op 0470 12 34 56.")
        assert alert.status == Status.HELD
    else:
        alert = alert_of()
        closing.close_alert(alert, by=live.coordinator, outcome="false_alarm")
    client.force_login(live.police)
    response = ack(client, alert)
    assert response.status_code == 409 and response.json()["code"] == "not_open"
    assert not Acknowledgement.objects.exists()
    assert not OutboundMessage.objects.filter(kind="acknowledgement").exists()


def test_unknown_state_is_refused(live, alert_of, client):
    alert = alert_of()
    client.force_login(live.police)
    response = ack(client, alert, "arrested")
    assert response.status_code == 422 and not Acknowledgement.objects.exists()


def test_one_click_on_the_console_page(live, alert_of, client):
    alert = alert_of()
    client.force_login(live.police)
    response = client.post(f"/police/alerts/{alert.pk}/", {"action": "acknowledge",
                                                            "state": "handled"})  # fmt: skip
    assert response.status_code == 302
    assert Acknowledgement.objects.get().state == "handled"


def test_acknowledgement_reaches_an_email_recipient_in_their_language(
    live, alert_of, client, smtp, django_capture_on_commit_callbacks
):
    reader = live.members[1]
    reader.language = "fr"
    reader.set_contact_email("lecteur@example.org")
    reader.save()
    ChannelPreference.objects.create(user=reader, channel="email")
    alert = alert_of()
    client.force_login(live.police)
    with django_capture_on_commit_callbacks(execute=True):
        assert ack(client, alert, "informed").status_code == 201
    message = OutboundMessage.objects.get(kind="acknowledgement")
    assert Delivery.objects.filter(message=message, channel="email").count() == 1
    send_pending()
    mails = [m for m in smtp.messages() if "lecteur@example.org" in str(m["To"])]
    assert len(mails) == 2  # the alert itself, then the acknowledgement
    assert str(mails[-1]["Subject"]).strip().startswith("Police: Police informée")
    assert "PZ Hazodi à" in mails[-1].get_body(("plain",)).get_content()

"""The SAAR flow through the JSON API: call first, then screen, then allow/hold/block."""

from django.utils import timezone

from buurtwacht.alerts.models import Alert, AlertEvent, Status, Strike
from buurtwacht.delivery.models import Delivery, OutboundMessage


def test_allow_fans_out_to_every_member(live, post_alert):
    response = post_alert(live.group, live.author)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "open" and body["verdict"] == "allow"
    alert = Alert.objects.get(pk=body["id"])
    message = OutboundMessage.objects.get(kind="alert", ref_id=alert.pk)
    recipients = set(Delivery.objects.filter(message=message).values_list("recipient", flat=True))
    assert recipients == {m.pk for m in live.members} | {live.coordinator.pk}
    assert [e.kind for e in alert.events.all()] == ["created", "published"]
    local = timezone.localtime(alert.called_at).strftime("%H:%M")
    assert f"101 called at {local}" in message.payload["en"]["text"]
    assert f"101 gebeld om {local}" in message.payload["nl"]["text"]


def test_members_copy_carries_the_stay_home_reminder(live, post_alert):
    post_alert(live.group, live.author)
    message = OutboundMessage.objects.get(kind="alert")
    from buurtwacht.protocols import load_protocol

    reminder = load_protocol("be-type").reminder
    for lang in ("nl", "fr", "de", "en"):
        assert reminder[lang].split("\n")[0][:40] in message.payload[lang]["text"]


def test_hold_goes_to_the_coordinator_and_sends_nothing(live, post_alert):
    response = post_alert(
        live.group,
        live.author,
        description="Het is Jan Peeters uit de Molenstraat 12, bel hem op 0470 12 34 56.",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "held" and "third_party_data" in body["findings"]
    assert any(r["rule"] == "third_party_data" for r in body["reasons"])
    assert not OutboundMessage.objects.exists() and not Delivery.objects.exists()
    assert AlertEvent.objects.filter(kind="held").count() == 1


def test_block_is_refused_and_counts_as_a_strike(live, post_alert):
    response = post_alert(
        live.group,
        live.author,
        what="Iedereen naar buiten, we gaan ze achterna en geven ze een pak slaag!",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "blocked"
    assert not Alert.objects.exists() and not Delivery.objects.exists()
    strike = Strike.objects.get()
    assert strike.user == live.author and "vigilantism" in strike.findings


def test_emergency_without_112_confirmation_is_refused(live, post_alert):
    response = post_alert(live.group, live.author, emergency=True, called_number="101")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "call_112_first" and "112" in body["message"]
    assert not Alert.objects.exists()


def test_emergency_with_112_confirmation_is_sent(live, post_alert):
    response = post_alert(
        live.group,
        live.author,
        emergency=True,
        called_number="112",
        category="burglary",
        what="Inbraak bezig in de Kerkstraat 4, ze zijn nu binnen.",
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "open"
    message = OutboundMessage.objects.get(kind="alert")
    assert "112" in message.payload["en"]["text"]


def test_no_call_means_no_alert(live, post_alert):
    response = post_alert(live.group, live.author, called_number="", called_at=None)
    assert response.status_code == 422 and response.json()["code"] == "call_first"
    assert "101" in response.json()["message"]
    assert not Alert.objects.exists()


def test_refusal_is_in_the_members_language(live, post_alert):
    live.author.language = "fr"
    live.author.save()
    response = post_alert(live.group, live.author, called_number="", called_at=None)
    assert "Appelez" in response.json()["message"]


def test_missing_required_field_is_refused(live, post_alert):
    response = post_alert(live.group, live.author, where="  ")
    assert response.status_code == 422 and response.json()["code"] == "missing_fields"
    assert not Alert.objects.exists()


def test_plate_is_masked_for_members_and_kept_for_police(live, post_alert, client):
    response = post_alert(
        live.group,
        live.author,
        category="suspicious_vehicle",
        description="Grijze Audi met nummerplaat 1-ABC-234 rijdt stapvoets rond.",
    )
    assert response.status_code == 201, response.content
    alert = Alert.objects.get()
    assert "1-ABC-234" not in alert.members_copy["description"]
    assert "1-ABC-234" in alert.police_only.get("plates", [])
    assert "1-ABC-234" not in OutboundMessage.objects.get().payload["nl"]["text"]
    member_view = client.get(f"/api/alerts/{alert.pk}").json()
    assert "1-ABC-234" not in str(member_view)
    client.force_login(live.police)
    assert "1-ABC-234" not in str(client.get(f"/api/alerts/{alert.pk}").json())
    revealed = client.post(
        f"/api/police/alerts/{alert.pk}/reveal", {"reason": "plate check"},
        content_type="application/json",
    ).json()  # fmt: skip
    assert "1-ABC-234" in revealed["original"]["description"]
    assert "1-ABC-234" in revealed["police_only"]["plates"]
    from buurtwacht.privacy.models import AuditEntry

    assert AuditEntry.objects.get(actor=live.police).reason == "plate check"


def test_rate_limit_per_member(live, post_alert):
    from buurtwacht.protocols import load_protocol

    limit = load_protocol("be-type").max_alerts_per_hour
    for n in range(limit):
        response = post_alert(live.group, live.author, where=f"Straat {n}", force_new=True)
        assert response.status_code == 201
    response = post_alert(live.group, live.author, where="Nog een straat", force_new=True)
    assert response.status_code == 422 and response.json()["code"] == "rate_limited"
    assert Alert.objects.count() == limit


def test_close_alert_in_place_and_time_is_offered_as_follow_up(live, post_alert):
    first = post_alert(live.group, live.author, lon=5.3378, lat=50.9307).json()
    second = post_alert(live.group, live.members[1], lon=5.3380, lat=50.9308)
    assert second.status_code == 409
    assert second.json()["extra"]["alert_id"] == first["id"]
    forced = post_alert(live.group, live.members[1], lon=5.3380, lat=50.9308, force_new=True)
    assert forced.status_code == 201
    assert Alert.objects.filter(status=Status.OPEN).count() == 2


def test_suspended_group_sends_nothing(live, post_alert):
    from buurtwacht.organisation import actions

    actions.suspend_group(live.group, by=live.zone_admin)
    response = post_alert(live.group, live.author)
    assert response.status_code == 422 and response.json()["code"] == "not_live"
    assert not Alert.objects.exists()


def test_outsider_cannot_post(live, post_alert, make_user):
    response = post_alert(live.group, make_user("stranger"))
    assert response.status_code == 403 and response.json()["code"] == "not_member"


def test_member_who_has_not_accepted_the_protocol_cannot_post(live, post_alert):
    from buurtwacht.organisation.models import Membership

    Membership.objects.filter(user=live.author).update(accepted_protocol_version="2020.1")
    response = post_alert(live.group, live.author)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "protocol_not_accepted"
    assert f"/groups/{live.group.pk}/charter/" in body["message"]
    assert not Alert.objects.exists()

"""Moderation (approve, redact, reject), strikes and suspension, follow-ups, closing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.alerts import closing
from buurtwacht.alerts.models import Alert, FollowUp, Status, Strike
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.organisation.models import Membership
from buurtwacht.protocols import load_protocol

THIRD_PARTY = "Het is Jan Peeters uit de Molenstraat 12, bel hem op 0470 12 34 56."
VIGILANTE = "Iedereen naar buiten, we gaan ze achterna en geven ze een pak slaag!"


@pytest.fixture
def held(live, post_alert):
    body = post_alert(live.group, live.author, description=THIRD_PARTY).json()
    assert body["status"] == "held"
    return Alert.objects.get(pk=body["id"])


def test_queue_lists_held_alert_for_coordinator_only(live, held, client):
    client.force_login(live.coordinator)
    queue = client.get(f"/api/groups/{live.group.pk}/moderation").json()
    assert [a["id"] for a in queue["alerts"]] == [held.pk]
    client.force_login(live.members[1])
    assert client.get(f"/api/groups/{live.group.pk}/moderation").status_code == 403


def test_approve_fans_out(live, held, client):
    client.force_login(live.coordinator)
    response = client.post(f"/api/moderation/alerts/{held.pk}/approve")
    assert response.status_code == 200 and response.json()["status"] == "open"
    assert OutboundMessage.objects.filter(kind="alert", ref_id=held.pk).exists()
    assert [e.kind for e in held.events.all()] == ["created", "held", "approved", "published"]


def test_member_cannot_approve(live, held, client):
    client.force_login(live.members[1])  # may not even know it exists
    assert client.post(f"/api/moderation/alerts/{held.pk}/approve").status_code == 404
    client.force_login(live.author)  # sees it, may not approve it
    assert client.post(f"/api/moderation/alerts/{held.pk}/approve").status_code == 403
    held.refresh_from_db()
    assert held.status == Status.HELD


def test_redacted_version_is_screened_again_and_sent(live, held, client):
    client.force_login(live.coordinator)
    response = client.post(
        f"/api/moderation/alerts/{held.pk}/redact",
        {"changes": {"description": "Man van ongeveer 40, blauwe jas."}},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "open" and response.json()["verdict"] == "allow"
    held.refresh_from_db()
    assert "Peeters" not in str(held.members_copy)
    assert OutboundMessage.objects.filter(ref_id=held.pk).exists()


def test_redaction_that_still_holds_stays_held(live, held, client):
    client.force_login(live.coordinator)
    response = client.post(
        f"/api/moderation/alerts/{held.pk}/redact",
        {"changes": {"description": "Bel 0470 12 34 56 voor meer info."}},
        content_type="application/json",
    )
    assert response.json()["status"] == "held"
    assert not OutboundMessage.objects.exists()


def test_reject_tells_the_sender_why(live, held, client):
    client.force_login(live.coordinator)
    response = client.post(
        f"/api/moderation/alerts/{held.pk}/reject",
        {"reason": "Geen namen van personen, beschrijf wat je zag."},
        content_type="application/json",
    )
    assert response.json()["status"] == "rejected"
    held.refresh_from_db()
    assert held.moderation_note.startswith("Geen namen")
    assert not OutboundMessage.objects.exists()


def test_strikes_up_to_the_limit_suspend_posting(live, post_alert):
    limit = load_protocol("be-type").strike_limit
    for _ in range(limit):
        assert post_alert(live.group, live.author, what=VIGILANTE).status_code == 422
    assert Strike.objects.filter(user=live.author).count() == limit
    membership = Membership.objects.get(user=live.author, group=live.group)
    assert membership.posting_suspended_at is not None
    response = post_alert(live.group, live.author)
    assert response.status_code == 403 and response.json()["code"] == "posting_suspended"
    assert membership.status == Membership.Status.ACTIVE  # still reads the group


def test_follow_up_thread_and_chatter_held(live, post_alert, client):
    alert_id = post_alert(live.group, live.author).json()["id"]
    client.force_login(live.members[1])
    observed = client.post(
        f"/api/alerts/{alert_id}/follow-ups",
        {"text": "Ze zijn nu de hoek om, richting Stationsplein gelopen."},
        content_type="application/json",
    )
    assert observed.status_code == 201 and observed.json()["status"] == "published"
    thanks = client.post(
        f"/api/alerts/{alert_id}/follow-ups",
        {"text": "Bedankt voor de melding, goed bezig allemaal! 👍"},
        content_type="application/json",
    )
    assert thanks.status_code == 201 and thanks.json()["status"] == "held"
    own = client.get(f"/api/groups/{live.group.pk}/alerts").json()[0]["follow_ups"]
    assert [f["status"] for f in own] == ["published", "held"]  # the sender sees it waits
    assert own[1]["reasons"]
    client.force_login(live.members[2])
    feed = client.get(f"/api/groups/{live.group.pk}/alerts").json()
    assert [f["text"] for f in feed[0]["follow_ups"]] == [
        "Ze zijn nu de hoek om, richting Stationsplein gelopen."
    ]
    assert OutboundMessage.objects.filter(kind="follow_up").count() == 1
    assert FollowUp.objects.filter(status=Status.HELD).count() == 1


@pytest.mark.parametrize("closer", ["author", "coordinator", "police"])
def test_close_by_sender_coordinator_or_police(live, post_alert, client, closer):
    alert_id = post_alert(live.group, live.author).json()["id"]
    client.force_login(getattr(live, closer))
    response = client.post(
        f"/api/alerts/{alert_id}/close",
        {"outcome": "police_handled"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["status"] == "closed"
    alert = Alert.objects.get(pk=alert_id)
    event = alert.events.get(kind="closed")
    assert event.actor == getattr(live, closer) and event.detail == {"outcome": "police_handled"}
    assert OutboundMessage.objects.filter(kind="closed", ref_id=alert_id).exists()


def test_other_member_cannot_close(live, post_alert, client):
    alert_id = post_alert(live.group, live.author).json()["id"]
    client.force_login(live.members[2])
    response = client.post(
        f"/api/alerts/{alert_id}/close", {"outcome": "false_alarm"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert Alert.objects.get(pk=alert_id).status == Status.OPEN


def test_auto_close_after_protocol_hours(live, post_alert):
    alert_id = post_alert(live.group, live.author).json()["id"]
    hours = load_protocol("be-type").auto_close_hours
    published = Alert.objects.get(pk=alert_id).published_at
    assert closing.close_stale_alerts(now=published + timedelta(hours=hours, minutes=-1)) == 0
    assert closing.close_stale_alerts(now=published + timedelta(hours=hours, minutes=1)) == 1
    alert = Alert.objects.get(pk=alert_id)
    assert alert.status == Status.CLOSED and alert.outcome == "unresolved"
    assert alert.events.get(kind="auto_closed").actor is None
    assert closing.close_stale_alerts(now=timezone.now() + timedelta(days=30)) == 0


def test_worker_runs_the_auto_close_job(live, post_alert):
    from buurtwacht.delivery.management.commands.worker import run_due_jobs

    alert_id = post_alert(live.group, live.author).json()["id"]
    Alert.objects.filter(pk=alert_id).update(published_at=timezone.now() - timedelta(days=2))
    last_run: dict[str, float] = {}
    assert "buurtwacht.alerts.closing.close_stale_alerts" in run_due_jobs(last_run, now=1000.0)
    assert Alert.objects.get(pk=alert_id).status == Status.CLOSED
    again = run_due_jobs(last_run, now=1010.0)
    assert "buurtwacht.alerts.closing.close_stale_alerts" not in again  # not due yet

"""Who reads an alert or a follow-up in each state (issue 13): the API detail, the page and
the moderation endpoints, for every role. Others get 404, never 403, so ids reveal nothing."""

import pytest

from buurtwacht.alerts import closing, moderation
from buurtwacht.alerts.models import Alert, FollowUp, Status
from buurtwacht.privacy.models import AuditEntry

THIRD_PARTY = "Het is Jan Peeters uit de Molenstraat 12, bel hem op 0470 12 34 56."
ROLES = ("author", "other_member", "coordinator", "police", "other_police", "prevention")
GROUP_READS = {"author", "other_member", "coordinator", "police"}
HELD_READS = {"author", "coordinator", "police"}
EXPECTED = {
    Status.OPEN: GROUP_READS,
    Status.CLOSED: GROUP_READS,
    Status.HELD: HELD_READS,
    Status.REJECTED: HELD_READS,
}


def person(live, role):
    return {
        "author": live.author,
        "other_member": live.members[1],
        "coordinator": live.coordinator,
        "police": live.police,
        "other_police": live.other_police,
        "prevention": live.prevention,
    }[role]


@pytest.fixture
def alert_in(live, post_alert):
    """An alert of live.author brought into the given state through the real flow."""

    def make(state) -> Alert:
        held = state in (Status.HELD, Status.REJECTED)
        extra = {"description": THIRD_PARTY} if held else {}
        body = post_alert(live.group, live.author, force_new=True, **extra)
        alert = Alert.objects.get(pk=body.json()["id"])
        if state == Status.REJECTED:
            moderation.reject(alert, by=live.coordinator, reason="Geen namen van personen.")
        if state == Status.CLOSED:
            closing.close_alert(alert, by=live.author, outcome="false_alarm")
        alert.refresh_from_db()
        assert alert.status == state
        return alert

    return make


@pytest.mark.parametrize("state", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_alert_detail_api_and_page(live, alert_in, client, state, role):
    alert = alert_in(state)
    client.force_login(person(live, role))
    api = client.get(f"/api/alerts/{alert.pk}")
    page = client.get(f"/alerts/{alert.pk}/")
    allowed = role in EXPECTED[state]
    assert api.status_code == (200 if allowed else 404), (role, state)
    assert page.status_code == (200 if allowed else 404), (role, state)
    if not allowed:
        assert "Kerkstraat" not in api.content.decode() + page.content.decode()


def test_author_sees_why_their_alert_waits_or_was_refused(live, alert_in, client):
    client.force_login(live.author)
    held = client.get(f"/api/alerts/{alert_in(Status.HELD).pk}").json()
    assert held["status"] == "held" and held["reasons"]
    assert "Peeters" not in str(held)  # the author too reads the masked copy
    rejected = client.get(f"/api/alerts/{alert_in(Status.REJECTED).pk}").json()
    assert rejected["moderation_note"] == "Geen namen van personen."
    page = client.get(f"/alerts/{alert_in(Status.HELD).pk}/").content.decode()
    assert "Vastgehouden voor de coördinator" in page  # in the member's language (nl)


def test_a_reader_who_is_not_the_author_is_not_told_the_reasons(live, alert_in, client):
    client.force_login(live.members[1])
    body = client.get(f"/api/alerts/{alert_in(Status.OPEN).pk}").json()
    assert "reasons" not in body and "moderation_note" not in body


def test_police_read_the_original_of_a_held_alert_only_with_a_reason(live, alert_in, client):
    alert = alert_in(Status.HELD)
    client.force_login(live.police)
    body = client.get(f"/api/alerts/{alert.pk}").json()
    assert "Peeters" not in str(body) and body["has_police_only"]
    assert not AuditEntry.objects.exists()  # the masked copy is no read of personal data
    revealed = client.post(
        f"/api/police/alerts/{alert.pk}/reveal", {"reason": "PV 2026/123"},
        content_type="application/json",
    ).json()  # fmt: skip
    assert "Peeters" in revealed["original"]["description"]
    entry = AuditEntry.objects.get(subject_id=str(alert.pk))
    assert (entry.actor, entry.reason) == (live.police, "PV 2026/123")


def test_held_alert_is_in_the_feed_of_its_author_only(live, alert_in, client):
    open_alert, held = alert_in(Status.OPEN), alert_in(Status.HELD)
    feeds = {}
    for role in ("author", "other_member", "coordinator", "police"):
        client.force_login(person(live, role))
        feeds[role] = {a["id"] for a in client.get(f"/api/groups/{live.group.pk}/alerts").json()}
    assert feeds["author"] == {open_alert.pk, held.pk}
    assert feeds["other_member"] == feeds["coordinator"] == feeds["police"] == {open_alert.pk}


@pytest.fixture
def follow_up_in(live, alert_in, client):
    def make(state) -> FollowUp:
        alert = alert_in(Status.OPEN)
        client.force_login(live.author)
        text = THIRD_PARTY if state != Status.PUBLISHED else "Ze lopen nu richting station."
        body = client.post(
            f"/api/alerts/{alert.pk}/follow-ups", {"text": text}, content_type="application/json"
        ).json()
        item = FollowUp.objects.get(pk=body["id"])
        if state == Status.REJECTED:
            moderation.reject(item, by=live.coordinator, reason="Geen namen.")
        item.refresh_from_db()
        assert item.status == state
        return item

    return make


@pytest.mark.parametrize("state", [Status.PUBLISHED, Status.HELD, Status.REJECTED])
@pytest.mark.parametrize("role", ROLES)
def test_follow_up_in_each_state(live, follow_up_in, client, state, role):
    item = follow_up_in(state)
    client.force_login(person(live, role))
    api = client.get(f"/api/alerts/{item.alert_id}")
    page = client.get(f"/alerts/{item.alert_id}/")
    if role not in GROUP_READS:
        assert api.status_code == page.status_code == 404
        return
    seen = [f["id"] for f in api.json()["follow_ups"]]
    readers = GROUP_READS if state == Status.PUBLISHED else HELD_READS
    assert (item.pk in seen) == (role in readers), (role, state)
    assert (item.members_text in page.content.decode()) == (role in readers), (role, state)


def test_other_members_cannot_probe_held_items_through_moderation(live, alert_in, client):
    held = alert_in(Status.HELD)
    client.force_login(live.members[1])
    for action in ("approve", "reject"):
        response = client.post(
            f"/api/moderation/alerts/{held.pk}/{action}",
            {"reason": "x"},
            content_type="application/json",
        )
        assert response.status_code == 404
    missing = client.post("/api/moderation/alerts/999999/approve")
    assert missing.status_code == 404  # the same answer as for a held item of the group
    held.refresh_from_db()
    assert held.status == Status.HELD


def test_a_member_of_another_group_can_neither_read_nor_post_here(
    live, alert_in, client, make_user
):
    from buurtwacht.organisation.models import Membership

    outsider = make_user("elders")
    Membership.objects.create(group=live.other_group, user=outsider, status="active")
    alert = alert_in(Status.OPEN)
    client.force_login(outsider)
    group = live.group.pk
    assert client.get(f"/groups/{group}/").status_code == 403
    assert client.get(f"/groups/{group}/alerts/new/").status_code == 403
    assert client.get(f"/api/groups/{group}/alerts").status_code == 403
    assert client.get(f"/api/alerts/{alert.pk}").status_code == 404
    assert client.get(f"/alerts/{alert.pk}/").status_code == 404
    posted = client.post(
        f"/api/groups/{group}/alerts", {"category": "theft", "what": "x", "where": "y",
                                        "called_number": "101",
                                        "called_at": "2026-12-03T10:00:00+01:00"},
        content_type="application/json",
    )  # fmt: skip
    assert posted.status_code == 403 and posted.json()["code"] == "not_member"
    reply = client.post(
        f"/api/alerts/{alert.pk}/follow-ups", {"text": "Ik zie ze ook"},
        content_type="application/json",
    )  # fmt: skip
    assert reply.status_code == 404
    assert Alert.objects.count() == 1 and not FollowUp.objects.exists()

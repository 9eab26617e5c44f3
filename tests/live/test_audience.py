"""A held message never reaches another member's live feed, live or on replay with
Last-Event-ID (issue 13); coordinators and the police receive it at once."""

import queue

import pytest
from django.test import Client

from buurtwacht.alerts.models import Alert, FollowUp
from buurtwacht.delivery.live import latest_event_id
from tests.alerts.conftest import alert_payload, live  # noqa: F401 (fixture)

THIRD_PARTY = "Het is Jan Peeters uit de Molenstraat 12, bel hem op 0470 12 34 56."


def post(user, path, body):
    client = Client()
    client.force_login(user)
    return client.post(path, body, content_type="application/json").json()


def feed_url(base, group):
    return f"{base}/live/groups/{group.pk}/events"


def ids_until_quiet(client) -> list[tuple[str, int]]:
    got = []
    while True:
        try:
            event = client.next(timeout=0.5)
        except queue.Empty:
            return got
        got.append((event["event"], event["data"]["data"].get("ref_id")))


def test_held_alert_reaches_moderators_and_never_other_members(
    thread_server,
    live,  # noqa: F811
    cookie_for,
    sse,
):
    url = feed_url(thread_server, live.group)
    start = latest_event_id(live.group.pk)
    member = sse(url, cookie_for(live.members[1])).wait_connected()
    coordinator = sse(url, cookie_for(live.coordinator)).wait_connected()
    police = sse(url, cookie_for(live.police)).wait_connected()

    held = post(
        live.author, f"/api/groups/{live.group.pk}/alerts", alert_payload(description=THIRD_PARTY)
    )
    assert held["status"] == "held"
    sent = post(
        live.author,
        f"/api/groups/{live.group.pk}/alerts",
        alert_payload(where="Molenstraat", force_new=True),
    )
    assert sent["status"] == "open"

    assert ids_until_quiet(member) == [("alert", sent["id"])]
    for staff in (coordinator, police):
        assert ids_until_quiet(staff) == [("held", held["id"]), ("alert", sent["id"])]

    # Reconnecting with Last-Event-ID replays from the database: the same rule applies there.
    member.close()
    back = sse(url, cookie_for(live.members[1]), last_event_id=start).wait_connected()
    assert ids_until_quiet(back) == [("alert", sent["id"])]
    coordinator_back = sse(url, cookie_for(live.coordinator), last_event_id=start)
    assert ids_until_quiet(coordinator_back.wait_connected()) == [
        ("held", held["id"]),
        ("alert", sent["id"]),
    ]


def test_held_follow_up_stays_off_members_replay(
    thread_server,
    live,  # noqa: F811
    cookie_for,
    sse,
):
    alert = post(live.author, f"/api/groups/{live.group.pk}/alerts", alert_payload())
    start = latest_event_id(live.group.pk)
    path = f"/api/alerts/{alert['id']}/follow-ups"
    held = post(live.members[1], path, {"text": THIRD_PARTY})
    published = post(live.members[1], path, {"text": "Ze lopen nu richting station."})
    assert (held["status"], published["status"]) == ("held", "published")
    assert FollowUp.objects.filter(alert=Alert.objects.get(pk=alert["id"])).count() == 2

    url = feed_url(thread_server, live.group)
    for reader in (live.members[1], live.members[2]):  # also the author of the held one
        replay = sse(url, cookie_for(reader), last_event_id=start).wait_connected()
        assert ids_until_quiet(replay) == [("follow_up", alert["id"])]
        replay.close()


@pytest.mark.parametrize("who", ["other_police", "prevention"])
def test_staff_outside_the_group_may_not_follow(thread_server, live, cookie_for, who):  # noqa: F811
    import httpx

    r = httpx.get(feed_url(thread_server, live.group), cookies=cookie_for(getattr(live, who)))
    assert r.status_code == 403

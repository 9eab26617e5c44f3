"""The SSE endpoint over real HTTP, one process: in-process hub, uvicorn on a thread."""

import queue
import time

import httpx
import pytest

from buurtwacht.delivery.live import broadcast, latest_event_id
from buurtwacht.delivery.live.models import LiveEvent
from buurtwacht.delivery.live.pubsub import get_hub
from buurtwacht.organisation.models import Membership


def feed_url(base, group):
    return f"{base}/live/groups/{group.pk}/events"


def send(group, n, **kw):
    return [broadcast(group_id=group.pk, kind="alert", data={"text": f"a{i}"}, **kw) for i in n]


def test_two_members_receive_a_broadcast_within_a_second(
    thread_server, world, member, cookie_for, sse
):
    url = feed_url(thread_server, world.group)
    a = sse(url, cookie_for(member())).wait_connected()
    b = sse(url, cookie_for(world.coordinator)).wait_connected()
    assert a.status == 200 and a.content_type.startswith("text/event-stream")
    sent_at = time.perf_counter()
    event_id = broadcast(group_id=world.group.pk, kind="alert", data={"text": "Verdachte wagen"})
    for client in (a, b):
        got = client.next(timeout=1.0)
        assert got["id"] == event_id and got["event"] == "alert"
        assert got["data"]["data"] == {"text": "Verdachte wagen"}
        assert got["data"]["group"] == world.group.pk
        assert got["received_at"] - sent_at < 1.0


def test_other_groups_events_do_not_leak(thread_server, world, member, cookie_for, sse):
    a = sse(feed_url(thread_server, world.group), cookie_for(member())).wait_connected()
    broadcast(group_id=world.other_group.pk, kind="alert", data={"text": "elders"})
    mine = broadcast(group_id=world.group.pk, kind="alert", data={"text": "hier"})
    assert a.next()["id"] == mine


def test_reconnect_with_last_event_id_gets_exactly_the_missed_events_in_order(
    thread_server, world, member, cookie_for, sse
):
    url = feed_url(thread_server, world.group)
    cookies = cookie_for(member())
    stays = sse(url, cookie_for(world.coordinator)).wait_connected()
    leaves = sse(url, cookies).wait_connected()
    first = send(world.group, range(2))
    assert [leaves.next()["id"] for _ in first] == first
    leaves.close()
    missed = send(world.group, range(2, 7))
    back = sse(url, cookies, last_event_id=first[-1]).wait_connected()
    later = send(world.group, range(7, 9))
    assert [back.next()["id"] for _ in missed + later] == missed + later
    with pytest.raises(queue.Empty):  # nothing doubled
        back.next(timeout=0.3)
    assert [stays.next()["id"] for _ in first + missed + later] == first + missed + later


def test_query_parameter_sets_the_starting_point(thread_server, world, member, cookie_for, sse):
    before = send(world.group, range(3))
    start = latest_event_id(world.group.pk)
    after = send(world.group, range(3, 5))
    url = f"{feed_url(thread_server, world.group)}?last_event_id={before[0]}"
    client = sse(url, cookie_for(member())).wait_connected()
    assert [client.next()["id"] for _ in before[1:] + after] == before[1:] + after
    assert start == before[-1]


def test_first_visit_without_id_starts_now(thread_server, world, member, cookie_for, sse):
    send(world.group, range(3))
    client = sse(feed_url(thread_server, world.group), cookie_for(member())).wait_connected()
    fresh = send(world.group, range(1))
    assert client.next()["id"] == fresh[0]


def test_only_active_members_and_the_police_contact_may_follow(
    thread_server, world, member, make_user, cookie_for
):
    world.group.police_contact = world.police
    world.group.save()
    url = feed_url(thread_server, world.group)
    refused = {
        "anonymous": {},
        "outsider": cookie_for(make_user()),
        "pending": cookie_for(member(status=Membership.Status.PENDING)),
        "removed": cookie_for(member(status=Membership.Status.REMOVED)),
        "other group": cookie_for(member(group=world.other_group)),
        "other police": cookie_for(world.other_police),
    }
    for who, cookies in refused.items():
        r = httpx.get(url, cookies=cookies, timeout=5)
        assert r.status_code == 403, who
    with httpx.stream("GET", url, cookies=cookie_for(world.police), timeout=5) as r:
        assert r.status_code == 200


def test_disconnect_releases_the_subscription(thread_server, world, member, cookie_for, sse):
    client = sse(feed_url(thread_server, world.group), cookie_for(member())).wait_connected()
    hub = get_hub()
    assert hub.subscriber_count(world.group.pk) == 1
    client.close()
    deadline = time.monotonic() + 2
    while hub.subscriber_count(world.group.pk) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert hub.subscriber_count(world.group.pk) == 0


def test_a_retried_outbox_message_is_stored_and_sent_once(world, transactional_db):
    first = broadcast(group_id=world.group.pk, kind="alert", data={}, message_id=42)
    again = broadcast(group_id=world.group.pk, kind="alert", data={}, message_id=42)
    assert first == again and LiveEvent.objects.filter(message_id=42).count() == 1


def test_the_feed_script_is_found_by_staticfiles():
    from django.contrib.staticfiles import finders

    path = finders.find("live/feed.js")
    text = open(path, encoding="utf-8").read()
    assert "EventSource" in text and "data-live-url" in text and "textContent" in text

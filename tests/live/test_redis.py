"""Several server processes joined through Redis pub/sub (REDIS_URL set)."""

import time

import redis

from buurtwacht.delivery.live import broadcast
from buurtwacht.delivery.live.pubsub import RedisHub

from .conftest import server_env, subprocess_servers


def feed(base, group):
    return f"{base}/live/groups/{group.pk}/events"


def send(group, n):
    return [broadcast(group_id=group.pk, kind="alert", data={"n": i}) for i in range(n)]


def test_a_broadcast_in_another_process_reaches_clients_of_every_server(
    transactional_db, world, member, cookie_for, sse, redis_url, settings
):
    settings.REDIS_URL = redis_url  # this test process publishes through Redis too
    cookies = cookie_for(member())
    with subprocess_servers(server_env(REDIS_URL=redis_url), 2) as (a, b):
        on_a = sse(feed(a, world.group), cookies).wait_connected()
        on_b = sse(feed(b, world.group), cookie_for(world.coordinator)).wait_connected()
        sent_at = time.perf_counter()
        first = send(world.group, 2)
        for client in (on_a, on_b):
            got = [client.next(timeout=1.0) for _ in first]
            assert [g["id"] for g in got] == first
            assert got[0]["received_at"] - sent_at < 1.0

        on_a.close()  # the member walks away from server A ...
        missed = send(world.group, 3)
        back = sse(feed(b, world.group), cookies, last_event_id=first[-1]).wait_connected()
        assert [back.next()["id"] for _ in missed] == missed  # ... and comes back on B
        assert [on_b.next()["id"] for _ in missed] == missed
        sse.close_all()


def test_events_published_while_the_listener_reconnects_arrive_from_the_database(
    transactional_db, world, member, cookie_for, sse, redis_url, settings
):
    settings.REDIS_URL = redis_url
    with subprocess_servers(server_env(REDIS_URL=redis_url), 1) as (a,):
        client = sse(feed(a, world.group), cookie_for(member())).wait_connected()
        kill_listeners(redis_url)
        during = send(world.group, 3)  # Redis drops these: nobody of ours is subscribed
        assert [client.next(timeout=3.0)["id"] for _ in during] == during
        after = send(world.group, 1)
        assert client.next(timeout=1.0)["id"] == after[0]
        sse.close_all()


def kill_listeners(url: str) -> None:
    """Cut our server's listener connection (only ours: same name and database)."""
    r = redis.Redis.from_url(url)
    db = r.connection_pool.connection_kwargs.get("db", 0)
    for c in r.client_list():
        if c.get("name") == RedisHub.CLIENT_NAME and int(c.get("db", 0)) == db:
            r.client_kill_filter(_id=c["id"])

"""The feed's lean route in front of Django (delivery/live/front.py) and the per-process access
re-check (stream.Watch): the same headers as any page, the same refusals, and a stream that
ends when its member is removed or its session ends."""

import time

import httpx
import pytest
from django.contrib.sessions.models import Session

from buurtwacht.delivery.live import access, stream
from buurtwacht.organisation import roles
from buurtwacht.organisation.models import Membership, User
from tests.accounts.otp_sessions import real_second_factor  # noqa: F401 - fixture

SECURITY_HEADERS = (
    "content-security-policy",
    "permissions-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
)


def feed_url(base, group):
    return f"{base}/live/groups/{group.pk}/events"


def test_the_feed_carries_the_security_headers_of_every_page(
    thread_server, world, member, cookie_for
):
    page = httpx.get(f"{thread_server}/login/code/", timeout=5)
    with httpx.stream(
        "GET", feed_url(thread_server, world.group), cookies=cookie_for(member()), timeout=5
    ) as feed:
        assert feed.status_code == 200
        assert feed.headers["content-type"] == "text/event-stream; charset=utf-8"
        assert feed.headers["cache-control"] == "no-cache, no-store"
        for name in SECURITY_HEADERS:
            assert feed.headers.get(name) == page.headers[name], name


def test_refusals_and_unknown_hosts_are_djangos_answers(
    thread_server, world, make_user, cookie_for
):
    url = feed_url(thread_server, world.group)
    refused = httpx.get(url, cookies=cookie_for(make_user()), timeout=5)
    assert refused.status_code == 403 and "content-security-policy" in refused.headers
    assert httpx.get(url, headers={"Host": "evil.example"}, timeout=5).status_code == 400
    tampered = httpx.get(url, cookies={"sessionid": "x" * 32}, timeout=5)
    assert tampered.status_code == 403


@pytest.fixture
def quick_recheck(monkeypatch):
    monkeypatch.setattr(stream, "RECHECK_SECONDS", 0.3)


def wait_closed(client, timeout=5.0) -> None:
    """The stream ended: the reader's task finished (the server closed the response)."""
    deadline = time.monotonic() + timeout
    while not client._future.done():
        assert time.monotonic() < deadline, "the stream was not ended"
        time.sleep(0.05)


def test_a_removed_member_and_an_ended_session_stop_receiving(
    thread_server, world, member, cookie_for, sse, quick_recheck
):
    url = feed_url(thread_server, world.group)
    removed, logged_out, stays = member(), member(), member()
    logged_out_cookie = cookie_for(logged_out)
    feeds = {
        "removed": sse(url, cookie_for(removed)).wait_connected(),
        "logged out": sse(url, logged_out_cookie).wait_connected(),
        "stays": sse(url, cookie_for(stays)).wait_connected(),
    }
    Membership.objects.filter(user=removed).update(status=Membership.Status.REMOVED)
    Session.objects.filter(session_key=logged_out_cookie["sessionid"]).delete()
    wait_closed(feeds["removed"])
    wait_closed(feeds["logged out"])
    time.sleep(0.5)  # a re-check or two later, the member who stays is still connected
    assert not feeds["stays"]._future.done()


def test_a_changed_password_ends_the_stream(
    thread_server, world, member, cookie_for, sse, quick_recheck
):
    user = member()
    client = sse(feed_url(thread_server, world.group), cookie_for(user)).wait_connected()
    user.set_password("een nieuw wachtwoord 123")
    user.save()
    wait_closed(client)


def test_batched_reader_levels_agree_with_reader_level(world, make_user):
    world.group.police_contact = world.police
    world.group.save()
    suspended = make_user()
    Membership.objects.create(group=world.group, user=suspended, status=Membership.Status.SUSPENDED)
    pending = make_user()
    Membership.objects.create(group=world.group, user=pending, status=Membership.Status.PENDING)
    inactive = make_user()
    Membership.objects.create(group=world.group, user=inactive, status=Membership.Status.ACTIVE)
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    people = [*User.objects.all()]
    groups = [world.group, world.other_group]
    pairs = [(u.pk, g.pk) for u in people for g in groups]
    batched = roles.reader_levels(pairs, inactive={u.pk for u in people if not u.is_active})
    for user in people:
        for group in groups:
            assert batched[(user.pk, group.pk)] == roles.reader_level(user, group), (user, group)


def test_readers_answers_per_feed_in_order(world, make_user, cookie_for):
    coordinator_key = cookie_for(world.coordinator)["sessionid"]
    outsider_key = cookie_for(make_user())["sessionid"]
    got = access.readers(
        [(coordinator_key, world.group.pk), (outsider_key, world.group.pk),
         (coordinator_key, world.other_group.pk), ("no-such-session-key", world.group.pk)]
    )  # fmt: skip
    assert got[0] == access.Reader(world.coordinator.pk, frozenset({"members", "moderators"}))
    assert got[1:] == [None, None, None]


def test_an_allowed_connect_does_not_go_through_django(world, member, cookie_for):
    """The point of the route: Django's handler (here one that records being called) is not
    asked; the stream opens with its `: connected` comment."""
    import asyncio

    from buurtwacht.delivery.live.front import LiveFront

    asked = []

    async def django_app(scope, receive, send):
        asked.append(scope["path"])

    key = cookie_for(member())["sessionid"]
    scope = {
        "type": "http", "method": "GET", "path": f"/live/groups/{world.group.pk}/events",
        "query_string": b"", "root_path": "", "scheme": "http", "server": ("127.0.0.1", 80),
        "headers": [(b"host", b"127.0.0.1"), (b"cookie", f"sessionid={key}".encode())],
    }  # fmt: skip
    sent = []

    async def run():
        connected = asyncio.Event()

        async def send(message):
            sent.append(message)
            if b": connected" in message.get("body", b""):
                connected.set()

        async def receive():
            await connected.wait()
            return {"type": "http.disconnect"}

        await asyncio.wait_for(LiveFront(django_app)(scope, receive, send), 10)

    asyncio.run(run())
    assert asked == []
    assert sent[0]["status"] == 200
    assert any(b": connected" in m.get("body", b"") for m in sent[1:])


def test_a_silent_feed_gets_keep_alives(thread_server, world, member, cookie_for, monkeypatch):
    monkeypatch.setattr(stream, "KEEPALIVE_SECONDS", 0.3)
    url = feed_url(thread_server, world.group)
    lines = []
    with httpx.stream("GET", url, cookies=cookie_for(member()), timeout=5) as response:
        for line in response.iter_lines():
            lines.append(line)
            if lines.count(": keep-alive") == 2:
                break
    assert lines[:2] == ["retry: 2000", ": connected"]


def test_concurrent_connects_share_one_batch():
    """A burst of connects pays the access queries once per batch, each caller its own answer,
    in its own order."""
    import asyncio

    calls = []

    def square_all(numbers):
        calls.append(list(numbers))
        time.sleep(0.05)  # this batch is in flight while the late callers arrive
        return [n * n for n in numbers]

    batched = stream.Batched(square_all)

    async def burst():
        first = asyncio.gather(*(batched(n) for n in range(5)))
        await asyncio.sleep(0.01)  # the first five are in flight: the next five wait, together
        later = asyncio.gather(*(batched(n) for n in range(5, 10)))
        return [*await first, *await later]

    assert asyncio.run(burst()) == [n * n for n in range(10)]
    assert calls == [list(range(5)), list(range(5, 10))]


def test_an_operator_requiring_a_second_factor_on_the_feed_is_obeyed(
    thread_server,
    world,
    cookie_for,
    settings,
    real_second_factor,  # noqa: F811
):
    """OTP_REQUIRED_PATHS is Django's middleware's rule: a feed under it goes through Django,
    so unverified staff are sent to the verification step instead of being streamed to."""
    world.group.police_contact = world.police
    world.group.save()
    settings.OTP_REQUIRED_PATHS = [*settings.OTP_REQUIRED_PATHS, "/live/"]
    r = httpx.get(feed_url(thread_server, world.group), cookies=cookie_for(world.police), timeout=5)
    assert r.status_code == 302 and "/otp" in r.headers["location"]

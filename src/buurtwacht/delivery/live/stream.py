"""The SSE stream of one group: subscribe, replay what was missed, then follow live.

Order of operations is the guarantee: subscribing *before* reading the database means an
event committed in between is in both places, never in neither; a window of recently sent
ids removes the doubles.
"""

import asyncio
import json
import logging
import weakref
from collections import OrderedDict, deque

from asgiref.sync import sync_to_async
from django.db import connection

from . import access, events

log = logging.getLogger(__name__)

KEEPALIVE_SECONDS = 15.0
RECHECK_SECONDS = 15.0  # a removed member, an ended session stop receiving within this long
RETRY_MS = 2000  # EventSource reconnection delay
SEEN_WINDOW = 4096
CONTENT_TYPE = "text/event-stream; charset=utf-8"
# nginx would otherwise hold events back
STREAM_HEADERS = (("Cache-Control", "no-cache, no-store"), ("X-Accel-Buffering", "no"))
FRAME_CACHE = 1024  # rendered frames kept: a group's feeds all send the same text


KEEPALIVE = b": keep-alive\n\n"
_frames: OrderedDict[tuple[int, str], bytes] = OrderedDict()


def frame(payload: dict) -> bytes:
    """One SSE message; json.dumps escapes newlines, so data: is always a single line.
    Rendered once per event and process, not once per feed (an event id names one immutable
    row, so its text never changes)."""
    key = (payload["id"], payload["kind"])
    text = _frames.get(key)
    if text is None:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        text = f"id: {payload['id']}\nevent: {payload['kind']}\ndata: {data}\n\n".encode()
        _frames[key] = text
        if len(_frames) > FRAME_CACHE:
            _frames.popitem(last=False)
    return text


def reset_frame(last_id: int) -> bytes:
    """Too much was missed to replay: the page should reload (its id moves the cursor on)."""
    return f'id: {last_id}\nevent: reset\ndata: {{"id":{last_id}}}\n\n'.encode()


def _closing(fn):
    """Run an ORM call off the event loop and close its connection straight after: a feed
    stays open for hours, a database connection per open feed would not scale."""

    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        finally:
            connection.close()

    return sync_to_async(call, thread_sensitive=False)


missed = _closing(events.missed)
readers = _closing(access.readers)


class Batched:
    """Calls made on one event loop while an earlier one is in flight wait and then share one
    off-loop call of `batch` (a list of arguments in, a list of results out). Alone, a call is
    a batch of one (no added wait); in a burst of connects, the ORM's fixed cost per query
    (most of a connect's CPU) is paid once per batch instead of once per feed."""

    def __init__(self, batch):
        self.batch = _closing(batch)
        self._state: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    async def __call__(self, arg):
        loop = asyncio.get_running_loop()
        state = self._state.setdefault(loop, {"waiting": [], "running": False})
        future = loop.create_future()
        state["waiting"].append((arg, future))
        if not state["running"]:
            state["running"] = True
            loop.create_task(self._drain(state))
        return await future

    async def _drain(self, state: dict) -> None:
        try:
            while state["waiting"]:
                calls, state["waiting"] = state["waiting"], []
                try:
                    results = await self.batch([arg for arg, _ in calls])
                except Exception as exc:  # noqa: BLE001 - every caller gets the failure
                    for _, future in calls:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, future), result in zip(calls, results, strict=True):
                    if not future.done():  # a caller gone meanwhile was cancelled
                        future.set_result(result)
        finally:
            state["running"] = False


_readers = Batched(access.readers)
_latest = Batched(events.latest_event_ids)


async def reader(*, session_key: str | None, group_id: int) -> access.Reader | None:
    """access.reader, batched with the connects in flight on this loop."""
    if not session_key:
        return None
    return await _readers((session_key, group_id))


async def latest_event_id(*, group_id: int) -> int:
    """events.latest_event_id, batched likewise. Called after subscribing: a batch starts
    only after each of its callers subscribed, so "subscribe, then read" still holds."""
    return await _latest(group_id)


class Feed:
    """One open stream: whose session it follows and what it may receive. The process's
    `Watch` updates `audiences` in place; emptied, the stream ends."""

    def __init__(self, *, session_key: str, group_id: int, reader: access.Reader):
        self.session_key = session_key
        self.group_id = group_id
        self.user_id = reader.user_id
        self.audiences: set[str] = set(reader.audiences)
        self.sub = None  # the hub subscription, while streaming
        self.sent_at = 0.0  # loop time of the last bytes sent (keep-alives fill silences)

    def update(self, now: access.Reader | None) -> None:
        """Apply a re-check; a lost session, another user or no level left ends the stream
        (woken through its queue so it does not wait for the next keep-alive)."""
        allowed = set(now.audiences) if now and now.user_id == self.user_id else set()
        self.audiences.intersection_update(allowed)
        self.audiences.update(allowed)
        if not allowed and self.sub is not None:
            self.sub.offer(None)


class Watch:
    """The open feeds of one event loop, re-checked together every RECHECK_SECONDS: one
    batch of queries for all of them (live/access.py) instead of a few per feed, which for
    2,000 idle feeds cost most of a core. It also sends the keep-alives, so a feed waits on
    its queue alone (asyncio.wait_for per event and feed made a task and a timer each time).
    Its task runs only while feeds are open."""

    def __init__(self):
        self.feeds: set[Feed] = set()
        self.task: asyncio.Task | None = None

    def add(self, feed: Feed) -> None:
        self.feeds.add(feed)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(
                self._run(), name="live-access-recheck"
            )

    def discard(self, feed: Feed) -> None:
        self.feeds.discard(feed)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        checked = loop.time()
        while self.feeds:
            await asyncio.sleep(min(RECHECK_SECONDS, KEEPALIVE_SECONDS) / 3)
            self.keep_alive(loop.time())
            if loop.time() - checked >= RECHECK_SECONDS:
                await self.recheck()
                checked = loop.time()

    def keep_alive(self, now: float) -> None:
        """A comment to every feed silent for KEEPALIVE_SECONDS (proxies drop idle ones)."""
        for feed in self.feeds:
            if feed.sub is not None and now - feed.sent_at >= KEEPALIVE_SECONDS:
                feed.sent_at = now
                feed.sub.offer(KEEPALIVE)

    async def recheck(self) -> None:
        feeds = list(self.feeds)
        if not feeds:
            return
        try:
            now = await readers(feeds=[(f.session_key, f.group_id) for f in feeds])
        except Exception:  # noqa: BLE001 - a database hiccup: keep streaming, retry next time
            log.warning("live: access re-check failed", exc_info=True)
            return
        for feed, current in zip(feeds, now, strict=True):
            feed.update(current)


_watches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def watch() -> Watch:
    """The Watch of the running event loop."""
    loop = asyncio.get_running_loop()
    if loop not in _watches:
        _watches[loop] = Watch()
    return _watches[loop]


class Seen:
    """The last SEEN_WINDOW ids sent, for dedupe, and the highest one, for replay; and the
    audiences this reader may receive (refreshed at every access re-check)."""

    def __init__(self, last_id: int, audiences: set[str]):
        self.last_id = last_id
        self.audiences = audiences
        self._order: deque[int] = deque()
        self._ids: set[int] = set()

    def add(self, event_id: int) -> bool:
        """False when already sent."""
        if event_id in self._ids:
            return False
        self._ids.add(event_id)
        self._order.append(event_id)
        if len(self._order) > SEEN_WINDOW:
            self._ids.discard(self._order.popleft())
        self.last_id = max(self.last_id, event_id)
        return True


async def catch_up(group_id: int, seen: Seen, pending: list[dict] = ()):
    """Frames for everything after seen.last_id in the database, merged with `pending`
    (notifications already taken from the queue, which may be older than last_id when the
    stream started "now"), in id order and without doubles."""
    # a copy: the Watch may change the set on the loop while the query runs in a thread
    rows = await missed(group_id=group_id, after=seen.last_id, audiences=set(seen.audiences))
    if rows is None:
        seen.last_id = await latest_event_id(group_id=group_id)
        return [reset_frame(seen.last_id)]
    mine = [p for p in pending if p.get("audience", "members") in seen.audiences]
    by_id = {p["id"]: p for p in [*mine, *rows]}
    return [frame(by_id[i]) for i in sorted(by_id) if seen.add(i)]


async def event_stream(hub, feed: Feed, *, last_id: int | None):
    """Async generator of SSE text; ends when access is withdrawn (Watch), cancelled on
    disconnect. `feed` was allowed at connect (access.reader)."""
    async with hub.subscribe(feed.group_id) as sub:
        feed.sub = sub
        checks = watch()
        checks.add(feed)
        try:
            # "Now" is fixed before the client hears it is connected: every event it may
            # expect from then on has a higher id, and a resync can never send a later one
            # first.
            start = await latest_event_id(group_id=feed.group_id) if last_id is None else last_id
            seen = Seen(start, feed.audiences)
            loop = asyncio.get_running_loop()
            feed.sent_at = loop.time()
            yield f"retry: {RETRY_MS}\n: connected\n\n".encode()
            if last_id is not None:
                replay = await catch_up(feed.group_id, seen)
                if replay:
                    yield b"".join(replay)
            while feed.audiences:
                payload = await sub.queue.get()
                if not feed.audiences:
                    return
                chunk = await _texts(sub, feed.group_id, seen, payload)
                while not sub.queue.empty():  # what queued meanwhile goes out in one write
                    chunk += await _texts(sub, feed.group_id, seen, sub.queue.get_nowait())
                if chunk:
                    feed.sent_at = loop.time()
                    yield b"".join(chunk)
        finally:
            checks.discard(feed)
            feed.sub = None


async def _texts(sub, group_id: int, seen: Seen, payload) -> list[bytes]:
    """What one wake-up of the queue sends: a live event, a keep-alive, or a resync."""
    if sub.lost:
        sub.lost = False
        pending = [payload] if isinstance(payload, dict) else []
        while not sub.queue.empty():
            pending.append(sub.queue.get_nowait())
        return await catch_up(group_id, seen, [p for p in pending if isinstance(p, dict)])
    if isinstance(payload, bytes):
        return [payload]
    if payload is None or payload.get("audience", "members") not in seen.audiences:
        return []
    if not seen.add(payload["id"]):
        return []
    return [frame(payload)]

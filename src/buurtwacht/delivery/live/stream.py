"""The SSE stream of one group: subscribe, replay what was missed, then follow live.

Order of operations is the guarantee: subscribing *before* reading the database means an
event committed in between is in both places, never in neither; a window of recently sent
ids removes the doubles.
"""

import asyncio
import json
import time
from collections import deque

from asgiref.sync import sync_to_async
from django.db import connection

from . import events

KEEPALIVE_SECONDS = 15.0
RECHECK_SECONDS = 15.0  # a removed member stops receiving within this long
RETRY_MS = 2000  # EventSource reconnection delay
SEEN_WINDOW = 4096


def frame(payload: dict) -> str:
    """One SSE message; json.dumps escapes newlines, so data: is always a single line."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return f"id: {payload['id']}\nevent: {payload['kind']}\ndata: {data}\n\n"


def reset_frame(last_id: int) -> str:
    """Too much was missed to replay: the page should reload (its id moves the cursor on)."""
    return f'id: {last_id}\nevent: reset\ndata: {{"id":{last_id}}}\n\n'


def _closing(fn):
    """Run an ORM call off the event loop and close its connection straight after: a feed
    stays open for hours, a database connection per open feed would not scale."""

    def call(**kwargs):
        try:
            return fn(**kwargs)
        finally:
            connection.close()

    return sync_to_async(call, thread_sensitive=False)


missed = _closing(events.missed)
latest_event_id = _closing(events.latest_event_id)
audiences = _closing(events.audiences)


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
    rows = await missed(group_id=group_id, after=seen.last_id, audiences=seen.audiences)
    if rows is None:
        seen.last_id = await latest_event_id(group_id=group_id)
        return [reset_frame(seen.last_id)]
    mine = [p for p in pending if p.get("audience", "members") in seen.audiences]
    by_id = {p["id"]: p for p in [*mine, *rows]}
    return [frame(by_id[i]) for i in sorted(by_id) if seen.add(i)]


async def event_stream(hub, *, group_id: int, user_id: int, last_id: int | None, allowed: set[str]):
    """Async generator of SSE text; ends when access is withdrawn, cancelled on disconnect.
    `allowed` are the reader's audiences (events.audiences), checked by the view."""
    async with hub.subscribe(group_id) as sub:
        # "Now" is fixed before the client hears it is connected: every event it may expect
        # from then on has a higher id, and a resync can never send a later one first.
        start = await latest_event_id(group_id=group_id) if last_id is None else last_id
        seen = Seen(start, allowed)
        yield f"retry: {RETRY_MS}\n: connected\n\n"
        if last_id is not None:
            for text in await catch_up(group_id, seen):
                yield text
        checked = time.monotonic()
        while True:
            try:
                payload = await asyncio.wait_for(sub.queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                payload = ": keep-alive\n\n"
            if time.monotonic() - checked > RECHECK_SECONDS:
                seen.audiences = await audiences(user_id=user_id, group_id=group_id)
                if not seen.audiences:
                    return
                checked = time.monotonic()
            for text in await _texts(sub, group_id, seen, payload):
                yield text


async def _texts(sub, group_id: int, seen: Seen, payload) -> list[str]:
    """What one wake-up of the queue sends: a live event, a keep-alive, or a resync."""
    if sub.lost:
        sub.lost = False
        pending = [payload] if isinstance(payload, dict) else []
        while not sub.queue.empty():
            pending.append(sub.queue.get_nowait())
        return await catch_up(group_id, seen, [p for p in pending if p])
    if isinstance(payload, str):
        return [payload]
    if payload is None or payload.get("audience", "members") not in seen.audiences:
        return []
    if not seen.add(payload["id"]):
        return []
    return [frame(payload)]

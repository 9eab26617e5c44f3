"""Pub/sub for live events: in-process by default, Redis when settings.REDIS_URL is set.

Subscribers are asyncio queues living on an event loop (the ASGI server's); publishers are
synchronous code in any thread (the outbox's on_commit). Hence `call_soon_threadsafe`.

A subscription can be marked *lost* (its queue overflowed, or the Redis connection dropped
and came back): the stream then re-reads the database from its last sent id, so a lost
notification delays an event but never drops it.
"""

import asyncio
import json
import logging
import threading
from contextlib import asynccontextmanager

from django.conf import settings

log = logging.getLogger(__name__)

QUEUE_SIZE = 1000  # a client this far behind is resynchronised from the database


class Subscription:
    """One open feed: a bounded queue of payloads on the loop that reads it."""

    def __init__(self, group_id: int, loop: asyncio.AbstractEventLoop):
        self.group_id = group_id
        self.loop = loop
        self.queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE_SIZE)
        self.lost = False

    def offer(self, payload: dict | None) -> None:
        """Runs on self.loop. None only wakes the reader (used with `lost`)."""
        try:
            self.queue.put_nowait(payload)
        except asyncio.QueueFull:
            self.lost = True  # the full queue wakes the reader, which then resyncs

    def mark_lost(self) -> None:
        """Runs on self.loop: the reader must re-read the database."""
        self.lost = True
        self.offer(None)

    def notify(self, payload: dict) -> None:
        """Thread-safe: hand the payload to the subscriber's loop."""
        try:
            self.loop.call_soon_threadsafe(self.offer, payload)
        except RuntimeError:  # the loop is closed; the subscriber is gone
            pass


def _offer_all(subs: list[Subscription], payload: dict) -> None:
    """Runs on the subscribers' loop: the same payload (and its one rendered frame) to each."""
    for sub in subs:
        sub.offer(payload)


class InProcessHub:
    """Subscribers by group id; publish is thread-safe and touches only that group's set."""

    def __init__(self):
        self._lock = threading.Lock()
        self._groups: dict[int, set[Subscription]] = {}

    @asynccontextmanager
    async def subscribe(self, group_id: int):
        sub = Subscription(group_id, asyncio.get_running_loop())
        with self._lock:
            self._groups.setdefault(group_id, set()).add(sub)
        try:
            yield sub
        finally:
            self._remove(sub)

    def _remove(self, sub: Subscription) -> None:
        with self._lock:
            subs = self._groups.get(sub.group_id, set())
            subs.discard(sub)
            if not subs:
                self._groups.pop(sub.group_id, None)

    def publish(self, payload: dict) -> None:
        """One hand-over per event loop, not per subscriber: a group's 200 feeds on one loop
        cost one wake-up of that loop (call_soon_threadsafe writes to its self-pipe), and
        nothing at all when the publisher already runs on it (the Redis listener)."""
        by_loop: dict[asyncio.AbstractEventLoop, list[Subscription]] = {}
        for sub in self._subscribers(payload["group"]):
            by_loop.setdefault(sub.loop, []).append(sub)
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        for loop, subs in by_loop.items():
            if loop is running:
                _offer_all(subs, payload)
                continue
            try:
                loop.call_soon_threadsafe(_offer_all, subs, payload)
            except RuntimeError:  # the loop is closed; its subscribers are gone
                pass

    def mark_all_lost(self) -> None:
        for subs in self._snapshot().values():
            for sub in subs:
                sub.loop.call_soon_threadsafe(sub.mark_lost)

    def subscriber_count(self, group_id: int | None = None) -> int:
        groups = self._snapshot()
        if group_id is not None:
            return len(groups.get(group_id, ()))
        return sum(len(s) for s in groups.values())

    def _subscribers(self, group_id: int) -> list[Subscription]:
        with self._lock:
            return list(self._groups.get(group_id, ()))

    def _snapshot(self) -> dict[int, list[Subscription]]:
        with self._lock:
            return {g: list(s) for g, s in self._groups.items()}


class RedisHub:
    """Publish with one PUBLISH; each process runs one pattern listener per event loop that
    fans messages out to its local subscribers (so Redis connections do not grow with
    clients)."""

    READY_TIMEOUT = 2.0
    RETRY_SECONDS = 0.5
    CLIENT_NAME = "buurtwacht-live-listener"  # visible in CLIENT LIST, for operators

    def __init__(self, url: str):
        import redis

        self.url = url
        self._sync = redis.Redis.from_url(url)
        db = self._sync.connection_pool.connection_kwargs.get("db", 0)
        # Pub/sub ignores database numbers; the prefix keeps deployments on one Redis apart.
        self.prefix = f"buurtwacht:live:{db}:"
        self.local = InProcessHub()
        self._listeners: dict[asyncio.AbstractEventLoop, tuple[asyncio.Task, asyncio.Event]] = {}

    def publish(self, payload: dict) -> None:
        self._sync.publish(f"{self.prefix}{payload['group']}", json.dumps(payload))

    @asynccontextmanager
    async def subscribe(self, group_id: int):
        async with self.local.subscribe(group_id) as sub:
            ready = self._ensure_listener()
            try:
                await asyncio.wait_for(ready.wait(), self.READY_TIMEOUT)
            except TimeoutError:
                log.warning("live: Redis not reachable yet; events follow when it is")
            yield sub

    def subscriber_count(self, group_id: int | None = None) -> int:
        return self.local.subscriber_count(group_id)

    def _ensure_listener(self) -> asyncio.Event:
        loop = asyncio.get_running_loop()
        if loop not in self._listeners or self._listeners[loop][0].done():
            ready = asyncio.Event()
            task = loop.create_task(self._listen_forever(ready), name="live-redis-listener")
            self._listeners[loop] = (task, ready)
        return self._listeners[loop][1]

    async def _listen_forever(self, ready: asyncio.Event) -> None:
        """Reconnect until the loop ends; after every (re)connection resync the subscribers,
        because anything published while we were not listening is only in the database."""
        while True:
            try:
                await self._listen(ready)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # connection errors of every flavour
                log.warning("live: Redis listener failed (%s); retrying", exc)
            ready.clear()
            await asyncio.sleep(self.RETRY_SECONDS)

    async def _listen(self, ready: asyncio.Event) -> None:
        import redis.asyncio

        client = redis.asyncio.Redis.from_url(self.url, client_name=self.CLIENT_NAME)
        try:
            async with client.pubsub() as ps:
                await ps.psubscribe(f"{self.prefix}*")
                while (await ps.get_message(timeout=5)) is None:
                    pass  # the first message is the psubscribe confirmation
                ready.set()
                self.local.mark_all_lost()
                async for message in ps.listen():
                    if message["type"] == "pmessage":
                        self.local.publish(json.loads(message["data"]))
        finally:
            await client.aclose()


_hubs: dict[str, InProcessHub | RedisHub] = {}
_hubs_lock = threading.Lock()


def get_hub() -> InProcessHub | RedisHub:
    """The process's hub for the configured REDIS_URL (empty: in-process)."""
    url = settings.REDIS_URL
    with _hubs_lock:
        if url not in _hubs:
            _hubs[url] = RedisHub(url) if url else InProcessHub()
        return _hubs[url]

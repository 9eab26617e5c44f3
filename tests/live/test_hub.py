"""The in-process hub on its own: publishing from many threads into one event loop."""

import asyncio
import threading

from buurtwacht.delivery.live.pubsub import InProcessHub


def test_publish_from_many_threads_delivers_everything_in_per_thread_order():
    hub, threads, per_thread = InProcessHub(), 8, 100  # 800 < QUEUE_SIZE
    received: list[dict] = []

    async def consume(subscribed: threading.Event):
        async with hub.subscribe(7) as sub, hub.subscribe(8) as other:
            subscribed.set()
            while len(received) < threads * per_thread:
                received.append(await asyncio.wait_for(sub.queue.get(), 5))
            assert other.queue.empty() and not sub.lost

    def publisher(t):
        for i in range(per_thread):
            hub.publish({"group": 7, "id": t * per_thread + i, "thread": t})

    subscribed = threading.Event()
    loop = asyncio.new_event_loop()
    consumer = threading.Thread(
        target=lambda: loop.run_until_complete(consume(subscribed)), daemon=True
    )
    consumer.start()
    assert subscribed.wait(5)
    workers = [threading.Thread(target=publisher, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    consumer.join(10)
    loop.close()
    assert len(received) == threads * per_thread
    for t in range(threads):
        ids = [p["id"] for p in received if p["thread"] == t]
        assert ids == list(range(t * per_thread, (t + 1) * per_thread))
    assert hub.subscriber_count() == 0


def test_an_overflowing_subscriber_is_marked_lost_not_blocked():
    hub = InProcessHub()

    async def run():
        async with hub.subscribe(1) as sub:
            for i in range(sub.queue.maxsize + 5):
                hub.publish({"group": 1, "id": i})
            await asyncio.sleep(0.05)
            return sub.lost, sub.queue.qsize(), sub.queue.maxsize

    lost, size, maxsize = asyncio.run(run())
    assert lost and size == maxsize

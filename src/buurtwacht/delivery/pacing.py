"""A token bucket per channel: providers cap messages per second (WhatsApp ~80/s per number),
and going over earns refusals, so the worker waits instead of being refused."""

import threading
import time


class TokenBucket:
    """`rate` tokens per second, bursts up to `capacity`. Per process: several workers on
    one provider account must divide the rate between them (settings)."""

    def __init__(self, rate: float, capacity: float | None = None, clock=time.monotonic):
        self.rate = rate
        self.capacity = capacity if capacity is not None else max(1.0, rate)
        self._tokens = self.capacity
        self._clock = clock
        self._stamp = clock()
        self._lock = threading.Lock()

    def wait_time(self) -> float:
        """Seconds until a token is available (0 if one is), without taking it."""
        with self._lock:
            self._refill()
            return 0.0 if self._tokens >= 1 else (1 - self._tokens) / self.rate

    def take(self, sleep=time.sleep) -> float:
        """Take one token, sleeping until it is ours; returns the time slept.

        The token is reserved before sleeping (the balance may go negative), so concurrent
        takers queue up fairly and no float rounding can make a waiter spin.
        """
        with self._lock:
            self._refill()
            self._tokens -= 1
            wait = -self._tokens / self.rate if self._tokens < 0 else 0.0
        if wait:
            sleep(wait)
        return wait

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now


_buckets: dict[str, TokenBucket] = {}
_buckets_lock = threading.Lock()


def bucket_for(channel: str, rate: float, burst: float | None = None) -> TokenBucket:
    """The process-wide bucket of a channel (created on first use). `burst` None: up to one
    second's worth at once; 1: evenly spaced sends, which keeps a provider's own bucket full
    so network jitter can never make us look faster than the rate."""
    with _buckets_lock:
        bucket = _buckets.get(channel)
        if bucket is None or bucket.rate != rate or (burst and bucket.capacity != burst):
            bucket = _buckets[channel] = TokenBucket(rate, burst)
        return bucket

"""Settings for the worker subprocess of the kill test: short lease, fast sweep, no pacing
limit worth mentioning, so the test exercises recovery in seconds rather than minutes."""

from buurtwacht.settings import *  # noqa: F403

DELIVERY_LEASE_SECONDS = 2.0
DELIVERY_SWEEP_SECONDS = 0.2
DELIVERY_CHANNEL_LIMITS = {"email": {"max_per_second": 20_000, "batch_size": 50}}

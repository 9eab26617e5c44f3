"""Channel plugins load through the entry-point group; the base interface; pacing."""

from importlib.metadata import entry_points

import pytest
from django.test import RequestFactory

from buurtwacht.delivery.channels import registry
from buurtwacht.delivery.channels.base import Channel, InboundNotSupported
from buurtwacht.delivery.channels.email import EmailChannel
from buurtwacht.delivery.pacing import TokenBucket


def test_channels_are_registered_as_entry_points():
    declared = {ep.name for ep in entry_points(group=registry.GROUP)}
    assert {"web", "email"} <= declared
    assert {"web", "email"} <= set(registry.names())
    assert all(isinstance(c, Channel) for c in registry.all_channels())
    assert isinstance(registry.get("email"), EmailChannel)


def test_unknown_channel_names_the_installed_ones():
    with pytest.raises(registry.UnknownChannel, match="email"):
        registry.get("pigeon")


def test_settings_override_pacing(settings):
    settings.DELIVERY_CHANNEL_LIMITS = {"email": {"max_per_second": 3, "batch_size": 7}}
    email = registry.get("email")
    assert (email.max_per_second, email.batch_size) == (3, 7)
    assert EmailChannel.max_per_second == 50  # the class default is untouched


def test_one_way_channels_refuse_inbound():
    request = RequestFactory().post("/hook", data=b"{}", content_type="application/json")
    for channel in registry.all_channels():
        assert channel.verify_signature(request) is False
        with pytest.raises(InboundNotSupported):
            channel.parse_inbound(request)


class FakeClock:
    """Time that only moves when the bucket sleeps: pacing is checked exactly, instantly."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_token_bucket_allows_a_burst_then_paces_at_the_rate():
    clock = FakeClock()
    bucket = TokenBucket(rate=80, clock=clock)
    for _ in range(80):
        assert bucket.take(sleep=clock.sleep) == 0
    for _ in range(160):
        bucket.take(sleep=clock.sleep)
    assert clock.now == pytest.approx(2.0)  # 160 more at 80/s


def test_token_bucket_refills_while_idle_but_not_beyond_capacity():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=4, clock=clock)
    for _ in range(4):
        bucket.take(sleep=clock.sleep)
    clock.now += 100
    assert bucket.wait_time() == 0
    for _ in range(4):
        assert bucket.take(sleep=clock.sleep) == 0
    assert bucket.take(sleep=clock.sleep) == pytest.approx(0.5)

"""docs/delivery.md names every setting, every channel and every kind, and the public API."""

from dataclasses import fields
from pathlib import Path

from buurtwacht.delivery.channels import registry
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.delivery.sending import Policy

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "delivery.md").read_text()


def test_every_setting_is_documented():
    for f in fields(Policy):
        assert f"`DELIVERY_{f.name.upper()}`" in DOCS
    for name in ("DELIVERY_SWEEP_SECONDS", "DELIVERY_CHANNEL_LIMITS"):
        assert f"`{name}`" in DOCS


def test_every_channel_and_kind_is_documented():
    for name in registry.names():
        assert f"| `{name}` |" in DOCS
    for kind in OutboundMessage.Kind.values:
        assert f"`{kind}`" in DOCS


def test_public_api_is_documented():
    for name in ("publish(message: OutboundMessage) -> int", "set_default_channels(users)",
                 "send_pending(*, batch_size", "delivery_summary", "recipient_states",
                 "SendingStopped"):  # fmt: skip
        assert name in DOCS

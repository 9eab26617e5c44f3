"""The web channel: the live feed. Publishing broadcasts once per message (outbox.publish)
and marks every web delivery of it sent in one UPDATE, so there is nothing to send per row."""

from .base import Channel, Content, SendResult


class WebChannel(Channel):
    name = "web"
    max_per_second = 10_000.0
    batch_size = 1000
    per_recipient = False

    def send(self, delivery, content: Content) -> SendResult:
        """Never called by the worker (per_recipient is False): a broadcast the process did not
        live to make is redone per message by outbox.recover_broadcasts."""
        return SendResult(ok=True)

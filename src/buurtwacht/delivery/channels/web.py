"""The web channel: the live feed. Publishing broadcasts once per message (outbox.publish)
and marks every web delivery of it sent in one UPDATE, so there is nothing to send per row."""

from .base import Channel, Content, SendResult


class WebChannel(Channel):
    name = "web"
    max_per_second = 10_000.0
    batch_size = 1000

    def send(self, delivery, content: Content) -> SendResult:
        """Only reached for rows the broadcast did not mark (process died between commit and
        broadcast): the message is in the group's feed, which clients reload on reconnect."""
        return SendResult(ok=True)

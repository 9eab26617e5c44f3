"""When a channel gives up on a member, the member's next channel carries the message.

A member orders their push channels (ChannelPreference.position: WhatsApp, SMS, e-mail ...).
The fan-out writes only the first; a delivery that ends dead (undeliverable, refused, out of
attempts, or a provider's "failed" receipt) hands the message to the next configured channel
after it in the member's order. The new row's idempotency key is the usual
message:recipient:channel, so a fallback written twice (a redelivered receipt, two workers)
is still one delivery.
"""

import logging

from django.db import transaction
from django.utils import timezone

from .channels import registry
from .models import ChannelPreference, Delivery

logger = logging.getLogger(__name__)
WEB = "web"


def next_channel(row: Delivery) -> str | None:
    """The first enabled, configured push channel after `row.channel` in the member's order
    that has not carried this message yet."""
    prefs = list(
        ChannelPreference.objects.filter(user_id=row.recipient_id, enabled=True)
        .exclude(channel=WEB)
        .order_by("position", "channel")
        .values_list("channel", "position")
    )
    current = next((pos for ch, pos in prefs if ch == row.channel), -1)
    tried = set(
        Delivery.objects.filter(
            message_id=row.message_id, recipient_id=row.recipient_id
        ).values_list("channel", flat=True)
    )
    configured = set(registry.names(configured_only=True))
    for channel, position in prefs:
        if position >= current and channel not in tried and channel in configured:
            return channel
    return None


def fall_back(row: Delivery, *, reason: str) -> Delivery | None:
    """Write the delivery on the member's next channel (or nothing when there is none)."""
    channel = next_channel(row)
    if channel is None:
        logger.info("delivery %s: no channel left after %s (%s)", row.pk, row.channel, reason)
        return None
    key = f"{row.message_id}:{row.recipient_id}:{channel}"
    new, created = Delivery.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "message_id": row.message_id,
            "recipient_id": row.recipient_id,
            "channel": channel,
            "next_attempt_at": timezone.now(),
            "last_error": f"fallback from {row.channel}: {reason}"[:500],
        },
    )
    if created:
        transaction.on_commit(_wake_worker, robust=True)
    return new


def _wake_worker() -> None:
    from .tasks import send_pending_task

    send_pending_task.enqueue()

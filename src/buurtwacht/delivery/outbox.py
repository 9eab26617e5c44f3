"""The outbox: `publish` turns one stored message into one delivery row per member and channel.

Called inside the caller's transaction (the one that stores the alert), so the alert and the
promise to deliver it commit or roll back together. The fan-out is a single
INSERT ... SELECT: its cost is one statement whatever the group's size, and it cannot become
N+1. After commit, the live feed is told once and the worker is woken.

Channel defaults: a member with no enabled ChannelPreference row receives the web channel
only (the live feed is the floor every member has). `set_default_channels` is where the
richer default is decided once, when a member is admitted: web, plus e-mail when the member
gave an address.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from buurtwacht.organisation.models import Membership

from .channels import registry
from .models import ChannelPreference, Delivery, OutboundMessage

logger = logging.getLogger(__name__)

WEB = "web"


class SendingStopped(Exception):
    """The group may not send (draft or suspended): nothing was written."""


def set_default_channels(users: Iterable) -> int:
    """Give members without preferences the default channels: web, then WhatsApp if they gave
    a phone number, then e-mail if they gave an address (the fallback order). A channel that
    is not configured is skipped at fan-out, so WhatsApp-first members get e-mail until the
    number is connected. Existing choices are kept. Returns the number of rows created."""
    rows = []
    for user in users:
        rows.append(ChannelPreference(user=user, channel=WEB))
        if user.phone:
            rows.append(ChannelPreference(user=user, channel="whatsapp", position=0))
        if user.contact_email:
            rows.append(ChannelPreference(user=user, channel="email", position=1))
    return len(ChannelPreference.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500))


def _fan_out_sql(channel_names: list[str], push_names: list[str]) -> str:
    q = connection.ops.quote_name
    d, m, p = (q(t._meta.db_table) for t in (Delivery, Membership, ChannelPreference))
    marks = ", ".join(["%s"] * len(channel_names))
    push_marks = ", ".join(["%s"] * len(push_names)) or "NULL"
    # The LEFT JOIN yields exactly one NULL preference row for a member without any enabled,
    # installed channel; COALESCE turns it into the web default. Of the push channels only the
    # first in the member's order (lowest position; ties: all of them) is joined; the others
    # are the fallback. "WHERE" before ON CONFLICT is required by SQLite's grammar for
    # INSERT ... SELECT ... ON CONFLICT.
    return f"""
        INSERT INTO {d} (message_id, recipient_id, channel, status, attempts, next_attempt_at,
                         claimed_by, last_error, provider_id, receipt, idempotency_key)
        SELECT %s, ms.user_id, COALESCE(cp.channel, %s), %s, 0, %s, '', '', '', '',
               %s || CAST(ms.user_id AS VARCHAR(20)) || ':' || COALESCE(cp.channel, %s)
        FROM {m} ms
        LEFT JOIN {p} cp ON cp.user_id = ms.user_id AND cp.enabled = %s
                         AND cp.channel IN ({marks})
                         AND (cp.channel = %s OR cp.position = (
                              SELECT MIN(c2.position) FROM {p} c2
                              WHERE c2.user_id = ms.user_id AND c2.enabled = %s
                                AND c2.channel IN ({push_marks})))
        WHERE ms.group_id = %s AND ms.status = %s
        ON CONFLICT (idempotency_key) DO NOTHING
    """


def publish(message: OutboundMessage) -> int:
    """Write one delivery per active member of the message's group: the web feed, and the
    first of the member's push channels in their order (configured channels only).

    Idempotent (a second call writes nothing). Returns the number of deliveries written.
    Raises SendingStopped when the group may not send.
    """
    if not message.group.may_send:
        raise SendingStopped(f"group {message.group_id} is {message.group.status}: not sending")
    channels = registry.names(configured_only=True)
    push = [c for c in channels if c != WEB]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [message.pk, WEB, Delivery.Status.PENDING, now, f"{message.pk}:", WEB]
    params += [True, *channels, WEB, True, *push, message.group_id, Membership.Status.ACTIVE]
    with connection.cursor() as cursor:
        cursor.execute(_fan_out_sql(channels, push), params)
        count = cursor.rowcount
    transaction.on_commit(lambda: _wake_worker(), robust=True)
    transaction.on_commit(lambda: _broadcast(message), robust=True)
    return count


def _wake_worker() -> None:
    from .tasks import send_pending_task

    send_pending_task.enqueue()


def recover_broadcasts(older_than_seconds: float) -> int:
    """Redo the broadcast of messages whose web rows are still pending long after commit (the
    publishing process died before its on_commit callbacks ran). Broadcasting is idempotent per
    message id, so a message is never shown twice. Returns the number of messages recovered."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    stale = Delivery.objects.filter(
        channel=WEB, status=Delivery.Status.PENDING, next_attempt_at__lt=cutoff
    )
    ids = stale.values_list("message_id", flat=True).distinct()[:100]
    messages = list(OutboundMessage.objects.filter(pk__in=list(ids)))
    for message in messages:
        _broadcast(message)
    return len(messages)


def _broadcast(message: OutboundMessage) -> None:
    """Tell the live feed once, then mark every web delivery of the message sent at once."""
    from buurtwacht.delivery import live

    data = {
        "ref_id": message.ref_id,
        "content": {
            lang: {"subject": part.get("subject", ""), "text": part.get("text", "")}
            for lang, part in message.payload.items()
        },
    }
    live.broadcast(group_id=message.group_id, kind=message.kind, data=data, message_id=message.pk)
    Delivery.objects.filter(message=message, channel=WEB, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.SENT, sent_at=timezone.now()
    )


def publish_to(message: OutboundMessage, users: Iterable) -> int:
    """A personal message (a sanction, a decision on an appeal) to these people only, on the
    first push channel of each one's order; never on the group's live feed, which every
    member reads. Works whatever their membership status (a suspended member is told why).
    Idempotent like publish. Returns the number of deliveries written."""
    push = [c for c in registry.names(configured_only=True) if c != WEB]
    rows = []
    now = timezone.now()
    for user in users:
        prefs = list(
            ChannelPreference.objects.filter(user=user, enabled=True, channel__in=push)
            .order_by("position", "channel")
            .values_list("channel", "position")
        )
        first = [c for c, pos in prefs if pos == prefs[0][1]] if prefs else []
        rows += [
            Delivery(message=message, recipient_id=user.pk, channel=channel,
                     next_attempt_at=now, idempotency_key=f"{message.pk}:{user.pk}:{channel}")
            for channel in first
        ]  # fmt: skip
    created = Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    if rows:
        transaction.on_commit(lambda: _wake_worker(), robust=True)
    return len(created)

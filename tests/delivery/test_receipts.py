"""Channel order, fallback and provider receipts on real delivery rows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.delivery import fallback, receipts
from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage
from buurtwacht.delivery.outbox import publish


@pytest.fixture
def members(live_group, add_members):
    return add_members(live_group, 2)


@pytest.fixture
def sent_row(live_group, members):
    group = live_group
    message = OutboundMessage.objects.create(group=group, kind="alert", payload={})
    row = Delivery.objects.create(
        message=message,
        recipient=members[0],
        channel="email",
        status=Delivery.Status.SENT,
        next_attempt_at=timezone.now(),
        provider_id="prov-1",
        idempotency_key=f"{message.pk}:{members[0].pk}:email",
    )
    return row


def test_receipts_only_move_forward(sent_row):
    now = timezone.now()
    apply = receipts.apply_receipt
    assert apply(channel="email", provider_id="prov-1", status="read", at=now)
    assert apply(channel="email", provider_id="prov-1", status="delivered", at=now)
    sent_row.refresh_from_db()
    assert sent_row.receipt == "read"  # the late "delivered" did not undo it
    assert apply(channel="email", provider_id="prov-1", status="failed", at=now, error="x")
    sent_row.refresh_from_db()
    assert (sent_row.receipt, sent_row.status) == ("read", Delivery.Status.SENT)


def test_unknown_provider_id_is_reported(sent_row):
    assert not receipts.apply_receipt(
        channel="email", provider_id="nope", status="read", at=timezone.now()
    )
    assert not receipts.apply_receipt(
        channel="web", provider_id="prov-1", status="read", at=timezone.now()
    )


def test_failed_receipt_ends_the_delivery(sent_row):
    receipts.apply_receipt(
        channel="email", provider_id="prov-1", status="failed", at=timezone.now(), error="bounce"
    )
    sent_row.refresh_from_db()
    assert (sent_row.receipt, sent_row.status, sent_row.last_error) == (
        "failed",
        Delivery.Status.DEAD,
        "bounce",
    )


def test_fan_out_takes_the_first_push_channel_of_each_members_order(live_group, members):
    group = live_group
    ChannelPreference.objects.filter(user__in=members).delete()
    first, second = members[0], members[1]
    ChannelPreference.objects.create(user=first, channel="web")
    ChannelPreference.objects.create(user=first, channel="email", position=1)
    ChannelPreference.objects.create(user=second, channel="email", enabled=False)
    message = OutboundMessage.objects.create(group=group, kind="alert", payload={})
    publish(message)
    rows = set(Delivery.objects.filter(message=message).values_list("recipient_id", "channel"))
    assert (first.pk, "web") in rows and (first.pk, "email") in rows
    assert (second.pk, "web") in rows and (second.pk, "email") not in rows


def test_no_next_channel_means_no_fallback_row(sent_row):
    assert fallback.next_channel(sent_row) is None
    assert fallback.fall_back(sent_row, reason="x") is None
    assert Delivery.objects.filter(message=sent_row.message).count() == 1
    assert sent_row.next_attempt_at <= timezone.now() + timedelta(seconds=1)

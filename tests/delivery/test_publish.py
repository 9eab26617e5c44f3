"""publish(): one set-based INSERT ... SELECT per message, defaults, refusals, after-commit work."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from buurtwacht.delivery.live.models import LiveEvent
from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage
from buurtwacht.delivery.outbox import SendingStopped, publish, set_default_channels
from buurtwacht.delivery.sending import send_pending
from buurtwacht.organisation.models import Group, Membership

from .conftest import payload


def message(group, kind="alert", ref_id=7):
    return OutboundMessage.objects.create(group=group, kind=kind, ref_id=ref_id, payload=payload())


def channels_of(msg):
    return sorted(
        Delivery.objects.filter(message=msg).values_list("recipient__username", "channel")
    )


def test_one_delivery_per_member_and_chosen_channel(live_group, add_members, world):
    with_mail = add_members(live_group, 2, prefix="a")
    add_members(live_group, 1, prefix="b", with_email=False)
    ChannelPreference.objects.filter(user=with_mail[1], channel="web").update(enabled=False)
    msg = message(live_group)
    assert publish(msg) == 5
    assert channels_of(msg) == [
        ("a0", "email"), ("a0", "web"), ("a1", "email"), ("b0", "web"), ("coord", "web"),
    ]  # fmt: skip
    keys = set(Delivery.objects.filter(message=msg).values_list("idempotency_key", flat=True))
    assert f"{msg.pk}:{with_mail[0].pk}:email" in keys


def test_no_preferences_or_only_unknown_channels_means_web(live_group, add_members):
    users = add_members(live_group, 2, defaults=False)
    ChannelPreference.objects.create(user=users[1], channel="pigeon")
    ChannelPreference.objects.create(user=users[1], channel="email", enabled=False)
    msg = message(live_group)
    publish(msg)
    assert channels_of(msg) == [("coord", "web"), ("m0", "web"), ("m1", "web")]


def test_inactive_members_and_other_groups_get_nothing(live_group, add_members, world):
    pending, removed = add_members(live_group, 2)
    Membership.objects.filter(user__in=[pending, removed]).update(status="pending")
    Membership.objects.filter(user=removed).update(status=Membership.Status.REMOVED)
    add_members(world.other_group, 3, prefix="other")
    msg = message(live_group)
    assert publish(msg) == 1
    assert channels_of(msg) == [("coord", "web")]


def test_publishing_twice_writes_nothing_new(live_group, add_members):
    add_members(live_group, 3)
    msg = message(live_group)
    assert publish(msg) == 7
    assert publish(msg) == 0
    assert Delivery.objects.filter(message=msg).count() == 7


def test_set_default_channels_keeps_existing_choices(live_group, add_members):
    users = add_members(live_group, 2, defaults=False)
    ChannelPreference.objects.create(user=users[0], channel="email", enabled=False)
    assert set_default_channels(users) >= 3
    prefs = set(ChannelPreference.objects.values_list("user__username", "channel", "enabled"))
    assert prefs == {
        ("m0", "web", True), ("m0", "email", False), ("m1", "web", True), ("m1", "email", True),
    }  # fmt: skip


@pytest.mark.parametrize("status", [Group.Status.SUSPENDED, Group.Status.DRAFT])
def test_a_group_that_may_not_send_raises_and_writes_nothing(
    live_group, add_members, status, django_capture_on_commit_callbacks
):
    add_members(live_group, 3)
    live_group.status = status
    live_group.save(update_fields=["status"])
    msg = message(live_group)
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(SendingStopped):
        publish(msg)
    assert not Delivery.objects.exists() and not callbacks


def _queries_to_publish(group, add_members, n) -> int:
    add_members(group, n, prefix=f"q{n}-")
    msg = message(group)
    msg = OutboundMessage.objects.select_related("group").get(pk=msg.pk)
    with CaptureQueriesContext(connection) as ctx:
        written = publish(msg)
    members = Membership.objects.filter(group=group, status="active").count()
    assert written == Delivery.objects.filter(message=msg).count() == 2 * (members - 1) + 1
    return len(ctx.captured_queries)


def test_fan_out_is_one_statement_whatever_the_group_size(live_group, add_members):
    """Pinned like Zulip's query counts: fan-out must never become one query per member."""
    small = _queries_to_publish(live_group, add_members, 10)
    large = _queries_to_publish(live_group, add_members, 200)
    assert small == large == 1


def test_after_commit_feed_is_told_once_web_marked_sent_and_worker_woken(
    live_group, add_members, django_capture_on_commit_callbacks
):
    add_members(live_group, 4, prefix="c")
    msg = message(live_group, ref_id=42)
    with django_capture_on_commit_callbacks(execute=True):
        publish(msg)
    web = Delivery.objects.filter(message=msg, channel="web")
    assert web.count() == 5 and set(web.values_list("status", flat=True)) == {"sent"}
    assert not Delivery.objects.filter(message=msg, channel="email").exclude(status="pending")
    event = LiveEvent.objects.get(message_id=msg.pk)
    assert event.group_id == live_group.pk and event.kind == "alert"
    assert event.data["ref_id"] == 42 and event.data["content"]["fr"]["subject"] == "Cambriolage"
    assert "html" not in event.data["content"]["fr"]
    assert DBTaskResult.objects.filter(task_path__endswith="send_pending_task").count() == 1


def test_web_deliveries_wait_until_commit(
    live_group, add_members, django_capture_on_commit_callbacks
):
    add_members(live_group, 2)
    msg = message(live_group)
    with django_capture_on_commit_callbacks() as callbacks:
        publish(msg)
    assert len(callbacks) == 2
    assert not Delivery.objects.filter(message=msg, status="sent").exists()
    assert not LiveEvent.objects.exists()


def test_a_broadcast_lost_with_its_process_is_redone_once_by_the_worker(live_group, add_members):
    """on_commit never ran (the publishing process died): the sweep broadcasts after the lease,
    and only for messages that old, so it never races a healthy publisher."""
    add_members(live_group, 2)
    old, fresh = message(live_group, ref_id=1), message(live_group, ref_id=2)
    publish(old), publish(fresh)
    Delivery.objects.filter(message=old).update(next_attempt_at=timezone.now() - timedelta(hours=1))
    send_pending()
    assert set(
        Delivery.objects.filter(message=old, channel="web").values_list("status", flat=True)
    ) == {"sent"}
    assert not Delivery.objects.filter(message=fresh, channel="web", status="sent").exists()
    assert list(LiveEvent.objects.values_list("message_id", flat=True)) == [old.pk]
    Delivery.objects.filter(message=old, channel="web").update(status="pending")
    send_pending()  # broadcasting again stores no second event
    assert LiveEvent.objects.count() == 1

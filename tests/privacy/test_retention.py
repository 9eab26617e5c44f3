"""Retention deletes exactly what is past its group's cut-off, keeps case-referenced alerts,
and folds what it deletes into counts that stay exact however often it runs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import F, Sum
from django.utils import timezone

from buurtwacht.alerts.models import Alert, AlertEvent, FollowUp, Strike
from buurtwacht.delivery.live.models import LiveEvent
from buurtwacht.delivery.models import Delivery, DeliveryAttempt, OutboundMessage
from buurtwacht.organisation.models import Membership
from buurtwacht.privacy import retention
from buurtwacht.privacy.models import AuditEntry, audit
from buurtwacht.reports.models import AlertCount, ScreeningCount

NOW = timezone.now().replace(microsecond=0)
BE_DAYS, HASSELT_DAYS = 30, 14  # be-type and hasselt retention_days


def age(days, seconds=0):
    return NOW - timedelta(days=days, seconds=seconds)


def make_alert(
    group,
    author,
    created,
    *,
    category="burglary",
    status="closed",
    case="",
    verdict="allow",
    findings=(),
    outcome="police_handled",
    follow_ups=1,
):
    alert = Alert.objects.create(
        group=group,
        author=author,
        category=category,
        status=status,
        called_number="101",
        called_at=created,
        what="inbraak",
        place="Kerkstraat",
        occurred_at=created,
        findings=list(findings),
        verdict=verdict,
        case_reference=case,
        outcome=outcome if status == "closed" else "",
        closed_at=created + timedelta(hours=2) if status == "closed" else None,
    )
    for n in range(follow_ups):
        FollowUp.objects.create(
            alert=alert,
            author=author,
            text=f"f{n}",
            members_text=f"f{n}",
            verdict="allow",
            status="published",
        )
    AlertEvent.objects.create(alert=alert, kind="created")
    AlertEvent.objects.create(alert=alert, kind="police_informed")
    Alert.objects.filter(pk=alert.pk).update(created_at=created)
    AlertEvent.objects.filter(alert=alert).update(at=created + timedelta(minutes=10))
    return alert


def make_message(group, recipient, created, *, attempts=1):
    message = OutboundMessage.objects.create(group=group, kind="alert", payload={})
    OutboundMessage.objects.filter(pk=message.pk).update(created_at=created)
    delivery = Delivery.objects.create(
        message=message,
        recipient=recipient,
        channel="email",
        status="sent",
        next_attempt_at=created,
        idempotency_key=f"{message.pk}:{recipient.pk}:email",
    )
    for _ in range(attempts):
        DeliveryAttempt.objects.create(delivery=delivery, started_at=created, ok=True)
    event = LiveEvent.objects.create(group=group, kind="alert", data={}, message_id=message.pk)
    LiveEvent.objects.filter(pk=event.pk).update(created_at=created)
    return message


def make_strike(group, user, created, findings=("vigilantism",)):
    strike = Strike.objects.create(group=group, user=user, findings=list(findings), text="pak ze")
    Strike.objects.filter(pk=strike.pk).update(created_at=created)
    return strike


@pytest.fixture
def rows(world):
    """Per model a row one second past the cut-off (goes) and one second before it (stays);
    the other group runs the hasselt protocol (14 days), so its cut-off is earlier."""
    world.other_group.protocol_id = "hasselt"
    world.other_group.save()
    g, h, who = world.group, world.other_group, world.coordinator
    r = type("Rows", (), {})()
    r.old = [
        make_alert(g, who, age(BE_DAYS, 1)),
        make_alert(
            g,
            who,
            age(BE_DAYS + 5),
            category="theft",
            status="held",
            verdict="hold",
            findings=["third_party_data", "licence_plate"],
            follow_ups=0,
        ),
        make_alert(
            h,
            who,
            age(HASSELT_DAYS, 1),
            category="theft",
            status="rejected",
            verdict="hold",
            findings=["discrimination"],
        ),
    ]
    r.young = [make_alert(g, who, age(BE_DAYS, -1)), make_alert(h, who, age(HASSELT_DAYS, -1))]
    r.case = make_alert(g, who, age(BE_DAYS + 40), case="PV 2025/123")
    r.old_messages = [make_message(g, who, age(BE_DAYS, 1)), make_message(h, who, age(20))]
    r.young_messages = [make_message(g, who, age(20)), make_message(h, who, age(HASSELT_DAYS, -1))]
    r.old_strikes = [
        make_strike(g, who, age(BE_DAYS, 1)),
        make_strike(h, who, age(15), findings=["vigilantism", "discrimination"]),
    ]
    r.young_strikes = [make_strike(g, who, age(29))]
    r.audit = audit(actor=who, action="read_contact", subject=g)
    return r


def _ids(model):
    return set(model.objects.values_list("pk", flat=True))


def test_dry_run_counts_and_deletes_nothing(rows):
    before = _counts()
    results = {r.name: r.count for r in retention.purge(now=NOW, dry_run=True)}
    assert results == {
        "delivery_attempts": 2,
        "deliveries": 2,
        "outbound_messages": 2,
        "live_events": 2,
        "strikes": 2,
        "alerts": 3,
        "police_replies": 0,
        "leavers": 0,
    }
    assert _counts() == before
    assert not AlertCount.objects.exists()


def _counts():
    models = (
        Alert,
        FollowUp,
        AlertEvent,
        Strike,
        OutboundMessage,
        Delivery,
        DeliveryAttempt,
        LiveEvent,
        AuditEntry,
    )
    return {m.__name__: m.objects.count() for m in models}


def test_purge_deletes_exactly_what_is_past_its_date(rows):
    retention.purge(now=NOW, batch_size=2)  # small batches: several transactions per rule
    kept = {a.pk for a in rows.young} | {rows.case.pk}
    assert _ids(Alert) == kept
    assert set(FollowUp.objects.values_list("alert_id", flat=True)) == kept
    assert set(AlertEvent.objects.values_list("alert_id", flat=True)) == kept
    assert _ids(OutboundMessage) == {m.pk for m in rows.young_messages}
    assert set(Delivery.objects.values_list("message_id", flat=True)) == {
        m.pk for m in rows.young_messages
    }
    assert DeliveryAttempt.objects.count() == 2
    assert set(LiveEvent.objects.values_list("message_id", flat=True)) == {
        m.pk for m in rows.young_messages
    }
    assert _ids(Strike) == {s.pk for s in rows.young_strikes}
    assert AuditEntry.objects.filter(pk=rows.audit.pk).exists()


def test_aggregates_equal_the_deleted_rows_and_do_not_double(rows):
    retention.purge(now=NOW)
    assert AlertCount.objects.aggregate(n=Sum("count"))["n"] == len(rows.old)
    by_category = dict(
        AlertCount.objects.values_list("category").annotate(n=Sum("count")).order_by()
    )
    assert by_category == {"burglary": 1, "theft": 2}
    burglary = AlertCount.objects.get(category="burglary")
    assert (burglary.status, burglary.outcome, burglary.verdict) == (
        "closed",
        "police_handled",
        "allow",
    )
    assert burglary.call_confirmed and not burglary.emergency
    assert burglary.follow_ups == 1 and burglary.closed_count == 1
    assert burglary.close_seconds_sum == 2 * 3600
    assert burglary.acknowledged_count == 1 and burglary.ack_seconds_sum == 600
    assert burglary.zone_id == rows.old[0].group.zone.pk
    assert burglary.week.weekday() == 0  # a Monday
    held = dict(
        ScreeningCount.objects.filter(action="held").values_list("finding").annotate(n=Sum("count"))
    )
    assert held == {"third_party_data": 1, "licence_plate": 1, "discrimination": 1}
    blocked = dict(
        ScreeningCount.objects.filter(action="blocked")
        .values_list("finding")
        .annotate(n=Sum("count"))
    )
    assert blocked == {"vigilantism": 2, "discrimination": 1}
    snapshot = list(AlertCount.objects.values()) + list(ScreeningCount.objects.values())

    assert all(r.count == 0 for r in retention.purge(now=NOW))
    assert list(AlertCount.objects.values()) + list(ScreeningCount.objects.values()) == snapshot


def test_new_rows_aging_later_add_to_the_same_buckets(rows):
    retention.purge(now=NOW)
    total = AlertCount.objects.aggregate(n=Sum("count"))["n"]
    retention.purge(now=NOW + timedelta(days=2))  # the two "young" alerts are now old
    assert AlertCount.objects.aggregate(n=Sum("count"))["n"] == total + 2
    assert _ids(Alert) == {rows.case.pk}


def test_case_reference_removed_lets_the_alert_go(rows):
    Alert.objects.filter(pk=rows.case.pk).update(case_reference="")
    retention.purge(now=NOW)
    assert not Alert.objects.filter(pk=rows.case.pk).exists()


def test_purge_command_prints_the_table(rows, capsys):
    # The command runs with the real clock: give the young rows a margin of a day.
    young = [a.pk for a in rows.young]
    Alert.objects.filter(pk__in=young).update(created_at=F("created_at") + timedelta(days=1))
    call_command("purge", "--dry-run")
    out = capsys.readouterr().out
    assert "would delete" in out and "nothing was deleted" in out
    assert Alert.objects.count() == 6
    lines = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:-1]}
    assert lines["alerts"] == "3" and lines["strikes"] == "2"
    call_command("purge")
    out = capsys.readouterr().out
    assert "deleted" in out and "alerts" in out
    assert Alert.objects.count() == 3


def test_worker_runs_purge_periodically(settings):
    assert ("buurtwacht.privacy.retention.purge", settings.PRIVACY_PURGE_EVERY_SECONDS) in (
        settings.PERIODIC_JOBS
    )


def test_a_rule_registered_by_another_app_is_applied(world):
    """Registration is one call; the purge applies the rule with the group's cut-off."""
    from buurtwacht.privacy.models import MembershipEnd

    rule = retention.Rule(
        name="test_membership_ends",
        model=MembershipEnd,
        group_field="membership__group",
        date_field="ended_at",
    )
    retention.register(rule)
    try:
        with pytest.raises(ValueError):
            retention.register(rule)
        member = Membership.objects.get(user=world.coordinator)
        member.status = Membership.Status.REMOVED
        member.save()
        MembershipEnd.objects.filter(membership=member).update(ended_at=age(BE_DAYS, 1))
        results = {r.name: r.count for r in retention.purge(now=NOW, dry_run=True)}
        assert results["test_membership_ends"] == 1
    finally:
        retention.unregister("test_membership_ends")
    assert "test_membership_ends" not in {r.name for r in retention.rules()}

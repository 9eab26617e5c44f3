"""Alert.week, the Brussels Monday of created_at, is right on every way an alert is written:
save(), bulk_create(), a queryset update that moves created_at (a value or an expression),
and the migration that backfills the alerts stored before the column existed."""

import importlib
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F

from buurtwacht.alerts.models import Alert, monday_of

UTC = ZoneInfo("UTC")
# Sunday 23:30 in Brussels is still that week; Monday 00:30 is the next (summer and winter).
SUMMER_SUNDAY = datetime(2025, 6, 29, 21, 30, tzinfo=UTC)  # 23:30 CEST, Sunday 29 June
SUMMER_MONDAY = datetime(2025, 6, 29, 22, 30, tzinfo=UTC)  # 00:30 CEST, Monday 30 June
WINTER_MONDAY = datetime(2025, 12, 28, 23, 30, tzinfo=UTC)  # 00:30 CET, Monday 29 December


def _alert(group, **extra):
    now = extra.pop("created_at", None)
    fields = dict(
        group=group,
        category="theft",
        status="open",
        called_number="101",
        called_at=now or datetime(2025, 1, 1, tzinfo=UTC),
        what="x",
        place="y",
        occurred_at=now or datetime(2025, 1, 1, tzinfo=UTC),
        verdict="allow",
    )
    if now:
        fields["created_at"] = now
    return Alert(**fields, **extra), now


def _week(alert):
    return Alert.objects.filter(pk=alert.pk).values_list("week", flat=True).get()


def test_save_sets_the_week_of_now(world):
    alert, _ = _alert(world.group)
    alert.save()
    created = Alert.objects.get(pk=alert.pk).created_at.astimezone(ZoneInfo("Europe/Brussels"))
    assert _week(alert) == created.date() - timedelta(days=created.weekday())


def test_bulk_create_sets_the_week_of_each_given_created_at(world):
    field = Alert._meta.get_field("created_at")
    field.auto_now_add = False  # as the reports bench does, to spread alerts over weeks
    try:
        made = Alert.objects.bulk_create(
            [
                _alert(world.group, created_at=moment)[0]
                for moment in (SUMMER_SUNDAY, SUMMER_MONDAY, WINTER_MONDAY)
            ]
        )
    finally:
        field.auto_now_add = True
    assert [_week(a) for a in made] == [date(2025, 6, 23), date(2025, 6, 30), date(2025, 12, 29)]


def test_update_of_created_at_moves_the_week(world):
    alert, _ = _alert(world.group)
    alert.save()
    Alert.objects.filter(pk=alert.pk).update(created_at=SUMMER_SUNDAY)
    assert _week(alert) == date(2025, 6, 23)
    Alert.objects.filter(pk=alert.pk).update(created_at=F("created_at") + timedelta(hours=1))
    assert _week(alert) == date(2025, 6, 30)  # now Monday 00:30


def test_save_after_a_move_keeps_the_week(world):
    alert, _ = _alert(world.group)
    alert.save()
    Alert.objects.filter(pk=alert.pk).update(created_at=WINTER_MONDAY)
    alert = Alert.objects.get(pk=alert.pk)
    alert.status = "closed"
    alert.save()
    assert _week(alert) == date(2025, 12, 29)


@pytest.mark.django_db(transaction=True)
def test_migration_backfills_the_week_of_stored_alerts(world):
    """Back to the schema without the column, alerts stored there, forward again."""
    executor = MigrationExecutor(connection)
    executor.migrate([("alerts", "0001_initial")])
    old = executor.loader.project_state([("alerts", "0001_initial")]).apps
    OldAlert = old.get_model("alerts", "Alert")
    group_id = world.group.pk
    ids = []
    for moment in (SUMMER_SUNDAY, SUMMER_MONDAY, WINTER_MONDAY):
        alert = OldAlert.objects.create(
            group_id=group_id,
            category="theft",
            status="open",
            called_number="101",
            called_at=moment,
            what="x",
            place="y",
            occurred_at=moment,
            verdict="allow",
        )
        OldAlert.objects.filter(pk=alert.pk).update(created_at=moment)
        ids.append(alert.pk)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    weeks = dict(Alert.objects.filter(pk__in=ids).values_list("pk", "week"))
    assert [weeks[pk] for pk in ids] == [date(2025, 6, 23), date(2025, 6, 30), date(2025, 12, 29)]


def test_backfill_works_in_batches(world, monkeypatch):
    """More alerts than one batch: every one is set (the batch loop does not stop early)."""
    migration = importlib.import_module("buurtwacht.alerts.migrations.0002_alert_week")
    monkeypatch.setattr(migration, "BATCH", 2)
    made = []
    for _n in range(5):
        alert, _ = _alert(world.group)
        alert.save()
        made.append(alert.pk)
    Alert.objects.filter(pk__in=made).update(week=date(2000, 1, 3))  # wrong on purpose
    from django.apps import apps

    migration.backfill(apps, None)
    for created, week in Alert.objects.filter(pk__in=made).values_list("created_at", "week"):
        assert week == monday_of(created)

"""The aggregate tables: what a report reads once rows are gone.

The invariant a dashboard relies on: buckets of the rows still stored plus the folded
counts equal the buckets of all rows ever stored, before and after any purge.
"""

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from buurtwacht.alerts.models import Alert
from buurtwacht.privacy import retention
from buurtwacht.reports.counts import alert_buckets, week_of
from buurtwacht.reports.models import AlertCount
from tests.privacy.test_retention import NOW, age, make_alert


def _as_counter(buckets) -> Counter:
    return Counter({key: sums["count"] for key, sums in buckets.items()})


def _folded() -> Counter:
    rows = AlertCount.objects.values_list("group_id", "week", *AlertCount.KEY, "count")
    return Counter({tuple(r[:-1]): r[-1] for r in rows})


def test_stored_plus_folded_is_always_everything(world):
    g, who = world.group, world.coordinator
    for days, category in [
        (40, "theft"),
        (35, "theft"),
        (31, "burglary"),
        (10, "theft"),
        (1, "fire"),
    ]:
        make_alert(g, who, age(days), category=category)
    everything = _as_counter(alert_buckets(Alert.objects.prefetch_related("follow_ups", "events")))
    for later in (0, 15, 40):
        retention.purge(now=NOW + timedelta(days=later))
        stored = _as_counter(alert_buckets(Alert.objects.prefetch_related("follow_ups", "events")))
        assert stored + _folded() == everything, later
    assert not Alert.objects.exists()


def test_week_is_the_monday_in_brussels():
    brussels = ZoneInfo("Europe/Brussels")
    sunday_late = datetime(2025, 3, 9, 23, 30, tzinfo=brussels)  # Sunday in Brussels
    assert week_of(sunday_late).isoformat() == "2025-03-03"
    monday_early_utc = datetime(2025, 3, 9, 23, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 Monday
    assert week_of(monday_early_utc).isoformat() == "2025-03-10"

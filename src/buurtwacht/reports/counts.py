"""Turning alerts, held follow-ups and strikes into anonymous counts, and adding them up.

`alert_buckets` / `screening_buckets` compute buckets from rows (a report can run them over
the rows still stored); `fold_alerts` / `fold_strikes` add the buckets of rows about to be
deleted to the tables. They run inside the transaction that deletes those rows, so a row is
counted exactly once: a second purge finds nothing left to fold.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction

from buurtwacht.alerts.models import monday_of

from .models import AlertCount, DurationCount, ScreeningCount

#: AlertEvent kinds that are a police acknowledgement (the police console writes them).
ACK_EVENT_KINDS = frozenset(
    {"acknowledged", "police_informed", "patrol_on_way", "on_site", "handled"}
)


def is_acknowledgement(kind: str) -> bool:
    return kind in ACK_EVENT_KINDS or kind.startswith("ack")


def week_of(moment) -> date:
    """Monday of the ISO week, in the service's time zone (Brussels): the rule that also sets
    a stored alert's `week` column (alerts.models.monday_of), so live and folded agree."""
    return monday_of(moment)


#: Alert statuses that reached the group: the alerts a report counts as alerts (held and
#: rejected ones are counted under "held and blocked" instead).
REACHED_GROUP = ("open", "closed", "published")


def minutes_between(start, end) -> int:
    """Whole minutes from start to end (never negative), rounded to the millisecond first so
    that the database's arithmetic (reports.live) lands in the same minute."""
    ms = round((end - start) / timedelta(milliseconds=1))
    return max(ms, 0) // 60_000


def alert_durations(alert) -> dict[str, int]:
    """{metric: minutes} of one alert that reached the group (events prefetched)."""
    if alert.status not in REACHED_GROUP:
        return {}
    out = {}
    if alert.called_number and alert.called_at:
        out["call"] = minutes_between(alert.called_at, alert.created_at)
    acks = [e.at for e in alert.events.all() if is_acknowledgement(e.kind)]
    if acks:
        out["ack"] = minutes_between(alert.created_at, min(acks))
    if alert.closed_at:
        out["close"] = minutes_between(alert.created_at, alert.closed_at)
    return out


def duration_buckets(alerts: Iterable) -> dict[tuple, dict]:
    """{(group_id, week, metric, minutes): {"count": n}}: the histograms medians come from."""
    buckets: dict[tuple, dict] = defaultdict(lambda: {"count": 0})
    for alert in alerts:
        for metric, minutes in alert_durations(alert).items():
            buckets[(alert.group_id, week_of(alert.created_at), metric, minutes)]["count"] += 1
    return dict(buckets)


def _empty_alert_sums() -> dict:
    return dict.fromkeys(
        (
            "count",
            "follow_ups",
            "closed_count",
            "close_seconds_sum",
            "acknowledged_count",
            "ack_seconds_sum",
        ),
        0,
    )


def alert_buckets(alerts: Iterable) -> dict[tuple, dict]:
    """{(group_id, week, category, status, outcome, verdict, emergency, call_confirmed): sums}.

    Alerts should come with `follow_ups` and `events` prefetched.
    """
    buckets: dict[tuple, dict] = defaultdict(_empty_alert_sums)
    for alert in alerts:
        confirmed = bool(alert.called_number and alert.called_at) or (
            "police_called" in (alert.findings or [])
        )
        key = (
            alert.group_id,
            week_of(alert.created_at),
            alert.category,
            alert.status,
            alert.outcome or "",
            alert.verdict,
            bool(alert.emergency),
            confirmed,
        )
        sums = buckets[key]
        sums["count"] += 1
        sums["follow_ups"] += len(alert.follow_ups.all())
        if alert.closed_at:
            sums["closed_count"] += 1
            sums["close_seconds_sum"] += int((alert.closed_at - alert.created_at).total_seconds())
        acks = [e.at for e in alert.events.all() if is_acknowledgement(e.kind)]
        if acks:
            sums["acknowledged_count"] += 1
            sums["ack_seconds_sum"] += int((min(acks) - alert.created_at).total_seconds())
    return dict(buckets)


def screening_buckets(*, alerts=(), follow_ups=(), strikes=()) -> dict[tuple, int]:
    """{(group_id, week, source, action, finding): n} for held and blocked messages."""
    buckets: dict[tuple, int] = defaultdict(int)

    def add(group_id, moment, source, action, findings):
        for finding in findings or [""]:
            buckets[(group_id, week_of(moment), source, action, finding)] += 1

    for alert in alerts:
        if alert.verdict == "hold":
            add(alert.group_id, alert.created_at, "alert", "held", alert.findings)
    for follow_up in follow_ups:
        if follow_up.verdict == "hold":
            group_id = follow_up.alert.group_id
            add(group_id, follow_up.created_at, "follow_up", "held", follow_up.findings)
    for strike in strikes:
        add(strike.group_id, strike.created_at, "strike", "blocked", strike.findings)
    return dict(buckets)


def _places(group_ids) -> dict[int, dict]:
    from buurtwacht.organisation.models import Group

    rows = Group.objects.filter(pk__in=set(group_ids)).values(
        "pk",
        "neighbourhood_id",
        "neighbourhood__municipality_id",
        "neighbourhood__municipality__zone_id",
    )
    return {
        r["pk"]: {
            "neighbourhood_id": r["neighbourhood_id"],
            "municipality_id": r["neighbourhood__municipality_id"],
            "zone_id": r["neighbourhood__municipality__zone_id"],
        }
        for r in rows
    }


def _add(model, buckets: dict[tuple, dict]) -> None:
    """Add sums to the rows of their buckets, creating the rows that are new.

    In a few queries per batch whatever the number of buckets (one read of the rows that may
    match, locked against a concurrent fold; one bulk insert; one bulk update): a row per bucket
    cost three round trips, and a backlog of 100,000 alerts (some 250,000 duration buckets)
    took hours to fold."""
    if not buckets:
        return
    with transaction.atomic():
        found = _rows_by_key(model, buckets)
        places = _places(key[0] for key in buckets)
        new, changed, summed = [], [], set()
        for key, sums in buckets.items():
            row = found.get(key)
            if row is None:
                new.append(_new_row(model, key, sums, places[key[0]]))
                continue
            for field, n in sums.items():
                setattr(row, field, getattr(row, field) + n)
            changed.append(row)
            summed.update(sums)
        model.objects.bulk_create(new, batch_size=500)
        if changed:
            model.objects.bulk_update(changed, sorted(summed), batch_size=500)


def _bucket_key(model, row) -> tuple:
    return (row.group_id, row.week, *(getattr(row, field) for field in model.KEY))


def _rows_by_key(model, buckets: dict[tuple, dict]) -> dict[tuple, object]:
    """The stored rows of these buckets, by bucket key, locked until the fold commits."""
    groups = {key[0] for key in buckets}
    weeks = {key[1] for key in buckets}
    rows = model.objects.select_for_update().filter(group_id__in=groups, week__in=weeks)
    found = {}
    for row in rows:
        key = _bucket_key(model, row)
        if key in buckets:
            found[key] = row
    return found


def _new_row(model, key: tuple, sums: dict, place: dict):
    group_id, week, *rest = key
    where = dict(zip(model.KEY, rest, strict=True))
    return model(group_id=group_id, week=week, **where, **place, **sums)


def fold_alerts(queryset) -> int:
    """Count alerts (and their held follow-ups) that are about to be deleted."""
    alerts = list(queryset.prefetch_related("follow_ups__alert", "events"))
    _add(AlertCount, alert_buckets(alerts))
    _add(DurationCount, duration_buckets(alerts))
    follow_ups = [f for a in alerts for f in a.follow_ups.all()]
    held = screening_buckets(alerts=alerts, follow_ups=follow_ups)
    _add(ScreeningCount, {key: {"count": n} for key, n in held.items()})
    return len(alerts)


def fold_strikes(queryset) -> int:
    """Count blocked messages (strikes) that are about to be deleted."""
    strikes = list(queryset)
    blocked = screening_buckets(strikes=strikes)
    _add(ScreeningCount, {key: {"count": n} for key, n in blocked.items()})
    return len(strikes)

"""What a report reads: the folded counts plus the rows still stored, grouped in the database.

Every figure is a GROUP BY run twice with the same dimensions: once over the aggregate tables
(`AlertCount`, `DurationCount`, `ScreeningCount`, rows the retention job folded) and once over
the alerts still stored, bucketed exactly as the fold would bucket them (`reports.counts`).
The two sets never overlap: the fold runs in the transaction that deletes the rows it folds,
so an alert is either stored or folded, never both. Summing the two therefore gives the
same figure before and after a purge (tests/reports/test_figures_after_purge.py).

Weeks are Brussels weeks (Monday). The database has no time-zone rules (SQLite), so the live
query joins the alerts to a small VALUES list of week boundaries computed here in UTC; with
the index on created_at that is one range scan per week.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection

from .counts import ACK_EVENT_KINDS, REACHED_GROUP, screening_buckets
from .models import AlertCount, DurationCount, ScreeningCount

BRUSSELS = ZoneInfo("Europe/Brussels")
METRICS = ("call", "ack", "close")


@dataclass(frozen=True)
class Scope:
    """Which groups a report covers and how it breaks them down.

    `level` says what the ids are (group, municipality, zone; a province is its zones;
    national: no filter); `area` is the breakdown a table shows (group, neighbourhood,
    municipality, zone). `suppress` is on for the analyst and national roles and in exports.
    """

    level: str
    ids: tuple[int, ...] = ()
    area: str = "neighbourhood"
    suppress: bool = False
    label: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Period:
    first_week: date  # a Monday
    weeks: int

    @property
    def end_week(self) -> date:
        return self.first_week + timedelta(weeks=self.weeks)

    @property
    def last_day(self) -> date:
        return self.end_week - timedelta(days=1)

    def mondays(self) -> list[date]:
        return [self.first_week + timedelta(weeks=n) for n in range(self.weeks)]

    @staticmethod
    def utc(day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=BRUSSELS).astimezone(ZoneInfo("UTC"))

    @classmethod
    def covering(cls, start: date, end: date) -> "Period":
        """The weeks that touch [start, end] (end inclusive)."""
        first = start - timedelta(days=start.weekday())
        last = end - timedelta(days=end.weekday())
        return cls(first, (last - first).days // 7 + 1)


# Columns: (aggregate tables, live alerts joined to g = group, nb = neighbourhood, m = municipality)
_AREA = {
    "group": ("group_id", "a.group_id"),
    "neighbourhood": ("neighbourhood_id", "g.neighbourhood_id"),
    "municipality": ("municipality_id", "nb.municipality_id"),
    "zone": ("zone_id", "m.zone_id"),
}
_LEVEL = {
    "group": ("group_id", "a.group_id"),
    "municipality": ("municipality_id", "nb.municipality_id"),
    "zone": ("zone_id", "m.zone_id"),
}
_CONFIRMED = "(a.called_number <> '' OR CAST(a.findings AS TEXT) LIKE '%%\"police_called\"%%')"
_DIMS = {  # dimension: (aggregate column, live expression)
    "week": ("week", None),  # live: _week_sql
    "category": ("category", "a.category"),
    "outcome": ("outcome", "a.outcome"),
    "status": ("status", "a.status"),
    "confirmed": ("call_confirmed", "CASE WHEN " + _CONFIRMED + " THEN 1 ELSE 0 END"),
}


def _scope_sql(scope: Scope, column: int) -> tuple[str, list]:
    if scope.level == "national":
        return "1=1", []
    if not scope.ids:
        return "1=0", []
    name = _LEVEL[scope.level][column]
    return f"{name} IN ({', '.join(['%s'] * len(scope.ids))})", list(scope.ids)


def _dt(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)


def _dims(scope: Scope, dims: tuple[str, ...], column: int) -> list[str]:
    return [(_AREA[scope.area] if d == "area" else _DIMS[d])[column] for d in dims]


def _rows(sql: str, params: list, dims: tuple[str, ...], values: tuple[str, ...]) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        out = []
        for row in cursor.fetchall():
            item = dict(zip(dims + values, row, strict=True))
            if "week" in item and not isinstance(item["week"], date):
                item["week"] = date.fromisoformat(str(item["week"])[:10])
            if "confirmed" in item:
                item["confirmed"] = bool(item["confirmed"])
            out.append(item)
        return out


def _week_sql(period: Period) -> str:
    """The Brussels Monday of a.created_at, computed in the database without a join.

    PostgreSQL knows the time-zone rules; SQLite does not, so the UTC offset comes from a
    CASE over the period's daylight-saving transitions (a handful), then date() modifiers
    go back to the Monday.
    """
    if connection.vendor == "postgresql":
        return "CAST(date_trunc('week', a.created_at AT TIME ZONE 'Europe/Brussels') AS date)"
    branches = []
    for until, hours in _offsets(period):
        moment = connection.ops.adapt_datetimefield_value(until)
        branches.append(f"WHEN a.created_at < '{moment}' THEN '+{hours} hours'")
    last = int(Period.utc(period.end_week).astimezone(BRUSSELS).utcoffset().total_seconds() // 3600)
    case = f"CASE {' '.join(branches)} ELSE '+{last} hours' END" if branches else f"'+{last} hours'"
    return f"date(a.created_at, {case}, 'weekday 0', '-6 days')"


def _offsets(period: Period) -> list[tuple[datetime, int]]:
    """[(UTC instant of a transition, whole-hour offset before it)] inside the period."""
    out = []
    moment = Period.utc(period.first_week)
    end = Period.utc(period.end_week)
    offset = moment.astimezone(BRUSSELS).utcoffset()
    while moment < end:  # by day, then by hour inside a day whose offset changes
        day_end = min(moment + timedelta(days=1), end)
        if day_end.astimezone(BRUSSELS).utcoffset() != offset:
            hour = moment
            while hour < day_end:
                hour += timedelta(hours=1)
                new = hour.astimezone(BRUSSELS).utcoffset()
                if new != offset:
                    out.append((hour, int(offset.total_seconds() // 3600)))
                    offset = new
        moment = day_end
    return out


def _live_from(scope: Scope, period: Period) -> tuple[str, list, dict[int, object]]:
    """(FROM ... WHERE, params, {group id: area id}) for the stored alerts that reached a
    group in the scope and period. The groups are looked up first, so the alert query is on
    one table and its (group, status, created_at) index."""
    places = _group_places(scope)
    ids = sorted(places) or [0]
    statuses = ", ".join(f"'{s}'" for s in REACHED_GROUP)
    sql = (
        f"FROM alerts_alert a WHERE a.group_id IN ({', '.join(['%s'] * len(ids))}) "
        f"AND a.status IN ({statuses}) AND a.created_at >= %s AND a.created_at < %s"
    )
    params = [*ids, _dt(Period.utc(period.first_week)), _dt(Period.utc(period.end_week))]
    return sql, params, places


def _folded_where(scope: Scope, period: Period) -> tuple[str, list]:
    where, params = _scope_sql(scope, 0)
    return f"WHERE week >= %s AND week < %s AND {where}", [
        period.first_week,
        period.end_week,
        *params,
    ]


def alert_totals(scope: Scope, period: Period, dims: tuple[str, ...]) -> list[dict]:
    """Alerts that reached a group, grouped by `dims` (area, week, category, outcome, status,
    confirmed): [{dim: value, "count": n, "confirmed_count": n}], stored plus folded."""
    statuses = ", ".join(f"'{s}'" for s in REACHED_GROUP)
    cols = _dims(scope, dims, 0)
    where, params = _folded_where(scope, period)
    select = ", ".join(cols + ["SUM(count)", "SUM(CASE WHEN call_confirmed THEN count ELSE 0 END)"])
    group_by = f" GROUP BY {', '.join(cols)}" if cols else ""
    folded = _rows(
        f"SELECT {select} FROM {AlertCount._meta.db_table} {where} "
        f"AND status IN ({statuses}){group_by}",
        params,
        dims,
        ("count", "confirmed_count"),
    )
    body, params, places = _live_from(scope, period)
    live_dims = tuple("group" if d == "area" else d for d in dims)
    cols = [
        "a.group_id" if d == "group" else _week_sql(period) if d == "week" else _DIMS[d][1]
        for d in live_dims
    ]
    select = ", ".join(cols + ["COUNT(*)", f"SUM(CASE WHEN {_CONFIRMED} THEN 1 ELSE 0 END)"])
    group_by = f" GROUP BY {', '.join(str(n + 1) for n in range(len(cols)))}" if cols else ""
    live = _rows(
        f"SELECT {select} {body}{group_by}", params, live_dims, ("count", "confirmed_count")
    )
    for row in live:
        if "group" in row:
            row["area"] = places[row.pop("group")]
    return _merge(folded + live, dims, ("count", "confirmed_count"))


def _merge(rows: list[dict], dims: tuple[str, ...], values: tuple[str, ...]) -> list[dict]:
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[d] for d in dims)
        target = merged.setdefault(key, {**{d: row[d] for d in dims}, **dict.fromkeys(values, 0)})
        for v in values:
            target[v] += int(row[v] or 0)
    return [r for r in merged.values() if any(r[v] for v in values)]


def _minutes(end: str, start: str) -> str:
    if connection.vendor == "postgresql":
        ms = f"ROUND(EXTRACT(EPOCH FROM ({end} - {start})) * 1000)"
        return f"GREATEST(FLOOR({ms} / 60000), 0)::integer"
    ms = f"CAST(ROUND((julianday({end}) - julianday({start})) * 86400000) AS INTEGER)"
    return f"MAX({ms} / 60000, 0)"


_ACK_KIND = "(e.kind IN ({}) OR e.kind LIKE 'ack%%')".format(
    ", ".join(f"'{k}'" for k in sorted(ACK_EVENT_KINDS))
)


def durations(scope: Scope, period: Period) -> dict[str, dict[int, int]]:
    """{metric: {minutes: alerts}} over the period, stored plus folded."""
    histogram: dict[str, dict[int, int]] = {m: defaultdict(int) for m in METRICS}
    where, params = _folded_where(scope, period)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT metric, minutes, SUM(count) FROM {DurationCount._meta.db_table} {where} "
            "GROUP BY metric, minutes",
            params,
        )
        for metric, minutes, n in cursor.fetchall():
            histogram[metric][int(minutes)] += int(n)
        body, params, _places = _live_from(scope, period)
        sources = {
            "call": ("a.created_at", "a.called_at", "a.called_number <> ''"),
            "close": ("a.closed_at", "a.created_at", "a.closed_at IS NOT NULL"),
            "ack": ("x.first_ack", "x.created_at", "x.first_ack IS NOT NULL"),
        }
        for metric, (end, start, present) in sources.items():
            if metric == "ack":  # a join and MIN: twice as fast as a correlated subquery
                where = body.split("FROM alerts_alert a ", 1)[1]
                sql = (
                    f"SELECT {_minutes(end, start)}, COUNT(*) FROM (SELECT a.created_at, "
                    "MIN(e.at) AS first_ack FROM alerts_alert a JOIN alerts_alertevent e "
                    f"ON e.alert_id = a.id {where} AND {_ACK_KIND} GROUP BY a.id, a.created_at"
                    f") x WHERE {present} GROUP BY 1"
                )
            else:
                sql = f"SELECT {_minutes(end, start)}, COUNT(*) {body} AND {present} GROUP BY 1"
            cursor.execute(sql, params)
            for minutes, n in cursor.fetchall():
                histogram[metric][int(minutes)] += int(n)
    return {m: dict(h) for m, h in histogram.items()}


def _group_places(scope: Scope) -> dict[int, int]:
    """{group id: area id} for the groups in scope."""

    path = {
        "group": "pk",
        "neighbourhood": "neighbourhood_id",
        "municipality": "neighbourhood__municipality_id",
        "zone": "neighbourhood__municipality__zone_id",
        "province": "neighbourhood__municipality__zone_id",  # mapped to provinces later
    }[scope.area]
    return dict(groups_in(scope).values_list("pk", path))


def groups_in(scope: Scope):
    from buurtwacht.organisation.models import Group

    qs = Group.objects.all()
    if scope.level == "national":
        return qs
    path = {
        "group": "pk__in",
        "municipality": "neighbourhood__municipality_id__in",
        "zone": "neighbourhood__municipality__zone_id__in",
    }[scope.level]
    return qs.filter(**{path: scope.ids})


def screening(scope: Scope, period: Period) -> list[dict]:
    """Held and blocked messages: [{area, week, source, action, finding, count}]."""
    from buurtwacht.alerts.models import Alert, FollowUp, Strike

    where, params = _folded_where(scope, period)
    area = _AREA[scope.area][0]
    dims = ("area", "week", "source", "action", "finding")
    folded = _rows(
        f"SELECT {area}, week, source, action, finding, SUM(count) "
        f"FROM {ScreeningCount._meta.db_table} {where} GROUP BY {area}, week, source, action, "
        "finding",
        params,
        dims,
        ("count",),
    )
    places = _group_places(scope)
    start, end = Period.utc(period.first_week), Period.utc(period.end_week)
    window = {"created_at__gte": start, "created_at__lt": end}
    row = _Row
    alerts = [
        row(group_id=g, created_at=c, findings=f, verdict="hold")
        for g, c, f in Alert.objects.filter(
            group_id__in=places, verdict="hold", **window
        ).values_list("group_id", "created_at", "findings")
    ]
    follow_ups = [
        row(alert=row(group_id=g), created_at=c, findings=f, verdict="hold")
        for g, c, f in FollowUp.objects.filter(
            alert__group_id__in=places, verdict="hold", **window
        ).values_list("alert__group_id", "created_at", "findings")
    ]
    strikes = [
        row(group_id=g, created_at=c, findings=f)
        for g, c, f in Strike.objects.filter(group_id__in=places, **window).values_list(
            "group_id", "created_at", "findings"
        )
    ]
    live = [
        {
            "area": places[g],
            "week": week,
            "source": source,
            "action": action,
            "finding": finding,
            "count": n,
        }
        for (g, week, source, action, finding), n in screening_buckets(
            alerts=alerts, follow_ups=follow_ups, strikes=strikes
        ).items()
    ]
    return _merge(folded + live, dims, ("count",))


class _Row:
    """A plain row with attributes, so counts.screening_buckets reads stored values as it
    reads model instances at fold time (one bucketing function for both)."""

    def __init__(self, **values):
        self.__dict__.update(values)

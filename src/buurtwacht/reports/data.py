"""What a report reads: the folded counts plus the rows still stored, grouped in the database.

Every figure is a GROUP BY run twice with the same dimensions: once over the aggregate tables
(`AlertCount`, `DurationCount`, `ScreeningCount`, rows the retention job folded) and once over
the alerts still stored, bucketed exactly as the fold would bucket them (`reports.counts`).
The two sets never overlap: the fold runs in the transaction that deletes the rows it folds,
so an alert is either stored or folded, never both. Summing the two therefore gives the
same figure before and after a purge (tests/reports/test_figures_after_purge.py).

Weeks are Brussels weeks (Monday). A stored alert carries its week (`Alert.week`, set from
created_at when it is written, by the rule the fold uses), so the live queries group and
filter on a plain column, through the `alert_report` index that holds every column they read
(on SQLite the scan reads the index, not the table). One scan gives all the counts
(`alert_cube`), one the call and close histograms, one the acknowledgements.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection

from buurtwacht.alerts.models import Outcome

from .counts import ACK_EVENT_KINDS, REACHED_GROUP, screening_buckets
from .models import AlertCount, DurationCount, ScreeningCount

BRUSSELS = ZoneInfo("Europe/Brussels")
OUTCOMES = tuple(Outcome.values)
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
# CASE, not OR: the findings (not in the report index) are read only when no number was called.
_CONFIRMED = (
    "(CASE WHEN a.called_number <> '' THEN 1 "
    "WHEN CAST(a.findings AS TEXT) LIKE '%%\"police_called\"%%' THEN 1 ELSE 0 END = 1)"
)
_DIMS = {  # dimension: (aggregate column, live expression)
    "week": ("week", "a.week"),
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


def _day(value: date):
    return connection.ops.adapt_datefield_value(value)


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


def _live_from(scope: Scope, period: Period) -> tuple[str, list, dict[int, object]]:
    """(FROM ... WHERE, params, {group id: area id}) for the stored alerts that reached a
    group in the scope and period. The groups are looked up first, so the alert query is on
    one table and its (group, week, ...) index; a period is whole weeks, so the week range
    is the created_at range."""
    places = _group_places(scope)
    ids = sorted(places) or [0]
    statuses = ", ".join(f"'{s}'" for s in REACHED_GROUP)
    sql = (
        f"FROM alerts_alert a WHERE a.group_id IN ({', '.join(['%s'] * len(ids))}) "
        f"AND a.week >= %s AND a.week < %s AND a.status IN ({statuses})"
    )
    params = [*ids, _day(period.first_week), _day(period.end_week)]
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
        "a.group_id" if d == "group" else "a.week" if d == "week" else _DIMS[d][1]
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


#: What alert_cube sums per (area, week, category): each name ends in "count", so the
#: province view (dashboard._provinces) adds them up like any other count.
CUBE_VALUES = ("count", "confirmed_count", "closed_count", *(f"{o}_count" for o in OUTCOMES))


def alert_cube(scope: Scope, period: Period) -> dict[tuple, list[int]]:
    """{(area, week, category): [n for each of CUBE_VALUES]}: alerts that reached a group,
    stored plus folded, from one GROUP BY on each side.

    Every count figure of a dashboard (area x week, week x category, totals, call-first
    compliance, outcomes of closed alerts) is a sum of these cells, so the stored alerts are
    scanned once for all of them. `closed_count` counts every closed alert (also one closed
    without an outcome), as the outcome shares' denominator always did. Cells are lists, not
    dicts: a two-year zone has some 12,000 of them, and dicts doubled the page's Python time.
    """
    statuses = ", ".join(f"'{s}'" for s in REACHED_GROUP)
    area = _AREA[scope.area][0]
    where, params = _folded_where(scope, period)
    outcome_sums = ", ".join(
        ["SUM(count) FILTER (WHERE status = 'closed' AND outcome = %s)"] * len(OUTCOMES)
    )
    cube: dict[tuple, list[int]] = {}
    _add_cells(
        cube,
        f"SELECT {area}, week, category, SUM(count), SUM(count) FILTER (WHERE call_confirmed), "
        f"SUM(count) FILTER (WHERE status = 'closed'), {outcome_sums} "
        f"FROM {AlertCount._meta.db_table} {where} AND status IN ({statuses}) "
        f"GROUP BY {area}, week, category",
        [*OUTCOMES, *params],
    )
    body, params, places = _live_from(scope, period)
    outcome_sums = ", ".join(
        ["COUNT(*) FILTER (WHERE a.status = 'closed' AND a.outcome = %s)"] * len(OUTCOMES)
    )
    _add_cells(
        cube,
        f"SELECT a.group_id, a.week, a.category, COUNT(*), COUNT(*) FILTER (WHERE {_CONFIRMED}), "
        f"COUNT(*) FILTER (WHERE a.status = 'closed'), {outcome_sums} "
        f"{body} GROUP BY a.group_id, a.week, a.category",
        [*OUTCOMES, *params],
        places,
    )
    return cube


def _add_cells(cube: dict, sql: str, params: list, places: dict | None = None) -> None:
    """Add the rows (area or group, week, category, *counts) of `sql` to the cube's cells."""
    weeks: dict = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            area, week, category = row[0], row[1], row[2]
            day = weeks.get(week)
            if day is None:
                day = weeks[week] = week if isinstance(week, date) else date.fromisoformat(week)
            key = (places[area] if places is not None else area, day, category)
            counts = [n or 0 for n in row[3:]]  # SUM() FILTER of no row is NULL
            cell = cube.get(key)
            if cell is None:
                cube[key] = counts
            else:
                cube[key] = [a + b for a, b in zip(cell, counts, strict=True)]


def _merge(rows: list[dict], dims: tuple[str, ...], values: tuple[str, ...]) -> list[dict]:
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[d] for d in dims)
        target = merged.setdefault(key, {**{d: row[d] for d in dims}, **dict.fromkeys(values, 0)})
        for v in values:
            target[v] += int(row[v] or 0)
    return [r for r in merged.values() if any(r[v] for v in values)]


def _minutes(end: str, start: str) -> str:
    """Whole minutes from start to end as counts.minutes_between has them: rounded to the
    millisecond (half up), floored, never negative.

    PostgreSQL: the exact microseconds as a bigint (the float epoch of an interval times 10^6,
    rounded, is exact for any span below a century), then integer division: numeric
    arithmetic (EXTRACT returns numeric) cost twice as much over 100,000 rows.
    floor(floor((us + 500) / 1000) / 60000) is floor((us + 500) / 60,000,000)."""
    if connection.vendor == "postgresql":
        us = f"ROUND(date_part('epoch', {end} - {start}) * 1000000)::bigint"
        return f"GREATEST(({us} + 500) / 60000000, 0)"
    ms = f"CAST(ROUND((julianday({end}) - julianday({start})) * 86400000) AS INTEGER)"
    return f"MAX({ms} / 60000, 0)"


_ACK_KIND = "(e.kind IN ({}) OR e.kind LIKE 'ack%%')".format(
    ", ".join(f"'{k}'" for k in sorted(ACK_EVENT_KINDS))
)


def durations(scope: Scope, period: Period) -> dict[str, dict[int, int]]:
    """{metric: {minutes: alerts}} over the period, stored plus folded.

    Stored alerts: the call and close minutes come from one scan; the first acknowledgement
    needs the events, a second query (per vendor: _live_grouped, _live_sqlite)."""
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
        live = _live_sqlite if connection.vendor == "sqlite" else _live_grouped
        for metric, minutes, n in live(cursor, body, params):
            histogram[metric][int(minutes)] += int(n)
    return {m: dict(h) for m, h in histogram.items()}


def _live_grouped(cursor, body: str, params: list) -> list[tuple[str, int, int]]:
    """[(metric, minutes, alerts)] of the stored alerts, grouped in the database (PostgreSQL
    hash-aggregates): call and close from one scan, grouped by the pair and split here; the
    first acknowledgement by a join and MIN (twice as fast as a correlated subquery)."""
    call = _minutes("a.created_at", "a.called_at")
    close = _minutes("a.closed_at", "a.created_at")
    cursor.execute(
        f"SELECT CASE WHEN a.called_number <> '' THEN {call} END, "
        f"CASE WHEN a.closed_at IS NOT NULL THEN {close} END, COUNT(*) {body} GROUP BY 1, 2",
        params,
    )
    out = []
    for call_minutes, close_minutes, n in cursor.fetchall():
        if call_minutes is not None:
            out.append(("call", call_minutes, n))
        if close_minutes is not None:
            out.append(("close", close_minutes, n))
    where = body.split("FROM alerts_alert a ", 1)[1]
    cursor.execute(
        f"SELECT {_minutes('x.first_ack', 'x.created_at')}, COUNT(*) FROM (SELECT a.created_at, "
        "MIN(e.at) AS first_ack FROM alerts_alert a JOIN alerts_alertevent e "
        f"ON e.alert_id = a.id {where} AND {_ACK_KIND} GROUP BY a.id, a.created_at) x GROUP BY 1",
        params,
    )
    return out + [("ack", minutes, n) for minutes, n in cursor.fetchall()]


def _live_sqlite(cursor, body: str, params: list) -> list[tuple[str, int, int]]:
    """The same on SQLite, which has no hash aggregate (a GROUP BY sorts its input): the call
    and close minutes of every alert are streamed from the report index and counted here
    (half the time of grouping them); the first acknowledgement is a correlated subquery on
    the (alert, kind, at) index, kept from being flattened (LIMIT -1) so that it runs once
    per alert, and only its 120-odd minute values are grouped."""
    call = _minutes("a.created_at", "a.called_at")
    close = _minutes("a.closed_at", "a.created_at")
    cursor.execute(
        f"SELECT CASE WHEN a.called_number <> '' THEN {call} END, "
        f"CASE WHEN a.closed_at IS NOT NULL THEN {close} END {body}",
        params,
    )
    rows = cursor.fetchall()
    out = [("call", m, n) for m, n in Counter(r[0] for r in rows).items() if m is not None]
    out += [("close", m, n) for m, n in Counter(r[1] for r in rows).items() if m is not None]
    first = f"(SELECT MIN(e.at) FROM alerts_alertevent e WHERE e.alert_id = a.id AND {_ACK_KIND})"
    cursor.execute(
        f"SELECT {_minutes('x.first_ack', 'x.created_at')}, COUNT(*) FROM (SELECT a.created_at, "
        f"{first} AS first_ack {body} LIMIT -1) x WHERE x.first_ack IS NOT NULL GROUP BY 1",
        params,
    )
    return out + [("ack", minutes, n) for minutes, n in cursor.fetchall()]


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
        for g, c, f in Alert.objects.filter(  # by week: the report index has the verdict
            group_id__in=places,
            verdict="hold",
            week__gte=period.first_week,
            week__lt=period.end_week,
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

"""One report as plain data: every figure of a dashboard, the CSV, the GeoJSON and the PDF.

`build(scope, period)` runs the grouped queries of `reports.data` (stored plus folded rows),
turns them into tables with `reports.figures`, and, for a suppressing scope (the provincial
analyst, the national level, every export), hides small counts and what would reveal them.
Nothing in the result names an alert, a person or a place finer than a neighbourhood.
"""

from collections import defaultdict

from django.conf import settings
from django.utils.translation import gettext as _

from buurtwacht.alerts.models import Category, Outcome

from . import figures as f
from .data import CUBE_VALUES, Period, Scope, alert_cube, durations, screening
from .health import HEALTH_FIELDS, by_area, group_health

FINDINGS = ("vigilantism", "discrimination", "third_party_data", "emergency", "licence_plate", "")


def threshold() -> int:
    return int(getattr(settings, "REPORTS_SUPPRESSION_THRESHOLD", 5))


def area_names(scope: Scope, area_ids) -> dict:
    from buurtwacht.organisation.models import Group, Municipality, Neighbourhood, PoliceZone

    model = {
        "group": Group,
        "neighbourhood": Neighbourhood,
        "municipality": Municipality,
        "zone": PoliceZone,
    }.get(scope.area)
    if model is None:  # provinces are names already
        return {a: a for a in area_ids}
    return dict(model.objects.filter(pk__in=set(area_ids)).values_list("pk", "name"))


def _provinces(rows: list[dict]) -> list[dict]:
    """Rows by zone become rows by province (the national view)."""
    from buurtwacht.organisation.models import PoliceZone

    province = dict(PoliceZone.objects.values_list("pk", "province"))
    merged: dict[tuple, dict] = {}
    for row in rows:
        row = {**row, "area": province.get(row["area"], "?")}
        key = tuple(v for k, v in row.items() if not k.endswith("count"))
        target = merged.setdefault(key, {**row, **{k: 0 for k in row if k.endswith("count")}})
        for k in row:
            if k.endswith("count"):
                target[k] += row[k]
    return list(merged.values())


def build(scope: Scope, period: Period) -> dict:
    t = threshold()
    hide = scope.suppress
    query_scope = Scope(scope.level, scope.ids, "zone") if scope.area == "province" else scope
    cube = alert_cube(query_scope, period)
    found = screening(query_scope, period)
    if scope.area == "province":
        cube, found = _province_cube(cube), _provinces(found)
    area_cells, week_cells, totals = _sums(cube)
    names = area_names(scope, {a for a, _w in area_cells} | scope.extra.get("areas", set()))
    areas = sorted(names, key=lambda a: str(names[a]))
    mondays = period.mondays()

    def tabulate(rows, columns, cells):
        table = f.table(rows, columns, cells)
        return f.suppress(table, t) if hide else table

    area_week = tabulate(areas, mondays, area_cells)
    seen = {c for _w, c in week_cells}
    categories = [c for c in Category.values if c in seen]
    week_category = tabulate(mondays, categories, week_cells)
    closed = {k: totals[f"{k}_count"] for k in Outcome.values if totals[f"{k}_count"]}
    outcome_table = tabulate(
        ["closed"], list(Outcome.values), {("closed", k): v for k, v in closed.items()}
    )
    finding_rows = [x for x in FINDINGS if any(r["finding"] == x for r in found)]
    finding_table = tabulate(
        finding_rows,
        ["held", "blocked"],
        _sum_cells(((r["finding"], r["action"]), r["count"]) for r in found),
    )
    histograms = durations(scope, period)
    n_alerts, n_closed = totals["count"], totals["closed_count"]
    return {
        "scope": scope,
        "period": period,
        "threshold": t,
        "suppressed": hide,
        "area_names": names,
        "alerts": n_alerts,
        "alerts_shown": f.shown_count(n_alerts, t, hide),
        "compliance": _share(totals["confirmed_count"], n_alerts, t, hide),
        "durations": {m: _duration(histograms[m], t, hide) for m in histograms},
        "outcomes": {
            k: {"count": closed.get(k, 0), **_share(closed.get(k, 0), n_closed, t, hide)}
            for k in Outcome.values
        },
        "closed": n_closed,
        "area_week": area_week,
        "week_category": week_category,
        "outcome_table": outcome_table,
        "finding_table": finding_table,
        "health": _health(scope, period, t, hide),
    }


def _sums(cube: dict[tuple, list[int]]) -> tuple[dict, dict, dict]:
    """From the cube's cells: alerts per (area, week), per (week, category), and every value
    of CUBE_VALUES summed over the whole period. Cells without alerts are left out."""
    area_week: dict = defaultdict(int)
    week_category: dict = defaultdict(int)
    totals = [0] * len(CUBE_VALUES)
    for (area, week, category), cell in cube.items():
        if cell[0]:
            area_week[area, week] += cell[0]
            week_category[week, category] += cell[0]
        for i, n in enumerate(cell):
            totals[i] += n
    return dict(area_week), dict(week_category), dict(zip(CUBE_VALUES, totals, strict=True))


def _province_cube(cube: dict[tuple, list[int]]) -> dict[tuple, list[int]]:
    """Cells by zone become cells by province (the national view)."""
    from buurtwacht.organisation.models import PoliceZone

    province = dict(PoliceZone.objects.values_list("pk", "province"))
    out: dict[tuple, list[int]] = {}
    for (zone, week, category), cell in cube.items():
        key = (province.get(zone, "?"), week, category)
        target = out.setdefault(key, [0] * len(cell))
        for i, n in enumerate(cell):
            target[i] += n
    return out


def _sum_cells(pairs) -> dict:
    out: dict = {}
    for key, n in pairs:
        out[key] = out.get(key, 0) + n
    return out


def _share(numerator: int, denominator: int, t: int, hide: bool) -> dict:
    value = f.share(numerator, denominator)
    hidden = hide and f.share_hidden(numerator, denominator, t)
    shown = "—" if value is None else (_("suppressed") if hidden else f"{value:.0%}")
    return {"value": None if hidden else value, "shown": shown, "of": denominator}


def _duration(histogram: dict, t: int, hide: bool) -> dict:
    n = f.count(histogram)
    if hide and f.hidden(n, t):
        return {"n": None, "median": None, "p90": None, "shown_n": f"<{t}"}
    return {"n": n, "median": f.median(histogram), "p90": f.p90(histogram), "shown_n": str(n)}


def _health(scope: Scope, period: Period, t: int, hide: bool) -> list[dict]:
    if scope.area == "province":
        return []  # the national view has no group-level figures
    rows = group_health(scope, period)
    if not hide:
        return rows
    names = area_names(Scope("group", area="neighbourhood"), [r["neighbourhood_id"] for r in rows])
    merged = by_area(rows, lambda r: r["neighbourhood_id"])
    out = []
    for area, sums in sorted(merged.items(), key=lambda kv: names.get(kv[0], "")):
        out.append(
            {"name": names.get(area, "?")}
            | {k: f.shown_count(sums[k], t, True) for k in HEALTH_FIELDS}
        )
    return out

"""CSV and GeoJSON of a report's aggregates, always with suppression (whoever downloads them:
a file travels further than a page).

CSV: one row per area and week (`area, week, alerts`), then a `total` row per area and per
week and the grand total, exactly as the suppressed table shows them ("<5" for a hidden
cell). GeoJSON: one feature per neighbourhood with its polygon, shown count, households and
rate per 1,000 households (no rate where the count is hidden).
"""

import csv
import io
import json
from dataclasses import replace

from . import present
from .dashboard import build
from .data import Period, Scope


def suppressed(scope: Scope, period: Period) -> dict:
    return build(replace(scope, suppress=True), period)


def to_csv(report: dict) -> str:
    t = report["area_week"]
    names = report["area_names"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["area", "week", "alerts"])
    labels = [str(names.get(a, a)) for a in t.rows] + ["total"]
    weeks = [w.isoformat() for w in t.columns] + ["total"]
    shown = t.display(report["threshold"])
    for i, label in enumerate(labels):
        for j, week in enumerate(weeks):
            writer.writerow([_safe(label), week, shown[i][j]])
    return out.getvalue()


def _safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula is quoted."""
    return "'" + text if text[:1] in "=+-@\t\r" else text


def to_geojson(report: dict) -> str:
    from buurtwacht.organisation.models import Neighbourhood

    if report["scope"].area != "neighbourhood":
        return json.dumps({"type": "FeatureCollection", "features": []})
    hoods = Neighbourhood.objects.filter(pk__in=report["area_week"].rows).order_by("name")
    values = present.map_values(report, present.households([h.pk for h in hoods]))
    features = [
        {
            "type": "Feature",
            "geometry": h.boundary,
            "properties": {
                "neighbourhood": h.name,
                "sector_code": h.sector_code,
                "alerts": values[h.pk]["shown"],
                "households": values[h.pk]["households"],
                "alerts_per_1000_households": values[h.pk]["rate"],
            },
        }
        for h in hoods
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)

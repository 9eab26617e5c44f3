"""From a built report (reports.dashboard.build) to what a page, a file or the PDF shows:
labelled chart items, the map's per-neighbourhood values, the headline sentences."""

from django.utils.translation import gettext as _

from buurtwacht.alerts.models import Category, Outcome

from . import figures as f

FINDING_LABELS = {
    "vigilantism": lambda: _("vigilantism"),
    "discrimination": lambda: _("discrimination"),
    "third_party_data": lambda: _("third-party data"),
    "emergency": lambda: _("emergency (call 112 first)"),
    "licence_plate": lambda: _("licence plate"),
    "": lambda: _("no call confirmed or other"),
}


def _item(t: f.Table, i: int, j: int, label: str) -> tuple[str, int | None, str]:
    """(label, value or None when hidden, shown text) of one table entry."""
    if t.hide[i][j]:
        return (label, None, t.shown(i, j, t.threshold))
    return (label, t.value(i, j), str(t.value(i, j)))


def items(report: dict) -> dict[str, list]:
    """Chart items per chart: (label, value or None if hidden, shown text)."""
    wc, ot, ft = report["week_category"], report["outcome_table"], report["finding_table"]
    last = len(wc.columns)
    weekly = [_item(wc, i, last, monday.strftime("%d-%m-%Y")) for i, monday in enumerate(wc.rows)]
    outcomes = [_item(ot, 0, j, str(Outcome(k).label)) for j, k in enumerate(ot.columns)]
    findings = []
    for i, key in enumerate(ft.rows):
        for j, action in enumerate(ft.columns):
            if ft.value(i, j) or ft.hide[i][j]:
                what = _("held") if action == "held" else _("blocked")
                findings.append(_item(ft, i, j, f"{FINDING_LABELS[key]()} ({what})"))
    categories = [
        _item(wc, len(wc.rows), j, str(Category(c).label)) for j, c in enumerate(wc.columns)
    ]
    return {"weekly": weekly, "outcomes": outcomes, "findings": findings, "categories": categories}


def map_values(report: dict, households: dict[int, int]) -> dict[int, dict]:
    """{neighbourhood id: shown count, rate per 1,000 households, hidden}."""
    t = report["area_week"]
    last = len(t.columns)
    out = {}
    for i, area in enumerate(t.rows):
        hidden = t.hide[i][last]
        count = t.value(i, last)
        out[area] = {
            "name": report["area_names"].get(area, ""),
            "count": None if hidden else count,
            "shown": t.shown(i, last, report["threshold"]),
            "households": households.get(area),
            "rate": None if hidden else f.per_thousand(count, households.get(area)),
            "hidden": hidden,
        }
    return out


def households(area_ids) -> dict[int, int]:
    from .models import NeighbourhoodStats

    return dict(
        NeighbourhoodStats.objects.filter(neighbourhood_id__in=area_ids).values_list(
            "neighbourhood_id", "households"
        )
    )


def minutes(value) -> str:
    if value is None:
        return "—"
    return f"{value:g} min"


def summary(report: dict) -> list[str]:
    """The main figures as short sentences in the active language (page, PDF)."""
    d = report["durations"]
    lines = [
        _("Alerts: %(n)s.") % {"n": report["alerts_shown"]},
        _("Call-first compliance: %(share)s of alerts had a confirmed 101/112 call.")
        % {"share": report["compliance"]["shown"]},
        _("Median time from the call to the alert: %(m)s.") % {"m": minutes(d["call"]["median"])},
        _("Time to the first police acknowledgement: median %(m)s, 90th percentile %(p)s.")
        % {"m": minutes(d["ack"]["median"]), "p": minutes(d["ack"]["p90"])},
        _("Time to closing: median %(m)s, 90th percentile %(p)s.")
        % {"m": minutes(d["close"]["median"]), "p": minutes(d["close"]["p90"])},
        _("False alarms: %(share)s of closed alerts.")
        % {"share": report["outcomes"]["false_alarm"]["shown"]},
    ]
    return lines

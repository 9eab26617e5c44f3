"""Report pages, exports and the monthly PDF; every view starts from reports.access."""

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from buurtwacht.organisation.models import Municipality, Neighbourhood

from . import access, charts, exports, maps, present
from .dashboard import build
from .data import Period

DEFAULT_WEEKS = 12


def period_from(request) -> tuple[Period, str]:
    """?from=YYYY-MM-DD&to=YYYY-MM-DD, else the last 12 weeks; bad input: error and default."""
    today = timezone.localdate()
    default = Period.covering(today - timedelta(weeks=DEFAULT_WEEKS - 1), today)
    raw_from, raw_to = request.GET.get("from"), request.GET.get("to")
    if not raw_from and not raw_to:
        return default, ""
    try:
        start = date.fromisoformat(raw_from or "")
        end = date.fromisoformat(raw_to) if raw_to else today
    except ValueError:
        return default, _("Dates are written as YYYY-MM-DD; showing the last 12 weeks.")
    if end < start or (end - start).days > 3 * 366:
        return default, _("The period must run forwards and span at most three years.")
    return Period.covering(start, end), ""


def _scope(request, kind, key):
    user = request.user
    if kind == "group":
        return access.group_scope(user, int(key))
    if kind == "municipality":
        return access.municipality_scope(user, key)
    if kind == "zone":
        return access.zone_scope(user, key)
    if kind == "province":
        return access.province_scope(user, key)
    if kind == "national":
        return access.national_scope(user)
    raise Http404


@login_required
def index(request):
    return render(request, "reports/index.html", access.reports_for(request.user))


@login_required
def dashboard(request, kind, key=""):
    scope = _scope(request, kind, key)
    period, error = period_from(request)
    report = build(scope, period)
    chart_items = present.items(report)
    context = {
        "kind": kind,
        "key": key,
        "report": report,
        "error": error,
        "summary": present.summary(report),
        "weekly_chart": mark_safe(
            charts.columns(
                "weekly",
                _("Alerts per week"),
                _("Alerts that reached the groups, per week of the period."),
                chart_items["weekly"],
                (_("week"), _("alerts")),
            )
        ),
        "category_chart": mark_safe(
            charts.rows(
                "categories",
                _("Alerts per category"),
                _("Alerts of the period by category."),
                chart_items["categories"],
                (_("category"), _("alerts")),
            )
        ),
        "outcome_chart": mark_safe(
            charts.rows(
                "outcomes",
                _("Outcomes of closed alerts"),
                _("How the closed alerts of the period ended."),
                chart_items["outcomes"],
                (_("outcome"), _("alerts")),
            )
        ),
        "finding_chart": mark_safe(
            charts.rows(
                "findings",
                _("Held and blocked messages by finding"),
                _("Messages screening held for the coordinator or blocked, by finding."),
                chart_items["findings"],
                (_("finding"), _("messages")),
            )
        ),
        "map": mark_safe(_map(report)),
        "area_rows": _area_rows(report),
    }
    return render(request, "reports/dashboard.html", context)


def _map(report) -> str:
    if report["scope"].area != "neighbourhood":
        return ""
    hoods = list(Neighbourhood.objects.filter(pk__in=report["area_week"].rows))
    values = present.map_values(report, present.households([h.pk for h in hoods]))
    return maps.choropleth(
        hoods,
        values,
        title=_("Alerts per 1,000 households"),
        desc=_("Neighbourhoods coloured by alerts per 1,000 households; hatched: suppressed."),
    )


def _area_rows(report) -> list[dict]:
    t = report["area_week"]
    shown = t.display(report["threshold"])
    return [
        {"name": report["area_names"].get(a, a), "cells": shown[i]}
        for i, a in enumerate([*t.rows, None])
    ]


@login_required
def export_csv(request, kind, key=""):
    scope = _scope(request, kind, key)
    period, _error = period_from(request)
    response = HttpResponse(
        exports.to_csv(exports.suppressed(scope, period)), content_type="text/csv"
    )
    response["Content-Disposition"] = f'attachment; filename="report-{kind}-{key or "all"}.csv"'
    return response


@login_required
def export_geojson(request, kind, key=""):
    scope = _scope(request, kind, key)
    period, _error = period_from(request)
    response = HttpResponse(
        exports.to_geojson(exports.suppressed(scope, period)),
        content_type="application/geo+json",
    )
    response["Content-Disposition"] = f'attachment; filename="report-{kind}-{key or "all"}.geojson"'
    return response


@login_required
def monthly(request, nis):
    """The page to download the monthly PDF: a month and a language."""
    from .pdf import LANGS, month_period, render_pdf

    scope = access.municipality_scope(request.user, nis)
    month, lang = request.GET.get("month"), request.GET.get("lang", "nl")
    if month:
        try:
            month_period(month)
            if lang not in LANGS:
                raise ValueError
        except ValueError:
            return render(
                request,
                "reports/monthly.html",
                {
                    "nis": nis,
                    "scope": scope,
                    "error": _("Choose a month as YYYY-MM and a language."),
                },
                status=400,
            )
        muni = Municipality.objects.get(nis_code=nis)
        response = HttpResponse(render_pdf(muni, month, lang), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="report-{nis}-{month}-{lang}.pdf"'
        return response
    today = timezone.localdate()
    months = []
    year, mon = today.year, today.month
    for _n in range(12):
        months.append(f"{year:04d}-{mon:02d}")
        year, mon = (year, mon - 1) if mon > 1 else (year - 1, 12)
    return render(request, "reports/monthly.html", {"nis": nis, "scope": scope, "months": months})

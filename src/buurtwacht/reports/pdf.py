"""The monthly PDF of a municipality: main figures in words, the charts as bars, the map.

Drawn with fpdf2 the way the charter is (protocols.charter): core Helvetica in windows-1252,
a fixed creation date, so the same data gives the same bytes. Charts become a table with a
bar per row (fpdf2 rectangles), the map the neighbourhood polygons filled by their class,
projected by the police console's projection. The month is the weeks that touch it (the
aggregates are weekly).
"""

import calendar
from datetime import UTC, date, datetime

from django.utils import translation
from django.utils.translation import gettext as _

from buurtwacht.protocols.charter import _pdf_safe

from . import maps, present
from .dashboard import build
from .data import Period, Scope

LANGS = ("nl", "fr", "de", "en")


def month_period(month: str) -> tuple[date, date]:
    """'YYYY-MM' -> (first day, last day); ValueError otherwise."""
    year, mon = (int(x) for x in month.split("-"))
    if len(month) != 7 or not 1 <= mon <= 12:
        raise ValueError(month)
    return date(year, mon, 1), date(year, mon, calendar.monthrange(year, mon)[1])


def render_pdf(municipality, month: str, lang: str) -> bytes:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}")
    first, last = month_period(month)
    scope = Scope("municipality", (municipality.pk,), label=municipality.name, suppress=True)
    scope = Scope(
        scope.level,
        scope.ids,
        suppress=True,
        label=municipality.name,
        extra={"areas": set(municipality.neighbourhoods.values_list("pk", flat=True))},
    )
    with translation.override(lang):
        report = build(scope, Period.covering(first, last))
        return _draw(report, municipality, first, lang)


def _draw(report, municipality, first: date, lang: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_lang(lang)
    pdf.set_compression(False)  # plain text streams: readable by tests and by grep
    pdf.set_creator("Buurtwacht")
    pdf.set_creation_date(datetime(2025, 1, 1, tzinfo=UTC))
    month_name = _month_name(first)
    title = _("Monthly report %(municipality)s, %(month)s") % {
        "municipality": municipality.name,
        "month": month_name,
    }
    pdf.set_title(_pdf_safe(title))
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()

    def write(text, size=10.5, style="", gap=1.5):
        pdf.set_font("helvetica", style=style, size=size)
        pdf.multi_cell(0, size * 0.5, _pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    write(title, size=15, style="B")
    write(_("Police zone: %(zone)s") % {"zone": municipality.zone.name}, size=9.5, gap=3)
    for line in present.summary(report):
        write("- " + line)
    if report["suppressed"]:
        write(_("Counts below %(t)s are shown as <%(t)s.") % {"t": report["threshold"]}, size=8.5)
    items = present.items(report)
    for heading, key in (
        (_("Alerts per week"), "weekly"),
        (_("Alerts per category"), "categories"),
        (_("Outcomes of closed alerts"), "outcomes"),
        (_("Held and blocked messages by finding"), "findings"),
    ):
        pdf.ln(2)
        write(heading, size=12, style="B")
        _bars(pdf, items[key])
    _map(pdf, report)
    return bytes(pdf.output())


def _month_name(first: date) -> str:
    """Django's own translated month names (django.utils.dates), in the active language."""
    from django.utils.dates import MONTHS

    return f"{MONTHS[first.month]} {first.year}"


def _bars(pdf, items) -> None:
    peak = max([v for _l, v, _s in items if v] or [1])
    pdf.set_font("helvetica", size=9)
    for label, value, shown in items:
        y = pdf.get_y()
        pdf.cell(60, 5, _pdf_safe(label)[:38])
        pdf.cell(14, 5, _pdf_safe(shown), align="R")
        if value:
            pdf.set_fill_color(44, 95, 138)
            pdf.rect(95, y + 1, 90 * value / peak, 3, style="F")
        pdf.ln(5)


def _map(pdf, report) -> None:
    from buurtwacht.organisation.models import Neighbourhood
    from buurtwacht.police.svgmap import _rings

    hoods = [h for h in Neighbourhood.objects.filter(pk__in=report["area_week"].rows)]
    if not hoods:
        return
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=12)
    pdf.cell(0, 8, _pdf_safe(_("Alerts per 1,000 households")), new_x="LMARGIN", new_y="NEXT")
    values = present.map_values(report, present.households([h.pk for h in hoods]))
    project = maps.projection(hoods)
    scale, x0, y0 = 174 / 640, 18, pdf.get_y() + 2  # the SVG's 640x480 onto 174 mm
    for hood in hoods:
        v = values.get(hood.pk, {"rate": None, "hidden": False, "shown": "0"})
        fill = "#dddddd" if v["hidden"] else maps.colour(v["rate"])
        pdf.set_fill_color(*(int(fill[i : i + 2], 16) for i in (1, 3, 5)))
        for ring in _rings(hood.boundary):
            points = [project(*c[:2]) for c in ring]
            pdf.polygon([(x0 + x * scale, y0 + y * scale) for x, y in points], style="DF")
    pdf.set_y(y0 + 480 * scale + 4)
    pdf.set_font("helvetica", size=9)
    for hood in sorted(hoods, key=lambda h: h.name):
        v = values.get(hood.pk, {"rate": None, "shown": "0"})
        rate = "—" if v["rate"] is None else f"{v['rate']:g}"
        pdf.cell(0, 5, _pdf_safe(f"{hood.name}: {v['shown']} ({rate} / 1,000)"),
                 new_x="LMARGIN", new_y="NEXT")  # fmt: skip

"""Neighbourhoods coloured by alerts per 1,000 households, as SVG from the stored polygons.

The projection is the police console's (`police.svgmap.Projection`), so both maps of a zone
look the same. No tile server by default; with `REPORTS_TILE_URL` (a `{z}/{x}/{y}` template)
one background tile covering the area is referenced (the browser fetches it, the PDF does
not). A neighbourhood whose count is suppressed is drawn hatched, with no rate: a rate and a
household count together would give the count back.
"""

import math
from html import escape

from django.conf import settings

from buurtwacht.police.svgmap import HEIGHT, WIDTH, Projection, _rings

#: Colour classes (alerts per 1,000 households): lower bounds, light to dark.
CLASSES = ((0, "#f1eef6"), (2, "#bdc9e1"), (5, "#74a9cf"), (10, "#2b8cbe"), (20, "#045a8d"))
NO_DATA = "#ffffff"


def colour(rate: float | None) -> str:
    if rate is None:
        return NO_DATA
    chosen = CLASSES[0][1]
    for bound, fill in CLASSES:
        if rate >= bound:
            chosen = fill
    return chosen


def paths(hoods, project) -> dict[int, str]:
    return {
        h.pk: " ".join(
            "M " + " L ".join("{} {}".format(*project(*c[:2])) for c in ring) + " Z"
            for ring in _rings(h.boundary)
        )
        for h in hoods
    }


def projection(hoods) -> Projection:
    return Projection([tuple(c[:2]) for h in hoods for ring in _rings(h.boundary) for c in ring])


def _tile(project, hoods) -> str:
    template = getattr(settings, "REPORTS_TILE_URL", "")
    coords = [c for h in hoods for ring in _rings(h.boundary) for c in ring]
    if not template or not coords:
        return ""
    lon = sum(c[0] for c in coords) / len(coords)
    lat = sum(c[1] for c in coords) / len(coords)
    span = max(max(c[0] for c in coords) - min(c[0] for c in coords), 1e-6)
    z = max(0, min(18, int(math.log2(360 / span))))
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)

    def corner(tx, ty):
        lat_c = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * ty / n))))
        return project(tx / n * 360 - 180, lat_c)

    (x0, y0), (x1, y1) = corner(x, y), corner(x + 1, y + 1)
    url = template.format(z=z, x=x, y=y)
    return (
        f'<image href="{escape(url)}" x="{x0}" y="{y0}" width="{x1 - x0:.1f}" '
        f'height="{y1 - y0:.1f}" preserveAspectRatio="none" opacity="0.5"/>'
    )


def choropleth(hoods, values: dict[int, dict], *, title: str, desc: str) -> str:
    """`values`: {neighbourhood id: {"shown": text, "rate": float | None, "hidden": bool}}."""
    hoods = [h for h in hoods if _rings(h.boundary)]
    project = projection(hoods)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        'role="img" aria-labelledby="map-t map-d" class="report-map">'
        f'<title id="map-t">{escape(title)}</title><desc id="map-d">{escape(desc)}</desc>'
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#eee"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>',
        _tile(project, hoods),
    ]
    for pk, d in paths(hoods, project).items():
        hood = next(h for h in hoods if h.pk == pk)
        v = values.get(pk, {"shown": "0", "rate": None, "hidden": False})
        fill = "url(#hatch)" if v["hidden"] else colour(v["rate"])
        rate = "" if v["rate"] is None else f", {v['rate']:g} / 1,000"
        parts.append(
            f'<path data-neighbourhood="{pk}" d="{d}" fill="{fill}" stroke="#333" '
            f'stroke-width="1" fill-rule="evenodd"><title>{escape(hood.name)}: '
            f"{escape(v['shown'])}{escape(rate)}</title></path>"
        )
    parts.append("</svg>")
    return "".join(parts)

"""A map of a zone drawn on the server as SVG: the neighbourhood polygons (their stored GeoJSON)
and a point per alert. No tile server, no JavaScript, nothing fetched from elsewhere.

Longitude and latitude are projected equirectangularly around the map's mean latitude
(x = lon * cos(mean lat), y = -lat), which is accurate to well under a percent at the size
of a police zone.
"""

import math
from xml.sax.saxutils import escape, quoteattr

WIDTH, HEIGHT, MARGIN = 640, 480, 16


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


class Projection:
    def __init__(self, points: list[tuple[float, float]]):
        lons = [p[0] for p in points] or [0.0]
        lats = [p[1] for p in points] or [0.0]
        self.k = math.cos(math.radians(sum(lats) / len(lats)))
        self.x0, self.x1 = min(lons) * self.k, max(lons) * self.k
        self.y0, self.y1 = min(lats), max(lats)
        span = max(self.x1 - self.x0, 1e-9), max(self.y1 - self.y0, 1e-9)
        self.scale = min((WIDTH - 2 * MARGIN) / span[0], (HEIGHT - 2 * MARGIN) / span[1])

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = MARGIN + (lon * self.k - self.x0) * self.scale
        y = MARGIN + (self.y1 - lat) * self.scale
        return round(x, 1), round(y, 1)


def zone_map(neighbourhoods, alerts, *, link=None) -> str:
    """The SVG text. `neighbourhoods`: objects with pk, name, boundary; `alerts`: dicts with
    id, lon, lat, category_label, status (those without coordinates are left out);
    `link(alert_id) -> url` makes each point a link."""
    hoods = list(neighbourhoods)
    points = [a for a in alerts if a.get("lon") is not None and a.get("lat") is not None]
    coords = [tuple(c) for h in hoods for ring in _rings(h.boundary) for c in ring]
    coords += [(a["lon"], a["lat"]) for a in points]
    project = Projection(coords)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" class="zone-map">'
    ]
    for hood in hoods:
        d = " ".join(
            "M " + " L ".join("{} {}".format(*project(*c[:2])) for c in ring) + " Z"
            for ring in _rings(hood.boundary)
        )
        parts.append(
            f'<path class="neighbourhood" data-neighbourhood="{hood.pk}" d="{d}" '
            f'fill="#e8f0e8" stroke="#4a6a4a" stroke-width="1" fill-rule="evenodd">'
            f"<title>{escape(hood.name)}</title></path>"
        )
    for a in points:
        x, y = project(a["lon"], a["lat"])
        circle = (
            f'<circle class="alert {escape(a["status"])}" data-alert="{a["id"]}" '
            f'data-lon="{a["lon"]}" data-lat="{a["lat"]}" cx="{x}" cy="{y}" r="6" '
            f'fill="#c0392b" stroke="#fff" stroke-width="1.5">'
            f"<title>#{a['id']} {escape(a['category_label'])}</title></circle>"
        )
        if link:
            circle = f"<a href={quoteattr(link(a['id']))}>{circle}</a>"
        parts.append(circle)
    parts.append("</svg>")
    return "".join(parts)

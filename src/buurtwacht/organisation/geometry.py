"""Neighbourhood boundaries as GeoJSON, checked with shapely.

Boundaries are stored as GeoJSON geometry dicts (portable across SQLite and PostgreSQL without
a spatial extension); shapely does the point-in-polygon work in Python.
"""

import json
from functools import lru_cache

from shapely.geometry import Point, shape
from shapely.validation import explain_validity

POLYGON_TYPES = ("Polygon", "MultiPolygon")


class GeometryError(ValueError):
    """A boundary that cannot serve as a neighbourhood."""


def check_boundary(geometry: dict) -> None:
    """Raise GeometryError unless the geometry is a valid (multi)polygon."""
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        raise GeometryError("geometry must be a Polygon or MultiPolygon")
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        raise GeometryError(f"unreadable geometry: {exc}") from exc
    if geom.is_empty or not geom.is_valid:
        raise GeometryError(f"invalid geometry: {explain_validity(geom)}")


@lru_cache(maxsize=512)
def _shape(geojson_text: str):
    return shape(json.loads(geojson_text))


def contains(geometry: dict, *, lon: float, lat: float) -> bool:
    """True when the point lies inside (or on the edge of) the boundary."""
    geom = _shape(json.dumps(geometry, sort_keys=True))
    return geom.covers(Point(lon, lat))


def centroid(geometry: dict) -> tuple[float, float]:
    """(lon, lat) of the boundary's centre, for maps and demo data."""
    c = _shape(json.dumps(geometry, sort_keys=True)).centroid
    return (c.x, c.y)

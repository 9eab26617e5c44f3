"""Import of neighbourhood boundaries from a GeoJSON FeatureCollection (Statbel sectors).

The whole file is validated before anything is written, and the write is one transaction:
a file with one bad feature imports nothing, and the report lists every bad feature.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from . import geometry
from .models import Municipality, Neighbourhood

# Statbel's sector files use these property names; the short forms are accepted too.
CODE_KEYS = ("CS01012024", "cd_sector", "sector_code", "code")
NAME_KEYS = ("T_SEC_NL", "tx_sector_descr_nl", "name", "naam")
MUNICIPALITY_KEYS = ("CNIS5_2024", "cd_munty_refnis", "nis_code", "municipality")


class ImportRefused(ValueError):
    """The file was not imported; `errors` lists what is wrong, per feature."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ParsedSector:
    code: str
    name: str
    nis_code: str
    boundary: dict


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    codes: list[str] = field(default_factory=list)


def _first(props: dict, keys: tuple[str, ...]) -> str:
    for key in keys:
        if props.get(key) not in (None, ""):
            return str(props[key]).strip()
    return ""


def parse_file(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRefused([f"{path}: not a readable GeoJSON file ({exc})"]) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ImportRefused([f"{path}: expected a GeoJSON FeatureCollection"])
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise ImportRefused([f"{path}: the FeatureCollection has no features"])
    return features


def validate_features(features: list[dict], municipalities: dict[str, Municipality]):
    """Return (parsed sectors, errors); errors name the feature by index and code."""
    parsed, errors, seen = [], [], set()
    for index, feature in enumerate(features, start=1):
        props = (feature or {}).get("properties") or {}
        code, name = _first(props, CODE_KEYS), _first(props, NAME_KEYS)
        nis = _first(props, MUNICIPALITY_KEYS) or code[:5]
        label = f"feature {index} ({code or 'no code'})"
        problems = []
        if not code:
            problems.append("missing sector code")
        if not name:
            problems.append("missing name")
        if nis not in municipalities:
            problems.append(f"unknown municipality NIS code {nis!r}")
        if code and (nis, code) in seen:
            problems.append("duplicate sector code in this file")
        try:
            geometry.check_boundary((feature or {}).get("geometry"))
        except geometry.GeometryError as exc:
            problems.append(str(exc))
        if problems:
            errors.append(f"{label}: " + "; ".join(problems))
        else:
            seen.add((nis, code))
            parsed.append(ParsedSector(code, name, nis, feature["geometry"]))
    return parsed, errors


def import_neighbourhoods(path: Path, *, progress=None) -> ImportResult:
    """Validate then import all features; raise ImportRefused (nothing written) on any error."""
    features = parse_file(path)
    municipalities = {m.nis_code: m for m in Municipality.objects.all()}
    parsed, errors = validate_features(features, municipalities)
    if errors:
        raise ImportRefused(errors)
    result = ImportResult()
    with transaction.atomic():
        for sector in parsed:
            _obj, created = Neighbourhood.objects.update_or_create(
                municipality=municipalities[sector.nis_code],
                sector_code=sector.code,
                defaults={"name": sector.name, "boundary": sector.boundary},
            )
            result.created += created
            result.updated += not created
            result.codes.append(sector.code)
            if progress:
                progress(1)
    return result

"""Import of Statbel-style sectors: all or nothing, errors per feature (issue 2)."""

import json

import pytest
from django.core.management import CommandError, call_command

from buurtwacht.organisation.demo import hexagon
from buurtwacht.organisation.models import Neighbourhood
from tests.conftest import HASSELT


def feature(code, name, nis, geometry):
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {"cd_sector": code, "tx_sector_descr_nl": name, "cd_munty_refnis": nis},
    }


def write(tmp_path, features):
    path = tmp_path / "sectors.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


BOWTIE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}


def test_good_file_imports_every_sector(world, tmp_path, capsys):
    path = write(
        tmp_path,
        [
            feature("71022A00-", "Hasselt-Centrum", "71022", hexagon(*HASSELT)),
            feature("71022B01-", "Kiewit", "71022", hexagon(5.35, 50.956)),
        ],
    )
    call_command("import_neighbourhoods", str(path))
    codes = set(Neighbourhood.objects.values_list("sector_code", flat=True))
    assert {"71022A00-", "71022B01-"} <= codes
    hood = Neighbourhood.objects.get(sector_code="71022B01-")
    assert hood.contains(lon=5.35, lat=50.956)


def test_reimport_updates_instead_of_duplicating(world, tmp_path):
    path = write(tmp_path, [feature("71022A00-", "Centrum", "71022", hexagon(*HASSELT))])
    call_command("import_neighbourhoods", str(path))
    call_command("import_neighbourhoods", str(path))
    assert Neighbourhood.objects.filter(sector_code="71022A00-").count() == 1


def test_bad_file_imports_nothing_and_names_each_bad_feature(world, tmp_path):
    before = Neighbourhood.objects.count()
    path = write(
        tmp_path,
        [
            feature("71022A00-", "Good one", "71022", hexagon(*HASSELT)),
            feature("71022C02-", "Bowtie", "71022", BOWTIE),
            feature("99999A00-", "Nowhere", "99999", hexagon(*HASSELT)),
        ],
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_neighbourhoods", str(path))
    message = str(refused.value)
    assert "feature 2 (71022C02-): invalid geometry" in message
    assert "feature 3 (99999A00-): unknown municipality NIS code '99999'" in message
    assert "feature 1" not in message
    assert Neighbourhood.objects.count() == before


@pytest.mark.parametrize(
    "content", ["not json", '{"type": "Feature"}', '{"type": "FeatureCollection", "features": []}']
)
def test_unreadable_files_are_refused(world, tmp_path, content):
    path = tmp_path / "bad.geojson"
    path.write_text(content)
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_neighbourhoods", str(path))

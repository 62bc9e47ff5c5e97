"""`import --osm --places [KINDS]`: the community kinds by default (not every shop and café),
the kinds named in Dutch or English, an unknown kind refused in one line; branches of one name
in different cells stay different places; town halls, childcare, arts and youth centres and
nursing homes become places. Read from a real .osm.pbf written with osmium."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.printing.osmdata import BOX, _node, _way, write_pbf
from workshop.cli import cli
from workshop.file.store import Store

# (fraction down, fraction across, tags) of the named points; the grid is 8 x 6 over BOX
POINTS = [
    (0.05, 0.05, {"amenity": "townhall", "name": "Gemeentehuis Zuiderveen"}),  # A1
    (0.25, 0.2, {"amenity": "childcare", "name": "Kinderopvang Het Nest"}),  # B2
    (0.45, 0.45, {"amenity": "arts_centre", "name": "Cultuurhuis De Kers"}),  # D3
    (0.6, 0.6, {"amenity": "youth_centre", "name": "Jongerencentrum Spot"}),  # E4
    (0.7, 0.9, {"amenity": "nursing_home", "name": "Verpleeghuis Avondrood"}),  # H5
    (0.08, 0.9, {"amenity": "library", "name": "Bibliotheek"}),  # H1: one branch
    (0.92, 0.08, {"amenity": "library", "name": "Bibliotheek"}),  # A6: another branch
    (0.3, 0.7, {"amenity": "school", "name": "Basisschool De Linde"}),  # F2
    (0.3, 0.72, {"amenity": "school", "name": "Basisschool De Linde"}),  # F2 again: one place
    (0.5, 0.1, {"shop": "bakery", "name": "Bakker Bart"}),
    (0.5, 0.3, {"shop": "supermarket", "name": "Buurtsuper"}),
    (0.8, 0.3, {"amenity": "cafe", "name": "Café De Hoek"}),
    (0.8, 0.5, {"amenity": "restaurant", "name": "Eethuis Ararat"}),
]
COMMUNITY = {
    "Gemeentehuis Zuiderveen": ("other", "A1"),
    "Kinderopvang Het Nest": ("school", "B2"),
    "Cultuurhuis De Kers": ("community_centre", "D3"),
    "Jongerencentrum Spot": ("community_centre", "E4"),
    "Verpleeghuis Avondrood": ("healthcare", "H5"),
    "Basisschool De Linde": ("school", "F2"),
}


@pytest.fixture(scope="module")
def pbf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("places")
    lat0, lon0, lat1, lon1 = BOX
    nodes = [
        _node(i, lat0 + (1 - fy) * (lat1 - lat0), lon0 + fx * (lon1 - lon0), tags)
        for i, (fy, fx, tags) in enumerate(POINTS, 1)
    ]
    corners = [(100, lat0, lon0), (101, lat1, lon0), (102, lat1, lon1), (103, lat0, lon1)]
    nodes += [_node(i, lat, lon) for i, lat, lon in corners]
    road = _way(200, [100, 102], {"highway": "residential", "name": "Kerkstraat"})
    head = f'<bounds minlat="{lat0}" minlon="{lon0}" maxlat="{lat1}" maxlon="{lon1}"/>'
    xml = folder / "stad.osm"
    xml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="tests">'
        + head
        + "".join(nodes)
        + road
        + "</osm>\n",
        encoding="utf-8",
    )
    return write_pbf(xml, folder / "stad.osm.pbf")


def _import(tmp_path: Path, pbf: Path, *places: str, lang: str = "nl"):
    target = tmp_path / "stad.wijk"
    if not target.exists():
        Store.create(target, name="Stad", bbox=BOX, lang=lang).close()
    result = CliRunner().invoke(cli, ["import", str(target), "--osm", str(pbf), *places])
    with Store.open(target, readonly=True) as store:
        found = sorted((p["name"], p["kind"], p["cell"]) for p in store.rows("place"))
    return result, found


def test_default_is_the_community_kinds(tmp_path: Path, pbf: Path) -> None:
    result, found = _import(tmp_path, pbf, "--places")
    assert result.exit_code == 0, result.output
    libraries = [("Bibliotheek", "library", "A6"), ("Bibliotheek", "library", "H1")]
    assert found == sorted([(n, k, c) for n, (k, c) in COMMUNITY.items()] + libraries)
    assert "8 plekken toegevoegd" in result.output
    again, _ = _import(tmp_path, pbf, "--places")
    assert "0 plekken toegevoegd" in again.output  # each branch is known in its own cell


def test_kinds_named_in_dutch_or_english(tmp_path: Path, pbf: Path) -> None:
    result, found = _import(tmp_path, pbf, "--places", "bibliotheek, School")
    assert result.exit_code == 0, result.output
    assert {(n, k) for n, k, _ in found} == {
        ("Bibliotheek", "library"),
        ("Basisschool De Linde", "school"),
        ("Kinderopvang Het Nest", "school"),
    }
    result, found = _import(tmp_path, pbf, "--places=shop,café")
    assert result.exit_code == 0, result.output
    assert {"Bakker Bart", "Buurtsuper", "Café De Hoek", "Eethuis Ararat"} <= {n for n, *_ in found}
    assert "Gemeentehuis Zuiderveen" not in {n for n, *_ in found}


def test_all_kinds(tmp_path: Path, pbf: Path) -> None:
    result, found = _import(tmp_path, pbf, "--places", "alles")
    assert result.exit_code == 0 and len(found) == 12  # 13 points, the school twice in F2


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unknown_kind_is_refused_in_one_line(tmp_path: Path, pbf: Path, lang: str) -> None:
    result, found = _import(tmp_path, pbf, "--places", "buurthuis,zwembad", lang=lang)
    assert result.exit_code == 1 and found == []
    line = result.output.strip()
    assert len(line.splitlines()) == 1 and "zwembad" in line and "Traceback" not in line
    assert ("buurthuis" if lang == "nl" else "community centre") in line
    assert ("bibliotheek" if lang == "nl" else "library") in line
    with Store.open(tmp_path / "stad.wijk", readonly=True) as store:
        assert store.count("osm_extract") == 0  # refused before anything was written


def test_what_a_broader_kind_holds_is_a_tag_and_a_word_of_its_own(
    tmp_path: Path, pbf: Path
) -> None:
    """A town hall is `other` and childcare a `school`: each keeps what it is as a tag (so the
    GIS sees a town hall), and `--places gemeentehuis,kinderopvang` takes those alone."""
    result, found = _import(tmp_path, pbf, "--places", "gemeentehuis,kinderopvang")
    assert result.exit_code == 0, result.output
    assert found == [
        ("Gemeentehuis Zuiderveen", "other", "A1"),
        ("Kinderopvang Het Nest", "school", "B2"),
    ]
    with Store.open(tmp_path / "stad.wijk", readonly=True) as store:
        tags = {p["name"]: p["tags"] for p in store.rows("place")}
    assert tags == {
        "Gemeentehuis Zuiderveen": ["gemeentehuis"],
        "Kinderopvang Het Nest": ["kinderopvang"],
    }
    result, found = _import(tmp_path, pbf, "--places", "nursing home")
    assert ("Verpleeghuis Avondrood", "healthcare", "H5") in found and len(found) == 3

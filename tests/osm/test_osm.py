"""OpenStreetMap extracts: .osm XML, .osm.pbf and .osm.gz read with osmium; broken files refused
with one line; an extract of another place refused; the extract kept inside the file."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.printing.osmdata import BOX, osm_xml, write_osm, write_pbf
from workshop.cli import cli
from workshop.exchange import osm_import
from workshop.file import schema
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.osm import extract as osm
from workshop.osm import pack as osmpack


def summary(data: osm.MapData) -> list:
    return sorted(
        (f.layer, f.kind, f.name or "", len(f.parts), tuple(len(p) for p in f.parts))
        for f in data.features
    )


def test_xml_extract(tmp_path: Path) -> None:
    extract, data = osm.read_extract(write_osm(tmp_path / "wijk.osm"))
    assert extract.fmt == "osm" and data.bounds == BOX
    layers = {(f.layer, f.kind) for f in data.features}
    assert {
        ("road", "minor"),
        ("road", "secondary"),
        ("road", "path"),
        ("rail", "rail"),
        ("waterway", "canal"),
        ("building", "building"),
        ("water", "water"),
        ("green", "park"),
    } <= layers
    park = next(f for f in data.features if f.name == "Kersenpark")
    assert len(park.parts) == 2  # the outer ring and its hole
    assert {f.name for f in data.features if f.layer == "road"} == {
        "Kersenlaan",
        "Şişli Caddesi",
        "Łączka",
    }
    pois = {(p.name, p.kind) for p in data.pois}
    assert pois == {
        ("Buurthuis <De Bron> & Co", "community_centre"),
        ("Bakkerĳ Kooĳman", "shop"),
        ("Basisschool 't Pitje", "school"),
        ("Kersenpark", "park"),
    }


def test_pbf_and_gzip_read_the_same(tmp_path: Path) -> None:
    xml = write_osm(tmp_path / "wijk.osm", bounds=False)
    _, from_xml = osm.read_extract(xml)
    pbf_extract, from_pbf = osm.read_extract(write_pbf(xml, tmp_path / "wijk.osm.pbf"))
    (tmp_path / "wijk.osm.gz").write_bytes(gzip.compress(xml.read_bytes()))
    gz_extract, from_gz = osm.read_extract(tmp_path / "wijk.osm.gz")
    assert (pbf_extract.fmt, gz_extract.fmt) == ("pbf", "osm.gz")
    assert summary(from_xml) == summary(from_pbf) == summary(from_gz)
    assert from_xml.bounds == from_xml.data_box  # no <bounds>: the data's own extent


@pytest.mark.parametrize(
    "content, key",
    [
        (b"", "osm_empty"),
        (b"  \n\t ", "osm_empty"),
        (b'<?xml version="1.0"?><osm version="0.6"></osm>', "osm_empty"),
        (b'<?xml version="1.0"?><osm version="0.6"><node id="1" lat="52.5" lon=', "osm_malformed"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "osm_malformed"),
        (b"name,lat,lon\nBuurthuis,52.5,5.2\n", "osm_malformed"),
    ],
)
def test_broken_extracts_are_one_line_messages(tmp_path: Path, content: bytes, key: str) -> None:
    path = tmp_path / "broken.osm"
    path.write_bytes(content)
    with pytest.raises(UserError) as err:
        osm.read_extract(path)
    assert err.value.key == key
    for lang in ("nl", "en"):
        message = err.value.message(lang)
        assert "\n" not in message and str(path) in message
    with pytest.raises(UserError) as err:
        osm.read_extract(tmp_path / "missing.osm")
    assert err.value.key == "osm_missing"


def test_extract_of_another_place_is_refused(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "elders.wijk", name="Elders", bbox=(51.0, 4.0, 51.01, 4.02))
    extract, data = osm.read_extract(write_osm(tmp_path / "wijk.osm"))
    with pytest.raises(UserError) as err:
        osm_import.store_extract(store, extract, data, source="wijk.osm")
    assert err.value.key == "osm_elsewhere" and "\n" not in err.value.message("nl")
    assert store.count("osm_extract") == 0


def test_extract_is_kept_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wijk.wijk"
    source = write_osm(tmp_path / "wijk.osm")
    extract, data = osm.read_extract(source)
    store = osm_import.create_with_extract(path, extract, data, name="Wijk")
    store.close()
    again = Store.open(path, readonly=True)
    assert osm.extent(again) == BOX
    assert osm_import.stored_extract(again).data == source.read_bytes()
    osm_import._PARSED.clear()
    assert summary(osm_import.map_data(again)) == summary(data)
    again.close()
    assert osmpack.unpack(b"not a pack") is None  # an unreadable pack means: parse again


def test_file_from_before_the_extract_table_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "old.wijk"
    Store.create(path, name="Oud").close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE osm_extract")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_osm_extract'")
    conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION - 1}")
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.count("osm_extract") == 0
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
    store.close()


def test_candidate_places_in_their_cells(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "wijk.wijk", name="Wijk", bbox=BOX)
    extract, data = osm.read_extract(write_osm(tmp_path / "wijk.osm"))
    osm_import.store_extract(store, extract, data, source="wijk.osm")
    found = {c.poi.name: c.cell for c in osm_import.candidate_places(store, data)}
    assert found["Buurthuis <De Bron> & Co"] == "D4"  # 45% east, 55% down an 8x6 grid
    assert "Bakkerĳ Kooĳman" not in found  # shops only when asked for
    every = osm_import.place_kinds("alles", "nl")
    found = {c.poi.name: c.cell for c in osm_import.candidate_places(store, data, every)}
    assert found["Bakkerĳ Kooĳman"] == "G4"
    assert osm_import.add_places(store, osm_import.candidate_places(store, data, every)) == 4
    place = store.find("place", "Buurthuis <De Bron> & Co")[0]
    assert (place["kind"], place["cell"], place["source"]) == ("community_centre", "D4", "osm")
    assert osm_import.add_places(store, osm_import.candidate_places(store, data, every)) == 0
    store.close()


def test_cli_new_and_import_with_osm(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_osm(tmp_path / "wijk.osm")
    runner = CliRunner()
    result = runner.invoke(cli, ["new", "a.wijk", "--name", "Wijk", "--osm", "wijk.osm"])
    assert result.exit_code == 0, result.output
    assert "Buurthuis <De Bron> & Co" in result.output and "--places" in result.output
    result = runner.invoke(cli, ["import", "a.wijk", "--osm", "wijk.osm", "--places"])
    assert result.exit_code == 0 and "3 plekken toegevoegd" in result.output  # not the bakery
    (tmp_path / "kapot.osm").write_text("<osm><node id=")
    result = runner.invoke(cli, ["new", "b.wijk", "--name", "Wijk", "--osm", "kapot.osm"])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "b.wijk").exists()
    result = runner.invoke(cli, ["import", "a.wijk", "--osm", "kapot.osm"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert osm_xml()  # the fixture itself is well-formed XML


def test_new_with_osm_picks_a_grid_of_square_cells(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    tall = (60.1640, 24.9350, 60.1790, 24.9535)  # Helsinki's Kluuvi: 1.0 km wide, 1.7 km high
    write_osm(tmp_path / "hoog.osm", box=tall)
    write_osm(tmp_path / "breed.osm")
    runner = CliRunner()
    for name, extract, grid in (("h", "hoog.osm", (5, 8)), ("b", "breed.osm", (8, 6))):
        result = runner.invoke(cli, ["new", f"{name}.wijk", "--name", "W", "--osm", extract])
        assert result.exit_code == 0, result.output
        store = Store.open(tmp_path / f"{name}.wijk")
        assert (store.grid.cols, store.grid.rows) == grid
        box = osm.extent(store)
        kx, ky = osm.metres_per_degree(box[0])
        cell_w = (box[3] - box[1]) * kx / store.grid.cols
        cell_h = (box[2] - box[0]) * ky / store.grid.rows
        assert 0.8 < cell_w / cell_h < 1.25, (cell_w, cell_h)
        store.close()
    result = runner.invoke(
        cli, ["new", "g.wijk", "--name", "W", "--osm", "hoog.osm", "--grid", "8x6"]
    )
    assert result.exit_code == 0 and "8x6" in result.output  # --grid says otherwise


def test_extract_keeps_coastline_tunnels_bridges_and_stations(tmp_path: Path) -> None:
    _, data = osm.read_extract(write_osm(tmp_path / "haven.osm", coast=True))
    by_name = {f.name: f for f in data.features if f.name}
    assert [f.kind for f in data.features if f.layer == "coast"] == ["coastline"]
    assert by_name["Metro"].tunnel and by_name["Metro"].layer == "rail"
    assert by_name["Vaartbrug"].bridge and not by_name["Vaartbrug"].tunnel
    assert not by_name["Kersenlaan"].bridge and not by_name["Kersenlaan"].tunnel
    assert by_name["Kersenvijver"].layer == "water"
    assert [p.name for p in data.stations] == ["Station Kersenhaven"]
    assert "Station Kersenhaven" not in {p.name for p in data.pois}  # not a candidate place
    again = osmpack.unpack(osmpack.pack(data))
    assert again is not None and again.features == data.features
    assert again.stations == data.stations


@pytest.mark.parametrize(
    "tags, tunnel",
    [
        ({"railway": "subway", "tunnel": "yes", "layer": "-4"}, True),
        ({"railway": "subway"}, True),
        ({"railway": "subway", "bridge": "yes", "layer": "1"}, False),
        ({"railway": "rail", "layer": "-1"}, True),
        ({"highway": "residential", "layer": "-2"}, True),
        ({"railway": "rail"}, False),
        ({"highway": "residential", "layer": "x"}, False),
    ],
)
def test_what_counts_as_a_tunnel(tags, tunnel) -> None:
    from workshop.osm import tags as osmtags

    assert osmtags.underground(tags) is tunnel

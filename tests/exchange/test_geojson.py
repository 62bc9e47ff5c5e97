"""GeoJSON of places and initiatives: RFC 7946 points in lon/lat, with where they came from."""

from __future__ import annotations

import json

import pytest

from workshop.capture.record import record
from workshop.exchange import geojson
from workshop.file.store import Store


@pytest.fixture
def mapped(tmp_path):
    store = Store.create(tmp_path / "m.wijk", name="Kaartwijk", bbox=(52.0, 5.0, 52.06, 5.08))
    yield store
    store.close()


def test_points_are_lon_lat_from_coordinates_place_or_cell_centre(mapped) -> None:
    record(
        mapped,
        [
            'p "Buurthuis" #buurthuis @A1',
            'p "Park" #park lat:52.03 lon:5.04',
            'p "Nergens" #overig',
            'i "Zon op het dak" #opwek waar:Park',
            'i "Tuin" #vergroening @H6',
            'i "Ergens" #sociaal',
            'org "Coöp" #energiecoop',
            'persoon "Ayşe" #bewoner tel:0612345678',
            '"Coöp" -> "Zon op het dak" #trekt',
            'Ayşe -> "Zon op het dak" #steunt',
        ],
    )
    data = json.loads(geojson.export_geojson(mapped, None))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    # A1 is the north-west cell of an 8x6 grid over the extent
    lon, lat = by_name["Buurthuis"]["geometry"]["coordinates"]
    assert lon == pytest.approx(5.0 + 0.5 * 0.08 / 8)
    assert lat == pytest.approx(52.06 - 0.5 * 0.06 / 6)
    assert by_name["Buurthuis"]["properties"]["location"] == "cell_centre"
    assert by_name["Park"]["geometry"] == {"type": "Point", "coordinates": [5.04, 52.03]}
    assert by_name["Zon op het dak"]["geometry"]["coordinates"] == [5.04, 52.03]
    assert by_name["Zon op het dak"]["properties"]["location"] == "place_coordinates"
    lon, lat = by_name["Tuin"]["geometry"]["coordinates"]
    assert lon > 5.07 and lat < 52.01  # H6: the south-east corner
    for missing in ("Nergens", "Ergens"):  # kept, without a point (RFC 7946 §3.2)
        assert by_name[missing]["geometry"] is None
        assert by_name[missing]["properties"]["location"] is None
    actors = by_name["Zon op het dak"]["properties"]["actors"].split("|")
    assert "Coöp" in actors and "Ayşe" not in actors  # internal consent: not in exports
    west, south, east, north = data["bbox"]
    assert 5.0 <= west < east <= 5.08 and 52.0 <= south < north <= 52.06


def test_no_map_extent_no_cell_centres(store) -> None:
    record(store, ['p "Buurthuis" @C4', 'p "Park" lat:52.1 lon:5.1'])
    features = {f["properties"]["name"]: f for f in geojson.features(store)}
    assert features["Buurthuis"]["geometry"] is None
    assert features["Buurthuis"]["properties"]["cell"] == "C4"
    assert features["Park"]["geometry"]["coordinates"] == [5.1, 52.1]


def test_anonymise_drops_contacts_and_names(mapped, tmp_path) -> None:
    record(
        mapped,
        [
            'p "Bakkerij" tel:0201234567 mail:bakker@example.org @B2',
            'persoon "Jan Jansen" #bewoner consent:public',
            'i "Buurtsoep" @B2 +"Jan Jansen" tel:0612345678',
        ],
    )
    target = tmp_path / "out.geojson"
    geojson.export_geojson(mapped, target, anonymise=True)
    text = target.read_text(encoding="utf-8")
    assert "0201234567" not in text and "bakker@example.org" not in text
    assert "0612345678" not in text and "Jan Jansen" not in text
    plain = geojson.export_geojson(mapped, None)
    assert "Jan Jansen" in plain and "0201234567" in plain  # public consent, not anonymised


def test_demo_file_every_point_lies_in_its_extent(demo_store) -> None:
    hood = demo_store.neighbourhood()
    for feature in geojson.features(demo_store):
        if feature["geometry"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert hood["min_lon"] <= lon <= hood["max_lon"]
            assert hood["min_lat"] <= lat <= hood["max_lat"]


# --- issue 13: initiatives without places ---------------------------------------------------


def test_initiatives_and_no_places_export(tmp_path) -> None:
    from click.testing import CliRunner

    from workshop.cli import cli

    path = tmp_path / "t.wijk"
    Store.create(path, name="T").close()
    runner = CliRunner()
    assert runner.invoke(cli, ["capture", str(path), 'i "Zon" #opwek']).exit_code == 0
    result = runner.invoke(cli, ["export", str(path), "--format", "geojson", "-o", "-"])
    assert result.exit_code == 0, result.output
    features = json.loads(result.output)["features"]
    assert [f["properties"]["name"] for f in features] == ["Zon"]
    assert features[0]["properties"]["place"] is None


def test_each_initiative_names_its_own_place_or_none(store) -> None:
    record(
        store,
        [
            'p "Buurthuis De Kuil" @B2',
            'p "Park Oost" @C3',
            'i "Moestuin" #groen @B2',
            'i "Zonnedak" #opwek',
            'p "Bibliotheek" @D4',
        ],
    )
    kuil = store.find("place", "Buurthuis De Kuil")[0]
    moestuin = store.find("initiative", "Moestuin")[0]
    with store.write() as w, w.entry("place"):
        w.update("initiative", moestuin["id"], {"place_id": kuil["id"]})
    props = {f["properties"]["name"]: f["properties"] for f in geojson.features(store)}
    assert props["Moestuin"]["place"] == "Buurthuis De Kuil"
    assert props["Zonnedak"]["place"] is None  # none invented (it named the last place)


def test_neighbourhoods_append_into_one_gdal_table(demo_file, tmp_path) -> None:
    """GDAL reads every file with one schema (so `ogr2ogr -append` loses no column), each
    feature says its neighbourhood, and `-where "record='place'"` is the layer of places."""
    raw = pytest.importorskip("pyogrio.raw")
    other = tmp_path / "t.wijk"
    with Store.create(other, name="Oosthoek") as store:
        record(store, ['i "Zon" #opwek', 'p "Nergens"'])
        place = store.find("place", "Nergens")[0]
        with store.write() as w, w.entry("place"):
            w.update("place", place["id"], {"osm_id": "node/42", "source": "osm"})
    gpkg = tmp_path / "wijken.gpkg"
    schemas = []
    for i, wijk in enumerate((demo_file, other)):
        with Store.open(wijk) as store:
            target = tmp_path / f"{wijk.stem}.geojson"
            geojson.export_geojson(store, target)
        meta, _, geometry, values = raw.read(target)
        schemas.append(list(meta["fields"]))
        raw.write(
            gpkg,
            geometry,
            values,
            meta["fields"],
            layer="kaart",
            driver="GPKG",
            crs="EPSG:4326",
            geometry_type="Point",
            append=i > 0,
        )
    assert schemas[0] == schemas[1] == list(geojson.PROPERTIES)
    meta, _, _, values = raw.read(gpkg, layer="kaart", columns=["neighbourhood", "osm_id"])
    rows = list(zip(*values, strict=True))
    assert rows.count(("Oosthoek", "node/42")) == 1
    assert sum(hood == "De Kersenbuurt" for hood, _ in rows) == 38
    _, _, _, values = raw.read(gpkg, layer="kaart", where="record='place'", columns=["name"])
    assert len(values[0]) == 25 and "Zon" not in values[0]


def test_coordinates_off_the_earth_or_not_numbers_give_no_point(tmp_path) -> None:
    """A file edited outside the program (lat 30681, a text) still exports, without a point
    GIS would put off the globe; `workshop check` names such values."""
    import sqlite3

    path = tmp_path / "k.wijk"
    with Store.create(path, name="Kapot") as store:
        record(store, ["p Ver lat:52.1 lon:5.1", "p Tekst lat:52.2 lon:5.2", "p Goed lat:52 lon:5"])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE place SET lat = 30681 WHERE name = 'Ver'")
        conn.execute("UPDATE place SET lat = 'x', lon = 'y' WHERE name = 'Tekst'")
    conn.close()
    with Store.open(path, readonly=True) as store:
        data = json.loads(geojson.export_geojson(store, None))
    points = {f["properties"]["name"]: f["geometry"] for f in data["features"]}
    assert points["Ver"] is None and points["Tekst"] is None
    assert points["Goed"]["coordinates"] == [5.0, 52.0] and data["bbox"] == [5.0, 52.0, 5.0, 52.0]

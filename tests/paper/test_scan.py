"""`workshop scan FILE PHOTO...`: a photo of the poster puts every sticker's record where the
sticker is, in one undoable step, and says per sticker what it did and what it left alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.paper.photos import Pasted, Shot
from tests.paper.sheets import mm_apart, page_of, photo_file, printed_sheet, where
from workshop.capture.record import record as capture
from workshop.cli import cli
from workshop.file.store import Store

pytest.importorskip("cv2")

STICKERS = [
    Pasted(17, 100.0, 100.0, 30.0),  # Buurthuis De Kuil
    Pasted(18, 200.0, 300.0, 100.0),  # Zon op het dak (an initiative)
    Pasted(19, 150.0, 200.0, 0.0),  # Het Park: its coordinates were typed
    Pasted(3, 240.0, 370.0, 200.0),  # Bakkerij: typed cell A1, the sticker says otherwise
    Pasted(20, 60.0, 380.0, 0.0),  # printed, on no record yet
    Pasted(25, 150.0, 409.0, 0.0),  # on the bottom margin, beside the map
    Pasted(150, 250.0, 60.0, 0.0),  # never printed for this file
]
LINES = [
    "p Buurthuis De Kuil #buurthuis sticker:17",
    "i Zon op het dak #opwek sticker:18",
    "p Het Park lat:52.005 lon:5.01 sticker:19",
    "p Bakkerij @A1 sticker:3",
]


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """The file (kept closed, copied per test) with its printed sheet, and a photo of it."""
    folder = tmp_path_factory.mktemp("scene")
    store = Store.create(folder / "hood.wijk", name="Kersenbuurt")
    with store.write() as w:
        w.keep_stickers_from(31)  # stickers 1..30 printed
    sheet = printed_sheet(store)
    capture(store, LINES)
    page = page_of(store, sheet, STICKERS, folder)
    photo = photo_file(page, folder / "tafel1.jpg", Shot(turn=90, tilt=15, fill=0.8, blur=1.0))
    store.close()
    return folder / "hood.wijk", sheet, page, photo


@pytest.fixture
def hood(scene, tmp_path: Path) -> Path:
    path = tmp_path / "hood.wijk"
    shutil.copy(scene[0], path)
    return path


def _scan(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["scan", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def _by_name(path: Path) -> dict[str, dict]:
    with Store.open(path, readonly=True) as store:
        return {r["name"]: r for t in ("place", "initiative") for r in store.rows(t)}


def test_every_sticker_goes_to_its_record_and_undo_takes_the_scan_back(scene, hood) -> None:
    _, sheet, _, photo = scene
    code, out, err = _scan(hood, photo)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"tafel1.jpg: kaart P{sheet.short} (A3), 4 van 4 hoeken, 7 stickers"
    records = _by_name(hood)
    for name, sticker in (("Buurthuis De Kuil", 0), ("Zon op het dak", 1), ("Bakkerij", 3)):
        lonlat, cell = where(sheet, STICKERS[sticker])
        row = records[name]
        assert mm_apart(sheet, (row["lon"], row["lat"]), lonlat) < 3.0
        assert (row["cell"], row["located"]) == (cell, "scan")
    kuil = records["Buurthuis De Kuil"]
    assert (
        f"sticker 17 → Buurthuis De Kuil, {kuil['lat']:.4f} N {kuil['lon']:.4f} E, vak B2" in lines
    )
    assert any(
        line.startswith("sticker 3 → Bakkerij, ") and "(was vak A1)" in line for line in lines
    )
    park = records["Het Park"]  # typed by hand: left where it was
    assert (park["lat"], park["lon"], park["located"]) == (52.005, 5.01, None)
    assert any(
        "sticker 19 → Het Park: niet verplaatst" in line and "--overwrite" in line for line in lines
    )
    assert any(
        line.startswith("sticker 20 (vak A8)") and "p NAAM sticker:20" in line for line in lines
    )
    assert any(line.startswith("sticker 25 (tafel1.jpg) zit naast de kaart") for line in lines)
    assert any(
        line.startswith("sticker 150: nooit geprint") and "1 t/m 30" in line for line in lines
    )
    assert lines[-1].startswith("3 van 7 stickers gezet in ")
    with Store.open(hood, readonly=True) as store:
        [entry] = store.history(limit=1)
        assert entry["line"] == "scan tafel1.jpg"
    result = CliRunner().invoke(cli, ["undo", str(hood)])
    assert result.exit_code == 0, result.stderr
    after = _by_name(hood)
    assert (after["Buurthuis De Kuil"]["lat"], after["Buurthuis De Kuil"]["located"]) == (
        None,
        None,
    )
    assert after["Bakkerij"]["cell"] == "A1"
    assert after["Zon op het dak"]["cell"] is None


def test_the_same_photo_again_changes_nothing_and_logs_no_step(scene, hood) -> None:
    """A scan that finds every sticker where the file already has it says so, and leaves no
    step behind: an undo after it takes back what was done before, not the scan."""
    photo = scene[3]
    assert _scan(hood, photo)[0] == 0
    with Store.open(hood) as store:
        capture(store, ["p Nieuwe plek @C2"])
    code, out, err = _scan(hood, photo)
    assert code == 0, err
    assert out.splitlines()[-1] == (
        "De 3 gevonden stickers staan al op die plek in het bestand; niets veranderd."
    )
    with Store.open(hood) as store:
        assert store.history(limit=1)[0]["line"] == "p Nieuwe plek @C2"
        assert store.undo()["line"] == "p Nieuwe plek @C2"


def test_dry_run_writes_nothing_and_json_says_it_all(scene, hood) -> None:
    _, sheet, _, photo = scene
    before = hood.read_bytes()
    code, out, err = _scan(hood, photo, "--dry-run", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert hood.read_bytes() == before
    assert report["written"] is False and report["dry_run"] is True
    [seen] = report["photos"]
    assert seen["sheets"][0]["sheet"] == f"P{sheet.short}" and seen["sheets"][0]["qr_read"]
    statuses = {s["sticker"]: s["status"] for s in report["stickers"]}
    assert statuses == {
        3: "placed",
        17: "placed",
        18: "placed",
        19: "kept",
        20: "no_record",
        25: "off_map",
        150: "unprinted",
    }
    zon = next(s for s in report["stickers"] if s["sticker"] == 18)
    assert (zon["table"], zon["name"], zon["cell"]) == ("initiative", "Zon op het dak", "E6")
    assert zon["message"].startswith("sticker 18 → Zon op het dak, ")
    assert mm_apart(sheet, (zon["lon"], zon["lat"]), where(sheet, STICKERS[1])[0]) < 3.0


def test_overwrite_moves_typed_coordinates_and_a_later_typed_point_is_no_scan(scene, hood) -> None:
    _, sheet, _, photo = scene
    code, out, err = _scan(hood, photo, "--overwrite")
    assert code == 0, err
    park = _by_name(hood)["Het Park"]
    assert mm_apart(sheet, (park["lon"], park["lat"]), where(sheet, STICKERS[2])[0]) < 3.0
    assert park["located"] == "scan"
    with Store.open(hood) as store:  # the F2 form (or any other write) sets a point by hand
        from workshop.capture import edit

        edit.save(store, "place", {"lat": 52.004, "lon": 5.011}, park["id"])
        assert store.get("place", park["id"])["located"] is None
        store.undo()
        assert store.get("place", park["id"])["located"] == "scan"
    code, out, _ = _scan(hood, photo)  # a scanned point is moved by the next scan
    assert "sticker 19 → Het Park, " in out


def test_a_sticker_at_two_places_is_said_not_guessed(scene, hood, tmp_path: Path) -> None:
    folder, sheet, page, photo = scene
    moved = [Pasted(17, 200.0, 150.0, 0.0), Pasted(18, 200.0, 300.0, 40.0)]
    with Store.open(hood, readonly=True) as store:
        other_page = page_of(store, sheet, moved, tmp_path)
    second = photo_file(other_page, tmp_path / "tafel2.jpg", Shot(turn=270, fill=0.5), seed=3)
    again = photo_file(
        page, tmp_path / "tafel1-again.jpg", Shot(turn=95, tilt=-10, fill=0.5), seed=4
    )
    code, out, err = _scan(hood, photo, second, again, "--dry-run")
    assert code == 0, err
    [twice] = [line for line in out.splitlines() if line.startswith("sticker 17 ")]
    assert twice == (
        "sticker 17 is op twee plekken gevonden (vak B2 op tafel1.jpg en vak E3 op tafel2.jpg); "
        "niets gezet: haal er één weg en scan opnieuw"
    )
    # the same sticker on another photo of the same poster, and in the same place: one sticker
    assert any(line.startswith("sticker 18 → Zon op het dak, ") for line in out.splitlines())


def test_the_report_is_in_the_files_language(scene, hood) -> None:
    with Store.open(hood) as store, store.write() as w:
        w.update("neighbourhood", store.neighbourhood()["id"], {"lang": "en"})
    code, out, err = _scan(hood, scene[3], "--dry-run")
    assert code == 0, err
    assert "sticker 20 (cell A8): no place or initiative carries it yet" in out
    assert out.splitlines()[-1] == "--dry-run: 3 of 7 stickers would be set; nothing saved."


def test_scan_as_a_subprocess(scene, hood) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "scan", str(hood), str(scene[3]), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["written"] is True
    assert sum(s["status"] == "placed" for s in report["stickers"]) == 3
    assert _by_name(hood)["Zon op het dak"]["located"] == "scan"


def test_the_geojson_export_carries_the_scanned_points(scene, hood, tmp_path: Path) -> None:
    _, sheet, _, photo = scene
    assert _scan(hood, photo)[0] == 0
    out = tmp_path / "kaart.geojson"
    result = CliRunner().invoke(cli, ["export", str(hood), "--format", "geojson", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    collection = json.loads(out.read_text(encoding="utf-8"))  # as a GIS client reads it
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["name"]: f for f in collection["features"]}
    kuil = features["Buurthuis De Kuil"]
    assert kuil["properties"]["location"] == "scan"
    lon, lat = kuil["geometry"]["coordinates"]
    assert mm_apart(sheet, (lon, lat), where(sheet, STICKERS[0])[0]) < 3.0
    assert features["Zon op het dak"]["properties"]["location"] == "scan"
    assert features["Het Park"]["properties"]["location"] == "coordinates"  # typed: kept
    assert features["Het Park"]["geometry"]["coordinates"] == [5.01, 52.005]

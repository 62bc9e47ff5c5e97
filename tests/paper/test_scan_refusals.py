"""Bad input to `workshop scan` gets one clear line and nothing is written: a photo that is not
there, a folder, a file that is no image, a decompression bomb, a HEIC without its reader, a
photo without a sheet or with too few of its corners, a sheet of another neighbourhood, a sheet
the file has no print record of."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from tests.paper.photos import Pasted, Shot
from tests.paper.sheets import page_of, photo_file, printed_sheet
from workshop.capture.record import record as capture
from workshop.cli import cli
from workshop.file.store import Store
from workshop.paper import photo as photos
from workshop.paper import record

STICKERS = [Pasted(7, 120.0, 150.0, 10.0)]


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("refusals")
    store = Store.create(folder / "hood.wijk", name="Kersenbuurt")
    with store.write() as w:
        w.keep_stickers_from(11)
    sheet = printed_sheet(store)
    capture(store, ["p Buurthuis sticker:7"])
    page = page_of(store, sheet, STICKERS, folder)
    good = photo_file(page, folder / "good.jpg", Shot(turn=90, fill=0.8))
    unread = photo_file(page, folder / "written-over.jpg", Shot(turn=90, fill=0.6, cover_qr=True))
    other = "WIJK:MAP:A3:" + record.sheet_tag("0badcafe-0000-4000-8000-000000000000", sheet)
    elsewhere = page_of(store, sheet, STICKERS, folder, qr=other)
    foreign = photo_file(elsewhere, folder / "other-hood.jpg", Shot(turn=270, fill=0.8))
    half = folder / "half.png"  # the top half of the sheet: two of its four corners
    cv2.imwrite(str(half), page[: page.shape[0] // 2])
    store.close()
    return {
        "file": folder / "hood.wijk",
        "sheet": sheet,
        "good": good,
        "unread": unread,
        "foreign": foreign,
        "half": half,
    }


@pytest.fixture
def hood(scene, tmp_path: Path) -> Path:
    path = tmp_path / "hood.wijk"
    shutil.copy(scene["file"], path)
    return path


def _state(path: Path) -> tuple:
    with Store.open(path, readonly=True) as store:
        return (store.rows("place"), store.rows("history"))


def _refused(hood: Path, *photos_: object) -> str:
    """The one line a refused scan says; checks that it wrote nothing."""
    before = _state(hood)
    result = CliRunner().invoke(cli, ["scan", str(hood), *map(str, photos_)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("workshop: ")
    assert _state(hood) == before
    return line.removeprefix("workshop: ")


def test_a_missing_photo_or_a_folder(scene, hood, tmp_path: Path) -> None:
    missing = tmp_path / "IMG_0001.jpg"
    assert _refused(hood, scene["good"], missing) == (
        f"{missing}: die foto bestaat niet; kijk of de naam en de map kloppen."
    )
    assert _refused(hood, tmp_path).startswith(f"{tmp_path} is een map, geen foto; ")


def test_a_file_that_is_no_image(scene, hood, tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("p Buurthuis\n", encoding="utf-8")
    assert _refused(hood, scene["good"], text) == (
        f"{text}: geen foto die workshop kan lezen (jpg); gebruik JPEG, PNG of TIFF."
    )
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(scene["good"].read_bytes()[:5000])
    assert _refused(hood, cut).startswith(f"{cut}: geen foto die workshop kan lezen (")


def _png_header(path: Path, width: int, height: int) -> None:
    """A PNG that declares a huge image and holds next to nothing: a decompression bomb's
    header (its pixels never come: it must be refused on the header alone)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
    )


def test_a_huge_image_is_refused_on_its_header(hood, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    _png_header(bomb, 20_000, 20_000)
    assert _refused(hood, bomb) == (
        f"{bomb}: 400 megapixel is meer dan de 60 megapixel die workshop leest; verklein de "
        "foto (12 megapixel is genoeg)."
    )
    big = tmp_path / "big.png"
    _png_header(big, 9000, 8000)  # past our limit, below Pillow's own
    assert _refused(hood, big).startswith(f"{big}: 72 megapixel is meer dan de 60 megapixel")


def test_a_heic_photo(hood, tmp_path: Path, monkeypatch) -> None:
    heic = tmp_path / "IMG_0002.HEIC"
    heic.write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64)
    monkeypatch.setattr(photos, "_heif_opener", lambda: False)  # pillow-heif not installed
    line = _refused(hood, heic)
    assert line.startswith(f"{heic} is een HEIC-foto (iPhone): installeer pillow-heif ")
    assert "Meest compatibel" in line


def test_a_heic_photo_is_read_with_pillow_heif(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    heic = tmp_path / "IMG_0003.HEIC"
    grey = np.tile(np.arange(64, dtype=np.uint8) * 4, (48, 1))
    pillow_heif.from_bytes(mode="L", size=(64, 48), data=grey.tobytes()).save(heic, quality=95)
    assert photos.is_heif(heic)
    image = photos.load(heic)
    assert image.shape == (48, 64)
    assert abs(int(image[10, 40]) - 160) < 12


def test_a_photo_without_a_sheet(hood, tmp_path: Path) -> None:
    table = tmp_path / "table.jpg"
    noise = np.random.default_rng(1).integers(60, 200, (750, 1000), dtype=np.uint8)
    cv2.imwrite(str(table), noise)
    assert _refused(hood, table) == (
        f"{table}: geen kaart van workshop gevonden; fotografeer de hele kaart, met minstens "
        "drie van de vier hoekmarkeringen erop."
    )


def test_a_photo_with_two_corners(scene, hood) -> None:
    assert _refused(hood, scene["half"]).startswith(
        f"{scene['half']}: maar 2 van de vier hoekmarkeringen van een kaart te zien; "
    )


def test_a_sheet_of_another_neighbourhood(scene, hood) -> None:
    ours = record.neighbourhood_short(Store.open(hood, readonly=True).neighbourhood()["id"])
    assert _refused(hood, scene["good"], scene["foreign"]) == (
        f"{scene['foreign']}: deze kaart hoort bij een andere wijk (wijkcode 0BADCAFE; "
        f"Kersenbuurt heeft {ours}); scan hem met het bestand van die wijk."
    )


def test_a_sheet_the_file_has_no_record_of(scene, tmp_path: Path) -> None:
    # the file as it was before it kept print records: the same neighbourhood, no sheets
    hood = tmp_path / "before.wijk"
    shutil.copy(scene["file"], hood)
    with Store.open(hood) as store, store.write(logged=False) as w:
        w.delete("print_record", scene["sheet"].id)
    line = _refused(hood, scene["good"])
    assert line.startswith(f"{scene['good']}: kaart P{scene['sheet'].short} staat niet in {hood}: ")
    assert "workshop print map" in line and "workshop merge" in line
    # its QR written over: the corners' code is all there is to name it by
    assert f"kaart met hoekcode {scene['sheet'].code} staat niet in" in _refused(
        hood, scene["unread"]
    )


def test_a_written_over_qr_is_no_problem_when_the_file_has_the_record(scene, hood) -> None:
    result = CliRunner().invoke(cli, ["scan", str(hood), str(scene["unread"])])
    assert result.exit_code == 0, result.stderr
    assert "sticker 7 → Buurthuis, " in result.stdout

"""`workshop print stickers`: label sheets of numbered markers, numbers reserved in the file;
every marker read back by OpenCV from the rendered PDF, also photographed askew."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdf
import pypdfium2
import pytest
from click.testing import CliRunner

from workshop.cli import cli
from workshop.file.store import Store
from workshop.paper import detect
from workshop.paper.markers import STICKERS
from workshop.printing.stickers import Layout
from workshop.printing.templates import load

cv2 = pytest.importorskip("cv2")


def pages(path: Path, dpi: int = 200) -> list[np.ndarray]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [np.asarray(page.render(scale=dpi / 72).to_pil().convert("L")) for page in document]
    finally:
        document.close()


@pytest.fixture
def wijk(tmp_path: Path) -> Path:
    path = tmp_path / "s.wijk"
    Store.create(path, name="Stickerbuurt").close()
    return path


def test_a_sheet_of_65_reserves_its_numbers_and_every_marker_reads_back(
    wijk: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stickers.pdf"
    result = CliRunner().invoke(cli, ["print", "stickers", str(wijk), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "stickernummers 1 t/m 65 zijn nu gereserveerd" in result.output
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert all(str(n) in text for n in (1, 33, 65)) and "Stickerbuurt" in text
    [page] = pages(out)
    found = detect.find(page, STICKERS)
    assert [f.id for f in found] == list(range(1, 66))
    # Each marker lies in its own label, in the order label makers number them.
    layout = Layout.of(load())
    height_pt = 297 * 72 / 25.4
    for index, marker in enumerate(found):
        box = layout.label(index, height_pt)
        x, y = marker.centre
        x_pt, y_pt = x * 72 / 200, height_pt - y * 72 / 200
        assert box.x < x_pt < box.x + box.w and box.y < y_pt < box.y + box.h, index
    # The next run goes on from 66; the file says so.
    again = tmp_path / "more.pdf"
    result = CliRunner().invoke(
        cli, ["print", "stickers", str(wijk), "-o", str(again), "--count", "70"]
    )
    assert result.exit_code == 0, result.output
    first, second = pages(again)
    assert [f.id for f in detect.find(first, STICKERS)] == list(range(66, 131))
    assert [f.id for f in detect.find(second, STICKERS)] == list(range(131, 136))
    with Store.open(wijk, readonly=True) as store:
        assert store.neighbourhood()["next_sticker"] == 136


def test_photographed_askew_blurred_and_compressed_every_sticker_is_found(
    wijk: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stickers.pdf"
    assert CliRunner().invoke(cli, ["print", "stickers", str(wijk), "-o", str(out)]).exit_code == 0
    [page] = pages(out, dpi=150)
    h, w = page.shape
    rng = np.random.default_rng(15)
    for angle, tilt in ((17, 0.18), (-140, -0.22), (75, 0.1)):
        # A phone above a table: rotated, in perspective, on a darker frame, unevenly lit.
        source = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        centre = np.float32([w, h])
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 0.8)[:, :2]
        target = (source - [w / 2, h / 2]) @ turn.T + centre
        target[0] += [tilt * w, 0]
        target[1] -= [tilt * w, 0]
        homography = cv2.getPerspectiveTransform(source, np.float32(target))
        photo = cv2.warpPerspective(page, homography, (2 * w, 2 * h), borderValue=90)
        light = np.linspace(0.65, 1.0, photo.shape[1])[None, :]
        photo = np.clip(photo * light + rng.normal(0, 4, photo.shape), 0, 255).astype(np.uint8)
        photo = cv2.GaussianBlur(photo, (0, 0), 1.5)
        ok, jpeg = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 60])
        assert ok
        photo = cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)
        assert [f.id for f in detect.find(photo, STICKERS)] == list(range(1, 66)), angle


def test_a_count_beyond_the_numbers_left_is_refused_and_nothing_is_reserved(
    wijk: Path, tmp_path: Path
) -> None:
    out = tmp_path / "s.pdf"
    result = CliRunner().invoke(
        cli, ["print", "stickers", str(wijk), "-o", str(out), "--count", "1000"]
    )
    assert result.exit_code != 0 and "kies 1 t/m 999" in result.output
    assert not out.exists()
    with Store.open(wijk, readonly=True) as store:
        assert store.neighbourhood()["next_sticker"] == 1


def test_a_merge_keeps_the_other_tables_sticker_numbers_reserved(tmp_path: Path) -> None:
    a, b = tmp_path / "a.wijk", tmp_path / "b.wijk"
    Store.create(a, name="Buurt").close()
    import shutil

    shutil.copy(a, b)  # two laptops, one neighbourhood
    for path, count in ((a, 10), (b, 25)):
        result = CliRunner().invoke(
            cli,
            ["print", "stickers", str(path), "-o", str(tmp_path / "s.pdf"), "--count", str(count)],
        )
        assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["merge", str(a), str(b)])
    assert result.exit_code == 0, result.output
    with Store.open(a, readonly=True) as store:
        assert store.neighbourhood()["next_sticker"] == 26

"""Robust to how phones photograph paper on a table: every sticker on an A3 poster comes back
within 3 mm of where it was stuck, on the right record and in the right cell, whatever the
turn, a ±25° tilt, the sheet filling 40-90 % of a 12 MP frame, blur up to σ 2, uneven light,
JPEG 60, a corner marker or the QR code covered. A fast subset of the variants (the whole
sweep, with its detection rate, is tests/benchmarks/test_scan_sweep.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.paper.photos import Pasted, Shot
from tests.paper.sheets import FRAME, GRID, mm_apart, page_of, photo_file, printed_sheet, where
from workshop.capture.record import record as capture
from workshop.file.store import Store
from workshop.paper import scan

pytest.importorskip("cv2")


def stuck(seed: int = 7, every: int = 2) -> list[Pasted]:
    """Stickers where hands put them: in every other cell of the grid, up to 10 mm off its
    centre (never within 5 mm of a cell's edge, so the right cell is well defined), any turn."""
    rng = np.random.default_rng(seed)
    x0, y0, w, h = FRAME
    cols, rows = GRID
    cw, ch = w / cols, h / rows
    out = []
    for n, (col, row) in enumerate((c, r) for r in range(rows) for c in range(cols)):
        if n % every:
            continue
        out.append(
            Pasted(
                len(out) + 1,
                x0 + (col + 0.5) * cw + float(rng.uniform(-10, 10)),
                y0 + (row + 0.5) * ch + float(rng.uniform(-10, 10)),
                float(rng.uniform(0, 360)),
            )
        )
    return out


STICKERS = stuck()


@pytest.fixture(scope="module")
def poster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("poster")
    store = Store.create(folder / "hood.wijk", name="Kersenbuurt")
    with store.write() as w:
        w.keep_stickers_from(len(STICKERS) + 1)
    sheet = printed_sheet(store)
    capture(store, [f'p "Plek {s.number}" sticker:{s.number}' for s in STICKERS])
    page = page_of(store, sheet, STICKERS, folder)
    yield store, sheet, page, folder
    store.close()


SHOTS = [
    Shot(turn=-15, tilt=5, fill=0.4, blur=1.0, quality=60),
    Shot(turn=90, tilt=25, fill=0.4, blur=2.0),
    Shot(turn=270, tilt=-25, fill=0.85, blur=1.5),
    Shot(turn=-120, tilt=-20, fill=0.45, blur=1.5, cover=2),
    Shot(turn=95, tilt=25, fill=0.4, blur=2.0, cover=1),
    Shot(turn=265, tilt=15, fill=0.7, blur=1.2, cover_qr=True),
]


def _id(shot: Shot) -> str:
    covered = f"-cover{shot.cover}" if shot.cover is not None else ""
    return f"turn{shot.turn}-tilt{shot.tilt}-fill{shot.fill}-blur{shot.blur}{covered}" + (
        "-qr" if shot.cover_qr else ""
    )


@pytest.mark.parametrize("shot", SHOTS, ids=_id)
def test_every_sticker_on_its_record_in_its_cell_within_3_mm(poster, shot: Shot) -> None:
    store, sheet, page, folder = poster
    photo = photo_file(page, Path(folder) / f"{_id(shot)}.jpg", shot, seed=int(shot.turn) % 97)
    report = scan.scan(store, [photo], dry_run=True)
    [found] = report.findings
    [seen] = found.sheets
    assert len(seen.sheet.corners_seen) == (3 if shot.cover is not None else 4)
    if shot.cover_qr:  # written over: the corners alone name the sheet
        assert not seen.tagged
    outcomes = {o.number: o for o in report.outcomes}
    assert sorted(outcomes) == [s.number for s in STICKERS]
    worst = 0.0
    for s in STICKERS:
        o = outcomes[s.number]
        lonlat, cell = where(sheet, s)
        assert o.status == "placed", (s, o.status)
        assert o.record is not None and o.record["name"] == f"Plek {s.number}"
        assert o.values is not None and o.values["cell"] == cell
        worst = max(worst, mm_apart(sheet, (o.values["lon"], o.values["lat"]), lonlat))
    assert worst < 3.0, worst
    print(
        f"\n{_id(shot)}: worst {worst:.2f} mm, corner fit {seen.sheet.error_mm:.2f} mm, "
        f"QR {'read' if seen.tagged else 'not read'}"
    )

"""A photographed sheet is mapped back to the page from its corner markers: every sticker
comes back within 3 mm of where it was stuck, however the phone held it (a fast subset here;
the whole sweep in tests/benchmarks/test_scan_sweep.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.paper.photos import Pasted, Shot, photograph, poster, render
from workshop.paper import detect, rectify, sheetmarks
from workshop.paper.markers import FIDUCIALS, STICKERS

pytest.importorskip("cv2")
A3 = (297.0, 420.0)
PX_PER_MM = 6.0  # the page rendered at about 150 dpi before it is photographed


def printed(code: int) -> list[sheetmarks.Mark]:
    """Where the sheet with this code has its corner markers (as its print record says)."""
    return sheetmarks.marks(code, *A3)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[np.ndarray, list[Pasted]]:
    rng = np.random.default_rng(7)
    # 24 stickers where hands put them: spread over the sheet, none over another, any turn.
    stickers = [
        Pasted(
            1 + 6 * col + row,
            55 + 62 * col + float(rng.uniform(-8, 8)),
            55 + 60 * row + float(rng.uniform(-8, 8)),
            float(rng.uniform(0, 360)),
        )
        for col in range(4)
        for row in range(6)
    ]
    path = tmp_path_factory.mktemp("poster") / "poster.pdf"
    poster(path, 0, A3, stickers)
    return render(path, PX_PER_MM), stickers


SHOTS = [
    Shot(turn=90, tilt=0, fill=0.85, blur=0.8),
    Shot(turn=37, tilt=25, fill=0.4, blur=2.0),
    Shot(turn=-120, tilt=-20, fill=0.45, blur=1.5, cover=2),
    Shot(turn=265, tilt=15, fill=0.7, blur=1.2, cover=0),
]


@pytest.mark.parametrize("shot", SHOTS, ids=lambda s: f"turn{s.turn}-tilt{s.tilt}-cover{s.cover}")
def test_every_sticker_comes_back_within_3_mm(page, shot: Shot) -> None:
    image, stickers = page
    photo, _ = photograph(image, PX_PER_MM, shot, seed=int(shot.turn) % 97)
    marks, stickers_found = detect.find_sheet_and_stickers(photo, FIDUCIALS, STICKERS)
    [sheet] = rectify.locate(marks, printed)
    assert sheet.code == 0
    assert len(sheet.corners_seen) == (3 if shot.cover is not None else 4)
    found = {f.id: f for f in stickers_found}
    assert sorted(found) == [s.number for s in stickers]
    worst = 0.0
    for s in stickers:
        x, y = sheet.to_page(*found[s.number].centre)
        worst = max(worst, float(np.hypot(x - s.x, y - s.y)))
    assert worst < 3.0, worst
    print(f"\n{shot}: worst {worst:.2f} mm, corner fit {sheet.error_mm:.2f} mm")


def test_two_corners_are_not_enough_and_another_sheets_corners_do_not_mix(
    tmp_path: Path,
) -> None:
    stickers = [Pasted(5, 100.0, 100.0, 0.0)]
    poster(tmp_path / "a.pdf", 3, A3, stickers)
    image = render(tmp_path / "a.pdf", PX_PER_MM)
    found, stickers_found = detect.find_sheet_and_stickers(image, FIDUCIALS, STICKERS)
    assert sorted(f.id for f in found) == [12, 13, 14, 15]
    assert [f.id for f in stickers_found] == [5]  # none read into a corner marker
    [sheet] = rectify.locate(found, printed)
    assert sheet.code == 3 and sheet.error_mm < 0.5
    assert rectify.locate(found[:2], printed) == []

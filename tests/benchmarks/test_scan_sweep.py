"""The whole robustness sweep of the photo side of the paper round trip: synthetic 12 MP photos
of an A3 poster with 60 stickers, every combination of turn, tilt, fill, blur and a covered
corner. Run with:  python -m pytest tests/benchmarks/test_scan_sweep.py -s

Prints the detection rate, the worst distance of a sticker from where it was stuck, and the
time per photo (wall and CPU); asserts only that every sticker was found within 3 mm.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

import numpy as np

from tests.paper.photos import Pasted, Shot, photograph, poster, render
from workshop.paper import detect, rectify, sheetmarks
from workshop.paper.markers import FIDUCIALS, STICKERS

A3 = (297.0, 420.0)
PX_PER_MM = 6.0


def test_sweep(tmp_path: Path) -> None:
    rng = np.random.default_rng(60)
    stickers = [
        Pasted(1 + 10 * col + row, 45 + 42 * col, 45 + 34 * row, float(rng.uniform(0, 360)))
        for col in range(6)
        for row in range(10)
    ]
    poster(tmp_path / "p.pdf", 0, A3, stickers)
    page = render(tmp_path / "p.pdf", PX_PER_MM)
    rows = []
    for turn, tilt, fill, blur, cover in itertools.product(
        (90, 270, 10, 135, 220), (-25, 0, 25), (0.4, 0.6, 0.85), (0.0, 1.0, 2.0), (None, 1)
    ):
        shot = Shot(turn=turn, tilt=tilt, fill=fill, blur=blur, cover=cover)
        try:
            photo, _ = photograph(page, PX_PER_MM, shot, seed=len(rows))
        except AssertionError:
            continue  # this fill does not fit the frame at this turn
        wall, cpu = time.perf_counter(), time.process_time()
        marks, found = detect.find_sheet_and_stickers(photo, FIDUCIALS, STICKERS)
        sheets = rectify.locate(marks, lambda code: sheetmarks.marks(code, *A3))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        by_id = {f.id: f for f in found}
        worst, hit = 0.0, 0
        if sheets:
            for s in stickers:
                if s.number in by_id:
                    x, y = sheets[0].to_page(*by_id[s.number].centre)
                    error = float(np.hypot(x - s.x, y - s.y))
                    worst = max(worst, error)
                    hit += error < 3.0
        rows.append((shot, hit, worst, wall, cpu))
    total = sum(hit for _, hit, _, _, _ in rows)
    print(f"\n{len(rows)} photos x {len(stickers)} stickers (load {os.getloadavg()[0]:.1f}):")
    print(f"  found within 3 mm: {total} of {len(rows) * len(stickers)}")
    print(f"  worst distance: {max(w for _, _, w, _, _ in rows):.2f} mm")
    print(
        f"  per photo: median {np.median([r[3] for r in rows]):.2f} s wall, "
        f"{np.median([r[4] for r in rows]):.2f} s CPU"
    )
    for shot, hit, worst, _, _ in rows:
        if hit < len(stickers):
            print(f"  missed: {shot}: {hit} of {len(stickers)}, worst {worst:.2f} mm")
    assert total == len(rows) * len(stickers)

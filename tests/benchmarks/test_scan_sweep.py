"""The whole robustness sweep of `workshop scan`: synthetic 12 MP photos of an A3 poster with 60
stickers on a file with its print record, every combination of turn, tilt, fill, blur and a
covered corner or QR code, each photo through the scan's own finding (sheet, record, stickers,
page millimetres, lat/lon, cell). Run with:

    python -m pytest tests/benchmarks/test_scan_sweep.py -s

Prints the detection rate (stickers found on the right record, in the right cell, within 3 mm),
the worst distance, how often the sheet QR was read, the time per photo (wall and CPU) and
every photo that missed a sticker; asserts that none did.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

import numpy as np

from tests.paper.photos import Shot, photograph
from tests.paper.sheets import PX_PER_MM, mm_apart, sixty_stickers_poster, where
from workshop.paper import look

COVERS = (None, 1, "qr")


def test_sweep(tmp_path: Path) -> None:
    store, sheet, stickers, page = sixty_stickers_poster(tmp_path / "hood.wijk", tmp_path)
    context = look.Context.of(store)
    rows = []
    for turn, tilt, fill, blur, cover in itertools.product(
        (90, 270, 10, 135, 220), (-25, 0, 25), (0.4, 0.6, 0.85), (0.0, 1.0, 2.0), COVERS
    ):
        shot = Shot(
            turn=turn,
            tilt=tilt,
            fill=fill,
            blur=blur,
            cover=cover if isinstance(cover, int) else None,
            cover_qr=cover == "qr",
        )
        try:
            photo, _ = photograph(page, PX_PER_MM, shot, seed=len(rows))
        except AssertionError:
            continue  # this fill does not fit the frame at this turn
        wall, cpu = time.perf_counter(), time.process_time()
        found = look.look(photo, "photo.jpg", context)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        by_number = {s.number: s for s in found.stickers}
        worst, hit = 0.0, 0
        for s in stickers:
            seen = by_number.get(s.number)
            if seen is None or seen.lonlat is None or seen.record != sheet:
                continue
            lonlat, cell = where(sheet, s)
            error = mm_apart(sheet, seen.lonlat, lonlat)
            worst = max(worst, error)
            hit += error < 3.0 and seen.cell == cell
        tagged = any(s.tagged for s in found.sheets)
        rows.append((shot, hit, worst, wall, cpu, tagged))
    store.close()
    total = sum(r[1] for r in rows)
    print(f"\n{len(rows)} photos x {len(stickers)} stickers (load {os.getloadavg()[0]:.1f}):")
    print(
        f"  on the right record, in the right cell, within 3 mm: {total} of "
        f"{len(rows) * len(stickers)} ({100 * total / (len(rows) * len(stickers)):.2f} %)"
    )
    print(f"  worst distance: {max(r[2] for r in rows):.2f} mm")
    readable = [r for r in rows if not r[0].cover_qr]
    for blur in (0.0, 1.0, 2.0):
        some = [r for r in readable if r[0].blur == blur]
        print(f"  sheet QR read at blur {blur}: {sum(r[5] for r in some)} of {len(some)} photos")
    print(
        f"  per photo: median {np.median([r[3] for r in rows]):.2f} s wall, "
        f"{np.median([r[4] for r in rows]):.2f} s CPU"
    )
    for shot, hit, worst, _, _, _ in rows:
        if hit < len(stickers):
            print(f"  missed: {shot}: {hit} of {len(stickers)}, worst {worst:.2f} mm")
    assert total == len(rows) * len(stickers)

"""The robustness sweep on the real printed map: the demo's A3 base map as `workshop print map`
prints it (streets, buildings, labels under the stickers), 60 stickers stuck over it, and
synthetic 12 MP photos of every combination of turn, tilt, fill, blur and a covered corner
marker, each through the scan's own finding. Run with:

    python -m pytest tests/benchmarks/test_scan_real_map.py -s

Prints the detection rate (on the right record, in the right cell, within 3 mm), the worst
distance and the time per photo; asserts that no sticker was missed or misplaced.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from tests.paper.photos import Pasted, Shot, photograph, render
from tests.paper.sheets import PX_PER_MM
from tests.paper.test_round_trip import mm_apart, newest_sheet, stick
from workshop.capture.record import record as capture
from workshop.cli import cli
from workshop.file.store import Store
from workshop.paper import look


def covered(page: np.ndarray, mark) -> np.ndarray:
    """A thumb over one corner marker, where the print record has it."""
    page = page.copy()
    x0, y0 = int((mark.x - 3) * PX_PER_MM), int((mark.y - 3) * PX_PER_MM)
    size = int((mark.side + 6) * PX_PER_MM)
    page[max(0, y0) : y0 + size, max(0, x0) : x0 + size] = 60
    return page


def test_sweep_on_the_printed_demo_map(tmp_path: Path) -> None:
    wijk = tmp_path / "demo.wijk"
    for args in (
        ["demo", "--no-tui", str(wijk)],
        ["print", "stickers", str(wijk), "--count", "65", "-o", str(tmp_path / "s.pdf")],
    ):
        assert CliRunner().invoke(cli, args).exit_code == 0
    with Store.open(wijk) as store:
        capture(store, [f'i "Initiatief {n}" sticker:{n}' for n in range(1, 61)])
    assert (
        CliRunner()
        .invoke(cli, ["print", "map", str(wijk), "--paper", "A3", "-o", str(tmp_path / "m.pdf")])
        .exit_code
        == 0
    )
    sheet = newest_sheet(wijk, "base")
    fx, fy, fw, fh = sheet.frame
    rng = np.random.default_rng(61)
    stickers = [
        Pasted(
            1 + 6 * col + row,
            fx + fw * (0.05 + 0.097 * col),  # none on a grid line: there either cell is right
            fy + fh * (0.08 + 0.165 * row),
            float(rng.uniform(0, 360)),
        )
        for col in range(10)
        for row in range(6)
    ]
    stick(tmp_path / "m.pdf", tmp_path / "stuck.pdf", stickers)
    page = render(tmp_path / "stuck.pdf", PX_PER_MM)
    store = Store.open(wijk)
    context = look.Context.of(store)
    photos = found = 0
    worst = 0.0
    missed: list[str] = []
    wall = cpu = 0.0
    for turn, tilt, fill, blur, cover in itertools.product(
        (0, 180, 8, 200), (-25, 0, 25), (0.4, 0.6, 0.85), (0.0, 2.0), (None, 0, 2)
    ):
        shot = Shot(turn=turn, tilt=tilt, fill=fill, blur=blur)
        shown = page if cover is None else covered(page, sheet.marks[cover])
        try:
            photo, _ = photograph(shown, PX_PER_MM, shot, seed=photos)
        except AssertionError:
            continue  # this fill does not fit the frame at this turn
        photos += 1
        t0, c0 = time.perf_counter(), time.process_time()
        findings = look.look(photo, f"photo{photos}", context)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
        seen = {s.number: s for s in findings.stickers if s.record is not None}
        for s in stickers:
            got = seen.get(s.number)
            truth = sheet.lonlat(s.x, s.y)
            if got is None or got.lonlat is None or truth is None:
                missed.append(f"{shot} cover={cover}: sticker {s.number} not found")
                continue
            apart = mm_apart(sheet, got.lonlat, truth)
            worst = max(worst, apart)
            if apart > 3.0 or got.cell != sheet.cell(s.x, s.y):
                missed.append(f"{shot} cover={cover}: sticker {s.number} {apart:.2f} mm")
            else:
                found += 1
    store.close()
    total = photos * len(stickers)
    print(
        f"\nreal A3 map: {photos} photos, {found}/{total} stickers within 3 mm in their cell"
        f" ({100 * found / total:.2f} %), worst {worst:.2f} mm;"
        f" per photo {wall / photos:.2f} s wall, {cpu / photos:.2f} s CPU"
    )
    for line in missed[:30]:
        print("  missed:", line)
    assert not missed

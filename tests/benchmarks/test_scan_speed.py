"""How long `workshop scan` takes for one 12 MP photo of an A3 poster with 60 stickers, to the
report: in-process (`workshop.paper.scan.scan`, reading the JPEG included, and the write) and
as the command a person runs (a subprocess: Python's start, the imports, the same work).
Target: 2 s on a 2-core machine. Run with:

    python -m pytest tests/benchmarks/test_scan_speed.py -s
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from tests.paper.photos import Shot
from tests.paper.sheets import photo_file, sixty_stickers_poster
from workshop.file.store import Store
from workshop.paper import look, scan
from workshop.paper import photo as photos

RUNS = 5


def test_one_12_mp_photo_of_an_a3_poster_with_60_stickers(tmp_path: Path) -> None:
    store, sheet, stickers, page = sixty_stickers_poster(tmp_path / "template.wijk", tmp_path)
    photo = photo_file(page, tmp_path / "poster.jpg", Shot(turn=90, tilt=15, fill=0.6, blur=1.0))
    store.close()

    def fresh(n: int) -> Path:
        path = tmp_path / f"run{n}.wijk"
        shutil.copy(tmp_path / "template.wijk", path)
        return path

    inproc, cpu, parts = [], [], []
    for n in range(RUNS):
        with Store.open(fresh(n)) as s:
            wall, c = time.perf_counter(), time.process_time()
            report = scan.scan(s, [photo])
            inproc.append(time.perf_counter() - wall)
            cpu.append(time.process_time() - c)
            assert len(report.placed) == 60
            t0 = time.perf_counter()
            image = photos.load(photo)
            t1 = time.perf_counter()
            look.look(image, str(photo), look.Context.of(s))
            parts.append((t1 - t0, time.perf_counter() - t1))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    sub, sub_cpu = [], []
    for n in range(RUNS):
        path = fresh(RUNS + n)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "workshop", "scan", str(path), str(photo)],
            capture_output=True,
            text=True,
            env=env,
        )
        sub.append(time.perf_counter() - wall)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        sub_cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        assert done.returncode == 0, done.stderr
        assert "60 van 60 stickers gezet" in done.stdout
    print(f"\none 12 MP photo, A3, 60 stickers (load {os.getloadavg()[0]:.1f}), {RUNS} runs:")
    print(
        f"  in-process scan: median {np.median(inproc):.2f} s wall, "
        f"{np.median(cpu):.2f} s CPU (best {min(inproc):.2f} s)"
    )
    print(
        f"    reading the JPEG {np.median([p[0] for p in parts]):.2f} s, "
        f"finding {np.median([p[1] for p in parts]):.2f} s"
    )
    print(
        f"  workshop scan (subprocess): median {np.median(sub):.2f} s wall, "
        f"{np.median(sub_cpu):.2f} s CPU (best {min(sub):.2f} s)"
    )
    print("  target: 2 s")

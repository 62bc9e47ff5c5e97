"""Merge speed and memory: two files of 20,000 actors. Run with:
python -m pytest tests/benchmarks/test_merge_speed.py -s

Each merge runs as `workshop merge TARGET SOURCE --report FILE` in a subprocess of its own, so
the peak RSS printed is the merge's (from wait4), not pytest's. Prints the figures; asserts only
what the merge must have done, never a time (the brief's bar: 10 s and 500 MB here).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from workshop.file.store import Store, new_id, now

N = 20_000
SYLLABLES = [
    "ba",
    "de",
    "ko",
    "mi",
    "ra",
    "tu",
    "van",
    "sel",
    "ger",
    "lin",
    "hoek",
    "ste",
    "wij",
    "zon",
    "ma",
    "ri",
    "jo",
    "ke",
    "ann",
    "ol",
    "pe",
    "dam",
    "bur",
    "ven",
]


def _name(rng: random.Random) -> str:
    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    return f"{word(rng.randint(1, 3))} {word(rng.randint(2, 4))}"


def _fill(path: Path, table: int, names: list[str]) -> None:
    with Store.open(path) as store:
        session = store.use_session("2026-11-26", table_name=str(table))
        stamp = now()
        with store.write() as w:
            w.copy_rows(
                "actor",
                [
                    {
                        "id": new_id(),
                        "name": name,
                        "type": "person",
                        "consent": "internal",
                        "session_id": session,
                        "created": stamp,
                        "updated": stamp,
                    }
                    for name in names
                ],
            )


def _edit(path: Path, field: str) -> None:
    with Store.open(path) as store, store.write() as w:
        for actor in store.rows("actor"):
            w.update("actor", actor["id"], {field: f"{field} of {actor['name']}"})


def _merge(target: Path, source: Path, report: Path) -> tuple[str, str]:
    """The figures (wall time, CPU time, peak RSS) and output of one `workshop merge`
    process. CPU time (user + system) says more than wall time on a shared machine."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workshop",
            "merge",
            str(target),
            str(source),
            "--report",
            str(report),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, output
    cpu = usage.ru_utime + usage.ru_stime
    load = os.getloadavg()[0]
    figures = (
        f"{elapsed:.2f} s wall, {cpu:.2f} s CPU, peak RSS {usage.ru_maxrss / 1024:.0f} MB"
        f" (load average {load:.1f} on {os.cpu_count()} cores)"
    )
    return figures, output


def _base(tmp_path: Path) -> Path:
    base = tmp_path / "base.wijk"
    Store.create(base, name="Kersenbuurt", municipality="Zuiderveen").close()
    return base


def _copy(base: Path, name: str) -> Path:
    path = base.with_name(name)
    shutil.copy(base, path)
    return path


def test_two_files_of_20000_different_actors(tmp_path: Path) -> None:
    rng = random.Random(14)
    base = _base(tmp_path)
    first = [_name(rng) for _ in range(N)]
    # A few of the second table's names are the first table's, some with a typo.
    second = [
        _name(rng) if rng.random() > 0.05 else rng.choice(first) + rng.choice(["", "e"])
        for _ in range(N)
    ]
    target, source = _copy(base, "a.wijk"), _copy(base, "b.wijk")
    _fill(target, 1, first)
    _fill(source, 2, second)
    figures, output = _merge(target, source, tmp_path / "report.txt")
    with Store.open(target, readonly=True) as store:
        assert store.count("actor") == 2 * N
    pairs = sum(
        1 for line in (tmp_path / "report.txt").open(encoding="utf-8") if line.startswith("dubbel?")
    )
    print(
        f"\nmerge 2 x {N} different actors: {figures}; {pairs} pairs, "
        f"{len(output.splitlines())} lines on the terminal"
    )


def test_two_files_of_the_same_20000_actors_edited_on_each_side(tmp_path: Path) -> None:
    rng = random.Random(15)
    base = _base(tmp_path)
    _fill(base, 1, [_name(rng) for _ in range(N)])
    target, source = _copy(base, "a.wijk"), _copy(base, "b.wijk")
    _edit(target, "description")
    _edit(source, "tel")
    figures, output = _merge(target, source, tmp_path / "report.txt")
    with Store.open(target, readonly=True) as store:
        both = store.count("actor", "description IS NOT NULL AND tel IS NOT NULL")
    assert both == N and "conflict" not in output
    print(
        f"\nmerge 2 x {N} actors, one field edited on each side: {figures}; "
        f"{both} records with both edits"
    )


def test_two_files_of_20000_look_alike_actors(tmp_path: Path) -> None:
    """The audit's look-alike names, which printed 6,167,155 'dubbel?' lines."""
    base = _base(tmp_path)
    target, source = _copy(base, "a.wijk"), _copy(base, "b.wijk")
    _fill(target, 1, [f"Bewoner {k:05d}" for k in range(N)])
    _fill(source, 2, [f"Bewoner {k:05d}x" for k in range(N)])
    report = tmp_path / "report.txt"
    figures, output = _merge(target, source, report)
    pairs = sum(1 for line in report.open(encoding="utf-8") if line.startswith("dubbel?"))
    print(
        f"\nmerge 2 x {N} look-alike actors: {figures}; {pairs} pairs in the report, "
        f"{len(output.splitlines())} lines on the terminal"
    )

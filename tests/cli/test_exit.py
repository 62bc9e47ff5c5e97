"""The way out of a command: `workshop.cli.main` freezes what the command loaded before the
interpreter shuts down (its cycle searches over numba's compiler took 0.7 s of a 5,000-actor
`workshop connectors`), and nothing the command wrote is lost for it: each file is closed by
then. Real subprocesses through the real entry point."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

PROBE = """
import atexit, gc, sys
atexit.register(lambda: print("frozen", gc.get_freeze_count(), file=sys.stderr))
from workshop.cli import main
sys.argv = ["workshop", *sys.argv[1:]]
main()
"""


def workshop(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_command_ends_frozen_with_its_files_closed_and_written(tmp_path: Path) -> None:
    made = workshop("new", "t.wijk", "--name", "Tuindorp", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    saved = workshop("capture", "t.wijk", "p Buurthuis De Linde #buurthuis", cwd=tmp_path)
    assert saved.returncode == 0, saved.stderr
    frozen = int(saved.stderr.split("frozen")[-1])
    assert frozen > 1000  # everything the command had loaded, numbered in the thousands
    # the store was closed before the freeze: SQLite folded its log back into the file
    assert not (tmp_path / "t.wijk-wal").exists()
    with sqlite3.connect(tmp_path / "t.wijk") as conn:
        assert conn.execute("SELECT name FROM place").fetchall() == [("Buurthuis De Linde",)]
    out = workshop("export", "t.wijk", "--format", "json", "-o", "t.json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    places = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["place"]
    assert [p["name"] for p in places] == ["Buurthuis De Linde"]


def test_a_refused_command_still_says_why_in_one_line(tmp_path: Path) -> None:
    done = workshop("capture", "missing.wijk", "p X", cwd=tmp_path)
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if not line.startswith("frozen")]
    assert len(said) == 1 and said[0].startswith("workshop: ")
    assert "Traceback" not in done.stderr

"""Another program at the live file while the TUI runs: reads as sqlite-utils, sqlite3 and
Datasette do (open, query, close) and captures as `workshop capture` does, for a number of
rounds, then stops by itself. Every line it captured is written to OUT, one per line.

    python -m tests.tui.hammer FILE ROUNDS OUT [--cli EVERY] [--stop PATH]

With `--cli EVERY`, every EVERY-th round also runs the real `sqlite-utils query` and the real
`workshop capture` commands (slow to start, so not every round). With `--stop PATH`, it
stops early once PATH exists (after a whole round).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from workshop.capture.record import record
from workshop.file.store import Store

READS_PER_ROUND = 15


def read(path: Path) -> None:
    conn = sqlite3.connect(str(path), timeout=5)
    try:
        conn.execute("SELECT count(*) FROM actor").fetchone()
        conn.execute("SELECT name FROM place ORDER BY rowid DESC LIMIT 5").fetchall()
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("rounds", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--cli", type=int, default=0)
    parser.add_argument("--stop", type=Path)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    sqlite_utils = Path(sys.executable).with_name("sqlite-utils")
    with open(args.out, "w", encoding="utf-8") as out:
        for round_ in range(args.rounds):
            if args.stop is not None and args.stop.exists():
                break
            for _ in range(READS_PER_ROUND):
                read(args.file)
            line = f"p Hamerplek {round_}"
            with Store.open(args.file) as store:  # what `workshop capture` does
                record(store, [line])
            out.write(line + "\n")
            out.flush()
            if args.cli and round_ % args.cli == 0:
                subprocess.run(
                    [str(sqlite_utils), "query", str(args.file), "select count(*) from actor"],
                    check=True,
                    capture_output=True,
                    env=env,
                )
                line = f"p Hamerregel {round_}"
                subprocess.run(
                    [sys.executable, "-m", "workshop", "capture", str(args.file), line],
                    check=True,
                    capture_output=True,
                    env=env,
                )
                out.write(line + "\n")
                out.flush()
            time.sleep(0.01)


if __name__ == "__main__":
    main()

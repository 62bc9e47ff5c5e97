"""Capture and lookup speed on a real file. Run with: python -m pytest tests/benchmarks -s

Prints the figures; asserts nothing about time (speed is measured, not asserted)."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path

from workshop.capture.record import record
from workshop.file.store import Store

N = 10_000


def _figures(label: str, samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    median = statistics.median(ordered) * 1000
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
    print(f"{label}: n={len(samples)} median {median:.3f} ms, p99 {p99:.3f} ms")
    return median, p99


def _bare_sqlite(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE place (id TEXT PRIMARY KEY, name TEXT, norm TEXT, cell TEXT, "
        "created TEXT, updated TEXT)"
    )
    conn.execute("CREATE INDEX place_norm ON place(norm)")
    samples = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?)",
            (f"id-{i}", f"Plek {i}", f"plek {i}", "C4", "now", "now"),
        )
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    conn.close()
    return samples


def _bare_same_table(path: Path, n: int) -> list[float]:
    """One INSERT + COMMIT of a place row into the file's own place table (same indexes)."""
    store = Store.create(path, name="Bare")
    conn = store.conn
    samples = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO place (id, name, norm, kind, cell, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f"id-{i}", f"Plek {i}", f"plek {i}", "community_centre", "C4", "now", "now"),
        )
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    store.close()
    return samples


def test_capture_speed(tmp_path: Path) -> None:
    bare = _bare_sqlite(tmp_path / "bare.db", N)
    same = _bare_same_table(tmp_path / "same.wijk", N)
    store = Store.create(tmp_path / "bench.wijk", name="Bench")
    kinds = [
        "p Plek {i} #buurthuis @C4",
        "persoon Bewoner {i} #bewoner !2 tel:06{i}",
        "i Initiatief {i} #opwek @B2",
        "Bewoner {j} -> Bewoner {i} #kent",
    ]
    samples = []
    for i in range(N):
        line = kinds[i % 4].format(i=i, j=max(0, i - 4))
        start = time.perf_counter()
        record(store, [line])
        samples.append(time.perf_counter() - start)
    store.close()
    bare_median, bare_p99 = _figures("bare sqlite3 insert+commit, minimal table", bare)
    same_median, same_p99 = _figures("bare sqlite3 insert+commit, the file's place table", same)
    median, p99 = _figures("workshop capture (parse, resolve, write, undo log, commit)", samples)
    print(f"ratio to bare minimal: median {median / bare_median:.2f}, p99 {p99 / bare_p99:.2f}")
    print(f"ratio to bare same table: median {median / same_median:.2f}, p99 {p99 / same_p99:.2f}")


def test_lookup_speed(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "names.wijk", name="Names")
    rng = random.Random(1)
    first = ["Jan", "Fatma", "Zoë", "Małgorzata", "Hüseyin", "Noëlle", "René", "Ĳsbrand", "Anna"]
    last = ["de Vries", "Yılmaz", "Nowak", "Öztürk", "Bakker", "Kooĳman", "van 't Hek", "Jansen"]
    lines = [f'persoon "{rng.choice(first)} {rng.choice(last)} {i}"' for i in range(N)]
    with store.write() as w:  # fill fast, one transaction
        for line in lines:
            w.insert("actor", {"name": line.split('"')[1], "type": "person", "consent": "internal"})
    store.similar("actor", "warm-up")
    similar, complete = [], []
    for i in range(500):
        probe = f"{rng.choice(first)} {rng.choice(last)} {rng.randrange(N)}x"
        start = time.perf_counter()
        store.similar("actor", probe)
        similar.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.complete(probe[: 3 + i % 6])
        complete.append(time.perf_counter() - start)
    _figures(f"near-duplicate lookup over {N} names", similar)
    _figures(f"autocomplete over {N} names", complete)
    store.close()

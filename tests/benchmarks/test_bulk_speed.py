"""How long the lists' spreadsheet moves take on a city-sized file: setting one field of 100,
1,000 and 10,000 actors in one step, undoing it, folding two records, and the list's
selection drawn. Run with: python -m pytest tests/benchmarks/test_bulk_speed.py -s

Prints the figures; asserts nothing about time (speed is measured, not asserted)."""

from __future__ import annotations

import time
from pathlib import Path

from workshop.capture import bulk
from workshop.file.store import Store
from workshop.tui import queries

N = 10_000


def _file(path: Path) -> Store:
    store = Store.create(path, name="Stad")
    with store.write() as w, w.entry("bulk benchmark"):
        for i in range(N):
            w.insert("actor", {"name": f"Persoon {i:05d}", "type": "person", "consent": "print"})
        ids = [r["id"] for r in store.rows("actor", limit=2)]
        for i in range(200):
            w.insert(
                "tie",
                {
                    "source_id": ids[i % 2],
                    "target_id": ids[1 - i % 2],
                    "kind": "knows",
                    "direction": "directed",
                },
            )
    return store


def test_bulk_speed(tmp_path: Path) -> None:
    store = _file(tmp_path / "stad.wijk")
    actors = [("actor", r["id"]) for r in store.rows("actor", order="norm")]
    for count in (100, 1_000, 10_000):
        value = "geen" if count != 1_000 else "intern"
        start = time.perf_counter()
        changed = bulk.set_field(store, actors[:count], "consent", value)
        took = time.perf_counter() - start
        start = time.perf_counter()
        store.undo()
        undone = time.perf_counter() - start
        print(
            f"set consent of {count} actors ({changed} changed): {took * 1000:.0f} ms, "
            f"undo {undone * 1000:.0f} ms"
        )
    first, second = actors[0][1], actors[1][1]
    start = time.perf_counter()
    plan = bulk.fold_plan(store, "actor", first, second)
    bulk.fold(store, plan)
    took = time.perf_counter() - start
    print(f"fold two actors of {N} with {plan.moved} ties between them: {took * 1000:.0f} ms")
    rows = queries.rows(store, "actor", "nl")
    chosen = set(rows.ids[::2])
    start = time.perf_counter()
    selection = [key for key in rows.ids if key in chosen]
    took = time.perf_counter() - start
    print(f"the selection of {len(selection)} rows in list order: {took * 1000:.1f} ms")
    store.close()

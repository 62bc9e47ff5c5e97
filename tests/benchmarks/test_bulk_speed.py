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
        start, cpu = time.perf_counter(), time.process_time()
        changed = bulk.set_field(store, actors[:count], "consent", value)
        took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        store.undo()
        undone, undone_cpu = time.perf_counter() - start, time.process_time() - cpu
        print(  # CPU time too: on a shared machine the wall clock says more about the others
            f"set consent of {count} actors ({changed} changed): {took * 1000:.0f} ms "
            f"(CPU {took_cpu * 1000:.0f} ms), undo {undone * 1000:.0f} ms "
            f"(CPU {undone_cpu * 1000:.0f} ms)"
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


def test_bulk_speed_in_the_lists(tmp_path: Path) -> None:
    """The same move as a facilitator makes it: F3, the actors, Ctrl+A (all 10,000 chosen),
    Ctrl+E, Toestemming, geen; then Ctrl+Z. Timed from the key that sets the value until the
    list shows it again, and the undo the same way."""
    from textual.widgets import OptionList

    from tests.tui.conftest import drive, settle
    from workshop.tui.app import WorkshopApp

    store = _file(tmp_path / "stad.wijk")
    app = WorkshopApp(store)

    async def pick(pilot, label: str) -> None:
        options = pilot.app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        options.highlighted = labels.index(label)
        await pilot.press("enter")

    async def scenario(pilot) -> None:
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("right", "right", "ctrl+a", "ctrl+e")
        await settle(pilot)
        await pick(pilot, "Toestemming")
        await pilot.pause()
        start = time.perf_counter()
        await pick(pilot, "geen")
        await settle(pilot)
        took = time.perf_counter() - start
        assert store.count("actor", "consent = 'none'") == N
        start = time.perf_counter()
        await pilot.press("ctrl+z")
        await settle(pilot)
        undone = time.perf_counter() - start
        assert store.count("actor", "consent = 'none'") == 0
        print(
            f"\nin the lists: set consent of {N} chosen actors {took * 1000:.0f} ms, "
            f"Ctrl+Z {undone * 1000:.0f} ms"
        )

    drive(app, scenario, size=(160, 48))
    store.close()

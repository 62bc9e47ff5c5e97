"""How long `forget` takes on a large file. Run with: python -m pytest tests/benchmarks -s

A file of 5,000 actors (4,000 persons, 1,000 organisations), 5,000 ties, 500 initiatives and
2,000 notes, every one captured through the capture line (so the undo log has an entry for
each). Prints the figures; asserts only that the person is gone (speed is measured, not
asserted)."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.forget import forget, plan_forget
from workshop.file.store import Store

ACTORS = 5_000
FIRST = [
    "Jan",
    "Piet",
    "Els",
    "An",
    "Bas",
    "Fatma",
    "Mohamed",
    "Anna",
    "Kees",
    "Sanne",
    "Lotte",
    "Daan",
    "Noor",
    "Sem",
    "Emma",
    "Ahmed",
    "Yara",
    "Milan",
    "Sara",
    "Tim",
]
LAST = [
    "Jansen",
    "de Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Yılmaz",
    "El Amrani",
    "van Dijk",
    "Dekker",
]


def build(path: Path) -> None:
    rng = random.Random(14)
    persons = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}" for i in range(4_000)]
    orgs = [f"Vereniging {rng.choice(LAST)} {i}" for i in range(1_000)]
    lines = [f'persoon "{p}" tel:06{rng.randrange(10**7, 10**8)}' for p in persons]
    lines += [f'org "{o}"' for o in orgs]
    everyone = persons + orgs
    lines += [f'"{rng.choice(everyone)}" -> "{rng.choice(everyone)}" #kent' for _ in range(5_000)]
    lines += [
        f'i "Initiatief {i}" +"{rng.choice(persons)}" wat:"opgezet door {rng.choice(persons)}"'
        for i in range(500)
    ]
    lines += [
        f'n "{rng.choice(persons)} weet het, bel 06-1234 5678" ~"{rng.choice(orgs)}"'
        for _ in range(2_000)
    ]
    lines += [
        'persoon "Małgorzata Nowak" tel:06-87654321',
        'n "Małgorzata Nowak kent Piet; bel +31 6 8765 4321"',
        '"Małgorzata Nowak" -> "Vereniging Bos 1" #kent',
    ]
    with Store.create(path, name="Grootbuurt") as store:
        for start in range(0, len(lines), 1_000):
            record(store, lines[start : start + 1_000])


def test_forget_on_5000_actors(tmp_path: Path) -> None:
    path = tmp_path / "groot.wijk"
    start = time.perf_counter()
    build(path)
    print(
        f"\nbuilt {ACTORS} actors in {time.perf_counter() - start:.1f} s, "
        f"{path.stat().st_size / 1e6:.1f} MB"
    )
    with Store.open(path) as store:
        history = store.count("history")
        start, cpu = time.perf_counter(), time.process_time()
        plan = plan_forget(store, "Małgorzata Nowak")
        planned, planned_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        forget(store, plan)
        done, done_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"forget: plan {planned:.2f} s (cpu {planned_cpu:.2f} s), erase + REINDEX + VACUUM "
        f"{done:.2f} s (cpu {done_cpu:.2f} s) "
        f"({len(plan.items)} changes listed, {history} undo entries read)"
    )
    assert b"Nowak" not in path.read_bytes()

    with Store.open(path) as store:
        someone = store.rows("actor", "type = 'person'", limit=1)[0]["name"]
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["forget", str(path), someone, "--yes"])
    assert result.exit_code == 0, result.output
    print(
        f"workshop forget {someone!r} (CLI, whole command): "
        f"{time.perf_counter() - start:.2f} s, {result.output.count(chr(10))} lines listed"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

"""Capture work stays flat as the file grows (issue 10: "the TUI's in-process capture work for
the 10,000th capture within 1.2x the first").

    python -m pytest tests/benchmarks/test_capture_growth.py -s

Per capture, what the capture screen does on Enter, in-process: parse the line, look for
near-duplicates, `record()` it (resolve, write, undo log, commit). 10,000 captures into one
file; printed: the median of the first 1,000 and of the last 1,000, in wall-clock time and in
this process's CPU time (the CPU figure is the one to read on a shared, busy machine), and
their ratio. Two mixes: realistic names (Dutch first and last names, places named after
streets and kinds) and the numbered names of the other benchmarks (`Plek 01234`), whose
neighbours are all near-duplicates of each other. The file lives in /dev/shm where there is
one, so the disk's fsync does not hide what the program does. A third figure does not depend
on how busy the machine is: the Python function calls (and calls into C) per capture, first
and last 1,000, counted with a profile hook in a second run. Asserts nothing about time.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.capture.grammar import parse
from workshop.capture.record import near_duplicates, record
from workshop.file.store import Store

N = 10_000
FIRST = [
    "Jan",
    "Fatma",
    "Zoë",
    "Małgorzata",
    "Hüseyin",
    "Noëlle",
    "René",
    "Ĳsbrand",
    "Anna",
    "Mohamed",
    "Sanne",
    "Kees",
    "Priscilla",
    "Thijs",
    "Yusuf",
    "Els",
    "Bas",
    "Henk",
    "Ingrid",
    "Ahmed",
    "Lotte",
    "Daan",
    "Sevda",
    "Wim",
    "Marloes",
    "Rachid",
    "Joke",
    "Gerrit",
    "Nadia",
    "Piet",
    "Chantal",
    "Dirk",
    "Esra",
    "Koen",
    "Femke",
    "Bram",
]
LAST = [
    "de Vries",
    "Yılmaz",
    "Nowak",
    "Öztürk",
    "Bakker",
    "Kooĳman",
    "van 't Hek",
    "Jansen",
    "El Amrani",
    "Demir",
    "Mulder",
    "Sanches",
    "Bosman",
    "de Groot",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Dekker",
    "Brouwer",
    "van Dijk",
    "Hendriks",
    "Kaya",
    "Peters",
    "van der Linden",
    "Bos",
    "Vos",
    "Willems",
    "Hoekstra",
    "Koç",
    "Postma",
    "Kramer",
]
STREETS = [
    "Kersen",
    "Linden",
    "Eiken",
    "Berken",
    "Merel",
    "Vinken",
    "Tulpen",
    "Rozen",
    "Esdoorn",
    "Kastanje",
    "Wilgen",
    "Populieren",
    "Hazel",
    "Spreeuwen",
    "Zwaluw",
    "Reiger",
    "Meeuwen",
    "Lijster",
    "Distel",
    "Klaver",
    "Heide",
    "Duinen",
    "Polder",
    "Molen",
    "Sluis",
    "Haven",
    "Dijk",
    "Gracht",
    "Singel",
    "Markt",
    "Kerk",
    "School",
]
PLACES = [
    "Buurthuis",
    "Speeltuin",
    "Basisschool",
    "Bibliotheek",
    "Sporthal",
    "Café",
    "Moskee",
    "Kerk",
    "Huisartsenpost",
    "Supermarkt",
    "Park",
    "Plein",
    "Moestuin",
    "Jongerencentrum",
    "Kinderboerderij",
    "Wijkcentrum",
]
WHERE = ["", " Oost", " West", " Noord", " Zuid", " 2", " De Kuil", " 't Hoekje"]
THEMES = ["opwek", "besparen", "warmte", "groen", "sociaal", "zorg", "mobiliteit"]


def realistic(rng: random.Random) -> Iterator[str]:
    people: list[str] = []
    places: list[str] = []
    for i in range(N):
        kind = i % 5
        if kind == 0 or not places:
            name = f"{rng.choice(PLACES)} {rng.choice(STREETS)}{rng.choice(['straat', 'laan', 'plein', 'hof', 'weg'])}{rng.choice(WHERE)}"  # noqa: E501
            places.append(name)
            yield f'p "{name}" #{rng.choice(["buurthuis", "school", "park", "winkel"])} @C4'
        elif kind == 1 or len(people) < 2:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            people.append(name)
            yield f'persoon "{name}" #bewoner !{rng.randrange(6)} tel:06{rng.randrange(10**8):08d}'
        elif kind == 2:
            what = rng.choice(["Zon", "Groen", "Soep", "Klus", "Warm"])
            yield (
                f'i "{rng.choice(STREETS)} {what} {i}" #{rng.choice(THEMES)} @B2 '
                f'+"{rng.choice(people)}"'
            )
        elif kind == 3:
            a, b = rng.sample(sorted(set(people)), 2)
            yield f'"{a}" -> "{b}" #kent'
        else:
            yield f'n "Opmerking {i} over de buurt" ~"{rng.choice(places)}"'


def numbered() -> Iterator[str]:
    kinds = [
        'p "Plek {i:05d}" #buurthuis @C4',
        'persoon "Bewoner {i:05d}" #bewoner !2',
        'i "Initiatief {i:05d}" #opwek @B2 +"Bewoner {j:05d}"',
        '"Bewoner {j:05d}" -> "Bewoner {i:05d}" #kent',
        'n "Opmerking {i}" ~"Plek {k:05d}"',
    ]
    for i in range(N):
        yield kinds[i % 5].format(i=i, j=max(1, (i - 5) // 5 * 5 + 1), k=i // 5 * 5)


def _measure(path: Path, lines: Iterator[str]) -> tuple[list[float], list[float]]:
    store = Store.create(path, name="Groei")
    wall, cpu = [], []
    for line in lines:
        start, start_cpu = time.perf_counter(), time.process_time()
        capture = parse(line, store.context())
        near_duplicates(store, capture)
        record(store, [capture])
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    store.close()
    return wall, cpu


def _count_calls(path: Path, lines: Iterator[str]) -> tuple[float, float]:
    """Calls per capture over the first and the last 1,000 captures."""
    store = Store.create(path, name="Groei")
    calls = 0

    def hook(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    counted: list[int] = []
    for i, line in enumerate(lines):
        watched = i < 1000 or i >= N - 1000
        if watched:
            sys.setprofile(hook)
        capture = parse(line, store.context())
        near_duplicates(store, capture)
        record(store, [capture])
        if watched:
            sys.setprofile(None)
            counted.append(calls)
            calls = 0
    store.close()
    return statistics.mean(counted[:1000]), statistics.mean(counted[-1000:])


def _report(label: str, samples: list[float]) -> None:
    first = statistics.median(samples[:1000]) * 1000
    last = statistics.median(samples[-1000:]) * 1000
    print(
        f"{label}: first 1000 median {first:.3f} ms, last 1000 median {last:.3f} ms, "
        f"ratio {last / first:.2f}"
    )


def _lines(mix: str) -> Iterator[str]:
    return realistic(random.Random(10)) if mix == "realistic" else numbered()


def _measure_apart(path: Path, mix: str) -> tuple[list[float], list[float]]:
    """`_measure` in a fresh interpreter, as the TUI runs it. Inside pytest the timings grow
    with the file for a reason of pytest's own: hypothesis's plugin times every garbage
    collection through a gc callback, and with it the 10,000th capture took 1.9x the first,
    without it 0.9x (same code, same machine, same minute)."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.test_capture_growth", mix, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    timings = json.loads(out)
    return timings["wall"], timings["cpu"]


@pytest.mark.parametrize("mix", ["realistic", "numbered"])
def test_capture_work_stays_flat(mix: str) -> None:
    where = "/dev/shm" if os.path.isdir("/dev/shm") else None
    with tempfile.TemporaryDirectory(dir=where) as folder:
        wall, cpu = _measure_apart(Path(folder) / "groei.wijk", mix)
        lines = _lines(mix)
        first, last = _count_calls(Path(folder) / "calls.wijk", lines)
    print()
    _report(f"{mix} names, parse + near-duplicates + record, wall", wall)
    _report(f"{mix} names, parse + near-duplicates + record, CPU", cpu)
    print(
        f"{mix} names, function calls per capture: first 1000 {first:.0f}, "
        f"last 1000 {last:.0f}, ratio {last / first:.2f}"
    )


if __name__ == "__main__":  # one mix measured in a clean interpreter: MIX PATH
    wall, cpu = _measure(Path(sys.argv[2]), _lines(sys.argv[1]))
    print(json.dumps({"wall": wall, "cpu": cpu}))

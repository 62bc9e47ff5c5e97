"""What a keystroke costs with the short forms (issue 11): parse + preview + completion of
lines that use them, in a file of 4,000 places and 4,000 persons, in-process.

    python -m pytest tests/benchmarks/test_short_forms_speed.py -s

Prints the median and the 95th percentile per kind of line (no assertion: speed is reported).
"""

from __future__ import annotations

import contextlib
import statistics
import time
from pathlib import Path

from workshop.capture.grammar import parse
from workshop.capture.record import plan, record
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.tui.completion import complete

LINES = {
    "participant, bare values": "deelnemer Anna rijwoning jonge-kinderen gez",
    "person, session default": "persoon Fatma Yilmaz #sleutelfiguur !4 tel:06123",
    "session, bare venue": "sessie Plek 01234 tafel:2 begeleider:San",
    "note, ~.": "n Wil meer bankjes ~.",
    "quote, door: + ~": "q De wijk is van ons door:Bewoner 00012 ~Plek 00001",
    # while the ~ name is not complete, the preview's hint looks for a near name (rapidfuzz over
    # every place): older than the short forms, and the costliest keystroke here
    "note, ~ not found yet (hint)": "n De wijk is van ons ~Plek 0",
    "note, ~ inside a name": "n Mooi hier ~0123",
    "initiative, +name of words": "i Zon +Bewoner 00",
}


def _file(path: Path) -> Store:
    store = Store.create(path, name="Benchmarkwijk")
    with store.write() as w:
        for i in range(4000):
            w.insert("place", {"name": f"Plek {i:05d}", "cell": "C4"})
            w.insert("actor", {"name": f"Bewoner {i:05d}", "type": "person", "consent": "internal"})
    record(store, ["sessie Plek 00001 tafel:1 begeleider:Sanne consent:print", "p Plek 00002"])
    return store


def test_keystroke_cost_of_the_short_forms(tmp_path: Path) -> None:
    store = _file(tmp_path / "bench.wijk")

    def names(prefix, tables, limit):
        return [name for _, name in store.complete(prefix, tuple(tables), limit)]

    print()
    for label, line in LINES.items():
        timings = []
        for _ in range(200):
            typed = line  # the keystroke that made the line
            start = time.perf_counter()
            ctx = store.context()
            with contextlib.suppress(UserError):  # a refusal is a preview too
                plan(store, parse(typed, ctx)).text("nl")
            complete(typed, names, ctx)
            timings.append(time.perf_counter() - start)
        timings.sort()
        print(
            f"{label:30} median {statistics.median(timings) * 1000:6.3f} ms"
            f"   p95 {timings[int(len(timings) * 0.95)] * 1000:6.3f} ms"
        )
    store.close()

"""Printing speed with names in every script. Run with:
python -m pytest tests/benchmarks/test_script_speed.py -s

Prints the figures; asserts nothing about time. 1,000 initiative cards whose names, descriptions
and places are Arabic, Chinese, Tifinagh, Devanagari, Hebrew, Thai, emoji and Dutch in turn
(so about seven in eight cards need the shaped path), against 1,000 all-Dutch cards. Wall-clock
time and, in brackets, this process's CPU time.
"""

from __future__ import annotations

import time
from pathlib import Path

from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing import qr, templates
from workshop.printing.cards import build as cards

SCRIPTS = [
    "مسجد النور",
    "陈家小吃",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    "हिन्दू समाज",
    "בית הכנסת",
    "วัดไทย",
    "Buurtfeest 🎉 🌳",
    "Coöperatie 't Hoekje",
]


def _cards(tmp_path: Path, label: str, names: list[str]) -> None:
    store = Store.create(tmp_path / f"{label}.wijk", name="Benchmark")
    lines = [
        f'i "{names[i % len(names)]} {i}" #sociaal @C{1 + i % 6} status:actief '
        f'wat:"{names[(i + 1) % len(names)]} en {names[(i + 2) % len(names)]}, met de buren samen" '
        f'nodig:"vrijwilligers" biedt:"advies"'
        for i in range(1000)
    ]
    record(store, lines)
    template = templates.load()
    for run in ("first (fonts loaded, nothing cached)", "second (shaping cached)"):
        qr.encode.cache_clear()
        start, cpu = time.perf_counter(), time.process_time()
        result = cards.print_cards(store, tmp_path / f"{label}.pdf", template)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"\n1000 cards, {label}, {run}: {elapsed:.2f} s (CPU {cpu:.2f} s), "
            f"{result.pages} pages, {(tmp_path / f'{label}.pdf').stat().st_size // 1024} KiB, "
            f"{len(result.missing)} characters missing"
        )
    store.close()


def test_thousand_cards_in_every_script(tmp_path: Path) -> None:
    _cards(tmp_path, "Dutch only", ["Coöperatie 't Hoekje", "Buurthuis De Kuil"])
    _cards(tmp_path, "mixed scripts", SCRIPTS)

"""Printing speed. Run with: python -m pytest tests/benchmarks/test_print_speed.py -s

Prints the figures; asserts nothing about time (speed is measured, not asserted). Each figure
is wall-clock time and, in brackets, this process's CPU time (what it is on an idle machine;
the two differ when other work shares the two cores).

- 1,000 initiative cards (250 A4 pages), every card with its own QR code: in this process
  (QR matrices cold, then cached) and cold, as a person runs it: `workshop print cards FILE`
  in a fresh interpreter (imports, fonts parsed, every QR code encoded). That figure is given
  with the bytecode already compiled (as after `pip install`; here in a cache folder of its
  own) and, once, with none (PYTHONDONTWRITEBYTECODE without a cache: every module compiled).
- 1,000 blank cards (250 A4 pages), numbered, each with its own QR code.
- A base map on A1 from a 20,000-way extract (streets, buildings, parks, water), end to end:
  the stored extract decompressed and parsed, drawn, street names placed, PDF written.
"""

from __future__ import annotations

import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import osmium

from workshop.capture.record import record
from workshop.exchange import osm_import
from workshop.file.store import Store
from workshop.printing import qr, templates
from workshop.printing.cards import build as cards
from workshop.printing.maps import build as maps

BOX = (52.5500, 5.2000, 52.5590, 5.2197)


def test_thousand_cards(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "cards.wijk", name="Benchmark")
    themes = ["opwek", "besparing", "warmte", "mobiliteit", "vergroening", "sociaal", "zorg"]
    lines = [
        f'i "Initiatief {i} Coöperatie \'t Hoekje" #{themes[i % 7]} @C{1 + i % 6} '
        f'status:actief wat:"Zonnepanelen op het dak van gebouw {i}, met de buren samen" '
        f'nodig:"vrijwilligers" biedt:"advies"'
        + (f" web:https://hoekje.example/{i}" if i % 3 == 0 else "")
        for i in range(1000)
    ]
    record(store, lines)
    template = templates.load()
    qr.encode.cache_clear()
    for run in ("cold (no cached QR matrices)", "warm (matrices cached)"):
        start, cpu = time.perf_counter(), time.process_time()
        result = cards.print_cards(store, tmp_path / "cards.pdf", template)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"\n1000 cards, {result.pages} pages, {len(result.codes)} QR codes, {run}: "
            f"{elapsed:.2f} s (CPU {cpu:.2f} s), "
            f"{(tmp_path / 'cards.pdf').stat().st_size // 1024} KiB"
        )
    store.close()
    _cold_cards(tmp_path, tmp_path / "cards.wijk")
    qr.encode.cache_clear()
    start, cpu = time.perf_counter(), time.process_time()
    for n in range(1, 1001):
        qr.encode(f"kaart {n}")
    print(
        f"QR encoding alone, 1000 payloads: {time.perf_counter() - start:.2f} s "
        f"(CPU {time.process_time() - cpu:.2f} s)"
    )


def _subprocess_run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system) of one fresh interpreter running `args`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _cold_cards(tmp_path: Path, wijk: Path) -> None:
    args = [sys.executable, "-m", "workshop", "print", "cards", str(wijk)]
    args += ["-o", str(tmp_path / "cold.pdf")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    _subprocess_run(args, env)  # compiles the bytecode into the cache folder
    runs = sorted(_subprocess_run(args, env) for _ in range(3))
    wall, cpu = runs[1]
    print(
        f"1000 cards, cold process (`workshop print cards`, bytecode compiled), median of 3: "
        f"{wall:.2f} s (CPU {cpu:.2f} s)"
    )
    env.pop("PYTHONPYCACHEPREFIX")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    wall, cpu = _subprocess_run(args, env)
    print(f"1000 cards, cold process, no bytecode at all: {wall:.2f} s (CPU {cpu:.2f} s)")


def test_thousand_blank_cards(tmp_path: Path) -> None:
    """1,000 blank cards: every card the same ruled fields and tick boxes, its own number and
    QR code (`kaart N`), the numbers reserved in the file."""
    store = Store.create(tmp_path / "blank.wijk", name="Benchmark")
    template = templates.load()
    qr.encode.cache_clear()
    start, cpu = time.perf_counter(), time.process_time()
    result = cards.print_blank_cards(store, tmp_path / "blank.pdf", template, count=1000)
    print(
        f"\n1000 blank cards, {result.pages} pages: {time.perf_counter() - start:.2f} s "
        f"(CPU {time.process_time() - cpu:.2f} s), "
        f"{(tmp_path / 'blank.pdf').stat().st_size // 1024} KiB"
    )
    store.close()


def write_extract(path: Path, ways: int) -> int:
    """An invented town of `ways` ways: a street grid, houses along the streets, parks, water."""
    writer = osmium.SimpleWriter(str(path))
    node_id = way_id = 0
    lat0, lon0, lat1, lon1 = BOX

    def node(lat: float, lon: float) -> int:
        nonlocal node_id
        node_id += 1
        writer.add_node(osmium.osm.mutable.Node(id=node_id, location=(lon, lat)))
        return node_id

    def way(refs: list[int], tags: dict[str, str]) -> None:
        nonlocal way_id
        way_id += 1
        writer.add_way(osmium.osm.mutable.Way(id=way_id, nodes=refs, tags=tags))

    streets = 40
    for i in range(streets):  # east-west and north-south streets, in segments
        for j in range(20):
            lat = lat0 + (lat1 - lat0) * (i + 0.5) / streets
            a, b = lon0 + (lon1 - lon0) * j / 20, lon0 + (lon1 - lon0) * (j + 1) / 20
            way(
                [node(lat, a), node(lat + 0.00003 * math.sin(j), b)],
                {"highway": "residential" if i % 5 else "secondary", "name": f"Straat {i}"},
            )
            lon = lon0 + (lon1 - lon0) * (i + 0.5) / streets
            a, b = lat0 + (lat1 - lat0) * j / 20, lat0 + (lat1 - lat0) * (j + 1) / 20
            way([node(a, lon), node(b, lon)], {"highway": "residential", "name": f"Laan {i}"})
    k = 0
    while way_id < ways:
        row, col = divmod(k, 180)
        lat = lat0 + (lat1 - lat0) * (row % 120 + 0.3) / 120
        lon = lon0 + (lon1 - lon0) * (col + 0.3) / 180
        d = 0.00002
        refs = [
            node(lat, lon),
            node(lat, lon + 2 * d),
            node(lat + d, lon + 2 * d),
            node(lat + d, lon),
        ]
        tags = {"building": "house"} if k % 97 else {"leisure": "park", "name": f"Park {k}"}
        if k % 211 == 0:
            tags = {"natural": "water"}
        way(refs + refs[:1], tags)
        k += 1
    writer.close()
    return way_id


def test_map_from_20000_ways(tmp_path: Path) -> None:
    extract_path = tmp_path / "town.osm.pbf"
    count = write_extract(extract_path, 20_000)
    store = Store.create(tmp_path / "town.wijk", name="Benchmarkstad", bbox=BOX)
    start, cpu = time.perf_counter(), time.process_time()
    extract, data = osm_import.read_extract(extract_path)
    osm_import.store_extract(store, extract, data, source=str(extract_path))
    print(
        f"\nimport --osm of {count} ways ({extract_path.stat().st_size // 1024} KiB pbf): "
        f"{time.perf_counter() - start:.2f} s (CPU {time.process_time() - cpu:.2f} s)"
    )
    template = templates.load()
    osm_import._PARSED.clear()  # noqa: SLF001  (a cold start: parse the stored extract again)
    for run in ("cold (packed features unpacked from the file)", "warm (parsed extract cached)"):
        start, cpu = time.perf_counter(), time.process_time()
        result = maps.print_map(store, tmp_path / "map.pdf", template, paper="A1")
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        size = (tmp_path / "map.pdf").stat().st_size // 1024
        print(
            f"A1 base map, {len(data.features)} features, {run}: {elapsed:.2f} s "
            f"(CPU {cpu:.2f} s), {result.pages} page, {size} KiB"
        )
    store.close()

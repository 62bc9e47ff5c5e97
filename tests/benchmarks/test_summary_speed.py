"""The PDF summary of a city-scale file (963 pages). Run with:
python -m pytest tests/benchmarks/test_summary_speed.py -s

The city of `test_analysis_speed` (5,000 actors, 20,000 ties, 5,000 places, 2,000
initiatives). Prints the figures; asserts nothing about time (the target in issue 12 is
<= 30 s of CPU). Wall-clock time and, in brackets, this process's CPU time, split into what
the summary reads and analyses (`gather`: the redaction of every record, connectors,
coverage) and the rest (laying out and writing the pages).
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.benchmarks.test_analysis_speed import build_city
from workshop.file.store import Store
from workshop.printing import templates
from workshop.printing.summary import build, data


def test_print_summary(tmp_path: Path) -> None:
    city = build_city(tmp_path / "stad.wijk")
    gathered: list[float] = []
    real_gather = data.gather

    def timed_gather(store: Store) -> data.SummaryData:
        cpu = time.process_time()
        out = real_gather(store)
        gathered.append(time.process_time() - cpu)
        return out

    build.gather = timed_gather  # type: ignore[assignment]
    try:
        with Store.open(city, readonly=True) as store:
            start, cpu = time.perf_counter(), time.process_time()
            result = build.print_summary(store, tmp_path / "summary.pdf", templates.load())
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        build.gather = real_gather  # type: ignore[assignment]
    size = (tmp_path / "summary.pdf").stat().st_size // 1024
    print(
        f"print summary, {result.pages} pages, {size} KiB: {elapsed:.2f} s (CPU {cpu:.2f} s; "
        f"reading and analysing the file {gathered[0]:.2f} s of it)"
    )

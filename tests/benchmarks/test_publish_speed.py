"""City-scale speed of `workshop publish`: to SQLite for Datasette, and into PostGIS.

    python -m pytest tests/benchmarks/test_publish_speed.py -s

The synthetic city of `test_analysis_speed` (5,000 actors, 20,000 ties, 5,000 places, 2,000
initiatives). Prints wall-clock and this process's CPU time (on a shared machine the wall
clock mostly measures the others); asserts nothing about time (the target in the issue:
publish to SQLite <= 5 s in-process; the PostGIS load time is reported, its server's work
included in the wall clock only; the third load
updates and removes by UUID).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.benchmarks.test_analysis_speed import build_city
from tests.exchange.test_publish_pg import cluster  # noqa: F401  (the throwaway PostGIS)
from workshop.cli import cli
from workshop.exchange import publish, publish_rows
from workshop.file.store import Store


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    return build_city(tmp_path_factory.mktemp("city") / "stad.wijk")


def timed(label: str, work: Callable[[], object]) -> object:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    print(f"{label}: {time.perf_counter() - wall:.2f} s (CPU {time.process_time() - cpu:.2f} s)")
    return result


def test_publish_sqlite(city: Path, tmp_path: Path) -> None:
    print()
    published = timed("gather (the redaction of every record)", lambda: publish_rows.gather([city]))
    assert isinstance(published, publish_rows.Published)
    target = tmp_path / "site.db"
    timed("publish -o site.db in-process, whole", lambda: publish.to_sqlite([city], target))
    print(f"site: {target.stat().st_size / 1e6:.1f} MB, {published.count('actor')} actors")

    def cli_publish() -> None:
        result = CliRunner().invoke(cli, ["publish", str(city), "-o", str(target)])
        assert result.exit_code == 0, result.output

    timed("workshop publish -o (CliRunner, replacing the site)", cli_publish)


def test_publish_postgis(city: Path, cluster, tmp_path: Path) -> None:  # noqa: F811
    url, _ = cluster
    changed = tmp_path / "stad.wijk"
    shutil.copy(city, changed)
    print()
    for label, source in (
        ("first load", city),
        ("again, nothing changed", city),
        ("again, 500 places renamed and 1,000 ties deleted", changed),
    ):
        if source is changed:
            with Store.open(changed) as store, store.write() as w:
                for place in store.rows("place")[:500]:
                    w.update("place", place["id"], {"name": place["name"] + " (nieuw)"})
                for tie in store.rows("tie")[:1000]:
                    w.delete("tie", tie["id"])

        def load(source: Path = source) -> None:
            result = CliRunner().invoke(cli, ["publish", str(source), "--to", url])
            assert result.exit_code == 0, result.output
            print(f"  {result.output.strip()}")

        timed(f"publish --to postgresql ({label})", load)

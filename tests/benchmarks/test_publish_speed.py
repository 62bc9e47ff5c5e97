"""City-scale speed of `workshop publish`: to SQLite for Datasette, and into PostGIS.

    python -m pytest tests/benchmarks/test_publish_speed.py -s

The synthetic city of `test_analysis_speed` (5,000 actors, 20,000 ties, 5,000 places, 2,000
initiatives). Prints the figures; asserts nothing about time (the target in the issue:
publish to SQLite <= 5 s in-process; the PostGIS load time is reported).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.benchmarks.test_analysis_speed import build_city
from tests.exchange.test_publish_pg import cluster  # noqa: F401  (the throwaway PostGIS)
from workshop.cli import cli
from workshop.exchange import publish, publish_rows


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    return build_city(tmp_path_factory.mktemp("city") / "stad.wijk")


def test_publish_sqlite(city: Path, tmp_path: Path) -> None:
    start = time.perf_counter()
    published = publish_rows.gather([city])
    gathered = time.perf_counter() - start
    start = time.perf_counter()
    _, written = publish.to_sqlite([city], tmp_path / "site.db")
    whole = time.perf_counter() - start
    print(f"\npublish gather (redaction of every record): {gathered:.2f} s")
    print(f"publish -o site.db in-process, whole: {whole:.2f} s")
    print(f"site: {written[0].stat().st_size / 1e6:.1f} MB, {published.count('actor')} actors")
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["publish", str(city), "-o", str(tmp_path / "site.db")])
    assert result.exit_code == 0, result.output
    print(f"workshop publish -o (CliRunner, replacing): {time.perf_counter() - start:.2f} s")


def test_publish_postgis(city: Path, cluster) -> None:  # noqa: F811
    url, _ = cluster
    for label in ("first load", "again (updates by UUID)"):
        start = time.perf_counter()
        result = CliRunner().invoke(cli, ["publish", str(city), "--to", url])
        assert result.exit_code == 0, result.output
        print(f"\npublish --to postgresql ({label}): {time.perf_counter() - start:.2f} s")
        print(f"  {result.output.strip()}")

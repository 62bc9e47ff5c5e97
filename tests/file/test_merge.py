"""Merging the laptops of several tables into one file, by UUID."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.merge import find_pairs, join_pairs, merge
from workshop.file.store import Store
from workshop.i18n import UserError


def table_copy(base: Path, name: str, table: int, lines: list[str]) -> Path:
    """A laptop: a copy of the prepared file, with this table's captures."""
    path = base.with_name(name)
    shutil.copy(base, path)
    with Store.open(path) as store:
        record(store, [f"sessie 2026-11-26 tafel:{table}", *lines])
    return path


@pytest.fixture
def prepared(tmp_path: Path) -> Path:
    path = tmp_path / "wijk.wijk"
    with Store.create(path, name="Kersenbuurt", municipality="Zuiderveen") as store:
        record(store, ['org "Bibliotheek Zuiderveen" #bibliotheek', "p Kersenplein #plein"])
    return path


def test_three_tables_merge_without_duplicates(prepared: Path) -> None:
    one = table_copy(
        prepared,
        "t1.wijk",
        1,
        [
            'persoon "Dokter Hoogland" !5',
            '"Dokter Hoogland" -> "Bibliotheek Zuiderveen"',
            "i Repaircafé #sociaal +Dokter Hoogland",
        ],
    )
    two = table_copy(
        prepared,
        "t2.wijk",
        2,
        [
            'persoon "dokter hoogland" #sleutelfiguur',
            "i Zonnedak #opwek",
            "p Kersenplein #gewaardeerd",
        ],
    )
    three = table_copy(
        prepared,
        "t3.wijk",
        3,
        ['persoon "Dokter Hooglandt" tel:0612', "n Druk op donderdag ~Kersenplein"],
    )
    target = prepared.with_name("alles.wijk")
    shutil.copy(prepared, target)
    with Store.open(target) as store:
        report = merge(store, [one, two, three])
        assert store.count("session") == 4  # the prepared file's own and three tables'
        assert {r["name"] for r in store.rows("initiative")} == {"Repaircafé", "Zonnedak"}
        numbers = sorted(r["card_number"] for r in store.rows("initiative"))
        assert numbers == [1, 2]  # both tables gave out card 1; one was renumbered
        assert report.renumbered == [("Zonnedak", 1, 2)]
        assert store.find("place", "Kersenplein")[0]["sentiment"] == "valued"
        names = sorted((t, a["name"], b["name"]) for t, a, b in report.pairs)
        assert names == [
            ("actor", "Dokter Hoogland", "Dokter Hooglandt"),
            ("actor", "Dokter Hoogland", "dokter hoogland"),
            ("actor", "dokter hoogland", "Dokter Hooglandt"),
        ]
        assert join_pairs(store, report.pairs) == 2
        doctors = store.rows("actor", "type = 'person'")
        assert len(doctors) == 1
        doctor = doctors[0]
        assert (doctor["influence"], doctor["role"], doctor["tel"]) == (5, "key_figure", "0612")
        assert store.count("tie") == 1 and store.count("actor_initiative") == 1
        assert find_pairs(store) == []
        # Merging the same files again changes nothing.
        again = merge(store, [one, two, three])
        assert again.changed == 0 and store.count("actor") == 2


def test_merge_is_one_undo_step(prepared: Path) -> None:
    one = table_copy(prepared, "t1.wijk", 1, ["p Nieuw", "persoon Jan"])
    with Store.open(prepared) as store:
        merge(store, [one])
        assert store.count("place") == 2
        store.undo()
        assert store.count("place") == 1 and store.count("actor") == 1


def test_another_neighbourhood_is_refused(prepared: Path, tmp_path: Path) -> None:
    other = tmp_path / "ander.wijk"
    with Store.create(other, name="Austerlitz", municipality="Zeist") as store:
        record(store, ["p Iets"])
    with Store.open(prepared) as store, pytest.raises(UserError) as info:
        merge(store, [other])
    assert info.value.key == "merge_other_neighbourhood"


def test_a_laptop_that_crashed_merges_what_it_saved(prepared: Path) -> None:
    """Kill -9 a process that is capturing; everything it reported as saved is merged."""
    crashed = prepared.with_name("crash.wijk")
    shutil.copy(prepared, crashed)
    script = (
        "import sys\n"
        "from workshop.file.store import Store\n"
        "from workshop.capture.record import record\n"
        f"store = Store.open({str(crashed)!r})\n"
        "record(store, ['sessie 2026-11-26 tafel:9'])\n"
        "for i in range(100000):\n"
        "    record(store, [f'p Plek {i}'])\n"
        "    print(i, flush=True)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.stdout is not None
    saved = -1
    deadline = time.monotonic() + 30
    while saved < 200 and time.monotonic() < deadline:
        saved = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert Path(str(crashed) + "-wal").exists()  # it died without closing the file
    target = prepared.with_name("alles.wijk")
    shutil.copy(prepared, target)
    with Store.open(target) as store:
        merge(store, [crashed])
        names = {r["name"] for r in store.rows("place")}
    assert {f"Plek {i}" for i in range(saved + 1)} <= names


def test_merge_command(prepared: Path, monkeypatch) -> None:
    monkeypatch.chdir(prepared.parent)
    table_copy(prepared, "t1.wijk", 1, ['persoon "Gerrit Jansen"'])
    table_copy(prepared, "t2.wijk", 2, ['persoon "Gerrit Janssen"'])
    runner = CliRunner()
    result = runner.invoke(cli, ["merge", "wijk.wijk", "t1.wijk", "t2.wijk"])
    assert result.exit_code == 0, result.output
    assert "'Gerrit Jansen' en 'Gerrit Janssen'" in result.output and "--join" in result.output
    result = runner.invoke(cli, ["merge", "wijk.wijk", "--join"])
    assert "1 paren samengevoegd" in result.output
    result = runner.invoke(cli, ["merge", "wijk.wijk", "wijk.wijk"])
    assert result.exit_code == 1 and "doelbestand zelf" in result.output


def test_joined_and_forgotten_records_do_not_come_back(prepared: Path) -> None:
    from workshop.file.forget import forget, plan_forget

    one = table_copy(
        prepared,
        "t1.wijk",
        1,
        ['persoon "Gerrit Jansen"', "persoon Geheim", "Geheim -> Gerrit Jansen"],
    )
    two = table_copy(
        prepared,
        "t2.wijk",
        2,
        [
            'persoon "Gerrit Janssen"',
            "persoon Gerrit Jansse",
            "Gerrit Janssen -> Gerrit Jansse #kent",
        ],
    )
    with Store.open(prepared) as store:
        report = merge(store, [one, two])
        join_pairs(store, report.pairs)
        forget(store, plan_forget(store, "Geheim"))
        assert sorted(a["name"] for a in store.rows("actor")) == [
            "Bibliotheek Zuiderveen",
            "Gerrit Jansen",
        ]
        again = merge(store, [one, two])
        assert again.changed == 0
        assert sorted(a["name"] for a in store.rows("actor")) == [
            "Bibliotheek Zuiderveen",
            "Gerrit Jansen",
        ]
        assert store.count("tie") == 0  # the self-tie after joining and the forgotten one

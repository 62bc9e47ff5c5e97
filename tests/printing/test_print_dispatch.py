"""One printing table for both front ends: `workshop print WHAT` and the TUI's F8 job offer the
same printouts and write the same PDF, under the same name, byte for byte (reportlab in
invariant mode, see conftest), recorded in the file alike."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import cli
from workshop.printing.table import PRINTOUTS
from workshop.tui import jobs

NAME = "kersenbuurt.wijk"


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory) -> Path:
    from workshop import demo

    path = tmp_path_factory.mktemp("demo") / NAME
    demo.build(path).close()
    return path


def same_ids(monkeypatch) -> None:
    """New rows get the UUIDs 1, 2, 3... from here on."""
    ids = (uuid.UUID(int=i) for i in itertools.count(1))
    monkeypatch.setattr("workshop.file.rows.uuid.uuid4", lambda: next(ids))


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}


def state(folder: Path) -> tuple[list[tuple], int]:
    """What the file records as printed (paths below the folder), and its next card number."""
    conn = sqlite3.connect(folder / NAME)
    try:
        rows = conn.execute("SELECT path, kind, audience, anonymised FROM output_file").fetchall()
        next_card = conn.execute("SELECT next_card FROM neighbourhood").fetchone()[0]
    finally:
        conn.close()
    root = str(folder.resolve())
    return sorted((path.removeprefix(root), *rest) for path, *rest in rows), next_card


@pytest.mark.parametrize("what", list(PRINTOUTS))
def test_the_cli_and_the_tui_print_the_same_file(
    what: str, demo_master: Path, tmp_path: Path, monkeypatch
) -> None:
    sides = {}
    for side in ("cli", "tui"):
        (tmp_path / side).mkdir()
        shutil.copy(demo_master, tmp_path / side / NAME)
        sides[side] = tmp_path / side
    # A map's sheet code names its print record, a new UUID each print: the same ones here
    same_ids(monkeypatch)
    monkeypatch.chdir(sides["cli"])
    result = CliRunner().invoke(cli, ["print", what, NAME])
    assert result.exit_code == 0, result.output
    same_ids(monkeypatch)
    monkeypatch.chdir(sides["tui"])
    done = jobs.print_out(Path(NAME), what)

    made = files_under(sides["cli"])
    assert list(made) == [str(PRINTOUTS[what].default_path(NAME))]
    assert files_under(sides["tui"]) == made
    assert [str(p) for p in done.paths] == list(made)
    assert state(sides["tui"]) == state(sides["cli"])
    audience = "internal" if what == "key" else "print"  # the key holds every name
    assert state(sides["cli"])[0] == [(f"/{next(iter(made))}", what, audience, 0)]


def test_f8_offers_every_printout_of_the_cli() -> None:
    group = cli.get_command(None, "print")  # type: ignore[arg-type]
    assert sorted(jobs.printable()) == sorted(group.list_commands(None))  # type: ignore[union-attr]


def test_the_file_names_are_the_clis_in_the_files_language() -> None:
    # issue 11: Dutch names in a Dutch file, English in an English one
    assert [str(PRINTOUTS[w].default_path("a/k.wijk")) for w in PRINTOUTS] == [
        "printouts/k-kaarten.pdf",
        "printouts/k-kaart-A3.pdf",
        "printouts/k-resultaatkaart-A3.pdf",
        "printouts/k-netwerk-A3.pdf",
        "printouts/k-samenvatting.pdf",
        "printouts/k-sleutel.pdf",
        "printouts/k-lege-kaarten.pdf",
        "printouts/k-stickers.pdf",
    ]
    assert [str(PRINTOUTS[w].default_path("a/k.wijk", lang="en")) for w in PRINTOUTS] == [
        "printouts/k-cards.pdf",
        "printouts/k-map-A3.pdf",
        "printouts/k-result-map-A3.pdf",
        "printouts/k-network-A3.pdf",
        "printouts/k-summary.pdf",
        "printouts/k-key.pdf",
        "printouts/k-blank-cards.pdf",
        "printouts/k-stickers.pdf",
    ]
    assert str(PRINTOUTS["map"].default_path("k.wijk", "a1", tiles=True)) == (
        "printouts/k-kaart-A1-tegels.pdf"
    )
    assert str(PRINTOUTS["map"].default_path("k.wijk", "a1", tiles=True, lang="en")) == (
        "printouts/k-map-A1-tiles.pdf"
    )

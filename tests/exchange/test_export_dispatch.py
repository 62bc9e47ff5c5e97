"""One export for both front ends: `workshop export` and the TUI's F9 job write the same files,
under the same names, with the same content, and record them in the file alike."""

from __future__ import annotations

import gc
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop import exchange
from workshop.cli import cli
from workshop.tui import jobs

NAME = "kersenbuurt.wijk"
CASES = [
    *((fmt, anonymise, ",") for fmt in exchange.FORMATS for anonymise in (False, True)),
    ("csv", False, ";"),
    ("csv", True, ";"),
]


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def records(folder: Path) -> list[tuple]:
    conn = sqlite3.connect(folder / NAME)
    try:
        rows = conn.execute("SELECT path, kind, audience, anonymised FROM output_file").fetchall()
    finally:
        conn.close()
    root = str(folder.resolve())
    return sorted((path.removeprefix(root), *rest) for path, *rest in rows)


@pytest.fixture
def two_copies(demo_master: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The demo file in two folders: one for the CLI, one for the TUI's job."""
    out = []
    for side in ("cli", "tui"):
        (tmp_path / side).mkdir()
        shutil.copy(demo_master, tmp_path / side / NAME)
        out.append(tmp_path / side)
    return out[0], out[1]


@pytest.mark.parametrize(("fmt", "anonymise", "delimiter"), CASES)
def test_the_cli_and_the_tui_write_the_same_export(
    fmt: str, anonymise: bool, delimiter: str, two_copies, monkeypatch
) -> None:
    by_cli, by_tui = two_copies
    monkeypatch.chdir(by_cli)
    args = ["export", NAME, "--format", fmt, "--delimiter", delimiter]
    result = CliRunner().invoke(cli, args + (["--anonymise"] if anonymise else []))
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(by_tui)
    done = jobs.export(Path(NAME), fmt, anonymise, delimiter)

    made = files_under(by_cli / "exports")
    assert made, "the CLI wrote nothing"
    assert files_under(by_tui / "exports") == made  # the same names, byte for byte
    assert sorted(str(p.relative_to("exports")) for p in done.paths) == sorted(made)
    assert records(by_tui) == records(by_cli)
    assert {row[1:] for row in records(by_cli)} == {(fmt, "export", int(anonymise))}


def test_an_anonymised_export_has_the_clis_name(two_copies, monkeypatch) -> None:
    """The TUI used to write exports/STEM-anoniem.json; the CLI's name is the contract."""
    _, by_tui = two_copies
    monkeypatch.chdir(by_tui)
    assert jobs.export(Path(NAME), "json", True).paths == [Path("exports/kersenbuurt.json")]


def test_f9_offers_every_format_of_the_cli() -> None:
    command = cli.get_command(None, "export")  # type: ignore[arg-type]
    options = {p.name: p for p in command.params}
    assert list(jobs.EXPORT_FORMATS) == list(options["fmt"].type.choices)
    assert list(exchange.DELIMITERS) == list(options["delimiter"].type.choices)


def test_a_semicolon_export_is_a_dutch_excel_sheet(two_copies, monkeypatch) -> None:
    _, by_tui = two_copies
    monkeypatch.chdir(by_tui)
    jobs.export(Path(NAME), "csv", False, ";")
    header = (by_tui / "exports/kersenbuurt-csv/place.csv").read_text("utf-8-sig").splitlines()[0]
    assert header.count(";") > 2 and "," not in header


def test_an_export_pauses_the_cycle_collector_and_puts_it_back(store, tmp_path, monkeypatch):
    """For speed the collector is off while an export is built, and afterwards as it was:
    on again after an export, and after one that failed; still off if it was off."""
    from workshop.exchange import tables
    from workshop.i18n import UserError

    seen = []
    real = tables.export_json

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(tables, "export_json", watched)
    assert gc.isenabled()
    exchange.export(store, "json", tmp_path / "out.json")
    exchange.export_text(store, "json")
    assert seen == [False, False] and gc.isenabled()
    (tmp_path / "a-file").write_text("")
    with pytest.raises(UserError):
        exchange.export(store, "json", tmp_path / "a-file" / "out.json")
    assert seen == [False, False, False] and gc.isenabled()  # (it failed while paused)
    gc.disable()
    try:
        exchange.export(store, "json", tmp_path / "again.json")
        assert not gc.isenabled()
    finally:
        gc.enable()

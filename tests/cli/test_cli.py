"""The command line through click's CliRunner, on real files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import cli


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WORKSHOP_LANG", "en")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def test_new_capture_and_read_back_with_sqlite(run, tmp_path: Path) -> None:
    result = run("new", "austerlitz.wijk", "--name", "Austerlitz", "--municipality", "Zeist")
    assert result.exit_code == 0, result.output
    result = run(
        "capture",
        "austerlitz.wijk",
        'persoon "Dokter de Vries" #sleutelfiguur !5 tel:0612345678 consent:print',
        'i "Energiecoöperatie \'t Hoekje" #opwek @C4 +"Dokter de Vries" web:https://hoekje.example',
    )
    assert result.exit_code == 0, result.output
    assert "opgeslagen: Initiatief · Energiecoöperatie 't Hoekje · opwek · C4" in result.output
    conn = sqlite3.connect(tmp_path / "austerlitz.wijk")
    assert conn.execute("SELECT name FROM initiative").fetchone()[0] == (
        "Energiecoöperatie 't Hoekje"
    )
    assert conn.execute("SELECT municipality FROM neighbourhood").fetchone()[0] == "Zeist"


def test_a_bad_line_exits_1_with_one_line_and_writes_nothing(run, tmp_path: Path) -> None:
    run("new", "x.wijk", "--name", "X")
    result = run("capture", "x.wijk", "p Goed", "p Fout @Z9")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "regel 2: Vak 'Z9' ligt niet op de kaart" in result.output
    conn = sqlite3.connect(tmp_path / "x.wijk")
    assert conn.execute("SELECT count(*) FROM place").fetchone()[0] == 0


def test_capture_reads_stdin(run) -> None:
    run("new", "x.wijk", "--name", "X")
    result = run("capture", "x.wijk", "-", input="p Een\n# a comment\n\nJan -> Piet\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("opgeslagen") == 2


def test_new_in_english_and_its_messages(run) -> None:
    run("new", "e.wijk", "--name", "E", "--lang", "en", "--grid", "4x3")
    result = run("capture", "e.wijk", "p Park @E1")
    assert result.exit_code == 1
    assert "Cell 'E1' is not on the map: choose A1 to D3." in result.output


@pytest.mark.parametrize("grid", ["0x6", "27x2", "8by6", "8x100"])
def test_new_refuses_bad_grids(run, grid: str) -> None:
    result = run("new", "g.wijk", "--name", "G", "--grid", grid)
    assert result.exit_code == 1 and "8x6" in result.output
    assert not Path("g.wijk").exists()


def test_undo_redo_commands(run) -> None:
    run("new", "x.wijk", "--name", "X")
    run("capture", "x.wijk", "p Een", "p Twee")
    assert "p Twee" in run("undo", "x.wijk").output
    assert run("redo", "x.wijk").exit_code == 0
    run("undo", "x.wijk")
    run("undo", "x.wijk")
    result = run("undo", "x.wijk")
    assert result.exit_code == 1 and "Niets om ongedaan te maken." in result.output


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "not a neighbourhood file"), (b"x" * 500, "not a neighbourhood file")],
)
def test_foreign_files_are_refused_untouched(
    run, tmp_path: Path, content: bytes, words: str
) -> None:
    (tmp_path / "bad.wijk").write_bytes(content)
    for args in (["capture", "bad.wijk", "p X"], ["export", "bad.wijk", "--format", "json"]):
        result = run(*args)
        assert result.exit_code == 1
        assert "Traceback" not in result.output
    assert (tmp_path / "bad.wijk").read_bytes() == content


def test_check_reports_sound_and_damaged_files(run, tmp_path: Path) -> None:
    run("new", "x.wijk", "--name", "X")
    run("capture", "x.wijk", *[f"p Plek {i}" for i in range(200)])
    result = run("check", "x.wijk")
    assert result.exit_code == 0 and "integrity check: ok" in result.output
    data = (tmp_path / "x.wijk").read_bytes()
    (tmp_path / "cut.wijk").write_bytes(data[: len(data) - 8192])
    result = run("check", "cut.wijk")
    assert result.exit_code == 1 and "truncated" in result.output
    (tmp_path / "more.wijk").write_bytes(data + b"garbage" * 100)
    result = run("check", "more.wijk")
    assert result.exit_code == 1 and "appended" in result.output


def test_demo_builds_the_bundled_neighbourhood(run, tmp_path: Path) -> None:
    result = run("demo", "--no-tui")
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(tmp_path / "kersenbuurt.wijk")
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("place", "initiative", "actor", "tie", "participant", "note")
    }
    assert counts["place"] >= 20 and counts["initiative"] >= 10 and counts["actor"] >= 25
    assert counts["tie"] >= 40 and counts["participant"] >= 6 and counts["note"] >= 5
    assert conn.execute("SELECT grid_cols, grid_rows FROM neighbourhood").fetchone() == (8, 6)
    # Running it again opens the same file instead of rebuilding it.
    again = run("demo", "--no-tui")
    assert again.exit_code == 0 and "--fresh" in again.output


def test_export_json_to_stdout_is_only_json(run) -> None:
    run("new", "x.wijk", "--name", "X")
    run(
        "capture",
        "x.wijk",
        "persoon Jan tel:0611 consent:openbaar",
        "persoon Piet tel:0622",
        "Jan -> Piet",
    )
    result = run("export", "x.wijk", "--format", "json", "-o", "-")
    document = json.loads(result.output)
    people = {a["name"]: a["tel"] for a in document["actor"]}
    assert people["Jan"] == "0611"
    assert "Piet" not in people and None in people.values()  # internal consent: pseudonym
    assert "history" not in document


def test_the_console_script_runs(tmp_path: Path) -> None:
    env = {**os.environ, "WORKSHOP_LANG": "en"}
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "new", str(tmp_path / "s.wijk"), "--name", "S"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "capture", str(tmp_path / "s.wijk"), "p x @Q1"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("workshop: ") and "Traceback" not in result.stderr

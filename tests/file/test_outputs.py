"""What the program wrote where: exports, printouts and backups are recorded in the file, and
`forget` names those that may still hold the person and offers to delete them."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file import outputs
from workshop.file.store import Store
from workshop.tui import jobs

LINES = [
    'persoon "Jan Jansen" tel:0612345678 consent:public',
    'i Moestuin +"Jan Jansen" wat:"Jan Jansen trekt het"',
]


@pytest.fixture
def wijk(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    with Store.create(tmp_path / "k.wijk", name="Kersenbuurt") as store:
        record(store, LINES)
    return tmp_path / "k.wijk"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, [*args], input=input)


def logged(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT path, kind, audience, anonymised FROM output_file ORDER BY path"
    ).fetchall()
    conn.close()
    return rows


def test_exports_printouts_and_backups_are_recorded(wijk: Path, tmp_path: Path) -> None:
    assert run("export", "k.wijk", "--format", "json").exit_code == 0
    assert run("export", "k.wijk", "--format", "kumu", "--anonymise").exit_code == 0
    assert run("export", "k.wijk", "--format", "json", "-o", "-").exit_code == 0  # stdout
    result = run("print", "cards", "k.wijk", "-o", "kaarten.pdf")
    assert result.exit_code == 0, result.output
    assert run("backup", "k.wijk", "--to", "usb").exit_code == 0
    assert run("backup", "k.wijk").exit_code == 0  # FILE.backups/ is always looked at
    root = str(tmp_path.resolve())
    assert logged(wijk) == [
        (f"{root}/exports/k-kumu/connections.csv", "kumu", "export", 1),
        (f"{root}/exports/k-kumu/elements.csv", "kumu", "export", 1),
        (f"{root}/exports/k.json", "json", "export", 0),
        (f"{root}/kaarten.pdf", "cards", "print", 0),
        (f"{root}/usb", "backups", "internal", 0),
    ]
    assert run("export", "k.wijk", "--format", "json", "--anonymise").exit_code == 0
    assert (f"{root}/exports/k.json", "json", "export", 1) in logged(wijk)  # written again
    assert len(logged(wijk)) == 5


def test_the_tuis_jobs_record_what_they_write(wijk: Path, tmp_path: Path) -> None:
    done = jobs.export(wijk, "csv", True)
    printed = jobs.print_out(wijk, "cards")
    rows = logged(wijk)
    assert {(Path(p), kind, audience, anonymised) for p, kind, audience, anonymised in rows} == {
        *((p.resolve(), "csv", "export", 1) for p in done.paths),
        (printed.paths[0].resolve(), "cards", "print", 0),
    }


def test_the_tuis_backups_to_a_folder_of_choice_are_recorded(wijk: Path, tmp_path: Path) -> None:
    jobs.make_backup(wijk, tmp_path / "stick")
    jobs.make_backup(wijk, tmp_path / "stick")  # recorded once
    jobs.make_backup(wijk)  # FILE.backups/: always looked at, not recorded
    assert logged(wijk) == [(str((tmp_path / "stick").resolve()), "backups", "internal", 0)]
    result = run("forget", "k.wijk", "Jan Jansen", "--yes")
    assert result.exit_code == 0, result.output
    for copy in [*(tmp_path / "stick").glob("*.wijk"), *(tmp_path / "k.wijk.backups").glob("*")]:
        assert b"Jansen" not in copy.read_bytes(), copy


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_file_is_exported_without_a_record(wijk: Path) -> None:
    os.chmod(wijk, 0o444)
    try:
        with Store.open(wijk, readonly=True) as store:
            assert outputs.record(store, "x.json", kind="json", audience="export") is False
    finally:
        os.chmod(wijk, 0o600)
    assert logged(wijk) == []


def test_an_export_never_fails_for_its_record(wijk: Path, tmp_path: Path, monkeypatch) -> None:
    def refuse(path):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(outputs.files, "connect", refuse)
    result = run("export", "k.wijk", "--format", "json")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "exports" / "k.json").exists()
    assert logged(wijk) == []


def test_forget_names_the_files_and_deletes_them_on_request(wijk: Path, tmp_path: Path) -> None:
    early = tmp_path / "early.json"
    early.write_text("{}")
    with Store.open(wijk) as store:  # written before Jan came into the file
        outputs.record(store, early, kind="json", audience="export")
        store.conn.execute("UPDATE output_file SET updated = '2000-01-01T00:00:00.000Z'")
    run("export", "k.wijk", "--format", "csv")
    run("print", "cards", "k.wijk")
    run("backup", "k.wijk", "--to", "usb")
    result = run("forget", "k.wijk", "Jan Jansen", "--dry-run")
    assert "Eerder door workshop geschreven bestanden die Jan Jansen nog kunnen bevatten" in (
        result.output
    )
    assert "exports/k-csv/ (13 bestanden: csv, export" in result.output
    assert "printouts/k-kaarten.pdf (cards, print" in result.output
    assert "usb (map met reservekopieën" in result.output
    assert "early.json" not in result.output
    copy = next((tmp_path / "usb").glob("*.wijk"))
    result = run("forget", "k.wijk", "Jan Jansen", "--yes")
    assert result.exit_code == 0, result.output
    assert "--delete-outputs" in result.output
    assert (tmp_path / "printouts" / "k-kaarten.pdf").exists()
    assert b"Jansen" not in copy.read_bytes()  # the copy on the stick is forgotten too
    with Store.open(wijk) as store:
        plan_files = [w.path for w in outputs.known(store)]
    assert len(plan_files) == 16


def test_delete_outputs_deletes_them(wijk: Path, tmp_path: Path) -> None:
    run("export", "k.wijk", "--format", "json")
    run("print", "cards", "k.wijk")
    result = run("forget", "k.wijk", "Jan Jansen", "--yes", "--delete-outputs")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "exports" / "k.json").exists()
    assert not (tmp_path / "printouts" / "k-kaarten.pdf").exists()
    assert "verwijderd: " + str((tmp_path / "exports" / "k.json").resolve()) in result.output
    assert logged(wijk) == []


@pytest.mark.parametrize("answer, kept", [("y\ny\n", False), ("y\nn\n", True)])
def test_a_second_question_at_the_terminal(
    wijk: Path, tmp_path: Path, monkeypatch, answer: str, kept: bool
) -> None:
    monkeypatch.setattr("workshop.cli.trust._interactive", lambda: True)
    run("export", "k.wijk", "--format", "json")
    result = run("forget", "k.wijk", "Jan Jansen", input=answer)
    assert result.exit_code == 0, result.output
    assert "Deze bestanden nu verwijderen?" in result.output
    assert (tmp_path / "exports" / "k.json").exists() == kept


def test_a_path_that_names_the_person_goes_from_the_record(wijk: Path, tmp_path: Path) -> None:
    run("print", "cards", "k.wijk", "-o", "kaarten-jan-jansen.pdf")
    run("forget", "k.wijk", "Jan Jansen", "--yes")
    assert logged(wijk) == []
    assert b"jansen" not in wijk.read_bytes().lower()


def test_a_path_under_a_file_names_the_file_not_file_exists(tmp_path: Path) -> None:
    """`-o d.wijk/site.db`: the system says "File exists" or "Not a directory" (in English,
    inside a Dutch line); the message names the file that stands where a folder should."""
    path = tmp_path / "d.wijk"
    Store.create(path, name="D").close()
    runner = CliRunner()
    for args in (
        ["publish", str(path), "-o", str(path / "site.db")],
        ["export", str(path), "--format", "csv", "-o", str(path / "x")],
        ["export", str(path), "--format", "geojson", "-o", str(path / "x.geojson")],
        ["new", str(path / "n.wijk"), "--name", "N"],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1, (args, result.output)
        assert f"{path} is een bestand, geen map" in result.output, result.output
        assert "File exists" not in result.output and "Not a directory" not in result.output

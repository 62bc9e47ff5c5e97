"""Every write goes through the writer (issue 9, item 4: "one write path in fact").

Not a grep: every connection the program opens to a file carries SQLite's trace callback,
which sees each statement as SQLite runs it, whoever sent it. Each statement that changes the
file (INSERT, UPDATE, DELETE, REPLACE, DDL, VACUUM, REINDEX, transaction control) must run while
a `Writer.transaction` is open, and each transaction must end in the writer's one commit point.
Then each kind of write the program has is done as a user does it: a new file, captures (a
session line, a card number, a batch whose later line creates what an earlier names), form
edits and deletes, naming a session, undo and redo, the sounding board, exports (which record
the files they wrote), CSV, Kumu and OpenStreetMap imports, a merge, a backup and an erasure.
The file's schema migrations are not part of this (the spy sets their statements apart): they
build or upgrade the tables before a store exists, in sqlite-utils' own transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.printing.osmdata import write_osm
from workshop.analysis import board
from workshop.capture import edit
from workshop.cli import cli
from workshop.file import access, schema
from workshop.file.store import Store
from workshop.file.writer import Writer

CHANGES = (
    "INSERT",
    "UPDATE",
    "DELETE",
    "REPLACE",
    "CREATE",
    "DROP",
    "ALTER",
    "VACUUM",
    "REINDEX",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT",
    "RELEASE",
)


class Spy:
    """What ran where: statements that change a file outside the writer, and commits."""

    def __init__(self) -> None:
        self.open = 0  # writer transactions running
        self.migrating = False
        self.inside: list[str] = []
        self.outside: list[str] = []
        self.commits = 0

    def trace(self, sql: str) -> None:
        words = sql.lstrip().split(None, 1)
        if not words or sql.lstrip().startswith("--"):  # a trigger's own line
            return
        if words[0].upper() in CHANGES and not self.migrating:
            (self.inside if self.open else self.outside).append(" ".join(sql.split())[:90])


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Iterator[Spy]:
    spy = Spy()
    connect, open_readonly = access.connect, access.open_readonly

    def traced(path: Path) -> sqlite3.Connection:
        conn = connect(path)
        conn.set_trace_callback(spy.trace)
        return conn

    def traced_readonly(path: Path, **kwargs) -> tuple[sqlite3.Connection, object]:
        conn, why = open_readonly(path, **kwargs)
        conn.set_trace_callback(spy.trace)
        return conn, why

    transaction, commit = Writer.transaction.__func__, Writer._commit  # type: ignore[attr-defined]

    @contextmanager
    def watched(cls, file, **kwargs):
        spy.open += 1
        try:
            with transaction(cls, file, **kwargs) as writer:
                yield writer
        finally:
            spy.open -= 1

    def counted(self) -> None:
        commit(self)
        spy.commits += 1

    migrate = schema.migrate

    def migrating(conn: sqlite3.Connection, *args, **kwargs) -> None:
        spy.migrating = True
        try:
            migrate(conn, *args, **kwargs)
        finally:
            spy.migrating = False

    monkeypatch.setattr(schema, "migrate", migrating)
    monkeypatch.setattr(access, "connect", traced)
    monkeypatch.setattr(access, "open_readonly", traced_readonly)
    monkeypatch.setattr(Writer, "transaction", classmethod(watched))
    monkeypatch.setattr(Writer, "_commit", counted)
    yield spy


def run(*args: object) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_spy_sees_a_write_that_goes_around_the_writer(spy: Spy, tmp_path: Path) -> None:
    """The check can fail: a statement sent past the writer is caught."""
    store = Store.create(tmp_path / "w.wijk", name="Wijk")
    store.conn.execute("UPDATE neighbourhood SET next_card = 7")
    store.close()
    assert spy.outside == ["UPDATE neighbourhood SET next_card = 7"]


def test_every_kind_of_write_goes_through_the_writer(spy: Spy, tmp_path: Path) -> None:
    path, other = tmp_path / "wijk.wijk", tmp_path / "tafel2.wijk"
    done: dict[str, int] = {}

    def step(name: str) -> None:
        assert spy.inside, f"{name}: nothing was written"
        assert spy.outside == [], f"{name} wrote outside the writer: {spy.outside}"
        assert spy.commits, f"{name}: no commit through the writer"
        done[name] = len(spy.inside)
        spy.inside.clear()
        spy.commits = 0

    run("new", path, "--name", "Kersenbuurt")
    step("new file")
    run(
        "capture",
        path,
        "sessie locatie:Bieb tafel:1",
        'Dokter de Vries -> "Buurthuis De Bron" #ontmoet',
        'p "Buurthuis De Bron" #buurthuis @C4 "fijne plek"',
        'i "Soep op zondag" #sociaal +"Bas Jansen" kaart:12',
        "i Repair Café #sociaal",
        "deelnemer Fatma",
        'n "Meer bankjes" ~"Buurthuis De Bron"',
    )
    step("captures")
    with Store.open(path) as store:
        place = store.find("place", "Buurthuis De Bron")[0]
        edit.save(store, "place", {"description": "aan het plein"}, place["id"])
        created = edit.save(store, "initiative", {"name": "Klusbus", "theme": "social"})
        step("form edits")
        edit.delete(store, "initiative", created["id"])
        step("form delete")
        edit.name_session(store, store.rows("session")[0]["id"], {"facilitator": "Els"})
        step("naming a session")
        assert store.undo() is not None and store.redo() is not None
        step("undo and redo")
        store.use_session("2026-10-08", "Buurthuis", "2")
        step("a chosen session")
        board.set_dimension(store, "fiets", "ja, nee")
        step("the sounding board")
    run("export", path, "--format", "csv", "-o", tmp_path / "csv")
    run("export", path, "--format", "kumu", "-o", tmp_path / "kumu")
    step("exports recorded")
    run("new", other, "--name", "Kersenbuurt")
    run("import", other, "--csv", "all", tmp_path / "csv")
    step("csv import")
    run(
        "import", other, "--kumu", tmp_path / "kumu/elements.csv", tmp_path / "kumu/connections.csv"
    )
    step("kumu import")
    run("import", other, "--osm", write_osm(tmp_path / "wijk.osm"), "--places")
    step("osm import")
    run("capture", other, 'i "Zonnedak" #opwek kaart:30', "persoon Henk")
    run("merge", path, other)
    step("merge")
    run("backup", path, "--to", tmp_path / "stick")
    step("backup")  # the file notes the folder that holds a copy (forget looks there)
    run("forget", path, "Bas Jansen", "--yes")
    step("erasure")
    assert set(done) >= {"captures", "merge", "erasure", "csv import", "kumu import"}


def test_a_failed_write_leaves_no_statement_outside_the_writer(spy: Spy, tmp_path: Path) -> None:
    store = Store.create(tmp_path / "w.wijk", name="Wijk")
    with pytest.raises(RuntimeError), store.write(logged=False) as w:
        w.insert("place", {"name": "Plein"})
        raise RuntimeError("a bug halfway")
    assert store.count("place") == 0 and spy.outside == []
    store.close()

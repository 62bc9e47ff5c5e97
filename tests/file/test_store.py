"""The file: created private, durable across reopening, undo and redo, migrations, refusals."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from workshop.capture.grammar import parse
from workshop.capture.record import near_duplicate_notices, record
from workshop.file import access as files
from workshop.file import schema
from workshop.file.store import Store
from workshop.i18n import UserError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_private_and_ours(tmp_path: Path) -> None:
    path = tmp_path / "a.wijk"
    Store.create(path, name="Austerlitz", municipality="Zeist").close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
    assert names == {"0001_core", "0002_history"} | names  # every migration is recorded
    assert len(names) == schema.LATEST_VERSION


def test_captures_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "a.wijk"
    store = Store.create(path, name="A")
    record(store, ['p "Buurthuis De Bron" #buurthuis @C4', "Jan -> Piet #kent"])
    # A second connection (another process) sees the committed rows before we close.
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM place").fetchone()[0] == 1
    other.close()
    store.close()
    with Store.open(path) as again:
        assert again.find("place", "buurthuis de bron")[0]["cell"] == "C4"
        assert again.count("tie") == 1
        assert again.count("actor") == 2


def test_every_record_has_uuid_stamps_and_session(store: Store) -> None:
    record(store, ["p Plek", "i Initiatief +Jan", "n Notitie ~Plek"])
    session = store.rows("session")[0]
    for table in ("place", "initiative", "actor", "actor_initiative", "note"):
        for row in store.rows(table):
            assert len(row["id"]) == 36 and row["id"].count("-") == 4
            assert row["created"].endswith("Z") and row["updated"] >= row["created"]
            assert row["session_id"] == session["id"]


def test_undo_and_redo(store: Store) -> None:
    record(store, ["p Eerste", "p Tweede #park", "p tweede #gewaardeerd"])
    assert store.find("place", "Tweede")[0]["sentiment"] == "valued"
    entry = store.undo()
    assert entry["line"] == "p tweede #gewaardeerd"
    assert store.find("place", "Tweede")[0]["sentiment"] is None
    store.undo()
    assert store.find("place", "Tweede") == []
    assert store.redo()["line"] == "p Tweede #park"
    assert store.find("place", "Tweede")[0]["kind"] == "park"
    # A new capture makes the undone one unredoable.
    record(store, ["p Derde"])
    assert store.redo() is None
    assert [e["line"] for e in store.history()] == ["p Derde", "p Tweede #park", "p Eerste"]


def test_undo_of_a_tie_removes_the_actors_it_created(store: Store) -> None:
    record(store, ["persoon Jan", "Jan -> Piet #kent"])
    store.undo()
    assert store.count("tie") == 0
    assert [a["name"] for a in store.rows("actor")] == ["Jan"]


def test_refused_batch_writes_nothing(store: Store) -> None:
    with pytest.raises(UserError) as info:
        record(store, ["p Goed", "p Fout @Z9"])
    assert info.value.key == "in_line" and info.value.params["number"] == 2
    assert store.count("place") == 0
    with pytest.raises(UserError):
        record(store, ["p Goed", "n over ~Niemand"])
    assert store.count("place") == 0 and store.count("history") == 0


def _file_of_previous_schema(path: Path) -> None:
    """A file as the schema before the latest made it, with data in it."""
    files.create_private(path)
    conn = files.connect(path)
    schema.migrate(conn, stop_before=schema.MIGRATIONS._migrations[-1].name)
    conn.execute(
        "INSERT INTO neighbourhood (id, name, lang, grid_cols, grid_rows, created, "
        "updated) VALUES ('n1', 'Oud', 'nl', 8, 6, 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO session (id, date, created, updated) VALUES ('s1', '2026-01-01', 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO place (id, name, norm, created, updated, session_id) VALUES "
        "('p1', 'Oude Plek', 'oude plek', 'x', 'x', 's1')"
    )
    conn.close()


def test_migrates_a_file_of_the_previous_schema_and_keeps_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "oud.wijk"
    _file_of_previous_schema(path)
    before = digest(path)
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
        assert store.find("place", "Oude plek")[0]["id"] == "p1"
        record(store, ["p Nieuwe plek"])
        store.undo()
        assert store.count("place") == 1
    copies = list(files.backups_dir(path).glob("before-schema-*.wijk"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION - 1
    assert digest(path) != before


def test_readonly_open_of_an_old_file_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "oud.wijk"
    _file_of_previous_schema(path)
    before = digest(path)
    with Store.open(path, readonly=True) as store:
        assert store.count("place") == 1
        assert store.count("history") == 0
        with pytest.raises(UserError):
            record(store, ["p X"])
    assert digest(path) == before


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"", "file_not_sqlite"),
        (b"hello, this is not a database\n" * 10, "file_not_sqlite"),
        (b"SQLite format 3\x00" + b"\x00" * 10, "file_not_sqlite"),
    ],
)
def test_refuses_files_that_are_not_sqlite(tmp_path: Path, content: bytes, key: str) -> None:
    path = tmp_path / "x.wijk"
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        Store.open(path)
    assert info.value.key == key
    assert path.read_bytes() == content


def test_refuses_sqlite_files_of_others_without_touching_them(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = digest(path)
    with pytest.raises(UserError) as info:
        Store.open(path)
    assert info.value.key == "file_not_ours"
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_refuses_a_file_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "new.wijk"
    Store.create(path, name="A").close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    before = digest(path)
    with pytest.raises(UserError) as info:
        Store.open(path)
    assert info.value.key == "file_newer"
    assert digest(path) == before


def test_refuses_a_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "t.wijk"
    store = Store.create(path, name="A")
    record(store, [f"p Plek {i}" for i in range(300)])
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError) as info:
        Store.open(path)
    assert info.value.key == "file_damaged"
    assert len(path.read_bytes()) == len(data) // 2


def test_missing_file_and_existing_target(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        Store.open(tmp_path / "nope.wijk")
    assert info.value.key == "file_missing"
    Store.create(tmp_path / "a.wijk", name="A").close()
    with pytest.raises(UserError) as info:
        Store.create(tmp_path / "a.wijk", name="B")
    assert info.value.key == "file_exists"


def test_locked_file_gives_a_message(tmp_path: Path) -> None:
    path = tmp_path / "a.wijk"
    Store.create(path, name="A").close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    files_timeout = files.BUSY_TIMEOUT_MS
    files.BUSY_TIMEOUT_MS = 50
    try:
        with pytest.raises(UserError) as info:
            store = Store.open(path)
            record(store, ["p X"])
        assert info.value.key == "file_locked"
    finally:
        files.BUSY_TIMEOUT_MS = files_timeout
        holder.execute("ROLLBACK")
        holder.close()


def test_name_matching_ignores_case_accents_and_ligatures(store: Store) -> None:
    record(store, ['org "Energiecoöperatie \'t Hoekje"', "persoon Ĳsbrand Kooĳman"])
    assert store.find("actor", "ENERGIECOOPERATIE ’t hoekje")
    assert store.find("actor", "ijsbrand kooijman")
    outcome = record(store, ["a energiecooperatie 't hoekje !4"])[0]
    assert not outcome.created and store.count("actor") == 2
    assert store.find("actor", "Energiecoöperatie 't Hoekje")[0]["influence"] == 4


def test_near_duplicates_are_reported(store: Store) -> None:
    record(store, ['p "Buurthuis De Bron" #buurthuis'])
    notices = near_duplicate_notices(store, parse('p "Buurthuis de Bronn"', store.context()))
    assert notices == ["Let op: 'Buurthuis de Bronn' lijkt op 'Buurthuis De Bron' dat er al staat."]
    record(store, ['p "Buurthuis de Bronn"'])
    assert [r["name"] for r in store.similar("place", "Buurthuis Bron")] == [
        "Buurthuis De Bron",
        "Buurthuis de Bronn",
    ]
    assert store.complete("buurth") == [
        ("place", "Buurthuis De Bron"),
        ("place", "Buurthuis de Bronn"),
    ]


def test_name_index_follows_own_writes_undo_and_other_connections(store: Store) -> None:
    record(store, ["persoon Jansen"])
    assert store.similar("actor", "Janssen")  # loads the index
    record(store, ["persoon Pietersen"])
    assert [r["name"] for r in store.similar("actor", "Pieterse")] == ["Pietersen"]
    store.undo()
    assert store.similar("actor", "Pieterse") == []
    other = Store.open(store.path)
    record(other, ["persoon Klaassen"])
    other.close()
    assert [r["name"] for r in store.similar("actor", "Klaasen")] == ["Klaassen"]


def test_near_duplicates_are_found_among_thousands_by_their_rare_words(store: Store) -> None:
    """The blocking index scores a few candidates, not every name, and still finds typos."""
    from rapidfuzz import fuzz

    from workshop.file.similar import SimilarIndex
    from workshop.text import normalise

    with store.write() as w:
        for i in range(3000):
            w.insert("place", {"name": f"Buurthuis {i:04d}"})
        for name in ("Buurthuis De Kuil", "Basisschool De Regenboog", "Wijkcentrum Oost"):
            w.insert("place", {"name": name})
    for typed, meant in [
        ("Buurthuis de Kuijl", "Buurthuis De Kuil"),
        ("Buurthuis De Kuyl", "Buurthuis De Kuil"),
        ("Basischool De Regenboog", "Basisschool De Regenboog"),
        ("Basisschool DeRegenboog", "Basisschool De Regenboog"),
        ("Wijkcentrum West", "Wijkcentrum Oost"),
    ]:
        assert meant in [r["name"] for r in store.similar("place", typed)], typed
    index = SimilarIndex(store.caches.names("place"))
    assert len(index.candidates(normalise("Buurthuis de Kuijl"))) < 200
    found = [
        store.caches.names("place")[i][0]
        for i, _ in index.search(normalise("Buurthuis 1234x"), 85, 50)
    ]
    assert found and all(fuzz.ratio(normalise(n), "buurthuis 1234x") >= 85 for n in found)

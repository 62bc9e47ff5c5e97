"""The store's one cache (`FileCaches`) holds while the file is ours and lets go as soon as
another connection commits (`PRAGMA data_version`): names and near-duplicates, the board's
dimensions, the grammar's context, and the facts the writer checked (our session exists, no
undone entry waits to be redone)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from workshop.analysis import board
from workshop.capture.record import record
from workshop.file.handle import FileCaches
from workshop.file.store import Store


def test_the_store_keeps_everything_it_remembers_in_one_cache(store: Store) -> None:
    record(store, ["p Buurthuis De Kuil"])
    store.similar("place", "Buurthuis de Kuijl")
    store.context()
    assert isinstance(store.caches, FileCaches)
    assert set(vars(store)) == {"file"}  # no cached field of its own beside the open file


def test_another_process_writing_makes_every_cache_let_go(store: Store) -> None:
    record(store, ["p Buurthuis De Kuil", "persoon Jansen"])
    assert store.similar("place", "Buurthuis de Kuijl")
    assert store.context().lang == "nl" and len(store.dimensions()) == 3
    script = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute(\"UPDATE neighbourhood SET lang = 'en'\")\n"
        "c.execute(\"UPDATE place SET name = 'Wijkcentrum Oost', norm = 'wijkcentrum oost'\")\n"
        'c.execute("DELETE FROM board_dimension WHERE key = (SELECT min(key) FROM board_dimension)")\n'  # noqa: E501
        "c.commit()\n"
    )
    subprocess.run([sys.executable, "-c", script, str(store.path)], check=True)
    assert store.context().lang == "en"
    assert len(store.dimensions()) == 2
    assert store.similar("place", "Buurthuis de Kuijl") == []
    assert [r["name"] for r in store.similar("place", "Wijkcentrum Oostt")] == ["Wijkcentrum Oost"]
    assert list(store.names("place").values()) == ["Wijkcentrum Oost"]


def test_our_own_writes_patch_the_caches_without_reloading(store: Store) -> None:
    record(store, ["p Buurthuis De Kuil"])
    names = store.caches.names("place")
    similar = store.caches.similar("place")
    record(store, ["p Speeltuin Merel"])
    assert store.caches.names("place") is names and store.caches.similar("place") is similar
    assert ("Speeltuin Merel", "speeltuin merel") in names.values()
    board.set_dimension(store, "fiets", "ja, nee")  # a setting: what is built from it goes
    assert "fiets" in [d.key for d in store.dimensions()]


def test_a_session_another_connection_removed_is_not_trusted(store: Store) -> None:
    record(store, ["p Plein"])  # today's session, and the fact that it exists
    other = sqlite3.connect(store.path)
    other.execute("PRAGMA foreign_keys = ON")
    other.execute("DELETE FROM place")
    other.execute("DELETE FROM history")
    other.execute("DELETE FROM session")
    other.commit()
    other.close()
    record(store, ["p Markt"])  # a new session, not a reference to the one that is gone
    session = store.rows("session")
    assert len(session) == 1 and store.rows("place")[0]["session_id"] == session[0]["id"]
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_no_redo_after_a_capture_even_when_another_store_undid(
    store: Store, tmp_path: Path
) -> None:
    record(store, ["p Plein"])  # our writer now knows: nothing waits to be redone
    with Store.open(store.path) as other:
        record(other, ["p Markt"])
        assert other.undo() is not None  # an undone entry, made by another connection
    record(store, ["p Kiosk"])  # a new capture: the undone one can no longer be redone
    assert store.redo() is None
    assert not store.find("place", "Markt")

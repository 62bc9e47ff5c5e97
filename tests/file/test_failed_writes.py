"""A failed write leaves the store usable (issue 14: after a disk-full failure of a write that
started a session, every later capture was refused with "FOREIGN KEY constraint failed" until
restart). The session state and every cached fact roll back with the transaction.

Two ways to make the write fail: a connection that fails COMMIT the way SQLite does on a full
disk (it rolls the transaction back by itself, then reports the error), and a real 2 MB tmpfs
filled to the brim (only where this process may mount: root in a container; skipped else)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from workshop.capture.record import record
from workshop.file.store import Store


class FullDisk:
    """The store's connection, failing the next COMMIT as SQLite does on SQLITE_FULL."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.fail_next_commit = False

    def execute(self, sql: str, *args):
        if sql == "COMMIT" and self.fail_next_commit:
            self.fail_next_commit = False
            self.conn.execute("ROLLBACK")  # SQLite's own rollback after a full disk
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


def test_a_write_that_started_a_session_fails_and_the_next_capture_works(store: Store) -> None:
    disk = FullDisk(store.conn)
    store.conn = disk  # type: ignore[assignment]
    disk.fail_next_commit = True
    with pytest.raises(sqlite3.OperationalError):
        record(store, ["p Plein"])  # the first capture: it starts today's session
    assert store.count("session") == 0 and store.count("place") == 0
    assert store.session_id is None
    record(store, ["p Plein", "i Soep +Jan"])  # no "FOREIGN KEY constraint failed"
    session = store.rows("session")
    assert len(session) == 1
    assert {p["session_id"] for p in store.rows("place")} == {session[0]["id"]}
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failed_session_line_and_a_failed_undo_leave_the_store_usable(store: Store) -> None:
    record(store, ["p Plein"])
    disk = FullDisk(store.conn)
    store.conn = disk  # type: ignore[assignment]
    disk.fail_next_commit = True
    with pytest.raises(sqlite3.OperationalError):
        record(store, ["sessie 2026-10-08 locatie:Bieb tafel:3", "p Bieb"])
    record(store, ["p Markt"])
    assert store.count("session") == 1
    disk.fail_next_commit = True
    with pytest.raises(sqlite3.OperationalError):
        store.undo()
    assert store.find("place", "Markt")  # the undo did not happen
    assert store.undo() is not None and not store.find("place", "Markt")
    assert store.redo() is not None and store.find("place", "Markt")
    record(store, ["p Kiosk"])
    assert store.names("place") and "Kiosk" in store.names("place").values()


def test_names_cached_during_a_failed_write_are_not_kept(store: Store) -> None:
    store.names("place")  # load the name index
    disk = FullDisk(store.conn)
    store.conn = disk  # type: ignore[assignment]
    disk.fail_next_commit = True
    with pytest.raises(sqlite3.OperationalError):
        record(store, ["p Plein"])
    assert "Plein" not in store.names("place").values()
    assert store.similar("place", "Pleinn") == []


@pytest.fixture
def small_disk(tmp_path: Path):
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"mount not allowed here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_during_capture_costs_nothing(small_disk: Path) -> None:
    path = small_disk / "wijk.wijk"
    store = Store.create(path, name="Wijk")
    filler = small_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as out:
        while True:  # fill the disk to the last byte
            out.write(b"\0" * 4096)
            out.flush()
    saved, failures = [], 0
    for i in range(200):
        line = f'p "Plek {i}" wat:"{"x" * 2000}"'
        try:
            record(store, [line])
            saved.append(f"Plek {i}")
        except sqlite3.Error:
            failures += 1
            if failures >= 3:
                break
    assert failures, "the disk never filled"
    filler.unlink()
    record(store, ["p Na de volle schijf", "i Soep +Jan"])  # the store goes on
    names = set(store.names("place").values())
    assert set(saved) | {"Na de volle schijf"} <= names
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    store.close()
    with Store.open(path, readonly=True) as again:
        assert set(saved) | {"Na de volle schijf"} <= set(again.names("place").values())

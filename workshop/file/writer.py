"""The one write path: every change to a neighbourhood file is made by a `Writer`, inside the
one transaction it opens and commits (`Writer.transaction`, reached as `Store.write()`).

    with store.write() as w:                      # BEGIN IMMEDIATE ... COMMIT
        with w.entry("p Buurthuis #buurthuis"):   # one undoable step
            w.insert("place", {"name": "Buurthuis"})

A logged writer (the default) records every change made inside an `entry` with the row before
and after: that is what undo and redo replay. An unlogged writer (`logged=False`) can make no
entry: for changes that undo must never bring back or take away (erasing a person, the undo
itself, a new file's first rows). Some changes are never logged, in either mode: the session
captures go into (`workshop.file.sessions`) and the card counter (`take_card_number`): a card
number once handed out stays taken, even when the capture that took it is undone.

Every statement that changes the file is run by `_run` and made durable by `_commit`, the one
commit point. The writer knows the file through `OpenFile` only (connection, lock, session,
caches), never through the `Store`.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from workshop.file import access as files
from workshop.file.erasure import Erasure
from workshop.file.handle import SETTINGS_TABLES, OpenFile
from workshop.file.rows import decode_row, encode, new_id, now
from workshop.file.schema import FIELD_TIME_SKIP
from workshop.file.sessions import SessionWrites
from workshop.i18n import UserError
from workshop.model import NAMED_TABLES
from workshop.text import normalise

_CACHED = frozenset(NAMED_TABLES) | frozenset(SETTINGS_TABLES)
_BATCH = 500  # ids in one `IN (...)`: below SQLite's limit on parameters
# Where a record's coordinates came from (`located`, places and initiatives): set by whoever
# sets them ('scan' by `workshop scan`); any other change of these fields clears it, here in
# the one write path, so the capture line, the forms, imports and merges need not know.
COORDINATES = frozenset({"lat", "lon"})


class Writer(SessionWrites, Erasure):
    """Inserts, updates and deletes inside one transaction. Changes made inside
    `entry(line)` are logged as one undoable step (in a logged writer)."""

    def __init__(self, file: OpenFile, *, logged: bool = True):
        self.file = file
        self.logged = logged
        self.entries: list[tuple[str | None, list[dict]]] = []
        self._changes: list[dict] | None = None
        self.touched: list[tuple[str, str, dict | None]] = []  # for the caches, after commit
        self._reload = False  # the caches are rebuilt after the commit (undo, redo, erasure)
        self._wipe = False  # free pages and the WAL are wiped after the commit (erasure)

    # --- the transaction -------------------------------------------------------------------

    @classmethod
    @contextmanager
    def transaction(cls, file: OpenFile, *, logged: bool = True) -> Iterator[Writer]:
        """One transaction (`BEGIN IMMEDIATE` ... `COMMIT`, WAL, synchronous=FULL): when it
        returns, the change is on disk. A failure rolls back the file and every fact
        remembered about it."""
        if file.readonly:
            raise UserError("file_readonly", path=str(file.path))
        with file.lock:
            try:
                file.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise files.sqlite_error(file.path, exc) from None
            writer = cls(file, logged=logged)
            saved = writer._state()
            try:
                file.caches.current()  # what another connection committed makes facts stale
                yield writer
                writer._log_history()
                writer._commit()
            except BaseException:
                writer._abandon(saved)
                raise
            if writer._reload:
                file.caches.forget()
            else:
                file.caches.patch(writer.touched)  # only after the commit
            if writer._wipe:
                writer._wipe_free_pages()

    def _commit(self) -> None:
        """The one commit point of the program."""
        self.file.conn.execute("COMMIT")

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Every statement that changes the file."""
        return self.file.conn.execute(sql, params)

    def _state(self) -> tuple:
        """What is believed about the file, to be put back when a write fails."""
        return (self.file.session_id, set(self.file.caches.facts))

    def _abandon(self, saved: tuple) -> None:
        """A failed write: undo it in the file and in every fact cached about the file.
        SQLite may already have rolled back by itself (a full disk, an I/O error)."""
        conn = self.file.conn
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # it rolls back when it can
                conn.execute("ROLLBACK")
        self.file.session_id = saved[0]
        self.file.caches.forget()  # check again, next time

    def savepoint(self) -> tuple:
        """Mark a point inside the transaction to go back to (a batch line whose names a
        later line creates waits for it: see `workshop.capture.record`)."""
        self._run("SAVEPOINT line")
        return (*self._state(), len(self.touched), len(self.entries))

    def release(self) -> None:
        if self.file.conn.in_transaction:  # SQLite may have rolled back by itself (disk full)
            self._run("RELEASE line")

    def rollback_to(self, saved: tuple) -> None:
        self._run("ROLLBACK TO line")
        self._run("RELEASE line")
        session_id, facts, touched, entries = saved
        self.file.session_id = session_id
        self.file.caches.facts.clear()
        self.file.caches.facts.update(facts)
        del self.touched[touched:]
        del self.entries[entries:]

    # --- changes -------------------------------------------------------------------------

    @contextmanager
    def entry(self, line: str | None) -> Iterator[None]:
        if not self.logged:
            raise RuntimeError("an unlogged write makes no undo entry")
        self._changes = []
        try:
            yield
            if self._changes:
                self.entries.append((line, self._changes))
        finally:
            self._changes = None

    def _log(self, table: str, id: str, before: dict | None, after: dict | None) -> None:
        if table in _CACHED:
            self.touched.append((table, id, after))
        if self._changes is not None:
            self._changes.append({"table": table, "id": id, "before": before, "after": after})

    def columns(self, table: str) -> list[str]:
        return self.file.caches.columns(table)

    def stored(self, table: str, values: dict) -> dict:
        """The row as SQLite stores it: the table's defaults, then `values` encoded."""
        return {**self.file.caches.defaults(table), **{k: encode(v) for k, v in values.items()}}

    def insert(self, table: str, values: dict, *, times: dict | None = None) -> dict:
        """A new row; its fields changed when it was created (`field_times` stays empty),
        unless `times` gives them their own (a merge copies the source's)."""
        stamp = now()
        columns = self.columns(table)
        row = {
            "id": new_id(),
            **{k: stamp for k in ("created", "updated") if k in columns},
            **values,
        }
        if "field_times" in columns:
            row["field_times"] = dict(times or {})
        if "session_id" in columns and "session_id" not in values:
            row["session_id"] = self.current_session()
        if "norm" in columns:
            row["norm"] = normalise(row["name"])
        self._insert_row(table, row)
        after = self.stored(table, row)
        self._log(table, row["id"], None, after)
        return decode_row(after)

    def _insert_row(self, table: str, values: dict) -> None:
        """A row as given, unlogged (the writer's own helpers log it when it should be)."""
        cols = list(values)
        unknown = set(cols) - set(self.columns(table))
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        self._run(
            f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
            f"VALUES ({', '.join('?' for _ in cols)})",
            [encode(values[c]) for c in cols],
        )

    def copy_rows(self, table: str, rows: list[dict]) -> None:
        """Rows copied whole from another file of the same neighbourhood (a merge): ids,
        created/updated and field times as they are there, in one statement, each logged
        as an insert. Values are as SQLite stores them (JSON columns as text)."""
        if not rows:
            return
        columns = self.columns(table)
        defaults = self.stored(table, {})
        full = [{c: row[c] if c in row else defaults[c] for c in columns} for row in rows]
        if "norm" in columns:
            for row in full:
                row["norm"] = normalise(row["name"])
        self.file.conn.executemany(
            f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
            f"VALUES ({', '.join('?' for _ in columns)})",
            [list(row.values()) for row in full],
        )
        for row in full:
            self._log(table, row["id"], None, row)

    def update(
        self, table: str, id: str, values: dict, *, touch: bool = True, times: dict | None = None
    ) -> dict:
        """Change fields of a row; each changed field is stamped with the time of the change
        in `field_times`. `touch=False` with `times` keeps the `updated` given in `values`
        and sets the field times given (a merge copies the source's times, so merging twice
        changes nothing)."""
        before = self._row(table, id)
        if before is None:
            raise KeyError(f"{table} {id}")
        after = self._changed(table, before, values, touch, times, now())
        if after is None:
            return decode_row(before)
        self._put(table, id, after)
        self._log(table, id, before, after)
        return decode_row(after)

    def update_many(self, table: str, changes: Sequence[tuple[str, dict]]) -> int:
        """`update` of many rows of one table (id, values), as `update` does each (field
        times, `updated`, logged), read and written in batches: a list's selection of 10,000
        rows is one statement per batch, not two per row. Returns how many rows changed."""
        stamp = now()
        rows: list[tuple[dict, dict]] = []
        for start in range(0, len(changes), _BATCH):
            batch = changes[start : start + _BATCH]
            befores = self._rows(table, [id_ for id_, _ in batch])
            for id_, values in batch:
                before = befores.get(id_)
                if before is None:
                    raise KeyError(f"{table} {id_}")
                after = self._changed(table, before, values, True, None, stamp)
                if after is not None:
                    rows.append((before, after))
                    self._log(table, id_, before, after)
        self._set_many(table, rows)
        return len(rows)

    def _changed(
        self,
        table: str,
        before: dict,
        values: dict,
        touch: bool,
        times: dict | None,
        stamp: str,
    ) -> dict | None:
        """The row after setting `values` (as stored), or None when nothing changes."""
        values = {k: v for k, v in values.items() if k not in ("id", "created", "field_times")}
        if "name" in values and "norm" in before:
            values["norm"] = normalise(values["name"])
        changed = {k: encode(v) for k, v in values.items() if before.get(k) != encode(v)}
        if COORDINATES & changed.keys() and "located" not in values and before.get("located"):
            changed["located"] = None  # typed, imported or merged coordinates are not a scan's
        if not changed:
            return None
        unknown = set(changed) - set(before)
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        after = {**before, **changed}
        when = stamp if touch else after.get("updated")
        if touch and "updated" in after:
            after["updated"] = when
        if "field_times" in before:
            field_times = json.loads(before["field_times"])
            field_times.update({k: when for k in changed if k not in FIELD_TIME_SKIP})
            field_times.update(times or {})
            after["field_times"] = encode(field_times)
        return after

    def delete(self, table: str, id: str) -> None:
        before = self._row(table, id)
        if before is None:
            return
        self._put(table, id, None)
        self._log(table, id, before, None)

    def _row(self, table: str, id: str) -> dict | None:
        row = self.file.conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', (id,)).fetchone()
        return dict(row) if row else None

    def _rows(self, table: str, ids: Sequence[str]) -> dict[str, dict]:
        """Rows by id, as stored (at most _BATCH ids: SQLite's limit on parameters)."""
        marks = ", ".join("?" for _ in ids)
        found = self.file.conn.execute(f'SELECT * FROM "{table}" WHERE id IN ({marks})', ids)
        return {row["id"]: dict(row) for row in found}

    def _put(self, table: str, id: str, values: dict | None) -> None:
        """Make the row with this id exactly `values` (as stored), or remove it (None)."""
        if values is None:
            self._run(f'DELETE FROM "{table}" WHERE id = ?', (id,))
            return
        self._put_many(table, [values])

    def _put_many(self, table: str, rows: Sequence[dict]) -> None:
        """Make each row with its id exactly as given (as stored): one statement for each run
        of rows with the same columns."""
        start = 0
        for end in range(1, len(rows) + 1):  # in order: the same row may come twice
            if end < len(rows) and rows[end].keys() == rows[start].keys():
                continue
            cols = list(rows[start])
            self._run_many(
                f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
                f"VALUES ({', '.join('?' for _ in cols)}) ON CONFLICT(id) DO UPDATE SET "
                + ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id"),
                [[row[c] for c in cols] for row in rows[start:end]],
            )
            start = end

    def _set_many(self, table: str, rows: Sequence[tuple[dict, dict]]) -> None:
        """Rows from `before` to `after` (as stored): only the columns that differ are set,
        one statement for each run of rows that differ in the same columns."""
        runs: list[tuple[tuple[str, ...], list[dict]]] = []
        for before, after in rows:
            cols = tuple(c for c in after if c != "id" and before.get(c) != after[c])
            if runs and runs[-1][0] == cols:
                runs[-1][1].append(after)
            else:
                runs.append((cols, [after]))
        for cols, run in runs:
            if not cols:
                continue  # the same before and after: nothing to set
            self._run_many(
                f'UPDATE "{table}" SET ' + ", ".join(f'"{c}" = ?' for c in cols) + " WHERE id = ?",
                [[after[c] for c in cols] + [after["id"]] for after in run],
            )

    def _run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows: a change to the file, like `_run`."""
        self.file.conn.executemany(sql, rows)

    def take_card_number(self, wanted: int | None = None) -> int:
        """The next free card number (or `wanted`), moving the file's counter past it.
        Never logged: undo does not hand a number out again."""
        counter = self.file.conn.execute("SELECT next_card FROM neighbourhood").fetchone()[0]
        number = wanted if wanted is not None else counter
        if number + 1 > counter:
            self._run("UPDATE neighbourhood SET next_card = ?", (number + 1,))
        return number

    def keep_stickers_from(self, next_sticker: int) -> None:
        """Sticker numbers below `next_sticker` were printed (at another table): the file's
        counter moves past them. Never logged, like card numbers."""
        self._run(
            "UPDATE neighbourhood SET next_sticker = max(next_sticker, ?)", (int(next_sticker),)
        )

    # --- the undo log ----------------------------------------------------------------------

    def _log_history(self) -> None:
        if not self.entries:
            return
        facts = self.file.caches.facts
        if "no_redo" not in facts:
            self._run("DELETE FROM history WHERE undone = 1")  # no redo after a new capture
            facts.add("no_redo")
        session = self.file.session_id
        for line, changes in self.entries:
            self._run(
                "INSERT INTO history (session_id, at, line, changes) VALUES (?, ?, ?, ?)",
                (session, now(), line, json.dumps(changes, ensure_ascii=False)),
            )

    def undo(self) -> dict | None:
        """Undo the latest capture that is not undone; returns its history entry."""
        row = self.file.conn.execute(
            "SELECT * FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        changes = json.loads(row["changes"])
        self._replay([(c["table"], c["after"], c["before"]) for c in reversed(changes)])
        self._run("UPDATE history SET undone = 1 WHERE seq = ?", (row["seq"],))
        self._reload = True
        return decode_row(row)

    def redo(self) -> dict | None:
        """Redo the earliest undone capture; returns its history entry."""
        row = self.file.conn.execute(
            "SELECT * FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        changes = json.loads(row["changes"])
        self._replay([(c["table"], c["before"], c["after"]) for c in changes])
        self._run("UPDATE history SET undone = 0 WHERE seq = ?", (row["seq"],))
        self._reload = True
        return decode_row(row)

    def _replay(self, rows: list[tuple[str, dict | None, dict | None]]) -> None:
        """Take rows from one state of the undo log to the other (table, from, to), in order.
        A run of rows of one table that were changed (not added or removed) is one statement
        per columns changed: an undone bulk edit of 10,000 rows is one, not 10,000."""
        run: list[tuple[dict, dict]] = []
        for i, (table, was, to) in enumerate(rows):
            if was is None or to is None:
                self._put(table, (was or to or {})["id"], to)
                continue
            run.append((was, to))
            following = rows[i + 1] if i + 1 < len(rows) else None
            if following is None or following[0] != table or None in following[1:]:
                self._set_many(table, run)
                run = []

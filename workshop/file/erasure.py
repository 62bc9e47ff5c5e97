"""Erasing from a file (`workshop forget`): the writer's unlogged removals and rewrites, after
which no erased byte is left in the file, its free pages or its WAL. A part of `Writer`."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workshop.file.handle import OpenFile
from workshop.file.rows import encode, now


class Erasure:
    """The erasing writes of `Writer`, inside its transaction."""

    if TYPE_CHECKING:  # what they use of the writer, which defines it
        file: OpenFile
        logged: bool
        _reload: bool
        _wipe: bool

        def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor: ...

    def erase(
        self,
        deletes: list[tuple[str, str, object, bool]],
        rewrites: list[tuple[str, dict, str, object, bool]],
        history: list[tuple[int, str | None, str | None]],
        rebuild: list[str] | tuple[str, ...] = (),
    ) -> None:
        """Remove rows and rewrite texts (an unlogged writer only: undo would keep what is
        being erased), rewrite or drop undo entries, rebuild full-text indexes; after the
        commit every index is rebuilt and free pages and the WAL are wiped, so the erased
        bytes are nowhere in the file.

        deletes:  (table, key column "id" or "rowid", key, leave a tombstone); a tombstone
                  (the id only) keeps a merge from bringing the record back
        rewrites: (table, {key column: key}, column, value as stored, set `updated`)
        history:  (seq, line, changes as JSON), or (seq, None, None) to drop the entry
        rebuild:  full-text index tables (FTS3/4/5) to rebuild from their content"""
        if self.logged:
            raise RuntimeError("erasing is an unlogged write: store.write(logged=False)")
        self._run("PRAGMA secure_delete = ON")
        stamp = now()
        for table, column, key, tombstone in deletes:
            self._run(f'DELETE FROM "{_ident(table)}" WHERE {_key(column)} = ?', (key,))
            if tombstone:
                self._run(
                    "INSERT OR REPLACE INTO tombstone (id, table_name, kept_id, reason, at) "
                    "VALUES (?, ?, NULL, 'forgotten', ?)",
                    (key, table, stamp),
                )
        for table, where, column, value, touch in rewrites:
            sets = f'"{_ident(column)}" = ?' + (", updated = ?" if touch else "")
            self._run(
                f'UPDATE "{_ident(table)}" SET {sets} WHERE '
                + " AND ".join(f"{_key(k)} = ?" for k in where),
                [encode(value), *([stamp] if touch else []), *where.values()],
            )
        for seq, line, changes in history:
            if changes is None:
                self._run("DELETE FROM history WHERE seq = ?", (seq,))
            else:
                self._run(
                    "UPDATE history SET line = ?, changes = ? WHERE seq = ?", (line, changes, seq)
                )
        for table in rebuild:
            command = f'INSERT INTO "{_ident(table)}"("{_ident(table)}") VALUES (?)'
            try:
                self._run(command, ("rebuild",))
            except sqlite3.OperationalError:
                # An index of another table that lacks its columns (`sqlite-utils enable-fts`
                # takes any name) can be neither rebuilt nor searched: emptied, it keeps nobody.
                self._empty_index(table, command)
        self._reload = self._wipe = True

    def _empty_index(self, table: str, command: str) -> None:
        try:
            self._run(command, ("delete-all",))  # FTS5; FTS4 refuses it here
        except sqlite3.OperationalError:
            for suffix in ("segments", "segdir", "docsize", "stat"):  # FTS3/4's own tables
                shadow = f"{table}_{suffix}"
                if self.file.conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (shadow,)
                ).fetchone():
                    self._run(f'DELETE FROM "{_ident(shadow)}"')

    def _wipe_free_pages(self) -> None:
        self.file.caches.forget_columns()
        self._run("REINDEX")
        self._run("VACUUM")
        self._run("PRAGMA wal_checkpoint(TRUNCATE)")


def _ident(name: str) -> str:
    return name.replace('"', '""')


def _key(column: str) -> str:
    """A key column in a WHERE clause: the rowid as itself, any other column quoted."""
    return "rowid" if column == "rowid" else f'"{_ident(column)}"'

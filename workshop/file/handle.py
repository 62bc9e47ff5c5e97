"""The open file as the store reads it and the writer writes it: its connection, the lock
that keeps one transaction at a time, the session captures go into, and one cache.

`Store` (reading) and `Writer` (the one write path) each hold the same `OpenFile`; neither
reaches into the other. Everything the program keeps in memory about the file between reads
is in `FileCaches`, valid while no other connection has committed: SQLite's
`PRAGMA data_version` changes exactly when another connection (another process, another
thread's store) commits, and never for this connection's own commits, which the writer
patches in (`patch`) after they are on disk.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from workshop.file.rows import column_default
from workshop.file.similar import SimilarIndex

T = TypeVar("T")

# Tables whose writes can change a value built from the file (the grammar's context, the
# board's dimensions): those values are built again after such a write.
SETTINGS_TABLES = ("neighbourhood", "board_dimension")


class OpenFile:
    """One connection to a neighbourhood file and what is known about it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool):
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self.lock = threading.RLock()
        self.session_id: str | None = None  # the session captures go into, once chosen
        self.caches = FileCaches(self)


# A named table's names for autocomplete: (text, where each starts in it, (name, norm) each).
SearchText = tuple[str, list[int], list[tuple[str, str]]]


class FileCaches:
    """What one connection remembers of its file: the tables' columns and defaults (kept for
    the life of the connection: the schema does not change under an open file), each named
    table's names (id -> (name, norm)) with their near-duplicate index, values built from the
    file (`built`), and facts the writer verified (`facts`: our session exists, no undone
    entry waits to be redone). All but the columns are dropped as soon as another connection
    has committed."""

    def __init__(self, file: OpenFile):
        self._file = file
        self._version = -1
        self._names: dict[str, dict[str, tuple[str, str]]] = {}
        self._similar: dict[str, SimilarIndex] = {}
        self._search: dict[str, SearchText] = {}
        self._built: dict[str, Any] = {}
        self.facts: set[str] = set()
        self._columns: dict[str, list[str]] = {}
        self._defaults: dict[str, dict[str, Any]] = {}

    # --- validity ------------------------------------------------------------------------

    def current(self) -> FileCaches:
        """Drop everything another connection's commit may have made stale."""
        version = self._file.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._drop()
            self._version = version
        return self

    def _drop(self) -> None:
        self._names.clear()
        self._similar.clear()
        self._search.clear()
        self._built.clear()
        self.facts.clear()

    def forget(self) -> None:
        """Trust nothing remembered (a failed write, an undo): build it again when asked."""
        self._drop()
        self._version = -1

    def forget_columns(self) -> None:
        self._columns.clear()
        self._defaults.clear()

    # --- what is kept ----------------------------------------------------------------------

    def names(self, table: str) -> dict[str, tuple[str, str]]:
        """id -> (name, norm) of a named table, loaded once and then kept up to date."""
        self.current()
        index = self._names.get(table)
        if index is None:
            rows = self._file.conn.execute(f'SELECT id, name, norm FROM "{table}"').fetchall()
            index = self._names[table] = {r[0]: (r[1], r[2]) for r in rows}
            self._similar.pop(table, None)
            self._search.pop(table, None)
        return index

    def search_text(self, table: str) -> SearchText:
        """A named table's names in one text, in name order, for autocomplete to search in C
        (`str.find`) rather than name by name: (text, where each name starts, (name, norm))."""
        names = self.names(table)
        found = self._search.get(table)
        if found is None:
            entries = sorted(names.values(), key=lambda entry: entry[1])
            starts, at = [], 1
            for _, norm in entries:
                starts.append(at)
                at += len(norm) + 1
            text = "\n" + "\n".join(norm for _, norm in entries) + "\n"
            found = self._search[table] = (text, starts, entries)
        return found

    def similar(self, table: str) -> SimilarIndex:
        """The near-duplicate index of a named table, built from its names."""
        names = self.names(table)
        index = self._similar.get(table)
        if index is None:
            index = self._similar[table] = SimilarIndex(names)
        return index

    def built(self, key: str, build: Callable[[], T]) -> T:
        """A value built from the file (board dimensions, the grammar's context), kept until
        another connection commits or we write to the neighbourhood or its dimensions."""
        self.current()
        if key not in self._built:
            self._built[key] = build()
        return self._built[key]

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            info = self._file.conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            if not info:
                raise KeyError(table)
            self._columns[table] = [r[1] for r in info]
            self._defaults[table] = {r[1]: column_default(r[4]) for r in info}
        return self._columns[table]

    def defaults(self, table: str) -> dict[str, Any]:
        self.columns(table)
        return self._defaults[table]

    # --- after our own commit --------------------------------------------------------------

    def patch(self, changes: list[tuple[str, str, dict | None]]) -> None:
        """Keep the caches in step with rows we committed, without reloading them."""
        for table, id_, after in changes:
            if table in SETTINGS_TABLES:
                self._built.clear()
            index = self._names.get(table)
            if index is None:
                continue
            self._search.pop(table, None)
            similar = self._similar.get(table)
            if after is None:
                index.pop(id_, None)
                if similar is not None:
                    similar.remove(id_)
            else:
                index[id_] = (after["name"], after["norm"])
                if similar is not None:
                    similar.add(id_, after["norm"])

"""The store: one neighbourhood file, its reads, and the one path every write takes.

    with Store.open("kersenbuurt.wijk") as store:
        with store.write() as w:
            with w.entry("p Buurthuis #buurthuis @C4"):
                w.insert("place", {"name": "Buurthuis", "kind": "community_centre"})
        store.undo()

Each `write()` is one transaction (`BEGIN IMMEDIATE` ... `COMMIT`, WAL, synchronous=FULL): when
it returns, the capture is on disk. Every change inside an `entry` is logged with the row before
and after, which is what undo and redo replay. Nothing else in the program writes SQL to the file.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from workshop.file import access as files
from workshop.file import schema
from workshop.file.rows import _literal, decode_row, encode, new_id, now
from workshop.file.sessions import Sessions
from workshop.file.similar import SimilarIndex
from workshop.file.writer import NAMED_TABLES, Writer
from workshop.i18n import UserError
from workshop.model import DEFAULT_DIMENSIONS, Context, Dimension, Grid, Term
from workshop.text import differ_in_kind, normalise

NEAR_DUPLICATE_SCORE = 85
__all__ = ["Store", "Writer", "decode_row", "new_id", "now", "NAMED_TABLES"]


class Store(Sessions):
    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool):
        self.path = path
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.readonly = readonly
        self.session_id: str | None = None
        self._lock = threading.RLock()
        self._columns: dict[str, list[str]] = {}
        self._defaults: dict[str, dict[str, Any]] = {}
        # Caches of what rarely changes, valid while no other connection has committed
        # (PRAGMA data_version) and patched by our own writes.
        self._names: dict[str, tuple[int, dict[str, tuple[str, str]]]] = {}
        self._similar: dict[str, SimilarIndex] = {}  # built from _names, patched with it
        self._dimensions: tuple[int, tuple[Dimension, ...]] | None = None
        self._session_checked = False
        self._no_redo = False  # known: the undo log holds no undone entries
        self._trusted_version = -1
        self._context: tuple[int, Context] | None = None

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        name: str,
        municipality: str | None = None,
        lang: str = "nl",
        grid: Grid = Grid(),
        base_url: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        dimensions: tuple[Dimension, ...] = DEFAULT_DIMENSIONS,
    ) -> Store:
        """A new file, owner-only, at the latest schema, with its neighbourhood row."""
        path = Path(path)
        if not name.strip():
            raise UserError("bad_name")
        files.create_private(path)
        try:
            conn = files.connect(path)
            schema.migrate(conn)
            store = cls(path, conn, readonly=False)
            stamp = now()
            min_lat, min_lon, max_lat, max_lon = bbox or (None, None, None, None)
            with store._transaction():
                store._raw_insert(
                    "neighbourhood",
                    {
                        "id": new_id(),
                        "name": name,
                        "municipality": municipality,
                        "lang": lang,
                        "grid_cols": grid.cols,
                        "grid_rows": grid.rows,
                        "base_url": base_url,
                        "min_lat": min_lat,
                        "min_lon": min_lon,
                        "max_lat": max_lat,
                        "max_lon": max_lon,
                        "created": stamp,
                        "updated": stamp,
                    },
                )
                for position, dim in enumerate(dimensions):
                    store._raw_insert(
                        "board_dimension",
                        {
                            "id": new_id(),
                            "key": dim.key,
                            "label_nl": dim.nl,
                            "label_en": dim.en,
                            "position": position,
                            "created": stamp,
                            "updated": stamp,
                            "values": [
                                {"key": t.key, "nl": t.nl, "en": t.en, "synonyms": list(t.synonyms)}
                                for t in dim.values
                            ],
                        },
                    )
            return store
        except BaseException:
            files.remove_with_sidecars(path)
            raise

    # Set by `open` when the file could only be read as it stands (a read-only medium, no
    # permission, a full disk): the one line a command shows about it.
    opened_readonly_because: UserError | None = None

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Store:
        """Open a file after checking, read-only, that it is a sound workshop file. An older
        schema is migrated after a copy is kept (or, read-only, migrated in memory)."""
        path = Path(path)
        version = files.inspect(path)
        if not readonly:  # a read-only medium is refused before SQLite half-opens it
            refusal = files.why_unwritable(path)
            if refusal is not None and refusal.key != "disk_full":
                raise refusal
        try:
            if readonly:
                conn, why = files.open_readonly(path)
                if version < schema.LATEST_VERSION:
                    memory = sqlite3.connect(
                        ":memory:", isolation_level=None, check_same_thread=False
                    )
                    conn.backup(memory)
                    conn.close()
                    conn = memory
                    schema.migrate(conn)
                store = cls(path, conn, readonly=True)
                store.opened_readonly_because = why
                return store
            conn = files.connect(path)
            if version < schema.LATEST_VERSION:
                files.copy_consistent(
                    conn,
                    files.backups_dir(path)
                    / f"before-schema-{schema.LATEST_VERSION}-{files.timestamp()}.wijk",
                )
                schema.migrate(conn)
            return cls(path, conn, readonly=False)
        except sqlite3.Error as exc:
            raise files.sqlite_error(path, exc) from None

    def close(self) -> None:
        """Close so that the .wijk alone holds every capture (a copy of just that file, as to a
        USB stick, misses nothing) and, when this was the file's last connection, no -wal or
        -shm is left. A writer folds the WAL back into the file first. SQLite tidies the WAL
        only when the last connection to close may write, so after a read-only reader (the
        wall, a worker) a brief writable connection does it; it changes no data."""
        if self.readonly:
            self.conn.close()
            files.tidy_wal(self.path)
            return
        # Closed already, or a reader holds an old snapshot: then the WAL stays, still valid.
        with suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the neighbourhood -----------------------------------------------------------------

    def neighbourhood(self) -> dict:
        return dict(self.conn.execute("SELECT * FROM neighbourhood LIMIT 1").fetchone())

    def _data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    @property
    def lang(self) -> str:
        return self.neighbourhood()["lang"]

    @property
    def grid(self) -> Grid:
        n = self.neighbourhood()
        return Grid(n["grid_cols"], n["grid_rows"])

    def dimensions(self) -> tuple[Dimension, ...]:
        version = self._data_version()
        if self._dimensions is None or self._dimensions[0] != version:
            dims = []
            for row in self.rows("board_dimension", order="position"):
                values = tuple(
                    Term(v["key"], v["nl"], v["en"], tuple(v.get("synonyms", ())))
                    for v in row["values"]
                )
                dims.append(Dimension(row["key"], row["label_nl"], row["label_en"], values))
            self._dimensions = (version, tuple(dims))
        return self._dimensions[1]

    def context(self) -> Context:
        """What the capture grammar needs to know of this file: kept until another
        connection commits or we change the neighbourhood or its board dimensions."""
        version = self._data_version()
        if self._context is None or self._context[0] != version:
            n = self.neighbourhood()
            self._context = (
                version,
                Context(
                    grid=Grid(n["grid_cols"], n["grid_rows"]),
                    dimensions=self.dimensions(),
                    lang=n["lang"],
                ),
            )
        return self._context[1]

    # --- reading ---------------------------------------------------------------------------

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            info = self.conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            if not info:
                raise KeyError(table)
            self._columns[table] = [r["name"] for r in info]
            self._defaults[table] = {r["name"]: _literal(r["dflt_value"]) for r in info}
        return self._columns[table]

    def new_row(self, table: str, values: dict) -> dict:
        """The row as SQLite stores it: the table's defaults, then `values` encoded."""
        self.columns(table)
        return {**self._defaults[table], **{k: encode(v) for k, v in values.items()}}

    def get(self, table: str, id: str) -> dict | None:
        self.columns(table)
        row = self.conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', (id,)).fetchone()
        return decode_row(row) if row is not None else None

    def rows(
        self,
        table: str,
        where: str = "",
        params: tuple | list = (),
        order: str = "",
        limit: int | None = None,
    ) -> list[dict]:
        self.columns(table)
        sql = f'SELECT * FROM "{table}"'
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order}" if order else " ORDER BY rowid"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [decode_row(r) for r in self.conn.execute(sql, params)]

    def count(self, table: str, where: str = "", params: tuple | list = ()) -> int:
        self.columns(table)
        sql = f'SELECT count(*) FROM "{table}"' + (f" WHERE {where}" if where else "")
        return self.conn.execute(sql, params).fetchone()[0]

    def find(self, table: str, name: str) -> list[dict]:
        """Records whose name matches case-, accent- and NFKC-insensitively."""
        return self.rows(table, "norm = ?", (normalise(name),))

    def _name_index(self, table: str) -> dict[str, tuple[str, str]]:
        """id -> (name, norm) of a table, loaded once and then kept up to date."""
        version = self._data_version()
        cached = self._names.get(table)
        if cached is None or cached[0] != version:
            rows = self.conn.execute(f'SELECT id, name, norm FROM "{table}"').fetchall()
            cached = (version, {r[0]: (r[1], r[2]) for r in rows})
            self._names[table] = cached
            self._similar.pop(table, None)
        return cached[1]

    def _patch_caches(self, changes: list[tuple[str, str, dict | None]]) -> None:
        """After our own commit: keep the name indexes in step without reloading them."""
        for table, id_, after in changes:
            if table in ("board_dimension", "neighbourhood"):
                self._dimensions = self._context = None
            index = self._names.get(table)
            if index is None:
                continue
            similar = self._similar.get(table)
            if after is None:
                index[1].pop(id_, None)
                if similar is not None:
                    similar.remove(id_)
            else:
                index[1][id_] = (after["name"], after["norm"])
                if similar is not None:
                    similar.add(id_, after["norm"])

    def names(self, table: str) -> dict[str, str]:
        """id -> name of every record of a named table (from the cached name index)."""
        return {id_: entry[0] for id_, entry in self._name_index(table).items()}

    def name_of(self, table: str, id_: str) -> str | None:
        """The name of one record of a named table, from the cached name index (no copy of
        the index: the TUI's feed asks this for each of its rows)."""
        entry = self._name_index(table).get(id_)
        return entry[0] if entry else None

    def similar(self, table: str, name: str, limit: int = 3) -> list[dict]:
        """Near-duplicates of `name`: close but not equal after normalising. Each carries
        `different`: the names differ in a word that tells things apart (Oost/West, 1/2),
        so the record is most likely another one (ask with "new record" as the default)."""
        norm = normalise(name)
        index = self._name_index(table)
        blocks = self._similar.get(table)
        if blocks is None:
            blocks = self._similar[table] = SimilarIndex(index)
        found = [
            id_
            for id_, _ in blocks.search(norm, NEAR_DUPLICATE_SCORE, limit + 1)
            if index[id_][1] != norm
        ][:limit]
        return [
            {
                "id": id_,
                "name": index[id_][0],
                "table": table,
                "different": differ_in_kind(name, index[id_][0]),
            }
            for id_ in found
        ]

    def complete(
        self, prefix: str, tables: tuple[str, ...] = NAMED_TABLES, limit: int = 10
    ) -> list[tuple[str, str]]:
        """Names starting with `prefix` (normalised), as (table, name), for autocomplete."""
        norm = normalise(prefix)
        if not norm:
            return []
        upper = norm[:-1] + chr(ord(norm[-1]) + 1)
        out: list[tuple[str, str]] = []
        for table in tables:
            for row in self.conn.execute(
                f'SELECT name FROM "{table}" WHERE norm >= ? AND norm < ? ORDER BY norm LIMIT ?',
                (norm, upper, limit),
            ):
                out.append((table, row[0]))
        return sorted(out, key=lambda item: normalise(item[1]))[:limit]

    def history(self, limit: int = 20) -> list[dict]:
        return self.rows("history", "undone = 0", order="seq DESC", limit=limit)

    # --- writing ---------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.readonly:
            raise UserError("file_readonly", path=str(self.path))
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise files.sqlite_error(self.path, exc) from None
            # Facts we verified earlier (our session exists, nothing waits to be redone)
            # hold for as long as no other connection has committed.
            version = self._data_version()
            if version != self._trusted_version:
                self._trusted_version = version
                self._session_checked = self._no_redo = False
            saved = self._state()
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                self._abandon(saved)
                raise

    def _state(self) -> tuple:
        """What this object believes about the file, to be put back when a write fails."""
        return (self.session_id, self._session_checked, self._no_redo)

    def _abandon(self, saved: tuple) -> None:
        """A failed write: undo it in the file and in every fact cached about the file.
        SQLite may already have rolled back by itself (a full disk, an I/O error)."""
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # it rolls back when it can
                self.conn.execute("ROLLBACK")
        self.session_id, self._session_checked, self._no_redo = saved
        self._session_checked = self._no_redo = False  # check again, next time
        self._trusted_version = -1
        self._forget_caches()

    def savepoint(self) -> tuple:
        """Mark a point inside the running transaction to go back to (a batch line whose
        names a later line creates waits for it: see `record`)."""
        self.conn.execute("SAVEPOINT line")
        return self._state()

    def release(self) -> None:
        if self.conn.in_transaction:  # SQLite may have rolled back by itself (disk full)
            self.conn.execute("RELEASE line")

    def rollback_to(self, saved: tuple) -> None:
        self.conn.execute("ROLLBACK TO line")
        self.conn.execute("RELEASE line")
        self.session_id, self._session_checked, self._no_redo = saved

    @contextmanager
    def write(self) -> Iterator[Writer]:
        """One transaction; changes made through the writer's entries can be undone."""
        writer = Writer(self)
        with self._transaction():
            yield writer
            writer.log_history()
        self._patch_caches(writer.touched)  # only after the commit: a failed write patches nothing

    def _raw_insert(self, table: str, values: dict) -> None:
        cols = list(values)
        unknown = set(cols) - set(self.columns(table))
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        self.conn.execute(
            f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
            f"VALUES ({', '.join('?' for _ in cols)})",
            [encode(values[c]) for c in cols],
        )

    def _raw_row(self, table: str, id: str) -> dict | None:
        row = self.conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', (id,)).fetchone()
        return dict(row) if row else None

    def _restore(self, table: str, id: str, values: dict | None) -> None:
        if values is None:
            self.conn.execute(f'DELETE FROM "{table}" WHERE id = ?', (id,))
            return
        cols = list(values)
        self.conn.execute(
            f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
            f"VALUES ({', '.join('?' for _ in cols)}) ON CONFLICT(id) DO UPDATE SET "
            + ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id"),
            [values[c] for c in cols],
        )

    def take_card_number(self, wanted: int | None = None) -> int:
        """The next free card number (or `wanted`), moving the file's counter past it."""
        counter = self.conn.execute("SELECT next_card FROM neighbourhood").fetchone()[0]
        number = wanted if wanted is not None else counter
        self.conn.execute("UPDATE neighbourhood SET next_card = ?", (max(counter, number + 1),))
        return number

    def undo(self) -> dict | None:
        """Undo the latest capture that is not undone; returns its history entry."""
        with self._transaction():
            row = self.conn.execute(
                "SELECT * FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            for change in reversed(json.loads(row["changes"])):
                self._restore(change["table"], change["id"], change["before"])
            self.conn.execute("UPDATE history SET undone = 1 WHERE seq = ?", (row["seq"],))
            self._no_redo = False
            self._forget_caches()
            return decode_row(row)

    def redo(self) -> dict | None:
        """Redo the earliest undone capture; returns its history entry."""
        with self._transaction():
            row = self.conn.execute(
                "SELECT * FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            for change in json.loads(row["changes"]):
                self._restore(change["table"], change["id"], change["after"])
            self.conn.execute("UPDATE history SET undone = 0 WHERE seq = ?", (row["seq"],))
            self._forget_caches()
            return decode_row(row)

    def _forget_caches(self) -> None:
        self._names.clear()
        self._similar.clear()
        self._dimensions = self._context = None

    def erase(
        self,
        deletes: list[tuple[str, str, object, bool]],
        rewrites: list[tuple[str, dict, str, object, bool]],
        history: list[tuple[int, str | None, str | None]],
        rebuild: list[str] | tuple[str, ...] = (),
    ) -> None:
        """Remove rows and rewrite texts WITHOUT an undo entry (undo would keep what is being
        erased), rewrite or drop undo entries, rebuild full-text indexes, then rebuild every
        index and wipe free pages and the WAL, so the erased bytes are nowhere in the file.

        deletes:  (table, key column "id" or "rowid", key, leave a tombstone); a tombstone
                  (the id only) keeps a merge from bringing the record back
        rewrites: (table, {key column: key}, column, value as stored, set `updated`)
        history:  (seq, line, changes as JSON), or (seq, None, None) to drop the entry
        rebuild:  full-text index tables (FTS3/4/5) to rebuild from their content"""
        self.conn.execute("PRAGMA secure_delete = ON")
        stamp = now()
        with self._transaction():
            for table, column, key, tombstone in deletes:
                self.conn.execute(f'DELETE FROM "{_ident(table)}" WHERE {_key(column)} = ?', (key,))
                if tombstone:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO tombstone (id, table_name, kept_id, reason, at) "
                        "VALUES (?, ?, NULL, 'forgotten', ?)",
                        (key, table, stamp),
                    )
            for table, where, column, value, touch in rewrites:
                sets = f'"{_ident(column)}" = ?' + (", updated = ?" if touch else "")
                self.conn.execute(
                    f'UPDATE "{_ident(table)}" SET {sets} WHERE '
                    + " AND ".join(f"{_key(k)} = ?" for k in where),
                    [encode(value), *([stamp] if touch else []), *where.values()],
                )
            for seq, line, changes in history:
                if changes is None:
                    self.conn.execute("DELETE FROM history WHERE seq = ?", (seq,))
                else:
                    self.conn.execute(
                        "UPDATE history SET line = ?, changes = ? WHERE seq = ?",
                        (line, changes, seq),
                    )
            for table in rebuild:
                self.conn.execute(
                    f'INSERT INTO "{_ident(table)}"("{_ident(table)}") VALUES (\'rebuild\')'
                )
        self._forget_caches()
        self._columns.clear()
        self.conn.execute("REINDEX")
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup(self, target: Path) -> Path:
        return files.copy_consistent(self.conn, target)


def _ident(name: str) -> str:
    return name.replace('"', '""')


def _key(column: str) -> str:
    """A key column in a WHERE clause: the rowid as itself, any other column quoted."""
    return "rowid" if column == "rowid" else f'"{_ident(column)}"'

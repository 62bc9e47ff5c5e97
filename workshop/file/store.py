"""The store: one neighbourhood file opened, and its reads; `write()` opens the one write path.

    with Store.open("kersenbuurt.wijk") as store:
        with store.write() as w:
            with w.entry("p Buurthuis #buurthuis @C4"):
                w.insert("place", {"name": "Buurthuis", "kind": "community_centre"})
        store.undo()

Each `write()` is one transaction of a `Writer` (`workshop.file.writer`): when it returns, the
capture is on disk. Every change inside an `entry` is logged with the row before and after,
which is what undo and redo replay. Nothing else in the program writes SQL to the file. The
store and its writer share an `OpenFile` (`workshop.file.handle`): the connection, its lock,
the chosen session and the one cache of what is known about the file.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from workshop.file import access as files
from workshop.file import schema
from workshop.file.handle import FileCaches, OpenFile
from workshop.file.rows import decode_row, new_id, now
from workshop.file.sessions import SessionReads
from workshop.file.writer import NAMED_TABLES, Writer
from workshop.i18n import UserError
from workshop.model import DEFAULT_DIMENSIONS, Context, Dimension, Grid, Term
from workshop.text import differ_in_kind, normalise

NEAR_DUPLICATE_SCORE = 85
__all__ = ["Store", "Writer", "decode_row", "new_id", "now", "NAMED_TABLES"]


class Store(SessionReads):
    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool):
        conn.row_factory = sqlite3.Row
        self.file = OpenFile(path, conn, readonly=readonly)

    # What the store is: the file it shares with its writer.
    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def readonly(self) -> bool:
        return self.file.readonly

    @property
    def conn(self) -> sqlite3.Connection:
        return self.file.conn

    @conn.setter
    def conn(self, conn: sqlite3.Connection) -> None:
        self.file.conn = conn

    @property
    def session_id(self) -> str | None:
        """The session captures go into (None: today's, made by the first capture)."""
        return self.file.session_id

    @session_id.setter
    def session_id(self, session_id: str | None) -> None:
        self.file.session_id = session_id

    @property
    def caches(self) -> FileCaches:
        """Everything remembered about the file, valid until another connection commits."""
        return self.file.caches

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
            with store.write(logged=False) as w:
                w.insert(
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
                    w.insert(
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

    @property
    def lang(self) -> str:
        return self.neighbourhood()["lang"]

    @property
    def grid(self) -> Grid:
        n = self.neighbourhood()
        return Grid(n["grid_cols"], n["grid_rows"])

    def dimensions(self) -> tuple[Dimension, ...]:
        return self.caches.built("dimensions", self._read_dimensions)

    def _read_dimensions(self) -> tuple[Dimension, ...]:
        dims = []
        for row in self.rows("board_dimension", order="position"):
            values = tuple(
                Term(v["key"], v["nl"], v["en"], tuple(v.get("synonyms", ())))
                for v in row["values"]
            )
            dims.append(Dimension(row["key"], row["label_nl"], row["label_en"], values))
        return tuple(dims)

    def context(self) -> Context:
        """What the capture grammar needs to know of this file: kept until another
        connection commits or we change the neighbourhood or its board dimensions."""
        return self.caches.built("context", self._read_context)

    def context_now(self) -> Context:
        """The context as the file holds it now, inside an open write too (an import that has
        just written the neighbourhood's grid or the board's dimensions): `context` is kept
        from the last commit."""
        n = self.neighbourhood()
        grid = Grid(n["grid_cols"], n["grid_rows"])
        return Context(grid=grid, dimensions=self._read_dimensions(), lang=n["lang"])

    def _read_context(self) -> Context:
        n = self.neighbourhood()
        return Context(
            grid=Grid(n["grid_cols"], n["grid_rows"]), dimensions=self.dimensions(), lang=n["lang"]
        )

    # --- reading ---------------------------------------------------------------------------

    def columns(self, table: str) -> list[str]:
        return self.caches.columns(table)

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

    def names(self, table: str) -> dict[str, str]:
        """id -> name of every record of a named table (from the cached name index)."""
        return {id_: entry[0] for id_, entry in self.caches.names(table).items()}

    def name_of(self, table: str, id_: str) -> str | None:
        """The name of one record of a named table, from the cached name index (no copy of
        the index: the TUI's feed asks this for each of its rows)."""
        entry = self.caches.names(table).get(id_)
        return entry[0] if entry else None

    def similar(self, table: str, name: str, limit: int = 3) -> list[dict]:
        """Near-duplicates of `name`: close but not equal after normalising. Each carries
        `different`: the names differ in a word that tells things apart (Oost/West, 1/2),
        so the record is most likely another one (ask with "new record" as the default)."""
        norm = normalise(name)
        index = self.caches.names(table)
        blocks = self.caches.similar(table)
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
        """Names holding `prefix` (normalised: case and accents aside), as (table, name), for
        autocomplete: those starting with it first, then those with a word starting with it
        (`plei` finds 't Pleintje), then, from three letters on, any other holding it; each
        group in name order."""
        norm = normalise(prefix)
        if not norm:
            return []
        found: list[tuple[int, str, str, str]] = []
        for table in tables:
            text, starts, entries = self.caches.search_text(table)
            ranks: dict[int, int] = {}
            for rank, needles in enumerate(_NEEDLES):
                if len(ranks) >= limit or (rank == 2 and len(norm) < 3):
                    break
                for needle in needles:
                    _find_in(text, needle + norm, len(needle), starts, rank, ranks, limit)
            found += [(rank, entries[i][1], table, entries[i][0]) for i, rank in ranks.items()]
        found.sort()
        return [(table, name) for _, _, table, name in found[:limit]]

    def history(self, limit: int = 20) -> list[dict]:
        return self.rows("history", "undone = 0", order="seq DESC", limit=limit)

    # --- writing: the writer's -------------------------------------------------------------

    @contextmanager
    def write(self, *, logged: bool = True) -> Iterator[Writer]:
        """One transaction of the one write path; with `logged`, changes made through the
        writer's entries can be undone."""
        with Writer.transaction(self.file, logged=logged) as writer:
            yield writer

    def undo(self) -> dict | None:
        """Undo the latest capture that is not undone; returns its history entry."""
        with self.write(logged=False) as w:
            return w.undo()

    def redo(self) -> dict | None:
        """Redo the earliest undone capture; returns its history entry."""
        with self.write(logged=False) as w:
            return w.redo()

    def use_session(
        self,
        date: str,
        venue: str | None = None,
        table_name: str | None = None,
        facilitator: str | None = None,
        consent: str | None = None,
    ) -> str:
        """`Writer.use_session` in a transaction of its own."""
        with self.write() as w:
            return w.use_session(date, venue, table_name, facilitator, consent)

    def backup(self, target: Path) -> Path:
        return files.copy_consistent(self.conn, target)


# What stands before a typed prefix in `Store.complete`'s search text: the start of a name, the
# start of a word in it, anywhere.
_NEEDLES = (("\n",), (" ", "'", "-", "(", "/", ".", '"'), ("",))


def _find_in(
    text: str, needle: str, lead: int, starts: list[int], rank: int, ranks: dict, limit: int
) -> None:
    """Add the first `limit` names (by index into `starts`) holding `needle` to `ranks`."""
    added = 0
    at = text.find(needle)
    while at >= 0 and added < limit:
        index = bisect.bisect_right(starts, at + lead) - 1
        if index not in ranks:
            ranks[index] = rank
            added += 1
        at = text.find(needle, at + 1)

"""The one write path's hands: inserts, updates and deletes inside a `Store.write()`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from workshop.file.rows import decode_row, encode, new_id, now
from workshop.file.schema import FIELD_TIME_SKIP
from workshop.model import NAMED_TABLES
from workshop.text import normalise

if TYPE_CHECKING:
    from workshop.file.store import Store


class Writer:
    """Inserts, updates and deletes inside one `Store.write()` transaction. Changes made
    inside `entry(line)` are logged as one undoable step."""

    def __init__(self, store: Store):
        self.store = store
        self.entries: list[tuple[str | None, list[dict]]] = []
        self._changes: list[dict] | None = None
        self.touched: list[tuple[str, str, dict | None]] = []  # for the store's caches

    @contextmanager
    def entry(self, line: str | None) -> Iterator[None]:
        self._changes = []
        try:
            yield
            if self._changes:
                self.entries.append((line, self._changes))
        finally:
            self._changes = None

    def _log(self, table: str, id: str, before: dict | None, after: dict | None) -> None:
        if table in NAMED_TABLES or table in ("board_dimension", "neighbourhood"):
            self.touched.append((table, id, after))
        if self._changes is not None:
            self._changes.append({"table": table, "id": id, "before": before, "after": after})

    def insert(self, table: str, values: dict, *, times: dict | None = None) -> dict:
        """A new row; its fields changed when it was created (`field_times` stays empty),
        unless `times` gives them their own (a merge copies the source's)."""
        store = self.store
        stamp = now()
        columns = store.columns(table)
        row = {
            "id": new_id(),
            **{k: stamp for k in ("created", "updated") if k in columns},
            **values,
        }
        if "field_times" in columns:
            row["field_times"] = dict(times or {})
        if "session_id" in columns and "session_id" not in values:
            row["session_id"] = store.current_session()
        if "norm" in columns:
            row["norm"] = normalise(row["name"])
        store._raw_insert(table, row)
        after = store.new_row(table, row)
        self._log(table, row["id"], None, after)
        return decode_row(after)

    def copy_rows(self, table: str, rows: list[dict]) -> None:
        """Rows copied whole from another file of the same neighbourhood (a merge): ids,
        created/updated and field times as they are there, in one statement, each logged
        as an insert. Values are as SQLite stores them (JSON columns as text)."""
        if not rows:
            return
        store = self.store
        columns = store.columns(table)
        defaults = store.new_row(table, {})
        full = [{c: row[c] if c in row else defaults[c] for c in columns} for row in rows]
        if "norm" in columns:
            for row in full:
                row["norm"] = normalise(row["name"])
        store.conn.executemany(
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
        store = self.store
        before = store._raw_row(table, id)
        if before is None:
            raise KeyError(f"{table} {id}")
        values = {k: v for k, v in values.items() if k not in ("id", "created", "field_times")}
        if "name" in values and "norm" in before:
            values["norm"] = normalise(values["name"])
        changed = {k: encode(v) for k, v in values.items() if before.get(k) != encode(v)}
        if not changed:
            return decode_row(before)
        unknown = set(changed) - set(before)
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        after = {**before, **changed}
        stamp = now() if touch else after.get("updated")
        if touch and "updated" in after:
            after["updated"] = stamp
        if "field_times" in before:
            field_times = json.loads(before["field_times"])
            field_times.update({k: stamp for k in changed if k not in FIELD_TIME_SKIP})
            field_times.update(times or {})
            after["field_times"] = encode(field_times)
        store._restore(table, id, after)
        self._log(table, id, before, after)
        return decode_row(after)

    def delete(self, table: str, id: str) -> None:
        store = self.store
        before = store._raw_row(table, id)
        if before is None:
            return
        store._restore(table, id, None)
        self._log(table, id, before, None)

    def log_history(self) -> None:
        if not self.entries:
            return
        conn = self.store.conn
        if not self.store._no_redo:
            conn.execute("DELETE FROM history WHERE undone = 1")  # no redo after a new capture
            self.store._no_redo = True
        session = self.store.session_id
        for line, changes in self.entries:
            conn.execute(
                "INSERT INTO history (session_id, at, line, changes) VALUES (?, ?, ?, ?)",
                (session, now(), line, json.dumps(changes, ensure_ascii=False)),
            )

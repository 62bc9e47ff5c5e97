"""Saving what can be read from a damaged file into a new one; the damaged file is only read.

This is the one place besides the store that writes SQL: it fills a brand-new file, row by row,
with whatever the damaged one still gives up, before any store would trust either of them.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from workshop import files, schema

# Parents before children, so the salvaged file needs no foreign-key exceptions where the
# parents survived.
ORDER = ("neighbourhood", "session", "board_dimension", "place", "actor", "initiative", "tie",
         "actor_initiative", "actor_place", "participant", "attendance", "note", "candidate",
         "tombstone", "osm_extract")
PROBE = 2000  # after a damaged stretch, rowids probed one by one before giving up


@dataclass
class TableYield:
    table: str
    read: int = 0
    lost_stretches: int = 0


@dataclass
class SalvageReport:
    tables: list[TableYield] = field(default_factory=list)
    schema_lost: bool = False  # the file's table of contents itself cannot be read

    @property
    def rows(self) -> int:
        return sum(t.read for t in self.tables)


def readable_rows(conn: sqlite3.Connection, table: str) -> tuple[list[tuple], list[str],
                                                                   TableYield]:
    """Every row of `table` that can still be read, walking the rowids around damage."""
    result = TableYield(table)
    try:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return [], [], result
    rows: list[tuple] = []
    last = 0
    while True:
        try:
            batch = conn.execute(f'SELECT rowid, * FROM "{table}" WHERE rowid > ? '
                                 "ORDER BY rowid LIMIT 200", (last,)).fetchall()
        except sqlite3.DatabaseError:
            result.lost_stretches += 1
            found = None
            for rowid in range(last + 1, last + PROBE):
                try:
                    row = conn.execute(f'SELECT rowid, * FROM "{table}" WHERE rowid = ?',
                                       (rowid,)).fetchone()
                except sqlite3.DatabaseError:
                    continue
                if row is not None:
                    found = row
                    break
            if found is None:
                break
            rows.append(tuple(found[1:]))
            last = found[0]
            continue
        if not batch:
            break
        rows += [tuple(r[1:]) for r in batch]
        last = batch[-1][0]
    result.read = len(rows)
    return rows, columns, result


def survey(path: Path) -> SalvageReport:
    """How much of each table a damaged file still gives up (read-only)."""
    conn = files.connect_readonly(path, leave_no_sidecars=True)
    try:
        return _copy(conn, None)
    finally:
        conn.close()


def salvage(path: Path, target: Path) -> SalvageReport:
    """Copy every readable row of `path` into a new file at `target`."""
    files.create_private(target)
    try:
        out = files.connect(target)
        schema.migrate(out)
        out.execute("PRAGMA foreign_keys = OFF")
        source = files.connect_readonly(path, leave_no_sidecars=True)
        try:
            out.execute("BEGIN IMMEDIATE")
            report = _copy(source, out)
            if not out.execute("SELECT count(*) FROM neighbourhood").fetchone()[0]:
                stamp = "1970-01-01T00:00:00.000Z"
                out.execute("INSERT INTO neighbourhood (id, name, created, updated) "
                            "VALUES (?, ?, ?, ?)",
                            (str(uuid.uuid4()), f"{path.stem} (recovered)", stamp, stamp))
            out.execute("COMMIT")
        finally:
            source.close()
            out.close()
        return report
    except BaseException:
        files.remove_with_sidecars(target)
        raise


def _copy(source: sqlite3.Connection, out: sqlite3.Connection | None) -> SalvageReport:
    report = SalvageReport()
    try:
        present = {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        report.schema_lost = True
        return report
    for table in ORDER:
        if table not in present:
            continue  # a table of a later schema version
        rows, columns, result = readable_rows(source, table)
        report.tables.append(result)
        if out is None or not rows:
            continue
        wanted = [c[1] for c in out.execute(f'PRAGMA table_info("{table}")')]
        keep = [i for i, c in enumerate(columns) if c in wanted]
        names = ", ".join(f'"{columns[i]}"' for i in keep)
        marks = ", ".join("?" for _ in keep)
        out.executemany(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})',
                        ([row[i] for i in keep] for row in rows))
    return report

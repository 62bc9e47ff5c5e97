"""Saving what can be read from a damaged file into a new one; the damaged file is only read.

This is the one place besides the store that writes SQL: it fills a brand-new file, row by row,
with whatever the damaged one still gives up, before any store would trust either of them.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import struct
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workshop.file import access as files
from workshop.file import salvage_schema, schema

# Parents before children, so the salvaged file needs no foreign-key exceptions where the
# parents survived.
ORDER = (
    "neighbourhood",
    "session",
    "board_dimension",
    "place",
    "actor",
    "initiative",
    "tie",
    "actor_initiative",
    "actor_place",
    "participant",
    "attendance",
    "note",
    "candidate",
    "tombstone",
    "osm_extract",
    "print_record",
)
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
    pages_found: int = 0  # of a cut-off file: the whole pages still there
    pages_promised: int = 0  # ... and the pages its header promised
    contents_rebuilt: bool = False  # the table of contents was rebuilt from surviving entries
    references_cleared: int = 0  # damaged references to missing records, set to nothing

    @property
    def rows(self) -> int:
        return sum(t.read for t in self.tables)


def readable_rows(
    conn: sqlite3.Connection, table: str
) -> tuple[list[tuple], list[str], TableYield]:
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
            batch = conn.execute(
                f'SELECT rowid, * FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 200', (last,)
            ).fetchall()
        except sqlite3.DatabaseError:
            result.lost_stretches += 1
            found = None
            for rowid in range(last + 1, last + PROBE):
                try:
                    row = conn.execute(
                        f'SELECT rowid, * FROM "{table}" WHERE rowid = ?', (rowid,)
                    ).fetchone()
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
    with _readable(path) as (conn, report):
        return _copy(conn, None, report)


def salvage(path: Path, target: Path) -> SalvageReport:
    """Copy every readable row of `path` into a new file at `target`."""
    files.create_private(target)
    try:
        out = files.connect(target)
        schema.migrate(out)
        out.execute("PRAGMA foreign_keys = OFF")
        try:
            with _readable(path) as (source, report):
                out.execute("BEGIN IMMEDIATE")
                _copy(source, out, report)
            report.references_cleared = _clear_dangling_references(out)
            if not out.execute("SELECT count(*) FROM neighbourhood").fetchone()[0]:
                stamp = "1970-01-01T00:00:00.000Z"
                out.execute(
                    "INSERT INTO neighbourhood (id, name, created, updated) VALUES (?, ?, ?, ?)",
                    (str(uuid.uuid4()), f"{path.stem} (recovered)", stamp, stamp),
                )
            out.execute("COMMIT")
        finally:
            out.close()
        return report
    except BaseException:
        files.remove_with_sidecars(target)
        raise


def _clear_dangling_references(out: sqlite3.Connection) -> int:
    """A reference damaged into one to a record that is not there is set to nothing (where the
    column allows it), so the salvaged file is sound; the record itself is kept."""
    cleared = 0
    for table, rowid, _parent, fk_id in out.execute("PRAGMA foreign_key_check").fetchall():
        columns = [
            r[3] for r in out.execute(f'PRAGMA foreign_key_list("{table}")') if r[0] == fk_id
        ]
        try:
            for column in columns:
                out.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', (rowid,))
            cleared += 1
        except sqlite3.IntegrityError:
            continue  # a required reference: the row stays as read, and check will say so
    return cleared


@contextlib.contextmanager
def _readable(path: Path) -> Iterator[tuple[sqlite3.Connection, SalvageReport]]:
    """A reading connection to `path` or, when that cannot be read as it is, to a private copy
    put right: a cut-off file's header made to tell the truth about the pages that are left
    (else SQLite looks for pages that are gone and gives up at the first), and a lost table of
    contents rebuilt from the entries that survive on the remaining pages."""
    report = SalvageReport()
    header = files.read_header(path)
    size = path.stat().st_size
    cut = (
        header.pages and size < header.expected_size and not files.wal_holds_pages(path)
    ) or size % header.page_size != 0
    if not cut:
        conn = files.connect_readonly(path, leave_no_sidecars=True)
        if _contents_readable(conn):
            try:
                yield conn, report
            finally:
                conn.close()
            return
        conn.close()
    else:
        report.pages_promised = header.pages
    pages = size // header.page_size
    report.pages_found = pages
    with tempfile.TemporaryDirectory(prefix="workshop-salvage-") as tmp:
        copy = Path(tmp) / "copy.wijk"
        _repaired_copy(path, copy, pages)
        conn = files.connect_readonly(copy, leave_no_sidecars=True)
        if not _contents_readable(conn):
            conn.close()
            report.contents_rebuilt = _rebuild_contents(copy, header.page_size, pages)
            conn = files.connect_readonly(copy, leave_no_sidecars=True)
        try:
            yield conn, report
        finally:
            conn.close()


def _contents_readable(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def _repaired_copy(path: Path, copy: Path, pages: int) -> None:
    """The whole pages of `path`, with the header's database size set to their number and
    marked valid (the version-valid-for number equal to the change counter)."""
    files.create_private(copy)
    page_size = files.read_header(path).page_size
    wal = files.sidecars(path)[0]
    keep_wal = wal.exists() and wal.stat().st_size > 0
    with open(path, "rb") as src, open(copy, "r+b") as dst:
        remaining = pages * page_size
        while remaining:
            chunk = src.read(min(remaining, 1 << 20))
            if not chunk:
                break
            dst.write(chunk)
            remaining -= len(chunk)
        dst.seek(24)
        change_counter = dst.read(4)
        dst.seek(28)
        dst.write(struct.pack(">I", pages))
        dst.seek(92)
        dst.write(change_counter)
        if not keep_wal:
            dst.seek(18)
            dst.write(b"\x01\x01")  # rollback-journal format: no -wal to look for
    if keep_wal:
        shutil.copyfile(wal, files.sidecars(copy)[0])


def _rebuild_contents(copy: Path, page_size: int, pages: int) -> bool:
    """Replace page 1 of `copy` by one that lists the tables found on its pages."""
    tables = salvage_schema.surviving_tables(copy, page_size, pages)
    page = salvage_schema.table_of_contents_page(tables, page_size, ORDER)
    if page is None:
        return False
    with open(copy, "r+b") as fh:
        original = fh.read(100)
        new = bytearray(page)
        new[24:28] = new[92:96] = original[24:28]
        new[28:32] = struct.pack(">I", pages)
        new[60:64] = original[60:64]  # user_version
        new[68:72] = original[68:72]  # application_id
        fh.seek(0)
        fh.write(new)
    return True


def _copy(
    source: sqlite3.Connection, out: sqlite3.Connection | None, report: SalvageReport
) -> SalvageReport:
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
        out.executemany(
            f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})',
            ([row[i] for i in keep] for row in rows),
        )
    return report

"""Finding a damaged file's tables when its table of contents (sqlite_master) is gone.

SQLite keeps its table of contents in a b-tree rooted at page 1; in a file that grew through
migrations, that tree's leaves lie anywhere in the file, and a file cut off at a third has lost
some of them, so SQLite refuses every query. The rows of the tables themselves are often still
there. This module reads the pages that are left, byte by byte as the file format describes
them (https://www.sqlite.org/fileformat2.html), finds the table-of-contents entries that survive
(type, name, root page, CREATE statement), and writes a new page 1 that lists just the tables
with their original root pages, so that SQLite can walk what is left of each table.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

LEAF_TABLE, INTERIOR_TABLE = 0x0D, 0x05


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = data[pos + i]
        if i == 8:
            return (value << 8) | byte, pos + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, pos + i + 1
    raise ValueError("varint")  # pragma: no cover (the loop always returns)


def _record(payload: bytes) -> list[object]:
    """The values of one record (the format of every row and table-of-contents entry)."""
    header_size, pos = _varint(payload, 0)
    types = []
    while pos < header_size:
        serial, pos = _varint(payload, pos)
        types.append(serial)
    values: list[object] = []
    body = header_size
    sizes = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 7: 8}
    for serial in types:
        if serial in (0, 8, 9):
            values.append(None if serial == 0 else serial - 8)
        elif serial in sizes:
            size = sizes[serial]
            raw = payload[body : body + size]
            if serial == 7:
                values.append(struct.unpack(">d", raw)[0])
            else:
                values.append(int.from_bytes(raw, "big", signed=True))
            body += size
        elif serial >= 12:
            size = (serial - 12) // 2
            raw = payload[body : body + size]
            values.append(raw.decode("utf-8", "replace") if serial % 2 else raw)
            body += size
        else:
            raise ValueError("serial type")
    return values


def _leaf_records(page: bytes, start: int, usable: int) -> list[list[object]]:
    """The records of a table leaf page whose payload lies wholly on the page."""
    count = struct.unpack(">H", page[start + 3 : start + 5])[0]
    out = []
    max_local = usable - 35
    for i in range(count):
        try:
            (offset,) = struct.unpack(">H", page[start + 8 + 2 * i : start + 10 + 2 * i])
            size, pos = _varint(page, offset)
            _, pos = _varint(page, pos)  # the rowid
            if size > max_local or pos + size > len(page):
                continue  # spills to overflow pages: not a table-of-contents entry we need
            out.append(_record(page[pos : pos + size]))
        except (ValueError, IndexError, struct.error):
            continue
    return out


def surviving_tables(path: Path, page_size: int, pages: int) -> dict[str, tuple[int, str]]:
    """name -> (root page, CREATE TABLE statement) of every table-of-contents entry found in
    the first `pages` pages, keeping for each table the entry whose root page is there and
    which names the most columns (a later migration's version of the table)."""
    found: dict[str, tuple[int, str]] = {}
    with open(path, "rb") as fh:
        for number in range(1, pages + 1):
            page = fh.read(page_size)
            if len(page) < page_size:
                break
            start = 100 if number == 1 else 0
            if page[start] != LEAF_TABLE:
                continue
            for values in _leaf_records(page, start, page_size):
                if len(values) != 5 or values[0] != "table":
                    continue
                name, root, sql = values[1], values[3], values[4]
                if not (
                    isinstance(name, str)
                    and isinstance(root, int)
                    and isinstance(sql, str)
                    and sql.upper().startswith("CREATE TABLE")
                    and 1 < root <= pages
                ):
                    continue
                known = found.get(name)
                if known is None or sql.count(",") > known[1].count(","):
                    found[name] = (root, sql)
    return found


def _columns(sql: str) -> list[str]:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(sql)
        name = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        return [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
    finally:
        conn.close()


def table_of_contents_page(
    tables: dict[str, tuple[int, str]], page_size: int, wanted: tuple[str, ...]
) -> bytes | None:
    """A page 1 listing the `wanted` tables found (columns only, no constraints) at their
    original root pages, or None when they do not fit on one page (page 1 a leaf)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("PRAGMA writable_schema = ON")
        for name in wanted:
            if name not in tables:
                continue
            try:
                columns = _columns(tables[name][1])
            except sqlite3.Error:
                continue
            listed = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
            conn.execute(f'CREATE TABLE "{name}" ({listed})')
            conn.execute(
                "UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (tables[name][0], name)
            )
        data = conn.serialize()
    finally:
        conn.close()
    return data[:page_size] if len(data) >= page_size and data[100] == LEAF_TABLE else None

"""The published neighbourhoods as one SQLite file for Datasette, with its metadata.json.

    write(published, Path("site.db"))   # -> [site.db, site.metadata.json]
    datasette serve site.db -m site.metadata.json

The file is built under a temporary name next to the target and renamed over it when complete,
so a site being served never shows half a file and a failed run leaves the old one. Only a file
this module wrote (its `application_id`) is replaced: `-o` naming a neighbourhood file or any
other file is refused, never overwritten. Full-text search (SQLite FTS5, accents ignored)
covers `publish.SEARCHABLE`; Datasette offers it on those tables as they are.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from workshop.exchange import publish_meta
from workshop.exchange.publish_rows import REFERENCES, SEARCHABLE, TABLES, Published
from workshop.file import disk
from workshop.i18n import UserError
from workshop.outputs import atomic_output

SITE_APPLICATION_ID = 0x57535054  # "WSPT": a site `workshop publish` wrote
_TYPES = {"text": str, "integer": int, "real": float, "boolean": int, "json": str}
TOKENIZE = "unicode61 remove_diacritics 2"  # "coöperatie" is found by "cooperatie"


def metadata_path(target: Path) -> Path:
    """site.db -> site.metadata.json, next to it."""
    return target.with_name(target.stem + ".metadata.json")


def write(published: Published, target: Path) -> list[Path]:
    """Write the site and its metadata; returns both paths."""
    import sqlite_utils

    target = Path(target)
    _refuse_foreign(target, published)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix="." + target.name + ".", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise disk.os_error(target, exc) from None
    tmp = Path(tmp_name)
    try:
        db = sqlite_utils.Database(tmp)
        try:
            # A file nobody reads until it is complete: no journal, one fsync at the end.
            db.conn.execute("PRAGMA journal_mode = OFF")
            db.conn.execute("PRAGMA synchronous = OFF")
            db.conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: a city site fits
            db.conn.execute(f"PRAGMA application_id = {SITE_APPLICATION_ID}")
            with db.conn:
                for table, columns in TABLES.items():
                    _fill(db, table, columns, published.rows[table])
            for table, searched in SEARCHABLE.items():
                db.table(table).enable_fts(list(searched), tokenize=TOKENIZE)
            db.analyze()
        finally:
            db.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # a site is for a web server to read, whoever runs it
        meta = metadata_path(target)
        document = publish_meta.metadata(published, target.stem)
        with atomic_output(meta, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        os.chmod(meta, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise disk.os_error(target, exc) from None
    finally:
        tmp.unlink(missing_ok=True)
    return [target, meta]


def _fill(db, table: str, columns, rows: list[tuple]) -> None:
    db[table].create(
        {c.name: _TYPES[c.kind] for c in columns},
        pk="id",
        not_null=["id"],
        foreign_keys=[(col, other, "id") for col, other in REFERENCES.get(table, ())],
    )
    names = [c.name for c in columns]
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    db.conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
    if table != "neighbourhood":
        db[table].create_index(["neighbourhood_id"])
    for col, _ in REFERENCES.get(table, ()):
        db[table].create_index([col])


def _refuse_foreign(target: Path, published: Published) -> None:
    """Replace only a site this module wrote: never a neighbourhood file, never anything else."""
    if any(target.resolve() == p.resolve() for p in published.sources):
        raise UserError("publish_target_is_source", path=str(target))
    if not target.exists() or (target.is_file() and target.stat().st_size == 0):
        return
    if target.is_dir():
        raise UserError("publish_target_not_site", path=str(target))
    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        app_id = None
    if app_id != SITE_APPLICATION_ID:
        raise UserError("publish_target_not_site", path=str(target))

"""What the program wrote where: every export, printout and backup folder, recorded in the file.

    outputs.record(store, paths, kind="csv", audience="export", anonymised=False)
    outputs.record_backup(store, copy)   # the folder of a copy made outside FILE.backups/
    outputs.record_database(store, "postgresql://gis@db/kaart")  # a `publish --to` load
    outputs.known(store)                 # -> [Written(path, kind, audience, anonymised, ...)]

`workshop forget` names the files that still exist and may hold the person it erases, and
offers to delete them. Each place that writes such a file calls `record` once: `exchange.export`
and the printing table's `print_out` (for the CLI and the TUI alike), and the backups. Recording
never stops or fails the work it records: on a read-only medium, or in a file of an older schema
opened read-only, nothing is recorded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workshop.file import access as files
from workshop.file.rows import now
from workshop.file.store import Store
from workshop.i18n import UserError

TABLE = "output_file"
BACKUPS = "backups"  # the kind of a recorded backup folder
DATABASE = "postgis"  # the kind of a recorded `publish --to`: its address, not a path
AUDIENCES = ("internal", "print", "export")


@dataclass(frozen=True)
class Written:
    id: str
    path: str
    kind: str
    audience: str
    anonymised: bool
    written: str  # when it was last written (UTC, ISO 8601)

    @property
    def exists(self) -> bool:
        """A database cannot be looked at from here: it counts as there."""
        return self.kind == DATABASE or Path(self.path).exists()


@contextmanager
def _writable(target: Store | Path) -> Iterator[Store | None]:
    """A store to record in: the one given when it may write, else a connection of our own to
    its file (exports and printouts read the file read-only) when that file has the table."""
    if isinstance(target, Store) and not target.readonly:
        yield target if _has_table(target.conn) else None
        return
    path = target.path if isinstance(target, Store) else Path(target)
    conn = files.connect(path)
    try:
        yield Store(path, conn, readonly=False) if _has_table(conn) else None
    finally:
        conn.close()


def _has_table(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
        ).fetchone()
        is not None
    )


def record(
    target: Store | Path,
    paths: Path | str | Iterable[Path | str],
    *,
    kind: str,
    audience: str,
    anonymised: bool = False,
) -> bool:
    """Note in the file that the program wrote `paths` (absolute, so `forget` finds them from
    any folder). Returns whether it was recorded."""
    if audience not in AUDIENCES:
        raise ValueError(audience)
    listed = [paths] if isinstance(paths, (str, Path)) else list(paths)
    absolute = [str(Path(p).resolve()) for p in listed if str(p) != "-"]
    if kind == DATABASE:
        absolute = [str(p) for p in listed]  # an address without its password
    if not absolute:
        return False
    try:
        with _writable(target) as store:
            if store is None:
                return False
            with store.write() as w:  # no entry: writing a file is not a capture to undo
                for path in absolute:
                    found = store.conn.execute(
                        f"SELECT id FROM {TABLE} WHERE path = ?", (path,)
                    ).fetchone()
                    values = {
                        "path": path,
                        "kind": kind,
                        "audience": audience,
                        "anonymised": bool(anonymised),
                    }
                    if found:
                        w.update(TABLE, found[0], {**values, "updated": now()})
                    else:
                        w.insert(TABLE, values)
        return True
    except (sqlite3.Error, UserError, OSError):
        return False


def record_database(target: Store | Path, where: str) -> bool:
    """Note that `publish --to` loaded the file into the database at `where` (no password),
    so `forget` says that a publish there again removes the person."""
    return record(target, [where], kind=DATABASE, audience="export")


def record_backup(store: Store, copy: Path) -> Path:
    """Remember the folder of a backup copy made outside FILE.backups/ (a USB stick), once;
    returns the copy."""
    folder = Path(copy).parent.resolve()
    if folder != files.backups_dir(store.path).resolve() and not any(
        w.path == str(folder) for w in known(store)
    ):
        record(store, folder, kind=BACKUPS, audience="internal")
    return copy


def known(store: Store) -> list[Written]:
    """What the file records as written, newest first."""
    if not _has_table(store.conn):
        return []
    return [
        Written(r[0], r[1], r[2], r[3], bool(r[4]), r[5])
        for r in store.conn.execute(
            f"SELECT id, path, kind, audience, anonymised, updated FROM {TABLE} "
            "ORDER BY updated DESC, path"
        )
    ]


def delete(store: Store, written: Iterable[Written]) -> list[tuple[Written, str | None]]:
    """Delete written files (not folders) and their records; (file, error or None) each."""
    results: list[tuple[Written, str | None]] = []
    for item in written:
        if item.kind == DATABASE:
            continue  # a publish removes the person there, not a delete here
        path = Path(item.path)
        try:
            if path.is_file() or path.is_symlink():
                path.unlink()
            results.append((item, None))
        except OSError as exc:
            results.append((item, exc.strerror or str(exc)))
    gone = [item.id for item, error in results if error is None]
    if gone:
        with store.write() as w:
            for id_ in gone:
                w.delete(TABLE, id_)
    return results

"""The neighbourhood file on disk: recognising it, connecting to it, copying it.

Nothing here writes to a file it has not been asked to write to: a file that is not ours, is
damaged or comes from a newer version is looked at read-only and refused with a message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import sqlite3
import struct
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from workshop import outputs
from workshop.file.disk import (  # noqa: F401  (the file's own errors are looked up here too)
    FULL_BELOW,
    disk_full,
    nearly_full,
    os_error,
    sidecars,
    sqlite_error,
    wal_holds_pages,
    why_unwritable,
)
from workshop.file.schema import APPLICATION_ID, LATEST_VERSION
from workshop.i18n import UserError


def pathname2url(path: str) -> str:
    """urllib.request.pathname2url, without importing urllib.request (http and email, 40 ms)."""
    if os.name == "nt":
        from nturl2path import pathname2url as nt_pathname2url

        return nt_pathname2url(path)
    from urllib.parse import quote

    return quote(path)


SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class Header:
    """The facts of the 100-byte SQLite header that tell whether a file is sound and ours."""

    page_size: int
    pages: int  # database size in pages as the header states it, 0 when not valid
    application_id: int
    user_version: int

    @property
    def expected_size(self) -> int:
        return self.page_size * self.pages


def read_header(path: Path) -> Header:
    """Read the header bytes; UserError when the file is missing or not SQLite at all."""
    if not path.exists():
        raise UserError("file_missing", path=str(path))
    if path.is_dir():
        raise UserError("file_unreadable", path=str(path), detail="is a folder")
    try:
        head = _read_start(path, 100)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise UserError("file_unreadable", path=str(path), detail=detail) from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise UserError("file_not_sqlite", path=str(path))
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    return Header(
        page_size=page_size,
        pages=pages if valid_for == change_counter else 0,
        application_id=struct.unpack(">i", head[68:72])[0] & 0xFFFFFFFF,
        user_version=struct.unpack(">i", head[60:64])[0],
    )


def inspect(path: Path) -> int:
    """Check, read-only, that `path` is a sound workshop file; return its schema version."""
    header = read_header(path)
    size = path.stat().st_size
    # A file this process has open may be in the middle of a checkpoint of ours (page 1 is
    # written before the pages that make the file longer): SQLite's view of it is sound.
    if (
        header.pages
        and size < header.expected_size
        and not wal_holds_pages(path)
        and not held(path)
    ):
        raise UserError(
            "file_damaged", path=str(path), detail=f"{size} of {header.expected_size} bytes"
        )
    try:
        conn = connect_readonly(path, leave_no_sidecars=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise sqlite_error(path, exc) from None
    if app_id != APPLICATION_ID:
        raise UserError("file_not_ours", path=str(path))
    if version > LATEST_VERSION:
        raise UserError("file_newer", path=str(path), found=version, known=LATEST_VERSION)
    return version


# Closing ANY descriptor of a file drops every POSIX lock this process holds on it, SQLite's
# included (https://sqlite.org/howtocorrupt.html, 2.2). Another process closing its last
# connection then takes the file for its own, checkpoints and deletes the -wal and -shm under
# our open connections: reads fail with "disk I/O error" (SQLITE_IOERR_SHORT_READ) and later
# commits go into the deleted -wal and are lost. So while this process has a connection to a
# file, its header is read through one descriptor kept open until the last connection closes.
_held: dict[tuple[int, int], list] = {}  # (device, inode) -> [connections, descriptor | None]
_held_lock = threading.Lock()


def _key(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


def _read_start(path: Path, size: int) -> bytes:
    with _held_lock:  # no connection is made while a descriptor is open and closed here
        entry = _held.get(_key(path))
        if entry is None:
            with open(path, "rb") as fh:
                return fh.read(size)
        if entry[1] is None:
            entry[1] = os.open(path, os.O_RDONLY)
        return os.pread(entry[1], size, 0)


def held(path: Path) -> bool:
    """Whether this process has a connection open to `path`."""
    try:
        return _key(path) in _held
    except OSError:
        return False


class _Connection(sqlite3.Connection):
    """A connection that counts itself among the file's holders until it is closed."""

    _workshop_key: tuple[int, int] | None = None

    def close(self) -> None:
        super().close()
        key, self._workshop_key = self._workshop_key, None
        if key is None:
            return
        with _held_lock:
            entry = _held.get(key)
            if entry is not None:
                entry[0] -= 1
                if entry[0] <= 0:
                    del _held[key]
                    if entry[1] is not None:
                        os.close(entry[1])  # SQLite's own locks on the file are gone


def _hold(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """Count `conn` (made, as SQLite makes them, without taking a lock yet) as a holder."""
    key = _key(path)
    with _held_lock:
        _held.setdefault(key, [0, None])[0] += 1
    conn._workshop_key = key  # type: ignore[attr-defined]
    return conn


def _uri(path: Path, mode: str) -> str:
    return f"file:{pathname2url(str(path.resolve()))}?mode={mode}"


def _connect_uri(uri: str, path: Path) -> sqlite3.Connection:
    """A connection to `path` (through `uri`), counted among the file's holders (see above)."""
    conn = _hold(
        sqlite3.connect(
            uri, uri=True, isolation_level=None, check_same_thread=False, factory=_Connection
        ),
        path,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def connect_readonly(path: Path, *, leave_no_sidecars: bool = False) -> sqlite3.Connection:
    return open_readonly(path, leave_no_sidecars=leave_no_sidecars)[0]


def open_readonly(
    path: Path, *, leave_no_sidecars: bool = False
) -> tuple[sqlite3.Connection, UserError | None]:
    """A reading connection, and why it is a still picture of the file when it has to be one.

    SQLite reads a WAL-mode file only through its -shm file, which it must be able to create.
    On a read-only medium, without write permission or on a full disk it cannot, so the file
    is opened `immutable` (when no -wal holds captures not yet in the file itself), or a copy
    of the file and its -wal in a private temporary folder is read into memory. With
    `leave_no_sidecars` (a look by `check`), a file without -wal and -shm is read immutably so
    that none are created and left behind."""
    path = Path(path)
    wal, shm = sidecars(path)
    had = (wal.exists(), shm.exists())
    if leave_no_sidecars and not any(had):
        return _connect_uri(_uri(path, "ro") + "&immutable=1", path), None
    try:
        conn = _connect_uri(_uri(path, "ro"), path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn, None
    except sqlite3.OperationalError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if not name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_READONLY")):
            raise
        _remove_new_sidecars(path, had)
        reason = why_unwritable(path)
        if reason is None:
            raise
    if not wal.exists() or wal.stat().st_size == 0:
        return _connect_uri(_uri(path, "ro") + "&immutable=1", path), reason
    return _read_with_wal_elsewhere(path), reason


def _remove_new_sidecars(path: Path, had: tuple[bool, bool]) -> None:
    """A failed open leaves an empty -wal and a stub -shm behind; remove those it made."""
    wal, shm = sidecars(path)
    if wal.exists() and wal.stat().st_size > 0:
        return
    for existed, side in zip(had, (wal, shm), strict=True):
        if not existed:
            with contextlib.suppress(OSError):
                side.unlink(missing_ok=True)


def _read_with_wal_elsewhere(path: Path) -> sqlite3.Connection:
    """The file with what its -wal holds, read from a private temporary copy into memory."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        with tempfile.TemporaryDirectory(prefix="workshop-") as tmp:
            copy = Path(tmp) / "copy.wijk"
            shutil.copyfile(path, copy)
            shutil.copyfile(sidecars(path)[0], sidecars(copy)[0])
            source = _connect_uri(_uri(copy, "ro"), copy)
            try:
                source.backup(memory)
            finally:
                source.close()
    except OSError as exc:
        memory.close()
        raise os_error(Path(tempfile.gettempdir()), exc) from None
    return memory


def connect(path: Path) -> sqlite3.Connection:
    """A writing connection: WAL, synchronous=FULL (a commit is on disk when it returns),
    foreign keys checked, transactions controlled by us (`BEGIN IMMEDIATE` ... `COMMIT`)."""
    had = tuple(side.exists() for side in sidecars(path))
    conn = _connect_uri(_uri(path, "rw"), path)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.Error:
        conn.close()
        _remove_new_sidecars(path, (had[0], had[1]))
        raise
    if mode.lower() != "wal":
        conn.close()
        raise UserError("file_locked", path=str(path))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create_private(path: Path) -> None:
    """Create an empty file readable and writable by its owner only (0600); SQLite gives its
    -wal and -shm files the same mode."""
    if path.exists():
        raise UserError("file_exists", path=str(path))
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise outputs.unwritable(path, exc) from None
    os.close(fd)
    os.chmod(path, 0o600)


def remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def backups_dir(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


PART_SUFFIX = ".part"  # a copy being written; renamed to its name only when whole


def _claim(part: Path, target: Path) -> None:
    """Give the finished copy its name, never over another copy: a hard link fails when the
    name is taken, at once (two copies made at the same moment each keep their own; a check
    and a rename would let the second replace the first). Where the disk has no hard links (a
    FAT stick), the check and a rename."""
    try:
        os.link(part, target)
    except FileExistsError:
        raise UserError("file_exists", path=str(target)) from None
    except OSError:
        if target.exists():
            raise UserError("file_exists", path=str(target)) from None
        os.replace(part, target)
        return
    os.unlink(part)


def copy_consistent(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy through SQLite's backup API, readable by the owner only. It is written
    to a temporary name in the same folder, checked, flushed to the disk and only then renamed:
    a copy that failed (a full disk, a pulled stick) leaves nothing behind."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise os_error(target.parent, exc) from None
    if target.exists():
        raise UserError("file_exists", path=str(target))
    # one name per copy: two copies at once in one process (the timed backup and the one on
    # exit) must not write into each other's part
    part = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{PART_SUFFIX}")
    remove_with_sidecars(part)
    try:
        create_private(part)
        dest = sqlite3.connect(str(part))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        if not is_sound_copy(part):
            raise UserError("backup_incomplete", path=str(target))
        _fsync(part)
        _claim(part, target)
        _fsync(target.parent)
    except sqlite3.Error as exc:
        remove_with_sidecars(part)
        error = sqlite_error(target, exc)
        raise (
            disk_full(target) if error.key == "disk_io_error" and nearly_full(target) else error
        ) from None
    except OSError as exc:
        remove_with_sidecars(part)
        raise os_error(target, exc) from None
    except BaseException:
        remove_with_sidecars(part)
        raise
    return target


def _fsync(path: Path) -> None:
    """Flush a file, or a folder's entry of a renamed file, to the disk (where the OS can)."""
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() and hasattr(os, "O_DIRECTORY") else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if path.is_dir():
            return  # Windows cannot open a folder; its rename is durable enough
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not path.is_dir():
            raise
    finally:
        os.close(fd)


def is_sound_copy(path: Path, *, thorough: bool = False) -> bool:
    """Whether `path` is a whole workshop file: an SQLite header of ours and every page the
    header promises; `thorough` also opens it (immutably, nothing is written) and runs SQLite's
    integrity check."""
    try:
        header = read_header(path)
        size = path.stat().st_size
    except (UserError, OSError):
        return False
    if (
        header.application_id != APPLICATION_ID
        or size < header.page_size
        or (header.pages and size != header.expected_size)
    ):
        return False
    if not thorough:
        return True
    try:
        conn = _connect_uri(_uri(path, "ro") + "&immutable=1", path)
        try:
            result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
            conn.execute("SELECT count(*) FROM neighbourhood").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return result == "ok"


def timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def tidy_wal(path: Path) -> None:
    """Let SQLite checkpoint and delete a WAL that a read-only connection left, if no other
    connection has the file open (then this one is the last, and closing it tidies up)."""
    if (
        not Path(f"{path}-wal").exists()
        or not os.access(path, os.W_OK)
        or not os.access(path.parent, os.W_OK)
    ):
        return
    try:
        conn = sqlite3.connect(_uri(path, "rw"), uri=True, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass  # busy or unreadable: leave the WAL to the next connection
    finally:
        conn.close()

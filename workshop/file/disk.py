"""What the disk, not the file, is to blame for, said as it is: a full disk (and where), a
read-only medium, no permission, a read or write error of the disk. Only SQLite's own verdict
of damage is called damage.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from workshop import outputs
from workshop.i18n import UserError


def sqlite_error(path: Path, exc: sqlite3.Error) -> UserError:
    """Turn what SQLite says about a file into a message for a person. Only SQLite's own verdict
    of damage is called damage: an I/O error is first checked against the disk (full? read-only?
    no permission?) and otherwise reported as the disk's error, not the file's."""
    text = str(exc)
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return UserError("file_locked", path=str(path))
    if name == "SQLITE_NOTADB" or "not a database" in text or "file is encrypted" in text:
        return UserError("file_not_sqlite", path=str(path))
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text or "corrupt" in text:
        return UserError("file_damaged", path=str(path), detail=text)
    if name == "SQLITE_FULL" or "disk is full" in text:
        return disk_full(path)
    readonly = name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text
    io = name.startswith("SQLITE_IOERR") or "disk I/O" in text
    if readonly or io or name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        reason = why_unwritable(path)
        if reason is not None:
            return reason
        if readonly:
            return UserError("file_readonly", path=str(path))
        if io:
            return UserError("disk_io_error", path=str(path), detail=name or text)
    return UserError("file_unreadable", path=str(path), detail=text)


def os_error(path: Path, exc: OSError) -> UserError:
    """Turn a failed read or write of `path` (a file or a folder) into a message."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(path)
    if exc.errno == errno.EROFS:
        return UserError("medium_readonly", path=str(path))
    return outputs.unwritable(path, exc)


FULL_BELOW = 1 << 20  # an I/O error with less than this free is the disk being full


def _folder(path: Path) -> Path:
    path = Path(path).resolve()
    return path if path.is_dir() else path.parent


def disk_full(path: Path) -> UserError:
    folder = _folder(path)
    return UserError("disk_full", path=str(path), folder=str(folder), free=_free_text(folder))


def _free_text(folder: Path) -> str:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return "?"
    return f"{free // 1024} KB" if free < 10 << 20 else f"{free // (1 << 20)} MB"


def why_unwritable(path: Path) -> UserError | None:
    """Why `path` cannot be written right now (a read-only medium, no permission, a full
    disk), or None when nothing on the disk's side is in the way."""
    path = Path(path)
    folder = _folder(path)
    try:
        stats = os.statvfs(folder)
    except OSError:
        return None
    if stats.f_flag & os.ST_RDONLY:
        return UserError("medium_readonly", path=str(path))
    sidecars_missing = not all(p.exists() for p in sidecars(path))
    if (path.is_file() and not os.access(path, os.W_OK)) or (
        sidecars_missing and not os.access(folder, os.W_OK | os.X_OK)
    ):
        return UserError("file_no_permission", path=str(path))
    if stats.f_bavail * stats.f_frsize < FULL_BELOW:
        return disk_full(path)
    return None


def wal_holds_pages(path: Path) -> bool:
    """Whether the -wal holds pages not yet copied into the file. Then the file itself may be
    shorter than its header says (a checkpoint that stopped at a full disk) and is not cut off:
    SQLite reads the missing pages from the -wal."""
    wal = sidecars(path)[0]
    try:
        return wal.stat().st_size > 32
    except OSError:
        return False


def sidecars(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files SQLite keeps next to a file in WAL mode."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(_folder(path)).free < FULL_BELOW
    except OSError:
        return False

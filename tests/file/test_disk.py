"""What SQLite and the OS say about the disk, each said as it is (workshop.file.disk)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.file.test_faults import make_file
from workshop.file import access as files


def _sqlite_error(text: str, name: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        ("database disk image is malformed", "SQLITE_CORRUPT", "file_damaged"),
        ("disk I/O error", "SQLITE_IOERR_READ", "disk_io_error"),
        ("database or disk is full", "SQLITE_FULL", "disk_full"),
        ("attempt to write a readonly database", "SQLITE_READONLY", "file_readonly"),
        ("database is locked", "SQLITE_BUSY", "file_locked"),
    ],
)
def test_sqlite_errors_on_a_healthy_disk(tmp_path: Path, text: str, name: str, key: str) -> None:
    """Only SQLite's verdict of damage is called damage; an I/O error on a disk with room is
    the disk's read or write error."""
    path = make_file(tmp_path / "wijk.wijk")
    assert files.sqlite_error(path, _sqlite_error(text, name)).key == key


def test_oserrors_of_the_disk(tmp_path: Path) -> None:
    import errno

    full = files.os_error(tmp_path / "x.pdf", OSError(errno.ENOSPC, "No space left on device"))
    assert full.key == "disk_full" and str(tmp_path) in full.message("en")
    assert files.os_error(tmp_path, OSError(errno.EROFS, "Read-only")).key == "medium_readonly"

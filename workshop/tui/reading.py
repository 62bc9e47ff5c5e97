"""Reads in worker threads: each on a read-only connection of its own, tried again when it
fails (another program holding the file a moment, a disk that hiccups), and, when it still
fails, a `ReadFailed` the screen turns into one line while the capture line goes on.
No Textual here.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from workshop.file import access as files
from workshop.file.store import Store
from workshop.i18n import UserError

T = TypeVar("T")
ATTEMPTS = 3
PAUSE = 0.15  # seconds before the second try; twice that before the third


class ReadFailed(Exception):
    """A background read that failed every time; `error` says why, for a person."""

    def __init__(self, error: UserError) -> None:
        super().__init__(error.key)
        self.error = error


def read(
    path: Path, work: Callable[[Store], T], *, attempts: int = ATTEMPTS, pause: float = PAUSE
) -> T:
    """`work(store)` on a read-only store of `path`, tried up to `attempts` times."""
    error: UserError | None = None
    for attempt in range(attempts):
        if attempt:
            time.sleep(pause * attempt)
        try:
            with Store.open(path, readonly=True) as store:
                return work(store)
        except UserError as exc:
            error = exc
        except sqlite3.Error as exc:
            error = files.sqlite_error(path, exc)
    assert error is not None
    raise ReadFailed(error)

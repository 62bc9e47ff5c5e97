"""A bug in a screen must not end the evening: it is written to a log file and said in one
line, and the app carries on (the file holds every capture that was shown as saved).

Textual ends the app on any exception in a message handler or a worker, and a widget whose
handler raised stops taking messages at all (its message loop ends). `install` wraps the one
place every message passes (`MessagePump._dispatch_message`) so that, in an app that has a
`survive_bug` method, the exception goes there and the widget keeps working; other apps keep
Textual's behaviour.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import traceback
from pathlib import Path

from textual.message_pump import MessagePump

from workshop.tui import compat

LOG_NAME = "tui.log"
LOG_LIMIT = 1 << 20  # bytes; the log is started afresh past this
SAY_EVERY = 10.0  # seconds: the same bug is said at most this often


def log_path() -> Path:
    """$XDG_STATE_HOME/workshop/tui.log (~/.local/state/workshop/tui.log by default)."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "workshop" / LOG_NAME


class BugLog:
    """Writes each bug once per occurrence kind (type, text, where), with its traceback."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or log_path()
        self.counts: dict[tuple[str, str, str], int] = {}
        self._said: dict[tuple[str, str, str], float] = {}

    def record(self, error: BaseException, where: str = "") -> bool:
        """Log `error`; True when it should be said on screen now (not said just before)."""
        key = (type(error).__name__, str(error)[:200], where)
        self.counts[key] = self.counts.get(key, 0) + 1
        if self.counts[key] <= 3:  # a bug repeated every frame must not fill the disk
            self._write(error, where, self.counts[key])
        now = time.monotonic()
        if now - self._said.get(key, -SAY_EVERY) < SAY_EVERY:
            return False
        self._said[key] = now
        return True

    def _write(self, error: BaseException, where: str, count: int) -> None:
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if self.path.exists() and self.path.stat().st_size > LOG_LIMIT:
                self.path.unlink()
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write(f"--- {stamp} {where} (#{count})\n{text}\n")
        except OSError:
            pass  # a log that cannot be written must not become a second bug


_original = compat.ORIGINAL_DISPATCH


async def _guarded_dispatch(self: MessagePump, message) -> None:
    try:
        await _original(self, message)
    except Exception as error:  # CancelledError is not an Exception: it passes
        try:
            app = compat.running_app()
        except LookupError:
            raise error from None
        survive = getattr(app, "survive_bug", None)
        if survive is None or not app.is_running:
            raise
        survive(error, where=f"{type(self).__name__}.{type(message).__name__}")


def install() -> None:
    """Route exceptions of message handlers to the app's `survive_bug` (idempotent)."""
    compat.replace_dispatch(_guarded_dispatch)

"""What screens, dialogs and the command palette may ask of the app that shows them.

They depend on this small interface, not on `workshop.tui.app` (which imports them): the open
file, the language of the screens, a revision number that goes up after every write, the
status line, and one way to say something. `app.py` checks that `WorkshopApp` provides it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from textual.notifications import SeverityLevel

from workshop.file.store import Store
from workshop.tui.reading import ReadFailed
from workshop.tui.widgets.status_bar import Status


class Host(Protocol):
    store: Store  # the one writing connection, used on the app's thread only
    lang: str
    revision: int  # goes up after every write; a screen shown later catches up with it

    @property
    def path(self) -> Path: ...

    def status(self) -> Status: ...

    def say(self, text: str, *, severity: SeverityLevel = "information") -> None:
        """A notification with user text in it, never read as markup."""

    def changed(self) -> None:
        """After every write: the screen on show catches up now, the others when shown."""

    def read_failed(self, error: ReadFailed) -> None:
        """A background read failed every try: one line; the screen keeps what it showed."""


class ActionHost(Host, Protocol):
    """What the command palette runs: every action that has a key."""

    async def action_show(self, mode: str) -> None: ...

    def action_help(self) -> None: ...

    def action_session(self) -> None: ...

    def action_undo(self) -> None: ...

    def action_redo(self) -> None: ...

    def action_backup(self) -> None: ...

    def action_scan(self) -> None: ...

    def action_language(self) -> None: ...

    def action_contrast(self) -> None: ...

    def start_print(self, what: str) -> None: ...

    def start_export(self, fmt: str, anonymise: bool = False) -> None: ...

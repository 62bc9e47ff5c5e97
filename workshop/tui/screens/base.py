"""What every main screen shares: the status bar on top, the keys below, and catching up
with the file when it is shown (lists and maps are reloaded only when someone looks)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen

from workshop.tui import compat
from workshop.tui.host import Host
from workshop.tui.keys import localize
from workshop.tui.reading import ReadFailed
from workshop.tui.widgets.key_bar import KeyBar
from workshop.tui.widgets.status_bar import StatusBar

T = TypeVar("T")


class WorkshopScreen(Screen):
    def __init__(self) -> None:
        super().__init__()
        compat.styled_as_current(self)  # not restyled when first shown: ~0.5 s on F3, F4, ...
        self.seen_revision = -1
        self.seen_lang: str | None = None

    @property
    def workshop(self) -> Host:
        return cast(Host, self.app)

    @property
    def lang(self) -> str:
        return self.workshop.lang

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield from self.compose_body()
        yield KeyBar()  # every key, on two rows at 80 columns

    def compose_body(self) -> ComposeResult:
        yield from ()

    async def on_screen_resume(self) -> None:
        await self.catch_up()

    async def catch_up(self, *, force: bool = False) -> None:
        """Reload what this screen shows if the file or the language changed meanwhile."""
        lang = self.lang
        if self.seen_lang not in (None, lang):
            await self.recompose()
            self.seen_revision = -1
        if self.seen_lang != lang:
            localize(self, lang)
            self.refresh_bindings()
        self.seen_lang = lang
        if force or self.seen_revision != self.workshop.revision:
            self.seen_revision = self.workshop.revision
            self.load()
        self.show_status()

    def show_status(self) -> None:
        self.query_one(StatusBar).show(self.workshop.status())

    def load(self) -> None:
        """Read what the screen shows from the file (called when it changed)."""

    def report(self, text: str) -> None:
        """Something the app did (an undo, a redo) that this screen may want to say."""

    def read_then(self, compute: Callable[[], T], show: Callable[[T], object]) -> None:
        """In a worker thread: `show(compute())` on the app's thread; a read that failed every
        try is reported to the app (one line) instead, so the worker ends well and the screen
        keeps what it showed. Nobody waiting for the worker sees the failure raised again."""
        try:
            result = compute()
        except ReadFailed as exc:
            self.app.call_from_thread(self.workshop.read_failed, exc)
            return
        self.app.call_from_thread(show, result)


class WorkshopModal(ModalScreen):
    """A dialog over a screen, with its keys in the screen's language."""

    @property
    def workshop(self) -> Host:
        return cast(Host, self.app)

    @property
    def lang(self) -> str:
        return self.workshop.lang

    def on_screen_resume(self) -> None:
        localize(self, self.lang)
        self.refresh_bindings()

"""`workshop wall FILE`: the latest captures and the counts, large, for a second screen or a
projector, refreshing by itself while `workshop run` writes to the same file.

It opens the file read-only (a WAL reader: it never blocks the capture line, and every commit
is visible to its next read). What it shows is meant for the whole room, so persons are named
as on paper (the `print` audience): below that consent, a role pseudonym, and every line
passes the one redaction of `workshop.file.redaction` (output `wall`), so a note "Bel Jan Jansen op
0612345678" shows neither the name nor the number of a person the room may not see.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.text import visible
from workshop.tui import queries
from workshop.tui.app import CONTRAST
from workshop.tui.keys import localize
from workshop.tui.texts import tx
from workshop.tui.wall_state import COUNTED, LATEST, Following, wall_lines

__all__ = ["WallApp", "wall_lines"]

REFRESH_EVERY = 1.5  # seconds


class WallApp(App[None]):
    TITLE = "workshop wall"
    CSS_PATH = "wall.tcss"
    BINDINGS = [
        Binding("ctrl+g", "contrast", "High contrast", id="contrast", show=False),
        Binding("ctrl+q,q", "quit", "Quit", id="quit"),
    ]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, store: Store, *, contrast: bool = False) -> None:
        super().__init__()
        self.store = store
        self.following = Following(store.path, store)  # also a file of an older schema
        self.lang = store.lang
        self._contrast = contrast
        self._shown: tuple | None = None

    def compose(self) -> ComposeResult:
        name = visible(self.store.neighbourhood()["name"])
        yield Static(Text(name, style="bold"), id="wall-name")
        with Horizontal(id="wall-counts"):
            for table, label in COUNTED:
                with Vertical(classes="wall-count"):
                    yield Digits("0", id=f"count-{table}")
                    yield Static(Text(tx(label, self.lang)), classes="wall-label")
        yield Static(Text(tx("wall_latest", self.lang), style="bold"), id="wall-latest-title")
        yield Static("", id="wall-latest")

    def on_mount(self) -> None:
        self.register_theme(CONTRAST)
        if self._contrast:
            self.theme = CONTRAST.name
        localize(self, self.lang)
        self.refresh_wall()
        self.set_interval(REFRESH_EVERY, self.refresh_wall)

    def refresh_wall(self) -> None:
        try:
            self.store = self.following.store()
            counts = queries.counts(self.store)
            latest = wall_lines(self.store, LATEST, self.lang)
        except UserError as exc:  # the file went away or is being replaced: keep trying
            self.query_one("#wall-latest", Static).update(Text(exc.message(self.lang)))
            return
        shown = (tuple(sorted(counts.items())), tuple(latest))
        if shown == self._shown:
            return
        self._shown = shown
        for table, _ in COUNTED:
            self.query_one(f"#count-{table}", Digits).update(str(counts[table]))
        text = Text()
        for index, line in enumerate(latest):
            text.append(
                ("▸ " if index == 0 else "  ") + line + "\n", style="bold" if index == 0 else ""
            )
        self.query_one("#wall-latest", Static).update(text or Text(tx("wall_nothing", self.lang)))

    def action_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == CONTRAST.name else CONTRAST.name

"""The capture screen: the line, what Enter will make of it, the latest captures, and the
map beside them (from 120 columns on; F10 shows or hides it, under the line when narrow).

Each Enter is one `record()` call: one committed transaction on this thread, a few
milliseconds; only after it returns does the feed show the capture as saved. A refused line
stays in place with a one-line reason under it, to be put right. The map is read after a save
in a worker thread (SQLite counts, without holding the GIL); the cell the line names with `@`
is highlighted as it is typed, from the line alone (no read).
"""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from workshop.capture.grammar import Capture, parse
from workshop.capture.record import Outcome, near_duplicates, plan, record
from workshop.file import access as files
from workshop.i18n import UserError, plural
from workshop.text import one_line, visible
from workshop.tui import overview, queries, reading
from workshop.tui.completion import Completion, complete
from workshop.tui.screens.base import WorkshopScreen
from workshop.tui.texts import tx
from workshop.tui.widgets.capture_line import CaptureLine
from workshop.tui.widgets.feed import Feed
from workshop.tui.widgets.grid_map import LABEL
from workshop.tui.widgets.map_panel import MapPanel, typed_cell

FEED_LENGTH = 60
MAP_BESIDE = 120  # from this width on the map is shown beside the line
LINE_ROOM = (50, 80)  # the line's column beside the map: at least, at most


class CaptureScreen(WorkshopScreen):
    AUTO_FOCUS = "CaptureLine"
    BINDINGS = [
        Binding("escape", "to_line", "To the line", id="line", show=False),
        Binding("f10", "toggle_map", "Mini map", id="side_map"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.draft = ""  # the line as typed, kept when the screen is rebuilt
        self._said = ""
        self._message: Text | str = ""
        self.pending = 0  # pasted lines waiting after the one in the line
        self.map_wanted: bool | None = None  # None: as the width says (F10 decides after)
        self._map_revision = -1

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        self._map_revision = -1  # a new map (the language changed): it is read again
        with Horizontal(id="capture-body"):
            with Vertical(id="capture-main"):
                with Vertical(id="capture-area"):
                    yield CaptureLine(
                        self._complete,
                        self.typed,
                        placeholder=tx("capture_placeholder", lang),
                        value=self.draft,
                        compact=True,
                        id="line",
                    )
                    yield Static(Text(tx("preview_empty", lang)), id="preview")
                    yield Static("", id="message")
                yield Static(Text(tx("feed_title", lang)), id="feed-title")
                yield Feed(id="feed")
            yield MapPanel(self.workshop.store.grid, tx("side_map_legend", lang), id="capture-map")

    def load(self) -> None:
        store = self.workshop.store
        self.query_one(Feed).show(
            queries.feed(store, FEED_LENGTH, self.lang), tx("feed_undone", self.lang)
        )
        # after the frame that says *opgeslagen*: the map's worker does not delay it
        self.call_after_refresh(self._load_map)

    # --- the map beside the line ---------------------------------------------------------------

    @property
    def map_shown(self) -> bool:
        return self.has_class("-map")

    def on_resize(self, event: events.Resize) -> None:
        self._arrange(event.size.width)

    def on_mount(self) -> None:
        self._arrange(self.app.size.width)

    def _arrange(self, width: int) -> None:
        """Beside the line from MAP_BESIDE columns on, under it (instead of the feed) when
        narrower; F10 overrides what the width says."""
        wide = width >= MAP_BESIDE
        shown = wide if self.map_wanted is None else self.map_wanted
        self.set_class(not wide, "-narrow")
        self.set_class(shown, "-map")
        if wide:
            grid = self.workshop.store.grid
            natural = LABEL + grid.cols * 11 + 1 + 3  # cells 10 wide, the panel's edges
            main = max(LINE_ROOM[0], min(LINE_ROOM[1], width - natural))
            self.query_one("#capture-main").styles.width = main if shown else "1fr"
        else:
            self.query_one("#capture-main").styles.width = "1fr"
        if shown:
            self._load_map()
            self.query_one(MapPanel).mark(typed_cell(self.draft, self.workshop.store.grid))

    def action_toggle_map(self) -> None:
        self.map_wanted = not self.map_shown
        self._arrange(self.app.size.width)
        self.query_one(CaptureLine).focus()

    def _load_map(self) -> None:
        if not self.map_shown or self._map_revision == self.workshop.revision:
            return
        self._map_revision = self.workshop.revision
        self.read_map(self.workshop.path, self.lang)

    @work(thread=True, exclusive=True, group="capture-map")
    def read_map(self, path, lang: str) -> None:
        self.read_then(
            lambda: reading.read(path, lambda store: overview.map_and_unplaced(store, lang)),
            self._show_map,
        )

    def _show_map(self, read: tuple[dict[str, overview.Cell], overview.Unplaced]) -> None:
        cells, unplaced = read
        lang = self.lang
        if unplaced.total:
            counted = [
                plural(key, n, lang)
                for key, n in (
                    ("n_place", unplaced.places),
                    ("n_initiative", unplaced.initiatives),
                )
                if n
            ]
            names = ", ".join(one_line(n, 40) for n in unplaced.names)
            text = Text(tx("side_unplaced", lang, counts=", ".join(counted)), style="bold")
            text.append(" " + visible(names))
        else:
            text = Text(tx("side_all_placed", lang), style="dim")
        self.query_one(MapPanel).show(self.workshop.store.grid, cells, text)

    # --- typing --------------------------------------------------------------------------------

    def typed(self, value: str, alternatives: list[Completion]) -> None:
        """Every change of the line, within the keystroke that made it."""
        if not self.is_mounted:
            return
        self.draft = value
        self._preview(value)
        self._hint(alternatives)
        if self.map_shown:
            cell = typed_cell(value, self.workshop.store.grid)
            panel = self.query_one(MapPanel)
            if value:
                panel.mark(cell)
            else:  # emptied by Enter: the map is redrawn after the frame that says opgeslagen
                self.call_after_refresh(panel.mark, None)

    def _complete(self, value: str) -> list[Completion]:
        return complete(value, self._names, self.workshop.store.context())

    def _names(self, prefix: str, tables, limit: int) -> list[str]:
        return [name for _, name in self.workshop.store.complete(prefix, tuple(tables), limit)]

    def _preview(self, value: str) -> None:
        preview = self.query_one("#preview", Static)
        lang = self.lang
        if not value.strip():
            preview.update(Text(tx("preview_empty", lang), style="dim"), layout=False)
            return
        ctx = self.workshop.store.context()
        try:
            capture = parse(value, ctx)
        except UserError as exc:
            preview.update(
                Text(
                    keep_end(visible("… " + exc.message(lang)), _room(preview)), style="dim italic"
                ),
                layout=False,
            )
            return
        # The core's plan: every field saved (defaults too), the record each name resolved
        # to, the persons it makes, or why the file refuses it. A read, ~0.2 ms a keystroke.
        try:
            planned = plan(self.workshop.store, capture)
        except sqlite3.Error:
            return  # the preview keeps what it showed; Enter will say what is wrong
        what = visible(planned.text(lang))
        if planned.refusal is not None:
            preview.update(
                Text(keep_end("… " + what, _room(preview)), style="dim italic"), layout=False
            )
            return
        preview.update(
            Text(keep_end(tx("preview_will", lang, what=what), _room(preview)), style="bold"),
            layout=False,
        )

    def _hint(self, alternatives: list[Completion]) -> None:
        if not alternatives:
            if self.query_one(CaptureLine).value or self._said != "saved":
                self._say("", "")
            return
        lang = self.lang
        text = Text(tx("hint_complete", lang, first=alternatives[0].word), style="dim")
        if len(alternatives) > 1:
            others = " | ".join(a.word for a in alternatives[1:4])
            text.append(tx("hint_more", lang, others=others), style="dim")
        self._say(text, "hint")

    def report(self, text: str) -> None:
        self._say(Text(text, style="yellow"), "saved")

    def _refocus(self) -> None:
        self.query_one(CaptureLine).focus()

    def _focus_feed(self) -> None:
        self.query_one(Feed).focus()

    def _say(self, text: Text | str, kind: str) -> None:
        """The line under the preview: a completion hint, what was saved, or why not; and
        how many pasted lines are still to come."""
        self._said = kind
        if isinstance(text, Text) and not text.plain.isprintable():
            text = Text(visible(text.plain), style=text.style)  # user text, never raw controls
        self._message = text
        if kind == "error" and isinstance(text, Text):  # the end says how to write it
            message = self.query_one("#message", Static)
            text = Text(keep_end(text.plain, _room(message)), style=text.style)
        if self.pending:
            shown = Text(plural("tui_pending_line", self.pending, self.lang), style="bold")
            if text:
                shown.append("  ")
                shown.append_text(text if isinstance(text, Text) else Text(text))
            text = shown
        self.query_one("#message", Static).update(text, layout=False)  # its size is fixed

    @on(CaptureLine.Pending)
    def pending_changed(self, event: CaptureLine.Pending) -> None:
        self.pending = event.count
        self._say(self._message, self._said)

    # --- saving --------------------------------------------------------------------------------

    @on(Input.Submitted, "#line")
    def submitted(self, event: Input.Submitted) -> None:
        """The line has been handed over (and emptied): save it, or give it back."""
        text = event.value
        if not text.strip():
            return
        try:
            capture = parse(text, self.workshop.store.context())
        except UserError as exc:
            self._refuse(text, exc)
            return
        near = near_duplicates(self.workshop.store, capture)
        if near:
            self._resolve(capture, near)
        else:
            self._save(capture)

    @work(group="near")  # not exclusive: a second question must not cancel the first line
    async def _resolve(self, capture: Capture, near: list) -> None:
        """Ask, name by name, whether a near-duplicate is meant; then save (or go back)."""
        from workshop.tui.screens.near import NearDuplicateScreen

        for typed, table, similar in near:
            choice = await self.app.push_screen_wait(NearDuplicateScreen(typed, table, similar))
            if choice is None:
                line = self.query_one(CaptureLine)
                line.restore(capture.line)
                line.focus()
                return
            if choice:
                _use_name(capture, typed, choice)
        self._save(capture)

    def _save(self, capture: Capture) -> None:
        store = self.workshop.store
        try:
            outcomes = record(store, [capture])
        except UserError as exc:
            self._refuse(capture.line, exc)
            return
        except sqlite3.Error as exc:  # the disk is full, the file is locked or damaged
            self._refuse(capture.line, files.sqlite_error(store.path, exc))
            return
        except Exception as exc:  # a bug: the line and the session must both survive it
            self.log.error("capture failed", capture.line, exc)
            self._refuse(capture.line, UserError("tui_bug", error=type(exc).__name__))
            return
        line = self.query_one(CaptureLine)
        if not outcomes[0].saved:  # `kaart N`: a look-up, nothing was written
            self._card(capture, outcomes[0])
            return
        notices = [n for o in outcomes for n in o.notices]
        message = Text(tx("saved", self.lang, summary=outcomes[0].summary), style="green")
        if notices:
            message.append("  " + " ".join(notices), style="yellow")
        self.workshop.changed()
        line.next_pending()  # first: the next pasted line must not wipe what was saved
        self._say(message, "saved")
        line.focus()

    def _card(self, capture: Capture, outcome: Outcome) -> None:
        """`kaart N` (what a card's QR code types) saved nothing (`record` says so): open that
        initiative, or, for a blank card handed out, put the core's ready line (`i  kaart:N`)
        in the line with the cursor at the name."""
        from workshop.tui.screens.form import RecordForm

        number = capture.fields["card_number"]
        line = self.query_one(CaptureLine)
        if outcome.id is not None:
            self._say(
                Text(tx("card_opened", self.lang, number=number, name=outcome.name), style="green"),
                "saved",
            )
            self.app.push_screen(RecordForm("initiative", outcome.id), lambda _: self._refocus())
            return
        line.value = (outcome.ready_line or "") + line.value
        line.cursor_position = 2
        self._say(Text(tx("card_blank_type", self.lang, number=number), style="yellow"), "hint")
        line.focus()

    def _refuse(self, text: str, exc: UserError) -> None:
        """A line that cannot be saved goes back into the line, its reason under it."""
        line = self.query_one(CaptureLine)
        line.restore(text)
        self._say(Text(exc.message(self.lang), style="bold red"), "error")
        line.focus()

    # --- the feed ------------------------------------------------------------------------------

    @on(CaptureLine.LeaveDown)
    def to_feed(self) -> None:
        """↓ from the line: to the newest capture, always (never an old highlight)."""
        feed = self.query_one(Feed)
        if feed.option_count:
            feed.newest()
            feed.focus()

    def action_to_line(self) -> None:
        self.query_one(CaptureLine).focus()

    @on(Feed.Chosen)
    def edit(self, event: Feed.Chosen) -> None:
        from workshop.tui.screens.form import RecordForm

        self.app.push_screen(RecordForm(event.table, event.id), lambda saved: self._focus_feed())


def _room(widget: Static) -> int:
    """About how many characters a fixed-height text widget shows (its lines × its width,
    less what wrapping at word ends leaves empty)."""
    width = widget.content_region.width or widget.size.width or 76
    lines = int(widget.styles.height.value) if widget.styles.height else 1
    return max(20, int(width * max(1, lines) * 0.9))


def keep_end(text: str, room: int) -> str:
    """Text too long for its place loses its middle, not its end: the end of a refusal
    or a hint is what to do."""
    if len(text) <= room:
        return text
    head = room // 3
    return text[:head] + "…" + text[len(text) - (room - head - 1) :]


def _use_name(capture: Capture, typed: str, chosen: str) -> None:
    """Put an existing record's name where a near-duplicate was typed."""
    if capture.name == typed:
        capture.name = chosen
    if capture.target == typed:
        capture.target = chosen
    capture.actors = [chosen if a == typed else a for a in capture.actors]

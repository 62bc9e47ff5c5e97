"""F3: the lists (places, initiatives, actors, ties, participants, notes), to find, sort and
edit records. A list is read from the file only when it is shown and the file has changed."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static, TabbedContent, TabPane

from workshop import edit
from workshop.edit import LINK_TABLES
from workshop.i18n import UserError
from workshop.tui import queries
from workshop.tui.screens.base import WorkshopScreen
from workshop.tui.texts import tx
from workshop.tui.widgets.record_table import RecordTable


class BrowseScreen(WorkshopScreen):
    CSS_PATH = "browse.tcss"
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("n", "new", "New", id="new"),
        Binding("delete,d", "delete", "Delete", id="delete"),
        Binding("s", "sort", "Sort", id="sort"),
        Binding("r", "reverse", "Reverse", id="reverse", show=False),
        Binding("right", "tab(1)", "Next list", id="next_tab", show=False),
        Binding("left", "tab(-1)", "Previous list", id="prev_tab", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.loaded: dict[str, int] = {}  # tab -> revision its rows were read at

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with TabbedContent(id="tabs"):
            for tab in queries.TABS:
                with TabPane(tx(f"tab_{tab}", lang), id=f"tab-{tab}"):
                    with Horizontal(classes="filter-row"):
                        yield Input(placeholder=tx("filter_placeholder", lang), compact=True,
                                    id=f"filter-{tab}", classes="filter")
                        yield Static("", id=f"count-{tab}", classes="count")
                    yield RecordTable(id=f"table-{tab}", empty_text=tx("form_none", lang))

    @property
    def tab(self) -> str:
        active = self.query_one(TabbedContent).active or "tab-place"
        return active.removeprefix("tab-")

    def table(self, tab: str | None = None) -> RecordTable:
        return self.query_one(f"#table-{tab or self.tab}", RecordTable)

    def load(self) -> None:
        self._load(self.tab)

    def _load(self, tab: str) -> None:
        if self.loaded.get(tab) == self.workshop.revision:
            return
        self.loaded[tab] = self.workshop.revision
        table = self.table(tab)
        rows = queries.rows(self.workshop.store, tab, self.lang)
        labels = [tx(c.key, self.lang) for c in rows.columns]
        table.show(rows, labels, keep=table.current)
        self._count(tab)

    def _count(self, tab: str) -> None:
        table = self.table(tab)
        self.query_one(f"#count-{tab}", Static).update(
            Text(tx("rows_shown", self.lang, shown=table.shown, total=table.total),
                 style="dim"))

    @on(TabbedContent.TabActivated)
    def activated(self, event: TabbedContent.TabActivated) -> None:
        self.seen_revision = self.workshop.revision
        self._load(self.tab)
        self.table().focus()

    def on_mount(self) -> None:
        self.table().focus()

    # --- filtering and sorting -----------------------------------------------------------------

    @on(Input.Changed, ".filter")
    def filtered(self, event: Input.Changed) -> None:
        tab = (event.input.id or "").removeprefix("filter-")
        self.table(tab).set_filter(event.value)
        self._count(tab)

    @on(Input.Submitted, ".filter")
    def filter_done(self) -> None:
        self.table().focus()

    def action_filter(self) -> None:
        self.query_one(f"#filter-{self.tab}", Input).focus()

    def action_sort(self) -> None:
        self.table().sort_by()

    def action_reverse(self) -> None:
        column, reverse = self.table().sort_state
        self.table().sort_by(column, not reverse)

    def action_tab(self, step: int) -> None:
        tabs = list(queries.TABS)
        index = (tabs.index(self.tab) + step) % len(tabs)
        self.query_one(TabbedContent).active = f"tab-{tabs[index]}"

    def key_escape(self) -> None:
        self.table().focus()

    # --- editing -------------------------------------------------------------------------------

    @on(RecordTable.Chosen)
    def chosen(self, event: RecordTable.Chosen) -> None:
        from workshop.tui.screens.form import RecordForm

        self.app.push_screen(RecordForm(event.table, event.id), lambda _: self.table().focus())

    def action_new(self) -> None:
        from workshop.tui.screens.form import RecordForm

        if self.tab == "tie":
            self.workshop.say(tx("no_new_tie", self.lang), severity="warning")
            return
        self.app.push_screen(RecordForm(self.tab, None), lambda _: self.table().focus())

    def action_delete(self) -> None:
        from workshop.tui.screens.confirm import ConfirmScreen

        current = self.table().current
        if current is None:
            self.workshop.say(tx("nothing_selected", self.lang), severity="warning")
            return
        table, id_ = current
        store = self.workshop.store
        row = store.get(table, id_)
        if row is None:
            return
        what = edit.describe(store, table, row, self.lang)
        also = edit.dependents(store, table, id_) if table not in LINK_TABLES else 0
        detail = tx("delete_also", self.lang, n=also) if also else ""
        question = ConfirmScreen(tx("delete_question", self.lang, what=what), detail,
                                 tx("delete_keys", self.lang))
        self.app.push_screen(question, lambda yes: yes and self._delete(table, id_, what))

    def _delete(self, table: str, id_: str, what: str) -> None:
        try:
            edit.delete(self.workshop.store, table, id_)
        except UserError as exc:
            self.workshop.say(exc.message(self.lang), severity="error")
            return
        self.workshop.say(tx("deleted", self.lang, what=what))
        self.workshop.changed()

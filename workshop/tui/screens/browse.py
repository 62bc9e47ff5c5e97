"""F3: the lists (places, initiatives, actors, ties, participants, notes), to find, sort and
edit records. One table serves every list (a tab bar says which), so the screen opens fast;
each list keeps its own filter and sort, and is read from the file only when it is shown and
the file has changed.

Spreadsheet moves: space chooses rows (shift+arrows a run, Ctrl+A all shown), Ctrl+E sets one
field of the chosen rows (or of the row under the cursor) at once, Ctrl+K folds two chosen
records into one; each is one step Ctrl+Z undoes. The work is `workshop.capture.bulk`'s."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static, Tab, Tabs

from workshop.capture import bulk, edit
from workshop.file import access as files
from workshop.i18n import UserError
from workshop.model import LINK_TABLES
from workshop.tui import jobs, queries, reading
from workshop.tui.screens.base import WorkshopScreen
from workshop.tui.texts import tx
from workshop.tui.widgets.ordered_input import OrderedInput
from workshop.tui.widgets.record_table import RecordTable

PREVIEW_ROWS = 60  # read at once when a list is first shown; the rest follows
BULK_IN_WORKER = 500  # Ctrl+E on this many rows or more writes in a worker: the screen draws on
DEFAULT_SORT: dict[str, tuple[int, bool] | None] = {"note": None}  # notes: newest first


class BrowseScreen(WorkshopScreen):
    AUTO_FOCUS = "RecordTable"
    # No command on a key that is text: letters typed here go to the capture line.
    BINDINGS = [
        Binding("ctrl+f", "filter", "Filter", id="filter"),
        Binding("insert,ctrl+n", "new", "New", id="new"),
        Binding("delete", "delete", "Delete", id="delete"),
        Binding("ctrl+o", "sort", "Sort", id="sort"),
        Binding("ctrl+e", "set_field", "Set", id="bulk_set"),
        Binding("ctrl+k", "fold", "Fold", id="fold"),
        Binding("ctrl+r", "reverse", "Reverse", id="reverse", show=False),
        Binding("right", "tab(1)", "Next list", id="next_tab", show=False),
        Binding("left", "tab(-1)", "Previous list", id="prev_tab", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tab = "place"
        self.loaded: dict[str, tuple[int, str]] = {}  # tab -> (revision, language) read at
        self.rows: dict[str, queries.Rows] = {}
        self.filters: dict[str, str] = {}
        self.sorts: dict[str, tuple[int, bool] | None] = {}

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        yield Tabs(
            *[Tab(tx(f"tab_{tab}", lang), id=f"tab-{tab}") for tab in queries.TABS],
            active=f"tab-{self.tab}",
            id="tabs",
        )
        with Horizontal(id="filter-row"):
            yield OrderedInput(
                self.filters.get(self.tab, ""),
                placeholder=tx("filter_placeholder", lang),
                compact=True,
                id="filter",
            )
            yield Static("", id="count")
        yield RecordTable(
            id="records", empty_text=tx("form_none", lang), sort=None, selectable=True
        )

    def table(self) -> RecordTable:
        return self.query_one("#records", RecordTable)

    def _refocus(self) -> None:
        self.table().focus()

    def load(self) -> None:
        self._show(self.tab)

    def _show(self, tab: str) -> None:
        """Put a list in the table. A list the file has changed under is read again in a
        worker thread; meanwhile the table shows what it had (or, the first time, the first
        rows, read at once), so the screen never waits for 10,000 rows."""
        table = self.table()
        if tab != self.tab:  # keep what the person did with the list being left
            self.filters[self.tab] = self.query_one("#filter", Input).value
            self.sorts[self.tab] = table.sorting
            self.tab = tab
        stamp = (self.workshop.revision, self.lang)
        rows = self.rows.get(tab)
        if rows is None or self.loaded.get(tab) != stamp:
            if rows is None or self.lang != self.loaded.get(tab, (0, ""))[1]:
                rows = queries.Rows(queries.COLUMNS[tab])
                if (
                    tab in queries.PARTIAL
                    and not self.filters.get(tab)
                    and self.sorts.get(tab, DEFAULT_SORT.get(tab, (0, False)))
                    == DEFAULT_SORT.get(tab, (0, False))
                ):
                    rows = queries.rows(self.workshop.store, tab, self.lang, PREVIEW_ROWS)
            self.read_rows(tab, stamp)
        self._put(tab, rows, loading=self.loaded.get(tab) != stamp)

    def _put(self, tab: str, rows: queries.Rows, *, loading: bool = False) -> None:
        table = self.table()
        keep = table.current if table.current and table.current[0] in _tables(tab) else None
        wanted = self.filters.get(tab, "")
        table.show(
            rows,
            [tx(c.key, self.lang) for c in rows.columns],
            keep=keep,
            filter=wanted,
            sort=self.sorts.get(tab, DEFAULT_SORT.get(tab, (0, False))),
        )
        filter_input = self.query_one("#filter", Input)
        if filter_input.value != wanted:
            with filter_input.prevent(Input.Changed):
                filter_input.value = wanted
        self._count(loading)

    @work(thread=True, exclusive=True, group="list")
    def read_rows(self, tab: str, stamp: tuple[int, str]) -> None:
        path = self.workshop.path
        self.read_then(
            lambda: reading.read(path, lambda store: queries.rows(store, tab, stamp[1])),
            lambda rows: self._read(tab, stamp, rows),
        )

    def _read(self, tab: str, stamp: tuple[int, str], rows: queries.Rows) -> None:
        if stamp != (self.workshop.revision, self.lang):
            return  # the file changed again meanwhile: that reading is on its way
        self.rows[tab] = rows
        self.loaded[tab] = stamp
        if tab == self.tab:
            self._put(tab, rows)

    def _count(self, loading: bool = False) -> None:
        table = self.table()
        text = tx("rows_shown", self.lang, shown=table.shown, total=table.total)
        chosen = len(table.selection)
        if chosen:
            text += " · " + tx("rows_chosen", self.lang, n=chosen)
        self.query_one("#count", Static).update(Text(text + (" …" if loading else ""), style="dim"))

    @on(RecordTable.SelectionChanged)
    def selection_changed(self) -> None:
        self._count()

    @on(Tabs.TabActivated)
    def activated(self, event: Tabs.TabActivated) -> None:
        tab = (event.tab.id or "tab-place").removeprefix("tab-")
        if tab != self.tab:
            self._show(tab)
        self.table().focus()

    # --- filtering and sorting -----------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def filtered(self, event: Input.Changed) -> None:
        self.table().set_filter(event.value)
        self._count()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.table().focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_sort(self) -> None:
        self.table().sort_by()

    def action_reverse(self) -> None:
        column, reverse = self.table().sort_state
        self.table().sort_by(column, not reverse)

    def action_tab(self, step: int) -> None:
        tabs = list(queries.TABS)
        index = (tabs.index(self.tab) + step) % len(tabs)
        self.query_one(Tabs).active = f"tab-{tabs[index]}"

    def key_escape(self) -> None:
        table = self.table()
        if table.has_focus and table.selection:
            table.clear_selection()  # Escape in the list lets go of the chosen rows
        table.focus()

    # --- editing -------------------------------------------------------------------------------

    @on(RecordTable.Chosen)
    def chosen(self, event: RecordTable.Chosen) -> None:
        from workshop.tui.screens.form import RecordForm

        self.app.push_screen(RecordForm(event.table, event.id), lambda _: self._refocus())

    def action_new(self) -> None:
        from workshop.tui.screens.form import RecordForm

        if self.tab == "tie":
            self.workshop.say(tx("no_new_tie", self.lang), severity="warning")
            return
        self.app.push_screen(RecordForm(self.tab, None), lambda _: self._refocus())

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
        question = ConfirmScreen(
            tx("delete_question", self.lang, what=what), detail, tx("delete_keys", self.lang)
        )
        self.app.push_screen(question, lambda yes: self._delete(table, id_, what) if yes else None)

    def _delete(self, table: str, id_: str, what: str) -> None:
        try:
            edit.delete(self.workshop.store, table, id_)
        except UserError as exc:
            self.workshop.say(exc.message(self.lang), severity="error")
            return
        except sqlite3.Error as exc:
            error = files.sqlite_error(self.workshop.path, exc)
            self.workshop.say(error.message(self.lang), severity="error")
            return
        self.workshop.say(tx("deleted", self.lang, what=what))
        self.workshop.changed()

    # --- many rows at once -----------------------------------------------------------------

    def _targets(self) -> list[tuple[str, str]]:
        """The chosen rows, or else the row under the cursor."""
        table = self.table()
        current = table.current
        return table.selection or ([current] if current else [])

    def action_set_field(self) -> None:
        from workshop.tui.screens.set_field import SetFieldScreen

        records = self._targets()
        if not records:
            self.workshop.say(tx("nothing_selected", self.lang), severity="warning")
            return
        store = self.workshop.store
        fields = bulk.settable(store, {table for table, _ in records})
        if not fields:
            self.workshop.say(tx("bulk_nothing_to_set", self.lang), severity="warning")
            return
        title = tx("bulk_title", self.lang, what=_count_of(records, self.lang))
        self.app.push_screen(
            SetFieldScreen(title, fields),
            lambda answer: self._set(records, *answer) if answer else self._refocus(),
        )

    def _set(self, records: list[tuple[str, str]], name: str, value: str) -> None:
        self._refocus()
        store = self.workshop.store
        if store.readonly or len(records) < BULK_IN_WORKER:
            changed = self._write(lambda: bulk.set_field(store, records, name, value))
            self._set_done(records, changed)
            return
        self.workshop.say(tx("bulk_busy", self.lang, what=_count_of(records, self.lang)))
        self.set_in_worker(records, name, value, store.session_id)

    @work(thread=True, group="bulk")
    def set_in_worker(
        self, records: list[tuple[str, str]], name: str, value: str, session_id: str | None
    ) -> None:
        path = self.workshop.path
        done = self._attempt(lambda: jobs.set_field(path, session_id, records, name, value))
        self.app.call_from_thread(lambda: self._set_done(records, self._said(*done)))

    def _set_done(self, records: list[tuple[str, str]], changed: int | None) -> None:
        if changed is None:
            return
        self.workshop.say(tx("bulk_done", self.lang, n=changed, of=len(records)))
        if changed:
            self.workshop.changed()

    def action_fold(self) -> None:
        from workshop.tui.screens.fold import FoldScreen

        table = self.table()
        pair = list(table.selection)
        if len(pair) == 1 and table.current and table.current not in pair:
            pair.append(table.current)  # one chosen, the cursor on the other
        if len(pair) != 2 or pair[0][0] != pair[1][0]:
            self.workshop.say(tx("fold_choose_two", self.lang), severity="warning")
            return
        store = self.workshop.store
        kind = pair[0][0]
        rows = [store.get(kind, id_) or {} for _, id_ in pair]
        # The older record is kept; two captured in the same millisecond, the first captured.
        first = store.conn.execute(
            f'SELECT id FROM "{kind}" WHERE id IN (?, ?) ORDER BY created, rowid LIMIT 1',
            [id_ for _, id_ in pair],
        ).fetchone()
        keep, other = sorted(rows, key=lambda r: first is None or r.get("id") != first[0])
        try:
            plan = bulk.fold_plan(store, kind, keep.get("id", ""), other.get("id", ""))
        except UserError as exc:
            self.workshop.say(exc.message(self.lang), severity="warning")
            return
        self.app.push_screen(
            FoldScreen(plan, lambda p: p.swapped(store)),
            lambda chosen: self._fold(chosen) if chosen else self._refocus(),
        )

    def _fold(self, plan: bulk.FoldPlan) -> None:
        self._refocus()
        if self._write(lambda: bulk.fold(self.workshop.store, plan)) is None:
            return
        table = self.table()
        table.chosen -= {(plan.table, plan.keep["id"]), (plan.table, plan.fold["id"])}
        self.workshop.say(tx("fold_done", self.lang, name=plan.keep["name"]))
        self.workshop.changed()

    def _write(self, write: Callable[[], int | None]) -> int | None:
        """Run a write: what it returns (0 for nothing); a refusal or a failing disk is one
        line, and None."""
        return self._said(*self._attempt(write))

    def _attempt(self, write: Callable[[], int | None]) -> tuple[int | None, str | None]:
        """A write's result (0 for nothing), or why it failed in one line (any thread)."""
        try:
            result = write()
        except UserError as exc:
            return None, exc.message(self.lang)
        except sqlite3.Error as exc:
            return None, files.sqlite_error(self.workshop.path, exc).message(self.lang)
        return (0 if result is None else result), None

    def _said(self, result: int | None, failure: str | None) -> int | None:
        if failure is not None:
            self.workshop.say(failure, severity="error")
        return result


def _count_of(records: list[tuple[str, str]], lang: str) -> str:
    return bulk.counted({table for table, _ in records}, len(records), lang)


def _tables(tab: str) -> tuple[str, ...]:
    return LINK_TABLES if tab == "tie" else (tab,)

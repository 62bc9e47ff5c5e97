"""A list of records that stays fast with tens of thousands of rows.

Textual's DataTable needs over a second to take 10,000 rows; this widget keeps the rows as
plain tuples and draws only the lines on screen (the Line API), so filling, sorting and
filtering cost what Python's `sorted` and a string search cost. Cells are drawn as plain
segments: a name like `[bold]x[/]` is shown as typed, never as markup.

A `selectable` table lets a person choose several rows, as in a spreadsheet: space chooses or
unchooses the row under the cursor, shift+up/down extend from where the run began, Ctrl+A
chooses every row shown. Chosen rows are marked `✓` in a column of their own and stay chosen
while the list is sorted, filtered or read again (they are kept by record, not by position).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workshop.text import normalise
from workshop.tui.queries import Rows


class RecordTable(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "record-table--header",
        "record-table--cursor",
        "record-table--empty",
        "record-table--chosen",
    }
    DEFAULT_CSS = """
    RecordTable { height: 1fr; overflow-x: hidden; margin: 0 1; }
    RecordTable > .record-table--header { text-style: bold; background: $panel; }
    RecordTable > .record-table--cursor { background: $accent 40%; }
    RecordTable:focus > .record-table--cursor { background: $accent; color: $text; }
    RecordTable > .record-table--empty { color: $text-muted; }
    RecordTable > .record-table--chosen { text-style: bold; background: $secondary 25%; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "choose", "Edit", id="edit"),
        Binding("space", "toggle_row", "Choose", id="select", show=False),
        Binding("shift+up", "extend(-1)", show=False),
        Binding("shift+down", "extend(1)", show=False),
        Binding("ctrl+a", "choose_all", "Choose all", id="select_all", show=False),
    ]
    SELECTING = ("toggle_row", "extend", "choose_all")
    GUTTER = 2  # "✓ " before a chosen row in a selectable table

    cursor = reactive(0, always_update=True)

    class _Row(Message):
        def __init__(self, widget: RecordTable, table: str, id: str) -> None:
            super().__init__()
            self.widget = widget
            self.table = table
            self.id = id

        @property
        def control(self) -> RecordTable:
            return self.widget

    class Chosen(_Row):
        """Enter (or a double click) on a row."""

    class Highlighted(_Row):
        """The cursor moved onto a row."""

    class SelectionChanged(Message):
        """Rows were chosen or unchosen."""

        def __init__(self, widget: RecordTable) -> None:
            super().__init__()
            self.widget = widget

        @property
        def control(self) -> RecordTable:
            return self.widget

    def __init__(
        self,
        *,
        empty_text: str = "",
        sort: tuple[int, bool] | None = (0, False),
        selectable: bool = False,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.selectable = selectable
        self.chosen: set[tuple[str, str]] = set()  # (table, id) of the rows chosen
        self._anchor: int | None = None  # where a shift+arrow run began
        self._before_run: set[tuple[str, str]] = set()
        self._rows = Rows(())
        self._labels: list[str] = []
        self._view: list[int] = []  # indices into the rows, filtered and sorted
        self._filter = ""
        self._sort = sort  # (column, reversed), or None: as given
        self._widths: list[int] = []
        self._hay: list[str] | None = None
        self._laid_out_for = -1
        self.empty_text = empty_text

    # --- data in -------------------------------------------------------------------------------

    def show(
        self,
        rows: Rows,
        labels: list[str],
        *,
        keep: tuple[str, str] | None = None,
        filter: str | None = None,
        sort: tuple[int, bool] | None | bool = False,
    ) -> None:
        """New rows; the filter and sort stay unless given. The cursor stays on `keep`."""
        self._rows = rows
        self._labels = labels
        self._hay = None
        if filter is not None:
            self._filter = normalise(filter)
        if not isinstance(sort, bool):  # False: the sort stays
            self._sort = sort
        self._rebuild(keep)

    def set_filter(self, text: str) -> None:
        keep = self.current
        self._filter = normalise(text)
        self._rebuild(keep)

    def sort_by(self, column: int | None = None, reverse: bool | None = None) -> None:
        """Sort on a column; without one, on the next column."""
        keep = self.current
        col, rev = self._sort or (-1, False)
        if column is None and reverse is None:
            column = (col + 1) % max(1, len(self._rows.columns))
        self._sort = (col if column is None else column, rev if reverse is None else reverse)
        self._rebuild(keep)

    @property
    def sort_state(self) -> tuple[int, bool]:
        return self._sort or (0, False)

    @property
    def sorting(self) -> tuple[int, bool] | None:
        """The column and direction sorted on, or None when the rows are as given."""
        return self._sort

    @property
    def current(self) -> tuple[str, str] | None:
        if 0 <= self.cursor < len(self._view):
            return self._rows.ids[self._view[self.cursor]]
        return None

    @property
    def selection(self) -> list[tuple[str, str]]:
        """The chosen records of this list, in the order the list has them."""
        if not self.chosen:
            return []
        return [key for key in self._rows.ids if key in self.chosen]

    @property
    def own_keys(self) -> tuple[str, ...]:
        """Printable keys this table takes for itself (the app sends the others to the
        capture line)."""
        return ("space",) if self.selectable else ()

    def clear_selection(self) -> None:
        if self.chosen:
            self.chosen = set()
            self._anchor = None
            self.refresh()
            self.post_message(self.SelectionChanged(self))

    @property
    def shown(self) -> int:
        return len(self._view)

    @property
    def total(self) -> int:
        return len(self._rows.ids)

    def _haystack(self) -> list[str]:
        """What a filter searches, normalised once per set of rows (not per keystroke)."""
        if self._hay is None or len(self._hay) != len(self._rows.ids):
            rows = self._rows
            self._hay = [
                f"{name}\t{normalise(' '.join(cells[1:]))}"
                for name, cells in zip(rows.names, rows.cells, strict=True)
            ]
        return self._hay

    def _rebuild(self, keep: tuple[str, str] | None) -> None:
        rows = self._rows
        view: list[int] = list(range(len(rows.ids)))
        if self._filter:
            wanted = self._filter
            hay = self._haystack()
            view = [i for i in view if wanted in hay[i]]
        col, rev = self._sort or (0, False)
        if self._sort is not None and (col or rev):
            numeric = rows.columns[col].numeric if col < len(rows.columns) else False
            cells = rows.cells

            def key(i: int) -> tuple:
                value = cells[i][col]
                if numeric:
                    return (value == "", _number(value))
                return (value == "", rows.names[i] if col == 0 else value.casefold())

            view = sorted(view, key=key, reverse=rev)
        self._view = list(view)
        index = 0
        if keep is not None:
            try:
                position = rows.ids.index(keep)
                index = self._view.index(position)
            except ValueError:
                index = min(self.cursor, max(0, len(self._view) - 1))
        self.virtual_size = Size(self.size.width, len(self._view) + 1)
        self._layout_columns()
        self.cursor = index
        self.refresh()

    # --- drawing -------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._view) + 1)
        self._layout_columns()
        self._scroll_to_cursor()

    def _layout_columns(self) -> None:
        columns = self._rows.columns
        if not columns:
            self._widths = []
            return
        self._laid_out_for = self.scrollable_content_region.width
        width = max(10, self._laid_out_for - (self.GUTTER if self.selectable else 0))
        fixed = [c.width for c in columns[1:]]
        gaps = len(columns) - 1
        first = max(8, width - sum(fixed) - gaps)
        widths = [first, *fixed]
        while sum(widths) + gaps > width and max(widths[1:], default=0) > 3:
            widest = max(range(1, len(widths)), key=lambda i: widths[i])
            widths[widest] -= 1
        self._widths = widths

    def _line(
        self, cells: tuple[str, ...] | list[str], style: Style, chosen: bool = False
    ) -> Strip:
        parts = []
        if self.selectable:
            parts.append("✓ " if chosen else "  ")
        for index, (text, width) in enumerate(zip(cells, self._widths, strict=False)):
            if cell_len(text) > width:
                text = set_cell_size(text, max(0, width - 1)) + "…"
            parts.append(set_cell_size(text, width))
            if index < len(self._widths) - 1:
                parts.append(" ")
        return Strip([Segment("".join(parts), style)])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._laid_out_for:  # a scrollbar came or went
            self._layout_columns()
        base = self.rich_style
        if y == 0:
            labels = list(self._labels)
            col, rev = self._sort or (-1, False)
            if labels and 0 <= col < len(labels):
                labels[col] = f"{labels[col]} {'▼' if rev else '▲'}"
            style = base + self.get_component_rich_style("record-table--header")
            return self._line(labels, style).extend_cell_length(width, style).crop(0, width)
        index = int(self.scroll_offset.y) + y - 1
        if not self._view and y == 1:
            style = base + self.get_component_rich_style("record-table--empty")
            return (
                Strip([Segment(self.empty_text, style)])
                .extend_cell_length(width, style)
                .crop(0, width)
            )
        if index >= len(self._view):
            return Strip.blank(width, base)
        style = base
        position = self._view[index]
        chosen = bool(self.chosen) and self._rows.ids[position] in self.chosen
        if chosen:
            style += self.get_component_rich_style("record-table--chosen")
        if index == self.cursor:
            style += self.get_component_rich_style("record-table--cursor")
        line = self._line(self._rows.cells[position], style, chosen)
        return line.extend_cell_length(width, style).crop(0, width)

    # --- moving --------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        if self.current is not None:
            self.post_message(self.Highlighted(self, *self.current))

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._view) - 1)) if self._view else 0

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_move(self, delta: int) -> None:
        self._anchor = None
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self._anchor = None
        self.cursor += direction * max(1, self.scrollable_content_region.height - 2)

    def action_jump(self, where: int) -> None:
        self._anchor = None
        self.cursor = 0 if where == 0 else len(self._view) - 1

    # --- choosing rows -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In a table that is not selectable the key is not the table's: it goes on as unbound.
        return self.selectable or action not in self.SELECTING

    def action_toggle_row(self) -> None:
        self._anchor = None
        current = self.current
        if current is None:
            return
        self.chosen ^= {current}
        self._selection_changed()

    def action_extend(self, delta: int) -> None:
        """Choose from where the run began to the row the cursor moves to (back again
        unchooses what the run chose)."""
        if not self._view:
            return
        if self._anchor is None:
            self._anchor = self.cursor
            self._before_run = set(self.chosen)
        self.cursor += delta
        low, high = sorted((self._anchor, self.cursor))
        ids = self._rows.ids
        self.chosen = self._before_run | {ids[self._view[i]] for i in range(low, high + 1)}
        self._selection_changed()

    def action_choose_all(self) -> None:
        self._anchor = None
        ids = self._rows.ids
        self.chosen |= {ids[i] for i in self._view}
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.refresh()
        self.post_message(self.SelectionChanged(self))

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self, *self.current))

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1 and self.selectable and event.ctrl:
            self.cursor = int(self.scroll_offset.y) + event.y - 1
            self.action_toggle_row()
        elif event.y >= 1:
            self.cursor = int(self.scroll_offset.y) + event.y - 1
            if event.chain > 1:
                self.action_choose()


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return 0.0

"""The grid of the printed map, drawn with what was placed in each cell.

Columns A… run west to east, rows 1… north to south, as on the poster. A cell shows its counts
(P places, I initiatives, A actors), then the card numbers of its initiatives, then names as far
as there is room. The arrow keys move a cursor; `CellChosen` says which cell it is on.

`GridMap(grid, beside=True)` is the map beside the capture line: it never takes the focus (the
line keeps it), has no cursor, shows counts and the latest names (no card numbers) in cells as
small as one line, and `mark(cell)` highlights the cell the line names.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workshop.model import Grid
from workshop.text import one_line
from workshop.tui.overview import Cell

LABEL = 3  # width of the row labels


class GridMap(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "grid-map--line",
        "grid-map--label",
        "grid-map--empty",
        "grid-map--full",
        "grid-map--cursor",
    }
    DEFAULT_CSS = """
    GridMap { height: 1fr; }
    GridMap > .grid-map--line { color: $foreground-darken-2; }
    GridMap > .grid-map--label { text-style: bold; color: $text-muted; }
    GridMap > .grid-map--empty { color: $text-disabled; }
    GridMap > .grid-map--full { text-style: bold; }
    GridMap > .grid-map--cursor { background: $accent; color: $text; }
    """
    BINDINGS = [
        Binding("up", "move(0, -1)", show=False),
        Binding("down", "move(0, 1)", show=False),
        Binding("left", "move(-1, 0)", show=False),
        Binding("right", "move(1, 0)", show=False),
    ]

    cursor: reactive[tuple[int, int]] = reactive((0, 0))

    class CellChosen(Message):
        def __init__(self, cell: str) -> None:
            super().__init__()
            self.cell = cell

    def __init__(self, grid: Grid, *, beside: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.grid = grid
        self.beside = beside
        if beside:
            self.can_focus = False
        self.cells: dict[str, Cell] = {}
        self.marked: tuple[int, int] | None = None
        self._lines: list[Strip] = []
        self._cell_width = 8
        self._cell_lines = 2

    def mark(self, cell: str | None) -> None:
        """Highlight `cell` (a cell of the grid, as `Grid.parse_cell` gives it), or none."""
        marked = None if cell is None else (ord(cell[0]) - ord("A"), int(cell[1:]) - 1)
        if marked == self.marked:
            return
        self.marked = marked
        self._draw()
        if marked is not None:
            self._show_cell(*marked)

    def show(self, grid: Grid, cells: dict[str, Cell]) -> None:
        self.grid = grid
        self.cells = cells
        self._draw()

    @property
    def cell(self) -> str:
        col, row = self.cursor
        return f"{chr(ord('A') + col)}{row + 1}"

    def on_resize(self, event: events.Resize) -> None:
        self._draw()

    def _fit(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        height = self.scrollable_content_region.height or self.size.height
        cols, rows = self.grid.cols, self.grid.rows
        narrowest, lowest = (5, 1) if self.beside else (7, 2)
        self._cell_width = max(narrowest, min(24, (width - LABEL - 1) // cols - 1))
        self._cell_lines = max(lowest, min(5, (height - 1) // rows - 1))

    def _draw(self) -> None:
        self._fit()
        cw, lines_per = self._cell_width, self._cell_lines
        cols, rows = self.grid.cols, self.grid.rows
        line = self.get_component_rich_style("grid-map--line")
        label = self.get_component_rich_style("grid-map--label")
        top = [Segment(" " * LABEL + "┌", line)]  # the column letters sit in the top border
        for c in range(cols):
            letter = chr(ord("A") + c)
            left = (cw - 1) // 2
            top += [
                Segment("─" * left, line),
                Segment(letter, label),
                Segment("─" * (cw - 1 - left) + ("┬" if c < cols - 1 else "┐"), line),
            ]
        out = [Strip(top)]
        for r in range(rows):
            for k in range(lines_per):
                segs = [
                    Segment(set_cell_size(f"{r + 1:>2} " if k == 0 else "", LABEL), label),
                    Segment("│", line),
                ]
                for c in range(cols):
                    segs.append(self._cell_segment(c, r, k))
                    segs.append(Segment("│", line))
                out.append(Strip(segs))
            lft, mid, rgt = ("├", "┼", "┤") if r < rows - 1 else ("└", "┴", "┘")
            out.append(
                Strip([Segment(" " * LABEL + lft + mid.join(["─" * cw] * cols) + rgt, line)])
            )
        self._lines = out
        width = LABEL + cols * (cw + 1) + 1
        self.virtual_size = Size(width, len(out))
        self.refresh()

    def _cell_segment(self, c: int, r: int, k: int) -> Segment:
        name = f"{chr(ord('A') + c)}{r + 1}"
        info = self.cells.get(name)
        cw = self._cell_width
        cursor = (c, r) == (self.marked if self.beside else self.cursor)
        style: Style = self.get_component_rich_style(
            "grid-map--cursor"
            if cursor
            else "grid-map--full"
            if info and info.total
            else "grid-map--empty"
        )
        text = ""
        if info is None or not info.total:
            text = "·" if k == 0 else ""
        elif k == 0:
            parts = [
                f"{letter}{n}"
                for letter, n in (("P", info.places), ("I", info.initiatives), ("A", info.actors))
                if n
            ]
            text = " ".join(parts)
        elif k == 1 and info.cards and not self.beside:
            text = " ".join(f"#{n}" for n in info.cards)
        else:
            index = k - (2 if info.cards and not self.beside else 1)
            if 0 <= index < len(info.names):
                text = one_line(info.names[index], 80)
        if cell_len(text) > cw:
            text = set_cell_size(text, cw - 1) + "…"
        return Segment(set_cell_size(text, cw), style)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def watch_cursor(self) -> None:
        if self.beside:
            return
        self._draw()
        self._show_cell(*self.cursor)
        self.post_message(self.CellChosen(self.cell))

    def _show_cell(self, col: int, row: int) -> None:
        x = LABEL + col * (self._cell_width + 1)
        y = 1 + row * (self._cell_lines + 1)
        self.scroll_to_region(
            Region(x, y, self._cell_width + 2, self._cell_lines + 1), animate=False, immediate=True
        )

    def action_move(self, dx: int, dy: int) -> None:
        col, row = self.cursor
        self.cursor = (
            max(0, min(self.grid.cols - 1, col + dx)),
            max(0, min(self.grid.rows - 1, row + dy)),
        )

    def on_click(self, event: events.Click) -> None:
        if self.beside:
            return
        x = event.x + int(self.scroll_offset.x) - LABEL - 1
        y = event.y + int(self.scroll_offset.y) - 1
        if x >= 0 and y >= 0:
            self.cursor = (
                min(self.grid.cols - 1, x // (self._cell_width + 1)),
                min(self.grid.rows - 1, y // (self._cell_lines + 1)),
            )

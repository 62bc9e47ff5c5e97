"""The map beside the capture line: the grid with what lies in each cell, the cell the line
names highlighted, and what lies in no cell listed under it. It never takes the focus.

Data down: the screen gives it the texts (`legend`, `unplaced_text`) and the cells; it
draws them. `typed_cell(line, grid)` finds the cell a line names, for the highlight.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from workshop.model import Grid
from workshop.tui.overview import Cell
from workshop.tui.widgets.grid_map import GridMap

# `@C4` as a word of its own (not inside a quoted name or a mail address)
_CELL_WORD = re.compile(r"(?:^|(?<=\s))@([A-Za-z]\d{1,3})(?=\s|$)")


def typed_cell(line: str, grid: Grid) -> str | None:
    """The last cell of `grid` the line names with `@`, outside double quotes; None when
    it names none (yet: `@C` is not a cell)."""
    if "@" not in line:
        return None
    outside = re.sub(r'"(?:[^"\\]|\\.)*"?', lambda m: " " * len(m.group(0)), line)
    found = None
    for m in _CELL_WORD.finditer(outside):
        cell = grid.parse_cell(m.group(1))
        if cell is not None:
            found = cell
    return found


class MapPanel(Vertical):
    DEFAULT_CSS = """
    MapPanel { height: 1fr; padding: 0 1; }
    MapPanel > #side-legend { height: 1; color: $text-muted; }
    MapPanel > #side-map { height: 1fr; }
    MapPanel > #side-unplaced { height: auto; max-height: 3; color: $text-muted; }
    """

    def __init__(self, grid: Grid, legend: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self._grid = grid
        self._legend = legend

    def compose(self) -> ComposeResult:
        legend = Text(self._legend, no_wrap=True, overflow="ellipsis")
        yield Static(legend, id="side-legend")
        yield GridMap(self._grid, beside=True, id="side-map")
        yield Static("", id="side-unplaced")

    def show(self, grid: Grid, cells: dict[str, Cell], unplaced: Text) -> None:
        self.query_one(GridMap).show(grid, cells)
        self.query_one("#side-unplaced", Static).update(unplaced)

    def mark(self, cell: str | None) -> None:
        self.query_one(GridMap).mark(cell)

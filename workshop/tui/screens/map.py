"""F4: the neighbourhood's grid as the printed map has it, with what was placed in each cell,
so the facilitator can say "C4 is full, nothing yet in F2"."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Static

from workshop.text import one_line, visible
from workshop.tui import overview, reading
from workshop.tui.screens.base import WorkshopScreen
from workshop.tui.texts import tx
from workshop.tui.widgets.grid_map import GridMap


class MapScreen(WorkshopScreen):
    AUTO_FOCUS = "GridMap"

    def compose_body(self) -> ComposeResult:
        store = self.workshop.store
        name = visible(store.neighbourhood()["name"])
        title = Text(tx("map_title", self.lang, name=name), style="bold")
        title.append("   " + tx("map_legend", self.lang), style="dim")
        yield Static(title, id="map-title")
        yield GridMap(store.grid, id="map")
        yield Static("", id="map-cell")
        yield Static("", id="map-empty")

    def load(self) -> None:
        self.read_cells(self.workshop.path, self.lang)

    @work(thread=True, exclusive=True, group="map")
    def read_cells(self, path, lang: str) -> None:
        """In a worker thread: what each cell holds (a file of 10,000 captures takes ~50 ms)."""
        self.read_then(
            lambda: reading.read(path, lambda store: overview.map_cells(store, lang)), self._show
        )

    def _show(self, cells: dict) -> None:
        store = self.workshop.store
        self.cells = cells
        grid_map = self.query_one(GridMap)
        grid_map.show(store.grid, self.cells)
        empty = [c for c in store.grid.cells() if c not in self.cells]
        text = (
            tx("map_empty_cells", self.lang, cells=" ".join(empty))
            if empty
            else tx("map_no_empty", self.lang)
        )
        self.query_one("#map-empty", Static).update(Text(text, style="dim"))
        self._describe(grid_map.cell)

    @on(GridMap.CellChosen)
    def chosen(self, event: GridMap.CellChosen) -> None:
        self._describe(event.cell)

    def _describe(self, cell: str) -> None:
        info = getattr(self, "cells", {}).get(cell)
        if info is None or not info.total:
            text = Text(tx("map_cell_empty", self.lang, cell=cell))
        else:
            items = ", ".join(one_line(n, 60) for n in info.names)
            text = Text(tx("map_cell_items", self.lang, cell=cell, items=items))
        text.no_wrap = True
        text.overflow = "ellipsis"
        self.query_one("#map-cell", Static).update(text)

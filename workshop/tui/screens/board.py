"""F6: the sounding board's coverage matrix: who is in each combination of the chosen
dimensions, which are still empty, and who could fill a gap. Computed in a worker thread."""

from __future__ import annotations

import itertools

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from workshop.text import one_line
from workshop.tui import reading
from workshop.tui.queries import SCREEN, Column, Rows
from workshop.tui.screens.base import WorkshopScreen
from workshop.tui.texts import tx
from workshop.tui.widgets.record_table import RecordTable


def compute(path):
    """Runs in a worker thread: the coverage of the file as committed."""
    from workshop.analysis.coverage import coverage

    return reading.read(path, coverage)


def cell_text(cell) -> str:
    """`2`, `1 +1?` (one in, one invited), or `·` for a gap."""
    if cell is None:
        return ""
    text = str(cell.covered) if cell.covered else "·"
    if cell.invited:
        text += f" +{cell.invited}?"
    return text


class BoardScreen(WorkshopScreen):
    AUTO_FOCUS = "#matrix"
    BINDINGS = [Binding("ctrl+o", "turn", "Other layout", id="dimensions")]

    def __init__(self) -> None:
        super().__init__()
        self.across = 1  # the dimension whose values are the columns
        self.result = None

    def compose_body(self) -> ComposeResult:
        yield Static(Text(tx("board_title", self.lang), style="bold"), id="board-title")
        yield Static("", id="board-layout")
        yield RecordTable(id="matrix", sort=None, empty_text=tx("network_busy", self.lang))
        yield Static("", id="board-gaps")
        yield Static("", id="board-fill")

    def load(self) -> None:
        self.cover(self.workshop.path)

    @work(thread=True, exclusive=True, group="analysis")
    def cover(self, path) -> None:
        self.read_then(lambda: compute(path), self._show)

    def _show(self, result) -> None:
        self.result = result
        lang = self.lang
        table = self.query_one("#matrix", RecordTable)
        if not result.has_board or result.too_large:
            table.show(Rows(()), [])
            self.query_one("#board-gaps", Static).update(
                Text(tx("board_too_large" if result.too_large else "board_none", lang))
            )
            return
        dims = result.dimensions
        across = self.across % len(dims)
        down = [d for i, d in enumerate(dims) if i != across]
        cells = {c.values: c for c in result.cells}
        columns = (Column("col_attributes", 24),) + tuple(
            Column("col_name", max(6, len(v.label(lang)))) for v in dims[across].values
        )
        labels = [" × ".join(d.label(lang) for d in down) or dims[across].label(lang)] + [
            one_line(v.label(lang), 20) for v in dims[across].values
        ]
        rows = Rows(columns)
        for combo in itertools.product(*[d.values for d in down]) if down else [()]:
            texts = []
            for value in dims[across].values:
                keys = list(t.key for t in combo)
                keys.insert(across, value.key)
                texts.append(cell_text(cells.get(tuple(keys))))
            label = " · ".join(t.label(lang) for t in combo)
            rows.add(
                "board",
                "|".join(t.key for t in combo),
                label.casefold(),
                (one_line(label, 60), *texts),
            )
        table.show(rows, labels, keep=table.current)
        self.query_one("#board-layout", Static).update(
            Text(
                tx(
                    "board_layout",
                    lang,
                    rows=" × ".join(d.label(lang) for d in down) or "–",
                    cols=dims[across].label(lang),
                ),
                style="dim",
            )
        )
        gaps = result.gaps
        text = (
            tx(
                "board_empty_cells",
                lang,
                n=len(gaps),
                cells="; ".join(result.label(c, lang) for c in gaps[:12]),
            )
            if gaps
            else tx("board_full", lang)
        )
        self.query_one("#board-gaps", Static).update(Text(text))
        if table.current:
            self._fill(table.current[1])

    @on(RecordTable.Highlighted, "#matrix")
    def highlighted(self, event: RecordTable.Highlighted) -> None:
        self._fill(event.id)

    def _fill(self, combo: str) -> None:
        """Who could fill the gaps of the row under the cursor."""
        result = self.result
        if result is None or not result.has_board:
            return
        keys = combo.split("|") if combo else []
        across = self.across % len(result.dimensions)
        names: list[str] = []
        for cell in result.gaps:
            rest = [v for i, v in enumerate(cell.values) if i != across]
            if rest == keys:
                for suggestion in cell.suggestions:
                    name = suggestion.shown_name(SCREEN, self.lang)
                    if name not in names:
                        names.append(one_line(name, 40))
        widget = self.query_one("#board-fill", Static)
        widget.update(
            Text(tx("board_could_fill", self.lang, names=", ".join(names[:6])), style="dim")
            if names
            else ""
        )

    def action_turn(self) -> None:
        if self.result is not None and self.result.has_board:
            self.across = (self.across + 1) % len(self.result.dimensions)
            self._show(self.result)

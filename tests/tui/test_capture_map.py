"""The map beside the capture line (issue 11, item 1): from 120 columns on it is there, at
80 F10 shows it under the line; the cell the line names is highlighted as it is typed; what
lies in no cell is listed apart; the line keeps the focus and every key throughout."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.tui.conftest import drive, settle, text_of, type_line
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.model import Grid
from workshop.tui import overview
from workshop.tui.app import WorkshopApp
from workshop.tui.widgets.capture_line import CaptureLine
from workshop.tui.widgets.grid_map import GridMap
from workshop.tui.widgets.map_panel import MapPanel, typed_cell


@pytest.mark.parametrize(
    ("line", "cell"),
    [
        ("p Zwembad @C4", "C4"),
        ("p Zwembad @c4 #park", "C4"),
        ("p Zwembad @C", None),  # not a cell yet
        ("p Zwembad @Z9", None),  # not on this grid
        ('p "Hal @B2" @D5', "D5"),  # inside quotes is part of the name
        ('p "Hal @B2"', None),
        ("persoon Jan mail:jan@a1", None),  # a mail address, not a cell
        ("p X @A1 @B2", "B2"),  # the last one typed
        ("n Rommel", None),
    ],
)
def test_the_cell_a_line_names(line: str, cell: str | None) -> None:
    assert typed_cell(line, Grid(8, 6)) == cell


def test_map_and_unplaced_counts_and_latest_names(filled: Store) -> None:
    record(filled, ["p Zwembad #park", "i Leesclub waar:Bibliotheek", "p Kerkplein @C4"])
    cells, unplaced = overview.map_and_unplaced(filled, "nl")
    c4 = cells["C4"]
    assert (c4.places, c4.initiatives, c4.actors) == (3, 1, 0)
    # the latest first (these two were captured within the same millisecond or two)
    assert set(c4.names[:2]) == {"Kerkplein", "Leesclub"}
    assert c4.names[2:] == ["Bibliotheek", "Buurthuis De Kuil"]
    assert (unplaced.places, unplaced.initiatives) == (1, 0)
    assert unplaced.names == ["Zwembad"]


def _panel(pilot) -> MapPanel:
    return pilot.app.screen.query_one(MapPanel)


def test_beside_the_line_from_120_columns(filled: Store) -> None:
    record(filled, ["p Zwembad #park"])  # in no cell
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await settle(pilot)
        panel = _panel(pilot)
        assert panel.display and panel.region.x > 40  # beside, not under
        grid = panel.query_one(GridMap)
        assert grid.cells["C4"].places == 2
        assert "Zwembad" in text_of(panel.query_one("#side-unplaced", Static))
        await type_line(pilot, "p Kerkplein @E")
        assert grid.marked is None
        await type_line(pilot, "3")
        assert grid.marked == (4, 2)  # E3, as it was typed
        line = pilot.app.focused
        assert isinstance(line, CaptureLine) and line.value == "p Kerkplein @E3"
        await pilot.press("enter")
        await settle(pilot)
        assert grid.cells["E3"].places == 1 and grid.cells["E3"].names == ["Kerkplein"]
        assert grid.marked is None  # the line is empty again
        assert isinstance(pilot.app.focused, CaptureLine)
        await pilot.press("ctrl+t")  # the screen is built anew in English: the map is read again
        await settle(pilot)
        assert _panel(pilot).query_one(GridMap).cells["E3"].places == 1

    drive(app, scenario, size=(120, 40))


def test_f10_shows_it_under_the_line_at_80_columns(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await settle(pilot)
        assert not _panel(pilot).display
        await type_line(pilot, "p Zwem")
        await pilot.press("f10")
        await settle(pilot)
        panel = _panel(pilot)
        assert panel.display and panel.region.y > 3  # under the line
        assert not pilot.app.screen.query_one("#feed").display  # instead of the feed
        await type_line(pilot, "bad @C4")
        line = pilot.app.focused
        assert isinstance(line, CaptureLine) and line.value == "p Zwembad @C4"
        assert panel.query_one(GridMap).marked == (2, 3)
        await pilot.press("f10")
        await pilot.pause()
        assert not panel.display and pilot.app.screen.query_one("#feed").display
        await type_line(pilot, " #park")
        assert line.value == "p Zwembad @C4 #park" and pilot.app.focused is line

    drive(app, scenario)

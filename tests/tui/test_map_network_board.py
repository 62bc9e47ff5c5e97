"""The map, network and sounding-board screens."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tests.tui.conftest import drive, settle, text_of
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.form import RecordForm
from workshop.tui.widgets.grid_map import GridMap
from workshop.tui.widgets.record_table import RecordTable


def test_map_shows_what_each_cell_holds(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f4")
        await settle(pilot)
        grid = pilot.app.screen.query_one(GridMap)
        assert grid.cells["C4"].places == 2
        assert grid.cells["D2"].initiatives == 1 and grid.cells["D2"].cards == [1]
        lines = [strip.text for strip in grid._lines]
        assert any("P2" in line for line in lines)  # C4: two places
        assert any("#1" in line for line in lines)  # D2: card 1
        empty = text_of(pilot.app.screen.query_one("#map-empty", Static))
        assert empty.startswith("Nog leeg: A1 B1 C1") and "C4" not in empty
        await pilot.press("right", "right", *["down"] * 3)  # to C4
        assert grid.cell == "C4"
        detail = text_of(pilot.app.screen.query_one("#map-cell", Static))
        assert detail == "C4: Bibliotheek, Buurthuis De Kuil"
        # A capture elsewhere shows when the map is looked at again.
        await pilot.press("f2")
        record(filled, ["p Moskee @F2"])
        pilot.app.changed()
        await pilot.press("f4")
        await settle(pilot)
        assert grid.cells["F2"].places == 1

    drive(app, scenario)


def test_network_ranks_connectors_in_a_worker(filled: Store) -> None:
    record(
        filled,
        [
            "Jan -> Piet #kent",
            "Piet -> Klaas #kent",
            'persoon "Geheim Persoon" consent:none #bewoner',
            "Klaas -> Geheim Persoon",
        ],
    )
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f5")
        await settle(pilot)
        table = pilot.app.screen.query_one("#ranking", RecordTable)
        names = [table._rows.cells[i][0] for i in table._view]
        assert names[:3] == ["Jan", "Piet", "Klaas"]  # the middle of the chain first
        assert "Geheim Persoon" in names  # consent none: still named on her own screen
        assert not any(name.startswith("Bewoner ") for name in names)
        title = text_of(pilot.app.screen.query_one("#network-title", Static))
        assert "actoren" in title and "verbanden" in title
        ties = pilot.app.screen.query_one("#ties", OptionList)
        shown = [str(ties.get_option_at_index(i).prompt) for i in range(ties.option_count)]
        assert "→ kent · Piet" in shown and "↔ werkt samen · Wijkraad" in shown
        await pilot.press("enter")  # edit the actor under the cursor
        await pilot.pause()
        assert isinstance(pilot.app.screen, RecordForm)
        assert pilot.app.screen.record_id == filled.find("actor", "Jan")[0]["id"]

    drive(app, scenario)


def test_board_matrix_and_gaps(filled: Store) -> None:
    record(
        filled,
        [
            "deelnemer Bram #rijwoning #senior #stel",
            "kandidaat Carla #rijwoning #senior #alleenstaand status:uitgenodigd",
            "org Seniorenclub #vereniging groepen:ouderen",
        ],
    )
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f6")
        await settle(pilot)
        table = pilot.app.screen.query_one("#matrix", RecordTable)
        rows = {table._rows.cells[i][0]: table._rows.cells[i][1:] for i in table._view}
        # Columns: life stages (young adult, young children, older children, senior).
        assert rows["appartement · alleenstaand"] == ("·", "·", "·", "1")  # Anna
        assert rows["rijwoning · stel"] == ("·", "·", "·", "1")  # Bram
        assert rows["rijwoning · alleenstaand"] == ("·", "·", "·", "· +1?")  # invited
        gaps = text_of(pilot.app.screen.query_one("#board-gaps", Static))
        assert gaps.startswith("34 lege vakken")
        table.cursor = list(rows).index("rijwoning · alleenstaand")
        await pilot.pause()
        fill = text_of(pilot.app.screen.query_one("#board-fill", Static))
        assert "Seniorenclub" in fill
        await pilot.press("ctrl+o")  # another dimension across
        labels = pilot.app.screen.query_one("#matrix", RecordTable)._labels
        assert labels[1:] == ["alleenstaand", "stel", "gezin"]

    drive(app, scenario)


def test_board_without_dimensions_says_so(store: Store) -> None:
    from workshop.analysis import board

    for dim in store.dimensions():
        board.remove_dimension(store, dim.key)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await pilot.press("f6")
        await settle(pilot)
        text = text_of(pilot.app.screen.query_one("#board-gaps", Static))
        assert text.startswith("Dit bestand heeft geen klankborddimensies")

    drive(app, scenario)

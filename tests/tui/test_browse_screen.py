"""The lists and the record forms: filter, sort, edit with validation, delete and undo."""

from __future__ import annotations

from textual.widgets import Input, Static, Tabs

from tests.tui.conftest import MARKUP_NAME, drive, settle, text_of
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.browse import BrowseScreen
from workshop.tui.screens.confirm import ConfirmScreen
from workshop.tui.screens.form import RecordForm
from workshop.tui.widgets.record_table import RecordTable


def _table(pilot) -> RecordTable:
    screen = pilot.app.screen
    assert isinstance(screen, BrowseScreen)
    return screen.table()


def _names(table: RecordTable) -> list[str]:
    return [table._rows.cells[i][0] for i in table._view]


def test_lists_filter_and_sort(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f3")
        await settle(pilot)
        table = _table(pilot)
        assert _names(table) == [MARKUP_NAME, "Bibliotheek", "Buurthuis De Kuil", "Speeltuin"]
        await pilot.press("ctrl+f")
        assert isinstance(pilot.app.focused, Input)
        await pilot.press("b", "u", "u", "r")
        assert _names(table) == ["Buurthuis De Kuil"]
        count = pilot.app.screen.query_one("#count", Static)
        assert text_of(count) == "1 van 4"
        await pilot.press("escape")
        pilot.app.screen.query_one("#filter", Input).value = ""
        await pilot.pause()
        await pilot.press("ctrl+o")  # by kind
        assert _names(table)[0] == "Bibliotheek"
        await pilot.press("ctrl+r")
        assert _names(table)[-1] == "Bibliotheek"
        await pilot.press("right", "right")  # actors
        await settle(pilot)
        assert pilot.app.screen.query_one(Tabs).active == "tab-actor"
        assert _names(_table(pilot)) == ["Dokter de Vries", "Jan", "Wijkraad"]

    drive(app, scenario)


def test_edit_a_record_with_validation_and_cancel(filled: Store) -> None:
    app = WorkshopApp(filled)
    place = filled.find("place", "Bibliotheek")[0]

    async def scenario(pilot) -> None:
        await pilot.press("f3")
        await settle(pilot)
        table = _table(pilot)
        table.cursor = _names(table).index("Bibliotheek")
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, RecordForm) and form.record_id == place["id"]
        cell = next(w for f, w in form.widgets if f.name == "cell")
        cell.value = "Q12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form  # refused, still open
        assert "Vak 'Q12' ligt niet op de kaart" in text_of(form.query_one("#form-error"))
        assert pilot.app.focused is cell
        cell.value = "b5"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, RecordForm)
        assert filled.get("place", place["id"])["cell"] == "B5"
        # Esc cancels: nothing changes.
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        next(w for f, w in form.widgets if f.name == "name").value = "Anders"
        await pilot.press("escape")
        await settle(pilot)
        assert filled.get("place", place["id"])["name"] == "Bibliotheek"

    drive(app, scenario)


def test_delete_asks_once_and_undo_brings_it_back(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f3", "right", "right")
        await settle(pilot)
        table = _table(pilot)
        table.cursor = _names(table).index("Jan")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert filled.find("actor", "Jan")
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert not filled.find("actor", "Jan")
        assert filled.count("tie") == 0
        assert "Jan" not in _names(_table(pilot))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert filled.find("actor", "Jan") and filled.count("tie") == 2
        assert "Jan" in _names(_table(pilot))

    drive(app, scenario)


def test_new_record_by_form(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f3", "insert")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, RecordForm) and form.record_id is None
        next(w for f, w in form.widgets if f.name == "name").value = "Moskee Kiraz"
        await pilot.press("enter")  # Enter in a one-line field saves
        await settle(pilot)
        assert filled.find("place", "Moskee Kiraz")
        assert "Moskee Kiraz" in _names(_table(pilot))

    drive(app, scenario)

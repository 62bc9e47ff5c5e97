"""The TUI says which initiatives' cards were photographed: the list's Photo column and the
record form's title say "kaartfoto" (issue 15)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui.conftest import drive, settle, text_of
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.paper import cardstore
from workshop.paper.cards import CardShot
from workshop.tui import queries
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.browse import BrowseScreen
from workshop.tui.screens.form import RecordForm


def photographed(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "t.wijk", name="T")
    record(store, ["i Moestuin", "i Repaircafé"])  # cards 1 and 2
    with store.write() as w:
        cardstore.attach(w, store, CardShot(2, b"\xff\xd8 not shown", "image/jpeg", 8, 11, ()))
    return store


def test_the_list_shows_which_cards_were_photographed(tmp_path: Path) -> None:
    store = photographed(tmp_path)
    rows = queries.rows(store, "initiative", "en")
    photo = [c.key for c in rows.columns].index("col_card_photo")
    assert {cells[0]: cells[photo] for cells in rows.cells} == {
        "Moestuin": "",
        "Repaircafé": "card photo",
    }


def test_the_record_form_says_kaartfoto(tmp_path: Path) -> None:
    store = photographed(tmp_path)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await pilot.press("f3")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BrowseScreen)
        await pilot.press("right")
        await settle(pilot)
        table = screen.table()
        names = [table._rows.cells[i][0] for i in table._view]
        assert "kaartfoto" in [table._rows.cells[i][-1] for i in table._view]
        table.cursor = names.index("Repaircafé")
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, RecordForm)
        assert text_of(form.query_one("#form-title", Static)).endswith(" · kaartfoto")

    drive(app, scenario)

"""The capture screen says what Enter will save, from the core's plan (issue 10, item 5): the
record a name resolves to and the persons a line makes, before Enter; `kaart N` saves nothing
and never says *opgeslagen*."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.conftest import drive, settle, text_of, type_line
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing import templates
from workshop.printing.cards import build as cards
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.form import RecordForm
from workshop.tui.widgets.capture_line import CaptureLine

TEMPLATE = templates.load()


def _shown(pilot, id_: str) -> str:
    return text_of(pilot.app.screen.query_one(f"#{id_}", Static))


def test_the_preview_names_the_resolved_place_and_the_new_person(store: Store) -> None:
    record(store, ["p Buurthuis De Kuil #buurthuis"])
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await pilot.press("f10")  # the map aside: the whole width for this long preview
        await type_line(pilot, "i Repair Café #sociaal +Buurthuis De Kuil +Henk de Groot")
        preview = _shown(pilot, "preview")
        assert "Buurthuis De Kuil = plek 'Buurthuis De Kuil'" in preview  # not a new person
        assert "nieuwe persoon 'Henk de Groot' (intern)" in preview
        assert "kaart 1" in preview  # the card number saved though not typed
        assert store.count("initiative") == 0  # a preview writes nothing
        await pilot.press("enter")
        await settle(pilot)
        assert "opgeslagen" in _shown(pilot, "message")

    drive(app, scenario, size=(160, 48))
    assert [r["name"] for r in store.rows("actor")] == ["Henk de Groot"]


def test_a_card_lookup_opens_its_initiative_and_saves_nothing(store: Store) -> None:
    record(store, ["i Repair Café #sociaal"])
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        before = store.count("history")
        await type_line(pilot, "kaart 1")
        assert "opent 'Repair Café' (niets opgeslagen)" in _shown(pilot, "preview")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, RecordForm)
        assert "opgeslagen" not in _shown_under(pilot)
        assert store.count("history") == before

    drive(app, scenario)


def _shown_under(pilot) -> str:
    """The capture screen's message line, from under the form on top of it."""
    capture = pilot.app.screen_stack[-2]
    return text_of(capture.query_one("#message", Static)).replace("niets opgeslagen", "")


def test_a_blank_card_puts_the_ready_line_in_place(store: Store, tmp_path) -> None:
    record(store, ["i Repair Café #sociaal"])
    cards.print_blank_cards(store, tmp_path / "blank.pdf", TEMPLATE, count=3)  # cards 2-4
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        before = store.count("history")
        await type_line(pilot, "kaart 3")
        await pilot.press("enter")
        await settle(pilot)
        line = pilot.app.screen.query_one(CaptureLine)
        assert line.value == "i  kaart:3" and line.cursor_position == 2
        assert "opgeslagen" not in _shown(pilot, "message")
        assert store.count("history") == before
        await type_line(pilot, "Buurtmoestuin")
        await pilot.press("enter")
        await settle(pilot)
        assert "opgeslagen" in _shown(pilot, "message")

    drive(app, scenario)
    assert store.rows("initiative", "card_number = 3")[0]["name"] == "Buurtmoestuin"

"""The capture screen: preview, saving, refusing, completing, near-duplicates, undo, editing."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.conftest import MARKUP_NAME, drive, settle, text_of, type_line
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.form import RecordForm
from workshop.tui.screens.near import NearDuplicateScreen
from workshop.tui.widgets.capture_line import CaptureLine
from workshop.tui.widgets.feed import Feed


def _line(pilot) -> CaptureLine:
    return pilot.app.screen.query_one(CaptureLine)


def _paste(pilot, text: str) -> None:
    """Add text at the end of the line, the cursor after it, as a paste would."""
    line = _line(pilot)
    line.value += text
    line.cursor_position = len(line.value)


def _shown(pilot, id_: str) -> str:
    return text_of(pilot.app.screen.query_one(f"#{id_}", Static))


def test_typing_previews_and_enter_saves(store: Store) -> None:
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        assert app.focused is _line(pilot)  # the cursor is in the line from the start
        _paste(pilot, "p Buurthuis De Kuil #buurthuis @")
        await type_line(pilot, "c4")  # the last keys typed, the rest pasted
        assert _shown(pilot, "preview") == "Enter: Plek · Buurthuis De Kuil · buurthuis · C4"
        assert store.count("place") == 0
        await pilot.press("enter")
        await settle(pilot)
        assert [r["name"] for r in store.rows("place")] == ["Buurthuis De Kuil"]
        assert _line(pilot).value == ""
        assert "opgeslagen: Plek · Buurthuis De Kuil" in _shown(pilot, "message")
        feed = pilot.app.screen.query_one(Feed)
        assert "Plek · Buurthuis De Kuil · buurthuis · C4" in str(
            feed.get_option_at_index(0).prompt
        )

    drive(app, scenario)


def test_a_bad_line_says_why_and_stays(store: Store) -> None:
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        _line(pilot).value = "p Speeltuin @Z9"
        await pilot.pause()
        assert _shown(pilot, "preview").startswith("… Vak 'Z9' ligt niet op de kaart")
        await pilot.press("enter")
        await settle(pilot)
        assert _shown(pilot, "message") == "Vak 'Z9' ligt niet op de kaart: kies A1 t/m H6."
        assert _line(pilot).value == "p Speeltuin @Z9"
        assert store.count("place") == 0
        # Put right in place, and it goes in.
        await pilot.press("backspace", "backspace", "c", "3", "enter")
        await settle(pilot)
        assert store.rows("place")[0]["cell"] == "C3"

    drive(app, scenario)


def test_tab_completes_names_words_and_cells(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        _paste(pilot, "i Moestuin +do")
        await type_line(pilot, "k")
        assert "Tab: +Dokter de Vries" in _shown(pilot, "message")
        await pilot.press("tab")
        assert _line(pilot).value == "i Moestuin +Dokter de Vries"
        _paste(pilot, " #ver")
        await type_line(pilot, "g")
        await pilot.press("tab")
        assert _line(pilot).value == "i Moestuin +Dokter de Vries #vergroening"
        _paste(pilot, " @")
        await type_line(pilot, "d")
        await pilot.press("down", "down", "tab")  # the third cell offered
        assert _line(pilot).value.endswith("@D3")
        await pilot.press("enter")
        await settle(pilot)
        row = filled.find("initiative", "Moestuin")[0]
        assert (row["theme"], row["cell"]) == ("greening", "D3")

    drive(app, scenario)


def test_near_duplicate_is_asked_before_a_second_record(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        _line(pilot).value = "p Buurthuis De Kuijl @C5"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NearDuplicateScreen)
        await pilot.press("1")  # a deliberate key: the existing one
        await settle(pilot)
        assert filled.count("place", "norm LIKE 'buurthuis%'") == 1
        assert filled.find("place", "Buurthuis De Kuil")[0]["cell"] == "C5"
        # Asked again: Enter, the default, makes a new one.
        _line(pilot).value = "p Buurthuis De Kuijl"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert filled.count("place", "norm LIKE 'buurthuis%'") == 2
        # Esc goes back to the line, nothing written.
        _line(pilot).value = "p Bibliotheekk"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert not filled.find("place", "Bibliotheekk")
        assert _line(pilot).value == "p Bibliotheekk"

    drive(app, scenario)


def test_undo_and_redo_from_the_keyboard(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        _line(pilot).value = "p Moskee #gebedshuis @B2"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not filled.find("place", "Moskee")
        feed = pilot.app.screen.query_one(Feed)
        assert "ongedaan" in str(feed.get_option_at_index(0).prompt)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert filled.find("place", "Moskee")

    drive(app, scenario)


def test_enter_on_a_feed_row_opens_its_record(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("down")  # from the empty line to the feed
        assert isinstance(pilot.app.focused, Feed)
        await pilot.press("enter")  # the newest capture: the participant
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, RecordForm) and form.table == "participant"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "enter")  # the markup-named place
        await pilot.pause()
        assert pilot.app.screen.record_id == filled.find("place", MARKUP_NAME)[0]["id"]

    drive(app, scenario)


def test_user_text_is_never_markup(store: Store) -> None:
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        _line(pilot).value = f'p "{MARKUP_NAME}" #cafe'
        await pilot.pause()
        assert _shown(pilot, "preview") == f"Enter: Plek · {MARKUP_NAME} · café"
        await pilot.press("enter")
        await settle(pilot)
        assert MARKUP_NAME in _shown(pilot, "message")
        feed = pilot.app.screen.query_one(Feed)
        assert MARKUP_NAME in str(feed.get_option_at_index(0).prompt)
        rendered = pilot.app.screen._compositor.render_update(full=True)
        assert rendered is not None

    drive(app, scenario)


def test_keys_that_arrive_together_keep_their_order(store: Store) -> None:
    """A fast typist on a busy laptop (or a scanner) delivers keys in one read: Enter,
    Backspace and Tab must act where they were typed, not after the keys behind them."""
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        from textual import events

        keys = [*"p Een", "enter", *"p Twee", "enter", *"p Driex", "backspace", "e"]
        for key in keys:  # all queued before the app handles any of them
            character = key if len(key) == 1 else {"enter": "\r", "backspace": "\x7f"}[key]
            name = "space" if key == " " else key
            pilot.app._driver.send_message(events.Key(name, character))
        await settle(pilot)
        assert sorted(r["name"] for r in store.rows("place")) == ["Een", "Twee"]
        assert _line(pilot).value == "p Driee"

    drive(app, scenario)


def test_pasted_lines_come_one_at_a_time(store: Store) -> None:
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        from textual import events

        _line(pilot).post_message(events.Paste("p Een\np Twee @Z9\n\np Drie\n"))
        await pilot.pause()
        assert _line(pilot).value == "p Een"
        await pilot.press("enter")
        await settle(pilot)
        assert _line(pilot).value == "p Twee @Z9"  # the next one, not yet saved
        await pilot.press("enter")
        await settle(pilot)
        assert "ligt niet op de kaart" in _shown(pilot, "message")
        assert _line(pilot).value == "p Twee @Z9"  # refused: given back
        await pilot.press("backspace", "backspace", "backspace", "backspace", "enter")
        await settle(pilot)
        assert _line(pilot).value == "p Drie"
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(r["name"] for r in store.rows("place")) == ["Drie", "Een", "Twee"]

    drive(app, scenario)


def test_a_full_disk_or_a_bug_gives_the_line_back(store: Store, monkeypatch) -> None:
    import sqlite3

    import workshop.tui.screens.capture as capture_screen

    failures = [sqlite3.OperationalError("database or disk is full"), KeyError("oops")]

    def failing_record(store, lines):
        raise failures.pop(0)

    monkeypatch.setattr(capture_screen, "record", failing_record)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        for expected in ("schijf is vol", "niet aan jou ligt (KeyError)"):
            _paste(pilot, "p Buurthuis")
            await pilot.press("enter")
            await settle(pilot)
            assert _line(pilot).value == "p Buurthuis"  # given back, not lost
            assert expected in _shown(pilot, "message")
            _line(pilot).value = ""
        assert pilot.app.is_running

    drive(app, scenario)


def test_a_pasted_line_goes_in_once(store: Store) -> None:
    """A single pasted line used to land twice (our paste handler and Input's own both ran)."""
    from textual import events

    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        _line(pilot).post_message(events.Paste('p "Hallo daar" @B2'))
        await pilot.pause()
        assert _line(pilot).value == 'p "Hallo daar" @B2'
        _line(pilot).value = ""
        _line(pilot).post_message(events.Paste("p Een @A1\np Twee @A2\n"))
        await pilot.pause()
        assert _line(pilot).value == "p Een @A1"
        await pilot.press("enter")
        await settle(pilot)
        assert _line(pilot).value == "p Twee @A2"

    drive(app, scenario)

"""No keystroke is lost or misread (issue 10, item 4): Tab stays in the line, F2 always goes
back to it, letters typed on any screen reach it, a paste of N lines offers all N, ↓ lands on
the newest capture, and the near-duplicate question never merges by default."""

from __future__ import annotations

from rich.color import ColorSystem
from textual import events
from textual.widgets import Static

from tests.tui.conftest import drive, settle, text_of, type_line
from workshop.capture.grammar import parse
from workshop.capture.record import near_duplicates, record
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.board import BoardScreen
from workshop.tui.screens.form import RecordForm
from workshop.tui.screens.near import NearDuplicateScreen
from workshop.tui.widgets.capture_line import CaptureLine
from workshop.tui.widgets.feed import Feed


def _line(pilot) -> CaptureLine:
    return pilot.app.capture_line()


async def _paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()


def test_tab_with_nothing_to_complete_stays_in_the_line(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await type_line(pilot, "p Zwembad ")
        await pilot.press("tab")
        await type_line(pilot, "@B3")
        assert isinstance(pilot.app.focused, CaptureLine)
        assert _line(pilot).value == "p Zwembad @B3"

    drive(app, scenario)


def test_f2_always_puts_the_cursor_back_in_the_line(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("down")  # to the feed
        assert isinstance(pilot.app.focused, Feed)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(pilot.app.focused, CaptureLine)
        await pilot.press("down", "enter")  # an edit form over the capture screen
        await pilot.pause()
        assert isinstance(pilot.app.screen, RecordForm)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(pilot.app.focused, CaptureLine)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(pilot.app.focused, CaptureLine)

    drive(app, scenario)


def test_letters_typed_on_every_screen_reach_the_capture_line(filled: Store) -> None:
    app = WorkshopApp(filled)
    before = filled.count("actor")

    async def scenario(pilot) -> None:
        for key, text in (("f3", "n dsr "), ("f4", "nj "), ("f5", "sr "), ("f6", "d/")):
            await pilot.press(key)
            await settle(pilot)
            if key == "f6":
                across = pilot.app.screen.across
            await type_line(pilot, text)
            await settle(pilot)
            assert pilot.app.current_mode == "capture"
            assert not isinstance(pilot.app.screen, RecordForm)
        assert _line(pilot).value == "n dsr nj sr d/"
        await pilot.press("f6")
        await settle(pilot)
        board = pilot.app.screen
        assert isinstance(board, BoardScreen) and board.across == across  # `d` turned nothing

    drive(app, scenario)
    assert filled.count("actor") == before


def test_a_paste_of_three_lines_offers_all_three_in_order(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await _paste(pilot, "p Een @A1\np Twee @A2\n\np Drie @A3\n")
        assert _line(pilot).value == "p Een @A1"
        message = text_of(pilot.app.screen.query_one("#message", Static))
        assert "nog 2 regels" in message
        for expected in ("p Twee @A2", "p Drie @A3", ""):
            await pilot.press("enter")
            await settle(pilot)
            assert _line(pilot).value == expected
        assert "nog" not in text_of(pilot.app.screen.query_one("#message", Static))

    drive(app, scenario)
    assert [p["name"] for p in filled.rows("place", "name IN ('Een', 'Twee', 'Drie')")] == [
        "Een",
        "Twee",
        "Drie",
    ]


def test_the_scripted_run_of_the_issue_renames_nothing_and_captures_both_lines(
    store: Store,
) -> None:
    """F3, typing, F2, a two-line paste, Enter: once an edit form opened behind the
    facilitator's back and renamed *Eerste Gewone*; neither pasted line was captured."""
    record(store, ["p Eerste Gewone @A1"])
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await pilot.press("f3")
        await settle(pilot)
        await type_line(pilot, "p Speeltuin Oost")
        await pilot.press("f2")
        await settle(pilot)
        await _paste(pilot, "p Plakplek Een\np Gymzaal Noord")
        for _ in range(3):
            await pilot.press("enter")
            await settle(pilot)
            assert not isinstance(pilot.app.screen, RecordForm)
        assert _line(pilot).value == ""

    drive(app, scenario)
    names = sorted(r["name"] for r in store.rows("place"))
    assert names == ["Eerste Gewone", "Gymzaal Noord", "Plakplek Een", "Speeltuin Oost"]


def test_a_paste_on_the_lists_goes_into_the_capture_line(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f3")
        await settle(pilot)
        await _paste(pilot, "p Geplakt Een\np Geplakt Twee")
        assert pilot.app.current_mode == "capture"
        assert _line(pilot).value == "p Geplakt Een"
        assert _line(pilot).pending == ["p Geplakt Twee"]

    drive(app, scenario)


def test_down_lands_on_the_newest_capture(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("down", "down", "down")  # an older capture highlighted
        feed = pilot.app.screen.query_one(Feed)
        assert feed.highlighted == 2
        await pilot.press("escape")
        await type_line(pilot, "p Nieuwste plek")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down")
        assert pilot.app.focused is feed and feed.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, RecordForm)
        assert form.record_id == filled.find("place", "Nieuwste plek")[0]["id"]

    drive(app, scenario)


def _visible(strip_a, strip_b, system: ColorSystem) -> bool:
    """Whether two drawn lines look different in a terminal of `system` colours."""

    def look(strip):
        out = set()
        for segment in strip:
            style = segment.style
            if style is None or not segment.text.strip():
                continue
            color = style.color.downgrade(system) if style.color else None
            bgcolor = style.bgcolor.downgrade(system) if style.bgcolor else None
            fg, bg = (bgcolor, color) if style.reverse else (color, bgcolor)
            out.add((fg, bg))
        return out

    return look(strip_a) != look(strip_b)


def test_the_highlighted_feed_row_is_visible_in_every_theme(filled: Store) -> None:
    for theme in ("textual-dark", "workshop-contrast", "textual-light"):
        app = WorkshopApp(filled)

        async def scenario(pilot, theme=theme) -> None:
            pilot.app.theme = theme
            await pilot.pause()
            await pilot.press("down")
            await pilot.pause()
            feed = pilot.app.screen.query_one(Feed)
            assert feed.highlighted == 0
            width = feed.size.width
            top, second = (feed.render_line(y).crop(0, width) for y in (0, 1))
            for system in (ColorSystem.TRUECOLOR, ColorSystem.STANDARD):
                assert _visible(top, second, system), (theme, system)

        drive(app, scenario)


def test_the_near_duplicate_question_makes_a_new_record_on_enter(store: Store) -> None:
    record(store, ["org Wijkteam Zeist-West #welzijn"])
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        _line(pilot).value = "org Wijkteam Zeist-Oost"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NearDuplicateScreen)
        await pilot.press("enter")  # the reflexive Enter
        await settle(pilot)

    drive(app, scenario)
    assert sorted(r["name"] for r in store.rows("actor")) == [
        "Wijkteam Zeist-Oost",
        "Wijkteam Zeist-West",
    ]


def test_a_match_the_core_marks_different_is_said_to_be_different(store: Store) -> None:
    """The core's own near-duplicate answer for a real pair, as the capture screen gets it."""
    record(store, ["org Wijkteam Zeist-West"])
    near = near_duplicates(store, parse("org Wijkteam Zeist-Oost", store.context()))
    assert [(typed, table) for typed, table, _ in near] == [("Wijkteam Zeist-Oost", "actor")]
    similar = near[0][2]
    assert similar[0]["name"] == "Wijkteam Zeist-West" and similar[0]["different"] is True
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        pilot.app.push_screen(NearDuplicateScreen("Wijkteam Zeist-Oost", "actor", similar))
        await pilot.pause()
        shown = str(pilot.app.screen.query_one("#near-options").get_option_at_index(1).prompt)
        assert "Oost ≠ West" in shown and "iets anders" in shown

    drive(app, scenario)

"""Hostile names through the capture line onto the screens: shown exactly as typed (markup of
Rich, Textual and reportlab is text), and control characters never reach the terminal."""

from __future__ import annotations

import unicodedata

import pytest

from tests.file.test_hostile import HOSTILE, quote
from tests.tui.conftest import drive, settle, text_of
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.widgets.capture_line import CaptureLine
from workshop.tui.widgets.feed import Feed

PRINTABLE = [n for n in HOSTILE if n.isprintable() and len(n) < 200]
CONTROL = [n for n in HOSTILE if not n.isprintable()]
# These also visit every screen (the rest the lists only, to keep the suite quick).
EVERY_SCREEN = [HOSTILE[0], HOSTILE[4], HOSTILE[6], HOSTILE[8], HOSTILE[11]]


def control_characters(pilot) -> set[str]:
    """Control characters among everything the app would send to the terminal for the whole
    screen (format characters such as the joiner inside an emoji are text, not control)."""
    update = pilot.app.screen._compositor.render_update(full=True)
    text = "".join(segment.text for strip in update.strips for segment in strip)
    return {ch for ch in text if unicodedata.category(ch) == "Cc"}


@pytest.mark.parametrize("name", PRINTABLE + CONTROL, ids=range(len(PRINTABLE + CONTROL)))
def test_hostile_name_on_every_screen(tmp_path, name: str) -> None:
    store = Store.create(tmp_path / "h.wijk", name=name)
    record(
        store,
        [
            f"org {quote(name)} #vereniging",
            f"{quote(name)} -> Jan #kent",
            f"deelnemer {quote(name + 'x')} #senior",
        ],
    )
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        line = pilot.app.screen.query_one(CaptureLine)
        line.value = f"p {quote(name)} @B2"
        await pilot.pause()
        preview = text_of(pilot.app.screen.query_one("#preview"))
        await pilot.press("enter")
        await settle(pilot)
        assert store.find("place", name)[0]["name"] == name  # stored exactly
        feed = str(pilot.app.screen.query_one(Feed).get_option_at_index(0).prompt)
        if name in PRINTABLE:
            assert f"Plek · {name} · B2" in preview
            shown = name if len(name) < 40 else name[:30]
            assert shown in feed
        assert control_characters(pilot) == set()  # none reaches the terminal
        screens = ("f3", "f4", "f5", "f6", "f7") if name in EVERY_SCREEN else ("f3",)
        for screen in screens:  # lists, map, network, board, session
            await pilot.press(screen)
            await settle(pilot)
            assert control_characters(pilot) == set(), screen

    drive(app, scenario)

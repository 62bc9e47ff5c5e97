"""Snapshots of the screens people look at most, at 80x24 (and one at 160x48).

Clock, session and backups are fixed so a snapshot only changes when the screen does.
Update after a deliberate change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import SOME
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui import queries
from workshop.tui.app import WorkshopApp
from workshop.tui.wall import WallApp
from workshop.tui.widgets.capture_line import CaptureLine

# On the wall persons below print consent are pseudonyms made from their (random) ids.
WALL_SAFE = ['persoon "Dokter de Vries" #sleutelfiguur consent:print'] + [
    line for line in SOME if not line.startswith(("deelnemer", "Jan", "Wijkraad <"))
]


@pytest.fixture
def steady(monkeypatch, store: Store) -> Store:
    """A file whose screens look the same on every run: a named session of a fixed date,
    captures at 20:15, no backups yet."""
    monkeypatch.setattr(queries, "_local_time", lambda stamp: "20:15")
    monkeypatch.setattr(WorkshopApp, "_start_session", lambda self: None)
    store.use_session("2026-11-26", "Buurthuis De Kuil", "2")
    return store


async def _still(pilot) -> None:
    """No blinking cursor (on the screen shown: `app.query` does not look into it), every
    worker done. Turning the blink off shows the focused line's cursor for good."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _typed(text: str):
    async def run_before(pilot) -> None:
        await _still(pilot)
        line = pilot.app.screen.query_one(CaptureLine)
        line.value = text
        line.cursor_position = len(text)
        # The preview and the completion settle (a busy machine runs them later), as after keys.
        await _still(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def _then(*keys: str):
    async def run_before(pilot) -> None:
        await _still(pilot)
        await pilot.press(*keys)
        await _still(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_capture_empty(snap_compare, steady: Store) -> None:
    assert snap_compare(WorkshopApp(steady), run_before=_still)


def test_capture_preview_and_completion(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(WorkshopApp(steady), run_before=_typed('i "Zon op het dak" #opwek +Dok'))


def test_capture_refused_line(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(WorkshopApp(steady), run_before=_typed("p Speeltuin @Z9"), press=["enter"])


def test_near_duplicate_prompt(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(
        WorkshopApp(steady), run_before=_typed("p Buurthuis De Kuijl"), press=["enter"]
    )


def test_places_list(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(WorkshopApp(steady), run_before=_then("f3"))


def test_record_form(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(WorkshopApp(steady), run_before=_then("f3", "down", "down", "enter"))


def test_map(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(
        WorkshopApp(steady), run_before=_then("f4", "right", "right", "down", "down", "down")
    )


def test_network(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(WorkshopApp(steady), run_before=_then("f5"))


def test_sounding_board(snap_compare, steady: Store) -> None:
    record(steady, SOME + ["deelnemer Bram #rijwoning #senior #stel"])
    assert snap_compare(WorkshopApp(steady), run_before=_then("f6"))


def test_help(snap_compare, steady: Store) -> None:
    assert snap_compare(WorkshopApp(steady), run_before=_then("f1"))


def test_wall(snap_compare, steady: Store) -> None:
    record(steady, WALL_SAFE)
    reader = Store.open(steady.path, readonly=True)
    assert snap_compare(WallApp(reader), run_before=_still)
    reader.close()


def test_capture_large_in_english_high_contrast(snap_compare, steady: Store) -> None:
    record(steady, SOME)
    assert snap_compare(
        WorkshopApp(steady, contrast=True), run_before=_then("ctrl+t"), terminal_size=(160, 48)
    )

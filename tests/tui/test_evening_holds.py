"""Nothing ends the session but Ctrl+Q: not another program reading and writing the file, not a
read that fails, not a bug in a screen (issue 10, item 1)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from textual.widgets import Static

from tests.tui.conftest import WORDS, drive, settle, text_of, type_line
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui import reading
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.confirm import ConfirmScreen
from workshop.tui.screens.map import MapScreen
from workshop.tui.widgets.capture_line import CaptureLine

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20
# Enough that the list never runs empty: a Ctrl+Z that undid the other program's capture
# leaves the TUI's delete in place, so up to two actors a round stay deleted.
ACTORS = [f"a Actor{i:02d} #bewoner" for i in range(2 * ROUNDS + 10)]


def test_the_crash_reproduction_twenty_times_while_another_program_hammers(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    """The issue's reproduction (F3, the actors, Del, j, Ctrl+Z) and a capture, 20 rounds,
    while another process reads and writes the file (sqlite3, sqlite-utils, workshop capture).
    Before the fix this ended the app with `disk I/O error` within a few rounds."""
    record(store, ACTORS)
    app = WorkshopApp(store)
    stop = tmp_path / "stop"
    hammered = tmp_path / "hammered.txt"
    other = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.tui.hammer",
            str(store.path),
            "2000",
            str(hammered),
            "--cli",
            "15",
            "--stop",
            str(stop),
        ],
        cwd=ROOT,
    )
    typed = []
    # Ctrl+Z undoes the latest capture in the file, which may be the other program's; the
    # next capture then drops that undone entry from the log. So keep what the TUI undid,
    # as the app says it, to tell an undone line from a lost one.
    undone: list[str] = []
    real_undo = store.undo

    def undo() -> dict | None:
        entry = real_undo()
        if entry is not None:
            undone.append(entry["line"] or "")
        return entry

    monkeypatch.setattr(store, "undo", undo)

    async def scenario(pilot) -> None:
        for round_ in range(ROUNDS):
            await pilot.press("f3")
            await settle(pilot)
            if round_ == 0:
                await pilot.press("right", "right")  # the actors
                await settle(pilot)
            for _ in range(2):
                await pilot.press("delete")
                await pilot.pause()
                assert isinstance(pilot.app.screen, ConfirmScreen)
                await pilot.press("j")
                await settle(pilot)
                await pilot.press("ctrl+z")
                await settle(pilot)
            await pilot.press("f2")
            line = f"p {WORDS[round_]}"
            await type_line(pilot, line)
            await pilot.press("enter")
            await settle(pilot)
            typed.append(line)
            assert pilot.app.is_running
        message = text_of(pilot.app.screen.query_one("#message", Static))
        assert f"opgeslagen: Plek · {WORDS[ROUNDS - 1]}" in message

    try:
        drive(app, scenario)
    finally:
        stop.touch()
        other.wait(timeout=120)
    assert other.returncode == 0
    assert app.failed_reads == 0
    store.close()
    with Store.open(store.path) as again:  # as the next program sees the file
        places = {r["name"] for r in again.rows("place")}
        logged = {r["line"] for r in again.rows("history", "undone = 0")}
    from_other = hammered.read_text().splitlines()
    assert len(from_other) > ROUNDS
    assert undone, "the TUI's Ctrl+Z undid nothing"
    for line in typed + from_other:  # none lost: each is in the file, or the TUI undid it
        if line in undone:
            assert line.removeprefix("p ") not in places, line
        else:
            assert line in logged, line
            assert line.removeprefix("p ") in places, line


def test_a_read_that_keeps_failing_says_one_line_and_capture_goes_on(
    filled: Store, monkeypatch
) -> None:
    app = WorkshopApp(filled)
    calls = []
    real_open = reading.Store.open

    def failing_open(path, readonly=False):
        calls.append(path)
        raise sqlite3.OperationalError("disk I/O error")

    async def scenario(pilot) -> None:
        monkeypatch.setattr(reading.Store, "open", failing_open)
        await pilot.press("f4")
        await settle(pilot)
        assert len(calls) == reading.ATTEMPTS  # tried again before giving up
        assert app.failed_reads == 1
        monkeypatch.setattr(reading.Store, "open", real_open)
        await pilot.press("p", "space", "D", "o", "o", "r", "g", "a", "a", "n", "enter")
        await settle(pilot)
        assert filled.find("place", "Doorgaan")
        assert pilot.app.is_running

    monkeypatch.setattr(reading, "PAUSE", 0.0)
    drive(app, scenario)


def test_a_bug_in_a_screen_is_one_line_and_a_log_entry(
    filled: Store, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(WorkshopApp, "FAIL_ON_BUG", False)
    app = WorkshopApp(filled)
    said: list[str] = []
    monkeypatch.setattr(app, "say", lambda text, severity="information": said.append(text))

    def broken(self, cells) -> None:
        raise RuntimeError("a bug in the map")

    monkeypatch.setattr(MapScreen, "_show", broken)

    async def scenario(pilot) -> None:
        await pilot.press("f4")
        await settle(pilot)
        assert pilot.app.is_running
        assert [s for s in said if "RuntimeError" in s] and len(said) == 1
        await pilot.press("f2")
        await type_line(pilot, "p Na de fout")
        await pilot.press("enter")
        await settle(pilot)
        assert filled.find("place", "Na de fout")
        # a handler that raises does not end its widget's message loop: the line still works
        line = pilot.app.screen.query_one(CaptureLine)

        def boom(value, alternatives) -> None:
            raise ValueError("a bug in the preview")

        line.typed = boom
        await pilot.press("x")
        await pilot.pause()
        line.typed = pilot.app.screen.typed
        line.value = ""
        await type_line(pilot, "p Nog een")
        await pilot.press("enter")
        await settle(pilot)
        assert filled.find("place", "Nog een")

    drive(app, scenario)
    log = (tmp_path / "state" / "workshop" / "tui.log").read_text()
    assert "RuntimeError: a bug in the map" in log and "Traceback" in log
    assert "ValueError: a bug in the preview" in log

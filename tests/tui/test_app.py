"""What the whole app does: session, palette, workers, language, contrast, backups, help."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from tests.tui.conftest import drive, settle
from workshop.capture.grammar import parse
from workshop.file import backup
from workshop.file.access import backups_dir
from workshop.file.store import Store
from workshop.i18n import MESSAGES
from workshop.tui import jobs
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.help import HELP, HelpScreen
from workshop.tui.screens.session import SessionScreen
from workshop.tui.widgets.capture_line import CaptureLine
from workshop.tui.widgets.key_bar import KeyBar
from workshop.tui.widgets.status_bar import StatusBar

SCREEN_MODULES = (
    "capture",
    "browse",
    "map",
    "network",
    "board",
    "form",
    "near",
    "session",
    "confirm",
    "choose",
    "help",
)


def _status(pilot) -> str:
    return str(pilot.app.screen.query_one(StatusBar).render())


def test_a_session_starts_by_itself_and_can_be_named(store: Store) -> None:
    app = WorkshopApp(store)
    today = dt.date.today().isoformat()

    async def scenario(pilot) -> None:
        await settle(pilot)
        assert store.rows("session") == []  # opening writes nothing: no meeting yet
        assert f"sessie {today}" in _status(pilot)
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionScreen)
        pilot.app.screen.query_one("#session-venue", Input).value = "Buurthuis De Kuil"
        pilot.app.screen.query_one("#session-table_name", Input).value = "2"
        await pilot.press("ctrl+s")
        await settle(pilot)
        sessions = store.rows("session")
        assert [s["date"] for s in sessions] == [today]
        assert sessions[0]["venue"] == "Buurthuis De Kuil"
        assert f"sessie {today} · Buurthuis De Kuil" in _status(pilot)

    drive(app, scenario)


def test_f7_sets_the_sessions_default_consent_as_the_line_does(store: Store) -> None:
    """`sessie consent:print` on the line; in F7, the same field with the line's words: the
    persons captured in the session get it unless their line says otherwise."""
    from textual.widgets import Select

    from workshop.capture.record import record

    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await settle(pilot)
        await pilot.press("f7")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        consent = screen.query_one("#session-consent", Select)
        assert consent.value is Select.NULL  # a new session agreed to nothing yet
        screen.query_one("#session-venue", Input).value = "Bron"
        consent.value = "print"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [(s["venue"], s["consent"]) for s in store.rows("session")] == [("Bron", "print")]
        record(store, ["persoon Jan", "persoon Piet consent:geen"])
        assert [a["consent"] for a in store.rows("actor", order="name")] == ["print", "none"]
        await pilot.press("f7")
        await pilot.pause()
        again = pilot.app.screen.query_one("#session-consent", Select)
        assert again.value == "print"
        again.value = Select.NULL  # cleared: no default any more
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.rows("session")[0]["consent"] is None

    drive(app, scenario)


def test_continue_an_earlier_session(store: Store) -> None:
    earlier = store.use_session("2026-10-08", "Bibliotheek", "1")
    store.session_id = None
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await settle(pilot)
        await pilot.press("f7")
        await pilot.pause()
        while not isinstance(pilot.app.focused, OptionList):  # past the fields, to the list
            await pilot.press("tab")
        await pilot.press("enter")
        await settle(pilot)
        assert "2026-10-08 · Bibliotheek · 1" in _status(pilot)
        pilot.app.screen.query_one(CaptureLine).value = "p Plein"
        await pilot.press("enter")
        await settle(pilot)
        assert store.find("place", "Plein")[0]["session_id"] == earlier

    drive(app, scenario)


def test_export_runs_in_a_worker_while_capture_goes_on(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    started = threading.Event()
    release = threading.Event()
    real_export = jobs.export

    def slow_export(path, fmt, *options):
        started.set()
        release.wait(10)  # the export is still busy while the facilitator captures
        return real_export(path, fmt, *options)

    monkeypatch.setattr(jobs, "export", slow_export)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("enter")  # the first format: CSV
        await pilot.pause()
        assert started.wait(5)
        line = pilot.app.screen.query_one(CaptureLine)
        line.value = "p Speeltuin @B3"
        await pilot.press("enter")
        await pilot.pause()
        assert store.find("place", "Speeltuin")  # saved while the export waits
        assert not (tmp_path / "exports").exists()
        release.set()
        await settle(pilot)
        written = sorted(p.name for p in (tmp_path / "exports" / "test-csv").iterdir())
        assert "place.csv" in written
        assert "Speeltuin" in (tmp_path / "exports" / "test-csv" / "place.csv").read_text(
            encoding="utf-8-sig"
        )

    drive(app, scenario)


def test_palette_lists_every_action_with_its_key(store: Store, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CommandPalette)
        for char in "reservekopie":
            await pilot.press(char)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert backup.automatic_backups(backups_dir(store.path))

    drive(app, scenario)


def test_language_contrast_and_help(store: Store) -> None:
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        def footer_keys() -> list[str]:
            return [
                description for _, description, _ in pilot.app.screen.query_one(KeyBar).shown_keys()
            ]

        assert "Invoer" in footer_keys()
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert pilot.app.lang == "en"
        assert "Capture" in footer_keys() and "Invoer" not in footer_keys()
        line = pilot.app.screen.query_one(CaptureLine)
        assert line.placeholder.startswith("p Community centre")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert pilot.app.theme == "workshop-contrast"
        await pilot.press("ctrl+g")
        assert pilot.app.theme != "workshop-contrast"
        assert pilot.app.screen.query_one(KeyBar)

    drive(app, scenario)


def test_backups_every_few_minutes_and_on_exit(store: Store) -> None:
    app = WorkshopApp(store, backup_every=0.2)

    async def scenario(pilot) -> None:
        deadline = time.monotonic() + 5
        while not backup.automatic_backups(backups_dir(store.path)):
            assert time.monotonic() < deadline
            await pilot.pause(0.1)
        await settle(pilot)
        assert re.search(r"kopie \d+ s", _status(pilot)) or "kopie" in _status(pilot)

    drive(app, scenario)
    made = backup.automatic_backups(backups_dir(store.path))
    assert len(made) >= 2  # the timed one(s) and the one on the way out
    with Store.open(made[-1], readonly=True) as copy:  # a whole copy of the file
        assert copy.neighbourhood()["name"] == store.neighbourhood()["name"]
        assert copy.count("session") == store.count("session") == 0  # nothing captured


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_examples_are_lines_that_parse(lang: str) -> None:
    examples = [
        line.strip()
        for line in HELP[lang].splitlines()
        if line.startswith("  ")
        and not line.startswith("      ")
        and not line.strip().startswith(("Tab", "↓", "Ctrl", "F2", "F7", "F10", "Esc"))
    ]
    examples = [re.sub(r"\s{2,}\(.*\)$", "", line) for line in examples]
    assert len(examples) >= 10
    for line in examples:
        parse(line)


def test_every_key_has_a_description_in_both_languages() -> None:
    import importlib

    classes = [WorkshopApp]
    for name in SCREEN_MODULES:
        module = importlib.import_module(f"workshop.tui.screens.{name}")
        classes += [
            c
            for c in vars(module).values()
            if isinstance(c, type) and getattr(c, "__module__", "") == module.__name__
        ]
    ids = {b.id for cls in classes for b in getattr(cls, "BINDINGS", []) if hasattr(b, "id")}
    assert "help" in ids and "undo" in ids and "print" in ids
    for binding_id in ids - {None}:
        assert f"tui_key_{binding_id}" in MESSAGES, binding_id
    for key, texts in MESSAGES.items():
        if key.startswith("tui_"):
            assert texts["nl"] and texts["en"], key


def test_print_from_the_keyboard_in_a_worker(filled: Store, tmp_path: Path, monkeypatch) -> None:
    from pypdf import PdfReader

    monkeypatch.chdir(tmp_path)
    assert jobs.printable()[:2] == ["cards", "map"]
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("enter")  # initiative cards
        await settle(pilot)

    drive(app, scenario)
    pdf = tmp_path / "printouts" / "test-kaarten.pdf"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Zon op ons dak" in text

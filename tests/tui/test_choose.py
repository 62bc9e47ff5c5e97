"""F8 and F9 offer what the CLI has: every printout (blank cards included) and every export
format with the choice of delimiter, and what is chosen is written where the CLI writes it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.tui.conftest import drive, settle
from workshop.exchange import FORMATS
from workshop.file.store import Store
from workshop.printing.table import PRINTOUTS
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.choose import ChooseScreen


def shown(app) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_f8_offers_every_printout_and_prints_blank_cards(
    filled: Store, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = WorkshopApp(filled)
    seen: list[str] = []
    first = filled.neighbourhood()["next_card"]

    async def scenario(pilot) -> None:
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChooseScreen)
        seen.extend(shown(pilot.app))
        for _ in range(list(PRINTOUTS).index("blank-cards")):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)

    drive(app, scenario)
    assert len(seen) == len(PRINTOUTS) and "lege genummerde kaarten" in seen
    assert (tmp_path / "printouts" / "test-lege-kaarten.pdf").exists()
    # numbers reserved in the file, as `workshop print blank-cards` does
    assert filled.neighbourhood()["next_card"] == first + PRINTOUTS["blank-cards"].options["count"]


def test_f9_offers_every_format_and_the_semicolon(
    filled: Store, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = WorkshopApp(filled)
    seen: list[str] = []

    async def scenario(pilot) -> None:
        await pilot.press("f9")
        await pilot.pause()
        seen.extend(shown(pilot.app))
        await pilot.press("down")  # CSV with semicolons
        await pilot.press("enter")
        await settle(pilot)

    drive(app, scenario)
    assert len(seen) == len(FORMATS) + 1
    assert seen[1] == "CSV met puntkomma (Excel in het Nederlands)"
    assert any("GeoJSON" in s for s in seen) and any("GEXF" in s for s in seen)
    header = (tmp_path / "exports" / "test-csv" / "place.csv").read_text("utf-8-sig")
    assert header.splitlines()[0].count(";") > 2


def test_escape_chooses_nothing(filled: Store, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ChooseScreen)

    drive(app, scenario)
    assert not (tmp_path / "exports").exists()


def test_f8_prints_the_confidential_key(filled: Store, tmp_path: Path, monkeypatch) -> None:
    from tests.printing.conftest import text_of
    from workshop.capture.record import record

    record(filled, ['persoon "Geheim Persoon" #bewoner consent:geen'])
    monkeypatch.chdir(tmp_path)
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await pilot.press("f8")
        await pilot.pause()
        assert shown(pilot.app)[list(PRINTOUTS).index("key")] == (
            "sleutel bij de pseudoniemen (vertrouwelijk)"
        )
        for _ in range(list(PRINTOUTS).index("key")):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)

    drive(app, scenario)
    text = text_of(tmp_path / "printouts" / "test-sleutel.pdf")
    assert "Geheim Persoon" in text and "Vertrouwelijk — alleen voor de begeleider" in text

"""Helpers for driving the TUI with Textual's Pilot (headless, real files in tmp_path)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp

MARKUP_NAME = "[bold]Café[/] <b> & 'Hoekje'"

SOME = [
    'p "Buurthuis De Kuil" #buurthuis @C4 "Hier komt iedereen"',
    "p Bibliotheek #bieb @C4",
    "p Speeltuin #speeltuin @E2 #zorgpunt",
    'persoon "Dokter de Vries" #sleutelfiguur !5',
    "org Wijkraad #bewonersorganisatie !3",
    'i "Zon op ons dak" #opwek @D2 +"Dokter de Vries"',
    'Jan -> "Dokter de Vries" #kent',
    "Wijkraad <-> Jan #werkt-samen",
    'n "Wil meer bankjes" ~Buurthuis De Kuil',
    f'p "{MARKUP_NAME}" #cafe @F5',
    "deelnemer Anna #appartement #senior #alleenstaand",
]


# Names no two of which are near-duplicates (so no capture stops to ask "is it that one?").
WORDS = """Bakkerij Molen Kerktoren Zwembad Speeltuin Sporthal Kinderboerderij Moestuin Vijver
Markt Fietsenmaker Kapsalon Huisarts Apotheek Tandarts Gemeentehuis Politiepost Brandweer
Treinstation Busremise Voetbalveld Tennisbaan IJsbaan Skatepark Hondenveld Boomgaard Bankje
Fontein Standbeeld Wasserette Snackbar Pizzeria Viswinkel Slagerij Groenteboer Drogist
Boekhandel Muziekschool Dansstudio Theater Bioscoop Museum Galerie Atelier Werkplaats
Repaircafe Kringloop Buurtkamer Jongerencentrum Zorgcentrum Wijkpost Begraafplaats
Parkeergarage Pleintje Steiger Sluis Dijk Weiland Hooiberg Kerkplein""".split()  # noqa: SIM905


@pytest.fixture(autouse=True)
def bugs_fail_tests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug the app survives (logged, said in one line) still fails the test that met it;
    its log goes to the test's own folder, not the user's state dir."""
    monkeypatch.setattr(WorkshopApp, "FAIL_ON_BUG", True)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def filled(store: Store) -> Store:
    """The test file with a place, an initiative, actors, ties, a note and a participant."""
    record(store, SOME)
    return store


def drive(
    app: WorkshopApp, scenario: Callable[..., Awaitable[None]], size: tuple[int, int] = (80, 24)
) -> None:
    """Run the app headless at `size` and play `scenario(pilot)` against it."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


async def settle(pilot) -> None:
    """Let workers finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def type_line(pilot, text: str) -> None:
    """Type like a person (a key at a time), so every keystroke goes through the line."""
    for char in text:
        await pilot.press("space" if char == " " else char)


def text_of(widget) -> str:
    """What a Static/Label shows, as plain text."""
    return str(widget.render())


def open_store(path: Path) -> Store:
    return Store.open(path)

"""One language at a time (issue 11, item 4): a walk through every screen, dialog and the
palette of a Dutch file finds no English word, and of an English file no Dutch one; a Dutch
file switched to English (Ctrl+T) tells its edits in English too; every printout's and
export's default file name is in the file's language (or in none: `json`, `csv`).

The words are small lists of words that belong to one language only (no names in the test
file use them); the screen is read as drawn (Textual's screenshot), Textual's own texts too.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.tui.conftest import drive, settle, type_line
from workshop.capture.record import record
from workshop.exchange.export import FORMATS
from workshop.file.store import Store
from workshop.printing.table import PRINTOUTS
from workshop.tui.app import WorkshopApp

ONLY = {
    "nl": set(
        [
            "plekken",
            "initiatieven",
            "actoren",
            "verbanden",
            "notities",
            "sessie",
            "Sessie",
            "vandaag",
            "kopie",
            "reservekopie",
            "Hulp",
            "Invoer",
            "Lijsten",
            "Kaart",
            "Netwerk",
            "Klankbord",
            "Afdrukken",
            "Stoppen",
            "Ongedaan",
            "verwijderd",
            "bewerken",
            "bewerkt",
            "Laatst",
            "vastgelegd",
            "Zoek",
            "opdracht",
            "Zonder",
            "Verbinders",
            "Plekken",
            "Naam",
            "Soort",
            "Vak",
            "Woorden",
            "Toetsen",
            "ontbreekt",
            "gevonden",
            "Geen",
            "Nog",
            "welke",
            "Wat",
            "Waarheen",
            "Bestaat",
            "Opslaan",
            "Annuleren",
            "een",
            "het",
            "van",
            "niet",
            "met",
            "voor",
            "wordt",
            "kaarten",
            "samenvatting",
            "netwerk",
            "kaart",
            "resultaatkaart",
            "lege",
            "tegels",
        ]
    ),
    "en": set(
        [
            "places",
            "initiatives",
            "actors",
            "ties",
            "notes",
            "session",
            "Session",
            "today",
            "backup",
            "Help",
            "Capture",
            "Lists",
            "Map",
            "Network",
            "Board",
            "Print",
            "Quit",
            "Undo",
            "deleted",
            "edited",
            "Latest",
            "Search",
            "command",
            "matches",
            "found",
            "Name",
            "Kind",
            "Cell",
            "Connectors",
            "Words",
            "Keys",
            "missing",
            "What",
            "Save",
            "Cancel",
            "the",
            "and",
            "with",
            "to",
            "Does",
            "exist",
            "cards",
            "summary",
            "network",
            "map",
            "result",
            "blank",
            "tiles",
        ]
    ),
}
OTHER = {"nl": "en", "en": "nl"}
LINES = {
    "nl": [
        "p Alpha #buurthuis @C4",
        "p Golf #park",
        "persoon Bravo #sleutelfiguur !4",
        "i Charlie #opwek @D2 +Bravo",
        "org Delta #vereniging",
        "Bravo -> Delta #kent",
        "n Echo ~Alpha",
        "deelnemer Foxtrot #appartement #senior #alleenstaand",
    ],
    "en": [
        "place Alpha #community-centre @C4",
        "place Golf #park",
        "person Bravo #key-figure !4",
        "i Charlie #generation @D2 +Bravo",
        "org Delta #association",
        "Bravo -> Delta #knows",
        "note Echo ~Alpha",
        "participant Foxtrot #apartment #senior #single",
    ],
}


def drawn(app) -> str:
    """The screen as drawn, as text (from Textual's SVG screenshot)."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r">([^<>]*)</text>", svg))).replace("\xa0", " ")


def strays(text: str, lang: str) -> set[str]:
    """Words of the other language in `text`."""
    return set(re.findall(r"[^\W\d_]+", text)) & ONLY[OTHER[lang]]


@pytest.fixture(params=["nl", "en"])
def evening(request, tmp_path: Path) -> tuple[Store, str]:
    lang = request.param
    store = Store.create(tmp_path / "zulu.wijk", name="Zulu", lang=lang)
    record(store, LINES[lang])
    yield store, lang
    store.close()


def test_every_screen_speaks_the_files_language(evening) -> None:
    store, lang = evening
    app = WorkshopApp(store)
    seen: dict[str, set[str]] = {}
    shown: dict[str, str] = {}

    async def look(pilot, where: str, *, asking: bool = False) -> None:
        if asking:  # the worker asking waits for the answer: do not wait for it
            await pilot.pause(0.3)
        else:
            await settle(pilot)
        text = drawn(pilot.app)
        seen[where] = strays(text, lang)
        shown[where] = text

    async def scenario(pilot) -> None:
        await type_line(pilot, "p Hotel @E3")
        await look(pilot, "capture, map beside")
        await pilot.press("enter")
        for key, where in (
            ("f1", "help"),
            ("f7", "session"),
            ("f8", "print"),
            ("f9", "export"),
        ):
            await pilot.press(key)
            await look(pilot, where)
            await pilot.press("escape")
            await settle(pilot)
        for key, where in (("f4", "map"), ("f5", "network"), ("f6", "board"), ("f3", "lists")):
            await pilot.press(key)
            await look(pilot, where)
        for tab in range(5):
            await pilot.press("right")
            await look(pilot, f"lists, tab {tab + 2}")
        await pilot.press("f2")
        await type_line(pilot, "p Alphaa")
        await pilot.press("enter")
        await look(pilot, "near-duplicate question", asking=True)
        await pilot.press("escape")
        await pilot.press("ctrl+u", "down", "enter")
        await look(pilot, "edit form")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_line(pilot, "qqqqzz")
        await pilot.pause(0.8)  # Textual says "no matches" after half a second
        await look(pilot, "palette, nothing found")
        await pilot.press("escape")

    drive(app, scenario, size=(120, 40))
    assert {where: words for where, words in seen.items() if words} == {}
    assert len(seen) >= 15
    # the walk reads what is drawn, Textual's own text too
    said = {"nl": "Geen opdracht gevonden", "en": "No matches found"}[lang]
    assert said in shown["palette, nothing found"]


def test_a_dutch_file_in_english_tells_its_edits_in_english(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "zulu.wijk", name="Zulu")
    record(store, LINES["nl"])
    from workshop.capture import edit

    golf = store.find("place", "Golf")[0]["id"]
    edit.save(store, "place", {"cell": "B2"}, golf)
    edit.delete(store, "place", golf)
    app = WorkshopApp(store)
    found: list[set[str]] = []

    async def scenario(pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        text = drawn(pilot.app)
        assert "deleted: Place · Golf" in text and "edited: Place · Golf" in text
        found.append(strays(text, "en"))

    drive(app, scenario, size=(120, 40))
    assert found == [set()]
    store.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_printout_and_export_is_named_in_the_files_language(lang: str) -> None:
    names = []
    for printout in PRINTOUTS.values():
        for tiles in (False, True):
            names.append(str(printout.default_path("zulu.wijk", "A1", tiles, lang)))
    names += [str(spec.default_target("zulu.wijk")) for spec in FORMATS.values()]
    words = {word for name in names for word in re.split(r"[-./]", name)}
    assert words & ONLY[OTHER[lang]] == set(), names
    if lang == "nl":
        assert "printouts/zulu-samenvatting.pdf" in names
    else:
        assert "printouts/zulu-summary.pdf" in names

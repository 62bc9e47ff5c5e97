"""One numbering everywhere: a place or an initiative carries the same number on the result map,
in the summary's table and appendix, and (an initiative) on its card — read back with pypdf
from the PDFs the commands write."""

from __future__ import annotations

import re

import pypdf
import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.printing import numbering

# Captured in an order that is neither the cells' order nor the alphabet's.
PLACES = [
    ("Zuidhuis", "C4"),
    ("Alpha Kerk", "H1"),
    ("Mid Plein", "A2"),
    ("Bèta Bieb", "A2"),
    ("Nergens Café", ""),
    ("Oost Tuin", "B1"),
]
INITIATIVES = [("Zonnedak", "B3", 7), ("Tuinclub", "C4", 3), ("Repair Café", "A1", 12)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("numbering")
    path = folder / "n.wijk"
    store = Store.create(path, name="Nummers")
    lines = [f'p "{name}" #buurthuis' + (f" @{cell}" if cell else "") for name, cell in PLACES]
    lines += [f'i "{name}" #opwek @{cell} kaart:{card}' for name, cell, card in INITIATIVES]
    record(store, lines)
    expected = {p["name"]: n for n, p in numbering.numbered_places(store.rows("place"))}
    store.close()
    out = {}
    for kind in ("result-map", "summary", "cards"):
        pdf = folder / f"{kind}.pdf"
        result = CliRunner().invoke(cli, ["print", kind, str(path), "-o", str(pdf)])
        assert result.exit_code == 0, result.output
        out[kind] = [
            line.strip()
            for page in pypdf.PdfReader(pdf).pages
            for line in (page.extract_text() or "").splitlines()
        ]
    return expected, out


def _numbers_before(lines: list[str], name: str) -> list[str]:
    """The number printed just before each occurrence of `name` (a key, a table row): on the
    line before, or at the start of the same line when pypdf joins a row's cells."""
    found = []
    for i, line in enumerate(lines):
        if line == name and i:
            found.append(lines[i - 1])
        elif m := re.match(rf"(\d+) {re.escape(name)}( |$)", line):
            found.append(m.group(1))
    return found


def test_places_are_numbered_by_cell_then_name_not_by_capture() -> None:
    rows = [
        {"id": str(i), "name": n, "norm": n.casefold(), "cell": c, "created": str(i)}
        for i, (n, c) in enumerate(PLACES)
    ]
    order = [p["name"] for _, p in numbering.numbered_places(rows)]
    assert order == [
        "Oost Tuin",
        "Alpha Kerk",
        "Bèta Bieb",
        "Mid Plein",
        "Zuidhuis",
        "Nergens Café",
    ]
    assert numbering.place_numbers(reversed(rows)) == numbering.place_numbers(rows)


def test_a_place_has_one_number_on_the_map_and_in_the_summary(printed) -> None:
    expected, out = printed
    assert expected["Zuidhuis"] != 1  # captured first, numbered by its cell
    for name, number in expected.items():
        on_map = _numbers_before(out["result-map"], name)
        in_summary = _numbers_before(out["summary"], name)
        assert on_map == [str(number)], (name, on_map)
        # the table after the map and the appendix
        assert in_summary == [str(number)] * 2, (name, in_summary)


def test_an_initiative_has_its_card_number_everywhere(printed) -> None:
    _, out = printed
    cards = "\n".join(out["cards"])
    for name, _, card in INITIATIVES:
        assert _numbers_before(out["result-map"], name) == [str(card)], name
        assert _numbers_before(out["summary"], name) == [str(card)] * 2, name
        # the card: its number in the footer ("… · kaart 7") just above its title
        assert re.search(rf"kaart {card}\n{re.escape(name)}\n", cards), name

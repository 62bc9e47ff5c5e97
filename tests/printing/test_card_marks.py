"""Every card, blank or filled, four-up or single, carries its four corner markers inside its
cut line, clear of every text block and of the QR code (issue 15), and they read back as the
card's own ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.units import mm

from workshop.capture.record import record
from workshop.file.store import Store
from workshop.paper import cardmarks, detect
from workshop.paper.markers import CARDS
from workshop.printing import templates
from workshop.printing.cards import build

TEMPLATE = templates.load()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = Store.create(tmp_path_factory.mktemp("m") / "m.wijk", name="Merkwijk")
    record(
        store,
        [
            'i "Zon op het dak van het buurthuis aan de overkant van de straat" #opwek'
            " web:https://een-heel-lange-naam.example/initiatieven/zon-op-het-dak"
            ' wat:"' + "zonnepanelen " * 60 + '"',
            "i Moestuin #vergroening",
        ],
    )
    return store


@pytest.mark.parametrize("layout", ["4up", "single"])
@pytest.mark.parametrize("kind", ["filled", "blank"])
def test_marks_inside_the_card_and_clear_of_everything(store, tmp_path: Path, kind, layout):
    pdf = tmp_path / f"{kind}-{layout}.pdf"
    if kind == "filled":
        result = build.print_cards(store, pdf, TEMPLATE, layout=layout)
    else:
        result = build.print_blank_cards(store, pdf, TEMPLATE, count=5, layout=layout)
    marks = [(p, r) for p, k, r in result.boxes if k == "card-mark"]
    others = [(p, r) for p, k, r in result.boxes if k != "card-mark"]
    others += [(c.page, c.rect) for c in result.codes]
    assert len(marks) == 4 * len(result.numbers)
    card_w, card_h = build.CARD_W, build.CARD_H
    for page, mark in marks:
        assert mark.w >= 7 * mm
        assert not any(p == page and mark.overlaps(r) for p, r in others), (page, mark)
        # inside one card's cut area, at least 4 mm from its edges (printers' margins)
        page_h = build.A4[1] if layout == "4up" else card_h
        top = page_h - card_h  # the top card's bottom edge (cards lie at y 0 and here)
        x = mark.x - (mark.x // card_w) * card_w
        y = mark.y - (top if mark.y >= top else 0)
        assert 4 * mm <= x and x + mark.w <= card_w - 4 * mm
        assert 4 * mm <= y and y + mark.h <= card_h - 4 * mm


def test_the_marks_read_back_as_the_cards_ids(store, tmp_path: Path) -> None:
    from tests.paper.photos import render

    pdf = tmp_path / "blank.pdf"
    numbers = build.print_blank_cards(store, pdf, TEMPLATE, count=4).numbers
    found = detect.find(render(pdf, 6.0), CARDS)
    wanted = sorted(m.id for n in numbers for m in cardmarks.marks(n))
    assert sorted(f.id for f in found) == wanted

"""Cards people can read and fill in (issue 12, item 8): type sizes on A6, writing lines 8 mm
apart, consent as two tick boxes, and every QR code, whatever it holds, typed into the capture
line finds its card."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tests.printing.conftest import decode, render
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing import templates
from workshop.printing.cards import build as cards

TEMPLATE = templates.load()


def sizes(pdf: Path) -> dict[str, float]:
    """Each text drawn, with the smallest size it was drawn at (points)."""
    out: dict[str, float] = {}

    def visit(text, cm, tm, font, size) -> None:
        text = text.strip()
        if text:
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            out[text] = min(out.get(text, 99.0), size * scale)

    for page in pypdf.PdfReader(str(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return out


@pytest.fixture
def drawn(monkeypatch) -> dict[str, list]:
    """The horizontal lines and the rectangles drawn on the canvas, in points."""
    seen: dict[str, list] = {"lines": [], "rects": []}
    line, rect = Canvas.line, Canvas.rect

    def spy_line(self, x1, y1, x2, y2):
        if abs(y1 - y2) < 0.01:
            seen["lines"].append((round(x1, 1), round(x2, 1), y1))
        return line(self, x1, y1, x2, y2)

    def spy_rect(self, x, y, w, h, *args, **kwargs):
        seen["rects"].append((x, y, w, h))
        return rect(self, x, y, w, h, *args, **kwargs)

    monkeypatch.setattr(Canvas, "line", spy_line)
    monkeypatch.setattr(Canvas, "rect", spy_rect)
    return seen


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_blank_card_type_ruling_and_consent_boxes(tmp_path: Path, drawn, lang: str) -> None:
    store = Store.create(tmp_path / "w.wijk", name="Wijk", lang=lang)
    pdf = tmp_path / "blank.pdf"
    cards.print_blank_cards(store, pdf, TEMPLATE, count=1, layout="single")
    found = sizes(pdf)
    assert min(found.values()) >= 8, found  # nothing on the card below 8 pt
    yes, no = ("ja", "nee") if lang == "nl" else ("yes", "no")
    words = ["idee", "gestopt", "opwek"] if lang == "nl" else ["idea", "stopped", "heat"]
    for word in [yes, no, *words]:
        assert found[word] >= 9.5, (word, found)  # what people tick is body type
    question = "Mag dit contact op papier?" if lang == "nl" else "May this contact be printed?"
    assert question in found and f"{yes} / {no}" not in " ".join(found)
    # writing lines: within each column of lines, 8 mm apart or more
    columns: dict[tuple[float, float], list[float]] = {}
    for x1, x2, y in drawn["lines"]:
        columns.setdefault((x1, x2), []).append(y)
    assert sum(len(ys) for ys in columns.values()) >= 9
    for ys in columns.values():
        ys.sort()
        for low, high in zip(ys, ys[1:], strict=False):
            assert high - low >= 8 * mm - 0.01, (high - low) / mm
    # tick boxes: 8 themes, 4 statuses and yes / no, each at least 3 mm
    boxes = [r for r in drawn["rects"] if abs(r[2] - r[3]) < 0.01 and r[2] < 5 * mm]
    assert len(boxes) == 8 + 4 + 2 and all(r[2] >= 3 * mm for r in boxes)


def test_filled_card_type_sizes(tmp_path: Path, drawn) -> None:
    store = Store.create(tmp_path / "w.wijk", name="Wijk")
    record(store, ['i "Soep" #sociaal wat:"Wij koken op vrijdag" nodig:"Pannen"'])
    pdf = tmp_path / "cards.pdf"
    cards.print_cards(store, pdf, TEMPLATE, layout="single")
    found = sizes(pdf)
    assert min(found.values()) >= 8, found
    assert found["Wij koken op vrijdag"] >= 9.5 and found["Pannen"] >= 9.5
    assert found["Wat doet het?"] >= 8
    notes = sorted(y for _, _, y in drawn["lines"])
    assert len(notes) >= 3
    assert all(b - a >= 8 * mm - 0.01 for a, b in zip(notes, notes[1:], strict=False))


def test_every_payload_typed_into_the_capture_line_finds_its_card(tmp_path: Path) -> None:
    """Website, base URL + number and card reference: decoded from the printed QR code and
    typed into the capture line as a scanner would, each looks up its own card."""
    store = Store.create(tmp_path / "w.wijk", name="Wijk", base_url="wijk.example/kaart?n=")
    record(
        store,
        [
            'i "Met site" web:hoekje.example/',
            'i "Zonder site"',
            'i "Site met anker" web:https://x.example/#over',
        ],
    )
    plain = Store.create(tmp_path / "p.wijk", name="Wijk")
    record(plain, ['i "Soep"'])
    expected = {
        "Met site": "https://hoekje.example/#kaart-1",
        "Zonder site": "https://wijk.example/kaart?n=2",
        "Site met anker": "https://wijk.example/kaart?n=3",
    }
    for file, names in ((store, expected), (plain, {"Soep": "kaart 1"})):
        pdf = tmp_path / "c.pdf"
        cards.print_cards(file, pdf, TEMPLATE, layout="single")
        for page, name in enumerate(names):
            (payload,) = decode(render(pdf, page))
            assert payload == names[name]
            (outcome,) = record(file, [payload])
            assert outcome.name == name and not outcome.saved
    notices = cards.print_cards(store, tmp_path / "c.pdf", TEMPLATE).notices
    assert len(notices) == 1 and "3" in notices[0] and "#" in notices[0]


def test_a_lost_character_in_the_name_is_reported_once_per_batch(tmp_path: Path) -> None:
    """The neighbourhood's name is on every card: a character no font has is one notice for
    the batch, not one per card (the card reference beside it is a text of its own)."""
    store = Store.create(tmp_path / "w.wijk", name="Wijk \U0010fffd")
    result = cards.print_blank_cards(store, tmp_path / "b.pdf", TEMPLATE, count=8)
    assert list(result.lost) == ["Wijk \U0010fffd"]

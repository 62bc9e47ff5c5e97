"""Photos of the project's own printed cards, written on by hand: the cards printed from a real
file (blank and filled, four to an A4), rendered, "handwriting" strokes drawn into a field of
each card, then photographed as a phone does (`photos.photograph`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tests.paper.photos import Shot, photograph, render
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.paper import cardmarks
from workshop.printing import templates
from workshop.printing.cards import build

PX_PER_MM = 6.0  # about 150 dpi
# card slots on a four-up A4, top-left corners in mm from the page's top-left
SLOTS = ((0.0, 0.0), (105.0, 0.0), (0.0, 149.0), (105.0, 149.0))
# where the strokes go on a card (mm from its top-left): in the "what does it do" field of a
# blank card, and below the text of a filled one
STROKES = (22.0, 88.0, 62.0, 100.0)  # left, top, right, bottom


@dataclass
class Printed:
    store: Store
    blank: Path
    filled: Path
    blank_numbers: list[int]
    filled_numbers: list[int]


def printed(tmp: Path) -> Printed:
    store = Store.create(tmp / "kaarten.wijk", name="Kaartwijk")
    record(
        store,
        [
            'persoon "Ans de Wit" #bewoner tel:0611112222 consent:internal',
            'i "Zon op De Bron" #opwek +"Ans de Wit" web:https://bron.example/zon',
            'i "Moestuin Oost" #vergroening',
            'i "Repair café" #sociaal',
            'i "Warmte-avonden" #warmte',
        ],
    )
    template = templates.load()
    filled = tmp / "cards.pdf"
    result = build.print_cards(store, filled, template)
    blank = tmp / "blank.pdf"
    blanks = build.print_blank_cards(store, blank, template, count=4)
    return Printed(store, blank, filled, list(blanks.numbers), list(result.numbers))


def handwritten(pdf: Path, seed: int = 0) -> np.ndarray:
    """The first page of `pdf` rendered, with a scribble in every card's STROKES field."""
    import cv2

    page = render(pdf, PX_PER_MM).copy()
    rng = np.random.default_rng(seed)
    for sx, sy in SLOTS:
        left, top, right, bottom = STROKES
        xs = np.linspace(sx + left, sx + right, 28)
        ys = sy + top + (bottom - top) * rng.uniform(0.1, 0.9, xs.size)
        points = np.int32(np.stack([xs, ys], axis=1) * PX_PER_MM)
        cv2.polylines(page, [points], False, 30, thickness=max(2, int(0.7 * PX_PER_MM)))
    return page


def cover_corner(page: np.ndarray, slot: int, corner: int) -> np.ndarray:
    """A thumb over one corner marker of the card in `slot`."""
    page = page.copy()
    sx, sy = SLOTS[slot]
    mark = cardmarks.marks(0)[corner]
    x0, y0 = int((sx + mark.x - 1.5) * PX_PER_MM), int((sy + mark.y - 1.5) * PX_PER_MM)
    size = int((mark.side + 3) * PX_PER_MM)
    page[max(0, y0) : y0 + size, max(0, x0) : x0 + size] = 60
    return page


def snap(page: np.ndarray, shot: Shot, seed: int = 0) -> np.ndarray:
    photo, _ = photograph(page, PX_PER_MM, shot, seed=seed)
    return photo


def ink(card: np.ndarray) -> float:
    """The share of dark pixels in the STROKES field of a card image (any resolution)."""
    k = card.shape[1] / cardmarks.CARD_MM[0]
    left, top, right, bottom = (int(v * k) for v in STROKES)
    return float((card[top:bottom, left:right] < 110).mean())


def decoded(image: bytes) -> np.ndarray:
    import cv2

    return cv2.imdecode(np.frombuffer(image, np.uint8), cv2.IMREAD_GRAYSCALE)


def clean_card(pdf: Path, slot: int) -> np.ndarray:
    """The card in `slot` as printed, unwritten."""
    page = render(pdf, PX_PER_MM)
    sx, sy = SLOTS[slot]
    w, h = cardmarks.CARD_MM
    return page[
        int(sy * PX_PER_MM) : int((sy + h) * PX_PER_MM),
        int(sx * PX_PER_MM) : int((sx + w) * PX_PER_MM),
    ]


def render_page(pdf: Path, index: int, px_per_mm: float = PX_PER_MM) -> np.ndarray:
    """One page of a PDF, grey (`photos.render` renders the first)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[index].render(scale=px_per_mm * 25.4 / 72).to_pil().convert("L")
    finally:
        document.close()
    return np.asarray(image)

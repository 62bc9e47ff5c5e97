"""A card's four corner markers (`workshop.paper.cardmarks` says where and which), drawn as
vectors: per marker a white square for its quiet zone and one black path of its border and
dark cells. So a photo of the card can be rectified from them (`workshop.paper.cards`).

The card's own drawing keeps `CLEAR` free at each corner: the header band and the footer
start inside it (`build`).
"""

from __future__ import annotations

from reportlab.lib.units import mm

from workshop.paper import cardmarks
from workshop.paper.markers import CARDS
from workshop.printing.colours import colour_of
from workshop.printing.sheet import Rect, Sheet

CLEAR = cardmarks.CLEAR_MM * mm  # from a card's edge, at its corners
MARK_ROOM = CLEAR - 7 * mm  # what the card's margin (7 mm) gives up beside a corner marker


def draw_card_marks(sheet: Sheet, x: float, y: float, number: int | None) -> None:
    """The corner markers of card `number` on the card whose lower-left corner is (x, y).
    A card without a number has none: nothing would find it from them."""
    if number is None:
        return
    c = sheet.c
    height = cardmarks.CARD_MM[1]
    for mark in cardmarks.marks(number):
        side = mark.side * mm
        cell = side / CARDS.side
        left = x + mark.x * mm
        bottom = y + (height - mark.y - mark.side) * mm
        c.saveState()
        white = c.beginPath()
        white.rect(left - cell, bottom - cell, side + 2 * cell, side + 2 * cell)
        c.setFillColor(colour_of("#ffffff"))
        c.drawPath(white, stroke=0, fill=1)
        black = c.beginPath()
        black.rect(left, bottom, side, cell)
        black.rect(left, bottom + side - cell, side, cell)
        black.rect(left, bottom + cell, cell, side - 2 * cell)
        black.rect(left + side - cell, bottom + cell, cell, side - 2 * cell)
        for r, row in enumerate(CARDS.bits(mark.id)):
            for k, dark in enumerate(row):
                if dark:
                    black.rect(left + (k + 1) * cell, bottom + side - (r + 2) * cell, cell, cell)
        c.setFillColor(colour_of("#000000"))
        c.drawPath(black, stroke=0, fill=1)
        c.restoreState()
        # the marker itself: its quiet zone may meet the padding of a block beside it, where
        # no ink is (a blank card's consent line ends 0.45 mm above it)
        sheet.block("card-mark", Rect(left, bottom, side, side))

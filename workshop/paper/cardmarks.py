"""Where an initiative card carries its four corner markers, and what their ids say.

Every printed card (blank or filled, A6 alone or four to an A4) carries four `CARDS` markers
just inside its corners, inside the cut line and clear of the printers' unprintable edge (on a
four-up sheet three corners of each card lie on the paper's edge). Their ids say the corner
and the card: id = 4 x (card number mod 62) + corner (0 top-left, 1 top-right, 2 bottom-right,
3 bottom-left), so the cards lying side by side in one photo are told apart (numbers 62 apart
share their markers; the card's QR code says which card it is exactly).

Positions are millimetres from the card's top-left corner, y downwards, as a photo is.
"""

from __future__ import annotations

from workshop.paper.markers import CARDS
from workshop.paper.sheetmarks import CORNERS, Mark

CARD_MM = (105.0, 148.0)  # A6, as printed
CARD_CODES = CARDS.size // CORNERS  # 62: cards told apart in one photo
SIDE_MM = 7.5  # the marker with its black border: cells of 0.94 mm, read from a phone's photo
INSET_MM = 5.0  # from the cut line to the marker: inside most printers' printable area
QUIET_MM = SIDE_MM / CARDS.side  # one cell of white around it
# What the card's own drawing keeps free from its edges at a corner: the marker, its quiet
# zone and a gap of 0.6 mm.
CLEAR_MM = INSET_MM + SIDE_MM + QUIET_MM + 0.6


def code_of(number: int) -> int:
    return number % CARD_CODES


def marks(number: int) -> list[Mark]:
    """The four corner markers of card `number`, on the card."""
    width, height = CARD_MM
    far_x, far_y = width - INSET_MM - SIDE_MM, height - INSET_MM - SIDE_MM
    spots = ((INSET_MM, INSET_MM), (far_x, INSET_MM), (far_x, far_y), (INSET_MM, far_y))
    code = code_of(number)
    return [Mark(code * CORNERS + k, k, x, y, SIDE_MM) for k, (x, y) in enumerate(spots)]


def card_of(marker_id: int) -> tuple[int, int]:
    """(card code, corner) of a card marker's id."""
    return divmod(marker_id, CORNERS)

"""Where a printed sheet carries its four corner markers (fiducials), and what their ids say.

A sheet that can be photographed back (a base map, a result map, a tile, a card) carries four
`FIDUCIALS` markers just inside its printable corners, outside the map frame. Their ids name
the sheet and the corner: id = 4 x sheet code + corner (0 top-left, 1 top-right, 2 bottom-right,
3 bottom-left), so any three visible corners identify the sheet even when its QR code is
written over, and together they give the homography from the photo back to the page.

Positions are in millimetres from the page's top-left corner, y downwards, as a photo is.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.paper.markers import FIDUCIALS

CORNERS = 4
SHEET_CODES = FIDUCIALS.size // CORNERS  # 250 sheets before the codes come round again
SIDE_MM = 12.0  # the marker with its black border
INSET_MM = 8.0  # from the page edge to the marker's outer edge (inside printers' margins)


@dataclass(frozen=True)
class Mark:
    id: int
    corner: int
    x: float  # the marker's top-left, mm from the page's top-left
    y: float
    side: float = SIDE_MM

    def corners_mm(self) -> list[tuple[float, float]]:
        """The marker's four corners clockwise from its own top-left, as OpenCV reports them."""
        x, y, s = self.x, self.y, self.side
        return [(x, y), (x + s, y), (x + s, y + s), (x, y + s)]


def marks(
    code: int,
    width_mm: float,
    height_mm: float,
    *,
    side: float = SIDE_MM,
    inset: float = INSET_MM,
) -> list[Mark]:
    """The four corner markers of sheet `code` on a page of that size (larger paper may take
    larger markers, to be read from a photo of the whole poster)."""
    if not 0 <= code < SHEET_CODES:
        raise ValueError(f"sheet code {code} is not 0..{SHEET_CODES - 1}")
    far_x = width_mm - inset - side
    far_y = height_mm - inset - side
    spots = ((inset, inset), (far_x, inset), (far_x, far_y), (inset, far_y))
    return [Mark(code * CORNERS + k, k, x, y, side) for k, (x, y) in enumerate(spots)]


def sheet_of(marker_id: int) -> tuple[int, int]:
    """(sheet code, corner) of a fiducial id."""
    return divmod(marker_id, CORNERS)

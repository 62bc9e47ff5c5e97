"""The markers the paper round trip prints and finds: square ArUco codes from OpenCV's
predefined dictionaries, so that detection is OpenCV's own (no hand-written decoder).

- Stickers carry `STICKERS` markers: 4x4 bits, ids 0..999, the sticker's number as its id.
- Sheet corners (fiducials) will carry `FIDUCIALS` markers, a different family (5x5), so a
  sticker is never taken for a corner.
- Initiative cards' corners carry `CARDS` markers (6x6, ids 0..249), a third family: a card
  lying on a poster is never taken for the poster's corner or a sticker (`cardmarks`).

A marker is drawn as vectors from its bits (`bits`): black border, the data cells, and a white
quiet zone of one cell around it that the drawing keeps free.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    name: str  # OpenCV's name of the predefined dictionary
    cells: int  # data cells per side (the border adds one on each side)
    size: int  # ids 0 .. size-1

    @property
    def side(self) -> int:
        """Cells per side with the black border (the quiet zone not counted)."""
        return self.cells + 2

    def dictionary(self):
        import cv2

        return cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, self.name))

    def bits(self, marker_id: int) -> tuple[tuple[bool, ...], ...]:
        """The marker's data cells, row by row from the top; True is black."""
        return _bits(self, marker_id)


STICKERS = Family("DICT_4X4_1000", 4, 1000)
FIDUCIALS = Family("DICT_5X5_1000", 5, 1000)
CARDS = Family("DICT_6X6_250", 6, 250)
MAX_STICKER = STICKERS.size - 1  # sticker numbers 1..999 (0 is never printed)


@functools.cache
def _bits(family: Family, marker_id: int) -> tuple[tuple[bool, ...], ...]:
    if not 0 <= marker_id < family.size:
        raise ValueError(f"{family.name} has no marker {marker_id}")
    import cv2

    data = family.dictionary().bytesList[marker_id : marker_id + 1]
    grid = cv2.aruco.Dictionary.getBitsFromByteList(data, family.cells)
    # OpenCV's bit 1 is white: black cells are the zeros.
    return tuple(tuple(not bool(v) for v in row) for row in grid)

"""From a photo back to the page: the homography that the visible corner markers give.

`locate(found, marks_of)` takes the fiducials found in a photo, groups them by the sheet code
they carry, asks `marks_of(code)` where that sheet's corner markers were printed (the print
record's `marks`, never recomputed from a page size: a sheet printed with larger or further-in
markers maps back all the same), and for a sheet with at least three of its four corners
visible fits the homography from every corner of every visible marker (12 or 16 points,
sub-pixel, RANSAC) to where the page has them. `Sheet.to_page(x, y)` then maps any point of
the photo to millimetres on the page, and `Sheet.error_mm` says how well the corners agreed.
`partial(found)` names the codes seen with too few corners (to say so, not to guess).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from workshop.paper import sheetmarks
from workshop.paper.detect import Found
from workshop.paper.sheetmarks import Mark

MIN_CORNERS = 3  # of the four: one may be covered, written over or out of the photo


@dataclass(frozen=True)
class Sheet:
    code: int
    corners_seen: tuple[int, ...]
    homography: np.ndarray  # photo pixels -> page millimetres
    error_mm: float  # the largest distance of a marker corner from where the fit puts it
    outline: np.ndarray  # the visible markers' centres in the photo, clockwise (px)

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        point = self.homography @ np.array([x, y, 1.0])
        return float(point[0] / point[2]), float(point[1] / point[2])


def by_sheet(found: list[Found]) -> dict[int, dict[int, Found]]:
    """The corner markers found, by sheet code and corner (a corner seen twice: the first)."""
    sheets: dict[int, dict[int, Found]] = {}
    for marker in found:
        code, corner = sheetmarks.sheet_of(marker.id)
        sheets.setdefault(code, {}).setdefault(corner, marker)
    return sheets


def partial(found: list[Found]) -> dict[int, int]:
    """Sheet codes seen with fewer than `MIN_CORNERS` corners: code -> corners seen."""
    return {c: len(k) for c, k in by_sheet(found).items() if len(k) < MIN_CORNERS}


def fit(code: int, corners: dict[int, Found], marks: Sequence[Mark]) -> Sheet | None:
    """The sheet `code` from its visible corner markers and where they were printed."""
    import cv2

    page = {m.corner: m for m in marks}
    seen = sorted(k for k in corners if k in page)
    if len(seen) < MIN_CORNERS:
        return None
    photo_points = np.concatenate([corners[k].corners for k in seen]).astype(np.float32)
    page_points = np.array([p for k in seen for p in page[k].corners_mm()], dtype=np.float32)
    homography, _ = cv2.findHomography(photo_points, page_points, cv2.RANSAC, 1.0)
    if homography is None:
        return None
    mapped = cv2.perspectiveTransform(photo_points.reshape(-1, 1, 2), homography)
    error = float(np.max(np.linalg.norm(mapped.reshape(-1, 2) - page_points, axis=1)))
    outline = np.array([corners[k].centre for k in seen], dtype=np.float32)
    return Sheet(code, tuple(seen), homography, error, outline)


def locate(found: list[Found], marks_of: Callable[[int], Sequence[Mark] | None]) -> list[Sheet]:
    """Every sheet of the photo with enough corners and a known print (`marks_of` gives None
    for a code that no print record has)."""
    sheets = []
    for code, corners in sorted(by_sheet(found).items()):
        if len(corners) < MIN_CORNERS:
            continue
        marks = marks_of(code)
        if marks is None:
            continue
        sheet = fit(code, corners, marks)
        if sheet is not None:
            sheets.append(sheet)
    return sheets

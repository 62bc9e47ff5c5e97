"""From a photo back to the page: the homography that the visible corner markers give.

`locate(found, width_mm, height_mm)` takes the fiducials found in a photo, groups them by the
sheet they name, and for a sheet with at least three of its four corners visible fits the
homography from every corner of every visible marker (12 or 16 points, sub-pixel, RANSAC) to
where the page has them. `Sheet.to_page(x, y)` then maps any point of the photo to millimetres
on the page, and `Sheet.error_mm` says how well the corners agreed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workshop.paper import sheetmarks
from workshop.paper.detect import Found

MIN_CORNERS = 3  # of the four: one may be covered, written over or out of the photo


@dataclass(frozen=True)
class Sheet:
    code: int
    corners_seen: tuple[int, ...]
    homography: np.ndarray  # photo pixels -> page millimetres
    error_mm: float  # the largest distance of a marker corner from where the fit puts it

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        point = self.homography @ np.array([x, y, 1.0])
        return float(point[0] / point[2]), float(point[1] / point[2])


def locate(found: list[Found], width_mm: float, height_mm: float) -> list[Sheet]:
    import cv2

    by_sheet: dict[int, list[Found]] = {}
    for marker in found:
        code, _ = sheetmarks.sheet_of(marker.id)
        by_sheet.setdefault(code, []).append(marker)
    sheets = []
    for code, markers in sorted(by_sheet.items()):
        corners = {sheetmarks.sheet_of(m.id)[1]: m for m in markers}
        if len(corners) < MIN_CORNERS:
            continue
        page = {m.corner: m for m in sheetmarks.marks(code, width_mm, height_mm)}
        photo_points = np.concatenate([corners[k].corners for k in sorted(corners)])
        page_points = np.array(
            [p for k in sorted(corners) for p in page[k].corners_mm()], dtype=np.float32
        )
        homography, _ = cv2.findHomography(photo_points, page_points, cv2.RANSAC, 1.0)
        if homography is None:
            continue
        mapped = cv2.perspectiveTransform(photo_points.reshape(-1, 1, 2), homography)
        error = float(np.max(np.linalg.norm(mapped.reshape(-1, 2) - page_points, axis=1)))
        sheets.append(Sheet(code, tuple(sorted(corners)), homography, error))
    return sheets

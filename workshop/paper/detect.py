"""Finding markers in a photograph: OpenCV's ArUco detector with sub-pixel corner refinement.

`find(image, family)` takes a grey or colour image (a numpy array, as OpenCV reads it) and
returns each marker found as its id and its four corners in image pixels, clockwise from the
marker's own top-left, whatever the photo's rotation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from workshop.paper.markers import Family
from workshop.paper.sheetmarks import CORNERS

SHEET_CORNERS = 3  # corner markers seen that make a sheet (`rectify.MIN_CORNERS`)


@dataclass(frozen=True)
class Found:
    id: int
    corners: np.ndarray  # 4 x 2, float32, image pixels, clockwise from the marker's top-left

    @property
    def centre(self) -> tuple[float, float]:
        x, y = self.corners.mean(axis=0)
        return float(x), float(y)


def find(image: np.ndarray, family: Family, *, half: bool = True) -> list[Found]:
    """Every marker of `family`, looked for in the photo and in a copy at half its size: a
    small, blurred marker that the full-size photo's thresholds break up is often whole at
    half size (1 in 9,000 stickers at fill 0.4 and blur σ 2 were missed at full size alone;
    the half-size pass costs a quarter of the full one). A marker found only at half size has
    its corners refined again at full resolution."""
    import cv2

    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    found = _detect(grey, family)
    if not half:
        return sorted(found, key=lambda f: f.id)
    smaller = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    extra = []
    for small in _detect(smaller, family):
        corners = (small.corners + 0.5) * 2 - 0.5  # half-size pixel centres at full size
        side = float(np.linalg.norm(corners[1] - corners[0]))
        centre = corners.mean(axis=0)
        if any(
            f.id == small.id and np.linalg.norm(f.corners.mean(axis=0) - centre) < side
            for f in found
        ):
            continue
        window = max(2, min(5, int(side / 16)))
        criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 30, 0.01)
        refined = cv2.cornerSubPix(
            grey, corners.astype(np.float32).reshape(-1, 1, 2), (window, window), (-1, -1), criteria
        )
        extra.append(Found(small.id, refined.reshape(4, 2)))
    return sorted(found + extra, key=lambda f: f.id)


def _detect(grey: np.ndarray, family: Family) -> list[Found]:
    import cv2

    parameters = cv2.aruco.DetectorParameters()
    parameters.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_SUBPIX
    # Read each cell from 8x8 samples, away from its edges: a blurred or compressed photo
    # smears the cells into each other (at OpenCV's 4 samples, 2 of 65 stickers of a
    # photographed sheet were missed; at 8, none).
    parameters.perspectiveRemovePixelPerCell = 8
    parameters.perspectiveRemoveIgnoredMarginPerCell = 0.2
    detector = cv2.aruco.ArucoDetector(family.dictionary(), parameters)
    corners, ids, _ = detector.detectMarkers(grey)
    if ids is None:
        return []
    return [Found(int(i), c.reshape(4, 2)) for i, c in zip(ids.ravel(), corners, strict=True)]


def find_sheet_and_stickers(
    image: np.ndarray, corners: Family, stickers: Family
) -> tuple[list[Found], list[Found]]:
    """The corner markers and the stickers of a photo. A corner marker's 7x7 cells, read as a
    4x4 sticker, can pass a sticker's error correction: a sticker found on a corner marker of
    a sheet (three of its corners seen) is that corner marker, and dropped. Corner markers
    are looked for at full size only: they are large, and at half size a sticker was once
    read as one (a lone corner, which must not hide the sticker either)."""
    import cv2

    marks = find(image, corners, half=False)
    codes = Counter(m.id // CORNERS for m in marks)
    real = [m for m in marks if codes[m.id // CORNERS] >= SHEET_CORNERS]
    found = []
    for sticker in find(image, stickers):
        centre = sticker.centre
        if any(
            cv2.pointPolygonTest(m.corners.astype(np.float32), centre, False) >= 0 for m in real
        ):
            continue
        found.append(sticker)
    return marks, found

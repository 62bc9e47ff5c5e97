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


SQUARE_WEIGHT = 0.5  # a sticker's squareness against a corner marker's position (both in mm)


def with_squares(sheet: Sheet, corners: dict[int, Found], marks: Sequence[Mark], squares) -> Sheet:
    """The sheet's homography refined by the stickers on it: with three corners seen, the
    perspective rests on the shape of three small markers and is poorly held (under a 25°
    tilt a point far from them can be off by millimetres). Every sticker is a square on the
    paper; the homography that makes them all square again while keeping the corner markers
    where they were printed fixes it. Least squares (Levenberg-Marquardt) over the eight
    parameters of the homography, in normalised photo coordinates."""
    page = {m.corner: m for m in marks}
    seen = [k for k in sheet.corners_seen if k in page]
    photo_points = np.concatenate([corners[k].corners for k in seen]).astype(np.float64)
    page_points = np.array([p for k in seen for p in page[k].corners_mm()], dtype=np.float64)
    quads = np.array([q for q in squares], dtype=np.float64).reshape(-1, 4, 2)
    if len(quads) < 4:
        return sheet
    allpts = np.concatenate([photo_points, quads.reshape(-1, 2)])
    centre, scale = allpts.mean(axis=0), float(allpts.std()) or 1.0
    norm = np.array(
        [[1 / scale, 0, -centre[0] / scale], [0, 1 / scale, -centre[1] / scale], [0, 0, 1]]
    )
    base = sheet.homography @ np.linalg.inv(norm)  # normalised photo -> page mm

    def apply(h: np.ndarray, pts: np.ndarray) -> np.ndarray:
        q = np.c_[pts, np.ones(len(pts))] @ (h @ norm).T
        return q[:, :2] / q[:, 2:3]

    def matrix(p: np.ndarray) -> np.ndarray:
        return base @ np.array([[1 + p[0], p[1], p[2]], [p[3], 1 + p[4], p[5]], [p[6], p[7], 1]])

    def residuals(p: np.ndarray) -> np.ndarray:
        h = matrix(p)
        fixed = (apply(h, photo_points) - page_points).ravel()
        m = apply(h, quads.reshape(-1, 2)).reshape(-1, 4, 2)
        sides = np.roll(m, -1, axis=1) - m  # a, b, c, d
        length = np.linalg.norm(sides, axis=2)
        nxt = np.roll(sides, -1, axis=1)
        right = np.einsum("qij,qij->qi", sides, nxt) / np.maximum(length, 1e-9)
        shape = np.c_[length - np.roll(length, -1, axis=1), right]
        return np.r_[fixed, SQUARE_WEIGHT * shape.ravel()]

    p = np.zeros(8)
    damping = 1e-3
    r = residuals(p)
    for _ in range(30):
        jac = np.empty((len(r), 8))
        for i in range(8):
            step = np.zeros(8)
            step[i] = 1e-7
            jac[:, i] = (residuals(p + step) - r) / 1e-7
        a = jac.T @ jac
        g = jac.T @ r
        delta = -np.linalg.solve(a + damping * np.diag(np.diag(a) + 1e-12), g)
        trial = residuals(p + delta)
        if trial @ trial < r @ r:
            p, r, damping = p + delta, trial, damping / 3
            if np.abs(delta).max() < 1e-10:
                break
        else:
            damping *= 4
    refined = matrix(p) @ norm
    refined /= refined[2, 2]
    mapped = apply(matrix(p), photo_points)
    error = float(np.max(np.linalg.norm(mapped - page_points, axis=1)))
    return Sheet(sheet.code, sheet.corners_seen, refined, error, sheet.outline)

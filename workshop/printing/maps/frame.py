"""Where a map goes on its page, and how the neighbourhood's extent projects onto it.

Every map page is laid out at A4 (in "A4 points") and scaled to the paper: ISO 216 sheets all
have the same proportions, so an A1 poster is the A4 layout times 2√2, lines and letters
included, which is what makes it readable from across the room. The map frame sits left, the
panel (title, legend, scale, QR code) right; the orientation that gives the larger map wins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm

from workshop.model import Grid
from workshop.osm import extract as osm
from workshop.printing.sheet import PAPERS, Rect

A4_W, A4_H = 210 * mm, 297 * mm
MARGIN = 8 * mm
PANEL_W = 60 * mm  # base map and result map alike
GAP = 5 * mm
BAND = 5.5 * mm  # room for the column letters and row numbers around the frame


@dataclass(frozen=True)
class Projection:
    """Local equirectangular projection of `box` onto `frame` (page points)."""

    box: osm.Box
    frame: Rect

    @property
    def metres(self) -> tuple[float, float]:
        kx, ky = osm.metres_per_degree((self.box[0] + self.box[2]) / 2)
        return (self.box[3] - self.box[1]) * kx, (self.box[2] - self.box[0]) * ky

    @property
    def points_per_metre(self) -> float:
        return self.frame.w / self.metres[0]

    def coefficients(self) -> tuple[float, float, float, float]:
        """(ax, bx, ay, by) with x = lon * ax + bx and y = lat * ay + by."""
        ax = self.frame.w / (self.box[3] - self.box[1])
        ay = self.frame.h / (self.box[2] - self.box[0])
        return ax, self.frame.x - self.box[1] * ax, ay, self.frame.y - self.box[0] * ay

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        ax, bx, ay, by = self.coefficients()
        return lon * ax + bx, lat * ay + by

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        ax, bx, ay, by = self.coefficients()
        return (x - bx) / ax, (y - by) / ay


@dataclass(frozen=True)
class MapLayout:
    paper: str
    landscape: bool
    scale: float  # paper points per A4 point
    page: tuple[float, float]  # A4 points
    frame: Rect  # the map itself, A4 points
    panel: Rect
    grid: Grid

    @property
    def paper_size(self) -> tuple[float, float]:
        return self.page[0] * self.scale, self.page[1] * self.scale

    def cell_rect(self, col: int, row: int) -> Rect:
        w, h = self.frame.w / self.grid.cols, self.frame.h / self.grid.rows
        return Rect(self.frame.x + col * w, self.frame.y + self.frame.h - (row + 1) * h, w, h)

    def cell_of_point(self, x: float, y: float) -> tuple[int, int]:
        col = int((x - self.frame.x) / self.frame.w * self.grid.cols)
        row = int((self.frame.y + self.frame.h - y) / self.frame.h * self.grid.rows)
        return (min(max(col, 0), self.grid.cols - 1), min(max(row, 0), self.grid.rows - 1))


def aspect(box: osm.Box | None, grid: Grid) -> float:
    """Width over height of the map: the extent's in metres, or square cells without one."""
    if box is None:
        return grid.cols / grid.rows
    kx, ky = osm.metres_per_degree((box[0] + box[2]) / 2)
    return ((box[3] - box[1]) * kx) / ((box[2] - box[0]) * ky)


def layout(box: osm.Box | None, grid: Grid, paper: str, panel_w: float = PANEL_W) -> MapLayout:
    ratio = aspect(box, grid)
    best = None
    for landscape in (True, False):
        page = (A4_H, A4_W) if landscape else (A4_W, A4_H)
        avail_w = page[0] - 2 * MARGIN - panel_w - GAP - 2 * BAND
        avail_h = page[1] - 2 * MARGIN - 2 * BAND
        w = min(avail_w, avail_h * ratio)
        h = w / ratio
        if best is None or w * h > best[0]:
            best = (w * h, landscape, page, w, h, avail_w, avail_h)
    _, landscape, page, w, h, avail_w, avail_h = best  # type: ignore[misc]
    x = MARGIN + BAND + (avail_w - w) / 2
    y = MARGIN + BAND + (avail_h - h) / 2
    frame = Rect(x, y, w, h)
    panel = Rect(page[0] - MARGIN - panel_w, MARGIN, panel_w, page[1] - 2 * MARGIN)
    scale = math.sqrt(PAPERS[paper.upper()][0] * PAPERS[paper.upper()][1] / (210 * 297))
    return MapLayout(paper.upper(), landscape, scale, page, frame, panel, grid)


def nice_scale_length(points_per_metre: float, max_points: float) -> int:
    """The longest round distance (metres) whose bar fits in `max_points`."""
    best = 10
    for metres in (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if metres * points_per_metre <= max_points:
            best = metres
    return best

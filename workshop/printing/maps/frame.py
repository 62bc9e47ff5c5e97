"""Where a map goes on its page, and how the neighbourhood's extent projects onto it.

Every map page is laid out at A4 (in "A4 points") and scaled to the paper: ISO 216 sheets all
have the same proportions, so an A1 poster is the A4 layout times 2√2, lines and letters
included, which is what makes it readable from across the room. The four corners keep their
squares for the markers `workshop scan` finds the sheet by; the map may reach the paper's edge
wherever they are not. The panel (title, legend, scale, QR codes) is a column on the right or a
strip at the foot, and the orientation and panel that give the larger map win.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm

from workshop.model import Grid
from workshop.osm import extract as osm
from workshop.printing.sheet import PAPERS, Rect

A4_W, A4_H = 210 * mm, 297 * mm
MARGIN = 8 * mm  # pages without a map frame (the key's pages)
PANEL_W = 32 * mm  # the panel beside the map, base map and result map alike
GAP = 2 * mm
PANEL_H = 30 * mm  # the panel under the map
BAND = 5.5 * mm  # room for the column letters and row numbers around the frame
# The corner markers (fiducials), in A4 points like the rest of the layout: 9 mm on A4, 12.7 mm
# on A3, 25 mm on A1, 36 mm on A0, so a photo of the whole sheet reads them alike: a 12 MP
# photo with the sheet filling 40 % of it has ~11 pixels per marker cell on every paper.
MARK_SIDE = 9 * mm
MARK_INSET = 4.5 * mm  # from the paper's edge: inside what printers leave blank
MARK_QUIET = MARK_SIDE / 7  # one cell of white round the marker (5x5 cells and the border)
CORNER = MARK_INSET + MARK_SIDE + MARK_QUIET  # the corner square nothing else goes into
EDGE = MARK_INSET  # the map's band keeps this far from the paper's edge


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
    below: bool = False  # the panel under the map (a strip), else beside it (a column)
    outside: tuple[bool, ...] = (True, True, True, True)  # letters outside (top, right, ...)

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

    def corners(self) -> list[Rect]:
        """The corner markers' squares with their quiet zone (A4 points, y up)."""
        return corner_squares(self.page)


def corner_squares(page: tuple[float, float]) -> list[Rect]:
    """The four corner squares a page keeps for its markers and their quiet zone."""
    w, h = page
    side = CORNER - EDGE + MARK_QUIET
    lo, hi_x, hi_y = EDGE - MARK_QUIET, w - CORNER, h - CORNER
    return [Rect(x, y, side, side) for x, y in ((lo, hi_y), (hi_x, hi_y), (hi_x, lo), (lo, lo))]


def aspect(box: osm.Box | None, grid: Grid) -> float:
    """Width over height of the map: the extent's in metres, or square cells without one."""
    if box is None:
        return grid.cols / grid.rows
    kx, ky = osm.metres_per_degree((box[0] + box[2]) / 2)
    return ((box[3] - box[1]) * kx) / ((box[2] - box[0]) * ky)


def _fit(ratio: float, room: Rect, corners: list[Rect]) -> Rect | None:
    """The largest frame of that aspect in `room` that keeps off the corner squares, as near
    the middle of the room as it can be (found by halving: a smaller frame fits wherever a
    larger one does)."""
    high = min(room.h, room.w / ratio)
    best = _place(ratio, high, room, corners)
    if best is not None:
        return best
    low = 10 * mm
    if _place(ratio, low, room, corners) is None:
        return None
    for _ in range(40):
        mid = (low + high) / 2
        if _place(ratio, mid, room, corners) is None:
            high = mid
        else:
            low = mid
    return _place(ratio, low, room, corners)


def _place(ratio: float, h: float, room: Rect, corners: list[Rect]) -> Rect | None:
    w = h * ratio
    x_lo, x_hi = room.x, room.x + room.w - w
    y_lo, y_hi = room.y, room.y + room.h - h
    xs = {x_lo, x_hi, (x_lo + x_hi) / 2}
    ys = {y_lo, y_hi, (y_lo + y_hi) / 2}
    for k in corners:  # just clear of a corner square, either way
        xs |= {k.x + k.w, k.x - w}
        ys |= {k.y + k.h, k.y - h}
    middle = ((x_lo + x_hi) / 2, (y_lo + y_hi) / 2)
    spots = sorted(
        ((x, y) for x in xs for y in ys if x_lo <= x <= x_hi and y_lo <= y <= y_hi),
        key=lambda p: math.dist(p, middle),
    )
    for x, y in spots:
        frame = Rect(x, y, w, h)
        if not any(frame.overlaps(k) for k in corners):
            return frame
    return None


def _outside(frame: Rect, room: Rect, grid: Grid, corners: list[Rect]) -> tuple[bool, ...]:
    """Which sides (top, right, bottom, left) have room for the letters or numbers outside
    the frame: clear of the paper's edge, the panel and the corner squares. The others carry
    them just inside the frame."""
    half = 2.6 * mm  # half a letter's box along the side
    cols = [frame.x + frame.w * (i + 0.5) / grid.cols for i in range(grid.cols)]
    rows = [frame.y + frame.h * (i + 0.5) / grid.rows for i in range(grid.rows)]
    top, bottom = frame.y + frame.h, frame.y
    sides = (
        [Rect(x - half, top, 2 * half, BAND) for x in cols],
        [Rect(frame.x + frame.w, y - half, BAND, 2 * half) for y in rows],
        [Rect(x - half, bottom - BAND, 2 * half, BAND) for x in cols],
        [Rect(frame.x - BAND, y - half, BAND, 2 * half) for y in rows],
    )
    return tuple(
        all(room.contains(g) and not any(g.overlaps(k) for k in corners) for g in glyphs)
        for glyphs in sides
    )


def layout(box: osm.Box | None, grid: Grid, paper: str, panel_w: float = PANEL_W) -> MapLayout:
    """The largest map the page holds: portrait or landscape, the panel beside the map (a
    column on the right) or under it (a strip), whichever leaves the larger frame. The corner
    markers keep their squares; the panel's column or strip runs between two of them. The
    grid's letters and numbers stand outside the frame where there is room, else inside it."""
    ratio = aspect(box, grid)
    best = None
    for landscape in (True, False):
        page = (A4_H, A4_W) if landscape else (A4_W, A4_H)
        corners = corner_squares(page)
        pw, ph = page
        for below in (False, True):
            if below:
                panel = Rect(CORNER + 1 * mm, EDGE, pw - 2 * CORNER - 2 * mm, PANEL_H)
                room = Rect(
                    EDGE, EDGE + PANEL_H + GAP, pw - 2 * EDGE, ph - 2 * EDGE - PANEL_H - GAP
                )
            else:
                panel = Rect(
                    pw - EDGE - panel_w, CORNER + 1 * mm, panel_w, ph - 2 * CORNER - 2 * mm
                )
                room = Rect(EDGE, EDGE, pw - 2 * EDGE - panel_w - GAP, ph - 2 * EDGE)
            frame = _fit(ratio, room, corners)
            if frame is None:
                continue
            if best is None or frame.w * frame.h > best[0] + 1:
                best = (frame.w * frame.h, landscape, page, frame, panel, below, room, corners)
    assert best is not None
    _, landscape, page, frame, panel, below, room, corners = best
    scale = math.sqrt(PAPERS[paper.upper()][0] * PAPERS[paper.upper()][1] / (210 * 297))
    outside = _outside(frame, room, grid, corners)
    return MapLayout(paper.upper(), landscape, scale, page, frame, panel, grid, below, outside)


def fill(lay: MapLayout) -> float:
    """How much of the sheet the map frame covers."""
    return lay.frame.w * lay.frame.h / (lay.page[0] * lay.page[1])


def nice_scale_length(points_per_metre: float, max_points: float) -> int:
    """The longest round distance (metres) whose bar fits in `max_points`."""
    best = 10
    for metres in (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if metres * points_per_metre <= max_points:
            best = metres
    return best

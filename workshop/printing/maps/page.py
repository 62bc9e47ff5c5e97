"""One map page: the frame (features, grid, street names, markers) and the panel beside it,
at the layout's paper size. `prepare` computes once what every page or tile of a layout shows."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm

from workshop.osm.extract import centroid
from workshop.printing import qr
from workshop.printing.maps import draw as mapdraw
from workshop.printing.maps import key as mapkey
from workshop.printing.maps import markers, panel
from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.maps.frame import BAND, MapLayout, Projection
from workshop.printing.maps.labels import Obstacles, place, place_landmarks
from workshop.printing.sheet import Rect, Sheet

LABEL_SIZE = 6.4
LABEL_REPEAT = 110 * mm
CELL_LABEL_SIZE = 6.5


def prepare(sheet: Sheet, c: MapContent, paper: str) -> Prepared:
    lay = c.layout(paper)
    proj = Projection(c.box, lay.frame) if c.box is not None else None
    projected = mapdraw.project(c.data.features, proj) if c.data and proj else []
    if c.result:
        markers.place_markers(c.markers, lay, proj)
    obstacles = Obstacles()
    for r in cell_label_rects(sheet, lay) + inside_letter_rects(lay):
        obstacles.add_rect(r)
    for r in markers.marker_rects(c.markers):
        obstacles.add_rect(r.inset(-1))
    # Names keep their size in millimetres on every paper (the page is drawn in A4 points and
    # scaled): an A1 poster shows more of them, not the A4's names 2.8 times as large.
    k = 1 / lay.scale
    landmarks = place_landmarks(
        landmark_points(c, proj),
        lay.frame,
        obstacles,
        lambda text, style, size: sheet.fonts.width(text, style, size),
        k,
    )
    streets = [(f, parts) for f, parts in projected if f.layer == "road" and f.name]
    size = LABEL_SIZE * k
    labels = landmarks + [
        replace(label, size=size)
        for label in place(
            streets,
            lay.frame,
            obstacles,
            lambda text: sheet.fonts.width(text, "regular", size),
            size,
            LABEL_REPEAT * k,
        )
    ]
    key = mapkey.key_lines(c.markers, sheet) if c.result else []
    return Prepared(lay, proj, projected, labels, key)


def landmark_points(c: MapContent, proj: Projection | None) -> list[tuple[str, str, float, float]]:
    """Stations, named water and the landmark kinds of the extract's places, in page points."""
    if c.data is None or proj is None:
        return []
    out = []
    for poi in c.data.stations + c.data.pois:
        out.append((poi.name, poi.kind, *proj.point(poi.lon, poi.lat)))
    for f in c.data.features:
        if f.layer == "water" and f.name and f.parts:
            out.append((f.name, "water", *proj.point(*centroid(f.parts[0]))))
    return out


def cell_label_rects(sheet: Sheet, lay: MapLayout) -> list[Rect]:
    out = []
    for row in range(lay.grid.rows):
        for col in range(lay.grid.cols):
            cell = lay.cell_rect(col, row)
            width = sheet.fonts.width(f"{chr(ord('A') + col)}{row + 1}", "bold", CELL_LABEL_SIZE)
            out.append(
                Rect(cell.x, cell.y + cell.h - CELL_LABEL_SIZE - 3, width + 4, CELL_LABEL_SIZE + 3)
            )
    return out


def inside_letter_rects(lay: MapLayout) -> list[Rect]:
    """Where the grid's letters and numbers stand inside the frame (on a side without room
    outside it): street names keep off them."""
    f, grid = lay.frame, lay.grid
    top, right, bottom, left = lay.outside
    out = []
    for col in range(grid.cols):
        x = f.x + f.w * (col + 0.5) / grid.cols
        if not top:
            out.append(Rect(x - 4, f.y + f.h - BAND - 3, 8, BAND + 3))
        if not bottom:
            out.append(Rect(x - 4, f.y, 8, BAND + 3))
    for row in range(grid.rows):
        y = f.y + f.h - f.h * (row + 0.5) / grid.rows
        if not left:
            out.append(Rect(f.x, y - 5, BAND + 4, 10))
        if not right:
            out.append(Rect(f.x + f.w - BAND - 4, y - 5, BAND + 4, 10))
    return out


def draw_frame(sheet: Sheet, c: MapContent, prep: Prepared) -> None:
    """Everything inside the map frame, in A4 points."""
    lay = prep.lay
    if c.data is not None:
        mapdraw.draw_features(sheet, lay, prep.projected)
    mapdraw.draw_grid(sheet, lay, plain=c.data is None)
    colour = sheet.template.map_colour("label")
    for label in prep.labels:
        sheet.c.saveState()
        sheet.c.translate(label.x, label.y)
        sheet.c.rotate(label.angle)
        mapdraw.halo(
            sheet,
            0,
            0,
            label.text,
            label.style,
            label.size or LABEL_SIZE,
            sheet.template.map_colour(label.colour) if label.colour else colour,
        )
        sheet.c.restoreState()
    if c.result:
        markers.draw_markers(sheet, c.markers)
    sheet.block("map", lay.frame)


def draw_page(
    sheet: Sheet,
    c: MapContent,
    prep: Prepared,
    code: qr.QrCode | None,
    key_from: int,
    page: int,
    pages: int,
    *,
    frame: bool = True,
    sheet_code: qr.QrCode | None = None,
) -> int:
    """One map page at the layout's paper size; returns where the key continues."""
    sheet.c.saveState()
    sheet.c.scale(prep.lay.scale, prep.lay.scale)
    sheet.scale = prep.lay.scale
    if frame:
        draw_frame(sheet, c, prep)
    used = panel.draw_panel(sheet, c, prep, code, key_from, page, pages, sheet_code)
    sheet.c.restoreState()
    sheet.scale = 1.0
    return key_from + used

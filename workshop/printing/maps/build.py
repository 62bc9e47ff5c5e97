"""The base map and the result map: one poster (A4 to A0), or tiled over A4 sheets.

A map page is the map frame (OSM features, the labelled grid, street names, markers) and a
panel beside it (title, legend or key, north arrow, scale bar, QR code, attribution, page
number). Without an OSM extract the frame is a clean grid sheet. What a layout needs (the
projected features, label positions, marker positions) is computed once and drawn on every
page or tile that shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm

from workshop.exchange import osm_import
from workshop.file.store import Store
from workshop.i18n import t
from workshop.model import Grid
from workshop.osm import extract as osm
from workshop.printing import qr
from workshop.printing.maps import draw as mapdraw
from workshop.printing.maps import markers, panel
from workshop.printing.maps.frame import PANEL_W, MapLayout, Projection, layout
from workshop.printing.maps.labels import Label, Obstacles, place
from workshop.printing.sheet import PrintResult, Rect, Sheet, render
from workshop.printing.templates import Template

LABEL_SIZE = 6.4
LABEL_REPEAT = 110 * mm
RESULT_PANEL_W = 84 * mm
CELL_LABEL_SIZE = 6.5


@dataclass
class MapContent:
    name: str
    municipality: str
    lang: str
    box: osm.Box | None
    grid: Grid
    data: osm.MapData | None
    payload: str | None
    result: bool = False
    markers: list[markers.Marker] = field(default_factory=list)
    date: str = field(default_factory=lambda: dt.date.today().isoformat())

    @property
    def panel_w(self) -> float:
        return RESULT_PANEL_W if self.result else PANEL_W

    def layout(self, paper: str) -> MapLayout:
        return layout(self.box, self.grid, paper, self.panel_w)


@dataclass
class Prepared:
    lay: MapLayout
    proj: Projection | None
    projected: list
    labels: list[Label]
    key: list


def map_payload(store: Store) -> str | None:
    """The map's QR code: the neighbourhood's base URL, else the map's centre as a geo: URI
    (a phone opens its map app there); without either there is nothing worth a code."""
    base = (store.neighbourhood()["base_url"] or "").strip()
    if base:
        return base
    box = osm.extent(store)
    if box is None:
        return None
    return f"geo:{(box[0] + box[2]) / 2:.5f},{(box[1] + box[3]) / 2:.5f}"


def content(store: Store, template: Template, *, result: bool) -> MapContent:
    n = store.neighbourhood()
    box = osm.extent(store)
    data = osm_import.map_data(store) if box is not None else None
    return MapContent(
        n["name"],
        n["municipality"] or "",
        store.lang,
        box,
        store.grid,
        data,
        map_payload(store),
        result,
        markers.markers(store, template) if result else [],
    )


def prepare(sheet: Sheet, c: MapContent, paper: str) -> Prepared:
    lay = c.layout(paper)
    proj = Projection(c.box, lay.frame) if c.box is not None else None
    projected = mapdraw.project(c.data.features, proj) if c.data and proj else []
    if c.result:
        markers.place_markers(c.markers, lay, proj)
    obstacles = Obstacles()
    for r in cell_label_rects(sheet, lay):
        obstacles.add_rect(r)
    for r in markers.marker_rects(c.markers):
        obstacles.add_rect(r.inset(-1))
    streets = [(f, parts) for f, parts in projected if f.layer == "road" and f.name]
    labels = place(
        streets,
        lay.frame,
        obstacles,
        lambda text: sheet.fonts.width(text, "regular", LABEL_SIZE),
        LABEL_SIZE,
        LABEL_REPEAT,
    )
    key = markers.key_lines(c.markers, sheet) if c.result else []
    return Prepared(lay, proj, projected, labels, key)


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
        mapdraw.halo(sheet, 0, 0, label.text, "regular", LABEL_SIZE, colour)
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
) -> int:
    """One map page at the layout's paper size; returns where the key continues."""
    sheet.c.saveState()
    sheet.c.scale(prep.lay.scale, prep.lay.scale)
    sheet.scale = prep.lay.scale
    if frame:
        draw_frame(sheet, c, prep)
    used = panel.draw_panel(sheet, c, prep, code, key_from, page, pages)
    sheet.c.restoreState()
    sheet.scale = 1.0
    return key_from + used


def _print(
    store: Store, path: Path, template: Template, *, paper: str, tiles: bool, result: bool
) -> PrintResult:
    from workshop.printing.maps import tiles as tiling  # tiles draws with this module's parts

    c = content(store, template, result=result)
    out = PrintResult(Path(path))
    if c.data is None:
        out.notices.append(t("print_grid_only", store.lang, file=store.path.name))
    code = qr.encode(c.payload, ("Q", "M")) if c.payload else None
    title = template.text(
        "result_title" if result else "map_title",
        store.lang,
        neighbourhood=c.name,
        municipality=c.municipality,
    )

    def draw(sheet: Sheet) -> None:
        if tiles:
            tiling.draw_tiled(sheet, c, paper, code)
            return
        prep = prepare(sheet, c, paper)
        pages = panel.page_count(sheet, c, prep, code)
        start = draw_page(sheet, c, prep, code, 0, 1, pages)
        page = 1
        while start < len(prep.key):
            sheet.next_page()
            page += 1
            start = panel.draw_key_page(sheet, c, prep, start, page, pages)

    size = c.layout("A4" if tiles else paper).paper_size
    return render(path, size, template, store.lang, draw, title=title, result=out)


def print_map(
    store: Store, path: Path, template: Template, *, paper: str = "A3", tiles: bool = False
) -> PrintResult:
    return _print(store, path, template, paper=paper, tiles=tiles, result=False)


def print_result_map(
    store: Store, path: Path, template: Template, *, paper: str = "A3", tiles: bool = False
) -> PrintResult:
    return _print(store, path, template, paper=paper, tiles=tiles, result=True)

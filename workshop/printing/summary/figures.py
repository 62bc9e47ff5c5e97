"""The summary's pictures: the network (the poster's drawing, smaller) and the map of places.

The map is the result map's frame from `workshop.printing.maps.page` (the same numbers as the
printed result map), drawn at the width of the text.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workshop.printing.maps import draw as mapdraw
from workshop.printing.maps import frame as mapframe
from workshop.printing.maps import markers
from workshop.printing.maps import page as mappage
from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.network import Picture, draw_network
from workshop.printing.sheet import PrintResult, Rect, Sheet
from workshop.printing.summary.parts import Parts

MAP_MAX_HEIGHT = 130 * mm
MAX_NUMBERED = 300


def _sheet(flowable: Flowable, parts: Parts) -> Sheet:
    sheet = Sheet(flowable.canv, parts.template, parts.lang, PrintResult(path=None))  # type: ignore[arg-type]
    sheet.fonts = parts.fonts  # one FontSet for the document, so missing glyphs add up
    return sheet


class NetworkFigure(Flowable):
    def __init__(self, parts: Parts, pic: Picture):
        super().__init__()
        self.parts, self.pic = parts, pic

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = max(80 * mm, min(available_height - 2 * mm, available_width * 1.35))
        return self.width, self.height

    def draw(self) -> None:
        n = len(self.pic.nodes)
        draw_network(
            _sheet(self, self.parts),
            self.pic,
            Rect(0, 0, self.width, self.height),
            font_size=6.5 if n <= 40 else 5.5,
            base_radius=(1.8 if n <= 40 else 1.2) * mm,
        )


class MapFigure(Flowable):
    """The result map (the printing helper's map frame: OSM base map or grid sheet, numbered
    markers for places, card numbers for initiatives), fitted to the text width. A file with
    more markers than `MAX_NUMBERED` shows them as dots: numbers would only pile up."""

    def __init__(self, parts: Parts, content: MapContent):
        super().__init__()
        self.parts, self.content = parts, content
        self.ratio = mapframe.aspect(content.box, content.grid)  # width / height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        band = 2 * mapframe.BAND
        self.height = min(MAP_MAX_HEIGHT, (available_width - band) / self.ratio + band)
        return self.width, self.height

    def draw(self) -> None:
        sheet = _sheet(self, self.parts)
        band = mapframe.BAND  # the column letters and row numbers go around the frame
        h = self.height - 2 * band
        w = min(self.width - 2 * band, h * self.ratio)
        h = w / self.ratio
        frame = Rect((self.width - w) / 2, band, w, h)
        c = self.content
        lay = mapframe.MapLayout(
            "A4", False, 1.0, (self.width, self.height), frame, Rect(0, 0, 0, 0), c.grid
        )
        proj = mapframe.Projection(c.box, frame) if c.box is not None else None
        projected = mapdraw.project(c.data.features, proj) if c.data and proj else []
        numbered = len(c.markers) <= MAX_NUMBERED
        if numbered:
            markers.place_markers(c.markers, lay, proj)
        prep = Prepared(lay, proj, projected, [], [])
        shown = replace(c, markers=c.markers if numbered else [])
        mappage.draw_frame(sheet, shown, prep)
        if not numbered:
            _dots(sheet, c.markers, lay, proj)


def _dots(
    sheet: Sheet,
    items: list[markers.Marker],
    lay: mapframe.MapLayout,
    proj: mapframe.Projection | None,
) -> None:
    canvas = sheet.c
    for m in items:
        if m.lonlat is not None and proj is not None:
            x, y = proj.point(*m.lonlat)
        elif m.cell and lay.grid.parse_cell(m.cell):
            cell = lay.cell_rect(ord(m.cell[0]) - ord("A"), int(m.cell[1:]) - 1)
            x, y = cell.x + cell.w / 2, cell.y + cell.h / 2
        else:
            continue
        canvas.setFillColor(m.colour)
        canvas.circle(x, y, 0.9, stroke=0, fill=1)

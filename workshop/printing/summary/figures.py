"""The summary's pictures: the network (the poster's drawing, smaller, with the poster's key)
and the map of places.

The map is the result map's frame from `workshop.printing.maps.page` (the same numbers as the
printed result map), drawn at the width of the text, with what a map needs to be read alone:
"© OpenStreetMap contributors" where OSM data is drawn, a scale bar, a north arrow, and the key
to its colours (kinds of place, themes of initiatives).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop import model
from workshop.printing.maps import draw as mapdraw
from workshop.printing.maps import frame as mapframe
from workshop.printing.maps import markers
from workshop.printing.maps import page as mappage
from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.network import Picture, draw_network
from workshop.printing.network import legend as network_legend
from workshop.printing.sheet import PrintResult, Rect, Sheet
from workshop.printing.sheet import fill as fill_colour
from workshop.printing.summary.parts import Parts

MAP_MAX_HEIGHT = 130 * mm
MAX_NUMBERED = 300
FOOT = 7 * mm  # attribution, scale bar and north arrow under the map
KEY_SIZE = 7.5
KEY_LEAD = 4.2 * mm
NETWORK_KEY_SCALE = 0.9


def _sheet(flowable: Flowable, parts: Parts) -> Sheet:
    sheet = Sheet(flowable.canv, parts.template, parts.lang, PrintResult(path=None))  # type: ignore[arg-type]
    sheet.fonts = parts.fonts  # one FontSet for the document, so missing glyphs add up
    return sheet


class NetworkFigure(Flowable):
    """The network picture with the poster's own key under it (roles and their colours, size
    = influence, the marks), so "colour = role" can be read off the page."""

    def __init__(self, parts: Parts, pic: Picture):
        super().__init__()
        self.parts, self.pic = parts, pic
        self.key_height = 0.0

    def _key_height(self, width: float) -> float:
        # The poster's key measures itself by drawing: draw it once on a scratch canvas.
        result = PrintResult(path=None)  # type: ignore[arg-type]
        scratch = Sheet(Canvas(io.BytesIO()), self.parts.template, self.parts.lang, result)
        scratch.fonts = self.parts.fonts
        return -network_legend(scratch, self.pic, 0, 0, width, NETWORK_KEY_SCALE) + 2 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.key_height = self._key_height(available_width)
        picture = max(
            80 * mm, min(available_height - 2 * mm - self.key_height, available_width * 1.2)
        )
        self.height = picture + self.key_height
        return self.width, self.height

    def draw(self) -> None:
        n = len(self.pic.nodes)
        sheet = _sheet(self, self.parts)
        draw_network(
            sheet,
            self.pic,
            Rect(0, self.key_height, self.width, self.height - self.key_height),
            font_size=6.5 if n <= 40 else 5.5,
            base_radius=(1.8 if n <= 40 else 1.2) * mm,
        )
        network_legend(sheet, self.pic, 0, self.key_height, self.width, NETWORK_KEY_SCALE)


class MapFigure(Flowable):
    """The result map (the printing helper's map frame: OSM base map or grid sheet, numbered
    markers for places, card numbers for initiatives), fitted to the text width, with its
    attribution, scale bar, north arrow and colour key under it. A file with more markers than
    `MAX_NUMBERED` shows them as dots: numbers would only pile up."""

    def __init__(self, parts: Parts, content: MapContent):
        super().__init__()
        self.parts, self.content = parts, content
        self.ratio = mapframe.aspect(content.box, content.grid)  # width / height
        self.entries = colour_key(parts)
        self.key_rows: list[list[tuple[float, KeyEntry]]] = []
        self.foot = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        band = 2 * mapframe.BAND
        self.key_rows = _flow(self.parts, self.entries, available_width)
        self.foot = FOOT + len(self.key_rows) * KEY_LEAD
        picture = min(MAP_MAX_HEIGHT, (available_width - band) / self.ratio + band)
        self.height = picture + self.foot
        return self.width, self.height

    def draw(self) -> None:
        sheet = _sheet(self, self.parts)
        band = mapframe.BAND  # the column letters and row numbers go around the frame
        h = self.height - self.foot - 2 * band
        w = min(self.width - 2 * band, h * self.ratio)
        h = w / self.ratio
        frame = Rect((self.width - w) / 2, self.foot + band, w, h)
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
        foot_y = self.foot - FOOT + 1.5 * mm  # the baseline of the line under the map
        if c.data is not None:
            sheet.text(frame.x, foot_y, sheet.t("attribution"), "regular", KEY_SIZE, _muted(sheet))
        if proj is not None:
            right = frame.x + frame.w
            _north_arrow(sheet, right - 3.2 * mm, foot_y - 1 * mm, 3.2 * mm, 5.5 * mm)
            _scale_bar(sheet, right - 8 * mm, foot_y, proj.points_per_metre)
        for row, line in enumerate(self.key_rows):
            y = self.foot - FOOT - (row + 1) * KEY_LEAD + 1.2 * mm
            for x, entry in line:
                _symbol(sheet, entry, x, y)
                sheet.text(x + KEY_SIZE * 1.3, y, entry.label, "regular", KEY_SIZE)


@dataclass
class KeyEntry:
    shape: str  # circle (a kind of place) or square (a theme of initiatives)
    colour: str
    label: str


def colour_key(parts: Parts) -> list[KeyEntry]:
    """The colours the map uses, as the markers take them from the template: the kinds of the
    places, then the themes of the initiatives; kinds sharing a colour share an entry."""
    data, tpl, lang = parts.data, parts.template, parts.lang
    out: list[KeyEntry] = []
    for shape, table, vocabulary, records in (
        ("circle", "place_kinds", model.PLACE_KINDS, data.places),
        ("square", "themes", model.THEMES, data.initiatives),
    ):
        field = "kind" if shape == "circle" else "theme"
        by_colour: dict[str, list[str]] = {}
        for key in dict.fromkeys(r[field] or "other" for r in records):
            label = vocabulary.label(key, lang) or key
            by_colour.setdefault(tpl.colour(table, key, "#6f7b86"), []).append(label)
        out += [KeyEntry(shape, colour, ", ".join(labels)) for colour, labels in by_colour.items()]
    return out


def _flow(
    parts: Parts, entries: list[KeyEntry], width: float
) -> list[list[tuple[float, KeyEntry]]]:
    """Entries laid out left to right, on as many lines as they need."""
    rows: list[list[tuple[float, KeyEntry]]] = []
    x = width + 1
    for entry in entries:
        need = KEY_SIZE * 1.3 + parts.fonts.width(entry.label, "regular", KEY_SIZE)
        if x + need > width and (not rows or rows[-1]):
            rows.append([])
            x = 0.0
        rows[-1].append((x, entry))
        x += need + 4 * mm
    return rows


def _muted(sheet: Sheet) -> str:
    return sheet.template.colour("colours", "muted", "#5c6570")


def _symbol(sheet: Sheet, entry: KeyEntry, x: float, y: float) -> None:
    c, r = sheet.c, KEY_SIZE * 0.42
    c.setFillColor(entry.colour)
    c.setStrokeColor("#ffffff")
    if entry.shape == "circle":
        c.circle(x + r, y + r * 0.8, r, stroke=0, fill=1)
    else:
        c.rect(x, y + r * 0.8 - r, 2 * r, 2 * r, stroke=0, fill=1)


def _north_arrow(sheet: Sheet, x: float, y: float, w: float, h: float) -> None:
    """A small arrow pointing up (the map's north) with an N above it, in `w` x `h`."""
    c = sheet.c
    ink = sheet.template.colour("colours", "ink", "#1d2125")
    cx, top, base = x + w / 2, y + h * 0.62, y
    c.saveState()
    c.setStrokeColor(ink)
    c.setLineWidth(0.5)
    for side, fill in ((1, ink), (-1, "#ffffff")):
        path = c.beginPath()
        path.moveTo(cx, top)
        path.lineTo(cx + side * w * 0.38, base)
        path.lineTo(cx, base + h * 0.14)
        path.close()
        c.setFillColor(fill)
        c.drawPath(path, stroke=1, fill=1)
    c.restoreState()
    sheet.text(cx, top + 0.6 * mm, sheet.t("north"), "bold", KEY_SIZE * 0.9, ink, "centre")


def _scale_bar(sheet: Sheet, right: float, y: float, points_per_metre: float) -> None:
    """A scale bar ending at `right`: four segments, "0" and the length in metres."""
    metres = mapframe.nice_scale_length(points_per_metre, 28 * mm)
    length = metres * points_per_metre
    label = sheet.t("scale", metres=metres)
    end = right - sheet.fonts.width(label, "regular", KEY_SIZE) / 2 - 1 * mm
    start = end - length
    c = sheet.c
    ink = sheet.template.colour("colours", "ink", "#1d2125")
    c.saveState()
    c.setStrokeColor(ink)
    c.setLineWidth(0.5)
    for i in range(4):
        c.setFillColor(ink if i % 2 == 0 else "#ffffff")
        c.rect(start + i * length / 4, y, length / 4, 1.3 * mm, stroke=1, fill=1)
    c.restoreState()
    sheet.text(start, y + 2.1 * mm, "0", "regular", KEY_SIZE * 0.85, ink, "centre")
    sheet.text(end, y + 2.1 * mm, label, "regular", KEY_SIZE * 0.85, ink, "centre")


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
        # thousands of dots: the colour's operator from the sheet's cache, the circle written
        # as the four Bézier quarters reportlab's circle() makes
        fill_colour(canvas, m.colour)
        canvas._code.append(_dot(x, y))  # noqa: SLF001


DOT = 0.9
_K = DOT * 0.5522847498  # a quarter circle's control points as reportlab's pdfgeom makes them


def _dot(x: float, y: float) -> str:
    r, k = DOT, _K
    return (
        f"{fp_str(x + r, y)} m "
        f"{fp_str(x + r, y + k, x + k, y + r, x, y + r)} c "
        f"{fp_str(x - k, y + r, x - r, y + k, x - r, y)} c "
        f"{fp_str(x - r, y - k, x - k, y - r, x, y - r)} c "
        f"{fp_str(x + k, y - r, x + r, y - k, x + r, y)} c h f"
    )

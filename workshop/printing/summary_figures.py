"""The summary's pictures: the network (the poster's drawing, smaller) and the map of places.

The map is the printing helper's result map when its maps module offers one; until then (or
for a file without a map extent) a grid sheet in the proportions of the map extent with the
numbered places on it, so the numbers in the table always have a picture to point at.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workshop.exchange.geojson import cell_centre
from workshop.printing.network import Picture, draw_network
from workshop.printing.sheet import PrintResult, Rect, Sheet

if TYPE_CHECKING:
    from workshop.printing.summary_sections import Parts

MAP_MAX_HEIGHT = 125 * mm


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
        draw_network(_sheet(self, self.parts), self.pic, Rect(0, 0, self.width, self.height),
                     font_size=6.5 if n <= 40 else 5.5, base_radius=(1.8 if n <= 40 else 1.2) * mm)


class MapFigure(Flowable):
    """The grid of the printed map with a numbered marker per place."""

    def __init__(self, parts: Parts, places: list[dict]):
        super().__init__()
        self.parts, self.places = parts, places
        hood = parts.data.hood
        self.cols, self.rows = hood["grid_cols"], hood["grid_rows"]
        self.aspect = _aspect(hood) or self.rows / self.cols  # height / width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = min(MAP_MAX_HEIGHT, available_width * self.aspect + 8 * mm)
        return self.width, self.height

    def draw(self) -> None:
        sheet = _sheet(self, self.parts)
        tpl = self.parts.template
        c = self.canv
        label_h = 5 * mm
        map_h = self.height - label_h
        map_w = min(self.width - label_h, map_h / self.aspect)
        x0 = label_h + (self.width - label_h - map_w) / 2
        y0 = 0.0
        c.setFillColor(tpl.map_colour("land"))
        c.rect(x0, y0, map_w, map_h, stroke=0, fill=1)
        grid = tpl.map_colour("grid")
        c.setStrokeColor(grid)
        c.setLineWidth(0.5)
        cw, ch = map_w / self.cols, map_h / self.rows
        for col in range(self.cols + 1):
            c.line(x0 + col * cw, y0, x0 + col * cw, y0 + map_h)
        for row in range(self.rows + 1):
            c.line(x0, y0 + row * ch, x0 + map_w, y0 + row * ch)
        for col in range(self.cols):
            sheet.text(x0 + (col + 0.5) * cw, y0 + map_h + 1.5 * mm, chr(ord("A") + col), "bold",
                       8, grid, anchor="centre")
        for row in range(self.rows):
            sheet.text(x0 - 2 * mm, y0 + map_h - (row + 0.6) * ch, str(row + 1), "bold", 8, grid,
                       anchor="right")
        self._markers(sheet, x0, y0, map_w, map_h)

    def _markers(self, sheet: Sheet, x0: float, y0: float, w: float, h: float) -> None:
        hood = self.parts.data.hood
        extent = [hood.get(k) for k in ("min_lat", "min_lon", "max_lat", "max_lon")]
        crowd: dict[tuple[int, int], int] = {}
        radius = 2.4 * mm
        for number, place in enumerate(self.places, 1):
            point = None
            if None not in extent and place["lat"] is not None and place["lon"] is not None:
                point = (place["lon"], place["lat"])
            elif place["cell"]:
                point = cell_centre(hood, place["cell"])
            if point is not None and None not in extent:
                fx = (point[0] - extent[1]) / ((extent[3] - extent[1]) or 1)
                fy = (point[1] - extent[0]) / ((extent[2] - extent[0]) or 1)
            elif place["cell"]:
                col = ord(place["cell"][0].upper()) - ord("A")
                fx = (col + 0.5) / self.cols
                fy = 1 - (int(place["cell"][1:]) - 0.5) / self.rows
            else:
                continue
            if not (0 <= fx <= 1 and 0 <= fy <= 1):
                continue
            slot = (int(fx * self.cols * 3), int(fy * self.rows * 3))
            k = crowd.get(slot, 0)
            crowd[slot] = k + 1
            angle = k * 2.4  # the golden angle spreads markers that share a spot
            spread = radius * 1.9 * math.sqrt(k)
            x = x0 + fx * w + spread * math.cos(angle)
            y = y0 + fy * h + spread * math.sin(angle)
            colour = self.parts.template.colour("place_kinds", place["kind"] or "other",
                                                "#6f7b86")
            c = self.canv
            c.setFillColor(colour)
            c.setStrokeColor("#ffffff")
            c.setLineWidth(0.7)
            c.circle(x, y, radius, stroke=1, fill=1)
            sheet.text(x, y - 2.4, str(number), "bold", 6.5 if number < 100 else 5,
                       "#ffffff", anchor="centre")


def _aspect(hood: dict) -> float | None:
    """Height / width of the map extent in metres, or None without an extent."""
    extent = [hood.get(k) for k in ("min_lat", "min_lon", "max_lat", "max_lon")]
    if None in extent:
        return None
    min_lat, min_lon, max_lat, max_lon = extent
    width = (max_lon - min_lon) * math.cos(math.radians((min_lat + max_lat) / 2))
    height = max_lat - min_lat
    return height / width if width > 0 and height > 0 else None

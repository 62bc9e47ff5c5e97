"""Drawing the base map: OSM features as raw PDF path operators (tens of thousands of ways in
well under a second), then the neighbourhood's grid on top.

Areas are filled one feature at a time with the even-odd rule, so holes in multipolygons stay
holes; lines of one class go into one path and are stroked once, casing first and fill after,
so crossings join cleanly the way road maps draw them.
"""

from __future__ import annotations

import functools

from reportlab.lib.units import mm

from workshop.osm.extract import Feature
from workshop.printing.maps import coast
from workshop.printing.maps.frame import BAND, MapLayout, Projection
from workshop.printing.sheet import Rect, Sheet
from workshop.printing.templates import Template

MIN_STEP = 0.35  # points: closer vertices add nothing at print resolution

AREA_ORDER = [
    ("landuse", None),
    ("parking", None),
    ("square", None),
    ("green", None),
    ("water", None),
    ("building", None),
]
ROAD_ORDER = [
    "track",
    "path",
    "cycleway",
    "service",
    "pedestrian",
    "minor",
    "tertiary",
    "secondary",
    "major",
]
CASED = {"service", "pedestrian", "minor", "tertiary", "secondary", "major"}
ROAD_FILL = {
    "major": "major",
    "secondary": "secondary",
    "tertiary": "road",
    "minor": "road",
    "service": "road",
    "pedestrian": "square",
}


@functools.lru_cache(maxsize=256)  # one call per building otherwise
def rgb(colour: str) -> str:
    return " ".join(f"{int(colour[i : i + 2], 16) / 255:.3f}" for i in (1, 3, 5))


def project(features: list[Feature], proj: Projection) -> list[tuple[Feature, list[list]]]:
    """Features in page points, thinned to MIN_STEP, without those wholly outside the frame."""
    ax, bx, ay, by = proj.coefficients()
    f = proj.frame
    x0, y0, x1, y1 = f.x - 20, f.y - 20, f.x + f.w + 20, f.y + f.h + 20
    out = []
    for feature in features:
        parts = []
        inside = False
        for part in feature.parts:
            pts = []
            lx = ly = -1e9
            last = len(part) - 1
            for i, (lon, lat) in enumerate(part):
                x, y = lon * ax + bx, lat * ay + by
                if abs(x - lx) + abs(y - ly) >= MIN_STEP or i == last:
                    pts.append((x, y))
                    lx, ly = x, y
            if not inside:
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                inside = not (max(xs) < x0 or min(xs) > x1 or max(ys) < y0 or min(ys) > y1)
            parts.append(pts)
        if inside:
            out.append((feature, parts))
    return out


def _ops(pts: list[tuple[float, float]], closed: bool) -> str:
    head = f"{pts[0][0]:.2f} {pts[0][1]:.2f} m"
    body = " ".join(f"{x:.2f} {y:.2f} l" for x, y in pts[1:])
    return f"{head} {body} h" if closed else f"{head} {body}"


def _area_colour(template: Template, feature: Feature) -> tuple[str, str | None]:
    if feature.layer == "building":
        return template.map_colour("building"), template.map_colour("building_edge")
    if feature.layer == "water":
        return template.map_colour("water"), None
    if feature.layer == "green":
        key = {"park": "park", "wood": "wood", "pitch": "pitch", "farmland": "farmland"}.get(
            feature.kind, "green"
        )
        return template.map_colour(key), None
    if feature.layer == "landuse":
        return template.map_colour(
            "industrial" if feature.kind in ("industrial", "commercial") else "residential"
        ), None
    return template.map_colour(feature.layer), None


def draw_features(sheet: Sheet, layout: MapLayout, projected: list[tuple[Feature, list]]) -> None:
    template = sheet.template
    f = layout.frame
    ops = [
        "q",
        f"{f.x:.2f} {f.y:.2f} {f.w:.2f} {f.h:.2f} re W n",
        f"{rgb(template.map_colour('land'))} rg",
        f"{f.x:.2f} {f.y:.2f} {f.w:.2f} {f.h:.2f} re f",
        "1 j 1 J",
    ]
    by_layer: dict[str, list] = {}
    for feature, parts in projected:
        by_layer.setdefault(feature.layer, []).append((feature, parts))
    _sea(ops, template, f, by_layer.get("coast", []))
    for layer, _ in AREA_ORDER:
        if layer == "building":
            _waterways(ops, template, by_layer.get("waterway", []))
        for feature, parts in by_layer.get(layer, []):
            fill, edge = _area_colour(template, feature)
            path = " ".join(_ops(p, True) for p in parts if len(p) >= 3)
            if not path:
                continue
            if edge:
                ops.append(f"{rgb(fill)} rg {rgb(edge)} RG 0.25 w {path} B*")
            else:
                ops.append(f"{rgb(fill)} rg {path} f*")
    roads = by_layer.get("road", [])
    _roads(ops, template, [r for r in roads if not r[0].bridge])
    _rails(ops, template, by_layer.get("rail", []))
    _bridges(ops, template, [r for r in roads if r[0].bridge])
    ops.append("Q")
    sheet.c.addLiteral("\n".join(ops))


def _stroke(
    ops: list[str], lines: list[list], colour: str, width: float, dash: str = "[] 0 d"
) -> None:
    if not lines:
        return
    path = " ".join(_ops(p, False) for p in lines if len(p) >= 2)
    ops.append(f"{rgb(colour)} RG {width:.2f} w {dash} {path} S")


def _sea(ops: list[str], template: Template, frame: Rect, features: list) -> None:
    """The sea to the right of the coastlines, islands on it, the coast as a thin line."""
    lines = [p for _, parts in features for p in parts]
    if not lines:
        return
    seas, islands = coast.sea(lines, frame)
    water = template.map_colour("water")
    for ring, colour in [(r, water) for r in seas] + [
        (r, template.map_colour("land")) for r in islands
    ]:
        if len(ring) >= 3:
            ops.append(f"{rgb(colour)} rg {_ops(ring, True)} f")
    _stroke(ops, lines, template.map_colour("water_edge"), 0.5)


def _waterways(ops: list[str], template: Template, features: list) -> None:
    for kind in ("ditch", "stream", "canal", "river"):
        lines = [p for feature, parts in features if feature.kind == kind for p in parts]
        _stroke(ops, lines, template.map_colour("water"), template.width(kind) * mm)
    ops.append("[] 0 d")


def _roads(ops: list[str], template: Template, features: list) -> None:
    classes: dict[str, list] = {k: [] for k in ROAD_ORDER}
    tunnels: list = []
    for feature, parts in features:
        (tunnels if feature.tunnel else classes.setdefault(feature.kind, [])).extend(parts)
    if tunnels:
        _stroke(ops, tunnels, template.map_colour("road_casing"), 0.5, "[2 1.5] 0 d")
    for kind in ("track", "path", "cycleway"):
        colour = template.map_colour("path")
        _stroke(ops, classes[kind], colour, template.width(kind) * mm, "[1.6 0.9] 0 d")
    ops.append("[] 0 d")
    casing = template.map_colour("road_casing")
    for kind in ROAD_ORDER:
        if kind in CASED:
            _stroke(ops, classes[kind], casing, template.width(kind) * mm + 0.9)
    for kind in ROAD_ORDER:
        if kind in CASED:
            _stroke(
                ops, classes[kind], template.map_colour(ROAD_FILL[kind]), template.width(kind) * mm
            )


def _bridges(ops: list[str], template: Template, features: list) -> None:
    """Bridges last, over the water, roads and rails they cross: a dark casing each side."""
    edge = template.map_colour("bridge_edge")
    for kind in ROAD_ORDER:
        lines = [p for feature, parts in features if feature.kind == kind for p in parts]
        width = template.width(kind) * mm
        if kind in CASED:
            _stroke(ops, lines, edge, width + 1.6, "[] 0 d")
            _stroke(ops, lines, template.map_colour(ROAD_FILL[kind]), width)
        else:
            _stroke(ops, lines, edge, width + 1.2, "[] 0 d")
            _stroke(ops, lines, template.map_colour("land"), width + 0.4)
            _stroke(ops, lines, template.map_colour("path"), width, "[1.6 0.9] 0 d")
    ops.append("[] 0 d")


def _rails(ops: list[str], template: Template, features: list) -> None:
    underground = [p for feature, parts in features if feature.tunnel for p in parts]
    features = [(f, parts) for f, parts in features if not f.tunnel]
    rail = [p for feature, parts in features if feature.kind == "rail" for p in parts]
    tram = [p for feature, parts in features if feature.kind != "rail" for p in parts]
    width = template.width("rail") * mm
    # a metro in its tunnel: a thin dashed line, never the surface railway's ties
    _stroke(ops, underground, template.map_colour("rail"), width * 0.5, "[2.2 1.6] 0 d")
    ops.append("[] 0 d")
    _stroke(ops, rail, template.map_colour("rail"), width)
    _stroke(ops, rail, "#ffffff", width * 0.45, "[4 4] 0 d")
    ops.append("[] 0 d")
    _stroke(ops, tram, template.map_colour("rail"), template.width("tram") * mm)


# --- the grid ------------------------------------------------------------------------------


def _letter(sheet: Sheet, x: float, y: float, text: str, size: float, colour: str, out: bool):
    if out:
        sheet.text(x, y, text, "bold", size, colour, "centre")
    else:
        halo(sheet, x, y, text, "bold", size, colour, "centre")


def draw_grid(sheet: Sheet, layout: MapLayout, plain: bool = False) -> list[Rect]:
    """The labelled grid over the frame; returns the rectangles its in-map labels occupy (the
    street labels keep clear of them)."""
    c = sheet.c
    f = layout.frame
    grid = layout.grid
    colour = sheet.template.map_colour("grid")
    c.saveState()
    if plain:
        c.setFillColor("#ffffff")
        c.rect(f.x, f.y, f.w, f.h, stroke=0, fill=1)
    c.setStrokeColor(colour)
    c.setStrokeAlpha(0.75)
    c.setLineWidth(0.7)
    for col in range(1, grid.cols):
        x = f.x + f.w * col / grid.cols
        c.line(x, f.y, x, f.y + f.h)
    for row in range(1, grid.rows):
        y = f.y + f.h * row / grid.rows
        c.line(f.x, y, f.x + f.w, y)
    c.setStrokeAlpha(1)
    c.setStrokeColor(sheet.template.colour("colours", "ink"))
    c.setLineWidth(1)
    c.rect(f.x, f.y, f.w, f.h, stroke=1, fill=0)
    c.restoreState()
    size = 9
    top, right, bottom, left = layout.outside
    # A side without room outside the frame (the paper's edge, the panel, a corner marker)
    # has its letters just inside, with a halo, like a tile's.
    above = BAND / 2 if top else -BAND / 2 - 1.5
    under = -BAND / 2 if bottom else BAND / 2 + 1.5
    east = BAND / 2 if right else -BAND / 2 - 1
    west = -BAND / 2 if left else BAND / 2 + 1
    # Inside, a letter stands clear of the cell's own name (top left) or not at all: that
    # name says it already.
    wide_cells = f.w / grid.cols > 40
    tall_cells = f.h / grid.rows > 30
    for col in range(grid.cols):
        letter = chr(ord("A") + col)
        x = f.x + f.w * (col + 0.5) / grid.cols
        for y, out in ((f.y + f.h + above, top), (f.y + under, bottom)):
            if not out and not wide_cells and y > f.y + f.h / 2:
                continue
            _letter(sheet, x, y - size * 0.35, letter, size, colour, out)
            if out:
                sheet.block("grid-label", Rect(x - 2.6 * mm, y - BAND / 2, 5.2 * mm, BAND))
    for row in range(grid.rows):
        y = f.y + f.h - f.h * (row + 0.5) / grid.rows - size * 0.35
        for x, out in ((f.x + west, left), (f.x + f.w + east, right)):
            if not out and not tall_cells and x < f.x + f.w / 2:
                continue
            _letter(sheet, x, y, str(row + 1), size, colour, out)
            if out:
                sheet.block("grid-label", Rect(x - BAND / 2, y - 2.6 * mm + 3, BAND, 5.2 * mm))
    taken = []
    small = 6.5 if not plain else 11
    for row in range(grid.rows):
        for col in range(grid.cols):
            cell = layout.cell_rect(col, row)
            name = f"{chr(ord('A') + col)}{row + 1}"
            x, y = cell.x + 1.4, cell.y + cell.h - small - 1.2
            halo(sheet, x, y, name, "bold", small, colour, light=plain)
            width = sheet.fonts.width(name, "bold", small)
            taken.append(Rect(x - 1, y - 1.5, width + 2, small + 2))
    return taken


def halo(
    sheet: Sheet,
    x: float,
    y: float,
    text: str,
    style: str,
    size: float,
    colour: str,
    anchor: str = "left",
    light: bool = False,
) -> float:
    """Text with a white outline under it, so it reads over roads and buildings (the outline is
    drawn as the glyphs' paths, not as text: the name reads back once)."""
    c = sheet.c
    if not light:
        sheet.fonts.halo(c, x, y, text, style, size, anchor, size * 0.28)
    c.setFillColor(colour)
    return sheet.fonts.draw(c, x, y, text, style, size, anchor)

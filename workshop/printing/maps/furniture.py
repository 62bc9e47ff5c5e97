"""What every map page carries round its map: the north arrow, the scale bar and the paper's
scale, the attribution, the page line, the legend's samples, and the captions of its codes.
The panel (beside or under the map) and the tiles place them; nothing here decides where."""

from __future__ import annotations

from reportlab.lib.units import mm

from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.maps.draw import rgb
from workshop.printing.maps.frame import nice_scale_length
from workshop.printing.sheet import Rect, Sheet


def page_line(sheet: Sheet, c: MapContent, r: Rect, page: int, pages: int) -> None:
    muted = sheet.template.colour("colours", "muted")
    if pages:  # a poster drawn to be cut into tiles has no page number of its own
        sheet.text(
            r.x, r.y + 0.5 * mm, sheet.t("page", page=page, pages=pages), "regular", 6.5, muted
        )
    generated = sheet.t("generated", date=c.date)
    sheet.text(r.x + r.w, r.y + 0.5 * mm, generated, "regular", 6.5, muted, "right")
    sheet.block("page-number", r)


def attribution(sheet: Sheet, r: Rect, lines: list[str] | None = None) -> None:
    """ "© OpenStreetMap contributors", whole (on two lines in a narrow panel)."""
    muted = sheet.template.colour("colours", "muted")
    lines = lines or [sheet.fonts.fit(sheet.t("attribution"), "regular", 6.5, r.w)]
    for i, line in enumerate(lines):  # top down, so that it reads back in order
        y = r.y + 0.5 * mm + (len(lines) - 1 - i) * 2.9 * mm
        sheet.text(r.x, y, line, "regular", 6.5, muted)
    sheet.block("attribution", r)


def caption(sheet: Sheet, r: Rect) -> None:
    """What the map's QR code is for, in the room under it."""
    muted = sheet.template.colour("colours", "muted")
    lines = sheet.fonts.wrap(sheet.t("qr_map"), "regular", 6.5, r.w, 3)
    for i, line in enumerate(lines):
        sheet.text(r.x, r.y + r.h - 6.5 - i * 6.5 * 1.25 + 1, line, "regular", 6.5, muted)
    sheet.block("qr-caption", r)


def caption_text(sheet: Sheet, r: Rect, text: str) -> None:
    muted = sheet.template.colour("colours", "muted")
    for i, line in enumerate(sheet.fonts.wrap(text, "regular", 6.2, r.w, 4)):
        sheet.text(r.x, r.y + r.h - 7 - i * 6.2 * 1.25, line, "regular", 6.2, muted)
    sheet.block("sheet-caption", r)


def north_arrow(sheet: Sheet, r: Rect) -> None:
    c = sheet.c
    ink = sheet.template.colour("colours", "ink")
    cx = r.x + r.w / 2
    top, base = r.y + r.h - 4.2 * mm, r.y
    c.saveState()
    c.setFillColor(ink)
    c.setStrokeColor(ink)
    c.setLineWidth(0.6)
    p = c.beginPath()
    p.moveTo(cx, top)
    p.lineTo(cx + r.w * 0.32, base)
    p.lineTo(cx, base + r.h * 0.22)
    p.close()
    c.drawPath(p, stroke=1, fill=1)
    p = c.beginPath()
    p.moveTo(cx, top)
    p.lineTo(cx - r.w * 0.32, base)
    p.lineTo(cx, base + r.h * 0.22)
    p.close()
    c.setFillColor("#ffffff")
    c.drawPath(p, stroke=1, fill=1)
    c.restoreState()
    sheet.text(cx, r.y + r.h - 3 * mm, sheet.t("north"), "bold", 9, ink, "centre")
    sheet.block("north-arrow", r)


def scale_bar(sheet: Sheet, r: Rect, prep: Prepared) -> None:
    assert prep.proj is not None
    ppm = prep.proj.points_per_metre
    metres = nice_scale_length(ppm, r.w * 0.75)
    length = metres * ppm
    c = sheet.c
    ink = sheet.template.colour("colours", "ink")
    bar_y = r.y + 1.2 * mm
    c.saveState()
    c.setStrokeColor(ink)
    c.setLineWidth(0.6)
    for i in range(4):
        c.setFillColor(ink if i % 2 == 0 else "#ffffff")
        c.rect(r.x + i * length / 4, bar_y, length / 4, 1.6 * mm, stroke=1, fill=1)
    c.restoreState()
    label_y = bar_y + 1.6 * mm + 1.3 * mm
    sheet.text(r.x, label_y, "0", "regular", 6.5, ink)
    sheet.text(
        r.x + length, label_y, sheet.t("scale", metres=metres), "regular", 6.5, ink, "centre"
    )
    sheet.text(
        r.x + r.w,
        bar_y,
        scale_text(prep),
        "regular",
        6.5,
        sheet.template.colour("colours", "muted"),
        "right",
    )
    sheet.block("scale-bar", r)


def scale_text(prep: Prepared) -> str:
    """The paper's scale, `1 : 5.200` (Dutch thousands, as the scale bar has always shown)."""
    assert prep.proj is not None
    scale = round(1 / (prep.proj.points_per_metre / (72 / 0.0254) * prep.lay.scale))
    return f"1 : {_round_scale(scale):,}".replace(",", ".")


def _round_scale(scale: int) -> int:
    step = 50 if scale < 10_000 else 500
    return max(step, round(scale / step) * step)


def legend_items(sheet: Sheet, c: MapContent) -> list[tuple[str, str, str, object]]:
    """(text key, swatch kind, colour, extra) for what this map shows."""
    t = sheet.template
    items: list[tuple[str, str, str, object]] = []
    features = c.data.features if c.data else []
    layers = {(f.layer, f.kind) for f in features}
    kinds = {k for _, k in layers}
    if {"major", "secondary"} & kinds:
        items.append(("major_road", "line", t.map_colour("major"), 1.4 * mm))
    if {"tertiary", "minor", "service"} & kinds:
        items.append(("road", "line", t.map_colour("road"), 1.0 * mm))
    if {"path", "cycleway", "track"} & kinds:
        items.append(("path_legend", "dash", t.map_colour("path"), 0.5))
    if any(f.layer == "rail" and not f.tunnel for f in features):
        items.append(("rail_legend", "rail", t.map_colour("rail"), 1.2))
    if any(f.tunnel for f in features):
        items.append(("tunnel_legend", "tunnel", t.map_colour("rail"), 0.6))
    if any(layer == "building" for layer, _ in layers):
        items.append(("building", "area", t.map_colour("building"), t.map_colour("building_edge")))
    if any(layer in ("water", "waterway", "coast") for layer, _ in layers):
        items.append(("water", "area", t.map_colour("water"), None))
    if any(layer == "green" for layer, _ in layers):
        items.append(("green", "area", t.map_colour("park"), None))
    return items


def swatch(sheet: Sheet, kind: str, colour: str, extra, sx: float, sy: float, sw: float) -> None:
    """A legend's sample of a line or area, `sw` wide, its foot at `sy`."""
    if kind == "area":
        edge = f"{rgb(extra)} RG 0.4 w" if extra else ""
        op = (
            f"q {rgb(colour)} rg {edge} {sx:.2f} {sy:.2f} {sw:.2f} {2.8 * mm:.2f} re "
            f"{'B' if extra else 'f'} Q"
        )
    else:
        my = sy + 1.4 * mm
        line = f"{sx:.2f} {my:.2f} m {sx + sw:.2f} {my:.2f} l"
        if kind == "line":
            casing = sheet.template.map_colour("road_casing")
            op = (
                f"q 0 J {rgb(casing)} RG {extra + 0.9:.2f} w {line} S "
                f"{rgb(colour)} RG {extra:.2f} w {line} S Q"
            )
        elif kind == "dash":
            op = f"q {rgb(colour)} RG 0.8 w [1.6 0.9] 0 d {line} S Q"
        elif kind == "tunnel":
            op = f"q {rgb(colour)} RG {extra:.2f} w [2.2 1.6] 0 d {line} S Q"
        else:
            op = f"q {rgb(colour)} RG 1.3 w {line} S 1 1 1 RG 0.6 w [4 4] 0 d {line} S Q"
    sheet.c.addLiteral(op)

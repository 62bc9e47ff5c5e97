"""The panel beside a map: title, legend (base map) or key (result map), and at its foot the QR
code with the north arrow, the scale bar, the attribution and the page number. Blocks are
stacked top-down and bottom-up and each is recorded, so nothing lands on another."""

from __future__ import annotations

from reportlab.lib.units import mm

from workshop.printing import qr
from workshop.printing.maps import key as mapkey
from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.maps.draw import rgb
from workshop.printing.maps.frame import MARGIN, nice_scale_length
from workshop.printing.sheet import Rect, Sheet

QR_SIDE = 24 * mm
TITLE_SIZE = 15
TEXT_SIZE = 7.2


def _top(sheet: Sheet, c: MapContent, panel: Rect, draw: bool) -> float:
    """Logo, title and subtitle from the panel's top; returns the y below them."""
    y = panel.y + panel.h
    logo = sheet.template.logo()
    if logo is not None:
        if draw:
            sheet.c.drawImage(
                str(logo),
                panel.x,
                y - 14 * mm,
                panel.w,
                14 * mm,
                mask="auto",
                preserveAspectRatio=True,
                anchor="w",
            )
        y -= 17 * mm
    ink = sheet.template.colour("colours", "ink")
    muted = sheet.template.colour("colours", "muted")
    title = sheet.t(
        "result_title" if c.result else "map_title",
        neighbourhood=c.name,
        municipality=c.municipality,
    )
    subtitle = sheet.t("map_subtitle", neighbourhood=c.name, municipality=c.municipality)
    if not c.municipality:
        subtitle = subtitle.lstrip(" ·")
    top = y
    for line in sheet.fonts.wrap(title, "bold", TITLE_SIZE, panel.w, 3):
        y -= TITLE_SIZE * 1.15
        if draw:
            sheet.text(panel.x, y + 3, line, "bold", TITLE_SIZE, ink)
    y -= 1.5 * mm
    for line in sheet.fonts.wrap(subtitle, "regular", 8.2, panel.w, 3):
        y -= 8.2 * 1.3
        if draw:
            sheet.text(panel.x, y + 2, line, "regular", 8.2, muted)
    if draw:
        sheet.block("title", Rect(panel.x, y, panel.w, top - y))
    return y - 5 * mm


def _bottom(
    sheet: Sheet,
    c: MapContent,
    prep: Prepared,
    code: qr.QrCode | None,
    page: int,
    pages: int,
    draw: bool,
) -> float:
    """Page number, attribution, scale bar, QR code and north arrow from the panel's foot;
    returns the y above them."""
    panel = prep.lay.panel
    muted = sheet.template.colour("colours", "muted")
    y = panel.y
    if draw:
        if pages:  # a poster drawn to be cut into tiles has no page number of its own
            sheet.text(
                panel.x,
                y + 0.5 * mm,
                sheet.t("page", page=page, pages=pages),
                "regular",
                6.5,
                muted,
            )
        sheet.text(
            panel.x + panel.w,
            y + 0.5 * mm,
            sheet.t("generated", date=c.date),
            "regular",
            6.5,
            muted,
            "right",
        )
        sheet.block("page-number", Rect(panel.x, y, panel.w, 3 * mm))
    y += 4 * mm
    if c.data is not None:
        if draw:
            sheet.text(
                panel.x,
                y + 0.5 * mm,
                sheet.fonts.fit(sheet.t("attribution"), "regular", 6.5, panel.w),
                "regular",
                6.5,
                muted,
            )
            sheet.block("attribution", Rect(panel.x, y, panel.w, 3 * mm))
        y += 5 * mm
    if prep.proj is not None:
        if draw:
            _scale_bar(sheet, Rect(panel.x, y, panel.w, 8 * mm), prep)
        y += 11 * mm
    row = Rect(panel.x, y, panel.w, QR_SIDE)
    if draw:
        right = panel.x
        if code is not None:
            sheet.qr(code, panel.x, y, QR_SIDE)
            right = panel.x + QR_SIDE + 4 * mm
        arrow = Rect(right, y + QR_SIDE - 14 * mm, 10 * mm, 14 * mm)
        _north_arrow(sheet, arrow)
        if code is not None:
            caption = sheet.fonts.wrap(
                sheet.t("qr_map"), "regular", TEXT_SIZE, panel.x + panel.w - right, 3
            )
            for i, line in enumerate(caption):
                sheet.text(
                    right,
                    arrow.y - 4 * mm - i * TEXT_SIZE * 1.25,
                    line,
                    "regular",
                    TEXT_SIZE,
                    muted,
                )
            sheet.block(
                "qr-caption", Rect(right, y, panel.x + panel.w - right, arrow.y - y - 1 * mm)
            )
    return row.y + row.h + 5 * mm


def _north_arrow(sheet: Sheet, r: Rect) -> None:
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


def _scale_bar(sheet: Sheet, r: Rect, prep: Prepared) -> None:
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


def _legend(sheet: Sheet, c: MapContent, x: float, y: float, w: float) -> float:
    ink = sheet.template.colour("colours", "ink")
    items = legend_items(sheet, c)
    top = y
    if items:
        y -= 8 * 1.2
        sheet.text(x, y, sheet.t("legend"), "bold", 8, ink)
        y -= 2 * mm
    for key, kind, colour, extra in items:
        y -= 5 * mm
        sw = 9 * mm
        swatch(sheet, kind, colour, extra, x, y + 0.4 * mm, sw)
        sheet.text(
            x + sw + 2.5 * mm,
            y + 0.6 * mm,
            sheet.fonts.fit(sheet.t(key), "regular", TEXT_SIZE, w - sw - 3 * mm),
            "regular",
            TEXT_SIZE,
            ink,
        )
    grid = c.grid
    y -= 2 * mm
    for line in sheet.fonts.wrap(
        sheet.t("grid_legend", last_col=chr(ord("A") + grid.cols - 1), last_row=grid.rows),
        "regular",
        TEXT_SIZE,
        w,
        2,
    ):
        y -= TEXT_SIZE * 1.35
        sheet.text(x, y, line, "regular", TEXT_SIZE, ink)
    if c.data is None:
        y -= 2 * mm
        for line in sheet.fonts.wrap(sheet.t("no_osm"), "italic", TEXT_SIZE, w, 4):
            y -= TEXT_SIZE * 1.35
            sheet.text(x, y, line, "italic", TEXT_SIZE, sheet.template.colour("colours", "muted"))
    sheet.block("legend", Rect(x, y, w, top - y))
    return y


def key_area(
    sheet: Sheet, c: MapContent, prep: Prepared, code: qr.QrCode | None, pages: int = 1
) -> Rect:
    panel = prep.lay.panel
    top = _top(sheet, c, panel, draw=False)
    bottom = _bottom(sheet, c, prep, code, 1, pages, draw=False)
    return Rect(panel.x, bottom, panel.w, max(top - bottom - 8 * 1.2 - 2 * mm, 0))


def page_count(sheet: Sheet, c: MapContent, prep: Prepared, code: qr.QrCode | None) -> int:
    if not prep.key:
        return 1
    area = key_area(sheet, c, prep, code)
    rest = prep.key[mapkey.fits(sheet, prep.key, area, 2) :]
    pages = 1
    full = _key_page_area(prep)
    while rest:
        used = max(mapkey.fits(sheet, rest, full, 4), 1)
        rest = rest[used:]
        pages += 1
    return pages


def draw_panel(
    sheet: Sheet,
    c: MapContent,
    prep: Prepared,
    code: qr.QrCode | None,
    key_from: int,
    page: int,
    pages: int,
) -> int:
    """The panel of a map page; returns how many key lines it showed."""
    panel = prep.lay.panel
    ink = sheet.template.colour("colours", "ink")
    y = _top(sheet, c, panel, draw=True)
    bottom = _bottom(sheet, c, prep, code, page, pages, draw=True)
    if not c.result:
        _legend(sheet, c, panel.x, y, panel.w)
        return 0
    sheet.text(panel.x, y - 8 * 1.2, sheet.t("key"), "bold", 8, ink)
    area = Rect(panel.x, bottom, panel.w, max(y - 8 * 1.2 - 2 * mm - bottom, 0))
    used = mapkey.draw_key(sheet, area, prep.key[key_from:], 2)
    if key_from + used < len(prep.key):
        sheet.text(
            panel.x,
            bottom - 2.5 * mm,
            sheet.t("key_more"),
            "italic",
            6.5,
            sheet.template.colour("colours", "muted"),
        )
    return used


def _key_page_area(prep: Prepared) -> Rect:
    w, h = prep.lay.page
    return Rect(MARGIN, MARGIN + 6 * mm, w - 2 * MARGIN, h - 2 * MARGIN - 20 * mm)


def draw_key_page(
    sheet: Sheet, c: MapContent, prep: Prepared, start: int, page: int, pages: int
) -> int:
    """A page that continues the key, in four columns; returns where it ends."""
    sheet.c.saveState()
    sheet.c.scale(prep.lay.scale, prep.lay.scale)
    sheet.scale = prep.lay.scale
    w, h = prep.lay.page
    ink = sheet.template.colour("colours", "ink")
    muted = sheet.template.colour("colours", "muted")
    title = sheet.t("result_title", neighbourhood=c.name, municipality=c.municipality)
    sheet.text(
        MARGIN,
        h - MARGIN - 12,
        sheet.fonts.fit(f"{title} · {sheet.t('key')}", "bold", 12, w - 2 * MARGIN),
        "bold",
        12,
        ink,
    )
    area = _key_page_area(prep)
    used = mapkey.draw_key(sheet, area, prep.key[start:], 4)
    sheet.text(
        w - MARGIN, MARGIN, sheet.t("page", page=page, pages=pages), "regular", 6.5, muted, "right"
    )
    sheet.c.restoreState()
    sheet.scale = 1.0
    return start + used

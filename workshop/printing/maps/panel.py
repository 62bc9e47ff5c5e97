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

QR_SIDE = 22 * mm
SHEET_QR = 16 * mm  # the sheet's own code, for `workshop scan`
TITLE_SIZE = 15
TEXT_SIZE = 7.2
STRIP_TITLE_W = 50 * mm  # under the map: the title's column of the strip
STRIP_FOOT_W = 76 * mm  # ... and the column of codes, north arrow and scale bar


def _top(sheet: Sheet, c: MapContent, panel: Rect, draw: bool, strip: bool = False) -> float:
    """Logo, title and subtitle from the panel's top; returns the y below them."""
    y = panel.y + panel.h
    size, most = (12.5, 2) if strip else (TITLE_SIZE, 3)
    logo = None if strip else sheet.template.logo()
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
    size, lines = _whole(sheet, title, "bold", size, panel.w, most, 10)
    for line in lines:
        y -= size * 1.15
        if draw:
            sheet.text(panel.x, y + 3, line, "bold", size, ink)
    y -= 1.5 * mm
    for line in sheet.fonts.wrap(subtitle, "regular", 8.2, panel.w, 2 if strip else 3):
        y -= 8.2 * 1.3
        if draw:
            sheet.text(panel.x, y + 2, line, "regular", 8.2, muted)
    if draw:
        sheet.block("title", Rect(panel.x, y, panel.w, top - y))
    return y - 5 * mm


def _whole(
    sheet: Sheet, text: str, style: str, size: float, width: float, most: int, smallest: float
) -> tuple[float, list[str]]:
    """The largest size down to `smallest` at which `text` wraps whole into `most` lines."""
    while True:
        lines = sheet.fonts.wrap(text, style, size, width, 99)
        if len(lines) <= most or size <= smallest:
            return size, sheet.fonts.wrap(text, style, size, width, max(most, len(lines)))
        size -= 0.5


def _bottom(
    sheet: Sheet,
    c: MapContent,
    prep: Prepared,
    code: qr.QrCode | None,
    page: int,
    pages: int,
    draw: bool,
    sheet_code: qr.QrCode | None = None,
) -> float:
    """Page number, attribution, scale bar, the QR codes and north arrow from the panel's foot;
    returns the y above them. The sheet's own code has its place whether or not it is drawn
    (a sheet printed from a read-only file has none), so the layout is the same."""
    panel = prep.lay.panel
    y = panel.y
    if draw:
        _page_line(sheet, c, Rect(panel.x, y, panel.w, 3 * mm), page, pages)
    y += 4 * mm
    if c.data is not None:
        lines = sheet.fonts.wrap(sheet.t("attribution"), "regular", 6.5, panel.w, 2)
        if draw:
            _attribution(sheet, Rect(panel.x, y, panel.w, len(lines) * 2.9 * mm), lines)
        y += len(lines) * 2.9 * mm + 2 * mm
    if prep.proj is not None:
        if draw:
            _scale_bar(sheet, Rect(panel.x, y, panel.w, 8 * mm), prep)
        y += 11 * mm
    if draw and sheet_code is not None:
        _sheet_code(sheet, sheet_code, panel.x, y, panel.x + panel.w)
    y += SHEET_QR + 2.5 * mm
    if code is not None:  # what the map's code is for, under it
        if draw:
            _caption(sheet, Rect(panel.x, y, panel.w, 3 * mm))
        y += 4 * mm
    row = Rect(panel.x, y, panel.w, QR_SIDE)
    if draw:
        if code is not None:
            sheet.qr(code, panel.x, y, QR_SIDE)
        right = panel.x + (QR_SIDE + 2 * mm if code is not None else 0)
        _north_arrow(sheet, Rect(right, y + QR_SIDE - 12 * mm, 8 * mm, 12 * mm))
    return row.y + row.h + 5 * mm


def _page_line(sheet: Sheet, c: MapContent, r: Rect, page: int, pages: int) -> None:
    muted = sheet.template.colour("colours", "muted")
    if pages:  # a poster drawn to be cut into tiles has no page number of its own
        sheet.text(
            r.x, r.y + 0.5 * mm, sheet.t("page", page=page, pages=pages), "regular", 6.5, muted
        )
    generated = sheet.t("generated", date=c.date)
    sheet.text(r.x + r.w, r.y + 0.5 * mm, generated, "regular", 6.5, muted, "right")
    sheet.block("page-number", r)


def _attribution(sheet: Sheet, r: Rect, lines: list[str] | None = None) -> None:
    """ "© OpenStreetMap contributors", whole (on two lines in a narrow panel)."""
    muted = sheet.template.colour("colours", "muted")
    lines = lines or [sheet.fonts.fit(sheet.t("attribution"), "regular", 6.5, r.w)]
    for i, line in enumerate(lines):  # top down, so that it reads back in order
        y = r.y + 0.5 * mm + (len(lines) - 1 - i) * 2.9 * mm
        sheet.text(r.x, y, line, "regular", 6.5, muted)
    sheet.block("attribution", r)


def _caption(sheet: Sheet, r: Rect) -> None:
    """What the map's QR code is for, in the room under it."""
    muted = sheet.template.colour("colours", "muted")
    lines = sheet.fonts.wrap(sheet.t("qr_map"), "regular", 6.5, r.w, 3)
    for i, line in enumerate(lines):
        sheet.text(r.x, r.y + r.h - 6.5 - i * 6.5 * 1.25 + 1, line, "regular", 6.5, muted)
    sheet.block("qr-caption", r)


def _sheet_code(sheet: Sheet, code: qr.QrCode, x: float, y: float, right: float) -> None:
    """The sheet's own code (which sheet, which print record) and what it is for."""
    sheet.qr(code, x, y, SHEET_QR)
    room = Rect(x + SHEET_QR + 2 * mm, y, right - x - SHEET_QR - 2 * mm, SHEET_QR)
    if room.w > 8 * mm:  # the longer line where there is room for it (a poster's A4 overview)
        wide = room.w > 30 * mm
        _caption_text(sheet, room, sheet.t("qr_sheet" if wide else "qr_sheet_short"))


def _caption_text(sheet: Sheet, r: Rect, text: str) -> None:
    muted = sheet.template.colour("colours", "muted")
    for i, line in enumerate(sheet.fonts.wrap(text, "regular", 6.2, r.w, 4)):
        sheet.text(r.x, r.y + r.h - 7 - i * 6.2 * 1.25, line, "regular", 6.2, muted)
    sheet.block("sheet-caption", r)


def _strip(lay) -> tuple[Rect, Rect, Rect]:
    """Under the map: the strip's title column, its middle (legend or key) and its foot."""
    p = lay.panel
    title = Rect(p.x, p.y, STRIP_TITLE_W, p.h)
    foot = Rect(p.x + p.w - STRIP_FOOT_W, p.y, STRIP_FOOT_W, p.h)
    middle = Rect(title.x + title.w + 4 * mm, p.y, foot.x - title.x - title.w - 8 * mm, p.h)
    return title, middle, foot


def _strip_foot(
    sheet: Sheet,
    c: MapContent,
    prep: Prepared,
    code: qr.QrCode | None,
    sheet_code: qr.QrCode | None,
    page: int,
    pages: int,
) -> None:
    """The strip's foot, right to left: the map's QR code, the sheet's code, then the north
    arrow over the scale bar, the attribution and the page line."""
    _, _, foot = _strip(prep.lay)
    top = foot.y + foot.h
    x = foot.x + foot.w
    if code is not None:
        sheet.qr(code, x - QR_SIDE, top - QR_SIDE, QR_SIDE)
        _caption(sheet, Rect(x - QR_SIDE, foot.y, QR_SIDE, top - QR_SIDE - foot.y - 0.5 * mm))
    x -= QR_SIDE + 2.5 * mm
    if sheet_code is not None:
        sheet.qr(sheet_code, x - SHEET_QR, top - SHEET_QR, SHEET_QR)
        _caption_text(
            sheet,
            Rect(x - SHEET_QR, foot.y, SHEET_QR, top - SHEET_QR - foot.y - 0.5 * mm),
            sheet.t("qr_sheet_short"),
        )
    x -= SHEET_QR + 3 * mm
    left = foot.x
    _north_arrow(sheet, Rect(left, top - 12 * mm, 8 * mm, 12 * mm))
    y = foot.y
    _page_line(sheet, c, Rect(left, y, x - left, 3 * mm), page, pages)
    y += 3.6 * mm
    if c.data is not None:
        _attribution(sheet, Rect(left, y, x - left, 3 * mm))
        y += 4 * mm
    if prep.proj is not None:
        _scale_bar(sheet, Rect(left, y, x - left, 8 * mm), prep)


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
        sw = 8 * mm
        swatch(sheet, kind, colour, extra, x, y + 0.4 * mm, sw)
        lines = sheet.fonts.wrap(sheet.t(key), "regular", TEXT_SIZE, w - sw - 2.5 * mm, 2)
        for i, line in enumerate(lines):  # a long name on two lines, never cut
            if i:
                y -= TEXT_SIZE * 1.2
            sheet.text(x + sw + 2 * mm, y + 0.6 * mm, line, "regular", TEXT_SIZE, ink)
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
    """Where the panel has room for the key (under its heading)."""
    if prep.lay.below:
        _, middle, _ = _strip(prep.lay)
        return Rect(middle.x, middle.y, middle.w, max(middle.h - 8 * 1.2 - 1.5 * mm, 0))
    panel = prep.lay.panel
    top = _top(sheet, c, panel, draw=False)
    bottom = _bottom(sheet, c, prep, code, 1, pages, draw=False)
    return Rect(panel.x, bottom, panel.w, max(top - bottom - 8 * 1.2 - 2 * mm, 0))


def _key_columns(prep: Prepared) -> int:
    return 4 if prep.lay.below else 2


def page_count(sheet: Sheet, c: MapContent, prep: Prepared, code: qr.QrCode | None) -> int:
    if not prep.key:
        return 1
    area = key_area(sheet, c, prep, code)
    rest = prep.key[mapkey.fits(sheet, prep.key, area, _key_columns(prep)) :]
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
    sheet_code: qr.QrCode | None = None,
) -> int:
    """The panel of a map page; returns how many key lines it showed."""
    panel = prep.lay.panel
    ink = sheet.template.colour("colours", "ink")
    if prep.lay.below:
        title, middle, _ = _strip(prep.lay)
        _top(sheet, c, title, draw=True, strip=True)
        _strip_foot(sheet, c, prep, code, sheet_code, page, pages)
        if not c.result:
            _legend_strip(sheet, c, middle)
            return 0
        x, y, bottom = middle.x, middle.y + middle.h, middle.y
    else:
        y = _top(sheet, c, panel, draw=True)
        bottom = _bottom(sheet, c, prep, code, page, pages, draw=True, sheet_code=sheet_code)
        if not c.result:
            _legend(sheet, c, panel.x, y, panel.w)
            return 0
        x = panel.x
    area = key_area(sheet, c, prep, code)
    sheet.text(x, y - 8 * 1.2, sheet.t("key"), "bold", 8, ink)
    used = mapkey.draw_key(sheet, area, prep.key[key_from:], _key_columns(prep))
    if key_from + used < len(prep.key):
        more = sheet.t("key_more")
        muted = sheet.template.colour("colours", "muted")
        if prep.lay.below:  # beside the heading
            gap = sheet.fonts.width(sheet.t("key"), "bold", 8) + 3 * mm
            more = sheet.fonts.fit(more, "italic", 6.5, area.w - gap)
            sheet.text(x + gap, y - 8 * 1.2, more, "italic", 6.5, muted)
        else:
            sheet.text(x, bottom - 2.5 * mm, more, "italic", 6.5, muted)
    return used


def _legend_strip(sheet: Sheet, c: MapContent, r: Rect) -> None:
    """The legend in the strip under the map: its items in columns, the grid's line last."""
    ink = sheet.template.colour("colours", "ink")
    muted = sheet.template.colour("colours", "muted")
    top = r.y + r.h
    sheet.text(r.x, top - 8 * 1.2, sheet.t("legend"), "bold", 8, ink)
    lead = 4.6 * mm
    first = top - 8 * 1.2 - 2 * mm - lead
    per = max(int((first - r.y) // lead) + 1, 1)
    items = legend_items(sheet, c)
    columns = max(-(-len(items) // per), 1)
    col_w = (r.w - (columns - 1) * 3 * mm) / columns if items else r.w
    sw = 7 * mm
    for i, (key, kind, colour, extra) in enumerate(items):
        col, row = divmod(i, per)
        x, y = r.x + col * (col_w + 3 * mm), first - row * lead
        swatch(sheet, kind, colour, extra, x, y + 0.4 * mm, sw)
        text = sheet.fonts.fit(sheet.t(key), "regular", TEXT_SIZE, col_w - sw - 2.5 * mm)
        sheet.text(x + sw + 2 * mm, y + 0.6 * mm, text, "regular", TEXT_SIZE, ink)
    grid = c.grid
    note = sheet.t("grid_legend", last_col=chr(ord("A") + grid.cols - 1), last_row=grid.rows)
    if c.data is None:
        note += " · " + sheet.t("no_osm")
    head = sheet.fonts.width(sheet.t("legend"), "bold", 8) + 3 * mm
    line = sheet.fonts.fit(note, "regular", TEXT_SIZE - 0.6, r.w - head)
    sheet.text(r.x + head, top - 8 * 1.2, line, "regular", TEXT_SIZE - 0.6, muted)
    sheet.block("legend", r)


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

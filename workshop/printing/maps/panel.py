"""The panel beside a map: title, legend (base map) or key (result map), and at its foot the QR
code with the north arrow, the scale bar, the attribution and the page number. Blocks are
stacked top-down and bottom-up and each is recorded, so nothing lands on another."""

from __future__ import annotations

from reportlab.lib.units import mm

from workshop.printing import qr
from workshop.printing.maps import furniture
from workshop.printing.maps import key as mapkey
from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.maps.frame import MARGIN
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
        furniture.page_line(sheet, c, Rect(panel.x, y, panel.w, 3 * mm), page, pages)
    y += 4 * mm
    if c.data is not None:
        lines = sheet.fonts.wrap(sheet.t("attribution"), "regular", 6.5, panel.w, 2)
        if draw:
            furniture.attribution(sheet, Rect(panel.x, y, panel.w, len(lines) * 2.9 * mm), lines)
        y += len(lines) * 2.9 * mm + 2 * mm
    if prep.proj is not None:
        if draw:
            furniture.scale_bar(sheet, Rect(panel.x, y, panel.w, 8 * mm), prep)
        y += 11 * mm
    if draw and sheet_code is not None:
        _sheet_code(sheet, sheet_code, panel.x, y, panel.x + panel.w)
    y += SHEET_QR + 2.5 * mm
    if code is not None:  # what the map's code is for, under it
        if draw:
            furniture.caption(sheet, Rect(panel.x, y, panel.w, 3 * mm))
        y += 4 * mm
    row = Rect(panel.x, y, panel.w, QR_SIDE)
    if draw:
        if code is not None:
            sheet.qr(code, panel.x, y, QR_SIDE)
        right = panel.x + (QR_SIDE + 2 * mm if code is not None else 0)
        furniture.north_arrow(sheet, Rect(right, y + QR_SIDE - 12 * mm, 8 * mm, 12 * mm))
    return row.y + row.h + 5 * mm


def _sheet_code(sheet: Sheet, code: qr.QrCode, x: float, y: float, right: float) -> None:
    """The sheet's own code (which sheet, which print record) and what it is for."""
    sheet.qr(code, x, y, SHEET_QR)
    room = Rect(x + SHEET_QR + 2 * mm, y, right - x - SHEET_QR - 2 * mm, SHEET_QR)
    if room.w > 8 * mm:  # the longer line where there is room for it (a poster's A4 overview)
        wide = room.w > 30 * mm
        furniture.caption_text(sheet, room, sheet.t("qr_sheet" if wide else "qr_sheet_short"))


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
        furniture.caption(
            sheet, Rect(x - QR_SIDE, foot.y, QR_SIDE, top - QR_SIDE - foot.y - 0.5 * mm)
        )
    x -= QR_SIDE + 2.5 * mm
    if sheet_code is not None:
        sheet.qr(sheet_code, x - SHEET_QR, top - SHEET_QR, SHEET_QR)
        furniture.caption_text(
            sheet,
            Rect(x - SHEET_QR, foot.y, SHEET_QR, top - SHEET_QR - foot.y - 0.5 * mm),
            sheet.t("qr_sheet_short"),
        )
    x -= SHEET_QR + 3 * mm
    left = foot.x
    furniture.north_arrow(sheet, Rect(left, top - 12 * mm, 8 * mm, 12 * mm))
    y = foot.y
    furniture.page_line(sheet, c, Rect(left, y, x - left, 3 * mm), page, pages)
    y += 3.6 * mm
    if c.data is not None:
        furniture.attribution(sheet, Rect(left, y, x - left, 3 * mm))
        y += 4 * mm
    if prep.proj is not None:
        furniture.scale_bar(sheet, Rect(left, y, x - left, 8 * mm), prep)


def _legend(sheet: Sheet, c: MapContent, x: float, y: float, w: float) -> float:
    ink = sheet.template.colour("colours", "ink")
    items = furniture.legend_items(sheet, c)
    top = y
    if items:
        y -= 8 * 1.2
        sheet.text(x, y, sheet.t("legend"), "bold", 8, ink)
        y -= 2 * mm
    for key, kind, colour, extra in items:
        y -= 5 * mm
        sw = 8 * mm
        furniture.swatch(sheet, kind, colour, extra, x, y + 0.4 * mm, sw)
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
    items = furniture.legend_items(sheet, c)
    columns = max(-(-len(items) // per), 1)
    col_w = (r.w - (columns - 1) * 3 * mm) / columns if items else r.w
    sw = 7 * mm
    for i, (key, kind, colour, extra) in enumerate(items):
        col, row = divmod(i, per)
        x, y = r.x + col * (col_w + 3 * mm), first - row * lead
        furniture.swatch(sheet, kind, colour, extra, x, y + 0.4 * mm, sw)
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

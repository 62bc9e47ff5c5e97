"""A poster-size map on A4 sheets: an overview page (the whole map on A4 with the whole panel:
title, legend or key, north arrow, scale bar, QR code, and the tile index), then the poster's
map cut into overlapping A4 tiles to tape together.

Each tile works alone: under its piece of the map it carries its own QR code (which map, which
paper, which tile, which cells), its caption, the cells it shows and a small key of the markers
on it; the column letters and row numbers of its cells stand along its edges. The panel is
never cut across sheets: it is on the overview. Tiles are spread evenly over the map, so none
holds only a sliver of margin or a stray letter.

The poster's map is drawn once, as a PDF form, and each tile shows its piece of it.
"""

from __future__ import annotations

import math
from dataclasses import replace

from reportlab.lib.units import mm

from workshop.printing import qr
from workshop.printing.maps import furniture, panel
from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.maps.draw import halo
from workshop.printing.maps.frame import CORNER
from workshop.printing.maps.key import KEY_SIZE, SYMBOL_R
from workshop.printing.maps.markers import stacks, symbol
from workshop.printing.maps.page import draw_frame, draw_page, prepare
from workshop.printing.maps.sheets import (
    Records,
    draw_marks,
    page_record,
    sheet_code,
    sheet_payload,
    tile_record,
)
from workshop.printing.sheet import Rect, Sheet

TILE_MARGIN = 10 * mm  # what an office printer leaves blank
OVERLAP = 10 * mm
A4 = (210 * mm, 297 * mm)
LABEL_ROOM = 7 * mm  # round the map frame: the grid's letters and numbers (A4 points)
FOOTER = 24 * mm  # under a tile's piece of the map: its QR code, caption and key
TILE_QR = 22 * mm
TOP = CORNER + 1 * mm  # over the tile's map: the corner markers' squares
FOOT_X = CORNER + 1 * mm  # the footer runs between the lower corner markers


def window(page: tuple[float, float]) -> tuple[float, float]:
    """The part of a tile sheet that shows the map."""
    return page[0] - 2 * TILE_MARGIN, page[1] - TOP - TILE_MARGIN - FOOTER


def tile_grid(area: tuple[float, float]) -> tuple[tuple[float, float], int, int]:
    """The A4 page (portrait or landscape, whichever needs fewer sheets) and columns, rows of
    tiles for a map of `area` (poster points)."""
    best = None
    for page in (A4, (A4[1], A4[0])):
        rw, rh = window(page)
        cols = max(1, math.ceil((area[0] - OVERLAP) / (rw - OVERLAP)))
        rows = max(1, math.ceil((area[1] - OVERLAP) / (rh - OVERLAP)))
        if best is None or cols * rows < best[1] * best[2]:
            best = (page, cols, rows)
    assert best is not None
    return best


def _starts(start: float, length: float, size: float, n: int) -> list[float]:
    """Where n windows of `size` begin to cover `length` evenly (overlapping alike)."""
    if n == 1:
        return [start + (length - size) / 2]
    step = (length - size) / (n - 1)
    return [start + i * step for i in range(n)]


def map_area(prep: Prepared) -> Rect:
    """The poster's map with its labelled band, in poster points: what the tiles cover."""
    f, s = prep.lay.frame, prep.lay.scale
    return Rect(
        (f.x - LABEL_ROOM) * s,
        (f.y - LABEL_ROOM) * s,
        (f.w + 2 * LABEL_ROOM) * s,
        (f.h + 2 * LABEL_ROOM) * s,
    )


def tiles(prep: Prepared) -> tuple[tuple[float, float], list[tuple[int, int, Rect]]]:
    """The tile page size and every tile's (row, column, window in poster points), row 0 on top."""
    area = map_area(prep)
    page, cols, rows = tile_grid((area.w, area.h))
    rw, rh = window(page)
    xs = _starts(area.x, area.w, rw, cols)
    ys = _starts(area.y, area.h, rh, rows)[::-1]
    return page, [(r, c, Rect(xs[c], ys[r], rw, rh)) for r in range(rows) for c in range(cols)]


def payload(
    c: MapContent, paper: str, number: int, count: int, row: int, col: int, cells: str
) -> str:
    """A tile's QR code: QR alphanumerics only (a small code), e.g.
    `WIJK:RESULT:A1:T3/12:R1C3:B2-D4`."""
    kind = "RESULT" if c.result else "MAP"
    return f"WIJK:{kind}:{paper.upper()}:T{number}/{count}:R{row + 1}C{col + 1}:{cells}"


def draw_tiled(
    sheet: Sheet, c: MapContent, paper: str, code: qr.QrCode | None, records: Records
) -> None:
    prep = prepare(sheet, c, paper)
    page_size, placed = tiles(prep)
    _draw_poster(sheet, c, prep)
    overview = prepare(sheet, c, "A4")  # the whole map on A4, names at their A4 size
    key_pages = panel.page_count(sheet, c, overview, code) - 1
    pages = 1 + key_pages + len(placed)
    sheet.c.setPageSize(overview.lay.paper_size)
    rec = records.add(page_record(c, overview.lay), overview.lay.scale)
    own = sheet_code(records, rec, sheet_payload(c, "A4"))
    start = draw_page(sheet, c, overview, code, 0, 1, pages, sheet_code=own)
    _index(sheet, overview, prep, placed)
    draw_marks(sheet, rec, overview.lay.paper_size[1])
    page = 1
    while start < len(overview.key):
        sheet.next_page()
        page += 1
        start = panel.draw_key_page(sheet, c, overview, start, page, pages)
    for number, (row, col, rect) in enumerate(placed, 1):
        sheet.next_page()
        page += 1
        sheet.c.setPageSize(page_size)
        which = (number, len(placed), row, col)
        _tile(sheet, c, prep, paper, rect, which, (page, pages), records, page_size)


def _tile(sheet, c, prep, paper, rect, which, numbering, records, page_size) -> None:
    number, count, row, col = which
    origin = (TILE_MARGIN - rect.x, TILE_MARGIN + FOOTER - rect.y)
    rec = records.add(tile_record(c, prep.lay, page_size, origin, f"R{row + 1}C{col + 1}"), 1.0)
    rw, rh = rect.w, rect.h
    cv = sheet.c
    cv.saveState()
    p = cv.beginPath()
    p.rect(TILE_MARGIN, TILE_MARGIN + FOOTER, rw, rh)
    cv.clipPath(p, stroke=0, fill=0)
    cv.translate(*origin)
    cv.doForm("wk-poster")
    cv.restoreState()
    sheet.block("tile-map", Rect(TILE_MARGIN, TILE_MARGIN + FOOTER, rw, rh))
    cols_shown, rows_shown = _edge_labels(sheet, prep, rect)
    _marks(sheet, rw, rh)
    draw_marks(sheet, rec, page_size[1])
    cells = _cells_text(cols_shown, rows_shown)
    text = payload(c, paper, number, count, row, col, cells)
    if rec is not None:  # which print record: `workshop scan` maps the tile back by it
        text += ":" + records.tag(rec)
    code = qr.encode(text, ("M",))
    sheet.qr(code, FOOT_X, TILE_MARGIN, TILE_QR)
    ink = sheet.template.colour("colours", "ink")
    muted = sheet.template.colour("colours", "muted")
    x = FOOT_X + TILE_QR + 3 * mm
    top = TILE_MARGIN + FOOTER - 4 * mm
    caption = sheet.t("tile", tile=number, tiles=count, row=row + 1, col=col + 1)
    head = f"{c.name} · {caption} · {sheet.t('page', page=numbering[0], pages=numbering[1])}"
    width = page_size[0] - FOOT_X - x
    sheet.text(x, top, sheet.fonts.fit(head, "bold", 8, width), "bold", 8, ink)
    cells_line = sheet.t("tile_cells", cells=cells.replace("-", "–"))
    if prep.proj is not None:  # the tiles' own scale: the overview's is another
        cells_line += f" · {furniture.scale_text(prep)}"
    sheet.text(x, top - 10, sheet.fonts.fit(cells_line, "regular", 7, width), "regular", 7, muted)
    sheet.block("tile-caption", Rect(x, top - 12, width, 20))
    _tile_key(sheet, c, prep, rect, Rect(x, TILE_MARGIN, width, top - 14 - TILE_MARGIN))


def _draw_poster(sheet: Sheet, c: MapContent, prep: Prepared) -> None:
    """The poster's map (frame and grid band, no panel), once, as a form the tiles show."""
    boxes, sheet.result.boxes = sheet.result.boxes, []
    big = prep.lay.paper_size
    sheet.c.beginForm("wk-poster", 0, 0, big[0], big[1])
    sheet.c.saveState()
    sheet.c.scale(prep.lay.scale, prep.lay.scale)
    sheet.scale = prep.lay.scale
    draw_frame(sheet, c, prep)
    sheet.c.restoreState()
    sheet.scale = 1.0
    sheet.c.endForm()
    sheet.result.boxes = boxes


def _edge_labels(sheet: Sheet, prep: Prepared, rect: Rect) -> tuple[list[int], list[int]]:
    """The column letters along the tile's top and the row numbers along its left edge, for
    the cells whose middle it shows; returns those columns and rows."""
    lay, s = prep.lay, prep.lay.scale
    colour = sheet.template.map_colour("grid")
    f = lay.frame
    cols, rows = [], []
    top = TILE_MARGIN + FOOTER + rect.h
    for col in range(lay.grid.cols):
        x = (f.x + f.w * (col + 0.5) / lay.grid.cols) * s - rect.x
        lo, hi = (f.x + f.w * col / lay.grid.cols) * s, (f.x + f.w * (col + 1) / lay.grid.cols) * s
        if hi > rect.x and lo < rect.x + rect.w:
            cols.append(col)
            x = min(max(x, 8), rect.w - 8)
            halo(
                sheet, TILE_MARGIN + x, top - 12, chr(ord("A") + col), "bold", 11, colour, "centre"
            )
    for row in range(lay.grid.rows):
        hi = (f.y + f.h - f.h * row / lay.grid.rows) * s
        lo = (f.y + f.h - f.h * (row + 1) / lay.grid.rows) * s
        if hi > rect.y and lo < rect.y + rect.h:
            rows.append(row)
            y = min(max((lo + hi) / 2 - rect.y, 10), rect.h - 24)
            halo(
                sheet,
                TILE_MARGIN + 4,
                TILE_MARGIN + FOOTER + y - 4,
                str(row + 1),
                "bold",
                11,
                colour,
            )
    return cols, rows


def _cells_text(cols: list[int], rows: list[int]) -> str:
    if not cols or not rows:
        return "-"
    first = f"{chr(ord('A') + cols[0])}{rows[0] + 1}"
    last = f"{chr(ord('A') + cols[-1])}{rows[-1] + 1}"
    return first if first == last else f"{first}-{last}"


def _tile_key(sheet: Sheet, c: MapContent, prep: Prepared, rect: Rect, area: Rect) -> None:
    """The markers on this tile, numbered as on the map (the result map); the base map's tile
    says where its legend is."""
    muted = sheet.template.colour("colours", "muted")
    ink = sheet.template.colour("colours", "ink")
    s = prep.lay.scale
    if not c.result:  # the legend, small and across, then where the rest is
        x, y = area.x, area.y + area.h - 7
        for key, kind, colour, extra in furniture.legend_items(sheet, c):
            text = sheet.t(key)
            need = 7 * mm + sheet.fonts.width(text, "regular", 6.5) + 4 * mm
            if x + need > area.x + area.w:
                x, y = area.x, y - 9
            furniture.swatch(sheet, kind, colour, extra, x, y - 0.3 * mm, 6 * mm)
            sheet.text(x + 7 * mm, y, text, "regular", 6.5, ink)
            x += need
        sheet.text(area.x, y - 10, sheet.t("tile_legend"), "italic", 6.5, muted)
        sheet.block("tile-key", area)
        return
    shown = [m for m in c.markers if m.pos is not None and not m.stacked] + stacks(c.markers)
    on = [
        m
        for m in shown
        if rect.x <= m.pos[0] * s <= rect.x + rect.w and rect.y <= m.pos[1] * s <= rect.y + rect.h  # type: ignore[index]
    ]
    columns = max(int(area.w // (48 * mm)), 1)
    col_w = (area.w - (columns - 1) * 3 * mm) / columns
    per = max(int(area.h // (KEY_SIZE * 1.35)), 1)
    room = per * columns
    listed = on if len(on) <= room else on[: room - 1]
    for i, m in enumerate(listed):
        col, line = divmod(i, per)
        x = area.x + col * (col_w + 3 * mm)
        y = area.y + area.h - (line + 1) * KEY_SIZE * 1.35
        size = KEY_SIZE - 0.6
        symbol(sheet, replace(m, label=""), x + SYMBOL_R * 0.7, y + size * 0.33, SYMBOL_R * 0.7)
        number = sheet.text(x + 2 * SYMBOL_R, y, m.label, "bold", size, ink)
        rest = col_w - 2 * SYMBOL_R - number - 2 * mm
        name = sheet.fonts.fit(m.name, "regular", size, rest)
        sheet.text(x + 2 * SYMBOL_R + number + 1 * mm, y, name, "regular", size, ink)
    if len(listed) < len(on):
        col, line = divmod(len(listed), per)
        more = sheet.t("tile_more", count=len(on) - len(listed))
        sheet.text(
            area.x + col * (col_w + 3 * mm),
            area.y + area.h - (line + 1) * KEY_SIZE * 1.35,
            more,
            "italic",
            KEY_SIZE - 0.6,
            muted,
        )
    sheet.block("tile-key", area)


def _marks(sheet: Sheet, rw: float, rh: float) -> None:
    """Corner marks round the tile's map, to cut and tape by."""
    cv = sheet.c
    cv.saveState()
    cv.setStrokeColor("#7d858e")
    cv.setLineWidth(0.4)
    m, b = TILE_MARGIN, TILE_MARGIN + FOOTER
    for x, y in ((m, b), (m + rw, b), (m, b + rh), (m + rw, b + rh)):
        cv.line(x - 4 * mm if x == m else x + 1 * mm, y, x - 1 * mm if x == m else x + 4 * mm, y)
        if y == b:  # the ticks at the top would reach into the corner markers' squares
            cv.line(x, y - 3 * mm, x, y - 1 * mm)
    cv.restoreState()


def _index(sheet: Sheet, overview: Prepared, poster: Prepared, placed) -> None:
    """The tiles drawn over the overview's map, numbered, so the sheets find their place."""
    f = overview.lay.frame  # clipped to the frame: the panel and the corners stay clear
    k = 1 / poster.lay.scale  # poster points -> overview points
    cv = sheet.c
    cv.saveState()
    cv.setStrokeColor("#1d2125")
    cv.setLineWidth(0.8)
    cv.setDash(4, 2)
    for number, (_, _, rect) in enumerate(placed, 1):
        x0, y0 = max(rect.x * k, f.x), max(rect.y * k, f.y)
        x1, y1 = min((rect.x + rect.w) * k, f.x + f.w), min((rect.y + rect.h) * k, f.y + f.h)
        cv.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
        halo(sheet, x0 + 4 * mm, y1 - 7 * mm, str(number), "bold", 14, "#1d2125")
    cv.restoreState()

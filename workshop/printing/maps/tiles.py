"""A poster-size map on A4 sheets: an overview page (the whole map on A4, with the QR code and
the tile index), then the poster cut into overlapping A4 tiles to tape together.

The poster is drawn once, as a PDF form, and each tile shows its piece of it (so 16 tiles cost
one drawing). The QR code is on the overview only: a code cut across two tiles would scan on
neither.
"""

from __future__ import annotations

import math

from reportlab.lib.units import mm

from workshop.printing import qr
from workshop.printing.maps import panel
from workshop.printing.maps.content import MapContent, Prepared
from workshop.printing.maps.draw import halo
from workshop.printing.maps.page import draw_page, prepare
from workshop.printing.sheet import Rect, Sheet

TILE_MARGIN = 10 * mm  # what an office printer leaves blank
OVERLAP = 10 * mm
A4 = (210 * mm, 297 * mm)
LABEL_ROOM = 7 * mm  # round the map frame: the grid's letters and numbers (A4 points)


def tile_grid(poster: tuple[float, float]) -> tuple[tuple[float, float], int, int]:
    """The A4 page (portrait or landscape, whichever needs fewer sheets) and columns, rows."""
    best = None
    for page in (A4, (A4[1], A4[0])):
        rw, rh = page[0] - 2 * TILE_MARGIN, page[1] - 2 * TILE_MARGIN
        cols = max(1, math.ceil((poster[0] - OVERLAP) / (rw - OVERLAP)))
        rows = max(1, math.ceil((poster[1] - OVERLAP) / (rh - OVERLAP)))
        if best is None or cols * rows < best[1] * best[2]:
            best = (page, cols, rows)
    assert best is not None
    return best


def draw_tiled(sheet: Sheet, c: MapContent, paper: str, code: qr.QrCode | None) -> None:
    prep = prepare(sheet, c, paper)
    big = prep.lay.paper_size
    page_size, cols, rows = tile_grid(big)
    rw, rh = page_size[0] - 2 * TILE_MARGIN, page_size[1] - 2 * TILE_MARGIN
    drawn = _draw_poster(sheet, c, prep, big)
    tiles = [
        (row, col, _tile_rect(big, row, col, rw, rh))
        for row in range(rows)
        for col in range(cols)
        if any(_own_part(big, row, col, rw, rh).overlaps(d) for d in drawn)
    ]
    key_pages = panel.page_count(sheet, c, prep, code) - 1
    pages = 1 + key_pages + len(tiles)
    overview = Prepared(
        prep.lay.__class__(**{**prep.lay.__dict__, "scale": 1.0}),
        prep.proj,
        prep.projected,
        prep.labels,
        prep.key,
    )
    sheet.c.setPageSize(overview.lay.paper_size)
    start = draw_page(sheet, c, overview, code, 0, 1, pages)
    _index(sheet, overview, big, tiles)
    page = 1
    while start < len(prep.key):
        sheet.next_page()
        page += 1
        start = panel.draw_key_page(sheet, c, overview, start, page, pages)

    muted = sheet.template.colour("colours", "muted")
    for number, (row, col, rect) in enumerate(tiles, 1):
        sheet.next_page()
        page += 1
        sheet.c.setPageSize(page_size)
        cv = sheet.c
        cv.saveState()
        p = cv.beginPath()
        p.rect(TILE_MARGIN, TILE_MARGIN, rw, rh)
        cv.clipPath(p, stroke=0, fill=0)
        cv.translate(TILE_MARGIN - rect.x, TILE_MARGIN - rect.y)
        cv.doForm("wk-poster")
        cv.restoreState()
        _marks(sheet, rw, rh, col < cols - 1, row < rows - 1)
        caption = sheet.t("tile", tile=number, tiles=len(tiles), row=row + 1, col=col + 1)
        sheet.text(
            TILE_MARGIN,
            TILE_MARGIN - 5 * mm,
            f"{c.name} · {caption} · {sheet.t('page', page=page, pages=pages)}",
            "regular",
            7,
            muted,
        )


def _draw_poster(sheet: Sheet, c: MapContent, prep, big: tuple[float, float]) -> list[Rect]:
    """Draw the poster once, as a form the tiles show pieces of; returns what it covers (the
    map frame with its grid labels, and every block the panel drew), in poster points, so
    that a sheet with nothing on it (the poster's blank margins) is not printed."""
    boxes, sheet.result.boxes = sheet.result.boxes, []
    sheet.c.beginForm("wk-poster", 0, 0, big[0], big[1])
    draw_page(sheet, c, prep, None, len(prep.key), 0, 0)  # 0: no page number of its own
    sheet.c.endForm()
    drawn = [rect for _, _, rect in sheet.result.boxes]
    sheet.result.boxes = boxes
    f, s = prep.lay.frame, prep.lay.scale
    drawn.append(
        Rect(
            (f.x - LABEL_ROOM) * s,
            (f.y - LABEL_ROOM) * s,
            (f.w + 2 * LABEL_ROOM) * s,
            (f.h + 2 * LABEL_ROOM) * s,
        )
    )
    return drawn


def _tile_rect(big: tuple[float, float], row: int, col: int, rw: float, rh: float) -> Rect:
    """The part of the poster a tile shows, in poster points (row 0 at the top)."""
    return Rect(col * (rw - OVERLAP), big[1] - row * (rh - OVERLAP) - rh, rw, rh)


def _own_part(big: tuple[float, float], row: int, col: int, rw: float, rh: float) -> Rect:
    """What only this tile shows: its strip along the top and left edge is also on the tiles
    above and to the left, so a tile whose own part is blank is left out."""
    rect = _tile_rect(big, row, col, rw, rh)
    top, left = (OVERLAP if row else 0), (OVERLAP if col else 0)
    return Rect(rect.x + left, rect.y, rect.w - left, rect.h - top)


def _marks(sheet: Sheet, rw: float, rh: float, right: bool, below: bool) -> None:
    """Corner marks round the tile, and a dotted line where the next tile starts to overlap."""
    cv = sheet.c
    cv.saveState()
    cv.setStrokeColor("#7d858e")
    cv.setLineWidth(0.4)
    m = TILE_MARGIN
    for x, y in ((m, m), (m + rw, m), (m, m + rh), (m + rw, m + rh)):
        cv.line(x - 4 * mm if x == m else x + 1 * mm, y, x - 1 * mm if x == m else x + 4 * mm, y)
        cv.line(x, y - 4 * mm if y == m else y + 1 * mm, x, y - 1 * mm if y == m else y + 4 * mm)
    cv.setDash(1, 2)
    if right:
        cv.line(m + rw - OVERLAP, m, m + rw - OVERLAP, m + rh)
    if below:
        cv.line(m, m + OVERLAP, m + rw, m + OVERLAP)
    cv.restoreState()


def _index(
    sheet: Sheet, prep, big: tuple[float, float], tiles: list[tuple[int, int, Rect]]
) -> None:
    """The printed tiles drawn over the overview's map frame, numbered, so the sheets find
    their place."""
    page_w, page_h = prep.lay.page
    k = 1 / (big[0] / page_w)  # poster points -> overview points
    cv = sheet.c
    cv.saveState()
    cv.setStrokeColor("#1d2125")
    cv.setLineWidth(0.8)
    cv.setDash(4, 2)
    # Over the whole page, not just the map: the panel's sheets are taped on too.
    for number, (_, _, rect) in enumerate(tiles, 1):
        x, y = rect.x * k, rect.y * k
        x0, y0 = max(x, 0.0), max(y, 0.0)
        x1, y1 = min(x + rect.w * k, page_w), min(y + rect.h * k, page_h)
        cv.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
        halo(sheet, x0 + 4 * mm, y1 - 7 * mm, str(number), "bold", 14, "#1d2125")
    cv.restoreState()

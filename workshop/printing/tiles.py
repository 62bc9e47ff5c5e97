"""A poster-size map on A4 sheets: an overview page (the whole map on A4, with the QR code and
the tile index), then the poster cut into overlapping A4 tiles to tape together.

The poster is drawn once, as a PDF form, and each tile shows its piece of it (so 16 tiles cost
one drawing). The QR code is on the overview only: a code cut across two tiles would scan on
neither.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from workshop.printing import panel, qr
from workshop.printing.mapdraw import halo
from workshop.printing.sheet import Sheet

if TYPE_CHECKING:
    from workshop.printing.maps import MapContent

TILE_MARGIN = 10 * mm  # what an office printer leaves blank
OVERLAP = 10 * mm
A4 = (210 * mm, 297 * mm)


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
    from workshop.printing import maps

    prep = maps.prepare(sheet, c, paper)
    big = prep.lay.paper_size
    page_size, cols, rows = tile_grid(big)
    rw, rh = page_size[0] - 2 * TILE_MARGIN, page_size[1] - 2 * TILE_MARGIN
    key_pages = panel.page_count(sheet, c, prep, code) - 1
    pages = 1 + key_pages + cols * rows
    overview = maps.Prepared(prep.lay.__class__(**{**prep.lay.__dict__, "scale": 1.0}),
                             prep.proj, prep.projected, prep.labels, prep.key)
    sheet.c.setPageSize(overview.lay.paper_size)
    start = maps.draw_page(sheet, c, overview, code, 0, 1, pages)
    _index(sheet, overview, big, cols, rows, rw, rh)
    page = 1
    while start < len(prep.key):
        sheet.next_page()
        page += 1
        start = panel.draw_key_page(sheet, c, overview, start, page, pages)

    sheet.next_page()
    sheet.recording = False
    sheet.c.beginForm("wk-poster", 0, 0, big[0], big[1])
    maps.draw_page(sheet, c, prep, None, len(prep.key), 1, 1)
    sheet.c.endForm()
    sheet.recording = True
    muted = sheet.template.colour("colours", "muted")
    for row in range(rows):
        for col in range(cols):
            if row or col:
                sheet.next_page()
            page += 1
            sheet.c.setPageSize(page_size)
            x0 = col * (rw - OVERLAP)
            y0 = big[1] - row * (rh - OVERLAP) - rh
            cv = sheet.c
            cv.saveState()
            p = cv.beginPath()
            p.rect(TILE_MARGIN, TILE_MARGIN, rw, rh)
            cv.clipPath(p, stroke=0, fill=0)
            cv.translate(TILE_MARGIN - x0, TILE_MARGIN - y0)
            cv.doForm("wk-poster")
            cv.restoreState()
            _marks(sheet, rw, rh, col < cols - 1, row < rows - 1)
            caption = sheet.t("tile", tile=row * cols + col + 1, tiles=rows * cols, row=row + 1,
                              col=col + 1)
            sheet.text(TILE_MARGIN, TILE_MARGIN - 5 * mm,
                       f"{c.name} · {caption} · {sheet.t('page', page=page, pages=pages)}",
                       "regular", 7, muted)


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


def _index(sheet: Sheet, prep, big: tuple[float, float], cols: int, rows: int, rw: float,
           rh: float) -> None:
    """The tiles drawn over the overview's map frame, numbered, so the sheets find their place."""
    frame = prep.lay.frame
    k = 1 / (big[0] / prep.lay.page[0])  # poster points -> overview points
    cv = sheet.c
    cv.saveState()
    p = cv.beginPath()
    p.rect(frame.x, frame.y, frame.w, frame.h)
    cv.clipPath(p, stroke=0, fill=0)
    cv.setStrokeColor("#1d2125")
    cv.setLineWidth(0.8)
    cv.setDash(4, 2)
    for row in range(rows):
        for col in range(cols):
            x = col * (rw - OVERLAP) * k
            y = (big[1] - row * (rh - OVERLAP) - rh) * k
            cv.rect(x, y, rw * k, rh * k, stroke=1, fill=0)
            number = str(row * cols + col + 1)
            cx = max(x + 6 * mm, frame.x + 6 * mm)
            cy = min(y + rh * k - 9 * mm, frame.y + frame.h - 9 * mm)
            halo(sheet, cx, cy, number, "bold", 14, "#1d2125")
    cv.restoreState()

"""Every printed map sheet (a poster, a tile, a tiled poster's overview) as `workshop scan`
finds it again: its print record, stored in the print's write transaction as the sheet is
drawn, its four corner markers drawn where the record says, and the sheet's QR code naming it.

The corner markers are drawn in the layout's corner squares (`frame.corner_squares`, A4
points scaled to the paper), so they grow with the paper as everything else on a map page
does. A file that can only be read gets its sheets printed all the same, without record,
markers or sheet code: they could not be scanned back (the print says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportlab.lib.units import mm

from workshop.file.store import Store
from workshop.file.writer import Writer
from workshop.paper import record, sheetmarks
from workshop.paper.markers import FIDUCIALS
from workshop.paper.record import PrintRecord
from workshop.printing import qr
from workshop.printing.maps.content import MapContent
from workshop.printing.maps.frame import MARK_INSET, MARK_SIDE, MapLayout
from workshop.printing.sheet import Rect, Sheet
from workshop.printing.stickers import draw_marker

MM = 72 / 25.4  # points per millimetre


@dataclass
class Records:
    """The print records of one print run. Without a writer (a read-only file) nothing is
    stored, and the sheets get no markers and no sheet code."""

    store: Store
    writer: Writer | None
    kind: str  # "base" or "result"
    stored: list[PrintRecord] = field(default_factory=list)

    def add(self, rec: PrintRecord, scale: float) -> PrintRecord | None:
        """Store the sheet's record, its corner markers `scale` times their A4 size."""
        if self.writer is None:
            return None
        code = record.next_code(self.store)
        marks = sheetmarks.marks(
            code, *rec.page, side=MARK_SIDE * scale / mm, inset=MARK_INSET * scale / mm
        )
        stored = record.add(
            self.writer, self.store, replace(rec, kind=self.kind, marks=tuple(marks))
        )
        self.stored.append(stored)
        return stored

    def tag(self, rec: PrintRecord) -> str:
        return record.sheet_tag(self.store.neighbourhood()["id"], rec)


def page_record(c: MapContent, lay: MapLayout) -> PrintRecord:
    """A whole map on one sheet (the poster, or a tiled poster's overview)."""
    page = (lay.paper_size[0] / MM, lay.paper_size[1] / MM)
    f = lay.frame
    frame = record.page_rect(f.x, f.y, f.w, f.h, lay.page[1], lay.scale)
    return PrintRecord("base", lay.paper, page, frame, c.box, (c.grid.cols, c.grid.rows))


def tile_record(
    c: MapContent, lay: MapLayout, page: tuple[float, float], origin: tuple[float, float], tile: str
) -> PrintRecord:
    """A tile: the poster's whole frame in the tile sheet's millimetres (it reaches beyond
    the sheet); `origin` is where the poster's point (0, 0) lies on the tile, in points."""
    f, s = lay.frame, lay.scale
    x, y, w, h = f.x * s + origin[0], f.y * s + origin[1], f.w * s, f.h * s
    frame = record.page_rect(x, y, w, h, page[1])
    size = (page[0] / MM, page[1] / MM)
    return PrintRecord("base", lay.paper, size, frame, c.box, (c.grid.cols, c.grid.rows), tile=tile)


def sheet_payload(c: MapContent, paper: str) -> str:
    """A whole sheet's code, before its tag: `WIJK:MAP:A3` (QR alphanumerics)."""
    return f"WIJK:{'RESULT' if c.result else 'MAP'}:{paper.upper()}"


def sheet_code(records: Records, rec: PrintRecord | None, payload: str) -> qr.QrCode | None:
    if rec is None:
        return None
    return qr.encode(f"{payload}:{records.tag(rec)}", ("M", "Q"))


def draw_marks(sheet: Sheet, rec: PrintRecord | None, page_height: float) -> None:
    """The record's corner markers, in page points (not scaled), each on its white quiet zone."""
    if rec is None:
        return
    c = sheet.c
    for m in rec.marks:
        side = m.side * MM
        cell = side / FIDUCIALS.side
        x, y = m.x * MM, page_height - (m.y + m.side) * MM
        c.saveState()
        c.setFillColor("#ffffff")
        c.rect(x - cell, y - cell, side + 2 * cell, side + 2 * cell, stroke=0, fill=1)
        c.restoreState()
        draw_marker(c, FIDUCIALS.bits(m.id), x, y, cell)
        scale, sheet.scale = sheet.scale, 1.0
        sheet.block("fiducial", Rect(x - cell, y - cell, side + 2 * cell, side + 2 * cell))
        sheet.scale = scale

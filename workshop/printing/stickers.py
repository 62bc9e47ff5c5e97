"""`workshop print stickers FILE --count N`: numbered stickers for the poster, on a label sheet.

Each sticker carries a machine-readable marker (`workshop.paper.markers.STICKERS`, its id the
sticker's number) and the number in large digits, with the neighbourhood's name small beneath
it. Residents stick one on the poster where a place or an initiative is; a photo of the poster
gives back where each number is (`workshop scan`). The numbers are reserved in the file like
blank cards: taken from the file's counter in one write transaction, committed only once the
PDF is in place, so two print runs never share a number and a failed run burns none.

The label sheet is the template's `[stickers]` table (default: 65 labels of 38.1 x 21.2 mm on
A4, as Avery L7651 and its equivalents); a thin outline helps to cut plain paper.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.paper.markers import MAX_STICKER, STICKERS
from workshop.printing.colours import colour_of
from workshop.printing.sheet import PrintResult, Rect, Sheet, document_info, paper_size, render
from workshop.printing.templates import Template

QUIET = 1  # cells of white around a marker


def print_stickers(store: Store, path: Path, template: Template, *, count: int) -> PrintResult:
    """`count` stickers numbered on from the file's counter, reserved as the PDF is written."""
    first = store.neighbourhood()["next_sticker"]
    limit = MAX_STICKER - first + 1
    if not 1 <= count <= max(limit, 0):
        raise UserError("bad_count", count=count, limit=max(limit, 0))
    name = store.neighbourhood()["name"]
    written: Path | None = None
    try:
        with store.write() as w:
            first = store.conn.execute("SELECT next_sticker FROM neighbourhood").fetchone()[0]
            numbers = list(range(first, first + count))
            if numbers[-1] > MAX_STICKER:
                raise UserError("bad_count", count=count, limit=MAX_STICKER - first + 1)
            result = PrintResult(Path(path), numbers=numbers)
            layout = Layout.of(template)
            render(
                path,
                paper_size("A4"),
                template,
                store.lang,
                lambda sheet: _draw(sheet, layout, numbers, name),
                title=f"{name} – stickers",
                result=result,
                **document_info(store.neighbourhood(), "stickers"),
            )
            written = Path(path)
            w.update("neighbourhood", store.neighbourhood()["id"], {"next_sticker": first + count})
    except BaseException:
        if written is not None:  # the reservation did not commit: the PDF must not stay
            written.unlink(missing_ok=True)
        raise
    return result


class Layout:
    """Where the labels are on the sheet, in points from the top-left as label makers say."""

    def __init__(self, spec: dict) -> None:
        self.columns = int(spec.get("columns", 5))
        self.rows = int(spec.get("rows", 13))
        self.width = float(spec.get("width", 38.1)) * mm
        self.height = float(spec.get("height", 21.2)) * mm
        self.left = float(spec.get("left", 4.7)) * mm
        self.top = float(spec.get("top", 10.7)) * mm
        self.column_gap = float(spec.get("column_gap", 2.5)) * mm
        self.row_gap = float(spec.get("row_gap", 0.0)) * mm
        self.outline = bool(spec.get("outline", True))

    @staticmethod
    def of(template: Template) -> Layout:
        spec = template.data.get("stickers", {})
        return Layout(spec if isinstance(spec, dict) else {})

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def label(self, index: int, page_height: float) -> Rect:
        row, column = divmod(index % self.per_sheet, self.columns)
        x = self.left + column * (self.width + self.column_gap)
        top = self.top + row * (self.height + self.row_gap)
        return Rect(x, page_height - top - self.height, self.width, self.height)


def _draw(sheet: Sheet, layout: Layout, numbers: list[int], name: str) -> None:
    page_height = paper_size("A4")[1]
    for index, number in enumerate(numbers):
        if index and index % layout.per_sheet == 0:
            sheet.next_page()
        _sticker(sheet, layout.label(index, page_height), number, name, layout.outline)


def _sticker(sheet: Sheet, box: Rect, number: int, name: str, outline: bool) -> None:
    c = sheet.c
    if outline:
        c.setStrokeColor(colour_of("#c8c8c8"))
        c.setLineWidth(0.25)
        c.roundRect(box.x, box.y, box.w, box.h, 1.5 * mm, stroke=1, fill=0)
    pad = 1.2 * mm
    # The marker: as tall as the label allows, its quiet zone inside the label.
    cells = STICKERS.side + 2 * QUIET
    side = min(box.h - 2 * pad, box.w * 0.5)
    cell = side / cells
    mx, my = box.x + pad, box.y + (box.h - side) / 2
    draw_marker(c, STICKERS.bits(number), mx + QUIET * cell, my + QUIET * cell, cell)
    sheet.block("sticker-marker", Rect(mx, my, side, side))
    # The number, as large as fits beside it; the neighbourhood small beneath.
    left = mx + side + pad
    room = box.x + box.w - pad - left
    text = str(number)
    size = 30.0
    while size > 8 and sheet.fonts.width(text, "bold", size) > room:
        size -= 1
    centre = left + room / 2
    sheet.text(centre, box.y + box.h * 0.42, text, "bold", size, "#000000", "centre")
    small = sheet.fonts.fit(name, "regular", 5.5, room)
    sheet.text(centre, box.y + pad + 0.6 * mm, small, "regular", 5.5, "#333333", "centre")


def draw_marker(c, bits: tuple[tuple[bool, ...], ...], x: float, y: float, cell: float) -> None:
    """A marker with its black border at (x, y) bottom-left, `cell` points a cell, as vectors:
    one black square, and the white cells on it."""
    n = len(bits) + 2
    c.setFillColor(colour_of("#000000"))
    c.rect(x, y, n * cell, n * cell, stroke=0, fill=1)
    c.setFillColor(colour_of("#ffffff"))
    for r, row in enumerate(bits):
        k = 0
        while k < len(row):  # each run of white cells in a row as one rectangle: no seams
            if row[k]:
                k += 1
                continue
            end = k
            while end < len(row) and not row[end]:
                end += 1
            c.rect(
                x + (k + 1) * cell, y + (n - 2 - r) * cell, (end - k) * cell, cell, stroke=0, fill=1
            )
            k = end

"""What a printed sheet was, stored in the file when it is printed, so that a photo of the sheet
maps back to the ground: the print record.

One record per physical sheet (a base map, a result map, one tile of either): its paper, the
page's size, the corner markers as printed, where the map frame lies on the page, the extent
the frame shows and the grid. Lengths are millimetres from the page's top-left corner with y
downwards, as a photo is; the map's projection is the printed map's own (local
equirectangular: longitude and latitude are linear across the frame), so a point on the page
is a longitude and latitude without any other knowledge of the print.

A sheet names its record twice: its corner markers carry the record's sheet `code` (0..249,
handed out in turn, see `sheetmarks`), and its QR code carries `sheet_tag` (the
neighbourhood's and the record's short ids). The QR can be written over; three corners are
enough, and the newest record with their code is the sheet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace

from workshop.file.store import Store
from workshop.file.writer import Writer
from workshop.paper import sheetmarks
from workshop.paper.sheetmarks import Mark

KINDS = ("base", "result")
SHORT = 8  # hex digits of a UUID that name it on paper


@dataclass(frozen=True)
class PrintRecord:
    kind: str  # "base" (the poster residents draw on) or "result"
    paper: str  # "A4", "A3", "A1", ...
    page: tuple[float, float]  # width, height
    frame: tuple[float, float, float, float]  # x, y, w, h of the whole map on this sheet
    box: tuple[float, float, float, float] | None  # min_lat, min_lon, max_lat, max_lon
    grid: tuple[int, int]  # cols, rows
    marks: tuple[Mark, ...] = ()  # the corner markers as printed
    tile: str | None = None  # "R1C3" on a tile (its frame may reach beyond its page)
    code: int = 0  # the sheet code the corner markers carry
    id: str = ""  # the record's UUID, once stored
    created: str = field(default="", compare=False)

    @property
    def short(self) -> str:
        return self.id.replace("-", "")[:SHORT].upper()

    def inside(self, x: float, y: float) -> bool:
        """Whether the page point lies on the map (inside the frame, and on this sheet)."""
        fx, fy, fw, fh = self.frame
        on_page = 0 <= x <= self.page[0] and 0 <= y <= self.page[1]
        return on_page and fx <= x <= fx + fw and fy <= y <= fy + fh

    def lonlat(self, x: float, y: float) -> tuple[float, float] | None:
        """The longitude and latitude of a page point, or None for a map without an extent."""
        if self.box is None:
            return None
        min_lat, min_lon, max_lat, max_lon = self.box
        fx, fy, fw, fh = self.frame
        lon = min_lon + (x - fx) / fw * (max_lon - min_lon)
        lat = max_lat - (y - fy) / fh * (max_lat - min_lat)
        return lon, lat

    def cell(self, x: float, y: float) -> str | None:
        """The grid cell ("C4") of a page point on the map, else None."""
        if not self.inside(x, y):
            return None
        fx, fy, fw, fh = self.frame
        cols, rows = self.grid
        col = min(int((x - fx) / fw * cols), cols - 1)
        row = min(int((y - fy) / fh * rows), rows - 1)
        return f"{chr(ord('A') + col)}{row + 1}"

    def geometry(self) -> dict:
        return {
            "page": list(self.page),
            "frame": list(self.frame),
            "box": list(self.box) if self.box is not None else None,
            "grid": list(self.grid),
            "marks": [[m.id, m.corner, m.x, m.y, m.side] for m in self.marks],
            "projection": "equirectangular",
        }

    @classmethod
    def from_row(cls, row: dict) -> PrintRecord:
        g = row["geometry"]
        g = json.loads(g) if isinstance(g, str) else g
        return cls(
            kind=row["kind"],
            paper=row["paper"],
            page=tuple(g["page"]),  # type: ignore[arg-type]
            frame=tuple(g["frame"]),  # type: ignore[arg-type]
            box=tuple(g["box"]) if g["box"] is not None else None,  # type: ignore[arg-type]
            grid=tuple(g["grid"]),  # type: ignore[arg-type]
            marks=tuple(Mark(int(i), int(k), x, y, s) for i, k, x, y, s in g["marks"]),
            tile=row["tile"],
            code=row["code"],
            id=row["id"],
            created=row["created"],
        )


def page_rect(
    x: float, y: float, w: float, h: float, page_height: float, scale: float = 1.0
) -> tuple[float, float, float, float]:
    """A rectangle in reportlab's points (origin bottom-left, y up; times `scale` on the
    paper) as this module keeps it: millimetres from the top-left, y down."""
    per_mm = 72 / 25.4
    k = scale / per_mm
    return (x * k, page_height * scale / per_mm - (y + h) * k, w * k, h * k)


def next_code(store: Store) -> int:
    """The sheet code the next printed sheet gets: the codes are handed out in turn."""
    row = store.conn.execute(
        "SELECT code FROM print_record ORDER BY created DESC, rowid DESC LIMIT 1"
    ).fetchone()
    return 0 if row is None else (row[0] + 1) % sheetmarks.SHEET_CODES


def add(w: Writer, store: Store, record: PrintRecord) -> PrintRecord:
    """Store one printed sheet (inside the print's write transaction, which commits only when
    the PDF is in place). Its code is the next in turn and its corner markers are where
    `sheetmarks` puts them for that code, unless `record.marks` says otherwise. Never
    logged: undo does not take a print back."""
    code = next_code(store)
    marks = record.marks or tuple(sheetmarks.marks(code, *record.page))
    row = w.insert(
        "print_record",
        {
            "code": code,
            "kind": record.kind,
            "paper": record.paper,
            "tile": record.tile,
            "geometry": json.dumps(replace(record, marks=marks).geometry()),
        },
    )
    return replace(record, code=code, marks=marks, id=row["id"], created=row["created"])


def with_code(store: Store, code: int) -> PrintRecord | None:
    """The newest sheet printed with this code (an older one's code has come round again)."""
    rows = store.rows("print_record", "code = ?", [code], order="created DESC, rowid DESC")
    return PrintRecord.from_row(rows[0]) if rows else None


def by_short(store: Store, short: str) -> PrintRecord | None:
    short = short.replace("-", "").lower()
    if not re.fullmatch(f"[0-9a-f]{{{SHORT}}}", short):
        return None
    for row in store.rows("print_record", order="created DESC, rowid DESC"):
        if row["id"].replace("-", "").lower().startswith(short):
            return PrintRecord.from_row(row)
    return None


def sheet_tag(neighbourhood_id: str, record: PrintRecord) -> str:
    """What a sheet's QR code adds to name its neighbourhood and its record, in QR
    alphanumerics: `H1A2B3C4D:P5E6F7A8B`."""
    hood = neighbourhood_id.replace("-", "")[:SHORT].upper()
    return f"H{hood}:P{record.short}"


_HEX = f"([0-9A-Fa-f]{{{SHORT}}})"
_TAG = re.compile(f"(?:^|:)H{_HEX}:P{_HEX}(?::|$)")


def parse_sheet_tag(payload: str) -> tuple[str, str] | None:
    """(neighbourhood short id, record short id) from a sheet's QR payload, else None."""
    m = _TAG.search(payload.strip())
    return (m.group(1).upper(), m.group(2).upper()) if m else None


def neighbourhood_short(neighbourhood_id: str) -> str:
    return neighbourhood_id.replace("-", "")[:SHORT].upper()

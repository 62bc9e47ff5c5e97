"""A file with a printed A3 sheet on record, and photos of that sheet with stickers on it: what
the scan tests share (until the printed maps store their own records, the sheet is
`photos.poster` with a `PrintRecord` stored as a print stores it)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from tests.paper.photos import Pasted, Shot, photograph, poster, render
from workshop.file.store import Store
from workshop.paper import record
from workshop.paper.record import PrintRecord

A3 = (297.0, 420.0)
FRAME = (25.0, 25.0, 247.0, 370.0)  # the map on the sheet (the poster's grid lines)
BOX = (52.0, 5.0, 52.01, 5.02)  # min_lat, min_lon, max_lat, max_lon
GRID = (6, 8)
PX_PER_MM = 6.0  # the page rendered at about 150 dpi before it is photographed


def printed_sheet(store: Store, **kw) -> PrintRecord:
    """An A3 base map sheet stored as printing it stores it."""
    values: dict = dict(kind="base", paper="A3", page=A3, frame=FRAME, box=BOX, grid=GRID)
    values.update(kw)
    with store.write() as w:
        return record.add(w, store, PrintRecord(**values))


def sheet_tag_payload(store: Store, sheet: PrintRecord) -> str:
    return "WIJK:MAP:A3:" + record.sheet_tag(store.neighbourhood()["id"], sheet)


def page_of(
    store: Store, sheet: PrintRecord, stickers: list[Pasted], folder: Path, *, qr: str | None = ""
) -> np.ndarray:
    """The sheet with its stickers, rendered; `qr` "" is the sheet's own tag, None none."""
    pdf = folder / f"sheet-{sheet.short}-{len(stickers)}.pdf"
    payload = sheet_tag_payload(store, sheet) if qr == "" else qr
    poster(pdf, sheet.code, sheet.page, stickers, marks=sheet.marks, qr=payload)
    return render(pdf, PX_PER_MM)


def photo_file(page: np.ndarray, path: Path, shot: Shot | None = None, seed: int = 0) -> Path:
    """A phone photo of the page, saved as the phone saves it (JPEG unless `path` says)."""
    photo, _ = photograph(page, PX_PER_MM, shot or Shot(), seed=seed)
    assert cv2.imwrite(str(path), photo, [cv2.IMWRITE_JPEG_QUALITY, 92])
    return path


def where(sheet: PrintRecord, s: Pasted) -> tuple[tuple[float, float], str]:
    """Where a sticker stuck at `s` is on the ground: (lon, lat) and cell."""
    lonlat = sheet.lonlat(s.x, s.y)
    cell = sheet.cell(s.x, s.y)
    assert lonlat is not None and cell is not None
    return lonlat, cell


def mm_apart(sheet: PrintRecord, a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two (lon, lat) points are on the sheet, in millimetres."""
    assert sheet.box is not None
    min_lat, min_lon, max_lat, max_lon = sheet.box
    dx = (a[0] - b[0]) / (max_lon - min_lon) * sheet.frame[2]
    dy = (a[1] - b[1]) / (max_lat - min_lat) * sheet.frame[3]
    return float(np.hypot(dx, dy))


def sixty_stickers_poster(
    path: Path, folder: Path
) -> tuple[Store, PrintRecord, list[Pasted], np.ndarray]:
    """A file at `path` with 60 printed stickers, each on a place of its own, and its A3 sheet
    rendered with those stickers stuck over it in a 6 x 10 lattice, any turn (the benchmarks'
    poster)."""
    from workshop.capture.record import record as capture

    rng = np.random.default_rng(60)
    stickers = [
        Pasted(1 + 10 * col + row, 45 + 42 * col, 45 + 34 * row, float(rng.uniform(0, 360)))
        for col in range(6)
        for row in range(10)
    ]
    store = Store.create(path, name="Kersenbuurt")
    with store.write() as w:
        w.keep_stickers_from(61)
    sheet = printed_sheet(store)
    capture(store, [f'p "Plek {s.number}" sticker:{s.number}' for s in stickers])
    return store, sheet, stickers, page_of(store, sheet, stickers, folder)

"""Synthetic photos of printed sheets, as a phone takes them on a table: the page rendered from
a real PDF, then turned, tilted in perspective, scaled into a 12-megapixel frame, lit
unevenly, blurred, with sensor noise and JPEG compression, optionally with a corner covered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from workshop.paper import sheetmarks
from workshop.paper.markers import FIDUCIALS, STICKERS
from workshop.printing import qr as qrcodes
from workshop.printing.stickers import QUIET, draw_marker

FRAME = (4000, 3000)  # 12 MP


@dataclass(frozen=True)
class Pasted:
    number: int
    x: float  # the sticker marker's centre, mm from the page's top-left
    y: float
    turn: float  # degrees


QR_SPOT = (22.0, 1.5)  # side (quiet zone included) and top of the sheet QR, centred at the top


def poster(
    path: Path,
    code: int,
    size_mm: tuple[float, float],
    stickers: list[Pasted],
    *,
    marks: list[sheetmarks.Mark] | tuple[sheetmarks.Mark, ...] | None = None,
    qr: str | None = None,
) -> None:
    """A sheet with its four corner markers (where `marks` says, else where `sheetmarks`
    puts them for `code`), a grid standing in for the map, a sheet QR code with payload `qr`
    in the top margin, and stickers stuck on it (each a sticker's marker with its white quiet
    zone, turned as a hand puts it)."""
    width, height = size_mm
    c = Canvas(str(path), pagesize=(width * mm, height * mm))
    c.setStrokeGray(0.55)
    c.setLineWidth(0.6)
    for x in range(30, int(width) - 20, 40):
        c.line(x * mm, 25 * mm, x * mm, (height - 25) * mm)
    for y in range(30, int(height) - 20, 40):
        c.line(25 * mm, y * mm, (width - 25) * mm, y * mm)
    if qr is not None:
        side, top = QR_SPOT
        encoded = qrcodes.encode(qr)
        assert encoded is not None
        qrcodes.draw(c, encoded, (width - side) / 2 * mm, (height - top - side) * mm, side * mm)
    for mark in marks or sheetmarks.marks(code, width, height):
        cell = mark.side * mm / FIDUCIALS.side
        bottom = (height - mark.y - mark.side) * mm
        c.setFillGray(1)
        c.rect(
            (mark.x * mm) - cell,
            bottom - cell,
            mark.side * mm + 2 * cell,
            mark.side * mm + 2 * cell,
            0,
            1,
        )
        draw_marker(c, FIDUCIALS.bits(mark.id), mark.x * mm, bottom, cell)
    draw_stickers(c, stickers, height * mm)
    c.showPage()
    c.save()


def draw_stickers(c: Canvas, stickers: list[Pasted], page_height: float) -> None:
    """Stickers stuck on a page of `page_height` points: each a sticker's marker on its white
    label (the number's part cut off), turned as a hand puts it."""
    side = 14.0 * mm  # a sticker marker as printed (with border), as on the default sheet
    cell = side / STICKERS.side
    for s in stickers:
        c.saveState()
        c.translate(s.x * mm, page_height - s.y * mm)
        c.rotate(s.turn)
        c.setFillGray(1)
        pad = QUIET * cell + 1.2 * mm
        c.roundRect(-side / 2 - pad, -side / 2 - pad, side + 2 * pad, side + 2 * pad, 2 * mm, 0, 1)
        draw_marker(c, STICKERS.bits(s.number), -side / 2, -side / 2, cell)
        c.restoreState()


def render(path: Path, px_per_mm: float) -> np.ndarray:
    document = pypdfium2.PdfDocument(str(path))
    try:
        image = document[0].render(scale=px_per_mm * 25.4 / 72).to_pil().convert("L")
    finally:
        document.close()
    return np.asarray(image)


@dataclass(frozen=True)
class Shot:
    turn: float = 0.0  # degrees
    tilt: float = 0.0  # degrees of perspective, about the horizontal axis
    fill: float = 0.6  # of the frame's area the sheet covers (0.4-0.9)
    blur: float = 1.0  # Gaussian sigma, px
    quality: int = 60  # JPEG
    cover: int | None = None  # a corner marker covered (a hand, a cup)
    cover_qr: bool = False  # the sheet QR written over (scribbled on, a sticker on it)


def photograph(page: np.ndarray, px_per_mm: float, shot: Shot, seed: int = 0):
    """The photo, and the homography that took page millimetres to photo pixels (truth)."""
    import cv2

    rng = np.random.default_rng(seed)
    h, w = page.shape
    if shot.cover is not None:
        page = page.copy()
        mark = sheetmarks.marks(0, w / px_per_mm, h / px_per_mm)[shot.cover]
        x0, y0 = int((mark.x - 3) * px_per_mm), int((mark.y - 3) * px_per_mm)
        size = int((mark.side + 6) * px_per_mm)
        page[y0 : y0 + size, x0 : x0 + size] = 60  # a dark thumb over it
    if shot.cover_qr:
        page = page.copy()
        side, top = QR_SPOT
        x0, y0 = int((w / px_per_mm - side) / 2 * px_per_mm), int(top * px_per_mm)
        size = int(side * px_per_mm)
        page[y0 + size // 3 : y0 + 2 * size // 3, x0 : x0 + size] = 30  # a thick felt-pen bar
    fw, fh = FRAME
    scale = np.sqrt(shot.fill * fw * fh / (w * h))  # the sheet covers `fill` of the frame
    half_w, half_h = w * scale / 2, h * scale / 2
    # Tilted about its horizontal axis: the far edge looks narrower and the sheet shorter.
    far = 1 - 0.5 * np.sin(np.radians(abs(shot.tilt)))
    depth = np.cos(np.radians(shot.tilt))
    top, bottom = (far, 1.0) if shot.tilt >= 0 else (1.0, far)
    corners = np.float32(
        [
            [-half_w * top, -half_h * depth],
            [half_w * top, -half_h * depth],
            [half_w * bottom, half_h * depth],
            [-half_w * bottom, half_h * depth],
        ]
    )
    a = np.radians(shot.turn)
    rotation = np.float32([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    target = corners @ rotation.T + np.float32([fw / 2, fh / 2])
    source = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    inside = (target >= 0).all() and (target[:, 0] < fw).all() and (target[:, 1] < fh).all()
    assert inside, f"{shot} does not fit the frame: choose a turn that lays the sheet along it"
    homography = cv2.getPerspectiveTransform(source, target)
    photo = cv2.warpPerspective(page, homography, FRAME, borderValue=70, flags=cv2.INTER_AREA)
    gradient = np.linspace(0.6, 1.0, fw)[None, :] * np.linspace(1.0, 0.8, fh)[:, None]
    photo = np.clip(photo * gradient + rng.normal(0, 3, photo.shape), 0, 255).astype(np.uint8)
    if shot.blur:
        photo = cv2.GaussianBlur(photo, (0, 0), shot.blur)
    ok, jpeg = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, shot.quality])
    assert ok
    to_photo = homography @ np.diag([px_per_mm, px_per_mm, 1.0])
    return cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE), to_photo

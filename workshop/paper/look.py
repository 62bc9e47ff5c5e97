"""What one photo shows: the findings of each finder, in one list per kind.

`look(image, photo, context)` runs every finder in `FINDERS` over a photo and returns its
`Findings`: the sheets found (each with its print record), the stickers placed on them (page
millimetres, longitude and latitude, grid cell), and the problems that make the photo
unusable (a sheet of another neighbourhood, one the file has no print record of, no sheet at
all). A problem is a `UserError`: the scan then writes nothing and says that one line. A finder
is a function `(image, findings, context) -> None` that adds to the findings; other paper
(photographed cards) comes in as another finder.

A sheet is found from its corner markers (three of four are enough), its print record looked
up by the sheet code they carry; its QR code, read from the rectified sheet, confirms the
neighbourhood and names the record exactly (a code comes round again after 250 prints). A QR
written over is no problem: the corners alone are the sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from workshop.file.store import Store
from workshop.i18n import Phrase, UserError
from workshop.paper import (
    detect,
    messages,  # noqa: F401  (registers the scan's messages)
    record,
    rectify,
)
from workshop.paper.markers import FIDUCIALS, STICKERS
from workshop.paper.record import PrintRecord

if TYPE_CHECKING:
    from workshop.paper.cards import CardShot

QR_PX_PER_MM = (3.0, 6.0)  # the rectified sheet the QR is read from: at the photo's own
# resolution, within these bounds (finer gains nothing; coarser loses the modules)
MIN_QR_MM = 12.0  # a strip beside the map narrower than this holds no sheet QR code


@dataclass(frozen=True)
class SheetSeen:
    photo: str
    record: PrintRecord
    sheet: rectify.Sheet
    tagged: bool  # its QR code was read and named this record


@dataclass(frozen=True)
class StickerSeen:
    number: int
    photo: str
    record: PrintRecord | None  # None: on no sheet of the photo
    page: tuple[float, float] | None  # the marker's centre, mm from the page's top-left
    lonlat: tuple[float, float] | None  # None: beside the map, or a map without an extent
    cell: str | None  # None: beside the map (on its panel or margin)

    @property
    def on_map(self) -> bool:
        return self.cell is not None


@dataclass
class Findings:
    photo: str
    sheets: list[SheetSeen] = field(default_factory=list)
    stickers: list[StickerSeen] = field(default_factory=list)
    problems: list[UserError] = field(default_factory=list)
    cards: list[CardShot] = field(default_factory=list)  # initiative cards, handwriting kept
    corners_seen: int = 0  # the most corners of one sheet seen, when none was enough

    @property
    def found(self) -> bool:
        """Whether the photo showed any paper of ours."""
        return bool(self.sheets or self.cards)


@dataclass(frozen=True)
class Context:
    """What a finder knows of the file."""

    store: Store
    neighbourhood: str  # the neighbourhood's short id, as a sheet's QR names it
    name: str
    file: str

    @classmethod
    def of(cls, store: Store) -> Context:
        hood = store.neighbourhood()
        return cls(store, record.neighbourhood_short(hood["id"]), hood["name"], str(store.path))


Finder = Callable[[np.ndarray, Findings, Context], None]


def look(image: np.ndarray, photo: str, context: Context) -> Findings:
    findings = Findings(photo)
    for finder in FINDERS:
        finder(image, findings, context)
    if not findings.found and not findings.problems:
        if findings.corners_seen:
            findings.problems.append(
                UserError("scan_too_few_corners", photo=photo, seen=findings.corners_seen)
            )
        else:
            findings.problems.append(UserError("scan_no_sheet", photo=photo))
    return findings


def find_sheets(image: np.ndarray, findings: Findings, context: Context) -> None:
    """The map sheets of a photo and the stickers on them."""
    marks, stickers = detect.find_sheet_and_stickers(image, FIDUCIALS, STICKERS)
    groups = rectify.by_sheet(marks)
    for code, corners in sorted(groups.items()):
        if len(corners) < rectify.MIN_CORNERS:
            findings.corners_seen = max(findings.corners_seen, len(corners))
            continue
        seen = _sheet(image, code, corners, findings.photo, context)
        if isinstance(seen, UserError):
            findings.problems.append(seen)
        elif seen is not None:
            findings.sheets.append(_squared(seen, corners, stickers))
    for sticker in stickers:
        findings.stickers.append(_place(sticker, findings))


def _sheet(
    image: np.ndarray,
    code: int,
    corners: dict[int, detect.Found],
    photo: str,
    context: Context,
) -> SheetSeen | UserError | None:
    printed = record.with_code(context.store, code)
    if printed is None:
        # No print of ours has this code: the QR (read from the whole photo) may say whose
        # sheet it is.
        tag = _tag(image)
        if tag is not None and tag[0] != context.neighbourhood:
            return _other(photo, tag, context)
        which = f"P{tag[1]}" if tag else Phrase("scan_sheet_code", code=code)
        return UserError("scan_unknown_sheet", photo=photo, sheet=which, file=context.file)
    sheet = rectify.fit(code, corners, printed.marks)
    if sheet is None:
        return None
    tag = _sheet_tag(image, sheet, printed)
    if tag is None:
        return SheetSeen(photo, printed, sheet, tagged=False)
    if tag[0] != context.neighbourhood:
        return _other(photo, tag, context)
    if tag[1] != printed.short:
        named = record.by_short(context.store, tag[1])
        if named is None or named.code != code:
            return UserError(
                "scan_unknown_sheet", photo=photo, sheet=f"P{tag[1]}", file=context.file
            )
        printed = named
        sheet = rectify.fit(code, corners, printed.marks) or sheet
    return SheetSeen(photo, printed, sheet, tagged=True)


def _squared(
    seen: SheetSeen, corners: dict[int, detect.Found], stickers: list[detect.Found]
) -> SheetSeen:
    """With a corner covered, the stickers on the sheet (each a square on paper) hold its
    perspective too (`rectify.with_squares`)."""
    if len(seen.sheet.corners_seen) == len(seen.record.marks):
        return seen
    width, height = seen.record.page
    on = [
        s.corners
        for s in stickers
        if 0 <= seen.sheet.to_page(*s.centre)[0] <= width
        and 0 <= seen.sheet.to_page(*s.centre)[1] <= height
    ]
    sheet = rectify.with_squares(seen.sheet, corners, seen.record.marks, on)
    return replace(seen, sheet=sheet)


def _other(photo: str, tag: tuple[str, str], context: Context) -> UserError:
    return UserError(
        "scan_other_neighbourhood",
        photo=photo,
        other=tag[0],
        name=context.name,
        ours=context.neighbourhood,
    )


def _sheet_tag(
    image: np.ndarray, sheet: rectify.Sheet, printed: PrintRecord
) -> tuple[str, str] | None:
    """The sheet's QR tag, read beside the map only (a sheet's QR code never lies over the
    map): the strips of the page around the frame, straightened at about the photo's own
    resolution, laid one under the other into one image, read in one go (OpenCV's QR reader
    costs about the same per call whatever the size of a small image)."""
    import cv2

    to_photo = np.linalg.inv(sheet.homography)
    width, height = printed.page
    # photo pixels per page millimetre, along the page's diagonal
    ends = cv2.perspectiveTransform(np.array([[[0, 0]], [[width, height]]], np.float32), to_photo)
    px_per_mm = float(np.linalg.norm(ends[1] - ends[0])) / float(np.hypot(width, height))
    k = float(np.clip(px_per_mm, *QR_PX_PER_MM))
    strips = []
    for x, y, w, h in _beside_map(printed):
        to_strip = np.array([[k, 0, -x * k], [0, k, -y * k], [0, 0, 1]]) @ sheet.homography
        size = (int(w * k), int(h * k))
        strip = cv2.warpPerspective(image, to_strip, size, flags=cv2.INTER_AREA, borderValue=255)
        strips.append(strip if size[0] >= size[1] else cv2.rotate(strip, cv2.ROTATE_90_CLOCKWISE))
    if not strips:
        return None
    wide = max(s.shape[1] for s in strips)
    gap = np.full((int(4 * k), wide), 255, np.uint8)
    rows = [np.pad(s, ((0, 0), (0, wide - s.shape[1])), constant_values=255) for s in strips]
    mosaic = np.vstack([part for row in rows for part in (row, gap)])
    tag = _tag(mosaic)
    if tag is None:  # a blurred code: its modules sharpened, then larger
        soft = cv2.GaussianBlur(mosaic, (0, 0), 2.0)
        tag = _tag(cv2.addWeighted(mosaic, 2.0, soft, -1.0, 0))
    if tag is None and k < 2 * QR_PX_PER_MM[1]:
        tag = _tag(cv2.resize(mosaic, None, fx=1.6, fy=1.6, interpolation=cv2.INTER_CUBIC))
    return tag


def _beside_map(printed: PrintRecord) -> list[tuple[float, float, float, float]]:
    """The page's strips outside the map frame wide enough for a QR code, widest first."""
    width, height = printed.page
    fx, fy, fw, fh = printed.frame
    left, top = max(fx, 0.0), max(fy, 0.0)
    right, bottom = min(fx + fw, width), min(fy + fh, height)
    strips = [
        (0.0, 0.0, left, height),
        (right, 0.0, width - right, height),
        (0.0, 0.0, width, top),
        (0.0, bottom, width, height - bottom),
    ]
    wide = [s for s in strips if min(s[2], s[3]) >= MIN_QR_MM]
    return sorted(wide, key=lambda s: -min(s[2], s[3]))


def _tag(image: np.ndarray) -> tuple[str, str] | None:
    """(neighbourhood, record) from the sheet QR code in the image, else None."""
    import cv2

    for reader in (cv2.QRCodeDetector, cv2.QRCodeDetectorAruco):  # each reads what the other misses
        try:
            payload, _, _ = reader().detectAndDecode(image)
        except cv2.error:
            continue
        tag = record.parse_sheet_tag(payload or "")
        if tag is not None:
            return tag
    return None


def _place(sticker: detect.Found, findings: Findings) -> StickerSeen:
    """Where a sticker is: on which sheet, and there on the map or beside it."""
    for seen in findings.sheets:
        x, y = seen.sheet.to_page(*sticker.centre)
        width, height = seen.record.page
        if 0 <= x <= width and 0 <= y <= height:
            cell = seen.record.cell(x, y)
            lonlat = seen.record.lonlat(x, y) if cell is not None else None
            return StickerSeen(sticker.id, findings.photo, seen.record, (x, y), lonlat, cell)
    return StickerSeen(sticker.id, findings.photo, None, None, None, None)


def find_card_photos(image: np.ndarray, findings: Findings, context: Context) -> None:
    """The initiative cards in a photo (several may lie on the table), each straightened, its
    number read from its QR code and its handwriting kept (`workshop.paper.cards`). A sticker
    in a photo of cards and no map lies on the table, not on a poster: it is not said."""
    from workshop.paper.cards import find_cards

    findings.cards.extend(find_cards(image))
    if findings.cards and not findings.sheets:
        findings.stickers = [s for s in findings.stickers if s.record is not None]


FINDERS: list[Finder] = [find_sheets, find_card_photos]

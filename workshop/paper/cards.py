"""Photos of initiative cards: each card found from its corner markers, rectified, its QR code
read, and its handwriting kept as a compact image.

`find_cards(image)` takes one photo (grey or colour, as OpenCV reads it; several cards may lie
on the table) and returns a `CardShot` per card with at least three of its four corner markers
visible (`cardmarks`): the homography from those markers' 12 or 16 sub-pixel corners maps the
photo onto the card, which is warped to `PX_PER_MM` (about 200 dpi), its lighting evened out
(the paper white, the ink dark), its QR code read with OpenCV's QR decoder and resolved to a
card number by the capture line's own lookup (what a USB scanner typing the code would find).
The card is kept whole (header, written fields, QR), grey, as a JPEG of at most `MAX_BYTES`.

A card whose QR code cannot be read (written over, covered) comes back with `number` None: its
markers only say the number modulo 62, and a guess would attach a resident's handwriting to
another initiative. Storing a shot is `cardstore.attach`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from workshop.capture import grammar
from workshop.i18n import UserError
from workshop.paper import cardmarks, detect
from workshop.paper.detect import Found
from workshop.paper.markers import CARDS

PX_PER_MM = 8.0  # the rectified card: 840 x 1184 pixels
MAX_BYTES = 200 * 1024  # = cardstore.MAX_BYTES
MIN_CORNERS = 3
MAX_ERROR_MM = 1.5  # markers that do not agree this well are not one card
# Where either card's QR code lies (a blank card's 22 mm, a filled card's 26 mm), with room.
QR_AREA_MM = (64.0, 100.0, 104.0, 138.0)  # left, top, right, bottom
DETECT_MAX_SIDE = 2000  # markers are looked for in a photo no larger than this (a 12 MP photo
# at half size still gives a 7.5 mm marker some 35 pixels)


@dataclass(frozen=True)
class CardShot:
    number: int | None  # None: the QR code could not be read
    image: bytes  # the rectified card
    mime: str
    width: int
    height: int
    corners: tuple[int, ...]  # the corner markers used (0 top-left, clockwise)
    payload: str = ""  # what the QR code said
    error_mm: float = 0.0  # how well the markers agreed


def find_cards(image: np.ndarray) -> list[CardShot]:
    """Every card in the photo with three or four corner markers visible, left to right."""
    import cv2

    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    found = _markers(grey)
    shots = []
    for group in _cards(found):
        located = _homography(group)
        if located is None:
            continue
        homography, error = located
        card = _rectify(grey, homography)
        payload, number = read_number(card, cardmarks.card_of(group[0].id)[0])
        data, width, height = encode(_even_light(card))
        corners = tuple(sorted(cardmarks.card_of(m.id)[1] for m in group))
        centre = float(np.mean([m.centre[0] for m in group]))
        shots.append(
            (centre, CardShot(number, data, "image/jpeg", width, height, corners, payload, error))
        )
    return [shot for _, shot in sorted(shots, key=lambda item: item[0])]


def _markers(grey: np.ndarray) -> list[Found]:
    """The card markers, found in the photo scaled down to `DETECT_MAX_SIDE` (ArUco's time
    grows with the pixels), their corners refined again on the full photo."""
    import cv2

    scale = min(1.0, DETECT_MAX_SIDE / max(grey.shape))
    if scale == 1.0:
        return detect.find(grey, CARDS)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    found = detect.find(small, CARDS)
    if not found:
        return []
    points = np.concatenate([f.corners for f in found]).astype(np.float32) / scale
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 30, 0.05)
    window = max(2, int(round(1.5 / scale)))
    cv2.cornerSubPix(grey, points, (window, window), (-1, -1), criteria)
    return [Found(f.id, points[4 * i : 4 * i + 4]) for i, f in enumerate(found)]


def _cards(found: list[Found]) -> list[list[Found]]:
    """The markers grouped per card: by the card code their ids carry. Two cards with the same
    code (numbers 62 apart) in one photo: each corner's markers are paired with the nearest of
    the others, so each group is one card."""
    by_code: dict[int, list[Found]] = {}
    for marker in found:
        by_code.setdefault(cardmarks.card_of(marker.id)[0], []).append(marker)
    groups = []
    for markers in by_code.values():
        corners: dict[int, list[Found]] = {}
        for m in markers:
            corners.setdefault(cardmarks.card_of(m.id)[1], []).append(m)
        if len(corners) < MIN_CORNERS:
            continue
        seeds = max(corners.values(), key=len)
        if len(seeds) == 1:
            groups.append([c[0] for c in corners.values()])
            continue
        # several cards of this code: each seed takes, of every other corner, the marker at
        # the distance that corner lies from it on a card (scaled by the seed's own size)
        for seed in seeds:
            group = [seed]
            for candidates in corners.values():
                if candidates is not seeds:
                    match = _at_card_distance(seed, candidates)
                    if match is not None:
                        group.append(match)
            if len(group) >= MIN_CORNERS:
                groups.append(group)
    return groups


def _at_card_distance(seed: Found, candidates: list[Found]) -> Found | None:
    on_card = {m.corner: m for m in cardmarks.marks(0)}
    side_px = float(
        np.mean(np.linalg.norm(np.roll(seed.corners, 1, axis=0) - seed.corners, axis=1))
    )
    a = on_card[cardmarks.card_of(seed.id)[1]]

    def misfit(m: Found) -> float:
        b = on_card[cardmarks.card_of(m.id)[1]]
        expected = np.hypot(b.x - a.x, b.y - a.y) * side_px / a.side
        return abs(np.hypot(*np.subtract(m.centre, seed.centre)) - expected) / expected

    best = min(candidates, key=misfit)
    return best if misfit(best) < 0.4 else None  # a tilt of 25 degrees shortens by < 0.4


def _homography(group: list[Found]) -> tuple[np.ndarray, float] | None:
    """Photo pixels -> rectified card pixels, and the worst marker corner's misfit in mm."""
    import cv2

    on_card = {m.corner: m for m in cardmarks.marks(0)}
    photo = np.concatenate([m.corners for m in group]).astype(np.float32)
    card = np.array(
        [p for m in group for p in on_card[cardmarks.card_of(m.id)[1]].corners_mm()],
        dtype=np.float32,
    )
    homography, _ = cv2.findHomography(photo, card * PX_PER_MM, 0)
    if homography is None:
        return None
    mapped = cv2.perspectiveTransform(photo.reshape(-1, 1, 2), homography).reshape(-1, 2)
    error = float(np.max(np.linalg.norm(mapped - card * PX_PER_MM, axis=1))) / PX_PER_MM
    return (homography, error) if error <= MAX_ERROR_MM else None


def _rectify(grey: np.ndarray, homography: np.ndarray) -> np.ndarray:
    import cv2

    size = (round(cardmarks.CARD_MM[0] * PX_PER_MM), round(cardmarks.CARD_MM[1] * PX_PER_MM))
    return cv2.warpPerspective(
        grey, homography, size, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE
    )


def read_number(card: np.ndarray, code: int | None = None) -> tuple[str, int | None]:
    """The rectified card's QR payload and the card number the capture line finds by it;
    a number whose markers say another code is not this card's ("", None)."""
    import cv2

    detector = cv2.QRCodeDetector()
    left, top, right, bottom = (round(v * PX_PER_MM) for v in QR_AREA_MM)
    crop = card[top:bottom, left:right]
    attempts = (
        crop,
        cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
        cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1],
    )
    for attempt in attempts:
        payload, _, _ = detector.detectAndDecode(attempt)
        if payload:
            number = card_number(payload)
            if number is not None and (code is None or cardmarks.code_of(number) == code):
                return payload, number
    return "", None


def card_number(payload: str) -> int | None:
    """The card the capture line looks up for this payload (as a QR scanner types it)."""
    try:
        capture = grammar.parse(payload)
    except UserError:
        return None
    number = capture.fields.get("card_number") if capture.kind == "card" else None
    return number if isinstance(number, int) else None


def _even_light(card: np.ndarray) -> np.ndarray:
    """The card with its paper made white: divided by the paper's own brightness (the photo's
    light falls off across a table), estimated as the brightest within 20 mm (wider than the
    header band, so a dark area keeps its darkness)."""
    import cv2

    small = cv2.resize(card, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, np.ones((41, 41), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), 8)
    paper = cv2.resize(paper, (card.shape[1], card.shape[0]), interpolation=cv2.INTER_LINEAR)
    even = cv2.divide(card, np.maximum(paper, 1), scale=255)
    return np.where(even > 235, 255, even).astype(np.uint8)  # clean white compresses small


def encode(card: np.ndarray) -> tuple[bytes, int, int]:
    """A grey JPEG of at most MAX_BYTES: lower quality, then smaller, until it fits."""
    from PIL import Image

    picture = Image.fromarray(card, mode="L")
    while True:
        for quality in (75, 60, 45):
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=quality, optimize=True)
            if out.tell() <= MAX_BYTES:
                return out.getvalue(), picture.width, picture.height
        picture = picture.resize((picture.width * 3 // 4, picture.height * 3 // 4))

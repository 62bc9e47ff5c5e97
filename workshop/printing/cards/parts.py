"""The bodies of the cards: the blocks of a filled-in card, fitted into the space there is, and
the ruled fields and tick boxes of a blank card."""

from __future__ import annotations

from reportlab.lib.units import mm

from workshop import model
from workshop.printing.cards.data import CardData
from workshop.printing.colours import colour_of
from workshop.printing.sheet import Rect, Sheet

TITLE_SIZE = 13
LABEL_SIZE = 6.8
BODY_SIZE = 8.4
BODY_LEAD = 3.6 * mm
LABEL_LEAD = 3.5 * mm
BLOCK_GAP = 1.7 * mm
NOTE_PITCH = 6.2 * mm


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink_on(colour: str) -> str:
    """Text colour that reads on a background of `colour`."""
    return "#1d2125" if luminance(colour) > 0.55 else "#ffffff"


def label_ink(colour: str) -> str:
    """A block label in the theme's colour, darkened where the colour is too light to read."""
    if luminance(colour) <= 0.45:
        return colour
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(v * 0.62) for v in (r, g, b)))


def _blocks(sheet: Sheet, card: CardData) -> list[tuple[str, list[str]]]:
    """(label, paragraphs) per field the template shows and the card has."""
    out = []
    for field in sheet.template.card_fields:
        if field in ("what", "needs", "offers") and getattr(card, field).strip():
            out.append((sheet.t(field), [getattr(card, field)]))
        elif field == "where" and (card.place or card.cell):
            cell = f"{sheet.t('cell')} {card.cell}" if card.cell else ""
            out.append((sheet.t("where"), [" · ".join(v for v in (card.place, cell) if v)]))
        elif field == "who" and card.people:
            lines = []
            for person in card.people:
                text = person.name + (f" ({person.role})" if person.role else "")
                lines.append(text + (f" · {person.contact}" if person.contact else ""))
            out.append((sheet.t("who"), lines))
        elif field == "contact" and card.contact and sheet.template.initiative_contact:
            out.append((sheet.t("contact"), [card.contact]))
    return out


def draw_filled_body(sheet: Sheet, rect: Rect, card: CardData, colour: str) -> None:
    fonts = sheet.fonts
    ink = sheet.template.colour("colours", "ink")
    size, title = _title(sheet, card.name, rect.w)
    y = rect.y + rect.h - size
    for line in title:
        sheet.text(rect.x, y, line, "bold", size, ink)
        y -= size * 1.18
    top = y + size * 1.18 - size * 0.28 - 2.2 * mm
    blocks = _blocks(sheet, card)
    wrapped = [
        [line for p in paragraphs for line in fonts.wrap(p, "regular", BODY_SIZE, rect.w, 40)]
        for _, paragraphs in blocks
    ]
    available = int((top - rect.y - len(blocks) * (LABEL_LEAD + BLOCK_GAP)) // BODY_LEAD)
    alloc = _allocate([len(lines) for lines in wrapped], available)
    label_colour = label_ink(colour)
    y = top
    for (label, paragraphs), lines, count in zip(blocks, wrapped, alloc, strict=True):
        if count <= 0:
            continue
        y -= LABEL_LEAD - 0.9 * mm
        sheet.text(
            rect.x,
            y,
            fonts.fit(label, "bold", LABEL_SIZE, rect.w),
            "bold",
            LABEL_SIZE,
            label_colour,
        )
        if len(lines) > count:  # re-wrap into the lines it got, so the cut ends in an ellipsis
            lines = [
                line
                for p in paragraphs
                for line in fonts.wrap(p, "regular", BODY_SIZE, rect.w, count)
            ][:count]
            if not lines[-1].endswith("…"):
                lines[-1] = fonts.fit(lines[-1] + "…", "regular", BODY_SIZE, rect.w)
        for line in lines[:count]:
            y -= BODY_LEAD
            sheet.text(rect.x, y + 0.5 * mm, line, "regular", BODY_SIZE, ink)
        y -= BLOCK_GAP
    if "notes" in sheet.template.card_fields and y - rect.y >= LABEL_LEAD + 3 * NOTE_PITCH:
        y = _ruled(
            sheet,
            rect.x,
            y,
            rect.w,
            sheet.t("notes"),
            int((y - rect.y - LABEL_LEAD) // NOTE_PITCH),
            NOTE_PITCH,
        )
    sheet.block("card-body", Rect(rect.x, max(y, rect.y), rect.w, rect.y + rect.h - max(y, rect.y)))


def _title(sheet: Sheet, name: str, width: float) -> tuple[float, list[str]]:
    """The title in two lines at most: smaller type before a word is broken or cut."""
    words = len(" ".join(name.split()).split(" "))
    for size in (TITLE_SIZE, TITLE_SIZE * 0.88, TITLE_SIZE * 0.76):
        lines = sheet.fonts.wrap(name, "bold", size, width, 2) or [""]
        if sum(len(line.split(" ")) for line in lines) == words and not lines[-1].endswith("…"):
            return size, lines
    return size, lines


def _allocate(needs: list[int], available: int) -> list[int]:
    """Lines per block: one each first, then one more at a time to the blocks still short, in
    order, so a long first block cannot starve the others."""
    alloc = [0] * len(needs)
    for i in range(len(needs)):
        if available > 0 and needs[i] > 0:
            alloc[i] = 1
            available -= 1
    while available > 0:
        grown = False
        for i, need in enumerate(needs):
            if available > 0 and alloc[i] < need:
                alloc[i] += 1
                available -= 1
                grown = True
        if not grown:
            break
    return alloc


# --- blank cards ---------------------------------------------------------------------------


def _ruled(sheet: Sheet, x: float, y: float, w: float, label: str, lines: int, gap: float) -> float:
    """A label and `lines` writing lines under it; returns the y below."""
    muted = sheet.template.colour("colours", "muted")
    sheet.text(
        x, y - LABEL_LEAD + 0.6 * mm, sheet.fonts.fit(label, "bold", 7.2, w), "bold", 7.2, muted
    )
    y -= LABEL_LEAD
    c = sheet.c
    c.setStrokeColor(colour_of(sheet.template.colour("colours", "rule")))
    c.setLineWidth(0.5)
    for _ in range(lines):
        y -= gap
        c.line(x, y, x + w, y)
    return y - 1.2 * mm


def _ticks(
    sheet: Sheet, x: float, y: float, w: float, words: list[str], columns: int, pitch: float
) -> float:
    c = sheet.c
    ink = sheet.template.colour("colours", "ink")
    col_w = w / columns
    box = 2.6 * mm
    for i, word in enumerate(words):
        cx = x + (i % columns) * col_w
        cy = y - (i // columns + 1) * pitch
        c.setStrokeColor(colour_of(sheet.template.colour("colours", "muted")))
        c.setLineWidth(0.6)
        c.rect(cx, cy, box, box, stroke=1, fill=0)
        sheet.text(
            cx + box + 1.4 * mm,
            cy + 0.35 * mm,
            sheet.fonts.fit(word, "regular", 7.6, col_w - box - 2.5 * mm),
            "regular",
            7.6,
            ink,
        )
    return y - ((len(words) + columns - 1) // columns) * pitch - 1.6 * mm


def draw_blank_body(
    sheet: Sheet, rect: Rect, bottom: float, qr_side: float, last_cell: str
) -> None:
    lang = sheet.lang
    muted = sheet.template.colour("colours", "muted")
    x, w = rect.x, rect.w
    y = rect.y + rect.h
    y = _ruled(sheet, x, y, w, sheet.t("name"), 1, 6.6 * mm)
    sheet.text(x, y - LABEL_LEAD + 0.6 * mm, sheet.t("theme"), "bold", 7.2, muted)
    y = _ticks(
        sheet,
        x,
        y - LABEL_LEAD + 0.5 * mm,
        w,
        [t.label(lang) for t in model.THEMES.terms],
        2,
        4.5 * mm,
    )
    status_label = sheet.t("status")
    label_w = sheet.fonts.width(status_label, "bold", 7.2) + 2.5 * mm
    sheet.text(x, y - 3.3 * mm, status_label, "bold", 7.2, muted)
    y = (
        _ticks(
            sheet,
            x + label_w,
            y + 0.8 * mm,
            w - label_w,
            [t.label(lang) for t in model.STATUSES.terms],
            4,
            4.5 * mm,
        )
        - 1.2 * mm
    )
    y = _ruled(sheet, x, y, w, sheet.t("what"), 3, 6 * mm)
    half = (w - 4 * mm) / 2
    _ruled(sheet, x, y, half, sheet.t("needs"), 2, 6 * mm)
    y = _ruled(sheet, x + half + 4 * mm, y, half, sheet.t("offers"), 2, 6 * mm)
    sheet.block("card-body", Rect(x, y, w, rect.y + rect.h - y))
    # beside the QR code: where, who, and whether the contact may go on paper
    side_w = w - qr_side - 3 * mm
    floor = bottom + 5 * mm
    where = f"{sheet.t('where')} ({sheet.t('cell')} A1–{last_cell})"
    sy = _ruled(sheet, x, y, side_w, where, 1, 5.6 * mm)
    sy = _ruled(sheet, x, sy, side_w, f"{sheet.t('who')} · {sheet.t('contact')}", 2, 5.6 * mm)
    sheet.text(
        x,
        sy - 2.4 * mm,
        sheet.fonts.fit(sheet.t("consent"), "regular", 6.6, side_w),
        "regular",
        6.6,
        muted,
    )
    sy -= 3.4 * mm
    sheet.block("card-side", Rect(x, max(sy, floor), side_w, y - max(sy, floor)))

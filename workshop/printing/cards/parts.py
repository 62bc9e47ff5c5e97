"""The bodies of the cards: the blocks of a filled-in card, fitted into the space there is, and
the ruled fields and tick boxes of a blank card."""

from __future__ import annotations

from reportlab.lib.units import mm

from workshop import model
from workshop.printing.cards.data import CardData
from workshop.printing.colours import colour_of
from workshop.printing.sheet import Rect, Sheet

# Sizes people read on A6 at arm's length (issue 12): body 9.5 pt, labels 8 pt, and writing
# lines 8 mm apart, the usual pitch for handwriting.
TITLE_SIZE = 13
LABEL_SIZE = 8
BODY_SIZE = 9.5
BODY_LEAD = 4.1 * mm
LABEL_LEAD = 3.9 * mm
BLOCK_GAP = 1.6 * mm
NOTE_PITCH = 8 * mm
TICK_PITCH = 5.2 * mm
BOX = 3.2 * mm


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
        x,
        y - LABEL_LEAD + 0.8 * mm,
        sheet.fonts.fit(label, "bold", LABEL_SIZE, w),
        "bold",
        LABEL_SIZE,
        muted,
    )
    y -= LABEL_LEAD
    c = sheet.c
    c.setStrokeColor(colour_of(sheet.template.colour("colours", "rule")))
    c.setLineWidth(0.5)
    for _ in range(lines):
        y -= gap
        c.line(x, y, x + w, y)
    return y - 1.2 * mm


def _box(sheet: Sheet, x: float, y: float) -> None:
    c = sheet.c
    c.setStrokeColor(colour_of(sheet.template.colour("colours", "muted")))
    c.setLineWidth(0.7)
    c.rect(x, y, BOX, BOX, stroke=1, fill=0)


def _columns(sheet: Sheet, words: list[str], w: float, most: int) -> list[float]:
    """Column widths for tick boxes: as many columns (up to `most`) as the words fit in, each
    as wide as its widest word, the room that is left shared out."""
    need = [sheet.fonts.width(word, "regular", BODY_SIZE) + BOX + 3.5 * mm for word in words]
    for columns in range(min(most, len(words)), 1, -1):
        widths = [max(need[i::columns]) for i in range(columns)]
        if sum(widths) <= w:
            spare = (w - sum(widths)) / columns
            return [width + spare for width in widths]
    return [w]


def _ticks(
    sheet: Sheet, x: float, y: float, w: float, words: list[str], most: int, pitch: float
) -> float:
    ink = sheet.template.colour("colours", "ink")
    widths = _columns(sheet, words, w, most)
    columns = len(widths)
    for i, word in enumerate(words):
        cx = x + sum(widths[: i % columns])
        cy = y - (i // columns + 1) * pitch
        _box(sheet, cx, cy)
        sheet.text(
            cx + BOX + 1.5 * mm,
            cy + 0.45 * mm,
            sheet.fonts.fit(word, "regular", BODY_SIZE, widths[i % columns] - BOX - 2.5 * mm),
            "regular",
            BODY_SIZE,
            ink,
        )
    return y - ((len(words) + columns - 1) // columns) * pitch - 1.6 * mm


def consent_words(sheet: Sheet) -> tuple[str, str, str]:
    """The consent question and its two answers. A template of before the answers had keys of
    their own wrote them into the question ("… ja / nee"): those are taken off, not doubled."""
    yes, no = sheet.t("consent_yes"), sheet.t("consent_no")
    question = sheet.t("consent").rstrip()
    for tail in (f"{yes} / {no}", f"{yes}/{no}"):
        if question.casefold().endswith(tail.casefold()):
            question = question[: -len(tail)].rstrip()
    return question, yes, no


def _consent(sheet: Sheet, x: float, y: float, w: float) -> float:
    """The consent question with a tick box for each answer, in body type; returns the y below."""
    ink = sheet.template.colour("colours", "ink")
    fonts = sheet.fonts
    question, yes, no = consent_words(sheet)
    answers_w = sum(
        BOX + 1.2 * mm + fonts.width(a, "regular", BODY_SIZE) + 3 * mm for a in (yes, no)
    )
    asked = fonts.width(question, "bold", LABEL_SIZE) + 1.5 * mm
    if asked + answers_w > w:  # the question on a line of its own, the boxes under it
        question = fonts.fit(question, "bold", LABEL_SIZE, w)
        sheet.text(x, y - LABEL_LEAD + 0.8 * mm, question, "bold", LABEL_SIZE, ink)
        y -= LABEL_LEAD - 0.8 * mm
        ax = x
    else:
        ax = x + asked
        sheet.text(x, y - TICK_PITCH + 0.45 * mm, question, "bold", LABEL_SIZE, ink)
    by = y - TICK_PITCH
    for answer in (yes, no):
        _box(sheet, ax, by)
        ax += BOX + 1.2 * mm
        sheet.text(ax, by + 0.45 * mm, answer, "regular", BODY_SIZE, ink)
        ax += fonts.width(answer, "regular", BODY_SIZE) + 3 * mm
    return by - 1.2 * mm


def draw_blank_body(
    sheet: Sheet, rect: Rect, bottom: float, qr_side: float, last_cell: str
) -> list[tuple[str, Rect]]:
    """Ruled fields for handwriting, 8 mm apart: name and cell side by side, theme and status
    to tick, what it does, what it needs and offers; beside the QR code who is behind it and
    whether their contact may go on paper (two boxes). Returns the boxes it filled (the cards
    draw it once into a form and place it on every card)."""
    lang = sheet.lang
    muted = sheet.template.colour("colours", "muted")
    x, w = rect.x, rect.w
    y = rect.y + rect.h
    gutter = 4 * mm
    where_w = 30 * mm
    name_w = w - where_w - gutter
    _ruled(sheet, x, y, name_w, sheet.t("name"), 1, NOTE_PITCH)
    where = f"{sheet.t('where')} ({sheet.t('cell')} A1–{last_cell})"
    y = _ruled(sheet, x + name_w + gutter, y, where_w, where, 1, NOTE_PITCH)
    sheet.text(x, y - LABEL_LEAD + 0.8 * mm, sheet.t("theme"), "bold", LABEL_SIZE, muted)
    themes = [t.label(lang) for t in model.THEMES.terms]
    y = _ticks(sheet, x, y - LABEL_LEAD + 0.6 * mm, w, themes, 3, TICK_PITCH)
    status_label = sheet.t("status")
    label_w = sheet.fonts.width(status_label, "bold", LABEL_SIZE) + 2.5 * mm
    sheet.text(x, y - TICK_PITCH + 0.45 * mm, status_label, "bold", LABEL_SIZE, muted)
    y = (
        _ticks(
            sheet,
            x + label_w,
            y,
            w - label_w,
            [t.label(lang) for t in model.STATUSES.terms],
            4,
            TICK_PITCH,
        )
        - 0.6 * mm
    )
    y = _ruled(sheet, x, y, w, sheet.t("what"), 2, NOTE_PITCH)
    half = (w - gutter) / 2
    _ruled(sheet, x, y, half, sheet.t("needs"), 2, NOTE_PITCH)
    y = _ruled(sheet, x + half + gutter, y, half, sheet.t("offers"), 2, NOTE_PITCH)
    body = sheet.block("card-body", Rect(x, y, w, rect.y + rect.h - y))
    # beside the QR code: who, and whether the contact may go on paper
    side_w = w - qr_side - 2.5 * mm
    floor = bottom + 5 * mm
    sy = _ruled(sheet, x, y, side_w, f"{sheet.t('who')} · {sheet.t('contact')}", 2, NOTE_PITCH)
    sy = _consent(sheet, x, sy, side_w)
    side = sheet.block("card-side", Rect(x, max(sy, floor), side_w, y - max(sy, floor)))
    return [("card-body", body), ("card-side", side)]

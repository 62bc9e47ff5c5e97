"""The result map's numbered markers and their key.

Places are circles numbered 1, 2, … (by cell, then name); initiatives are squares carrying
their card number, so a resident holding card 12 finds square 12. Colours follow the place kind
and the initiative theme. A marker sits at its coordinates, else at its cell (or its place);
markers that would overlap are pushed apart, with a thin line back to where they belong.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm

from workshop.file import redaction
from workshop.file.store import Store
from workshop.osm import extract as osm
from workshop.printing import numbering
from workshop.printing.cards.parts import ink_on
from workshop.printing.maps.frame import MapLayout, Projection
from workshop.printing.sheet import Rect, Sheet
from workshop.printing.templates import Template

RADIUS = 2.3 * mm
KEY_SIZE = 6.6
KEY_LEAD = 3.7 * mm


@dataclass
class Marker:
    label: str
    shape: str  # circle (place) or square (initiative)
    colour: str
    name: str
    cell: str
    lonlat: tuple[float, float] | None = None
    anchor: tuple[float, float] | None = None  # where it belongs, page points
    pos: tuple[float, float] | None = None  # where it is drawn


def _col_row(cell: str) -> tuple[int, int]:
    return (ord(cell[0]) - ord("A"), int(cell[1:]) - 1) if cell else (99, 999)


def markers(store: Store, template: Template) -> list[Marker]:
    box = osm.extent(store)
    scrub = redaction.for_output(store, "print")  # the key names initiatives like "Jan's tuin"
    out: list[Marker] = []
    places = store.rows("place")
    place_by_id = {p["id"]: p for p in places}

    def located(row: dict) -> tuple[float, float] | None:
        if row.get("lat") is None or row.get("lon") is None or box is None:
            return None
        inside = box[0] <= row["lat"] <= box[2] and box[1] <= row["lon"] <= box[3]
        return (row["lon"], row["lat"]) if inside else None

    for number, place in numbering.numbered_places(places):
        out.append(
            Marker(
                str(number),
                "circle",
                template.colour("place_kinds", place["kind"] or "other", "#6f7b86"),
                scrub.text(place["name"]),
                place["cell"] or "",
                located(place),
            )
        )
    for row in numbering.ordered_initiatives(store.rows("initiative")):
        at = place_by_id.get(row["place_id"] or "")
        where = located(row) or (located(at) if at and not row["cell"] else None)
        cell = row["cell"] or (at["cell"] if at else "") or ""
        label = numbering.label(numbering.initiative_number(row), "·")
        out.append(
            Marker(
                label,
                "square",
                template.colour("themes", row["theme"] or "other", "#6f7b86"),
                scrub.text(row["name"]),
                cell,
                where,
            )
        )
    return out


def place_markers(items: list[Marker], lay: MapLayout, proj: Projection | None) -> None:
    """Anchor each marker and push overlapping ones apart (deterministically)."""
    inner = lay.frame.inset(RADIUS + 1)
    per_cell: dict[str, int] = {}
    for m in items:
        if m.lonlat is not None and proj is not None:
            m.anchor = proj.point(*m.lonlat)
        elif m.cell and lay.grid.parse_cell(m.cell):
            col, row = _col_row(m.cell)
            r = lay.cell_rect(col, row)
            k = per_cell.get(m.cell, 0)
            per_cell[m.cell] = k + 1
            angle = k * 2.4  # golden-angle spiral around the cell's centre
            dist = 2.6 * RADIUS * math.sqrt(k)
            m.anchor = (
                r.x + r.w / 2 + dist * math.cos(angle),
                r.y + r.h / 2 + dist * math.sin(angle),
            )
        else:
            continue
        m.pos = (
            min(max(m.anchor[0], inner.x), inner.x + inner.w),
            min(max(m.anchor[1], inner.y), inner.y + inner.h),
        )
    shown = [m for m in items if m.pos is not None]
    gap = 2 * RADIUS + 0.6
    for _ in range(60):
        moved = False
        for i, a in enumerate(shown):
            for j in range(i + 1, len(shown)):
                b = shown[j]
                ax, ay = a.pos  # type: ignore[misc]
                bx, by = b.pos  # type: ignore[misc]
                d = math.hypot(bx - ax, by - ay)
                if d >= gap:
                    continue
                if d < 1e-6:
                    angle = (i * 7 + j * 13) % 360
                    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
                else:
                    ux, uy = (bx - ax) / d, (by - ay) / d
                push = (gap - d) / 2 + 0.05
                a.pos = _clamp((ax - ux * push, ay - uy * push), inner)
                b.pos = _clamp((bx + ux * push, by + uy * push), inner)
                moved = True
        if not moved:
            break


def _clamp(p: tuple[float, float], r: Rect) -> tuple[float, float]:
    return (min(max(p[0], r.x), r.x + r.w), min(max(p[1], r.y), r.y + r.h))


def marker_rects(items: list[Marker]) -> list[Rect]:
    return [
        Rect(m.pos[0] - RADIUS, m.pos[1] - RADIUS, 2 * RADIUS, 2 * RADIUS)
        for m in items
        if m.pos is not None
    ]


def draw_markers(sheet: Sheet, items: list[Marker]) -> None:
    c = sheet.c
    c.saveState()
    c.setStrokeColor(sheet.template.colour("colours", "ink"))
    c.setLineWidth(0.5)
    for m in items:
        if m.pos and m.anchor and math.dist(m.pos, m.anchor) > RADIUS:
            c.line(m.anchor[0], m.anchor[1], m.pos[0], m.pos[1])
            c.circle(m.anchor[0], m.anchor[1], 0.6, stroke=0, fill=1)
    c.restoreState()
    for m in items:
        if m.pos is not None:
            symbol(sheet, m, m.pos[0], m.pos[1], RADIUS)


def symbol(sheet: Sheet, m: Marker, x: float, y: float, r: float) -> None:
    c = sheet.c
    c.saveState()
    c.setFillColor(m.colour)
    c.setStrokeColor("#ffffff")
    c.setLineWidth(0.7)
    if m.shape == "circle":
        c.circle(x, y, r, stroke=1, fill=1)
    else:
        c.roundRect(x - r, y - r, 2 * r, 2 * r, r * 0.25, stroke=1, fill=1)
    c.restoreState()
    size = r * (1.25 if len(m.label) <= 2 else 0.95)
    sheet.text(x, y - size * 0.35, m.label, "bold", size, ink_on(m.colour), "centre")


# --- the key -------------------------------------------------------------------------------


def key_lines(items: list[Marker], sheet: Sheet) -> list[tuple[str, Marker | None]]:
    """Headings (marker None) and entries, in print order."""
    out: list[tuple[str, Marker | None]] = []
    places = [m for m in items if m.shape == "circle"]
    initiatives = [m for m in items if m.shape == "square"]
    if places:
        out.append((sheet.t("key_places"), None))
        out += [(m.name, m) for m in places]
    if initiatives:
        out.append((sheet.t("key_initiatives"), None))
        out += [(m.name, m) for m in initiatives]
    return out


def key_slots(
    lines: list[tuple[str, Marker | None]], height: float, columns: int
) -> list[tuple[str, Marker | None] | None]:
    """The key lines that fit `columns` columns of `height`, in slot order (None: a gap left
    so that no heading stands alone at the foot of a column)."""
    per_column = max(int(height // KEY_LEAD), 1)
    slots: list[tuple[str, Marker | None] | None] = []
    used = 0
    while used < len(lines) and len(slots) < per_column * columns:
        if lines[used][1] is None and len(slots) % per_column == per_column - 1:
            slots.append(None)
            continue
        slots.append(lines[used])
        used += 1
    return slots


def draw_key(sheet: Sheet, rect: Rect, lines: list[tuple[str, Marker | None]], columns: int) -> int:
    """Draw as many key lines as fit in `rect` (in columns); returns how many were drawn."""
    per_column = max(int(rect.h // KEY_LEAD), 1)
    col_w = (rect.w - (columns - 1) * 3 * mm) / columns
    ink = sheet.template.colour("colours", "ink")
    muted = sheet.template.colour("colours", "muted")
    slots = key_slots(lines, rect.h, columns)
    used = sum(1 for slot in slots if slot is not None)
    for index, slot in enumerate(slots):
        if slot is None:
            continue
        text, m = slot
        col, row = divmod(index, per_column)
        x = rect.x + col * (col_w + 3 * mm)
        y = rect.y + rect.h - (row + 1) * KEY_LEAD + 1.0 * mm
        if m is None:
            sheet.text(
                x,
                y,
                sheet.fonts.fit(text, "bold", KEY_SIZE + 0.4, col_w),
                "bold",
                KEY_SIZE + 0.4,
                muted,
            )
            continue
        r = 1.55 * mm
        symbol(sheet, m, x + r, y + KEY_SIZE * 0.33, r)
        cell_w = sheet.fonts.width(m.cell or "–", "regular", KEY_SIZE)
        name_w = col_w - 2 * r - 1.5 * mm - cell_w - 1.5 * mm
        sheet.text(
            x + 2 * r + 1.5 * mm,
            y,
            sheet.fonts.fit(text, "regular", KEY_SIZE, name_w),
            "regular",
            KEY_SIZE,
            ink,
        )
        sheet.text(x + col_w, y, m.cell or "–", "regular", KEY_SIZE, muted, "right")
    sheet.block("key", rect)
    return used

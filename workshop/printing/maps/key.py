"""The result map's key: which number is which place or initiative, and which numbers a
crowded cell's "+N" marker stands for.

Names are wrapped, never cut, in as few columns as hold them all; what does not fit goes on
(the caller draws the rest on a page of its own). A heading never stands alone at the foot
of a column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm

from workshop.printing.maps.markers import Marker, stacks, symbol
from workshop.printing.sheet import Rect, Sheet

KEY_SIZE = 6.6
KEY_LEAD = 3.7 * mm  # the first line of an entry
WRAP_LEAD = KEY_SIZE * 1.2  # its further lines
COLUMN_GAP = 3 * mm
SYMBOL_R = 1.55 * mm
MAX_COLUMN_W = 85 * mm  # wider, and the eye loses the line between name and cell
MIN_COLUMN_W = 26 * mm  # narrower, and names break into many lines
TABLE_W = 50 * mm  # a column at least this wide has the cells in a column of their own

Line = tuple[str, Marker | None]  # a heading (marker None) or an entry


@dataclass(frozen=True)
class Placed:
    x: float
    y: float  # baseline of the first line
    width: float
    lines: list[str]
    entry: Line


def key_lines(items: list[Marker], sheet: Sheet) -> list[Line]:
    """Headings and entries, in print order."""
    out: list[Line] = []
    places = [m for m in items if m.shape == "circle"]
    initiatives = [m for m in items if m.shape == "square"]
    crowded = stacks(items)
    if places:
        out.append((sheet.t("key_places"), None))
        out += [(m.name, m) for m in places]
    if initiatives:
        out.append((sheet.t("key_initiatives"), None))
        out += [(m.name, m) for m in initiatives]
    if crowded:
        out.append((sheet.t("key_stacks"), None))
        out += [(m.name, m) for m in crowded]
    return out


def _wrapped(sheet: Sheet, entry: Line, width: float, most: int) -> list[str]:
    text, m = entry
    if m is None:
        return sheet.fonts.wrap(text, "bold", KEY_SIZE + 0.4, width, most)
    room = _name_width(sheet, width)
    lines = sheet.fonts.wrap(text, "regular", KEY_SIZE, room, most)
    # in a narrow column the cell follows the name, on its last line if it fits
    last = sheet.fonts.width(lines[-1], "regular", KEY_SIZE) if lines else 0.0
    if width < TABLE_W and lines and last + _cell_w(sheet, m) > room:
        lines.append("")
    return lines


def _cell_w(sheet: Sheet, m: Marker) -> float:
    return 1.2 * mm + sheet.fonts.width(m.cell or "–", "regular", KEY_SIZE)


def _name_width(sheet: Sheet, width: float) -> float:
    if width < TABLE_W:
        return width - 2 * SYMBOL_R - 1.5 * mm
    cell_w = sheet.fonts.width("H88", "regular", KEY_SIZE)
    return width - 2 * SYMBOL_R - 1.5 * mm - cell_w - 1.5 * mm


def _breaks_words(sheet: Sheet, lines: list[Line], rect: Rect, columns: int) -> bool:
    col_w = (rect.w - (columns - 1) * COLUMN_GAP) / columns
    room = _name_width(sheet, col_w)
    for text, m in lines:
        style, size = ("bold", KEY_SIZE + 0.4) if m is None else ("regular", KEY_SIZE)
        if any(sheet.fonts.width(word, style, size) > room for word in text.split()):
            return True
    return False


def _height(lines: list[str]) -> float:
    return KEY_LEAD + (len(lines) - 1) * WRAP_LEAD


def flow(sheet: Sheet, lines: list[Line], rect: Rect, max_columns: int) -> list[Placed]:
    """Where the key lines go in `rect`: in the fewest columns (up to `max_columns`) that hold
    them all, else in `max_columns` as far as they fit. Returns the placed lines, in order."""
    best: list[Placed] = []
    most = max(min(int((rect.w + COLUMN_GAP) // (MIN_COLUMN_W + COLUMN_GAP)), max_columns), 1)
    fewest = min(max(math.ceil((rect.w + COLUMN_GAP) / (MAX_COLUMN_W + COLUMN_GAP)), 1), most)
    for columns in range(fewest, most + 1):
        if columns > fewest and _breaks_words(sheet, lines, rect, columns):
            break  # more, narrower columns would cut a word in two
        placed = _flow(sheet, lines, rect, columns)
        if len(placed) > len(best):
            best = placed
        if len(placed) == len(lines):
            break
    return best


def _flow(sheet: Sheet, lines: list[Line], rect: Rect, columns: int) -> list[Placed]:
    col_w = (rect.w - (columns - 1) * COLUMN_GAP) / columns
    most = max(int((rect.h - KEY_LEAD) // WRAP_LEAD) + 1, 1)  # lines an empty column holds
    out: list[Placed] = []
    col, used = 0, 0.0
    index = 0
    while index < len(lines) and col < columns:
        entry = lines[index]
        wrapped = _wrapped(sheet, entry, col_w, most)
        need = _height(wrapped)
        if entry[1] is None and index + 1 < len(lines):  # a heading goes with what follows
            need += _height(_wrapped(sheet, lines[index + 1], col_w, most))
        if used and used + need > rect.h:
            col, used = col + 1, 0.0
            continue
        x = rect.x + col * (col_w + COLUMN_GAP)
        y = rect.y + rect.h - used - KEY_LEAD + 1.0 * mm
        out.append(Placed(x, y, col_w, wrapped, entry))
        used += _height(wrapped)
        index += 1
    return out


def fits(sheet: Sheet, lines: list[Line], rect: Rect, max_columns: int) -> int:
    """How many key lines `rect` holds."""
    return len(flow(sheet, lines, rect, max_columns))


def draw_key(sheet: Sheet, rect: Rect, lines: list[Line], max_columns: int) -> int:
    """Draw as many key lines as fit in `rect`; returns how many were drawn."""
    ink = sheet.template.colour("colours", "ink")
    muted = sheet.template.colour("colours", "muted")
    placed = flow(sheet, lines, rect, max_columns)
    for p in placed:
        text, m = p.entry
        if m is None:
            for i, line in enumerate(p.lines):
                sheet.text(p.x, p.y - i * WRAP_LEAD, line, "bold", KEY_SIZE + 0.4, muted)
            continue
        symbol(sheet, m, p.x + SYMBOL_R, p.y + KEY_SIZE * 0.33, SYMBOL_R)
        x = p.x + 2 * SYMBOL_R + 1.5 * mm
        end = 0.0
        for i, line in enumerate(p.lines):
            end = sheet.text(x, p.y - i * WRAP_LEAD, line, "regular", KEY_SIZE, ink) if line else 0
        if p.width < TABLE_W:
            last = p.y - (len(p.lines) - 1) * WRAP_LEAD
            sheet.text(
                x + end + (1.2 * mm if end else 0), last, m.cell or "–", "regular", KEY_SIZE, muted
            )
        else:
            sheet.text(p.x + p.width, p.y, m.cell or "–", "regular", KEY_SIZE, muted, "right")
    sheet.block("key", rect)
    return len(placed)

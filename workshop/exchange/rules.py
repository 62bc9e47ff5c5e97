"""The capture line's field rules, applied to the cells of an imported sheet.

A spreadsheet is another way to type what the capture line takes, so a cell is held to exactly
the rules of `field:value` (the one field table, `workshop.model.fields`, as the capture line
applies it in `workshop.capture.fields`) and of `@CELL` (the file's grid): coordinates on earth
and finite, real dates, card numbers, influence and strength in range, yes/no words, consent,
status and the other closed vocabularies, cells on the map. Nothing here knows a range, a word
or a format of its own: it hands the cell to those rules, and their message is the reason.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

from workshop.capture.fields import value_of
from workshop.i18n import UserError
from workshop.model import CHECKED, FIELDS, Context, Grid

RULED = CHECKED
# A spreadsheet writes the number a person typed as 3 as "3.0" or "3,0": the same number.
_WHOLE = ("card_number", "influence", "strength")
# The map extent's corners are coordinates like a place's `lat:` and `lon:`.
EXTENT = {"min_lat": "lat", "max_lat": "lat", "min_lon": "lon", "max_lon": "lon"}


def ruled(kind: str, column: str) -> bool:
    """Whether the capture line has a rule for this column of this kind of record."""
    if kind == "neighbourhood" and column in EXTENT:
        return True
    return column == "cell" or (column in RULED and kind in FIELDS[column].kinds)


def by_capture_rule(kind: str, column: str, text: str, ctx: Context) -> Any:
    """What `column:text` (or `@text`) on a capture line for `kind` stores; UserError with
    the capture line's own message when it refuses it."""
    value = text.strip()
    if kind == "neighbourhood" and column in EXTENT:
        kind, column = "place", EXTENT[column]
    if column == "cell":
        return cell_on_grid(value, ctx.grid)
    value = spreadsheet_number(column, value)
    return value_of(kind, column, value, ctx)


def spreadsheet_number(column: str, text: str) -> str:
    """A whole number as a spreadsheet may write it (`3.0`, `3,0`) as a person types it (`3`)."""
    if column in _WHOLE:
        with contextlib.suppress(ValueError, OverflowError):
            number = float(text.replace(",", "."))
            if number.is_integer():
                return str(int(number))
    return text


def cell_on_grid(text: str, grid: Grid) -> str:
    cell = grid.parse_cell(text)
    if cell is None:
        raise UserError("bad_cell", cell=text, last=grid.last_cell)
    return cell


def finite(number: float) -> bool:
    return math.isfinite(number)

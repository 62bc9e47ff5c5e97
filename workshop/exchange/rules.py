"""The capture line's field rules, applied to the cells of an imported sheet.

A spreadsheet is another way to type what the capture line takes, so a cell is held to exactly
the rules of `field:value` (workshop.capture.fields) and of `@CELL` (the file's grid): coordinates on
earth and finite, real dates, card numbers, influence and strength in range, cells on the map.
Nothing here knows a range or a format of its own: it hands the cell to those rules.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

from workshop.capture.fields import FIELDS, set_field
from workshop.capture.grammar import Capture, Context
from workshop.i18n import UserError
from workshop.model import Grid

RULED = ("lat", "lon", "card_number", "influence", "strength", "date")
# A spreadsheet writes the number a person typed as 3 as "3.0" or "3,0": the same number.
_WHOLE = ("card_number", "influence", "strength")
# The map extent's corners are coordinates like a place's `lat:` and `lon:`.
EXTENT = {"min_lat": "lat", "max_lat": "lat", "min_lon": "lon", "max_lon": "lon"}


def ruled(kind: str, column: str) -> bool:
    """Whether the capture line has a rule for this column of this kind of record."""
    if kind == "neighbourhood" and column in EXTENT:
        return True
    return column == "cell" or (column in RULED and kind in FIELDS[column][1])


def by_capture_rule(kind: str, column: str, text: str, ctx: Context) -> Any:
    """What `column:text` (or `@text`) on a capture line for `kind` stores; UserError with
    the capture line's own message when it refuses it."""
    value = text.strip()
    if kind == "neighbourhood" and column in EXTENT:
        kind, column = "place", EXTENT[column]
    if column == "cell":
        return cell_on_grid(value, ctx.grid)
    if column in _WHOLE:
        with contextlib.suppress(ValueError, OverflowError):
            number = float(value.replace(",", "."))
            if number.is_integer():
                value = str(int(number))
    capture = Capture(kind=kind, line="")
    set_field(capture, column, value, ctx)
    return capture.fields[column]


def cell_on_grid(text: str, grid: Grid) -> str:
    cell = grid.parse_cell(text)
    if cell is None:
        raise UserError("bad_cell", cell=text, last=grid.last_cell)
    return cell


def finite(number: float) -> bool:
    return math.isfinite(number)

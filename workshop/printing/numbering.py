"""One numbering for every printout: the number a place or an initiative carries on the result
map is the number it has in the summary's tables, in its appendix and on its card.

- Places are numbered 1, 2, … by the cell they are in (row by row, then column: A1, B1, … A2),
  then by name, then by the order they were captured; places without a cell come last.
- Initiatives carry their card number (a resident holding card 12 finds square 12); an
  initiative without one has no number, and comes after the numbered ones, by name.

The numbering depends only on the records themselves (their cell, name, creation, card
number), not on the order a printout happened to read them in, so two printouts of the same
file agree whatever they query. Redaction changes names on paper, not the numbers: the order
uses the stored `norm`, which paper never shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CELL = re.compile(r"\s*([A-Za-z])\s*(\d+)\s*$")
_NO_CELL = (10**6, 10**6)


def _row_col(cell: str | None) -> tuple[int, int]:
    m = _CELL.match(cell or "")
    if not m:
        return _NO_CELL
    return int(m.group(2)), ord(m.group(1).upper()) - ord("A")


def _place_key(place: dict) -> tuple:
    return (
        _row_col(place.get("cell")),
        place.get("norm") or "",
        place.get("created") or "",
        place.get("id") or "",
    )


def numbered_places(places: Iterable[dict]) -> list[tuple[int, dict]]:
    """(number, place) for every place, in number order."""
    return list(enumerate(sorted(places, key=_place_key), start=1))


def place_numbers(places: Iterable[dict]) -> dict[str, int]:
    """Place id -> its number."""
    return {place["id"]: number for number, place in numbered_places(places)}


def initiative_number(initiative: dict) -> int | None:
    """An initiative's number: its card number (None when it has no card)."""
    return initiative.get("card_number")


def ordered_initiatives(initiatives: Iterable[dict]) -> list[dict]:
    """Initiatives in number order: by card number, those without one last, by name."""

    def key(ini: dict) -> tuple:
        number = initiative_number(ini)
        return (
            number is None,
            number or 0,
            ini.get("norm") or "",
            ini.get("created") or "",
            ini.get("id") or "",
        )

    return sorted(initiatives, key=key)


def label(number: int | None, none: str = "") -> str:
    """A number as printed: `none` for an initiative without a card."""
    return none if number is None else str(number)

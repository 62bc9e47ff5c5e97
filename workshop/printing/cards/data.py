"""What a card shows, as plain records: `card_records` (in `build`) makes them from the file
through the paper's redaction; `parts` and `build` draw them. Nothing here draws or reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Person:
    name: str
    role: str
    contact: str  # phone and mail as consent allows, else ""


@dataclass
class CardData:
    number: int | None
    name: str
    theme: str | None  # THEMES key
    status: str | None  # STATUSES key
    what: str = ""
    needs: str = ""
    offers: str = ""
    place: str = ""
    cell: str = ""
    people: list[Person] = field(default_factory=list)
    contact: str = ""
    website: str = ""
    payload: str | None = None

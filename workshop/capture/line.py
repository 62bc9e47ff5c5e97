"""What one capture line comes to (`Capture`), the keywords that start one, and the example
each refusal shows. No parsing here: `workshop.capture.grammar` fills a `Capture` in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Capture", "EXAMPLES", "KEYWORDS", "LAST", "MAX_LINE"]

MAX_LINE = 100_000
# `~.`: the record the line before named (a name that is one dot is written `~"."`).
LAST = "."

KEYWORDS = {
    "p": "place",
    "plek": "place",
    "place": "place",
    "i": "initiative",
    "initiatief": "initiative",
    "initiative": "initiative",
    "a": "actor",
    "actor": "actor",
    "persoon": "person",
    "person": "person",
    "org": "organisation",
    "organisatie": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "n": "note",
    "notitie": "note",
    "note": "note",
    "q": "quote",
    "citaat": "quote",
    "quote": "quote",
    "deelnemer": "participant",
    "participant": "participant",
    "kandidaat": "candidate",
    "candidate": "candidate",
    "sessie": "session",
    "session": "session",
    "kaart": "card",
    "card": "card",
}

# The kind of record each keyword makes, and the words used for it in messages.
EXAMPLES = {
    "place": 'p "Buurthuis De Bron" #buurthuis @C4',
    "initiative": 'i "Zon op ons dak" #opwek @C4 +"Dokter de Vries"',
    "actor": 'persoon "Dokter de Vries" #sleutelfiguur !5',
    "participant": "deelnemer Anna #appartement #senior #alleenstaand",
    "candidate": "kandidaat Anna status:uitgenodigd #rijwoning",
    "+": 'i "Zon op ons dak" +"Dokter de Vries"',
    "~": 'n "Altijd open" ~"Buurthuis De Bron"',
    "#": "#buurthuis",
    "@": "@C4",
    "!": "!3",
    "door": 'q "De wijk is van ons" door:Anna ~"Buurthuis De Bron"',
}


@dataclass
class Capture:
    kind: str  # place, initiative, actor, tie, note, participant, candidate, session, card
    line: str
    name: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    cell: str | None = None
    actors: list[str] = field(default_factory=list)  # +NAME on an initiative
    about: str | None = None  # ~NAME on a note
    quote: str | None = None  # "quote" on a place
    target: str | None = None  # the other end of a tie
    direction: str | None = None  # directed, reversed, mutual, undirected
    tie_words: list[str] = field(default_factory=list)  # #words of a tie, resolved later
    attributes: dict[str, str] = field(default_factory=dict)  # sounding-board values
    about_last: bool = False  # `~.`: about the record the line before named
    about_table: str | None = None  # where `about` is to be found (filled in for `~.`)
    said_by: str | None = None  # door:NAME / by:NAME on a note: who said it

"""What the summary says, read from the file once (`gather`) into plain data through the
paper's redaction: the bottom of the package, which every section reads and nothing here draws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workshop.analysis import connectors, coverage
from workshop.file import redaction
from workshop.file.store import Store
from workshop.printing import network as network_pic
from workshop.printing import numbering

OUTPUT = "print"
AUDIENCE = redaction.audience_for(OUTPUT)
ORDER = "created, rowid"
DIAGRAM_ACTORS = 80
MAX_QUOTES = 24
FOLLOW_UP_TAGS = {
    "vervolg",
    "actie",
    "actiepunt",
    "afspraak",
    "todo",
    "followup",
    "follow-up",
    "action",
    "agreed",
}


@dataclass
class SummaryData:
    store: Store
    lang: str
    hood: dict
    sessions: list[dict]
    places: list[dict]  # in the one numbering's order (`workshop.printing.numbering`)
    initiatives: list[dict]  # by card number, as on the map and the cards
    actors: dict[str, dict]  # id -> actor as paper may show it
    network: connectors.Network
    rows: list[connectors.ConnectorRow]
    overview: connectors.Overview
    board: coverage.Coverage
    notes: list[dict]
    scrub: redaction.Redactor
    picture: network_pic.Picture | None = None
    counts: dict[str, int] = field(default_factory=dict)
    behind: dict[str, list[str]] = field(default_factory=dict)  # initiative id -> actor ids
    place_by_id: dict[str, dict] = field(default_factory=dict)
    place_number: dict[str, int] = field(default_factory=dict)  # place id -> its number
    notes_about: dict[str, list[dict]] = field(default_factory=dict)  # record id -> notes
    _texts: dict[str, str] = field(default_factory=dict, repr=False)  # text -> as redacted

    def name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor["name"] if actor else "?"

    def text(self, value: str | None) -> str:
        value = value or ""
        done = self._texts.get(value)
        if done is None:  # the same text (a repeated description) is redacted once
            done = self._texts[value] = self.scrub.text(value)
        return done


def gather(store: Store) -> SummaryData:
    lang = store.lang
    scrub = redaction.for_output(store, OUTPUT)

    def read(table: str, order: str = ORDER) -> list[dict]:
        return [scrub.record(table, row) for row in store.rows(table, order=order)]

    actors = {a["id"]: a for a in read("actor")}
    network = connectors.load(store)
    rows = connectors.rank(network)
    data = SummaryData(
        store=store,
        lang=lang,
        hood=store.neighbourhood(),
        # a session nothing was captured in did not meet
        sessions=[scrub.record("session", row) for row in store.held_sessions()],
        places=[place for _, place in numbering.numbered_places(read("place"))],
        initiatives=numbering.ordered_initiatives(read("initiative")),
        actors=actors,
        network=network,
        rows=rows,
        overview=connectors.overview(network, rows),
        board=coverage.coverage(store),
        notes=read("note"),
        scrub=scrub,
    )
    data.counts = _counts(store)
    data.place_by_id = {p["id"]: p for p in data.places}
    data.place_number = numbering.place_numbers(data.places)
    for note in data.notes:
        if note["about_id"]:
            data.notes_about.setdefault(note["about_id"], []).append(note)
    for link in store.rows("actor_initiative", order=ORDER):
        data.behind.setdefault(link["initiative_id"], []).append(link["actor_id"])
    return data


def _counts(store: Store) -> dict[str, int]:
    def n(table: str, where: str = "", params: tuple = ()) -> int:
        return store.count(table, where, params)

    pairs = len(connectors.load(store).edges)
    return {
        "places": n("place"),
        "valued": n("place", "sentiment = 'valued'"),
        "concern": n("place", "sentiment = 'concern'"),
        "initiatives": n("initiative"),
        "active": n("initiative", "status = 'active'"),
        "idea": n("initiative", "status = 'idea'"),
        "actors": n("actor"),
        "persons": n("actor", "type = 'person'"),
        "orgs": n("actor", "type = 'organisation'"),
        "ties": n("tie"),
        "pairs": pairs,
        "participants": n("participant"),
        "candidates": n("candidate"),
        "accepted": n("candidate", "status = 'accepted'"),
        "invited": n("candidate", "status = 'invited'"),
        "notes": n("note"),
        "quotes": n("note", "kind = 'quote'"),
    }


def today() -> str:
    return dt.date.today().isoformat()

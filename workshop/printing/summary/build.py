"""The PDF summary (`workshop print summary`): the record a municipal project lead can forward.

Cover, what was done, numbers, places with the map, initiatives, connectors in plain words, the
network picture, sounding-board coverage and its gaps, quotes, follow-up points, and an
appendix of every record; page numbers ("blad 3 van 12"), a PDF outline, title/author/subject
metadata. Dutch or English as the neighbourhood is. Everything personal goes through the
`print` output of `workshop.file.redaction`: every record is read through it once in `gather`
(names, places, initiatives, sessions, notes), so a person without consent for paper is named
nowhere, not even inside a quote, a session's venue or another record's name.

`gather` reads the file once into plain data; `summary_sections` turns that into flowables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from workshop.analysis import connectors, coverage
from workshop.exchange.files import atomic_output
from workshop.file import redaction
from workshop.file.store import Store
from workshop.i18n import t
from workshop.printing import network as network_pic
from workshop.printing.fonts import FontSet
from workshop.printing.pdfdoc import NumberedCanvas
from workshop.printing.sheet import PrintResult, paper_size
from workshop.printing.summary import texts as summary_texts  # noqa: F401  (registers the summary's words)
from workshop.printing.templates import Template

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
    places: list[dict]  # numbered 1.. in file order
    initiatives: list[dict]
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
    notes_about: dict[str, list[dict]] = field(default_factory=dict)  # record id -> notes

    def name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor["name"] if actor else "?"

    def text(self, value: str | None) -> str:
        return self.scrub.text(value or "")


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
        places=read("place"),
        initiatives=read("initiative", "card_number IS NULL, card_number, created, rowid"),
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


# --- the document ------------------------------------------------------------------------------


def print_summary(
    store: Store, path: Path, template: Template, *, paper: str = "A4"
) -> PrintResult:
    from workshop.printing.summary import sections

    data = gather(store)
    data.picture = network_pic.picture(
        store, AUDIENCE, limit=DIAGRAM_ACTORS, analysed=(data.network, data.rows)
    )
    fonts = template.fonts()
    width, height = paper_size(paper)
    margin = 20 * mm * width / paper_size("A4")[0]
    lang, hood = data.lang, data.hood
    result = PrintResult(Path(path))
    title = t("sum_title", lang, name=hood["name"])
    muted = template.colour("colours", "muted", "#5c6570")

    def footer(canvas, page: int, pages: int) -> None:
        if page == 1:
            return  # the cover carries no footer
        canvas.setFillColor(muted)
        fonts.draw(
            canvas, margin, margin * 0.55, t("sum_footer", lang, name=hood["name"]), "regular", 8
        )
        fonts.draw(
            canvas,
            width - margin,
            margin * 0.55,
            t("sum_page", lang, page=page, pages=pages),
            "regular",
            8,
            anchor="right",
        )

    canvas_class = type("SummaryCanvas", (NumberedCanvas,), {"footer": staticmethod(footer)})
    story = sections.story(data, template, fonts, width - 2 * margin)
    with atomic_output(Path(path), "wb") as fh:
        doc = BaseDocTemplate(
            fh,
            pagesize=(width, height),
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            title=title,
            author=_author(hood),
            subject=t("sum_subtitle", lang),
            creator="workshop",
            keywords="wijkaanpak, informele netwerken, verbinders",
            lang=lang,
        )
        frame = Frame(
            margin,
            margin,
            width - 2 * margin,
            height - 2 * margin,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(story, canvasmaker=canvas_class)
        result.pages = doc.page
    result.missing |= fonts.missing
    for text, chars in fonts.lost.items():
        result.lost.setdefault(text, set()).update(chars)
    return result


def _author(hood: dict) -> str:
    if hood.get("municipality"):
        return t("sum_municipality", hood["lang"], name=hood["municipality"])
    return hood["name"]


def today() -> str:
    return dt.date.today().isoformat()


__all__ = ["SummaryData", "gather", "print_summary", "FontSet"]

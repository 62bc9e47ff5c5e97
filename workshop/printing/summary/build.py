"""The PDF summary (`workshop print summary`): the record a municipal project lead can forward.

Cover, what was done, numbers, places with the map, initiatives, connectors in plain words, the
network picture, sounding-board coverage and its gaps, quotes, follow-up points, and an
appendix of every record; page numbers ("blad 3 van 12"), a PDF outline, title/author/subject
metadata. Dutch or English as the neighbourhood is. Everything personal goes through the
`print` output of `workshop.file.redaction`: every record is read through it once in `gather`
(names, places, initiatives, sessions, notes), so a person without consent for paper is named
nowhere, not even inside a quote, a session's venue or another record's name.

`data.gather` reads the file once into plain data; `sections` turns that into flowables; this
module lays them out on pages.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from workshop.file.store import Store
from workshop.i18n import t
from workshop.printing import network as network_pic
from workshop.printing.fonts import FontSet
from workshop.printing.pdfdoc import write_document
from workshop.printing.sheet import PrintResult, document_info, paper_size
from workshop.printing.summary import sections
from workshop.printing.summary import texts as summary_texts  # noqa: F401  (registers the summary's words)
from workshop.printing.summary.cardpages import card_pages
from workshop.printing.summary.data import AUDIENCE, DIAGRAM_ACTORS, SummaryData, gather
from workshop.printing.templates import Template


def print_summary(
    store: Store,
    path: Path,
    template: Template,
    *,
    paper: str = "A4",
    card_photos: bool = False,
) -> PrintResult:
    """`card_photos`: the appendix ends with the photographed cards (handwriting: personal
    data, so only when asked for)."""
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

    story = sections.story(data, template, fonts, width - 2 * margin)
    info = document_info(hood, "summary")
    if card_photos:
        story += card_pages(store, data, template, fonts, width - 2 * margin)
    result.pages = write_document(
        Path(path),
        story,
        pagesize=(width, height),
        margin=margin,
        footer=footer,
        padding=0,
        title=title,
        author=info["author"],
        subject=info["subject"],
        keywords="wijkaanpak, informele netwerken, verbinders",
        lang=lang,
    )
    result.note_fonts(fonts)
    return result


__all__ = ["AUDIENCE", "SummaryData", "gather", "print_summary", "FontSet"]

"""The confidential key (`workshop print key`, also `print sleutel`): which person each
pseudonym stands for.

On paper, on the wall and in exports a person without consent for that audience is a role
pseudonym ("Sleutelfiguur 4239", "Persoon BBB7"): the summary's "Betrek Persoon BBB7 vroeg"
means somebody, and the facilitator needs to know who. The key lists every person whose
pseudonym a printout or the wall shows, then those whose pseudonym only exports show (and
every `--anonymise` export, which hides everyone). The pseudonyms are `privacy.shown_name`'s
for the audience of each output (`workshop.file.redaction.OUTPUT_AUDIENCE`), the very function
the cards, the summary, the network poster and the wall call, so they cannot drift apart.

Every page says, at its top and its foot, that it is for the facilitator only. The key is
recorded in the file's outputs like every printout (`print_out`), so `workshop forget` names it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from workshop import model, privacy
from workshop.file.redaction import audience_for
from workshop.file.store import Store
from workshop.i18n import pick, t
from workshop.model import KIND_LABELS
from workshop.printing.pdfdoc import Column, Rows, para, write_document
from workshop.printing.sheet import PrintResult, document_info, paper_size
from workshop.printing.templates import Template

PAPER = audience_for("print")  # cards, maps, the summary, the network poster, the wall
EXPORT = audience_for("export")
ALERT = "#b00020"


@dataclass(frozen=True)
class KeyEntry:
    pseudonym: str
    name: str
    what: str  # "Sleutelfiguur", "Deelnemer", ...
    consent: str  # its label
    on_paper: bool  # the pseudonym stands on paper and the wall (else only in exports)


def entries(store: Store) -> list[KeyEntry]:
    """Every person and the one pseudonym they go under wherever they are hidden: first those
    that paper and the wall hide, then those only exports hide (an `--anonymise` export hides
    everyone, so every person is in the key); by pseudonym within each."""
    lang = store.lang
    out: list[KeyEntry] = []
    for table in model.MAY_HOLD_PERSON:
        for row in store.rows(table):
            if not privacy.is_person(row, table):
                continue
            pseudonym = privacy.shown_name(row, table, PAPER, lang, anonymise=True)
            if table != "actor":
                what = pick(KIND_LABELS[table], lang)
            elif row.get("role"):
                what = model.ROLES.label(row["role"], lang)
            else:
                what = t("pseudonym_person", lang)
            out.append(
                KeyEntry(
                    pseudonym,
                    row["name"],
                    what[:1].upper() + what[1:],
                    model.CONSENT.label(row.get("consent"), lang),
                    privacy.shown_name(row, table, PAPER, lang) != row["name"],
                )
            )
    out.sort(key=lambda e: (not e.on_paper, e.pseudonym.casefold(), e.name.casefold()))
    return out


def print_key(store: Store, path: Path, template: Template, *, paper: str = "A4") -> PrintResult:
    lang = store.lang
    hood = store.neighbourhood()
    fonts = template.fonts()
    width, height = paper_size(paper)
    margin = 18 * mm
    result = PrintResult(Path(path))
    warning = t("pseudokey_confidential", lang)

    def frame_page(canvas, page: int, pages: int) -> None:
        canvas.setFillColor(ALERT)
        fonts.draw(canvas, width / 2, height - margin * 0.6, warning, "bold", 11, anchor="centre")
        fonts.draw(canvas, margin, margin * 0.5, warning, "bold", 8)
        fonts.draw(
            canvas,
            width - margin,
            margin * 0.5,
            t("pseudokey_page", lang, page=page, pages=pages),
            "regular",
            8,
            anchor="right",
        )

    story = _story(store, template, fonts, entries(store))
    result.pages = write_document(
        Path(path),
        story,
        pagesize=(width, height),
        margin=margin,
        footer=frame_page,
        top_padding=4,
        title=t("pseudokey_title", lang, name=hood["name"]),
        subject=warning,
        author=document_info(hood, "cards")["author"],
        lang=lang,
    )
    result.note_fonts(fonts)
    return result


def _story(store: Store, template: Template, fonts, found: list[KeyEntry]) -> list[Flowable]:
    lang = store.lang
    ink = template.colour("colours", "ink", "#1d2125")
    body = ParagraphStyle(
        "body", fontName=fonts.name("regular"), fontSize=10, leading=14, textColor=ink
    )
    title = ParagraphStyle(
        "title", parent=body, fontName=fonts.name("bold"), fontSize=18, leading=23, spaceAfter=6
    )
    head = ParagraphStyle(
        "head", parent=body, fontName=fonts.name("bold"), fontSize=12.5, leading=17, spaceBefore=10
    )
    name = store.neighbourhood()["name"]
    out: list[Flowable] = [
        para(fonts, t("pseudokey_title", lang, name=name), title),
        para(fonts, t("pseudokey_intro", lang, date=dt.date.today().isoformat()), body),
        Spacer(1, 4 * mm),
    ]
    columns = [
        Column(t("pseudokey_col_pseudonym", lang), 3, style="bold"),
        Column(t("pseudokey_col_name", lang), 4),
        Column(t("pseudokey_col_what", lang), 3),
        Column(t("pseudokey_col_consent", lang), 2),
    ]
    for on_paper, heading, empty in (
        (True, "pseudokey_on_paper", "pseudokey_none_on_paper"),
        (False, "pseudokey_in_exports", "pseudokey_none_in_exports"),
    ):
        out.append(para(fonts, t(heading, lang), head))
        rows = [(e.pseudonym, e.name, e.what, e.consent) for e in found if e.on_paper == on_paper]
        out.append(
            Rows(fonts, columns, rows, size=9) if rows else para(fonts, t(empty, lang), body)
        )
    return out

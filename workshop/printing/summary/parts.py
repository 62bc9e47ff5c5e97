"""What every section of the summary needs (`Parts`: the data, fonts, paragraph styles, width
and small helpers) and the row of an initiative, which the body and the appendix both list."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from workshop import model
from workshop.i18n import t
from workshop.printing import numbering
from workshop.printing.fonts import FontSet
from workshop.printing.pdfdoc import Bookmark, Column, Rows, para
from workshop.printing.summary.data import SummaryData
from workshop.printing.summary.hyphens import DICTIONARIES, Hyphenator
from workshop.printing.templates import Template


def styles(fonts: FontSet, template: Template, lang: str = "nl") -> dict[str, ParagraphStyle]:
    ink = template.colour("colours", "ink", "#1d2125")
    accent = template.colour("colours", "accent", "#8c1c3a")
    muted = template.colour("colours", "muted", "#5c6570")
    body = ParagraphStyle(
        "body",
        fontName=fonts.name("regular"),
        fontSize=10,
        leading=14,
        textColor=ink,
        spaceAfter=6,
        # platypus hyphenates with pyphen, as `hyphens` does for tables and shaped text
        hyphenationLang=DICTIONARIES.get(lang, "en_GB"),
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
    )
    # a title or heading names the neighbourhood or a section: never hyphenated
    heading = ParagraphStyle("heading", parent=body, hyphenationLang="")
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            parent=heading,
            fontName=fonts.name("bold"),
            fontSize=28,
            leading=34,
            textColor=accent,
            spaceAfter=10,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=heading, fontSize=14, leading=19, spaceAfter=18
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=heading,
            fontName=fonts.name("bold"),
            fontSize=17,
            leading=22,
            textColor=accent,
            spaceBefore=6,
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=heading,
            fontName=fonts.name("bold"),
            fontSize=12.5,
            leading=17,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "bullet": ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=12,
            bulletIndent=2,
            spaceAfter=4,
            bulletFontName=body.fontName,  # an embedded font, not reportlab's Helvetica
        ),
        "quote": ParagraphStyle(
            "quote",
            parent=body,
            fontName=fonts.name("italic"),
            fontSize=11,
            leading=15,
            leftIndent=14,
            spaceAfter=2,
        ),
        "source": ParagraphStyle(
            "source",
            parent=body,
            fontSize=8.5,
            leading=11,
            leftIndent=14,
            textColor=muted,
            spaceAfter=9,
        ),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=muted),
    }


class Parts:
    """What every section needs: the data, fonts, styles and width, and small helpers."""

    def __init__(self, data: SummaryData, template: Template, fonts: FontSet, width: float):
        self.data, self.template, self.fonts, self.width = data, template, fonts, width
        self.lang = data.lang
        self.st = styles(fonts, template, self.lang)
        self.wrap = Hyphenator(fonts, self.lang).wrap

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def p(self, text: str, style: str = "body", font_style: str = "regular") -> Flowable:
        # Every sentence passes the paper's redaction once more, as it is printed: names of
        # organisations, groups and connectors' stories are composed after `gather`.
        st = self.st[style]
        wrap = self.wrap if st.hyphenationLang else None  # headings are not hyphenated
        return para(self.fonts, self.data.text(text), st, font_style, wrap=wrap)

    def bullet(self, text: str) -> Flowable:
        paragraph = self.p(text, "bullet")
        paragraph.bulletText = "•"
        return paragraph

    def heading(
        self, key: str, text: str, level: int = 0, room: float | None = None
    ) -> list[Flowable]:
        """A heading that never ends a page: it moves on when less than `room` is left."""
        style = "h1" if level == 0 else "h2"
        room = room if room is not None else (45 * mm if level == 0 else 30 * mm)
        return [CondPageBreak(room), Bookmark(key, text, level), self.p(text, style, "bold")]

    def rows(self, columns: list[Column], rows: list[list[str]]) -> Rows:
        tpl = self.template
        rows = [[self.data.text(cell) for cell in row] for row in rows]
        return Rows(
            self.fonts,
            columns,
            rows,
            size=8.5,
            ink=tpl.colour("colours", "ink", "#1d2125"),
            rule=tpl.colour("colours", "rule", "#b9c0c8"),
            head=tpl.colour("colours", "panel", "#f6f4f0"),
            wrap=self.wrap,
        )


def initiative_row(parts: Parts, ini: dict, lines_long: bool = False) -> list[str]:
    data, lang = parts.data, parts.lang
    place = data.place_by_id.get(ini["place_id"] or "")
    where = " · ".join(x for x in ((place or {}).get("name"), ini["cell"]) if x)
    who = ", ".join(data.name(actor_id) for actor_id in data.behind.get(ini["id"], []))
    ask = "; ".join(
        x
        for x in (
            parts.t("sum_needs", text=data.text(ini["needs"])) if ini["needs"] else "",
            parts.t("sum_offers", text=data.text(ini["offers"])) if ini["offers"] else "",
        )
        if x
    )
    theme = " · ".join(
        x
        for x in (model.THEMES.label(ini["theme"], lang), model.STATUSES.label(ini["status"], lang))
        if x
    )
    return [
        numbering.label(numbering.initiative_number(ini)),
        ini["name"],
        theme,
        where,
        who,
        ask,
    ]

"""The network poster (`workshop print network`), and the names the summary reuses.

Actors are shapes sized by influence (Net-Map's tower, 0-5), in the colour and shape of their
group (at most eight); a tie's line style says its kind, its width its strength, arrowheads its
direction. The five strongest connectors carry their rank, articulation points a diamond.
Persons are named only with consent for paper; the others by role pseudonym. Initiatives and
places can go on it too (`initiatives=True`, `places=True`).

    netpicture   who and what is on the picture, the groups, the layout and packing
    netdraw      drawing the picture: ties, marks, names with halos
    netkey       its key, the connectors and the actors without ties (the side panel)

A poster of thousands of dots says nothing, so a large network shows its `MAX_ACTORS` most
connecting actors and says so; actors without ties are listed beside the picture.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from workshop.file.store import Store
from workshop.i18n import UserError, t
from workshop.printing.netdraw import draw_network, node_radius
from workshop.printing.netkey import alone_list, connector_list, legend
from workshop.printing.netpicture import MAX_ACTORS, RANKED, Edge, Node, Picture, picture
from workshop.printing.sheet import PrintResult, Rect, Sheet, document_info, paper_size, render
from workshop.printing.templates import Template

__all__ = [
    "MAX_ACTORS",
    "RANKED",
    "Edge",
    "Node",
    "Picture",
    "alone_list",
    "connector_list",
    "draw_network",
    "legend",
    "node_radius",
    "picture",
    "print_network",
]

# --- the poster --------------------------------------------------------------------------------


def print_network(
    store: Store,
    path: Path,
    template: Template,
    *,
    paper: str = "A3",
    initiatives: bool = False,
    places: bool = False,
) -> PrintResult:
    lang = store.lang
    hood = store.neighbourhood()
    pic = picture(store, initiatives=initiatives, places=places)
    width, height = paper_size(paper, landscape=True)
    scale = width / paper_size("A3", landscape=True)[0]
    result = PrintResult(Path(path))
    if not pic.actors:
        raise UserError("net_empty")

    def draw(sheet: Sheet) -> None:
        margin = 12 * mm * scale
        side_w = 95 * mm * scale
        top = height - margin
        sheet.text(
            margin, top - 16 * scale, t("net_title", lang, name=hood["name"]), "bold", 20 * scale
        )
        municipality = f"{hood['municipality']} · " if hood["municipality"] else ""
        sheet.text(
            margin,
            top - 30 * scale,
            t(
                "net_subtitle",
                lang,
                municipality=municipality,
                actors=pic.actors,
                ties=pic.ties,
                date=_today(),
            ),
            "regular",
            10 * scale,
            sheet.template.colour("colours", "muted"),
        )
        area = Rect(
            margin,
            margin + 10 * scale,
            width - 2 * margin - side_w - 6 * mm * scale,
            height - 2 * margin - 48 * scale,
        )
        if pic.partial:
            sheet.text(
                margin,
                area.y + area.h + 4 * scale,
                t("net_partial", lang, shown=len(pic.nodes), actors=pic.actors),
                "italic",
                8 * scale,
            )
        # names never below 7 pt on A3 (what does not fit unlabelled is left out, not shrunk)
        font = (8 if len(pic.nodes) <= 60 else 7) * scale
        base = 2.6 if len(pic.nodes) <= 60 else 1.6 if len(pic.nodes) <= 150 else 1.0
        draw_network(sheet, pic, area, font_size=font, base_radius=base * mm * scale)
        sheet.block("network", area)
        side = Rect(width - margin - side_w, margin + 10 * scale, side_w, area.h)
        y = legend(sheet, pic, side.x, side.y + side.h, side.w, scale)
        y = connector_list(sheet, pic, side.x, y - 8 * scale, side.w, scale, lang)
        alone_list(sheet, pic, side.x, y - 8 * scale, side.w, side.y, scale, lang)
        muted = sheet.template.colour("colours", "muted")
        sheet.text(margin, margin, t("net_consent", lang), "italic", 7.5 * scale, muted)
        sheet.text(
            width - margin,
            margin,
            t("net_page", lang, page=1, pages=1),
            "regular",
            7.5 * scale,
            muted,
            anchor="right",
        )

    title = t("net_title", lang, name=hood["name"])
    return render(
        path,
        (width, height),
        template,
        lang,
        draw,
        title=title,
        result=result,
        **document_info(hood, "network"),
    )


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()

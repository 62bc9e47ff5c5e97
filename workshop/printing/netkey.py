"""The network picture's key (colour groups and shapes, influence, the kinds of tie, direction
and strength, the marks), the list of connectors and the actors without ties: the poster's
side panel."""

from __future__ import annotations

from reportlab.lib.units import mm

from workshop import model
from workshop.i18n import t
from workshop.printing.colours import colour_of
from workshop.printing.netdraw import (
    diamond,
    draw_tie,
    line_width,
    node_radius,
    record_mark,
    shape,
    tie_style,
)
from workshop.printing.netpicture import GROUPS, Node, Picture
from workshop.printing.sheet import Sheet


def _tie_label(kind: str, lang: str) -> str:
    for vocabulary in model.TIE_KINDS.values():
        if kind in vocabulary:
            return vocabulary.label(kind, lang)
    return kind


def legend(sheet: Sheet, pic: Picture, x: float, y: float, w: float, scale: float) -> float:
    """The key to the picture, from `y` downwards: groups (colour and shape), influence
    (size), the kinds of tie on it (line style), direction and strength, the marks; returns
    the y below it."""
    lang = sheet.lang
    c = sheet.c
    ink = sheet.template.colour("colours", "ink")
    size = 8 * scale
    line = size * 1.6
    sheet.text(x, y - size * 1.3, t("net_legend", lang), "bold", size * 1.3)
    y -= size * 1.3 + line
    sheet.text(x, y, t("net_groups", lang), "bold", size)
    for k, group in enumerate(pic.groups):
        cy = y - line * (1 + k)
        mark = GROUPS[group]
        shape(sheet, mark.shape, x + size * 0.6, cy + size * 0.35, size * 0.42, mark.colour, 0.45)
        sheet.text(
            x + size * 1.6,
            cy,
            sheet.fonts.fit(mark.label(lang), "regular", size, w - size * 1.8),
            "regular",
            size,
            ink,
        )
    y -= line * (1 + len(pic.groups)) + line * 0.3
    kinds = {n.kind for n in pic.nodes}
    for kind, key in (("initiative", "net_initiative"), ("place", "net_place")):
        if kind in kinds:
            record_mark(sheet, Node("", "", None, None, kind=kind), x + size * 0.6, y + size * 0.35, size * 0.42, 0.45)  # fmt: skip
            sheet.text(x + size * 1.6, y, t(key, lang), "regular", size, ink)
            y -= line
    sheet.text(x, y, t("net_size", lang), "bold", size)
    cx = x + size * 0.6
    for influence in range(6):
        r = node_radius(Node("", "", None, influence), pic.base_radius or 2.2 * mm * scale)
        c.setFillColor(colour_of("#9aa3ad"))
        c.circle(cx + r, y - line * 1.3, r, stroke=0, fill=1)
        sheet.text(
            cx + r, y - line * 1.3 - r - size, str(influence), "regular", size, ink, anchor="centre"
        )
        cx += 2 * r + 4 * scale
    biggest = node_radius(Node("", "", None, 5), pic.base_radius or 2.2 * mm * scale)
    y -= line * 1.3 + 2 * biggest + line * 0.8
    sheet.text(x, y, t("net_ties", lang), "bold", size)
    y -= line
    sample = size * 3.2
    for kind in pic.tie_kinds:
        tie_style(sheet, kind, line_width(2, scale))
        c.line(x, y + size * 0.35, x + sample, y + size * 0.35)
        c.setDash([], 0)
        sheet.text(x + sample + size * 0.8, y, _tie_label(kind, lang), "regular", size, ink)
        y -= line
    # direction and strength
    draw_tie(sheet, (x, y + size * 0.35), (x + sample, y + size * 0.35), (0, 0), "knows", "directed", line_width(2, scale), 3.2 * scale)  # fmt: skip
    sheet.text(x + sample + size * 0.8, y, t("net_directed", lang), "regular", size, ink)
    y -= line
    draw_tie(sheet, (x, y + size * 0.35), (x + sample, y + size * 0.35), (0, 0), "knows", "mutual", line_width(2, scale), 3.2 * scale)  # fmt: skip
    sheet.text(x + sample + size * 0.8, y, t("net_mutual", lang), "regular", size, ink)
    y -= line
    for k in range(3):
        tie_style(sheet, "knows", line_width(k + 1, scale))
        level = y + size * 0.9 - k * 3.2 * scale
        c.line(x, level, x + sample, level)
    sheet.text(x + sample + size * 0.8, y, t("net_line", lang), "regular", size, ink)
    y -= line * 1.4
    accent = sheet.template.colour("colours", "accent")
    c.setStrokeColor(colour_of(accent))
    c.setLineWidth(1.4 * scale)
    c.circle(x + size * 0.6, y + size * 0.35, size * 0.6, stroke=1, fill=0)
    sheet.text(x + size * 1.8, y, t("net_rank", lang), "regular", size, ink)
    y -= line
    diamond(sheet, x + size * 0.6, y + size * 0.35, size * 0.5, ink)
    for part in sheet.fonts.wrap(t("net_cut", lang), "regular", size, w - size * 1.8, 2):
        sheet.text(x + size * 1.8, y, part, "regular", size, ink)
        y -= line * 0.85
    return y - line * 0.4


def connector_list(
    sheet: Sheet, pic: Picture, x: float, y: float, w: float, scale: float, lang: str
) -> float:
    ranked = sorted((n for n in pic.nodes if n.rank), key=lambda n: n.rank)
    if not ranked:
        return y
    size = 8 * scale
    sheet.text(x, y - size * 1.3, t("net_top", lang), "bold", size * 1.3)
    y -= size * 1.3 + size * 1.6
    for node in ranked:
        role = model.ROLES.label(node.role, lang) if node.role else ""
        text = f"{node.rank}. {node.label}" + (f" ({role})" if role else "")
        sheet.text(x, y, sheet.fonts.fit(text, "regular", size, w), "regular", size)
        y -= size * 1.45
    return y


def alone_list(
    sheet: Sheet, pic: Picture, x: float, y: float, w: float, bottom: float, scale: float, lang: str
) -> None:
    if not pic.alone:
        return
    size = 8 * scale
    sheet.text(x, y - size * 1.3, t("net_alone", lang, count=len(pic.alone)), "bold", size * 1.3)
    y -= size * 1.3 + size * 1.6
    room = max(1, int((y - bottom) / (size * 1.3)))
    names = sheet.fonts.wrap(", ".join(pic.alone), "regular", size, w, room)
    for line in names:
        sheet.text(x, y, line, "regular", size)
        y -= size * 1.3

"""The network poster (`workshop print network`), and the network picture the summary reuses.

Actors are dots sized by influence (Net-Map's tower, 0-5) and coloured by role; a line is a
tie (thicker = stronger). The five strongest connectors carry their rank, articulation points a
diamond. Persons are named only with consent for paper; the others by role pseudonym.

A poster of thousands of dots says nothing, so a large network shows its `MAX_ACTORS` most
connecting actors and says so; actors without ties are listed beside the picture, not scattered
through it. The layout is networkx's spring layout with a fixed seed: the same file gives the
same poster.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from reportlab.lib.units import mm

from workshop import model
from workshop.analysis import connectors
from workshop.file import redaction
from workshop.file.store import Store
from workshop.i18n import UserError, t
from workshop.model import role_colour
from workshop.printing.sheet import PrintResult, Rect, Sheet, document_info, paper_size, render
from workshop.printing.templates import Template

MAX_ACTORS = 250
RANKED = 5  # connectors that carry their rank on the picture
LAYOUT_SEED = 11


@dataclass
class Node:
    id: str
    label: str
    role: str | None
    influence: int | None
    x: float = 0.0  # 0..1, left to right
    y: float = 0.0  # 0..1, bottom to top
    rank: int = 0  # 1..RANKED for the strongest connectors
    articulation: bool = False
    betweenness: float = 0.0


@dataclass
class Picture:
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[int, int, int]] = field(default_factory=list)  # i, j, strength
    alone: list[str] = field(default_factory=list)  # labels of actors without ties
    actors: int = 0
    ties: int = 0
    rows: list[connectors.ConnectorRow] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        return len(self.nodes) + len(self.alone) < self.actors


def picture(
    store: Store,
    audience: str = "print",
    limit: int = MAX_ACTORS,
    analysed: tuple[connectors.Network, list[connectors.ConnectorRow]] | None = None,
) -> Picture:
    """The picture of the network; `analysed` passes a (network, rows) already computed."""
    lang = store.lang
    network, rows = analysed or (network_of := connectors.load(store), connectors.rank(network_of))
    pic = Picture(actors=len(rows), ties=network.tie_count, rows=rows)
    tied = [r for r in rows if r.degree]
    chosen = tied[:limit]
    index = {r.actor_id: i for i, r in enumerate(chosen)}
    scrub = redaction.for_audience(store, audience)
    pic.alone = [scrub.text(r.shown_name(audience, lang)) for r in rows if not r.degree]
    strength: dict[tuple[int, int], int] = {}
    for tie in store.rows("tie"):  # the strongest tie of a pair draws it
        a, b = index.get(tie["source_id"]), index.get(tie["target_id"])
        if a is None or b is None or a == b:
            continue
        key = (min(a, b), max(a, b))
        strength[key] = max(strength.get(key, 1), tie["strength"] or 1)
    pic.edges = [(a, b, s) for (a, b), s in sorted(strength.items())]
    ranked = [r.actor_id for r in chosen if r.is_connector and r.betweenness > 0][:RANKED]
    for r in chosen:
        pic.nodes.append(
            Node(
                r.actor_id,
                scrub.text(r.shown_name(audience, lang)),
                r.role,
                r.influence,
                rank=ranked.index(r.actor_id) + 1 if r.actor_id in ranked else 0,
                articulation=r.articulation,
                betweenness=r.betweenness,
            )
        )
    _layout(pic)
    return pic


def _layout(pic: Picture) -> None:
    if not pic.nodes:
        return
    graph = nx.Graph()
    graph.add_nodes_from(range(len(pic.nodes)))
    graph.add_edges_from((a, b) for a, b, _ in pic.edges)
    n = len(pic.nodes)
    pos = nx.spring_layout(graph, seed=LAYOUT_SEED, k=1.6 / math.sqrt(n), iterations=300)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    for i, node in enumerate(pic.nodes):
        node.x = (pos[i][0] - min(xs)) / span_x
        node.y = (pos[i][1] - min(ys)) / span_y


# --- drawing -----------------------------------------------------------------------------------


def node_radius(node: Node, base: float) -> float:
    return base * (0.7 + 0.32 * (node.influence or 0))


def draw_network(
    sheet: Sheet, pic: Picture, rect: Rect, *, font_size: float = 8, base_radius: float = 2.2 * mm
) -> None:
    """The picture in `rect`: ties, dots, marks and as many labels as fit without overlap
    (a ranked connector is always labelled)."""
    c = sheet.c
    if not pic.nodes:
        return
    label_room = min(rect.w * 0.18, font_size * 14)
    inner = Rect(
        rect.x + label_room / 2,
        rect.y + font_size * 1.5,
        rect.w - label_room,
        rect.h - font_size * 3,
    )
    points = [(inner.x + n.x * inner.w, inner.y + n.y * inner.h) for n in pic.nodes]
    ink = sheet.template.colour("colours", "ink", "#1d2125")
    accent = sheet.template.colour("colours", "accent", "#8c1c3a")
    c.setStrokeColor("#9aa3ad")
    for a, b, strength in pic.edges:
        c.setLineWidth(0.35 + 0.45 * (strength - 1))
        c.line(*points[a], *points[b])
    order = sorted(
        range(len(pic.nodes)), key=lambda i: (pic.nodes[i].rank or 99, -pic.nodes[i].betweenness)
    )
    taken: list[Rect] = []
    for i in reversed(order):  # the important ones last, so they sit on top
        node, (x, y) = pic.nodes[i], points[i]
        r = node_radius(node, base_radius)
        red, green, blue = _template_role_colour(sheet, node.role)
        c.setFillColorRGB(red / 255, green / 255, blue / 255)
        c.setStrokeColor("#ffffff")
        c.setLineWidth(0.6)
        c.circle(x, y, r, stroke=1, fill=1)
        if node.articulation:
            _diamond(sheet, x + r * 0.9, y + r * 0.9, max(r * 0.55, 1.4 * mm), ink)
        if node.rank:
            c.setStrokeColor(accent)
            c.setLineWidth(1.4)
            c.circle(x, y, r + 1.2, stroke=1, fill=0)
        taken.append(Rect(x - r, y - r, 2 * r, 2 * r))
    for i in order:
        node, (x, y) = pic.nodes[i], points[i]
        r = node_radius(node, base_radius)
        text = node.label if not node.rank else f"{node.rank}. {node.label}"
        style = "bold" if node.rank else "regular"
        text = sheet.fonts.fit(text, style, font_size, font_size * 16)
        width = sheet.fonts.width(text, style, font_size)
        box = _place_label(x, y, r, width, font_size, rect, taken, force=bool(node.rank))
        if box is None:  # a crowded spot: try the name a size smaller before giving up
            small = font_size * 0.8
            text = sheet.fonts.fit(text, style, small, small * 16)
            width = sheet.fonts.width(text, style, small)
            box = _place_label(x, y, r, width, small, rect, taken, force=False)
            if box is None:
                continue
        size = box.h / 1.15
        taken.append(box)
        c.setFillColor("#ffffff")
        c.setFillAlpha(0.75)
        c.rect(box.x - 0.6, box.y, box.w + 1.2, box.h, stroke=0, fill=1)
        c.setFillAlpha(1)
        sheet.text(box.x, box.y + size * 0.28, text, style, size, accent if node.rank else ink)


def _template_role_colour(sheet: Sheet, role: str | None) -> tuple[int, int, int]:
    """A template may give roles their own colours in a [roles] table."""
    default = "#{:02x}{:02x}{:02x}".format(*role_colour(role))
    value = sheet.template.colour("roles", role or "other", default)
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _diamond(sheet: Sheet, x: float, y: float, size: float, colour: str) -> None:
    c = sheet.c
    path = c.beginPath()
    path.moveTo(x, y + size)
    path.lineTo(x + size, y)
    path.lineTo(x, y - size)
    path.lineTo(x - size, y)
    path.close()
    c.setFillColor(colour)
    c.setStrokeColor("#ffffff")
    c.setLineWidth(0.5)
    c.drawPath(path, stroke=1, fill=1)


def _place_label(
    x: float,
    y: float,
    r: float,
    width: float,
    size: float,
    bounds: Rect,
    taken: list[Rect],
    force: bool,
) -> Rect | None:
    h = size * 1.15
    gap = r + 1.2
    right, left = x + gap, x - gap - width
    candidates = [
        Rect(right, y - h / 2, width, h),
        Rect(left, y - h / 2, width, h),
        Rect(x - width / 2, y + gap, width, h),
        Rect(x - width / 2, y - gap - h, width, h),
    ]
    for shift in (h * 0.9, -h * 0.9, h * 1.8, -h * 1.8):  # a little up or down a crowded row
        candidates += [
            Rect(right, y - h / 2 + shift, width, h),
            Rect(left, y - h / 2 + shift, width, h),
        ]
    inside = [b for b in candidates if bounds.contains(b)]
    for box in inside:
        if not any(box.overlaps(other) for other in taken):
            return box
    return (inside or candidates)[0] if force else None


# --- the poster --------------------------------------------------------------------------------


def print_network(
    store: Store, path: Path, template: Template, *, paper: str = "A3"
) -> PrintResult:
    lang = store.lang
    hood = store.neighbourhood()
    pic = picture(store)
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
        font = (8 if len(pic.nodes) <= 60 else 6 if len(pic.nodes) <= 150 else 4.5) * scale
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


def legend(sheet: Sheet, pic: Picture, x: float, y: float, w: float, scale: float) -> float:
    """The key to the picture, from `y` downwards; returns the y below it."""
    lang = sheet.lang
    c = sheet.c
    ink = sheet.template.colour("colours", "ink")
    size = 8 * scale
    line = size * 1.55
    sheet.text(x, y - size * 1.3, t("net_legend", lang), "bold", size * 1.3)
    y -= size * 1.3 + line
    sheet.text(x, y, t("net_roles", lang), "bold", size)
    roles = sorted({n.role for n in pic.nodes}, key=lambda r: (r is None, r or ""))
    col_w = w / 2
    for k, role in enumerate(roles):
        cx = x + (k % 2) * col_w
        cy = y - line * (1 + k // 2)
        red, green, blue = _template_role_colour(sheet, role)
        c.setFillColorRGB(red / 255, green / 255, blue / 255)
        c.circle(cx + size * 0.4, cy + size * 0.35, size * 0.4, stroke=0, fill=1)
        label = model.ROLES.label(role, lang) if role else t("net_unknown_role", lang)
        sheet.text(
            cx + size * 1.2,
            cy,
            sheet.fonts.fit(label, "regular", size, col_w - size * 1.4),
            "regular",
            size,
            ink,
        )
    y -= line * (1 + (len(roles) + 1) // 2) + line * 0.4
    sheet.text(x, y, t("net_size", lang), "bold", size)
    cx = x + size * 0.6
    for influence in range(6):
        r = node_radius(Node("", "", None, influence), 2.2 * mm * scale)
        c.setFillColor("#9aa3ad")
        c.circle(cx + r, y - line * 1.3, r, stroke=0, fill=1)
        sheet.text(
            cx + r,
            y - line * 1.3 - r - size,
            str(influence),
            "regular",
            size * 0.85,
            ink,
            anchor="centre",
        )
        cx += 2 * r + 4 * scale
    y -= line * 1.3 + 2 * node_radius(Node("", "", None, 5), 2.2 * mm * scale) + line * 0.6
    accent = sheet.template.colour("colours", "accent")
    c.setStrokeColor(accent)
    c.setLineWidth(1.4)
    c.circle(x + size * 0.6, y + size * 0.35, size * 0.6, stroke=1, fill=0)
    sheet.text(x + size * 1.8, y, t("net_rank", lang), "regular", size, ink)
    y -= line
    _diamond(sheet, x + size * 0.6, y + size * 0.35, size * 0.5, ink)
    for part in sheet.fonts.wrap(t("net_cut", lang), "regular", size, w - size * 1.8, 2):
        sheet.text(x + size * 1.8, y, part, "regular", size, ink)
        y -= line * 0.85
    y -= line * 0.2
    c.setStrokeColor("#9aa3ad")
    for k, width in enumerate((0.35, 0.8, 1.25)):
        c.setLineWidth(width)
        level = y + size * 0.7 - k * 2.6 * scale
        c.line(x, level, x + size * 1.3, level)
    sheet.text(x + size * 1.8, y, t("net_line", lang), "regular", size, ink)
    return y - line


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

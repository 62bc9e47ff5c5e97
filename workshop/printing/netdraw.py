"""Drawing the network picture (`netpicture`) on a sheet: ties by kind (line style), strength
(width) and direction (arrowheads), actors as shapes of their group's colour sized by
influence, names with a white halo, and the key to all of it. The poster and the summary both
draw with `draw_network`."""

from __future__ import annotations

import math

from reportlab.lib.units import mm

from workshop.printing.colours import colour_of
from workshop.printing.netpicture import GROUPS, Node, Picture, pack
from workshop.printing.sheet import Rect, Sheet

LINE_GREY = "#6f7882"
# Per tie kind: colour, dash pattern (in units of the line's width; () is solid), round caps.
TIE_STYLES: dict[str, tuple[str, tuple[float, ...], bool]] = {
    "knows": (LINE_GREY, (), False),
    "works_with": ("#2f363d", (), False),
    "member_of": (LINE_GREY, (0.01, 2.6), True),
    "funds": ("#2f363d", (5, 2.5), False),
    "trusts": ("#2f363d", (6, 2, 0.01, 2), True),
    "informs": (LINE_GREY, (2.2, 1.8), False),
    "drives": ("#8c1c3a", (), False),
    "supports": ("#8c1c3a", (3, 2), False),
    "meets_at": ("#1b7837", (0.01, 2.6), True),
    "runs": ("#1b7837", (), False),
}
OUTLINE = "#262b30"


def node_radius(node: Node, base: float) -> float:
    return base * (0.7 + 0.32 * (node.influence or 0))


def line_width(strength: int, scale: float = 1.0) -> float:
    return (0.6 + 0.5 * (max(1, min(3, strength)) - 1)) * scale


def tie_style(sheet: Sheet, kind: str, width: float) -> None:
    colour, dash, round_caps = TIE_STYLES.get(kind, TIE_STYLES["knows"])
    c = sheet.c
    c.setStrokeColor(colour_of(colour))
    c.setLineWidth(width)
    c.setLineCap(1 if round_caps else 0)
    if dash:
        c.setDash([max(d * width, 0.01) for d in dash], 0)
    else:
        c.setDash([], 0)


def arrowhead(sheet: Sheet, x: float, y: float, angle: float, length: float, colour: str) -> None:
    """A filled arrowhead with its tip at (x, y), pointing along `angle`."""
    c = sheet.c
    back = angle + math.pi
    spread = 0.42
    path = c.beginPath()
    path.moveTo(x, y)
    path.lineTo(x + length * math.cos(back + spread), y + length * math.sin(back + spread))
    path.lineTo(x + length * math.cos(back - spread), y + length * math.sin(back - spread))
    path.close()
    c.setFillColor(colour_of(colour))
    c.drawPath(path, stroke=0, fill=1)


def draw_tie(
    sheet: Sheet,
    start: tuple[float, float],
    end: tuple[float, float],
    gaps: tuple[float, float],
    kind: str,
    direction: str,
    width: float,
    head: float,
) -> None:
    """A tie from `start` to `end`, stopping `gaps` short of each end (the dots' edges), with
    an arrowhead at the end it points to (both for a mutual tie)."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length <= sum(gaps) + 0.5:
        return
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    angle = math.atan2(uy, ux)
    ax, ay = x1 + ux * gaps[0], y1 + uy * gaps[0]
    bx, by = x2 - ux * gaps[1], y2 - uy * gaps[1]
    heads = {"directed": (False, True), "mutual": (True, True)}.get(direction, (False, False))
    room = length - sum(gaps)
    size = min(head + width, room / 2.5)
    colour = TIE_STYLES.get(kind, TIE_STYLES["knows"])[0]
    sx, sy = (ax + ux * size * 0.8, ay + uy * size * 0.8) if heads[0] else (ax, ay)
    ex, ey = (bx - ux * size * 0.8, by - uy * size * 0.8) if heads[1] else (bx, by)
    tie_style(sheet, kind, width)
    sheet.c.line(sx, sy, ex, ey)
    sheet.c.setDash([], 0)
    if heads[1]:
        arrowhead(sheet, bx, by, angle, size, colour)
    if heads[0]:
        arrowhead(sheet, ax, ay, angle + math.pi, size, colour)


def shape(sheet: Sheet, kind: str, x: float, y: float, r: float, fill: str, line: float) -> None:
    """A group's mark of about the area of a circle of radius `r`, outlined."""
    c = sheet.c
    c.setFillColor(colour_of(fill))
    c.setStrokeColor(colour_of(OUTLINE))
    c.setLineWidth(line)
    c.setLineJoin(1)
    c.setDash([], 0)
    if kind == "circle":
        c.circle(x, y, r, stroke=1, fill=1)
        return
    if kind == "square":
        side = r * 1.77
        c.rect(x - side / 2, y - side / 2, side, side, stroke=1, fill=1)
        return
    corners = {
        "triangle": (3, 1.35, 90),
        "triangle_down": (3, 1.35, -90),
        "hexagon": (6, 1.1, 0),
        "pentagon": (5, 1.15, 90),
        "diamond": (4, 1.25, 90),
    }
    path = c.beginPath()
    if kind == "star":
        points = [
            (r * (1.45 if k % 2 == 0 else 0.62), math.radians(90 + 36 * k)) for k in range(10)
        ]
    elif kind == "cross":
        a, b = r * 1.05, r * 0.4
        outline = [(b, a), (b, b), (a, b), (a, -b), (b, -b), (b, -a)]
        outline += [(-px, -py) for px, py in outline]
        path.moveTo(x + outline[0][0], y + outline[0][1])
        for px, py in outline[1:]:
            path.lineTo(x + px, y + py)
        path.close()
        c.drawPath(path, stroke=1, fill=1)
        return
    else:
        count, size, start = corners.get(kind, (4, 1.25, 90))
        points = [(r * size, math.radians(start + 360 / count * k)) for k in range(count)]
    first = True
    for dist, angle in points:
        px, py = x + dist * math.cos(angle), y + dist * math.sin(angle)
        if first:
            path.moveTo(px, py)
            first = False
        else:
            path.lineTo(px, py)
    path.close()
    c.drawPath(path, stroke=1, fill=1)


def record_mark(sheet: Sheet, node: Node, x: float, y: float, r: float, line: float) -> None:
    """An initiative (square) or a place (circle), white with a border in its ties' colour."""
    colour = TIE_STYLES["drives" if node.kind == "initiative" else "runs"][0]
    c = sheet.c
    c.setFillColor(colour_of("#ffffff"))
    c.setStrokeColor(colour_of(colour))
    c.setLineWidth(line * 2.4)
    c.setDash([], 0)
    if node.kind == "initiative":
        side = r * 1.7
        c.roundRect(x - side / 2, y - side / 2, side, side, side * 0.2, stroke=1, fill=1)
    else:
        c.circle(x, y, r, stroke=1, fill=1)


def diamond(sheet: Sheet, x: float, y: float, size: float, colour: str) -> None:
    c = sheet.c
    path = c.beginPath()
    path.moveTo(x, y + size)
    path.lineTo(x + size, y)
    path.lineTo(x, y - size)
    path.lineTo(x - size, y)
    path.close()
    c.setFillColor(colour_of(colour))
    c.setStrokeColor(colour_of("#ffffff"))
    c.setLineWidth(0.5)
    c.drawPath(path, stroke=1, fill=1)


def halo_text(
    sheet: Sheet, x: float, y: float, text: str, style: str, size: float, colour: str
) -> None:
    """Text with a white halo, so it reads over ties and dots (the maps' halo: the glyphs'
    outlines as paths, so the name reads back once)."""
    sheet.fonts.halo(sheet.c, x, y, text, style, size, width=size * 0.3)
    sheet.text(x, y, text, style, size, colour)


def draw_network(
    sheet: Sheet, pic: Picture, rect: Rect, *, font_size: float = 8, base_radius: float = 2.2 * mm
) -> None:
    """The picture in `rect`: its parts packed to the rect's shape, ties, marks and as many
    names as fit without overlap, at `font_size` (a ranked connector is always named)."""
    c = sheet.c
    if not pic.nodes:
        return
    label_room = min(rect.w * 0.16, font_size * 12)
    inner = Rect(
        rect.x + label_room / 2,
        rect.y + font_size * 1.5,
        rect.w - label_room,
        rect.h - font_size * 3,
    )
    pack(pic, inner.w / inner.h)
    unit = pic.unit * inner.h  # the room of one actor, in points
    base = min(base_radius, unit * 0.14)
    pic.base_radius = base  # the key shows the sizes drawn
    scale = font_size / 8
    points = [(inner.x + n.x * inner.w, inner.y + n.y * inner.h) for n in pic.nodes]
    radii = [node_radius(n, base) if n.kind == "actor" else base * 1.1 for n in pic.nodes]
    ink = sheet.template.colour("colours", "ink", "#1d2125")
    accent = sheet.template.colour("colours", "accent", "#8c1c3a")
    c.saveState()
    for edge in sorted(pic.edges, key=lambda e: e.strength):
        width = line_width(edge.strength, scale)
        gaps = (radii[edge.a] + 1.2 * scale, radii[edge.b] + 1.2 * scale)
        draw_tie(
            sheet,
            points[edge.a],
            points[edge.b],
            gaps,
            edge.kind,
            edge.direction,
            width,
            4.0 * scale,
        )
    order = sorted(
        range(len(pic.nodes)), key=lambda i: (pic.nodes[i].rank or 99, -pic.nodes[i].betweenness)
    )
    taken: list[Rect] = []
    outline = 0.45 * scale
    segments = [(points[e.a], points[e.b]) for e in pic.edges]
    ends: dict[int, list[int]] = {}
    for k, e in enumerate(pic.edges):
        ends.setdefault(e.a, []).append(k)
        ends.setdefault(e.b, []).append(k)

    def lines_near(i: int) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        """The ties a name had better not lie on: its own, and (in a small picture) all."""
        if len(segments) <= 400:
            return segments
        return [segments[k] for k in ends.get(i, [])]

    for i in reversed(order):  # the important ones last, so they sit on top
        node, (x, y), r = pic.nodes[i], points[i], radii[i]
        if node.kind == "actor":
            shape(sheet, GROUPS[node.group].shape, x, y, r, GROUPS[node.group].colour, outline)
        else:
            record_mark(sheet, node, x, y, r, outline)
        if node.articulation:
            diamond(sheet, x + r * 0.95, y + r * 0.95, max(r * 0.5, 1.3 * mm * scale), ink)
        if node.rank:
            c.setStrokeColor(colour_of(accent))
            c.setLineWidth(1.4 * scale)
            c.circle(x, y, r * 1.5 + 1.5 * scale, stroke=1, fill=0)
        reach = r * 1.5
        taken.append(Rect(x - reach, y - reach, 2 * reach, 2 * reach))
    for i in order:
        node, (x, y), r = pic.nodes[i], points[i], radii[i]
        text = node.label if not node.rank else f"{node.rank}. {node.label}"
        style = "bold" if node.rank else "italic" if node.kind != "actor" else "regular"
        text = sheet.fonts.fit(text, style, font_size, font_size * 16)
        width = sheet.fonts.width(text, style, font_size)
        box = place_label(
            x, y, r * 1.5, width, font_size, rect, taken, bool(node.rank), lines_near(i)
        )
        if box is None:
            continue
        taken.append(box)
        halo_text(
            sheet,
            box.x,
            box.y + font_size * 0.28,
            text,
            style,
            font_size,
            accent if node.rank else ink,
        )
    c.restoreState()


def place_label(
    x: float,
    y: float,
    r: float,
    width: float,
    size: float,
    bounds: Rect,
    taken: list[Rect],
    force: bool,
    lines: list[tuple[tuple[float, float], tuple[float, float]]] = (),  # type: ignore[assignment]
) -> Rect | None:
    """A box for a name beside its dot: one that covers no other dot or name and, if it can,
    no tie; None when none is free (unless `force`)."""
    h = size * 1.15
    gap = r + 1.2
    right, left = x + gap, x - gap - width
    candidates = [
        Rect(right, y - h / 2, width, h),
        Rect(left, y - h / 2, width, h),
        Rect(x - width / 2, y + gap, width, h),
        Rect(x - width / 2, y - gap - h, width, h),
    ]
    for shift in (h * 0.9, -h * 0.9, h * 1.8, -h * 1.8, h * 2.7, -h * 2.7):
        candidates += [
            Rect(right, y - h / 2 + shift, width, h),
            Rect(left, y - h / 2 + shift, width, h),
        ]
    inside = [b for b in candidates if bounds.contains(b)]
    free = [box for box in inside if not any(box.overlaps(other) for other in taken)]
    for box in free:
        if not any(_crosses(box, a, b) for a, b in lines):
            return box
    if free:
        return free[0]
    return (inside or candidates)[0] if force else None


def _crosses(box: Rect, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether the segment a-b passes through `box` (Liang-Barsky clipping)."""
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x1 - box.x),
        (dx, box.x + box.w - x1),
        (-dy, y1 - box.y),
        (dy, box.y + box.h - y1),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        ratio = q / p
        if p < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return False
    return True

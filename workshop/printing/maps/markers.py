"""The result map's numbered markers, placed inside their cells.

Places are circles numbered 1, 2, … (by cell, then name); initiatives are squares carrying
their card number, so a resident holding card 12 finds square 12. Colours follow the place kind
and the initiative theme. A marker is always drawn inside its cell: at its coordinates, else
packed into the cell; what a crowded cell cannot hold is one "+N" count marker there, whose
numbers the key lists.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm

from workshop.file import redaction
from workshop.file.store import Store
from workshop.osm import extract as osm
from workshop.printing import numbering
from workshop.printing.cards.parts import ink_on
from workshop.printing.maps.frame import MapLayout, Projection
from workshop.printing.sheet import Rect, Sheet
from workshop.printing.templates import Template

RADIUS = 2.3 * mm
PITCH = 2 * RADIUS + 0.8  # centre to centre of two markers side by side
STACK_COLOUR = "#1d2125"
CELL_LABEL_W, CELL_LABEL_H = 13.0, 8.5  # a cell's own name at its top left (page.py)


@dataclass
class Marker:
    label: str
    shape: str  # circle (place) or square (initiative)
    colour: str
    name: str
    cell: str
    lonlat: tuple[float, float] | None = None
    anchor: tuple[float, float] | None = None  # where it belongs, page points
    pos: tuple[float, float] | None = None  # where it is drawn
    stacked: bool = False  # no room left in its cell: counted in the cell's "+N" marker


def _col_row(cell: str) -> tuple[int, int]:
    return (ord(cell[0]) - ord("A"), int(cell[1:]) - 1) if cell else (99, 999)


def markers(store: Store, template: Template) -> list[Marker]:
    box = osm.extent(store)
    scrub = redaction.for_output(store, "print")  # the key names initiatives like "Jan's tuin"
    out: list[Marker] = []
    places = store.rows("place")
    place_by_id = {p["id"]: p for p in places}

    def located(row: dict) -> tuple[float, float] | None:
        if row.get("lat") is None or row.get("lon") is None or box is None:
            return None
        inside = box[0] <= row["lat"] <= box[2] and box[1] <= row["lon"] <= box[3]
        return (row["lon"], row["lat"]) if inside else None

    for number, place in numbering.numbered_places(places):
        out.append(
            Marker(
                str(number),
                "circle",
                template.colour("place_kinds", place["kind"] or "other", "#6f7b86"),
                scrub.text(place["name"]),
                place["cell"] or "",
                located(place),
            )
        )
    for row in numbering.ordered_initiatives(store.rows("initiative")):
        at = place_by_id.get(row["place_id"] or "")
        where = located(row) or (located(at) if at and not row["cell"] else None)
        cell = row["cell"] or (at["cell"] if at else "") or ""
        label = numbering.label(numbering.initiative_number(row), "·")
        out.append(
            Marker(
                label,
                "square",
                template.colour("themes", row["theme"] or "other", "#6f7b86"),
                scrub.text(row["name"]),
                cell,
                where,
            )
        )
    return out


def place_markers(items: list[Marker], lay: MapLayout, proj: Projection | None) -> None:
    """Place every marker inside the cell its record names (or, without one, the cell its
    coordinates fall in): at its exact coordinates when they lie in that cell (a sticker
    scanned from the poster, a place from OSM) and no marker is there yet, else on the free
    spot of a lattice packed into the cell nearest its coordinates (or the cell's centre).
    What does not fit is `stacked`: the cell's last free spot shows one count marker for all
    of them. A marker is never drawn in another cell, so no leader line is needed."""
    by_cell: dict[tuple[int, int], list[Marker]] = {}
    for m in items:
        m.anchor = m.pos = None
        m.stacked = False
        where = _cell_of(m, lay, proj)
        if where is None:
            continue
        point = _point(m, proj)
        cell = lay.cell_rect(*where)
        inside = point is not None and cell.x < point[0] < cell.x + cell.w
        m.anchor = point if inside and cell.y < point[1] < cell.y + cell.h else None  # type: ignore[index]
        by_cell.setdefault(where, []).append(m)
    taken: list[tuple[float, float]] = []  # across cells: a point near a grid line
    for ms in by_cell.values():
        for m in ms:
            if m.anchor is not None and _free(m.anchor, taken):
                m.pos = m.anchor
                taken.append(m.anchor)
    for (col, row), ms in by_cell.items():
        cell = lay.cell_rect(col, row)
        _pack([m for m in ms if m.pos is None], cell, _label_rect(cell), taken)


def _point(m: Marker, proj: Projection | None) -> tuple[float, float] | None:
    return proj.point(*m.lonlat) if m.lonlat is not None and proj is not None else None


def _cell_of(m: Marker, lay: MapLayout, proj: Projection | None) -> tuple[int, int] | None:
    named = lay.grid.parse_cell(m.cell) if m.cell else None
    if named:
        return _col_row(named)
    point = _point(m, proj)
    if point is not None and _in(lay.frame, point):
        return lay.cell_of_point(*point)
    return None


def elsewhere(items: list[Marker], lay: MapLayout, proj: Projection | None) -> list[tuple]:
    """The records whose coordinates lie outside the cell they name: (marker, the cell of its
    coordinates). Their marker stands in the named cell; the print says so."""
    out = []
    for m in items:
        point = _point(m, proj)
        named = lay.grid.parse_cell(m.cell) if m.cell else None
        if point is None or not named or not _in(lay.frame, point):
            continue
        col, row = lay.cell_of_point(*point)
        at = f"{chr(ord('A') + col)}{row + 1}"
        if at != named:
            out.append((m, at))
    return out


def _free(p: tuple[float, float], taken: list[tuple[float, float]]) -> bool:
    return all(math.dist(p, q) >= PITCH - 0.01 for q in taken)


def _in(r: Rect, p: tuple[float, float]) -> bool:
    return r.x <= p[0] <= r.x + r.w and r.y <= p[1] <= r.y + r.h


def _label_rect(cell: Rect) -> Rect:
    """Where the cell's own name (\"E3\", top left) is printed: markers keep off it."""
    return Rect(cell.x, cell.y + cell.h - CELL_LABEL_H, CELL_LABEL_W, CELL_LABEL_H)


def _slots(cell: Rect, label: Rect) -> list[tuple[float, float]]:
    """Spots for markers in a cell: a lattice centred in it, clear of its label, nearest the
    centre first. A cell too small for one marker still has its centre."""
    room = cell.inset(0.5)
    nx = max(int((room.w + PITCH - 2 * RADIUS) // PITCH), 0)
    ny = max(int((room.h + PITCH - 2 * RADIUS) // PITCH), 0)
    x0 = cell.x + (cell.w - (nx - 1) * PITCH) / 2
    y0 = cell.y + (cell.h - (ny - 1) * PITCH) / 2
    spots = [
        (x0 + i * PITCH, y0 + j * PITCH)
        for i in range(nx)
        for j in range(ny)
        if not _touches(label, (x0 + i * PITCH, y0 + j * PITCH))
    ]
    centre = (cell.x + cell.w / 2, cell.y + cell.h / 2)
    spots.sort(key=lambda p: (round(math.dist(p, centre), 3), -p[1], p[0]))
    return spots or [centre]


def _touches(r: Rect, p: tuple[float, float]) -> bool:
    return r.x - RADIUS < p[0] < r.x + r.w + RADIUS and r.y - RADIUS < p[1] < r.y + r.h + RADIUS


def _pack(ms: list[Marker], cell: Rect, label: Rect, taken: list[tuple[float, float]]) -> None:
    """The cell's markers not at their own point, on the free spots of its lattice: each
    nearest its own coordinates where it has them, else nearest the centre."""
    if not ms:
        return
    spots = _slots(cell, label)
    room = [p for p in spots if _free(p, taken)]
    if not room:  # markers at their points fill the cell: the centre holds the count
        room = [spots[0]]
    if len(ms) > len(room):  # the last spot holds the count of what does not fit
        keep = len(room) - 1
        shown, rest = ms[:keep], ms[keep:]
    else:
        shown, rest = ms, []
    for m in shown:
        spot = _nearest(room, m.anchor) if m.anchor is not None else room[0]
        room.remove(spot)
        m.pos = spot
        taken.append(spot)
    for m in rest:
        m.pos = room[0]
        m.stacked = True
    if rest:
        taken.append(room[0])


def _nearest(spots: list[tuple[float, float]], p: tuple[float, float]) -> tuple[float, float]:
    return min(spots, key=lambda q: math.dist(q, p))


def stacks(items: list[Marker]) -> list[Marker]:
    """One count marker per crowded cell (\"+12\"), naming the numbers it stands for."""
    groups: dict[str, list[Marker]] = {}
    for m in items:
        if m.stacked and m.pos is not None:
            groups.setdefault(m.cell or f"{m.pos}", []).append(m)
    out = []
    for ms in groups.values():
        numbers = _ranges([m.label for m in ms])
        out.append(Marker(f"+{len(ms)}", "stack", STACK_COLOUR, numbers, ms[0].cell, pos=ms[0].pos))
    return out


def _ranges(labels: list[str]) -> str:
    """`20, 21, 22, 23, 30` -> `20–23, 30`: runs of three or more numbers as a range."""
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(f"{run[0]}–{run[-1]}")
        else:
            out.extend(str(n) for n in run)
        run.clear()

    for label in labels:
        if label.isdigit() and run and int(label) == run[-1] + 1:
            run.append(int(label))
            continue
        flush()
        if label.isdigit():
            run.append(int(label))
        else:
            out.append(label)
    flush()
    return ", ".join(out)


def marker_rects(items: list[Marker]) -> list[Rect]:
    shown = [m for m in items if m.pos is not None and not m.stacked] + stacks(items)
    return [
        Rect(m.pos[0] - RADIUS, m.pos[1] - RADIUS, 2 * RADIUS, 2 * RADIUS)  # type: ignore[index]
        for m in shown
    ]


def draw_markers(sheet: Sheet, items: list[Marker]) -> None:
    for m in items:
        if m.pos is not None and not m.stacked:
            symbol(sheet, m, m.pos[0], m.pos[1], RADIUS)
    for m in stacks(items):
        assert m.pos is not None
        symbol(sheet, m, m.pos[0], m.pos[1], RADIUS)


def symbol(sheet: Sheet, m: Marker, x: float, y: float, r: float) -> None:
    c = sheet.c
    c.saveState()
    c.setFillColor(m.colour)
    c.setStrokeColor("#ffffff")
    c.setLineWidth(0.7)
    if m.shape == "circle":
        c.circle(x, y, r, stroke=1, fill=1)
    elif m.shape == "stack":  # a count: a dark disc with a ring round it, "+12"
        c.circle(x, y, r, stroke=1, fill=1)
        c.setStrokeColor(m.colour)
        c.setLineWidth(0.4)
        c.circle(x, y, r + 0.6, stroke=1, fill=0)
    else:
        c.roundRect(x - r, y - r, 2 * r, 2 * r, r * 0.25, stroke=1, fill=1)
    c.restoreState()
    size = r * (1.25 if len(m.label) <= 2 else 0.95 if len(m.label) == 3 else 0.75)
    sheet.text(x, y - size * 0.35, m.label, "bold", size, ink_on(m.colour), "centre")

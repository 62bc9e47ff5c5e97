"""Street names along their streets, and landmark names (stations, water, parks, squares,
schools, places of worship, community centres) beside their place, without collisions.

Each name goes where its street is straight enough for the whole label (so the letters stay on
the street), centred first and repeated along long streets; a street too short or too bent gets
its name beside it, level. Every placed label is an oriented rectangle; a label is only placed
where it overlaps no other label and no reserved area (grid labels, markers).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workshop.osm.extract import Feature
from workshop.printing.sheet import Rect

PRIORITY = {
    "major": 0,
    "secondary": 1,
    "tertiary": 2,
    "minor": 3,
    "pedestrian": 4,
    "service": 5,
    "cycleway": 6,
    "path": 6,
    "track": 7,
}
Point = tuple[float, float]


@dataclass(frozen=True)
class Label:
    text: str
    x: float  # start of the baseline
    y: float
    angle: float  # degrees
    corners: tuple[Point, ...]
    style: str = "regular"
    size: float = 0.0  # 0: the street labels' size
    colour: str = ""  # "": the street labels' colour (a template key otherwise)


class Obstacles:
    """Oriented rectangles in a bucket grid, for fast overlap tests."""

    def __init__(self, bucket: float = 24.0):
        self.bucket = bucket
        self.cells: dict[tuple[int, int], list[tuple[Point, ...]]] = {}

    def _keys(self, corners: tuple[Point, ...]):
        xs = [p[0] for p in corners]
        ys = [p[1] for p in corners]
        b = self.bucket
        for i in range(int(min(xs) // b), int(max(xs) // b) + 1):
            for j in range(int(min(ys) // b), int(max(ys) // b) + 1):
                yield (i, j)

    def add(self, corners: tuple[Point, ...]) -> None:
        for key in self._keys(corners):
            self.cells.setdefault(key, []).append(corners)

    def add_rect(self, r: Rect) -> None:
        self.add(((r.x, r.y), (r.x + r.w, r.y), (r.x + r.w, r.y + r.h), (r.x, r.y + r.h)))

    def hits(self, corners: tuple[Point, ...]) -> bool:
        seen: set[int] = set()
        for key in self._keys(corners):
            for other in self.cells.get(key, ()):
                if id(other) not in seen:
                    seen.add(id(other))
                    if _overlap(corners, other):
                        return True
        return False


def _overlap(a: tuple[Point, ...], b: tuple[Point, ...]) -> bool:
    """Separating-axis test for two convex quadrilaterals."""
    for poly in (a, b):
        for i in range(len(poly)):
            x1, y1 = poly[i]
            x2, y2 = poly[(i + 1) % len(poly)]
            nx, ny = y1 - y2, x2 - x1
            pa = [nx * x + ny * y for x, y in a]
            pb = [nx * x + ny * y for x, y in b]
            if max(pa) <= min(pb) or max(pb) <= min(pa):
                return False
    return True


def box(cx: float, cy: float, length: float, height: float, angle: float) -> tuple[Point, ...]:
    """Corners of a rectangle centred on (cx, cy), `length` along `angle` (degrees)."""
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    vx, vy = -uy, ux
    hl, hh = length / 2, height / 2
    return tuple(
        (cx + sx * hl * ux + sy * hh * vx, cy + sx * hl * uy + sy * hh * vy)
        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    )


def _chains(lines: list[list[Point]]) -> list[list[Point]]:
    """Join polylines that share an end point into longer ones."""
    chains = [list(line) for line in lines if len(line) >= 2]
    merged = True
    while merged:
        merged = False
        for i in range(len(chains)):
            for j in range(i + 1, len(chains)):
                a, b = chains[i], chains[j]
                joined = _join(a, b)
                if joined is not None:
                    chains[i] = joined
                    del chains[j]
                    merged = True
                    break
            if merged:
                break
    return chains


def _near(p: Point, q: Point) -> bool:
    return abs(p[0] - q[0]) + abs(p[1] - q[1]) < 0.8


def _join(a: list[Point], b: list[Point]) -> list[Point] | None:
    if _near(a[-1], b[0]):
        return a + b[1:]
    if _near(a[-1], b[-1]):
        return a + b[-2::-1]
    if _near(a[0], b[-1]):
        return b + a[1:]
    if _near(a[0], b[0]):
        return b[::-1] + a[1:]
    return None


def _inside(line: list[Point], frame: Rect) -> list[list[Point]]:
    """The runs of a polyline whose points lie inside the frame."""
    runs, run = [], []
    for x, y in line:
        if frame.x <= x <= frame.x + frame.w and frame.y <= y <= frame.y + frame.h:
            run.append((x, y))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= 2]


def _at(line: list[Point], cum: list[float], s: float) -> Point:
    for i in range(1, len(line)):
        if cum[i] >= s:
            t = (s - cum[i - 1]) / ((cum[i] - cum[i - 1]) or 1)
            return (
                line[i - 1][0] + t * (line[i][0] - line[i - 1][0]),
                line[i - 1][1] + t * (line[i][1] - line[i - 1][1]),
            )
    return line[-1]


def _straight(line: list[Point], cum: list[float], s: float, e: float, tolerance: float) -> bool:
    (x1, y1), (x2, y2) = _at(line, cum, s), _at(line, cum, e)
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy) or 1
    for i, (x, y) in enumerate(line):
        if s < cum[i] < e and abs((x - x1) * dy - (y - y1) * dx) / norm > tolerance:
            return False
    return norm > (e - s) * 0.97


def place(
    streets: list[tuple[Feature, list[list[Point]]]],
    frame: Rect,
    obstacles: Obstacles,
    width_of,
    size: float,
    repeat: float,
) -> list[Label]:
    """Labels for named streets: `width_of(text)` measures a name at `size` points; a street
    longer than `repeat` points gets its name again further along."""
    by_name: dict[str, tuple[int, list[list[Point]]]] = {}
    for feature, parts in streets:
        if not feature.name or not feature.name.strip():
            continue
        rank = PRIORITY.get(feature.kind, 8)
        old = by_name.get(feature.name, (rank, []))
        by_name[feature.name] = (min(rank, old[0]), old[1] + parts)
    inner = Rect(frame.x + 2, frame.y + 2, frame.w - 4, frame.h - 4)
    entries = []
    for name, (rank, parts) in by_name.items():
        for chain in _chains(parts):
            for run in _inside(chain, inner):
                cum = [0.0]
                for (x1, y1), (x2, y2) in zip(run, run[1:], strict=False):
                    cum.append(cum[-1] + math.hypot(x2 - x1, y2 - y1))
                entries.append((rank, -cum[-1], name, run, cum))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    labels: list[Label] = []
    placed_names: dict[str, list[Point]] = {}
    height = size * 1.3
    for _, _, name, run, cum in entries:
        text = " ".join(name.split())
        length = width_of(text) + size * 0.6
        total = cum[-1]
        spots = placed_names.setdefault(name, [])
        if total >= length:
            for label in _along(
                run, cum, text, length, height, size, obstacles, inner, spots, repeat
            ):
                labels.append(label)
                obstacles.add(label.corners)
                spots.append((label.corners[0][0], label.corners[0][1]))
        if not spots:
            label = _beside(run, cum, text, length, height, size, obstacles, inner)
            if label is not None:
                labels.append(label)
                obstacles.add(label.corners)
                spots.append(label.corners[0])
    return labels


def _along(run, cum, text, length, height, size, obstacles, inner, spots, repeat):
    total = cum[-1]
    step = max(length / 3, 4.0)
    centre = (total - length) / 2
    offsets = sorted(
        {
            min(max(centre + k * step, 0), total - length)
            for k in range(-int(total / step) - 1, int(total / step) + 2)
        },
        key=lambda s: abs(s - centre),
    )
    chosen: list[Point] = list(spots)
    for s in offsets:
        mid = _at(run, cum, s + length / 2)
        if any(math.dist(mid, p) < repeat for p in chosen):
            continue
        if not _straight(run, cum, s, s + length, size * 0.45):
            continue
        (x1, y1), (x2, y2) = _at(run, cum, s), _at(run, cum, s + length)
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
        if angle > 90 or angle <= -90:
            angle -= 180 if angle > 0 else -180
        cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
        corners = box(cx, cy, length, height, angle)
        if not all(_in(inner, p) for p in corners) or obstacles.hits(corners):
            continue
        ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        half = length / 2 - size * 0.3
        bx = cx - half * ux + size * 0.35 * uy
        by = cy - half * uy - size * 0.35 * ux
        chosen.append(mid)
        yield Label(text, bx, by, angle, corners)


def _beside(run, cum, text, length, height, size, obstacles, inner) -> Label | None:
    mx, my = _at(run, cum, cum[-1] / 2)
    for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        cx = mx + dx * (length / 2 + size * 0.4)
        cy = my + dy * (height / 2 + size * 0.25)
        corners = box(cx, cy, length, height, 0)
        if all(_in(inner, p) for p in corners) and not obstacles.hits(corners):
            return Label(text, cx - length / 2 + size * 0.3, cy - size * 0.35, 0, corners)
    return None


def _in(r: Rect, p: Point) -> bool:
    return r.x <= p[0] <= r.x + r.w and r.y <= p[1] <= r.y + r.h


# --- landmarks -----------------------------------------------------------------------------

# kind -> (rank, style, size, template colour): what people orient by comes first
LANDMARKS = {
    "station": (0, "bold", 7.0, "landmark_label"),
    "water": (1, "italic", 7.0, "water_label"),
    "park": (2, "italic", 6.6, "green_label"),
    "square": (3, "italic", 6.4, "landmark_label"),
    "community_centre": (4, "regular", 6.2, "landmark_label"),
    "worship": (5, "regular", 6.2, "landmark_label"),
    "school": (6, "regular", 6.2, "landmark_label"),
}


def place_landmarks(
    points: list[tuple[str, str, float, float]],
    frame: Rect,
    obstacles: Obstacles,
    width_of,
    scale: float = 1.0,
) -> list[Label]:
    """Level labels for landmarks `(name, kind, x, y)`: on the point, else beside it; a name
    is placed once, where it hits nothing already placed. `width_of(text, style, size)`."""
    inner = Rect(frame.x + 2, frame.y + 2, frame.w - 4, frame.h - 4)
    order = sorted(
        (p for p in points if p[1] in LANDMARKS and p[0].strip()),
        key=lambda p: (LANDMARKS[p[1]][0], p[0], p[2], p[3]),
    )
    out: list[Label] = []
    seen: set[str] = set()
    for name, kind, x, y in order:
        text = " ".join(name.split())
        if text in seen or not _in(inner, (x, y)):
            continue
        _, style, size, colour = LANDMARKS[kind]
        size *= scale
        length, height = width_of(text, style, size) + size * 0.4, size * 1.3
        for dx, dy in ((0, 0), (0.5, 0), (-0.5, 0), (0, 1), (0, -1), (0.5, 1), (0.5, -1)):
            cx = x + dx * (length + size)
            cy = y + dy * (height + size * 0.3)
            corners = box(cx, cy, length, height, 0)
            if all(_in(inner, q) for q in corners) and not obstacles.hits(corners):
                label = Label(
                    text,
                    cx - length / 2 + size * 0.2,
                    cy - size * 0.35,
                    0,
                    corners,
                    style,
                    size,
                    colour,
                )
                out.append(label)
                obstacles.add(corners)
                seen.add(text)
                break
    return out

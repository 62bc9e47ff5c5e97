"""The sea, from OpenStreetMap's coastlines: a coastline is drawn with the land on its left,
so the sea inside the map frame is what lies to the right of every coastline, closed along the
frame's edge. Closed coastlines turning left (anticlockwise) are islands.

Everything here is in page points (y up), on the frame rectangle; nothing draws.
"""

from __future__ import annotations

from workshop.printing.sheet import Rect

Point = tuple[float, float]


def _area(ring: list[Point]) -> float:
    return (
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _chains(lines: list[list[Point]]) -> list[list[Point]]:
    """Join coastline ways end to start (never reversed: the direction says where the sea is)."""
    chains = [list(line) for line in lines if len(line) >= 2]
    by_start: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(chains):
        by_start.setdefault(_key(c[0]), []).append(i)
    used: set[int] = set()
    out = []
    for i, c in enumerate(chains):
        if i in used:
            continue
        used.add(i)
        chain = list(c)
        while _key(chain[-1]) != _key(chain[0]):
            nxt = next((j for j in by_start.get(_key(chain[-1]), []) if j not in used), None)
            if nxt is None:
                break
            used.add(nxt)
            chain += chains[nxt][1:]
        out.append(chain)
    # a chain found first from its middle: join what now meets end to start
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(out):
            for j, b in enumerate(out):
                if i != j and _key(a[-1]) == _key(b[0]) and _key(a[0]) != _key(a[-1]):
                    out[i] = a + b[1:]
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out


def _key(p: Point) -> tuple[int, int]:
    return (round(p[0] * 20), round(p[1] * 20))


def _inside(r: Rect, p: Point) -> bool:
    return r.x <= p[0] <= r.x + r.w and r.y <= p[1] <= r.y + r.h


def _cross(r: Rect, a: Point, b: Point) -> Point:
    """Where the segment from `a` (inside) to `b` (outside) leaves the rectangle."""
    t = 1.0
    for value, lo, hi in ((0, r.x, r.x + r.w), (1, r.y, r.y + r.h)):
        d = b[value] - a[value]
        if d > 0 and b[value] > hi:
            t = min(t, (hi - a[value]) / d)
        elif d < 0 and b[value] < lo:
            t = min(t, (lo - a[value]) / d)
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _snap(r: Rect, p: Point) -> Point:
    """The nearest point of the frame's edge (a coastline that stops inside the frame)."""
    x, y = p
    d = {"l": x - r.x, "r": r.x + r.w - x, "b": y - r.y, "t": r.y + r.h - y}
    side = min(d, key=lambda k: d[k])
    return {"l": (r.x, y), "r": (r.x + r.w, y), "b": (x, r.y), "t": (x, r.y + r.h)}[side]


def _pieces(chain: list[Point], r: Rect) -> list[list[Point]]:
    """The runs of an open coastline inside the frame, each from the edge to the edge."""
    out: list[list[Point]] = []
    run: list[Point] = []
    prev: Point | None = None
    for p in chain:
        if _inside(r, p):
            if not run:
                run = [_cross(r, p, prev) if prev is not None else _snap(r, p)]
            run.append(p)
        elif run:
            run.append(_cross(r, run[-1], p))
            out.append(run)
            run = []
        elif prev is not None:  # a segment that passes through without a point inside
            a = _through(r, prev, p)
            if a is not None:
                out.append(a)
        prev = p
    if run:
        run.append(_snap(r, run[-1]))
        out.append(run)
    return out


def _through(r: Rect, a: Point, b: Point) -> list[Point] | None:
    """The part of segment a-b inside the rectangle (Liang–Barsky), when both ends are out."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - r.x),
        (dx, r.x + r.w - a[0]),
        (-dy, a[1] - r.y),
        (dy, r.y + r.h - a[1]),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
    if t0 >= t1:
        return None
    return [(a[0] + t0 * dx, a[1] + t0 * dy), (a[0] + t1 * dx, a[1] + t1 * dy)]


def _position(r: Rect, p: Point) -> float:
    """Where a point of the edge is, going clockwise from the top left corner."""
    x, y = p
    eps = 1e-6
    if abs(y - (r.y + r.h)) < eps:
        return x - r.x
    if abs(x - (r.x + r.w)) < eps:
        return r.w + (r.y + r.h - y)
    if abs(y - r.y) < eps:
        return r.w + r.h + (r.x + r.w - x)
    return 2 * r.w + r.h + (y - r.y)


def _corners_between(r: Rect, start: float, end: float) -> list[Point]:
    """The frame's corners passed going clockwise from `start` to `end`."""
    perimeter = 2 * (r.w + r.h)
    corners = [
        (r.w, (r.x + r.w, r.y + r.h)),
        (r.w + r.h, (r.x + r.w, r.y)),
        (2 * r.w + r.h, (r.x, r.y)),
        (perimeter, (r.x, r.y + r.h)),
    ]
    span = (end - start) % perimeter
    out = []
    for at, corner in sorted(corners, key=lambda c: (c[0] - start) % perimeter):
        if 0 < (at - start) % perimeter < span:
            out.append(corner)
    return out


def sea(coastlines: list[list[Point]], frame: Rect) -> tuple[list[list[Point]], list[list[Point]]]:
    """(sea rings, island rings) inside `frame`; both empty when no coastline touches it."""
    seas: list[list[Point]] = []
    islands: list[list[Point]] = []
    pieces: list[list[Point]] = []
    for chain in _chains(coastlines):
        closed = _key(chain[0]) == _key(chain[-1])
        if closed and all(_inside(frame, p) for p in chain):
            (islands if _area(chain) > 0 else seas).append(chain)
        else:
            pieces += [p for p in _pieces(chain, frame) if len(p) >= 2]
    if not pieces:
        if islands and not seas:
            seas.append(_rect_ring(frame))  # only islands: the frame is sea around them
        return seas, islands
    perimeter = 2 * (frame.w + frame.h)
    entries = sorted(range(len(pieces)), key=lambda i: _position(frame, pieces[i][0]))
    done: set[int] = set()
    for first in entries:
        if first in done:
            continue
        ring: list[Point] = []
        i = first
        for _ in range(len(pieces) + 1):
            done.add(i)
            ring += pieces[i]
            leave = _position(frame, pieces[i][-1])
            # the next coastline entering the frame clockwise from where this one left
            nxt = min(
                range(len(pieces)),
                key=lambda j: ((_position(frame, pieces[j][0]) - leave) % perimeter) or perimeter,
            )
            ring += _corners_between(frame, leave, _position(frame, pieces[nxt][0]))
            if nxt == first or nxt in done:
                break
            i = nxt
        seas.append(ring)
    return seas, islands


def _rect_ring(r: Rect) -> list[Point]:
    return [(r.x, r.y), (r.x + r.w, r.y), (r.x + r.w, r.y + r.h), (r.x, r.y + r.h)]

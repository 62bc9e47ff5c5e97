#!/usr/bin/env python3
"""Write the invented street plan of the demo neighbourhood De Kersenbuurt (Zuiderveen).

    python tools/make_demo_osm.py            rewrites workshop/demo/kersenbuurt.osm

The plan is fiction, laid over open water of the Markermeer so nobody mistakes it for a real
place, in the OpenStreetMap XML that openstreetmap.org's Export gives. It is deterministic
(standard library only, seeded random): the same input gives the same file byte for byte.
The demo places are read from `workshop/demo/kersenbuurt.txt` (the `p` capture lines with
`lat:`/`lon:`) and drawn at the same coordinates, so the map and the capture file agree.
"""

from __future__ import annotations

import math
import random
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
CAPTURE = ROOT / "workshop" / "demo" / "kersenbuurt.txt"
OUT = ROOT / "workshop" / "demo" / "kersenbuurt.osm"
MINLAT, MAXLAT, MINLON, MAXLON = 52.5500, 52.5590, 5.2000, 5.2197
MY = 111_250.0  # metres per degree of latitude here
MX = 111_320.0 * math.cos(math.radians((MINLAT + MAXLAT) / 2))
W, H = (MAXLON - MINLON) * MX, (MAXLAT - MINLAT) * MY  # about 1333 m x 1001 m
SEED = 20261008

# Street centre lines in metres (x east, y north). Lining "left/right" of the direction drawn:
# terrace, semi, detached, apart (flats) or - (none). Ends within 7 m of a street join it.
HALF = {"secondary": 7.0, "tertiary": 6.0, "residential": 5.0, "cycleway": 2.5, "footway": 2.0}


def spoor_y(x: float, off: float = 0.0) -> float:
    return 948.0 + 37.0 * x / W + off


E = W + 8  # just past the east edge, as an export cuts streets off
BRIDGE, FIFTY = {"bridge": "yes", "layer": "1"}, {"maxspeed": "50"}
# fmt: off
STREETS: list[tuple[str | None, str, str, list[tuple[float, float]], dict]] = [
    ("Zuiderveenseweg", "secondary", "-/-", [(610, -8), (611, 6)], FIFTY),
    ("Zuiderveenseweg", "secondary", "-/-", [(611, 6), (612.5, 44)], {**BRIDGE, **FIFTY}),
    ("Zuiderveenseweg", "secondary", "apart/apart",
     [(612.5, 44), (615, 60), (625, 300), (640, 520), (650, 760), (660, 1012)], FIFTY),
    ("Bloesemsingel", "tertiary", "-/-", [(-8, 505), (300, 512), (640, 520)], FIFTY),
    ("Bloesemsingel", "tertiary", "apart/-", [(640, 520), (1000, 530), (E, 520)], FIFTY),
    ("Spoorlaan", "residential", "-/semi", [(-8, spoor_y(-8, -43)), (656, spoor_y(656, -43))], {}),
    ("Spoorlaan", "residential", "-/apart", [(656, spoor_y(656, -43)), (E, spoor_y(E, -43))], {}),
    ("Vaartkade", "residential", "terrace/-", [(-8, 62), (615, 62)], {}),
    ("Vaartkade", "residential", "semi/-", [(615, 62), (E, 62)], {}),
    ("Kersenlaan", "residential", "terrace/terrace", [(-8, 715), (648, 712)], {}),
    ("Morellenstraat", "residential", "terrace/terrace", [(170, 508), (176, 905)], {}),
    ("Krieklaan", "residential", "terrace/semi", [(400, 514), (405, 913)], {}),
    ("Amarellestraat", "residential", "terrace/semi", [(-8, 812), (404, 812)], {}),
    ("Bloesemhof", "residential", "-/terrace",
     [(402, 600), (540, 600), (540, 672), (403, 672)], {}),
    ("Boomgaardweg", "residential", "-/terrace", [(649, 760), (886, 766.8)], {}),
    ("Boomgaardweg", "residential", "semi/terrace", [(886, 766.8), (1000, 770), (E, 760)], {}),
    ("Kweeperenstraat", "residential", "terrace/-", [(645, 650), (E, 648)], {}),
    ("Pluklaan", "residential", "terrace/terrace", [(880, 527), (890, 931)], {}),
    ("Perenstraat", "residential", "semi/semi", [(1130, 527), (1135, 937)], {}),
    ("Appelgaard", "residential", "apart/apart", [(653, 850), (888, 852)], {}),
    ("Bessenlaan", "residential", "terrace/terrace", [(320, 60), (325, 510)], {}),
    ("Pruimenstraat", "residential", "semi/terrace", [(-8, 400), (631, 400)], {}),
    ("Zoetekersweg", "residential", "terrace/terrace", [(323, 220), (621, 220)], {}),
    ("Stekelbeshof", "residential", "terrace/terrace", [(470, 220), (470, 400)], {}),
    ("Bloesemlaan", "residential", "semi/detached",
     [(619, 150), (750, 140), (880, 150), (1100, 140), (E, 150)], {}),
    ("Kerspitlaan", "residential", "semi/semi",
     [(760, 64), (752, 200), (766, 360), (765, 522)], {}),
    ("Parkzoom", "residential", "semi/-", [(875, 148), (878, 528)], {}),
    ("Appelstraat", "residential", "detached/detached",
     [(1250, 146), (1262, 300), (1248, 524)], {}),
    ("Jaagpad", "cycleway", "-/-", [(-8, 3), (E, 3)], {"surface": "asphalt"}),
    ("Parkpad", "cycleway", "-/-",
     [(1000, 530), (1030, 470), (1095, 400), (1102, 300), (1060, 200), (1000, 142)], {}),
    ("Bloesempad", "footway", "-/-", [(540, 636), (644, 636)], {}),
    (None, "footway", "-/-", [(878, 330), (940, 330)], {}),
    (None, "footway", "-/-", [(325, 455), (400, 455), (400, 514)], {}),
    (None, "footway", "-/-", [(176, 860), (-8, 860)], {}),
    (None, "footway", "-/-", [(765, 300), (875, 300)], {}),
]
POND = [(960, 300), (1000, 282), (1060, 290), (1082, 330), (1070, 372), (1020, 385), (975, 370),
        (955, 335)]
PARK = [(890, 200), (1185, 200), (1185, 470), (890, 470)]
SPORTPARK = [(25, 85), (295, 85), (295, 335), (25, 335)]
PLEIN = [(656, 535), (740, 537), (740, 606), (657, 606)]
LINING = {  # depth, setback, (min, max) width, (min, max) per row, gap, building, levels
    "terrace": (9.5, 8.5, (5.6, 6.4), (4, 8), (3.0, 6.0), "house", "2"),
    "semi": (10.0, 9.5, (7.0, 8.0), (2, 2), (5.0, 8.0), "semidetached_house", "2"),
    "detached": (11.0, 11.0, (9.0, 12.0), (1, 1), (7.0, 11.0), "detached", "2"),
    "apart": (11.5, 15.0, (36.0, 56.0), (1, 1), (16.0, 22.0), "apartments", "4"),
}
# The demo place kinds (the `#` words of model.PLACE_KINDS) -> size in m (0: a node) and tags.
KINDS = {
    "buurthuis": (28, 18, {"building": "yes", "amenity": "community_centre"}),
    "school": (56, 28, {"building": "school", "amenity": "school"}),
    "sportclub": (40, 28, {"building": "sports_hall", "leisure": "sports_centre"}),
    "winkel": (12, 14, {"building": "retail", "shop": "convenience"}),
    "markt": (0, 0, {"amenity": "marketplace"}),
    "bibliotheek": (30, 20, {"building": "yes", "amenity": "library"}),
    "gebedshuis": (34, 18, {"building": "church", "amenity": "place_of_worship",
                            "religion": "christian"}),
    "park": (40, 30, {"leisure": "park"}),
    "plein": (30, 30, {"highway": "pedestrian", "area": "yes", "place": "square"}),
    "speeltuin": (26, 20, {"leisure": "playground"}),
    "buurttuin": (32, 24, {"leisure": "garden", "garden:type": "community"}),
    "zorg": (30, 20, {"building": "yes", "amenity": "doctors", "healthcare": "centre"}),
    "café": (10, 14, {"building": "yes", "amenity": "cafe"}),
    "overig": (0, 0, {}),
}
BY_NAME = [  # a word in a place's name -> other tags (None drops one), another size
    ("Moskee", {"building": "mosque", "religion": "muslim"}, (26, 20)),
    ("Supermarkt", {"shop": "supermarket"}, (42, 30)),
    ("Bakker", {"shop": "bakery"}, None),
    ("Versmarkt", {"shop": "greengrocer"}, (12, 16)),
    ("Fiets", {"shop": "bicycle"}, None),
    ("Zorgcentrum", {"amenity": "nursing_home", "healthcare": None}, (48, 22)),
    ("Sportpark", {"building": None, "landuse": "recreation_ground"}, None),
    ("Inloophuis", {"amenity": "social_centre"}, (12, 15)),
    ("Kinderboerderij", {"tourism": "zoo", "zoo": "petting_zoo"}, (40, 30)),
    ("Pannakooi", {"leisure": "pitch", "sport": "soccer"}, (26, 18)),
    ("Grasveld", {"leisure": None, "landuse": "grass"}, None),
    ("Bankjes", {"amenity": "bench", "backrest": "yes"}, None),
]
# fmt: on


class Plan:
    """Nodes and ways in metres, shared where coordinates coincide, plus a 1 m raster of
    what is taken, so houses keep off streets, water, green and each other."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[int, int], int] = {}
        self.node_tags: dict[int, dict[str, str]] = {}
        self.ways: list[tuple[int, list[int], dict[str, str]]] = []
        self.relations: list[tuple[int, list[tuple[str, int, str]], dict[str, str]]] = []
        self.cols, self.rows = int(W) + 1, int(H) + 1
        self.taken = bytearray(self.cols * self.rows)

    def node(self, x: float, y: float, tags: dict[str, str] | None = None) -> int:
        key = (round(x * 100), round(y * 100))
        nid = self.nodes.setdefault(key, len(self.nodes) + 1)
        if tags:
            self.node_tags.setdefault(nid, {}).update(tags)
        return nid

    def way(self, pts, tags: dict, closed: bool = False) -> int:
        refs = [self.node(x, y) for x, y in pts]
        if closed:
            refs.append(refs[0])
        wid = len(self.ways) + 1
        self.ways.append((wid, refs, {k: v for k, v in tags.items() if v is not None}))
        return wid

    def mark(self, poly, value: int = 1) -> None:
        for i in self._cells(poly):
            self.taken[i] = value

    def free(self, poly) -> bool:
        return all(not self.taken[i] for i in self._cells(poly))

    def _cells(self, poly):
        xs, ys = [p[0] for p in poly], [p[1] for p in poly]
        for cy in range(max(0, int(min(ys))), min(self.rows, int(max(ys)) + 1)):
            for cx in range(max(0, int(min(xs))), min(self.cols, int(max(xs)) + 1)):
                if inside(cx + 0.5, cy + 0.5, poly):
                    yield cy * self.cols + cx

    def mark_line(self, pts, half: float) -> None:
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            length, ang = math.dist((x0, y0), (x1, y1)), math.atan2(y1 - y0, x1 - x0)
            self.mark(rect((x0 + x1) / 2, (y0 + y1) / 2, length + 2 * half, 2 * half, ang))


def inside(x: float, y: float, poly) -> bool:
    hit = False
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def seg_dist(px, py, x0, y0, x1, y1) -> float:
    return math.dist((px, py), closest(px, py, x0, y0, x1, y1))


def closest(px, py, x0, y0, x1, y1) -> tuple[float, float]:
    dx, dy = x1 - x0, y1 - y0
    t = ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy or 1)
    t = min(1.0, max(0.0, t))
    return x0 + t * dx, y0 + t * dy


def crossing(a0, a1, b0, b1) -> tuple[float, float] | None:
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = a0, a1, b0, b1
    den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if abs(den) < 1e-9:
        return None
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
    u = -((x1 - x2) * (y1 - y3) - (y1 - y2) * (x1 - x3)) / den
    if 1e-6 < t < 1 - 1e-6 and 1e-6 < u < 1 - 1e-6:
        return round(x1 + t * (x2 - x1), 2), round(y1 + t * (y2 - y1), 2)
    return None


def insert_point(pts: list, p: tuple[float, float]) -> None:
    """Put p into the polyline on the segment it lies on (a shared junction node)."""
    if p in pts:
        return
    best = min(range(len(pts) - 1), key=lambda i: seg_dist(*p, *pts[i], *pts[i + 1]))
    pts.insert(best + 1, p)


def join_network(lines: list[list], rails: list[list]) -> None:
    """Snap street ends onto the street they meet (T-junctions); put a shared node where two
    lines cross (X-junctions, and level crossings with the rails)."""
    for a, pa in enumerate(lines):
        for end in (0, -1):
            x, y = pa[end]
            for b, pb in enumerate(lines):
                if a == b:
                    continue
                for i in range(len(pb) - 1):
                    cx, cy = closest(x, y, *pb[i], *pb[i + 1])
                    if 1e-6 < math.dist((x, y), (cx, cy)) < 7.0:
                        pa[end] = (round(cx, 2), round(cy, 2))
                        insert_point(pb, pa[end])
    everything = lines + rails
    crossings = []
    for a in range(len(everything)):
        for b in range(a + 1, len(everything)):
            la, lb = everything[a], everything[b]
            for i in range(len(la) - 1):
                for j in range(len(lb) - 1):
                    p = crossing(la[i], la[i + 1], lb[j], lb[j + 1])
                    if p:
                        crossings.append(p)
    for p in crossings:
        for pts in everything:
            if any(seg_dist(*p, *pts[i], *pts[i + 1]) < 0.01 for i in range(len(pts) - 1)):
                insert_point(pts, p)


def read_places(path: Path) -> list[tuple[str, str, float, float]]:
    """(name, kind word, x, y) of every `p` line with lat/lon: a small reading of the
    capture grammar, enough for the demo file (the real parser is workshop.capture.grammar)."""
    places = []
    if not path.exists():
        return places
    for line in path.read_text(encoding="utf-8").splitlines():
        toks = re.findall(r'(?:[^\s"]*"(?:\\.|[^"\\])*")|\S+', line)
        if not toks or toks[0].lower() not in ("p", "plek", "place"):
            continue
        if toks[1].startswith('"'):
            name = toks[1][1:-1].replace('\\"', '"')
        else:
            words = []
            for t in toks[1:]:
                if t[0] in '#@!+~"' or re.match(r"^[a-z]+:", t):
                    break
                words.append(t)
            name = " ".join(words)
        kind = next(
            (t[1:].lower() for t in toks if t.startswith("#") and t[1:].lower() in KINDS), "overig"
        )
        lat = next((float(t[4:]) for t in toks if t.startswith("lat:")), None)
        lon = next((float(t[4:]) for t in toks if t.startswith("lon:")), None)
        if lat is not None and lon is not None:
            places.append((name, kind, (lon - MINLON) * MX, (lat - MINLAT) * MY))
    return places


def rect(cx, cy, w, d, ang):
    """A w x d rectangle centred on (cx, cy), its w side along angle ang."""
    ux, uy, nx, ny = math.cos(ang), math.sin(ang), -math.sin(ang), math.cos(ang)
    return [
        (cx + sx * w / 2 * ux + sy * d / 2 * nx, cy + sx * w / 2 * uy + sy * d / 2 * ny)
        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]


def street_angle(x, y, lines) -> float:
    segments = [(p[i], p[i + 1]) for p in lines for i in range(len(p) - 1)]
    (x0, y0), (x1, y1) = min(segments, key=lambda s: seg_dist(x, y, *s[0], *s[1]))
    ang = math.atan2(y1 - y0, x1 - x0)
    return ang if abs(ang) <= math.pi / 2 else ang - math.copysign(math.pi, ang)


def line_side(plan, rnd, pts, side, kind, street, cls, numbers) -> None:
    depth, setback, wr, nr, gr, building, levels = LINING[kind]
    setback = max(setback, HALF[cls] + 5.0)
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        length = math.dist((x0, y0), (x1, y1))
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = -uy * side, ux * side
        t = rnd.uniform(2, 6)
        while t < length:
            width, count = rnd.uniform(*wr), rnd.randint(*nr)
            row = []
            for _ in range(count):
                if t + width > length:
                    break
                a, b = t, t + width
                far = setback + depth
                corners = ((a, setback), (b, setback), (b, far), (a, far))
                poly = [(x0 + ux * s + nx * o, y0 + uy * s + ny * o) for s, o in corners]
                if not all(3 < x < W - 3 and 3 < y < H - 3 for x, y in poly):
                    break
                if not plan.free(poly):
                    break
                plan.mark(poly, 4)
                row.append(poly)
                t = b
            for poly in row:
                n = numbers.get((street, side), 1 if side > 0 else 2)
                numbers[(street, side)] = n + 2
                if side < 0:
                    poly = poly[::-1]  # keep every outline counter-clockwise
                tags = {"building": building, "building:levels": levels}
                plan.way(poly, {**tags, "addr:street": street, "addr:housenumber": str(n)}, True)
            t += rnd.uniform(*gr) if row else 2.0
            if rnd.random() < 0.2:  # a garden, a garage lane, a bit of green
                t += rnd.uniform(12, 30)


def box(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def strip(x0: float, x1: float, y, off0: float, off1: float) -> list[tuple[float, float]]:
    """The land between off0 and off1 metres north of the line y(x), from x0 to x1."""
    return [(x0, y(x0) + off0), (x1, y(x1) + off0), (x1, y(x1) + off1), (x0, y(x0) + off1)]


def singel_y(x: float) -> float:
    return 505 + 7 * (x + 8) / 308  # the centre line of the Bloesemsingel, west part


# Land drawn before the houses, and what it leaves for them: 0 free, 2 water, 3 no houses.
# fmt: off
LAND = [
    (box(-8, 10, E, 40), {"natural": "water", "water": "canal", "name": "Zuidervaart"}, 2),
    (strip(-8, E, spoor_y, -9, 60), {"landuse": "railway"}, 3),
    (strip(-8, E, spoor_y, -36, -9), {"landuse": "grass"}, 3),
    (box(418, 614, 526, 658), {"landuse": "grass"}, 3),
    (PLEIN, {"highway": "pedestrian", "area": "yes"}, 3),
    (SPORTPARK, {"landuse": "recreation_ground"}, 3),
    (box(40, 200, 104, 300), {"leisure": "pitch", "sport": "soccer"}, 3),
    (box(120, 200, 184, 300), {"leisure": "pitch", "sport": "soccer"}, 3),
    (box(40, 105, 110, 170), {"leisure": "pitch", "sport": "soccer"}, 3),
    (box(200, 105, 280, 170), {"leisure": "pitch", "sport": "tennis"}, 3),
    (box(215, 280, 255, 295), {"building": "yes", "amenity": "clubhouse"}, 3),
    (box(270, 190, 292, 265), {"amenity": "parking", "parking": "surface"}, 3),
    (strip(-8, 163, singel_y, 10, 19), {"natural": "water", "water": "ditch"}, 2),
    (strip(184, 393, singel_y, 10, 19), {"natural": "water", "water": "ditch"}, 2),
    (strip(-8, 163, singel_y, -16, -8), {"landuse": "grass"}, 3),
    (strip(184, 393, singel_y, -16, -8), {"landuse": "grass"}, 3),
    ([(655, 790), (886, 796), (886, 918), (655, 912)], {"landuse": "grass"}, 0),
    (box(0, 45, W, 505), {"landuse": "residential"}, 0),
    ([(0, 505), (W, 505), (W, spoor_y(W, -36)), (0, spoor_y(0, -36))],
     {"landuse": "residential"}, 0),
]
RAIL = {"railway": "rail", "usage": "main", "gauge": "1435", "electrified": "contact_line"}
# fmt: on


def draw_plan(plan: Plan, lines: list[list]) -> dict[str, list]:
    """Streets, rails, water and green; returns the areas a demo place may give its name to."""
    rails = [[(-8, spoor_y(-8, dy)), (E, spoor_y(E, dy))] for dy in (0, 4.5)]
    loop = [(x + (x - 1018) * 0.22, y + (y - 334) * 0.35) for x, y in POND + POND[:1]]
    join_network(lines + [loop], rails)
    for p in lines[2]:  # the main road crosses both tracks
        if any(abs(p[1] - spoor_y(p[0], dy)) < 0.05 for dy in (0, 4.5)):
            plan.node(*p, {"railway": "level_crossing", "crossing:barrier": "full"})
    for pts, track in zip(rails, "12", strict=True):
        plan.way(pts, {**RAIL, "railway:track_ref": track})
    for (name, cls, _, _, extra), pts in zip(STREETS, lines, strict=True):
        plan.way(pts, {"highway": cls, "name": name, **extra})  # name None: left out
        plan.mark_line(pts, HALF[cls])
    plan.way(loop, {"highway": "footway"})
    plan.way([(-8, 25), (E, 25)], {"waterway": "canal", "name": "Zuidervaart"})
    refs = {}
    for poly, tags, value in LAND:
        refs[id(poly)] = plan.way(poly, tags, True)
        if value:
            plan.mark(poly, value)
    outer, inner = plan.way(PARK, {}, True), plan.way(POND, {"natural": "water"}, True)
    members = [("way", outer, "outer"), ("way", inner, "inner")]
    plan.relations.append((1, members, {"type": "multipolygon", "leisure": "park"}))
    plan.mark(PARK, 3)
    return {
        "park": [(PARK, ("relation", 1))],
        "plein": [(PLEIN, ("way", refs[id(PLEIN)]))],
        "sportclub": [(SPORTPARK, ("way", refs[id(SPORTPARK)]))],
    }


def draw_places(plan: Plan, lines: list[list], areas: dict[str, list]) -> None:
    """The demo places: a named area where one is drawn already, else a footprint of their
    own (a node for a market or a bench), turned along the nearest street."""
    named: set = set()
    for name, kind, x, y in read_places(CAPTURE):
        w, d, tags = KINDS[kind]
        tags = dict(tags, name=name)
        for word, more, size in BY_NAME:
            if word.lower() in name.lower():
                tags.update(more)
                w, d = size or (w, d)
        tags = {k: v for k, v in tags.items() if v is not None}
        target = next(
            (ref for poly, ref in areas.get(kind, []) if inside(x, y, poly) and ref not in named),
            None,
        )
        if target:
            named.add(target)
            kind_of, ref = target
            (plan.relations if kind_of == "relation" else plan.ways)[ref - 1][2].update(tags)
        elif w == 0:
            plan.node(x, y, tags)
        else:
            poly = rect(x, y, w, d, street_angle(x, y, lines))
            if "building" in tags and not plan.free(poly):
                print(f"warning: {name} overlaps something at {x:.0f},{y:.0f}")
            plan.mark(poly, 4)
            plan.way(poly, tags, True)


def build() -> Plan:
    plan = Plan()
    lines = [list(map(tuple, s[3])) for s in STREETS]
    areas = draw_plan(plan, lines)
    draw_places(plan, lines, areas)
    rnd, numbers = random.Random(SEED), {}
    for (name, cls, lining, _, _), pts in zip(STREETS, lines, strict=True):
        for side, kind in zip((1, -1), lining.split("/"), strict=True):
            if kind != "-":
                line_side(plan, rnd, pts, side, kind, name, cls, numbers)
    return plan


def write(plan: Plan, path: Path) -> None:
    def lat(y):
        return f"{MINLAT + y / MY:.7f}"

    def lon(x):
        return f"{MINLON + x / MX:.7f}"

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<osm version="0.6" generator="workshop demo" copyright="invented for the workshop '
        'demo; not a real place" license="EUPL-1.2">',
        f' <bounds minlat="{MINLAT:.7f}" minlon="{MINLON:.7f}" maxlat="{MAXLAT:.7f}" '
        f'maxlon="{MAXLON:.7f}"/>',
    ]
    for (xc, yc), nid in sorted(plan.nodes.items(), key=lambda kv: kv[1]):
        head = (
            f' <node id="{nid}" visible="true" version="1" lat="{lat(yc / 100)}" '
            f'lon="{lon(xc / 100)}"'
        )
        tags = plan.node_tags.get(nid)
        if not tags:
            out.append(head + "/>")
            continue
        out.append(head + ">")
        out += [f"  <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in sorted(tags.items())]
        out.append(" </node>")
    for wid, refs, tags in plan.ways:
        out.append(f' <way id="{wid}" visible="true" version="1">')
        out += [f'  <nd ref="{r}"/>' for r in refs]
        out += [f"  <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in sorted(tags.items())]
        out.append(" </way>")
    for rid, members, tags in plan.relations:
        out.append(f' <relation id="{rid}" visible="true" version="1">')
        out += [f'  <member type="{t}" ref="{r}" role="{role}"/>' for t, r, role in members]
        out += [f"  <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in sorted(tags.items())]
        out.append(" </relation>")
    out.append("</osm>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> None:
    plan = build()
    write(plan, OUT)
    buildings = sum(1 for _, _, t in plan.ways if "building" in t)
    print(
        f"{OUT.relative_to(ROOT)}: {len(plan.nodes)} nodes, {len(plan.ways)} ways, "
        f"{buildings} buildings, {len(plan.relations)} relations"
    )


if __name__ == "__main__":
    main()

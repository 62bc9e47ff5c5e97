"""The network as a picture, before anything is drawn: who is on it, in which of at most eight
groups, which ties (kind, direction, strength), and where each dot goes.

Each connected part is laid out on its own (networkx's spring layout, fixed seed: the same
file gives the same picture), sized by how many actors it holds, and the parts are packed in
rows to the shape of the space they get (`pack`), so a file of many small parts fills the page
instead of pushing them into its corners. Actors without ties are listed, not drawn.

Colour groups: the sixteen roles fold into eight groups, each with a colour of Okabe and Ito's
colour-blind-safe set and a shape of its own, so the groups stay apart in greyscale too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

from workshop.analysis import connectors
from workshop.file import redaction
from workshop.file.store import Store

MAX_ACTORS = 250
RANKED = 5  # connectors that carry their rank on the picture
LAYOUT_SEED = 11


@dataclass(frozen=True)
class Group:
    key: str
    roles: tuple[str | None, ...]
    colour: str
    shape: str  # circle, square, triangle, triangle_down, hexagon, star, pentagon, cross
    nl: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


GROUPS: tuple[Group, ...] = (
    Group(
        "people",
        ("key_figure", "resident"),
        "#d55e00",
        "circle",
        "sleutelfiguren, bewoners",
        "key figures, residents",
    ),  # fmt: skip
    Group(
        "residents",
        ("residents_org", "association"),
        "#0072b2",
        "square",
        "bewonersorganisaties, verenigingen",
        "residents' organisations, associations",
    ),  # fmt: skip
    Group("sport", ("sports_club",), "#009e73", "triangle", "sportclubs", "sports clubs"),
    Group(
        "care",
        ("welfare", "healthcare"),
        "#cc79a7",
        "triangle_down",
        "welzijn en zorg",
        "welfare and care",
    ),  # fmt: skip
    Group(
        "learning",
        ("school", "library"),
        "#f0e442",
        "hexagon",
        "scholen, bibliotheek",
        "schools, library",
    ),  # fmt: skip
    Group("faith", ("faith",), "#56b4e9", "star", "geloofsgemeenschappen", "faith communities"),
    Group(
        "economy",
        ("business", "housing_corporation", "energy_coop"),
        "#e69f00",
        "pentagon",
        "ondernemers, corporaties, energiecoöperaties",
        "businesses, housing, energy co-ops",
    ),  # fmt: skip
    Group(
        "public",
        ("municipality", "professional", "other", None),
        "#5f5f5f",
        "cross",
        "gemeente, professionals, overig",
        "municipality, professionals, other",
    ),  # fmt: skip
)
_GROUP_OF = {role: i for i, group in enumerate(GROUPS) for role in group.roles}


def group_of(role: str | None) -> int:
    """The group of a role (an unknown role is in the last, 'other' group)."""
    return _GROUP_OF.get(role, len(GROUPS) - 1)


@dataclass
class Node:
    id: str
    label: str
    role: str | None
    influence: int | None
    x: float = 0.0  # 0..1, left to right (set by `pack`)
    y: float = 0.0  # 0..1, bottom to top
    rank: int = 0  # 1..RANKED for the strongest connectors
    articulation: bool = False
    betweenness: float = 0.0
    kind: str = "actor"  # actor, initiative, place
    part: int = 0  # the connected part it is in
    local: tuple[float, float] = (0.0, 0.0)  # its place within the part, in actor units

    @property
    def group(self) -> int:
        return group_of(self.role)


@dataclass(frozen=True)
class Edge:
    a: int
    b: int
    strength: int  # 1..3
    kind: str  # a tie kind: knows, works_with, ... drives, supports, meets_at, runs
    direction: str  # directed (a -> b), mutual, undirected

    def __iter__(self):  # unpacks as (a, b, strength), as the picture's edges did before
        return iter((self.a, self.b, self.strength))


@dataclass
class Picture:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    alone: list[str] = field(default_factory=list)  # labels of actors without ties
    actors: int = 0
    ties: int = 0
    rows: list[connectors.ConnectorRow] = field(default_factory=list)
    parts: list[tuple[float, float]] = field(default_factory=list)  # each part's width, height
    packed_for: float | None = None  # the aspect ratio the parts were last packed for
    unit: float = 1.0  # one actor unit, as a share of the space's height, once packed
    base_radius: float = 0.0  # the dot size `draw_network` used (for the key), once drawn

    @property
    def partial(self) -> bool:
        return len([n for n in self.nodes if n.kind == "actor"]) + len(self.alone) < self.actors

    @property
    def groups(self) -> list[int]:
        """The colour groups of the actors on the picture, in the key's order."""
        return sorted({n.group for n in self.nodes if n.kind == "actor"})

    @property
    def tie_kinds(self) -> list[str]:
        return sorted({e.kind for e in self.edges}, key=_KIND_ORDER.index)


_KIND_ORDER = [
    "knows",
    "works_with",
    "member_of",
    "funds",
    "trusts",
    "informs",
    "drives",
    "supports",
    "meets_at",
    "runs",
]


def picture(
    store: Store,
    audience: str = "print",
    limit: int = MAX_ACTORS,
    analysed: tuple[connectors.Network, list[connectors.ConnectorRow]] | None = None,
    *,
    initiatives: bool = False,
    places: bool = False,
) -> Picture:
    """The picture of the network; `analysed` passes a (network, rows) already computed.
    `initiatives` and `places` add those (with their ties to the actors on it) as nodes."""
    lang = store.lang
    network, rows = analysed or (network_of := connectors.load(store), connectors.rank(network_of))
    pic = Picture(actors=len(rows), ties=network.tie_count, rows=rows)
    tied = [r for r in rows if r.degree]
    chosen = tied[:limit]
    index = {r.actor_id: i for i, r in enumerate(chosen)}
    scrub = redaction.for_audience(store, audience)
    pic.alone = [scrub.text(r.shown_name(audience, lang)) for r in rows if not r.degree]
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
    pic.edges = _actor_edges(store, index)
    for wanted, table, link, key in (
        (initiatives, "initiative", "actor_initiative", "initiative_id"),
        (places, "place", "actor_place", "place_id"),
    ):
        if wanted:
            _add_records(pic, store, scrub, index, table, link, key)
    _layout(pic)
    return pic


def _actor_edges(store: Store, index: dict[str, int]) -> list[Edge]:
    """One edge per pair, from its strongest tie; two directed ties either way make it mutual."""
    best: dict[tuple[int, int], dict] = {}
    for tie in store.rows("tie", order="created, rowid"):
        a, b = index.get(tie["source_id"]), index.get(tie["target_id"])
        if a is None or b is None or a == b:
            continue
        key = (min(a, b), max(a, b))
        strength = tie["strength"] or 1
        seen = best.get(key)
        forward = tie["direction"] != "directed" or a < b
        if seen is None:
            best[key] = {
                "strength": strength,
                "kind": tie["kind"],
                "direction": tie["direction"],
                "forward": forward,
            }
            continue
        if seen["direction"] == "directed" and tie["direction"] == "directed":
            if seen["forward"] != forward:
                seen["direction"] = "mutual"
        elif tie["direction"] == "mutual":
            seen["direction"] = "mutual"
        if strength > seen["strength"]:
            seen.update(strength=strength, kind=tie["kind"])
    edges = []
    for (a, b), seen in sorted(best.items()):
        if seen["direction"] == "directed" and not seen["forward"]:
            a, b = b, a
        edges.append(Edge(a, b, seen["strength"], seen["kind"], seen["direction"]))
    return edges


def _add_records(pic, store, scrub, index, table, link, key) -> None:
    rows = {r["id"]: r for r in store.rows(table)}
    at: dict[str, int] = {}
    for tie in store.rows(link, order="created, rowid"):
        actor = index.get(tie["actor_id"])
        record = rows.get(tie[key])
        if actor is None or record is None:
            continue
        if record["id"] not in at:
            shown = scrub.record(table, record)
            at[record["id"]] = len(pic.nodes)
            pic.nodes.append(Node(record["id"], shown["name"], None, None, kind=table))
        pic.edges.append(Edge(actor, at[record["id"]], 1, tie["kind"], "directed"))


def _layout(pic: Picture) -> None:
    """Each connected part laid out alone, in units of about one actor's room."""
    if not pic.nodes:
        return
    graph = nx.Graph()
    graph.add_nodes_from(range(len(pic.nodes)))
    graph.add_edges_from((e.a, e.b) for e in pic.edges)
    parts = sorted(nx.connected_components(graph), key=lambda p: (-len(p), min(p)))
    pic.parts = []
    for number, members in enumerate(parts):
        order = sorted(members)
        n = len(order)
        if n == 1:
            pos = {order[0]: (0.0, 0.0)}
        elif n == 2:
            pos = {order[0]: (0.0, 0.0), order[1]: (2.0, 0.0)}  # a pair: room for its tie
        else:
            sub = graph.subgraph(order)
            raw = nx.spring_layout(sub, seed=LAYOUT_SEED, k=1.4 / math.sqrt(n), iterations=200)
            pos = {i: (float(p[0]), float(p[1])) for i, p in raw.items()}
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        side = 2.0 if n <= 2 else 1.25 * math.sqrt(n)  # room grows with the part's area
        local = [((pos[i][0] - min(xs)) / span * side, (pos[i][1] - min(ys)) / span * side) for i in order]  # fmt: skip
        local = _spread(local)
        lx, ly = min(p[0] for p in local), min(p[1] for p in local)
        for i, (x, y) in zip(order, local, strict=True):
            pic.nodes[i].local = (x - lx, y - ly)
            pic.nodes[i].part = number
        width = max(p[0] for p in local) - lx
        height = max(p[1] for p in local) - ly
        pic.parts.append((width, height))
    pic.packed_for = None


def _spread(points: list[tuple[float, float]], least: float = 1.0) -> list[tuple[float, float]]:
    """Push apart the dots a spring layout put closer than `least` units (its crowded middle),
    a few rounds of moving each pair half the shortfall apart."""
    if len(points) < 3:
        return points
    import numpy as np

    p = np.array(points, dtype=float)
    for _ in range(60):
        diff = p[:, None, :] - p[None, :, :]
        dist = np.hypot(diff[..., 0], diff[..., 1])
        np.fill_diagonal(dist, np.inf)
        short = dist < least
        if not short.any():
            break
        push = np.where(short, (least - np.minimum(dist, least)) / 2 / np.maximum(dist, 1e-6), 0)
        p += (diff * push[..., None]).sum(axis=1) * 0.5
    return [(float(x), float(y)) for x, y in p]


PAD = 1.0  # room between parts, and round a part, in actor units
STRETCH = 1.7  # how much more one way than the other the packing may be stretched


def pack(pic: Picture, aspect: float) -> None:
    """Place the parts in rows (largest first) so that together they take the shape of a space
    `aspect` wide per unit of height, and set every node's x and y (0..1) in that space."""
    if not pic.nodes or pic.packed_for == aspect:
        return
    sizes = [(w + PAD, h + PAD) for w, h in pic.parts]
    best = None
    widest = max(w for w, _ in sizes)
    total = sum(w for w, _ in sizes)
    steps = 24
    for k in range(steps + 1):
        limit = widest + (total - widest) * k / steps
        spots, width, height = _shelves(sizes, limit)
        scale = min(aspect / width, 1.0 / height)  # of the space, 1 high and aspect wide
        if best is None or scale > best[0] + 1e-9:
            best = (scale, spots, width, height)
    assert best is not None
    scale, spots, width, height = best
    # what is left over in one direction is shared by stretching that way a little (a network
    # has no up or down), then by centring
    scale_x = min(aspect / width, scale * STRETCH)
    scale_y = min(1.0 / height, scale * STRETCH)
    off_x = (aspect / scale_x - width) / 2
    off_y = (1.0 / scale_y - height) / 2
    for node in pic.nodes:
        sx, sy = spots[node.part]
        part_h = pic.parts[node.part][1]
        x = off_x + sx + PAD / 2 + node.local[0]
        from_top = off_y + sy + PAD / 2 + (part_h - node.local[1])  # rows go down the page
        node.x = x * scale_x / aspect
        node.y = 1.0 - from_top * scale_y
    pic.packed_for = aspect
    pic.unit = scale


def _shelves(
    sizes: list[tuple[float, float]], limit: float
) -> tuple[list[tuple[float, float]], float, float]:
    """Rows of parts no wider than `limit`: each part's top-left spot, the total size."""
    spots = []
    x = y = row_h = width = 0.0
    for w, h in sizes:
        if x > 0 and x + w > limit + 1e-9:
            y += row_h
            x = row_h = 0.0
        spots.append((x, y))  # a part hangs from its row's top
        x += w
        row_h = max(row_h, h)
        width = max(width, x)
    return spots, width, y + row_h

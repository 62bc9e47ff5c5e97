"""Who connects the neighbourhood: betweenness, degree, articulation points, communities and
brokerage on the undirected actor graph.

    rows = analyse(store)                 # list[ConnectorRow], highest betweenness first

    network = load(store)                 # reads the file (the thread that owns the store)
    rows = rank(network)                  # pure, no store: safe in a worker thread
    metrics = compute(nodes, edges, roles)  # plain lists in, plain dicts out

Every actor-actor tie counts once per pair, whatever its kind or direction (several ties
between the same two actors are one edge). Betweenness is exact (Brandes) and normalised as
networkx does; rustworkx computes it because it gives the same values about 25 times faster,
and the tests hold it to networkx on reference graphs. Communities are Louvain's (networkx,
fixed seed, so the same file gives the same communities every time), numbered 1.. by size;
actors without ties are community 0.

A network above `large.LARGE_WORK` (actors x ties: a municipality, not a neighbourhood) gets
a sampled betweenness with a stated error and communities by label propagation instead
(`workshop.analysis.large`); `rank` then leaves the `Estimate` on `Network.estimate`, and
every output says so.

    rows = cached(store)                  # rank(load(store)), once per state of the file

Names are returned as stored: whoever shows them passes them through `workshop.privacy`
(`ConnectorRow.shown_name`).
"""

from __future__ import annotations

import weakref
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import rustworkx as rx

from workshop import privacy
from workshop.analysis import large
from workshop.file.store import Store

LOUVAIN_SEED = 7


@dataclass(frozen=True)
class Metrics:
    betweenness: float
    degree: int
    articulation: bool
    community: int  # 0: no ties; 1 is the largest community
    cross_community: int  # neighbours in another community
    cross_role: int  # neighbours with another (known) role
    brokerage: int  # neighbours in another community or with another role
    communities_reached: int  # other communities among the neighbours


@dataclass(frozen=True)
class ConnectorRow:
    actor_id: str
    name: str  # as stored; see shown_name
    type: str
    role: str | None
    consent: str
    influence: int | None
    ambassador: bool
    startmotor: bool
    betweenness: float
    degree: int
    articulation: bool
    community: int
    brokerage: int
    cross_community: int
    cross_role: int
    communities_reached: int

    def shown_name(self, audience: str, lang: str, anonymise: bool = False) -> str:
        return privacy.actor_shown_name(self, audience, lang, anonymise)

    @property
    def is_connector(self) -> bool:
        """Worth naming as a connector: on shortest paths between others, or holding the
        network together, or tying communities together."""
        return self.betweenness > 0 or self.articulation or self.communities_reached > 0


@dataclass
class Network:
    """The actor graph as plain data, read from a file by `load`."""

    actors: list[dict]  # id, name, type, role, consent, influence, ambassador, startmotor
    edges: list[tuple[str, str]] = field(default_factory=list)  # unique pairs, no self-ties
    estimate: large.Estimate | None = None  # set by `rank` when the betweenness was sampled

    @property
    def tie_count(self) -> int:
        return len(self.edges)


@dataclass(frozen=True)
class Overview:
    actors: int
    ties: int
    components: int  # parts with at least one tie
    isolated: int  # actors without ties
    communities: int
    articulation_points: int
    density: float


_ACTOR_KEYS = ("id", "name", "type", "role", "consent", "influence", "ambassador", "startmotor")


def load(store: Store) -> Network:
    """Only the columns the analysis uses (none of them JSON): a municipality's 100,000 rows
    read as whole records took most of `workshop connectors`' reading time."""
    store.columns("actor")  # as `Store.rows` does: a KeyError for a file without the table
    columns = ", ".join(_ACTOR_KEYS)
    actors = [
        dict(zip(_ACTOR_KEYS, row, strict=True))
        for row in store.conn.execute(f"SELECT {columns} FROM actor ORDER BY created, rowid")
    ]
    pairs: dict[tuple[str, str], None] = {}
    for a, b in store.conn.execute("SELECT source_id, target_id FROM tie ORDER BY created, rowid"):
        if a != b:
            pairs.setdefault((a, b) if a < b else (b, a), None)
    return Network(actors, list(pairs))


def analyse(store: Store) -> list[ConnectorRow]:
    return cached(store)[1]


# per open file: (state of the file, network, rows); see `cached`
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def cached(store: Store, top: int = 20) -> tuple[Network, list[ConnectorRow]]:
    """`load` and `rank`, done once per state of the actors and ties: kept on the file's
    connection while they are as they were. A GraphML export after a GEXF one, or the summary
    after the network poster, reuse the analysis (an export writes to the file too, which is
    why the whole file's PRAGMA data_version is not the key). The rows are a new list each
    time; the rows themselves are frozen."""
    state = (id(store.conn), _fingerprint(store), top)
    kept = _CACHE.get(store.file)
    if kept is None or kept[0] != state:
        network = load(store)
        kept = (state, network, rank(network, top))
        _CACHE[store.file] = kept
    return kept[1], list(kept[2])


def _fingerprint(store: Store) -> tuple:
    """What changes whenever an actor or a tie is added, removed or changed: every write
    through the store sets `updated` (an undo or a merge may set an older time, which changes
    the sum), and a row's rowid stays."""
    return tuple(
        store.conn.execute(
            f"SELECT count(*), total(rowid), max(updated), total(julianday(updated)) FROM {table}"
        ).fetchone()
        for table in ("actor", "tie")
    )


def rank(network: Network, top: int = 20) -> list[ConnectorRow]:
    """One row per actor, by betweenness (highest first), then degree, then name. On a large
    network `top` is how many leading actors the sampling keeps sampling for (see `large`)."""
    nodes = [a["id"] for a in network.actors]
    roles = {a["id"]: a["role"] for a in network.actors}
    metrics, network.estimate = measure(nodes, network.edges, roles, top=top)
    rows = [
        ConnectorRow(
            actor_id=a["id"],
            name=a["name"],
            type=a["type"],
            role=a["role"],
            consent=a["consent"],
            influence=a["influence"],
            ambassador=bool(a["ambassador"]),
            startmotor=bool(a["startmotor"]),
            **vars(metrics[a["id"]]),
        )
        for a in network.actors
    ]
    rows.sort(key=lambda r: (-r.betweenness, -r.degree, r.name.casefold(), r.actor_id))
    return rows


def compute(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    roles: Mapping[Hashable, str | None] | None = None,
) -> dict[Hashable, Metrics]:
    """The measures for every node of the undirected simple graph on `nodes` and `edges`
    (duplicates and self-loops ignored). `roles` (node -> role or None) lets brokerage count
    ties between different roles; an unknown role crosses nothing. Pure: no file, no state."""
    return measure(nodes, edges, roles)[0]


def measure(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    roles: Mapping[Hashable, str | None] | None = None,
    *,
    top: int = 20,
    exact: bool | None = None,
) -> tuple[dict[Hashable, Metrics], large.Estimate | None]:
    """`compute`'s measures and, when the betweenness was sampled, how (`large.Estimate`).
    `exact` forces one method (default: exact up to `large.LARGE_WORK`)."""
    index = {node: i for i, node in enumerate(nodes)}
    if len(index) != len(nodes):
        raise ValueError("duplicate nodes")
    pairs: set[tuple[int, int]] = set()
    for a, b in edges:
        i, j = index[a], index[b]  # KeyError: an edge to a node that is not in `nodes`
        if i != j:
            pairs.add((i, j) if i < j else (j, i))
    edge_list = sorted(pairs)
    n = len(nodes)
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(n))
    graph.extend_from_edge_list(edge_list)
    if exact is None:
        exact = not large.is_large(n, len(edge_list))
    estimate = None
    if exact:
        betweenness = large.exact_betweenness(n, edge_list)
        community = _communities(n, edge_list)
    else:
        loading = large.preload()  # numba loads while the communities are found
        community = _numbered(n, edge_list, _propagated(n, edge_list))
        loading.join()
        betweenness, estimate = large.sampled_betweenness(n, edge_list, top=top, groups=community)
    articulation = set(rx.articulation_points(graph))
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for i, j in edge_list:
        neighbours[i].append(j)
        neighbours[j].append(i)
    role_of = [(roles or {}).get(node) for node in nodes]
    out: dict[Hashable, Metrics] = {}
    for i, node in enumerate(nodes):
        other_comm = [j for j in neighbours[i] if community[j] != community[i]]
        other_role = [
            j for j in neighbours[i] if role_of[i] and role_of[j] and role_of[j] != role_of[i]
        ]
        out[node] = Metrics(
            betweenness=betweenness[i],
            degree=len(neighbours[i]),
            articulation=i in articulation,
            community=community[i],
            cross_community=len(other_comm),
            cross_role=len(other_role),
            brokerage=len(set(other_comm) | set(other_role)),
            communities_reached=len({community[j] for j in other_comm}),
        )
    return out, estimate


def _communities(n: int, edge_list: list[tuple[int, int]]) -> list[int]:
    """Louvain communities numbered 1.. by size (ties broken by first node); 0 for isolates."""
    if not edge_list:
        return [0] * n
    import networkx as nx  # here: a large network never needs it, and it takes long to import

    graph = nx.Graph()
    graph.add_nodes_from(sorted({i for pair in edge_list for i in pair}))
    graph.add_edges_from(edge_list)
    return _numbered(n, edge_list, nx.community.louvain_communities(graph, seed=LOUVAIN_SEED))


def _propagated(n: int, edge_list: list[tuple[int, int]]) -> list[set[int]]:
    groups: dict[int, set[int]] = {}
    for i, label in enumerate(large.label_propagation(n, edge_list)):
        groups.setdefault(label, set()).add(i)
    return list(groups.values())


def _numbered(n: int, edge_list: list[tuple[int, int]], parts: list[set[int]]) -> list[int]:
    """Communities numbered 1.. by size (ties broken by first node); 0 for isolates."""
    number = [0] * n
    tied = {i for pair in edge_list for i in pair}
    parts = [part & tied for part in parts]
    parts = [part for part in parts if part]
    parts.sort(key=lambda part: (-len(part), min(part)))
    for k, part in enumerate(parts, 1):
        for i in part:
            number[i] = k
    return number


def overview(network: Network, rows: Sequence[ConnectorRow]) -> Overview:
    """Facts about the network as a whole, from the graph and `rank`'s rows."""
    ids = {a["id"]: i for i, a in enumerate(network.actors)}
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(len(ids)))
    graph.extend_from_edge_list([(ids[a], ids[b]) for a, b in network.edges])
    n = len(rows)
    connected = [r for r in rows if r.degree]
    return Overview(
        actors=n,
        ties=network.tie_count,
        components=sum(1 for c in rx.connected_components(graph) if len(c) > 1),
        isolated=n - len(connected),
        communities=len({r.community for r in connected}),
        articulation_points=sum(r.articulation for r in rows),
        density=(2 * network.tie_count / (n * (n - 1))) if n > 1 else 0.0,
    )

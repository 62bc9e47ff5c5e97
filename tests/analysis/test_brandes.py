"""The compiled Brandes (`workshop.analysis.brandes`) against a plain one written here, per
source: the sums and the sums of squares of the dependencies, on graphs whose searches go
level by level from the frontier (sparse) and from the unreached nodes (a hub, a clique,
the far end of a chain), in pieces, and from some of the sources only."""

from __future__ import annotations

from collections import deque

import networkx as nx
import numpy as np
import pytest

from workshop.analysis import brandes


def _dependencies(graph: nx.Graph, source: int) -> dict[int, float]:
    """Brandes's dependency of `source` on every node, the textbook way."""
    sigma = dict.fromkeys(graph, 0.0)
    dist = dict.fromkeys(graph, -1)
    preds: dict[int, list[int]] = {v: [] for v in graph}
    sigma[source], dist[source] = 1.0, 0
    order, queue = [], deque([source])
    while queue:
        v = queue.popleft()
        order.append(v)
        for w in graph[v]:
            if dist[w] < 0:
                dist[w] = dist[v] + 1
                queue.append(w)
            if dist[w] == dist[v] + 1:
                sigma[w] += sigma[v]
                preds[w].append(v)
    delta = dict.fromkeys(graph, 0.0)
    for w in reversed(order):
        for v in preds[w]:
            delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w])
    delta[source] = 0.0
    return delta


def _graphs() -> list[tuple[str, nx.Graph]]:
    barbell = nx.barbell_graph(12, 6)
    pieces = nx.disjoint_union_all(
        [nx.gnm_random_graph(40, 90, seed=1), nx.star_graph(15), nx.path_graph(30)]
    )
    pieces.add_nodes_from(range(pieces.number_of_nodes(), pieces.number_of_nodes() + 4))
    return [
        ("star", nx.star_graph(30)),
        ("clique", nx.complete_graph(25)),
        ("chain", nx.path_graph(60)),
        ("barbell", barbell),
        ("dense", nx.gnm_random_graph(80, 1200, seed=2)),
        ("sparse", nx.gnm_random_graph(200, 260, seed=3)),
        ("hubs", nx.barabasi_albert_graph(300, 2, seed=4)),
        ("pieces", pieces),
    ]


@pytest.mark.parametrize("name, graph", _graphs(), ids=[name for name, _ in _graphs()])
def test_the_compiled_dependencies_are_brandes(name: str, graph: nx.Graph) -> None:
    n = graph.number_of_nodes()
    sources = list(range(n)) if name != "hubs" else list(range(0, n, 7))
    want_sums, want_squares = np.zeros(n), np.zeros(n)
    for s in sources:
        for v, d in _dependencies(graph, s).items():
            want_sums[v] += d
            want_squares[v] += d * d
    compiled = brandes.Graph(n, sorted(graph.edges()))
    half = len(sources) // 2
    compiled.dependencies(np.array(sources[:half]))  # in two calls, as the sampling rounds do
    sums, squares = compiled.dependencies(np.array(sources[half:]))
    assert sums == pytest.approx(want_sums, rel=1e-12, abs=1e-9)
    assert squares == pytest.approx(want_squares, rel=1e-12, abs=1e-9)

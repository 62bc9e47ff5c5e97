"""The compiled label propagation (`workshop.analysis.propagation`) gives the labels of the
numpy rule it replaced, written out here as the reference: the most frequent label among the
neighbours, the node's own among equals, else the first in the seeded priority; eight seeded
slices a round, each deciding from the labels the slices before it left."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from workshop.analysis import large, propagation


def reference(n: int, edge_list: list[tuple[int, int]], rounds: int = 40) -> list[int]:
    labels = np.arange(n, dtype=np.int64)
    if not edge_list:
        return labels.tolist()
    pairs = np.asarray(edge_list, dtype=np.int64).reshape(-1, 2)
    tails = np.concatenate([pairs[:, 0], pairs[:, 1]])
    heads = np.concatenate([pairs[:, 1], pairs[:, 0]])
    rng = np.random.default_rng(large.SEED)
    slice_of = rng.integers(0, 8, size=n)
    priority = rng.permutation(n)
    by_slice = [np.flatnonzero(slice_of[tails] == s) for s in range(8)]
    for _ in range(rounds):
        changed = 0
        for edges in by_slice:
            if not edges.size:
                continue
            node, label = tails[edges], labels[heads[edges]]
            key = node * n + label
            key.sort()
            distinct, counts = np.unique(key, return_counts=True)
            node, label = distinct // n, distinct % n
            keep = label != labels[node]
            pick = np.lexsort((priority[label], keep, -counts, node))
            first = np.ones(pick.size, dtype=bool)
            first[1:] = node[pick][1:] != node[pick][:-1]
            chosen_node, chosen = node[pick][first], label[pick][first]
            changed += int((labels[chosen_node] != chosen).sum())
            labels[chosen_node] = chosen
        if changed * 1000 < n:
            break
    return labels.tolist()


def _graphs():
    rnd = random.Random(5)
    yield "karate", nx.karate_club_graph()
    yield "caveman", nx.connected_caveman_graph(12, 6)
    yield "planted", nx.planted_partition_graph(6, 30, 0.4, 0.01, seed=3)
    yield "pieces", nx.disjoint_union(nx.path_graph(7), nx.star_graph(5))
    for size in (40, 300, 2000):
        yield f"random-{size}", nx.gnm_random_graph(size, 4 * size, seed=rnd.randrange(99))
    pairs: set[tuple[int, int]] = set()  # neighbourhoods of 50, nine in ten ties inside
    while len(pairs) < 12000:
        a = rnd.randrange(3000)
        b = (a // 50) * 50 + rnd.randrange(50) if rnd.random() < 0.9 else rnd.randrange(3000)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    hoods = nx.Graph(sorted(pairs))
    hoods.add_nodes_from(range(3000))
    yield "neighbourhoods", hoods


@pytest.mark.parametrize("name, graph", [pytest.param(*g, id=g[0]) for g in _graphs()])
def test_the_compiled_rule_gives_the_same_labels(name: str, graph: nx.Graph) -> None:
    n = graph.number_of_nodes()
    edges = sorted((min(a, b), max(a, b)) for a, b in graph.edges())
    want = reference(n, edges)
    assert large.label_propagation(n, edges) == want
    assert len(set(want)) < n  # it did group nodes: the comparison is not of untouched labels


def test_rounds_and_isolated_nodes() -> None:
    edges = [(0, 1), (1, 2), (3, 4)]
    assert large.label_propagation(6, edges, rounds=1) == reference(6, edges, rounds=1)
    assert large.label_propagation(6, edges)[5] == 5  # isolated: its own label
    assert large.label_propagation(4, []) == [0, 1, 2, 3]
    assert propagation.propagate(1, [], np.zeros(1), np.arange(1), 3).tolist() == [0]

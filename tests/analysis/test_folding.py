"""Actors with one tie folded out of the betweenness searches (`workshop.analysis.folding`):
through every public way in (the compiled exact betweenness, the sampling with every core
actor a pivot, `connectors.measure` both ways) the figures are networkx's, on graphs with
leaves, hanging chains, stars, whole trees, isolated actors, several components, no leaves
at all, a path, and generated small graphs; a sampled estimate samples the core only and
gives the folded actors their exact figures."""

from __future__ import annotations

import random
from unittest import mock

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.analysis import connectors, folding, large


def _with_leaves(seed: int) -> nx.Graph:
    """A random core with single leaves and chains of leaves hanging off it."""
    rnd = random.Random(seed)
    graph = nx.gnm_random_graph(40, 90, seed=seed)
    for _ in range(30):
        at, length = rnd.randrange(graph.number_of_nodes()), rnd.choice([1, 1, 1, 2, 4])
        for _ in range(length):
            new = graph.number_of_nodes()
            graph.add_edge(at, new)
            at = new
    return graph


def _branching() -> nx.Graph:
    """Trees hanging off a cycle: a node with several branches, branches that branch."""
    graph = nx.cycle_graph(6)
    graph.add_edges_from([(0, 6), (6, 7), (6, 8), (8, 9), (0, 10), (3, 11), (11, 12), (11, 13)])
    graph.add_edges_from([(1, 14), (14, 15), (15, 16), (16, 17)])  # a chain of four
    return graph


def _graphs() -> list[tuple[str, nx.Graph]]:
    star_of_stars = nx.Graph([(0, c) for c in range(1, 6)])
    star_of_stars.add_edges_from((c, 6 + 20 * (c - 1) + j) for c in range(1, 6) for j in range(20))
    pieces = nx.disjoint_union_all(
        [
            _with_leaves(1),
            nx.random_labeled_tree(25, seed=2),  # a component that is a tree
            nx.star_graph(6),
            nx.path_graph(2),  # one tie
            nx.cycle_graph(5),
            nx.empty_graph(4),  # isolated actors
        ]
    )
    return [
        ("leaves", _with_leaves(3)),
        ("branching", _branching()),
        ("star", nx.star_graph(12)),
        ("star of stars", star_of_stars),
        ("tree", nx.random_labeled_tree(60, seed=4)),
        ("path", nx.path_graph(30)),
        ("no leaves", nx.random_regular_graph(3, 40, seed=5)),
        ("clique", nx.complete_graph(9)),
        ("pieces", pieces),
        ("isolated only", nx.empty_graph(5)),
    ]


def _edges(graph: nx.Graph) -> list[tuple[int, int]]:
    return sorted((min(a, b), max(a, b)) for a, b in graph.edges())


def _networkx(graph: nx.Graph) -> list[float]:
    reference = nx.betweenness_centrality(graph, normalized=True)
    return [reference[i] for i in range(graph.number_of_nodes())]


@pytest.mark.parametrize("name, graph", _graphs(), ids=[name for name, _ in _graphs()])
def test_the_folded_betweenness_is_networkx(monkeypatch, name: str, graph: nx.Graph) -> None:
    n, edges, want = graph.number_of_nodes(), _edges(graph), _networkx(graph)
    monkeypatch.setattr(large, "COMPILED_WORK", 0)  # the compiled Brandes, on the core
    assert large.exact_betweenness(n, edges) == pytest.approx(want, rel=1e-9, abs=1e-15)
    values, estimate = large.sampled_betweenness(n, edges, max_pivots=n)
    assert values == pytest.approx(want, rel=1e-9, abs=1e-15)
    assert estimate.exact and estimate.error == 0.0
    assert estimate.pivots == estimate.sources == folding.fold(n, edges).size
    for exact in (True, False):  # as `workshop connectors` takes them, both ways
        monkeypatch.setattr(large, "LARGE_WORK", 0 if not exact else 10**12)
        metrics, estimate = connectors.measure(list(range(n)), edges, exact=exact)
        got = [metrics[i].betweenness for i in range(n)]
        assert got == pytest.approx(want, rel=1e-9, abs=1e-15)
        assert estimate is None or estimate.exact


def test_what_folds() -> None:
    """Leaves and hanging trees fold into the node they hang from; a tree folds into one node;
    a graph without leaves keeps every node."""
    folded = folding.fold(18, _edges(_branching()))
    assert folded.core.tolist() == list(range(6))  # the cycle
    assert folded.weight.tolist() == [6, 5, 1, 4, 1, 1]  # 1 + what hangs off each
    assert sorted(map(tuple, folded.edges.tolist())) == _edges(nx.cycle_graph(6))
    tree = folding.fold(60, _edges(nx.random_labeled_tree(60, seed=4)))
    assert tree.size == 1 and tree.weight.tolist() == [60] and not tree.edges.size
    regular = _edges(nx.random_regular_graph(3, 40, seed=5))
    assert folding.fold(40, regular).size == 40 and not folding.fold(40, regular).tree.any()
    two = folding.fold(3, [(0, 1)])  # one tie and an isolated actor
    assert two.size == 2 and two.weight.tolist() == [2, 1] and not two.tree.any()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=3, max_value=14).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.sets(
                st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                .filter(lambda e: e[0] < e[1])
                .map(tuple),
                max_size=2 * n,
            ),
        )
    )
)
def test_generated_graphs_fold_to_networkx(case) -> None:
    n, pairs = case
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(pairs)
    edges, want = sorted(pairs), _networkx(graph)
    with mock.patch.object(large, "COMPILED_WORK", 0):
        assert large.exact_betweenness(n, edges) == pytest.approx(want, rel=1e-9, abs=1e-15)
    values, estimate = large.sampled_betweenness(n, edges, max_pivots=n)
    assert values == pytest.approx(want, rel=1e-9, abs=1e-15) and estimate.exact


def test_a_sample_draws_from_the_core_and_the_trees_are_exact(monkeypatch) -> None:
    """A few pivots on a core with trees: the pivots are core actors, the estimate is not
    exact until every core actor was one, and the folded actors' figures are exact anyway."""
    graph = nx.disjoint_union(_with_leaves(6), nx.random_labeled_tree(30, seed=7))
    n, edges, want = graph.number_of_nodes(), _edges(graph), _networkx(graph)
    folded = folding.fold(n, edges)
    monkeypatch.setattr(large, "FIRST_ROUND", 4)
    values, estimate = large.sampled_betweenness(n, edges, top=3, max_pivots=8)
    assert estimate.actors == n and estimate.sources == folded.size > estimate.pivots
    assert not estimate.exact and large.method(estimate) == "sampled"
    outside = np.setdiff1d(np.arange(n), folded.core)
    assert np.asarray(values)[outside] == pytest.approx(np.asarray(want)[outside], rel=1e-9)
    assert np.asarray(values)[folded.core] != pytest.approx(np.asarray(want)[folded.core])
    monkeypatch.setattr(large, "FIRST_ROUND", 128)  # the first round takes every core actor
    values, estimate = large.sampled_betweenness(n, edges, top=3)
    assert estimate.pivots == folded.size and estimate.exact
    assert values == pytest.approx(want, rel=1e-9, abs=1e-15)

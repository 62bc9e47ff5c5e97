"""Connectors of a large network: a sampled betweenness with a stated error, taken above the
size threshold only, said so in the text and the JSON, and agreeing with the exact ranking at
the top of a generated municipality (seeded: the same graph and the same pivots every run)."""

from __future__ import annotations

import json
import random

import networkx as nx
import pytest
from click.testing import CliRunner

from workshop.analysis import connectors, large
from workshop.cli import cli


def municipality(hoods: int = 60, size: int = 25, seed: int = 5) -> tuple[int, list]:
    """Neighbourhoods of 25 actors (three ties each inside), joined through 40 city-wide
    actors whose reach falls off with their rank, as a municipality's welfare organisations
    and officers do."""
    rnd = random.Random(seed)
    n = hoods * size
    pairs = set()
    for hood in range(hoods):
        base = hood * size
        for i in range(size):
            for _ in range(3):
                j = rnd.randrange(size)
                if i != j:
                    pairs.add((min(base + i, base + j), max(base + i, base + j)))
    for rank in range(1, 41):
        hub = rnd.randrange(n)
        for _ in range(max(1, 120 // rank)):
            other = rnd.randrange(n)
            if other != hub:
                pairs.add((min(hub, other), max(hub, other)))
    return n, sorted(pairs)


@pytest.fixture(scope="module")
def city() -> tuple[int, list, list[float]]:
    n, edges = municipality()
    return n, edges, large.exact_betweenness(n, edges)


def _top(values, k: int) -> list[int]:
    return sorted(range(len(values)), key=lambda i: -values[i])[:k]


def test_the_threshold_chooses_the_method(city, monkeypatch) -> None:
    n, edges, exact = city
    assert large.is_large(n, len(edges)) == (n * len(edges) > large.LARGE_WORK)
    monkeypatch.setattr(large, "LARGE_WORK", n * len(edges))  # just at the threshold: exact
    metrics, estimate = connectors.measure(list(range(n)), edges)
    assert estimate is None
    assert [metrics[i].betweenness for i in range(n)] == pytest.approx(exact, abs=1e-12)
    monkeypatch.setattr(large, "LARGE_WORK", n * len(edges) - 1)  # one step above: sampled
    monkeypatch.setattr(large, "MAX_PIVOTS", 128)  # one round is enough to tell
    metrics, estimate = connectors.measure(list(range(n)), edges, top=10)
    assert estimate is not None and estimate.pivots == 128 and estimate.top == 10
    assert [metrics[i].betweenness for i in range(n)] != pytest.approx(exact, abs=1e-12)
    again, _ = connectors.measure(list(range(n)), edges, top=10)
    assert again == metrics  # seeded: a file gives the same figures every time


def test_the_estimate_agrees_with_exact_at_the_top(city) -> None:
    n, edges, exact = city
    groups = connectors._numbered(n, edges, connectors._propagated(n, edges))
    values, estimate = large.sampled_betweenness(n, edges, top=10, groups=groups, max_pivots=512)
    assert 0 < estimate.pivots <= 512
    assert set(_top(values, 5)) == set(_top(exact, 5))  # the same five at the top
    assert len(set(_top(values, 10)) & set(_top(exact, 10))) >= 8
    for i in _top(exact, 20):  # and the stated error holds for every exact value near the top
        assert abs(values[i] - exact[i]) <= estimate.error


def test_an_unsettled_top_is_sampled_until_exact(city) -> None:
    """This city's top 10 changes from one round of pivots to the next (128, 256, 512, 1024):
    the sampling goes on to every actor, and the figures are the exact ones."""
    n, edges, exact = city
    groups = connectors._numbered(n, edges, connectors._propagated(n, edges))
    values, estimate = large.sampled_betweenness(n, edges, top=10, groups=groups)
    assert estimate.pivots == n and estimate.stable and estimate.error == 0.0
    assert estimate.exact
    assert values == pytest.approx(exact, abs=1e-12)


def test_a_settled_top_stops_the_sampling() -> None:
    """A star of stars: the hub and the five centres lead from the first round on, so two
    rounds (128 and 256 pivots) are enough. (Its satellites are tied in pairs: single leaves
    would fold into their centres, and six core actors are all pivots in the first round.)"""
    edges = [(0, c) for c in range(1, 6)]
    edges += [(c, 6 + 100 * (c - 1) + j) for c in range(1, 6) for j in range(100)]
    edges += [(6 + j, 7 + j) for j in range(0, 500, 2)]
    n = 506
    values, estimate = large.sampled_betweenness(n, edges, top=6)
    assert (estimate.pivots, estimate.stable, estimate.exact) == (256, True, False)
    assert set(_top(values, 6)) == {0, 1, 2, 3, 4, 5}
    assert estimate.error > 0


def test_every_actor_a_pivot_is_the_exact_betweenness() -> None:
    graph = nx.gnm_random_graph(150, 400, seed=2)
    values, estimate = large.sampled_betweenness(150, list(graph.edges()), max_pivots=150)
    reference = nx.betweenness_centrality(graph, normalized=True)
    assert values == pytest.approx([reference[i] for i in range(150)], abs=1e-12)
    # every actor that can be a pivot: the two with one tie are folded into their neighbours
    assert estimate.pivots == estimate.sources == 148 and estimate.exact
    assert estimate.error == 0.0 and estimate.stable


def test_label_propagation_finds_planted_groups() -> None:
    graph = nx.disjoint_union_all([nx.complete_graph(8) for _ in range(4)])
    graph.add_edges_from([(0, 8), (9, 16), (17, 24)])  # a chain of four cliques
    graph.add_node(32)  # an actor without ties
    labels = large.label_propagation(33, list(graph.edges()))
    groups = {frozenset(i for i in range(33) if labels[i] == label) for label in labels}
    assert groups == {frozenset(range(k, k + 8)) for k in (0, 8, 16, 24)} | {frozenset({32})}


def test_connectors_says_it_estimated(demo_master, monkeypatch) -> None:
    runner = CliRunner()
    exact_rows = json.loads(runner.invoke(cli, ["connectors", str(demo_master), "--json"]).output)
    assert {r["betweenness_method"] for r in exact_rows} == {"exact"}
    assert {r["betweenness_error"] for r in exact_rows} == {None}
    text = runner.invoke(cli, ["connectors", str(demo_master)]).output
    assert "geschat" not in text

    monkeypatch.setattr(large, "LARGE_WORK", 0)  # the demo as if it were a municipality
    text = runner.invoke(cli, ["connectors", str(demo_master)]).output
    assert "toch exact" in text and "labelpropagatie" in text  # 128 pivots: every actor
    rows = json.loads(runner.invoke(cli, ["connectors", str(demo_master), "--json"]).output)
    assert {r["betweenness_method"] for r in rows} == {"exact"}
    assert {r["betweenness_error"] for r in rows} == {None}

    monkeypatch.setattr(large, "FIRST_ROUND", 4)  # and sampled: rounds of 4 and 8 pivots
    monkeypatch.setattr(large, "MAX_PIVOTS", 8)
    result = runner.invoke(cli, ["connectors", str(demo_master), "--json"])
    rows = json.loads(result.output)
    assert {r["betweenness_method"] for r in rows} == {"sampled"}
    pivots = rows[0]["betweenness_pivots"]
    assert isinstance(rows[0]["betweenness_error"], float) and 0 < pivots <= len(rows)
    assert {r["id"] for r in rows} == {r["id"] for r in exact_rows}
    text = runner.invoke(cli, ["connectors", str(demo_master), "--top", "3"]).output
    assert f"geschat vanuit {pivots} van de {len(rows)} actoren" in text
    assert "95% zekerheid" in text and "labelpropagatie" in text


@pytest.mark.parametrize("n, m", [(120, 300), (60, 12)])
def test_the_compiled_betweenness_is_networkx(monkeypatch, n: int, m: int) -> None:
    """Above `COMPILED_WORK` the exact betweenness is the compiled Brandes, on every core:
    the same values as networkx on a graph in pieces (two parts, isolated actors)."""
    graph = nx.gnm_random_graph(n // 2, m, seed=3)
    graph = nx.disjoint_union(graph, nx.gnm_random_graph(n // 2 - 5, m // 3, seed=4))
    graph.add_nodes_from(range(n - 5, n))
    monkeypatch.setattr(large, "COMPILED_WORK", 0)
    values = large.exact_betweenness(n, sorted(graph.edges()))
    reference = nx.betweenness_centrality(graph, normalized=True)
    assert values == pytest.approx([reference[i] for i in range(n)], abs=1e-12)

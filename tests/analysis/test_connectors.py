"""Connectors agree with networkx (the reference) on reference graphs and on real files."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from workshop.analysis import connectors
from workshop.capture.record import record
from workshop.file.store import Store


def _reference(graph: nx.Graph) -> dict:
    return {
        "betweenness": nx.betweenness_centrality(graph, normalized=True),
        "degree": dict(graph.degree()),
        "articulation": set(nx.articulation_points(graph)),
    }


def _disconnected() -> nx.Graph:
    graph = nx.disjoint_union_all([nx.path_graph(4), nx.cycle_graph(5), nx.star_graph(3)])
    graph.add_nodes_from([100, 101])  # two isolated actors
    return graph


def _random_graph() -> nx.Graph:
    return nx.gnm_random_graph(120, 260, seed=3)


REFERENCE_GRAPHS = {
    "karate": nx.karate_club_graph,
    "path": lambda: nx.path_graph(9),
    "star": lambda: nx.star_graph(7),
    "disconnected": _disconnected,
    "empty": nx.Graph,
    "single": lambda: nx.empty_graph(1),
    "pair": lambda: nx.path_graph(2),
    "no_edges": lambda: nx.empty_graph(5),
    "barbell": lambda: nx.barbell_graph(5, 2),
    "random": _random_graph,
}


@pytest.mark.parametrize("name", REFERENCE_GRAPHS)
def test_measures_agree_with_networkx(name: str) -> None:
    graph = REFERENCE_GRAPHS[name]()
    nodes = list(graph.nodes())
    random.Random(1).shuffle(nodes)  # the order nodes come in must not matter
    metrics = connectors.compute(nodes, list(graph.edges()))
    ref = _reference(graph)
    assert set(metrics) == set(graph.nodes())
    for node, m in metrics.items():
        assert m.betweenness == pytest.approx(ref["betweenness"][node], abs=1e-9)
        assert m.degree == ref["degree"][node]
        assert m.articulation == (node in ref["articulation"])


@pytest.mark.parametrize("name", ["karate", "disconnected", "barbell", "random"])
def test_communities_partition_the_connected_actors(name: str) -> None:
    graph = REFERENCE_GRAPHS[name]()
    metrics = connectors.compute(list(graph.nodes()), list(graph.edges()))
    parts: dict[int, set] = {}
    for node, m in metrics.items():
        assert (m.community == 0) == (graph.degree(node) == 0)
        parts.setdefault(m.community, set()).add(node)
    parts.pop(0, None)
    assert sorted(parts) == list(range(1, len(parts) + 1))
    sizes = [len(parts[k]) for k in sorted(parts)]
    assert sizes == sorted(sizes, reverse=True)  # numbered by size
    for part in parts.values():  # a community never spans two components
        assert len({frozenset(nx.node_connected_component(graph, n)) for n in part}) == 1
    if name == "karate":
        assert nx.community.modularity(graph, list(parts.values())) > 0.38


def test_communities_are_the_same_every_time() -> None:
    graph = nx.karate_club_graph()
    first = connectors.compute(list(graph.nodes()), list(graph.edges()))
    again = connectors.compute(list(graph.nodes()), list(graph.edges()))
    assert {n: m.community for n, m in first.items()} == {n: m.community for n, m in again.items()}


def test_brokerage_counts_ties_across_roles_and_communities() -> None:
    # Two triangles of residents joined through a welfare worker W.
    edges = [
        ("a", "b"),
        ("b", "c"),
        ("a", "c"),
        ("c", "W"),
        ("W", "d"),
        ("d", "e"),
        ("e", "f"),
        ("d", "f"),
    ]
    roles = {n: "resident" for n in "abcdef"} | {"W": "welfare"}
    metrics = connectors.compute(list("abcdefW"), edges, roles)
    w = metrics["W"]
    assert w.articulation and metrics["c"].articulation and metrics["d"].articulation
    assert w.cross_role == 2 and w.brokerage == 2
    assert metrics["a"].cross_role == 0 and metrics["a"].brokerage == 0
    assert metrics["c"].cross_role == 1
    assert metrics["c"].community != metrics["d"].community
    assert metrics["c"].communities_reached + metrics["d"].communities_reached >= 1


def test_unknown_roles_cross_nothing_and_duplicates_and_loops_are_ignored() -> None:
    edges = [("a", "b"), ("b", "a"), ("a", "b"), ("a", "a")]
    metrics = connectors.compute(["a", "b"], edges, {"a": None, "b": "school"})
    assert metrics["a"].degree == 1 and metrics["a"].cross_role == 0


def test_an_edge_to_an_unknown_node_is_a_bug_not_a_silent_drop() -> None:
    with pytest.raises(KeyError):
        connectors.compute(["a"], [("a", "x")])


def test_analyse_reads_the_file_and_agrees_with_networkx(store) -> None:
    record(
        store,
        [
            'org "Buurthuis De Bron" #welzijn !4',
            'persoon "Dokter de Vries" #sleutelfiguur !5 consent:print',
            'org "Energiecoöperatie \'t Hoekje" #energiecoop',
            'org "Voetbalclub ZVV" #sportclub',
            "persoon Ayşe #bewoner",
            "persoon Zbigniew #bewoner",
            '"Dokter de Vries" -> "Buurthuis De Bron" #kent',
            '"Buurthuis De Bron" -> "Dokter de Vries" #vertrouwt',  # same pair: one edge
            '"Dokter de Vries" <-> "Energiecoöperatie \'t Hoekje" #werkt-samen',
            '"Energiecoöperatie \'t Hoekje" -- "Voetbalclub ZVV"',
            'Ayşe -> "Buurthuis De Bron"',
        ],
    )
    rows = connectors.analyse(store)
    # a path Ayşe - Bron - Dokter - Hoekje - ZVV: equal betweenness goes by name
    assert [r.name for r in rows][:3] == [
        "Dokter de Vries",
        "Buurthuis De Bron",
        "Energiecoöperatie 't Hoekje",
    ]
    ids = {a["id"]: a["name"] for a in store.rows("actor")}
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((t["source_id"], t["target_id"]) for t in store.rows("tie"))
    ref = _reference(graph)
    for row in rows:
        assert row.betweenness == pytest.approx(ref["betweenness"][row.actor_id], abs=1e-9)
        assert row.degree == ref["degree"][row.actor_id]
        assert row.articulation == (row.actor_id in ref["articulation"])
    assert [r.betweenness for r in rows] == sorted((r.betweenness for r in rows), reverse=True)
    zbigniew = next(r for r in rows if r.name == "Zbigniew")
    assert (zbigniew.degree, zbigniew.community, zbigniew.is_connector) == (0, 0, False)
    facts = connectors.overview(connectors.load(store), rows)
    assert (facts.actors, facts.ties, facts.components, facts.isolated) == (6, 4, 1, 1)


def test_shown_name_follows_consent(store) -> None:
    record(
        store,
        [
            'persoon "Dokter de Vries" #sleutelfiguur consent:print',
            "persoon Ayşe #bewoner",
            '"Dokter de Vries" -> Ayşe',
        ],
    )
    rows = {r.name: r for r in connectors.analyse(store)}
    doctor, ayse = rows["Dokter de Vries"], rows["Ayşe"]
    assert doctor.shown_name("print", "nl") == "Dokter de Vries"
    assert doctor.shown_name("export", "nl").startswith("Sleutelfiguur ")
    assert ayse.shown_name("internal", "nl") == "Ayşe"
    assert ayse.shown_name("print", "nl").startswith("Bewoner ")
    assert doctor.shown_name("internal", "nl", anonymise=True).startswith("Sleutelfiguur ")


def test_an_empty_file_gives_no_rows(store) -> None:
    assert connectors.analyse(store) == []
    facts = connectors.overview(connectors.load(store), [])
    assert (facts.actors, facts.ties, facts.density) == (0, 0, 0.0)


def test_the_analysis_is_kept_until_the_file_changes(store) -> None:
    """One analysis per state of the file: a second export (GraphML after GEXF) reuses it; a
    capture on this connection or a commit from another one makes it new."""
    record(store, ["a Anna", "a Bert", "a Cor", "Anna -> Bert", "Bert -> Cor"])
    _, first = connectors.cached(store)
    _, again = connectors.cached(store)
    assert again == first and all(a is b for a, b in zip(again, first, strict=True))
    record(store, ["Cor -> Anna"])  # this connection writes
    _, after_capture = connectors.cached(store)
    assert {r.degree for r in after_capture} == {2}
    other = Store.open(store.path)  # another connection commits
    record(other, ["a Dirk", "Dirk -> Anna"])
    other.close()
    _, after_other = connectors.cached(store)
    assert len(after_other) == 4 and after_other[0].name == "Anna"
    from workshop import exchange

    exchange.export(store, "gexf", store.path.with_suffix(".gexf"))  # writes to the file too
    _, after_export = connectors.cached(store)
    assert all(a is b for a, b in zip(after_export, after_other, strict=True))  # reused

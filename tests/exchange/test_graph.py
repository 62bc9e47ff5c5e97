"""GraphML and GEXF read back by networkx: the same nodes, edges and attributes."""

from __future__ import annotations

import networkx as nx
import pytest

from workshop import model, privacy
from workshop.analysis import connectors
from workshop.capture.record import record
from workshop.exchange import graph

HOSTILE = [
    'org "<b>Bold</b> & [red]co[/red]" #vereniging !2 groepen:"ouders & kinderen <3"',
    'persoon "Zoë 👩\u200d👩\u200d👧 Ĳsbrand" #bewoner consent:public tel:06-1',
    'persoon "Piet\x07Bel" #bewoner consent:public',
    'persoon "Geheim" #sleutelfiguur tel:0612345678',
    'persoon "Jan \\"de Kapper\\" O\'Neil\t&amp;" #bewoner consent:public',
    '"<b>Bold</b> & [red]co[/red]" -> "Zoë 👩\u200d👩\u200d👧 Ĳsbrand" #kent !2',
    '"<b>Bold</b> & [red]co[/red]" -> "Zoë 👩\u200d👩\u200d👧 Ĳsbrand" #werkt-samen',
    '"Zoë 👩\u200d👩\u200d👧 Ĳsbrand" <-> Geheim #vertrouwt',
    '"Piet\x07Bel" -- Geheim',
]


def _read(path, fmt: str) -> nx.MultiGraph:
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    g = nx.read_gexf(path)
    return g if g.is_multigraph() else nx.MultiGraph(g)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_nodes_edges_and_attributes_come_back(store, tmp_path, fmt: str) -> None:
    record(store, HOSTILE)
    target = tmp_path / f"net.{fmt}"
    (graph.export_graphml if fmt == "graphml" else graph.export_gexf)(store, target)
    back = _read(target, fmt)
    actors = {a["id"]: a for a in store.rows("actor")}
    ties = store.rows("tie")
    assert set(back.nodes) == set(actors)
    assert back.number_of_edges() == len(ties) == 4  # the two ties of one pair stay two
    assert sorted(sorted((u, v)) for u, v, _ in back.edges(keys=True)) == sorted(
        sorted((t["source_id"], t["target_id"])) for t in ties
    )
    measures = {r.actor_id: r for r in connectors.analyse(store)}
    for actor_id, actor in actors.items():
        data = back.nodes[actor_id]
        expected = privacy.shown_name(actor, "actor", "export", store.lang)
        assert data["label"] == expected.replace("\x07", "\ufffd")
        assert data["type"] == actor["type"]
        assert data["betweenness"] == pytest.approx(measures[actor_id].betweenness, abs=1e-12)
        assert data["community"] == measures[actor_id].community
        assert data["articulation"] == measures[actor_id].articulation
        if actor["influence"] is not None:
            assert data["influence"] == actor["influence"]
    assert "Geheim" not in target.read_text(encoding="utf-8")
    assert "0612345678" not in target.read_text(encoding="utf-8")
    by_id = {t["id"]: t for t in ties}
    for u, v, key, data in back.edges(keys=True, data=True):
        tie = by_id[data.get("id", key)]
        ends = (u, v) if back.is_directed() else tuple(sorted((u, v)))
        expected_ends = (tie["source_id"], tie["target_id"])
        assert (ends, data["kind"], data["direction"], data["weight"], data["source_id"]) == (
            expected_ends if back.is_directed() else tuple(sorted(expected_ends)),
            tie["kind"],
            tie["direction"],
            float(tie["strength"] or 1),
            tie["source_id"],
        )


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_demo_network_round_trips(demo_store, tmp_path, fmt: str) -> None:
    target = tmp_path / f"demo.{fmt}"
    (graph.export_graphml if fmt == "graphml" else graph.export_gexf)(demo_store, target)
    back = _read(target, fmt)
    assert back.number_of_nodes() == demo_store.count("actor")
    assert back.number_of_edges() == demo_store.count("tie")
    names = {d["label"] for _, d in back.nodes(data=True)}
    assert "Bibliotheek Zuiderveen" in names
    assert "Fatma Yılmaz" not in names  # consent internal: a pseudonym in every export
    if fmt == "gexf":
        sizes = {d["viz"]["size"] for _, d in back.nodes(data=True)}
        assert len(sizes) > 1


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_anonymised_and_empty(store, tmp_path, fmt: str) -> None:
    export = graph.export_graphml if fmt == "graphml" else graph.export_gexf
    export(store, tmp_path / f"empty.{fmt}")
    assert _read(tmp_path / f"empty.{fmt}", fmt).number_of_nodes() == 0
    record(
        store,
        [
            'persoon "Anna de Boer" #bewoner consent:public tel:0655512399',
            'org "Club"',
            '"Anna de Boer" -> Club',
        ],
    )
    export(store, tmp_path / f"anon.{fmt}", anonymise=True)
    text = (tmp_path / f"anon.{fmt}").read_text(encoding="utf-8")
    assert "Anna de Boer" not in text and "0655512399" not in text and "Club" in text


def test_graphml_betweenness_in_networkx_equals_connectors(demo_store, tmp_path) -> None:
    """networkx reads the GraphML as the undirected network `workshop connectors` analyses:
    its betweenness ranks the demo's actors exactly as connectors does."""
    graph.export_graphml(demo_store, tmp_path / "demo.graphml")
    back = nx.read_graphml(tmp_path / "demo.graphml", force_multigraph=True)
    assert not back.is_directed()
    directions = [d["direction"] for _, _, d in back.edges(data=True)]
    assert (directions.count("mutual"), directions.count("undirected")) == (15, 13)
    ours = nx.betweenness_centrality(nx.Graph(back))
    rows = connectors.analyse(demo_store)
    for row in rows:
        assert ours[row.actor_id] == pytest.approx(row.betweenness, abs=1e-12)
    top = sorted(ours, key=lambda a: -ours[a])[:6]
    assert rows[0].actor_id in top


def test_gexf_is_read_by_networkx_as_the_network_gephi_gets(demo_store, tmp_path) -> None:
    """One form both Gephi and networkx read as it is (networkx refuses a GEXF that mixes
    per-edge types): an undirected graph, mutual and undirected ties undirected edges, each
    tie's direction and source as attributes, the tie kind as label. `nx.read_gexf` reads the
    file itself, and its betweenness is the one `connectors` reports."""
    import xml.etree.ElementTree as ET

    graph.export_gexf(demo_store, tmp_path / "demo.gexf")
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(tmp_path / "demo.gexf").getroot()
    assert dict(root.attrib) == {"version": "1.3"}  # all the 1.3 RelaxNG schema allows here
    assert root.find("g:graph", ns).get("defaultedgetype") == "undirected"
    assert all(e.get("type") is None for e in root.iterfind(".//g:edge", ns))
    ties = {t["id"]: t for t in demo_store.rows("tie")}
    # Gephi's edge type: two ties of one pair stay two edges when their kinds differ
    assert all(e.get("kind") == ties[e.get("id")]["kind"] for e in root.iterfind(".//g:edge", ns))
    back = nx.read_gexf(tmp_path / "demo.gexf")
    assert not back.is_directed()
    directions = []
    for _, _, data in back.edges(data=True):
        tie = ties[data["id"]]
        assert (data["direction"], data["source_id"], data["label"]) == (
            tie["direction"],
            tie["source_id"],
            model.ACTOR_TIE_KINDS.label(tie["kind"], demo_store.lang),
        )
        directions.append(data["direction"])
    assert (directions.count("mutual"), directions.count("undirected")) == (15, 13)
    ours = nx.betweenness_centrality(nx.Graph(back))
    rows = connectors.analyse(demo_store)
    for row in rows:
        assert ours[row.actor_id] == pytest.approx(row.betweenness, abs=1e-12)
        assert back.nodes[row.actor_id]["betweenness"] == pytest.approx(row.betweenness)
    assert rows[0].actor_id in sorted(ours, key=lambda a: -ours[a])[:6]


@pytest.mark.parametrize("sampled", [False, True], ids=["exact", "sampled"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_node_measures_are_those_of_workshop_connectors(
    demo_store, tmp_path, monkeypatch, fmt: str, sampled: bool
) -> None:
    """Every connector measure on every node, as networkx reads the file, equals what
    `workshop connectors --json` says, the sampled estimate of a large network included; each
    edge's label is its tie kind."""
    import json

    from click.testing import CliRunner

    from workshop.analysis import large
    from workshop.cli import cli

    if sampled:  # the demo as a municipality, with rounds small enough to stay a sample
        monkeypatch.setattr(large, "LARGE_WORK", 0)
        monkeypatch.setattr(large, "FIRST_ROUND", 4)
        monkeypatch.setattr(large, "MAX_PIVOTS", 8)
    target = tmp_path / f"demo.{fmt}"
    (graph.export_graphml if fmt == "graphml" else graph.export_gexf)(demo_store, target)
    result = CliRunner().invoke(cli, ["connectors", str(demo_store.path), "--json"])
    rows = {r["id"]: r for r in json.loads(result.output)}
    back = _read(target, fmt)
    assert set(back.nodes) == set(rows)
    measures = [
        "betweenness",
        "degree",
        "community",
        "articulation",
        "brokerage",
        "cross_community",
        "cross_role",
        "communities_reached",
        "betweenness_method",
        "betweenness_error",
        "betweenness_pivots",
    ]
    for node, data in back.nodes(data=True):
        assert {k: data.get(k) for k in measures} == {k: rows[node][k] for k in measures}
    assert {rows[n]["betweenness_method"] for n in rows} == {"sampled" if sampled else "exact"}
    kinds = {t["id"]: t["kind"] for t in demo_store.rows("tie")}
    for _, _, key, data in back.edges(keys=True, data=True):
        tie = key if fmt == "graphml" else data["id"]
        label = data["kind_label"] if fmt == "graphml" else data["label"]
        assert data["kind"] == kinds[tie]
        assert label == model.ACTOR_TIE_KINDS.label(kinds[tie], demo_store.lang)

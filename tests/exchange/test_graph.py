"""GraphML and GEXF read back by networkx: the same nodes, edges and attributes."""

from __future__ import annotations

import networkx as nx
import pytest

from workshop import privacy
from workshop.analysis import connectors
from workshop.exchange import graph
from workshop.record import record

HOSTILE = [
    'org "<b>Bold</b> & [red]co[/red]" #vereniging !2 groepen:"ouders & kinderen <3"',
    'persoon "Zoë 👩\u200d👩\u200d👧 Ĳsbrand" #bewoner consent:public tel:06-1',
    'persoon "Piet\x07Bel" #bewoner consent:public',
    'persoon "Geheim" #sleutelfiguur tel:0612345678',
    '"<b>Bold</b> & [red]co[/red]" -> "Zoë 👩\u200d👩\u200d👧 Ĳsbrand" #kent !2',
    '"<b>Bold</b> & [red]co[/red]" -> "Zoë 👩\u200d👩\u200d👧 Ĳsbrand" #werkt-samen',
    '"Zoë 👩\u200d👩\u200d👧 Ĳsbrand" <-> Geheim #vertrouwt',
    '"Piet\x07Bel" -- Geheim',
]


def _read(path, fmt: str) -> nx.MultiDiGraph:
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    g = nx.read_gexf(path)
    return g if g.is_multigraph() else nx.MultiDiGraph(g)


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
    assert sorted((u, v) for u, v, _ in back.edges(keys=True)) == sorted(
        (t["source_id"], t["target_id"]) for t in ties)
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
        assert (u, v, data["kind"], data["direction"], data["weight"]) == (
            tie["source_id"], tie["target_id"], tie["kind"], tie["direction"],
            float(tie["strength"] or 1))


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
    record(store, ['persoon "Anna de Boer" #bewoner consent:public tel:061', 'org "Club"',
                   '"Anna de Boer" -> Club'])
    export(store, tmp_path / f"anon.{fmt}", anonymise=True)
    text = (tmp_path / f"anon.{fmt}").read_text(encoding="utf-8")
    assert "Anna de Boer" not in text and "061" not in text and "Club" in text

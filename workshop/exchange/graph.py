"""The actor network as GraphML and GEXF, for Gephi, Cytoscape, yEd and networkx.

Nodes are actors (id = the actor's UUID), with their label as the export rule allows, type,
role, influence, groups, flags and the connector measures (betweenness, degree, community,
articulation, brokerage), so Gephi can size and colour by them straight away. Edges are the
ties as captured: one edge per tie, source -> target, with kind, direction (directed, mutual,
undirected), strength, weight (= strength, else 1) and tags. The graph is written as directed
with parallel edges; `direction` says which ties run both ways (networkx refuses undirected
edges in a directed GEXF, so the edge type stays directed).

XML 1.0 cannot hold most control characters: they are written as U+FFFD.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from workshop import model, privacy
from workshop.analysis import connectors
from workshop.exchange.files import atomic_output
from workshop.printing.network_style import role_colour
from workshop.store import Store

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: object) -> object:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _drop_empty(values: dict) -> dict:
    return {k: _xml_text(v) for k, v in values.items() if v is not None and v != ""}


def network_graph(store: Store, *, anonymise: bool = False, gexf: bool = False) -> nx.MultiDiGraph:
    """The graph to write; `gexf` adds Gephi's viz size and colour, and the tie id as the
    edge id (GraphML carries it as the key by itself)."""
    lang = store.lang
    hood = store.neighbourhood()
    graph = nx.MultiDiGraph(name=_xml_text(hood["name"]))
    rows = {r.actor_id: r for r in connectors.analyse(store)}
    for actor in store.rows("actor", order="created, rowid"):
        shown = privacy.redact(actor, "actor", "export", lang, anonymise)
        hidden = shown["name"] != actor["name"]
        row = rows[actor["id"]]
        attrs = _drop_empty({
            "label": shown["name"], "type": actor["type"], "role": actor["role"],
            "role_label": model.ROLES.label(actor["role"], lang),
            "influence": actor["influence"], "groups": actor["groups"],
            "tags": "|".join(actor["tags"]), "cell": actor["cell"],
            "description": None if hidden else actor["description"],
            "tel": shown["tel"], "mail": shown["mail"], "website": shown["website"],
            "ambassador": bool(actor["ambassador"]), "startmotor": bool(actor["startmotor"]),
            "betweenness": row.betweenness, "degree": row.degree, "community": row.community,
            "articulation": row.articulation, "brokerage": row.brokerage})
        if gexf:
            red, green, blue = role_colour(actor["role"])
            attrs["viz"] = {"size": 10.0 + 4.0 * (actor["influence"] or 0),
                            "color": {"r": red, "g": green, "b": blue, "a": 1.0}}
        graph.add_node(actor["id"], **attrs)
    for tie in store.rows("tie", order="created, rowid"):
        graph.add_edge(tie["source_id"], tie["target_id"], key=tie["id"], **_drop_empty({
            "kind": tie["kind"], "kind_label": model.ACTOR_TIE_KINDS.label(tie["kind"], lang),
            "direction": tie["direction"], "strength": tie["strength"],
            "weight": float(tie["strength"] or 1), "tags": "|".join(tie["tags"]),
            "description": tie["description"], "id": tie["id"] if gexf else None}))
    return graph


def export_graphml(store: Store, target: Path, *, anonymise: bool = False) -> Path:
    graph = network_graph(store, anonymise=anonymise)
    with atomic_output(target, "wb") as fh:
        nx.write_graphml_xml(graph, fh, encoding="utf-8", named_key_ids=True)
    return target


def export_gexf(store: Store, target: Path, *, anonymise: bool = False) -> Path:
    graph = network_graph(store, anonymise=anonymise, gexf=True)
    with atomic_output(target, "wb") as fh:
        nx.write_gexf(graph, fh, encoding="utf-8", version="1.2draft")
    return target

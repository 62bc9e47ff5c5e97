"""The actor network as GraphML and GEXF, for Gephi, Cytoscape, yEd and networkx.

Nodes are actors (id = the actor's UUID), with their label as the export rule allows, type,
role, influence, groups, flags and the connector measures as `workshop connectors --json` gives
them (betweenness, how it was computed and a sample's error, degree, community, articulation,
brokerage and its parts), so Gephi can size and colour by them straight away; GEXF also
carries Gephi's own size (influence) and colour (role, as on the poster). Edges are the ties as
captured: one edge per tie, source -> target, id = the tie's UUID, with kind (also as the edge's
label), direction (directed, mutual, undirected), source_id (the actor it runs from), strength,
weight (= strength, else 1) and tags.

Both files are undirected graphs, with each tie's direction as an attribute: the one form that
Gephi and networkx both read as it is. networkx refuses any graph that mixes directed and
undirected edges (`nx.read_gexf` raises "Undirected edge found in directed graph" on a GEXF
with per-edge `type="undirected"`, and the same holds in GraphML), and Gephi's GEXF importer
knows no `defaultedgetype="mixed"` nor a per-edge `mutual` (gephi/gephi ImporterGEXF.java).
So mutual and undirected ties are undirected edges in Gephi, networkx, igraph and Cytoscape
alike, and the betweenness any of them computes on the file is the one `workshop connectors`
reports (it analyses the undirected network too). A directed tie keeps its direction in the
attributes: `direction` is "directed" and `source_id` names the actor it runs from (an
undirected reader may give the two ends in either order); in Gephi, filter or colour the
edges by `direction`. GEXF also gives each edge its tie kind as `kind`, which Gephi reads as
the edge type (what its own GEXF export writes there): Gephi tells parallel edges of one pair
apart by their type, so "kent" and "werkt samen" between the same two stay two edges.

The XML is written here rather than through networkx's writers: at city scale (5,000 actors,
20,000 ties) those take seconds; these strings take a fraction of one. networkx reads the
files back in the tests. XML 1.0 cannot hold most control characters: they become U+FFFD.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workshop import model
from workshop.analysis import connectors, large
from workshop.file import redaction
from workshop.file.store import Store
from workshop.model import role_colour
from workshop.outputs import atomic_output

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# (name, GraphML type, GEXF type) of every attribute, in the order they are written.
NODE_KEYS = [
    ("label", "string", "string"),
    ("type", "string", "string"),
    ("role", "string", "string"),
    ("role_label", "string", "string"),
    ("influence", "int", "integer"),
    ("groups", "string", "string"),
    ("tags", "string", "string"),
    ("cell", "string", "string"),
    ("description", "string", "string"),
    ("tel", "string", "string"),
    ("mail", "string", "string"),
    ("website", "string", "string"),
    ("ambassador", "boolean", "boolean"),
    ("startmotor", "boolean", "boolean"),
    ("betweenness", "double", "double"),
    ("degree", "int", "integer"),
    ("community", "int", "integer"),
    ("articulation", "boolean", "boolean"),
    ("brokerage", "int", "integer"),
    ("cross_community", "int", "integer"),
    ("cross_role", "int", "integer"),
    ("communities_reached", "int", "integer"),
    ("betweenness_method", "string", "string"),
    ("betweenness_error", "double", "double"),  # a sampled estimate's +- (95 %), else absent
    ("betweenness_pivots", "int", "integer"),
]
EDGE_KEYS = [
    ("kind", "string", "string"),
    ("kind_label", "string", "string"),
    ("direction", "string", "string"),
    ("source_id", "string", "string"),
    ("strength", "int", "integer"),
    ("weight", "double", "double"),
    ("tags", "string", "string"),
    ("description", "string", "string"),
]


@dataclass
class Element:
    id: str
    attrs: dict
    source: str = ""
    target: str = ""
    colour: tuple[int, int, int] = (0, 0, 0)


# What XML escapes in an attribute value (in double quotes) and in text; white space other
# than a space as character references, so a parser gives back the same value.
_IN_ATTR = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)
_IN_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


# What needs a look before it goes into the XML; most values need none (UUIDs, keys, labels),
# and one search tells.
_TEXT_WORK = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ATTR_WORK = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')


def _attr(value: object) -> str:
    """An XML attribute value, quoted. (Numbers need no escaping: most values at city scale
    are numbers and UUIDs, and the escaping was most of the file's time.)"""
    kind = type(value)
    if isinstance(value, str):
        if _ATTR_WORK.search(value) is None:
            return f'"{value}"'
    elif kind is bool:
        return '"true"' if value else '"false"'
    elif kind is float:
        return f'"{value!r}"'
    elif kind is int:
        return f'"{value}"'
    return '"' + _NOT_XML.sub("\ufffd", str(value)).translate(_IN_ATTR) + '"'


def _text(value: object) -> str:
    kind = type(value)
    if isinstance(value, str):
        if _TEXT_WORK.search(value) is None:
            return value
    elif kind is bool:
        return "true" if value else "false"
    elif kind is float:
        return repr(value)
    elif kind is int:
        return str(value)
    return _NOT_XML.sub("\ufffd", str(value)).translate(_IN_TEXT)


def elements(store: Store, *, anonymise: bool = False) -> tuple[list[Element], list[Element]]:
    lang = store.lang
    scrub = redaction.for_output(store, "export", anonymise=anonymise)
    network, ranked = connectors.cached(store)  # the very figures `workshop connectors` shows
    rows = {r.actor_id: r for r in ranked}
    method = large.method(network.estimate)
    estimate = network.estimate if method == "sampled" else None
    nodes = []
    for actor in store.rows("actor", order="created, rowid"):
        shown = scrub.record("actor", actor)
        hidden = shown["name"] != actor["name"] and actor["type"] == "person"
        row = rows[actor["id"]]
        nodes.append(
            Element(
                actor["id"],
                {
                    "label": shown["name"],
                    "type": actor["type"],
                    "role": actor["role"],
                    "role_label": model.ROLES.label(actor["role"], lang),
                    "influence": actor["influence"],
                    "groups": shown["groups"],
                    "tags": "|".join(shown["tags"]),
                    "cell": actor["cell"],
                    "description": None if hidden else shown["description"],
                    "tel": shown["tel"],
                    "mail": shown["mail"],
                    "website": shown["website"],
                    "ambassador": bool(actor["ambassador"]),
                    "startmotor": bool(actor["startmotor"]),
                    "betweenness": row.betweenness,
                    "degree": row.degree,
                    "community": row.community,
                    "articulation": row.articulation,
                    "brokerage": row.brokerage,
                    "cross_community": row.cross_community,
                    "cross_role": row.cross_role,
                    "communities_reached": row.communities_reached,
                    "betweenness_method": method,
                    "betweenness_error": estimate.error if estimate else None,
                    "betweenness_pivots": estimate.pivots if estimate else None,
                },
                colour=role_colour(actor["role"]),
            )
        )
    edges = []
    for tie in store.rows("tie", order="created, rowid"):
        shown = scrub.record("tie", tie)
        edges.append(
            Element(
                tie["id"],
                {
                    "kind": tie["kind"],
                    "kind_label": model.ACTOR_TIE_KINDS.label(tie["kind"], lang),
                    "direction": tie["direction"],
                    "source_id": tie["source_id"],
                    "strength": tie["strength"],
                    "weight": float(tie["strength"] or 1),
                    "tags": "|".join(shown["tags"]),
                    "description": shown["description"],
                },
                tie["source_id"],
                tie["target_id"],
            )
        )
    return nodes, edges


# --- GraphML -----------------------------------------------------------------------------------


def _graphml(name: str, nodes: list[Element], edges: list[Element]) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    yield '  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>\n'
    for owner, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for key, kind, _ in keys:
            yield (
                f'  <key id="{owner[0]}_{key}" for="{owner}" attr.name="{key}" '
                f'attr.type="{kind}"/>\n'
            )
    yield '  <graph id="actors" edgedefault="undirected">\n'
    yield f'    <data key="g_name">{_text(name)}</data>\n'
    node_data = [(k, f'<data key="n_{k}">') for k, _, _ in NODE_KEYS]
    for node in nodes:
        attrs = node.attrs
        data = "".join(
            [
                tag + _text(v) + "</data>"
                for k, tag in node_data
                if (v := attrs[k]) is not None and v != ""
            ]
        )
        yield f"    <node id={_attr(node.id)}>{data}</node>\n"
    edge_data = [(k, f'<data key="e_{k}">') for k, _, _ in EDGE_KEYS]
    for edge in edges:
        attrs = edge.attrs
        data = "".join(
            [
                tag + _text(v) + "</data>"
                for k, tag in edge_data
                if (v := attrs[k]) is not None and v != ""
            ]
        )
        yield (
            f"    <edge id={_attr(edge.id)} source={_attr(edge.source)} "
            f"target={_attr(edge.target)}>{data}</edge>\n"
        )
    yield "  </graph>\n</graphml>\n"


def export_graphml(store: Store, target: Path, *, anonymise: bool = False) -> Path:
    nodes, edges = elements(store, anonymise=anonymise)
    with atomic_output(target, "w", encoding="utf-8") as fh:
        fh.writelines(_graphml(store.neighbourhood()["name"], nodes, edges))
    return target


# --- GEXF --------------------------------------------------------------------------------------


def _attvalues(element: Element, keys: list[tuple[str, str]]) -> str:
    """`keys`: (name, the attvalue's opening up to its value) of each attribute written."""
    attrs = element.attrs
    values = "".join(
        [tag + _attr(v) + "/>" for k, tag in keys if (v := attrs[k]) is not None and v != ""]
    )
    return f"<attvalues>{values}</attvalues>" if values else ""


def _attvalue_tags(keys: list[tuple[str, str, str]], skip: str) -> list[tuple[str, str]]:
    return [(k, f'<attvalue for="{k}" value=') for k, _, _ in keys if k != skip]


def _gexf(name: str, nodes: list[Element], edges: list[Element]) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    # No xsi:schemaLocation: the GEXF 1.3 RelaxNG schema allows none (and the XSD it would
    # name expects the viz elements in the wrong namespace).
    yield '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n'
    yield (
        f'  <meta lastmodifieddate="{dt.date.today().isoformat()}"><creator>workshop'
        f"</creator><description>{_text(name)}</description></meta>\n"
    )
    yield '  <graph defaultedgetype="undirected" mode="static">\n'
    for owner, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        yield f'    <attributes class="{owner}" mode="static">\n'
        for key, _, kind in keys:
            if key not in ("label", "weight"):  # GEXF has its own places for these
                yield f'      <attribute id="{key}" title="{key}" type="{kind}"/>\n'
        yield "    </attributes>\n"
    yield "    <nodes>\n"
    node_tags = _attvalue_tags(NODE_KEYS, "label")
    for node in nodes:
        red, green, blue = node.colour
        size = 10.0 + 4.0 * (node.attrs["influence"] or 0)
        yield (
            f"      <node id={_attr(node.id)} label={_attr(node.attrs['label'])}>"
            f'{_attvalues(node, node_tags)}<viz:size value="{size}"/>'
            f'<viz:color r="{red}" g="{green}" b="{blue}" a="1.0"/></node>\n'
        )
    yield "    </nodes>\n    <edges>\n"
    edge_tags = _attvalue_tags(EDGE_KEYS, "weight")
    for edge in edges:
        yield (
            f"      <edge id={_attr(edge.id)} source={_attr(edge.source)} "
            f"target={_attr(edge.target)} label={_attr(edge.attrs['kind_label'])} "
            f"kind={_attr(edge.attrs['kind'])} "
            f'weight="{edge.attrs["weight"]!r}">'
            f"{_attvalues(edge, edge_tags)}</edge>\n"
        )
    yield "    </edges>\n  </graph>\n</gexf>\n"


def export_gexf(store: Store, target: Path, *, anonymise: bool = False) -> Path:
    nodes, edges = elements(store, anonymise=anonymise)
    with atomic_output(target, "w", encoding="utf-8") as fh:
        fh.writelines(_gexf(store.neighbourhood()["name"], nodes, edges))
    return target

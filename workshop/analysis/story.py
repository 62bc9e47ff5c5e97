"""Connectors in plain words ("wie verbindt wie"), for the terminal and the PDF summary.

    groups = group_names(network, rows, audience, lang)
    for sentence in explain(network, rows, audience, lang, top=3): ...

A community is named after its best-connected organisation ("de groep rond Buurthuis De Bron"),
or its best-connected member when it has no organisation; persons are named only as far as
the audience's consent rule allows.
"""

from __future__ import annotations

from collections.abc import Sequence

import rustworkx as rx

from workshop import model
from workshop.analysis.connectors import ConnectorRow, Network
from workshop.i18n import join, t

MAX_NAMES = 4


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return join(items, lang)


def _names(items: list[str], lang: str) -> str:
    if len(items) > MAX_NAMES:
        rest = len(items) - MAX_NAMES + 1
        return ", ".join(items[: MAX_NAMES - 1]) + " " + t("story_more", lang, count=rest)
    return _join(items, lang)


def group_names(
    rows: Sequence[ConnectorRow], audience: str, lang: str, anonymise: bool = False
) -> dict[int, str]:
    """community number -> "de groep rond X"."""
    best: dict[int, ConnectorRow] = {}
    for row in rows:
        if not row.community:
            continue
        held = best.get(row.community)
        key = (row.type == "organisation", row.degree, row.betweenness)
        if held is None or key > (held.type == "organisation", held.degree, held.betweenness):
            best[row.community] = row
    return {
        k: t("story_group", lang, name=r.shown_name(audience, lang, anonymise))
        for k, r in best.items()
    }


def cut_off(network: Network, actor_id: str) -> list[str]:
    """The actors that lose every path to the largest remaining part when `actor_id` goes
    (empty when it is no articulation point)."""
    ids = [a["id"] for a in network.actors if a["id"] != actor_id]
    index = {a: i for i, a in enumerate(ids)}
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(ids)
    graph.extend_from_edge_list(
        [(index[a], index[b]) for a, b in network.edges if actor_id not in (a, b)]
    )
    neighbours = {b if a == actor_id else a for a, b in network.edges if actor_id in (a, b)}
    parts = [c for c in rx.connected_components(graph) if any(ids[i] in neighbours for i in c)]
    if len(parts) < 2:
        return []
    parts.sort(key=lambda part: (-len(part), min(ids[i] for i in part)))
    return [ids[i] for part in parts[1:] for i in sorted(part)]


def explain(
    network: Network,
    rows: Sequence[ConnectorRow],
    audience: str,
    lang: str,
    top: int = 3,
    anonymise: bool = False,
) -> list[list[str]]:
    """For each of the `top` connectors, its sentences."""
    connectors = [r for r in rows if r.is_connector][:top]
    if not network.edges:
        return [[t("story_none", lang)]]
    groups = group_names(rows, audience, lang, anonymise)
    by_id = {r.actor_id: r for r in rows}
    neighbours: dict[str, set[str]] = {}
    for a, b in network.edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    out = []
    for row in connectors:
        name = row.shown_name(audience, lang, anonymise)
        # a pseudonym already is the role ("Sleutelfiguur 08C1"): say it once
        role = f" ({model.ROLES.label(row.role, lang)})" if row.role and name == row.name else ""
        lines = [
            t(
                "story_between",
                lang,
                name=name,
                role=role,
                pct=f"{row.betweenness:.0%}" if row.betweenness >= 0.01 else "<1%",
            )
        ]
        reached = sorted(
            {by_id[n].community for n in neighbours.get(row.actor_id, ())} - {row.community}
        )
        if reached:
            lines.append(
                t(
                    "story_bridges",
                    lang,
                    name=name,
                    groups=_join([groups[k] for k in reached], lang),
                )
            )
        if row.articulation:
            lost = [
                by_id[i].shown_name(audience, lang, anonymise)
                for i in cut_off(network, row.actor_id)
            ]
            if len(lost) == 1:
                lines.append(t("story_cut_one", lang, name=name, names=lost[0]))
            elif lost:
                lines.append(
                    t("story_cut", lang, name=name, count=len(lost), names=_names(lost, lang))
                )
        key = (
            "story_contacts_plain"
            if not row.brokerage
            else "story_contacts_all"
            if row.brokerage == row.degree > 1
            else "story_contacts"
        )
        lines.append(t(key, lang, name=name, degree=row.degree, cross=row.brokerage))
        out.append(lines)
    return out

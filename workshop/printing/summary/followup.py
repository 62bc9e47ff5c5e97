"""Follow-up points for the summary: what was agreed (notes tagged #vervolg, #actie, ...) and
what the analyses suggest (the strongest connector, the network's weak spots, ambassadors, the
sounding board's gaps, actors without ties, initiatives that ask for something, concerns)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop.i18n import join, plural
from workshop.printing.summary.data import AUDIENCE, FOLLOW_UP_TAGS
from workshop.printing.summary.parts import Parts

MAX_NAMES = 6
MAX_NEEDS = 8


def _names(names: list[str], lang: str) -> str:
    if len(names) > MAX_NAMES:
        more = len(names) - MAX_NAMES
        names = names[:MAX_NAMES] + [f"+{more}"]
    if len(names) <= 1:
        return "".join(names)
    return join(names, lang)


def points(parts: Parts) -> list[str]:
    data, lang = parts.data, parts.lang
    out: list[str] = []
    for note in data.notes:
        if {tag.casefold() for tag in note["tags"]} & FOLLOW_UP_TAGS and note["text"]:
            out.append(parts.t("sum_fu_agreed", text=data.text(note["text"])))
    connectors = [r for r in data.rows if r.is_connector and r.betweenness > 0]
    if connectors:
        out.append(parts.t("sum_fu_connector", name=connectors[0].shown_name(AUDIENCE, lang)))
    cuts = [r.shown_name(AUDIENCE, lang) for r in data.rows if r.articulation]
    if cuts:
        out.append(parts.t("sum_fu_cut", names=_names(cuts, lang)))
    carriers = [r.shown_name(AUDIENCE, lang) for r in data.rows if r.ambassador or r.startmotor]
    if carriers:
        out.append(parts.t("sum_fu_ambassador", names=_names(carriers, lang)))
    cov = data.board
    if cov.has_board and not cov.too_large and cov.gaps:
        with_help = [g for g in cov.gaps if g.suggestions] or cov.gaps
        first = [cov.label(g, lang) for g in with_help[:2]]
        out.append(plural("sum_fu_gaps", len(cov.gaps), lang, first=_names(first, lang)))
    alone = [r.shown_name(AUDIENCE, lang) for r in data.rows if not r.degree]
    if alone and data.network.edges:
        out.append(plural("sum_fu_alone", len(alone), lang, names=_names(alone, lang)))
    for ini in [i for i in data.initiatives if i["needs"]][:MAX_NEEDS]:
        out.append(parts.t("sum_fu_needs", name=ini["name"], needs=data.text(ini["needs"])))
    concerns = [p["name"] for p in data.places if p["sentiment"] == "concern"]
    if concerns:
        out.append(parts.t("sum_fu_concern", names=_names(concerns, lang)))
    return out


def follow_up(parts: Parts) -> list[Flowable]:
    out = parts.heading("followup", parts.t("sum_followup"))
    found = points(parts)
    if not found:
        return out + [parts.p(parts.t("sum_fu_none"))]
    return out + [parts.bullet(text) for text in found]

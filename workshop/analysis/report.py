"""The analyses as terminal text and as JSON (`workshop connectors|coverage [--json]`).

Audiences (see workshop.privacy): the terminal is the facilitator's own screen, so its text
uses `internal`; `--json` output is an artefact that ends up in files and other tools, so it
follows the `export` rule (a person's name only with public consent, else a role pseudonym).
Both audiences are decided in `workshop.file.redaction`; the CLI passes every line and every JSON
string through its redaction (free text such as the evidence of a suggestion names people too).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from workshop import model
from workshop.analysis import large, story
from workshop.analysis.connectors import ConnectorRow, Network, Overview
from workshop.analysis.coverage import Coverage, explain
from workshop.analysis.large import Estimate
from workshop.file import redaction
from workshop.i18n import t
from workshop.text import one_line

TEXT_AUDIENCE = redaction.audience_for("terminal")
JSON_AUDIENCE = redaction.audience_for("json")


def _width(text: str) -> int:
    return sum(
        2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
        for c in text
    )


def _fit(text: str, width: int, right: bool = False) -> str:
    text = one_line(text, width)
    while _width(text) > width:
        text = text[:-2] + "…"
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


# --- connectors ---------------------------------------------------------------------------------


def connectors_json(
    rows: Sequence[ConnectorRow],
    lang: str,
    top: int | None = None,
    anonymise: bool = False,
    estimate: Estimate | None = None,
) -> list[dict]:
    """One object per actor. `betweenness_method` is "exact" or "sampled" (see
    `workshop.analysis.large`); with "sampled", `betweenness_error` is the +- of the 95 %
    interval of the top actors' values and `betweenness_pivots` how many actors were sampled."""
    sampled = large.method(estimate) == "sampled"
    method = {
        "betweenness_method": large.method(estimate),
        "betweenness_error": estimate.error if estimate and sampled else None,
        "betweenness_pivots": estimate.pivots if estimate and sampled else None,
    }
    return [
        {
            "id": r.actor_id,
            "name": r.shown_name(JSON_AUDIENCE, lang, anonymise),
            "type": r.type,
            "role": r.role,
            "influence": r.influence,
            "betweenness": r.betweenness,
            "degree": r.degree,
            "articulation": r.articulation,
            "community": r.community,
            "brokerage": r.brokerage,
            "cross_community": r.cross_community,
            "cross_role": r.cross_role,
            "communities_reached": r.communities_reached,
            "ambassador": r.ambassador,
            "startmotor": r.startmotor,
            **method,
        }
        for r in rows[:top]
    ]


def connectors_text(
    network: Network,
    rows: Sequence[ConnectorRow],
    facts: Overview,
    neighbourhood: str,
    lang: str,
    top: int | None = None,
) -> list[str]:
    if not rows:
        return [t("conn_empty", lang)]
    lines = [
        t(
            "conn_title",
            lang,
            name=neighbourhood,
            actors=facts.actors,
            ties=facts.ties,
            communities=facts.communities,
            cuts=facts.articulation_points,
        ),
        "",
    ]
    name_h, role_h = t("conn_col_name", lang), t("conn_col_role", lang)
    numbers = [
        t("conn_col_between", lang),
        t("conn_col_contacts", lang),
        t("conn_col_group", lang),
        t("conn_col_bridge", lang),
    ]
    rank_w = len(str(len(rows)))
    lines.append(
        f"{'#':>{rank_w}}  {_fit(name_h, 30)} {_fit(role_h, 20)} "
        + " ".join(_fit(h, 8, right=True) for h in numbers)
    )
    for n, r in enumerate(rows[:top], 1):
        values = [f"{r.betweenness:.3f}", str(r.degree), str(r.community or "-"), str(r.brokerage)]
        lines.append(
            f"{n:>{rank_w}}  {_fit(r.shown_name(TEXT_AUDIENCE, lang), 30)} "
            f"{_fit(model.ROLES.label(r.role, lang), 20)} "
            + " ".join(_fit(v, 8, right=True) for v in values)
            + ("  ◆" if r.articulation else "")
        )
    lines += ["", t("conn_legend", lang)]
    if network.estimate is not None:
        lines += ["", *estimate_lines(network.estimate, lang)]
    stories = story.explain(network, rows, TEXT_AUDIENCE, lang, top=3)
    if stories:
        lines += ["", t("conn_story", lang)]
        for sentences in stories:
            lines.append("- " + " ".join(sentences))
    return lines


def wait_line(actors: int, ties: int, lang: str) -> str:
    """What the terminal says before the measures of a large network (seconds, not instant)."""
    thousands = t("conn_thousands_mark", lang)
    return t(
        "conn_large_wait",
        lang,
        actors=f"{actors:,}".replace(",", thousands),
        ties=f"{ties:,}".replace(",", thousands),
    )


def estimate_lines(estimate: Estimate, lang: str) -> list[str]:
    """What the output says about a sampled betweenness."""
    thousands, decimal = t("conn_thousands_mark", lang), t("conn_decimal_mark", lang)
    facts = {
        "pivots": f"{estimate.pivots:,}".replace(",", thousands),
        "actors": f"{estimate.actors:,}".replace(",", thousands),
        "top": estimate.top,
        "error": f"{estimate.error:.5f}".replace(".", decimal),
    }
    if estimate.exact:
        return [t("conn_large_exact", lang, **facts)]
    lines = [t("conn_estimated", lang, **facts)]
    if not estimate.stable:
        lines.append(t("conn_estimated_unstable", lang, **facts))
    return lines


# --- coverage -----------------------------------------------------------------------------------


def coverage_json(cov: Coverage, lang: str, anonymise: bool = False) -> dict:
    dims = cov.dimensions

    def values(cell) -> dict:
        return dict(zip([d.key for d in dims], cell.values, strict=True))

    return {
        "dimensions": [
            {
                "key": d.key,
                "label": d.label(lang),
                "values": [{"key": v.key, "label": v.label(lang)} for v in d.values],
            }
            for d in dims
        ],
        "participants": cov.participants,
        "candidates": cov.candidates,
        "incomplete_participants": cov.incomplete_participants,
        "incomplete_candidates": cov.incomplete_candidates,
        "cells": [
            {
                "values": values(c),
                "label": cov.label(c, lang),
                "participants": c.participants,
                "accepted": c.accepted,
                "invited": c.invited,
                "declined": c.declined,
                "gap": c.is_gap,
            }
            for c in cov.cells
        ],
        "gaps": [
            {
                "values": values(c),
                "label": cov.label(c, lang),
                "invited": c.invited,
                "suggestions": [
                    {
                        "id": s.actor_id,
                        "name": s.shown_name(JSON_AUDIENCE, lang, anonymise),
                        "type": s.type,
                        "role": s.role,
                        "score": s.score,
                        "reasons": [
                            {
                                "dimension": r.dimension,
                                "value": r.value,
                                "source": r.source,
                                "evidence": r.evidence,
                                "text": explain(r, dims, lang),
                            }
                            for r in s.reasons
                        ],
                    }
                    for s in c.suggestions
                ],
            }
            for c in cov.gaps
        ],
    }


def coverage_text(cov: Coverage, neighbourhood: str, lang: str) -> list[str]:
    dims = cov.dimensions
    cells = len(cov.cells)
    lines = [
        t(
            "cov_title",
            lang,
            name=neighbourhood,
            cells=cells,
            dims=" × ".join(d.label(lang) for d in dims),
        ),
        t(
            "cov_people",
            lang,
            participants=cov.participants,
            candidates=cov.candidates,
            covered=cells - len(cov.gaps),
            cells=cells,
        ),
    ]
    if cov.incomplete_participants or cov.incomplete_candidates:
        lines.append(
            t(
                "cov_incomplete",
                lang,
                participants=cov.incomplete_participants,
                candidates=cov.incomplete_candidates,
            )
        )
    lines += [""] + _pivot(cov, lang) + ["", t("cov_key", lang)]
    lines.append("")
    if not cov.participants and not cov.candidates:
        lines.append(t("cov_nobody", lang))
    gaps = cov.gaps
    if not gaps:
        lines.append(t("cov_no_gaps", lang))
        return lines
    lines.append(t("cov_gaps", lang, count=len(gaps)))
    for cell in gaps:
        pending = f"  ({t('cov_pending', lang, count=cell.invited)})" if cell.invited else ""
        lines.append(f"- {cov.label(cell, lang)}{pending}")
        if not cell.suggestions:
            lines.append(f"    → {t('cov_no_suggestion', lang)}")
        for s in cell.suggestions:
            reasons = "; ".join(explain(r, dims, lang) for r in s.reasons)
            lines.append(f"    → {one_line(s.shown_name(TEXT_AUDIENCE, lang), 60)}: {reasons}")
    return lines


def _pivot(cov: Coverage, lang: str) -> list[str]:
    """The matrix with the last dimension as columns: one line per combination of the others."""
    dims = cov.dimensions
    *row_dims, col_dim = dims
    row_w = [
        min(24, max([_width(d.label(lang))] + [_width(v.label(lang)) for v in d.values]))
        for d in row_dims
    ]
    col_w = [max(7, min(16, _width(v.label(lang)))) for v in col_dim.values]
    lines = [
        "  ".join(
            [_fit(d.label(lang), w) for d, w in zip(row_dims, row_w, strict=True)]
            + [
                _fit(v.label(lang), w, right=True)
                for v, w in zip(col_dim.values, col_w, strict=True)
            ]
        )
    ]
    per_row = len(col_dim.values)
    for start in range(0, len(cov.cells), per_row):
        cells = cov.cells[start : start + per_row]
        labels = [
            next(v.label(lang) for v in d.values if v.key == key)
            for d, key in zip(row_dims, cells[0].values, strict=False)
        ]
        shown = [
            (str(c.covered) if c.covered else "·") + (f" ({c.invited})" if c.invited else "")
            for c in cells
        ]
        lines.append(
            "  ".join(
                [_fit(x, w) for x, w in zip(labels, row_w, strict=True)]
                + [_fit(x, w, right=True) for x, w in zip(shown, col_w, strict=True)]
            )
        )
    return lines

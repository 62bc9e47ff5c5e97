"""The summary's sections as platypus flowables, from `summary.SummaryData`."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from workshop import model
from workshop.analysis import story as connector_story
from workshop.analysis.coverage import explain
from workshop.i18n import join, plural, t
from workshop.printing.fonts import FontSet
from workshop.printing.maps.content import content as map_content
from workshop.printing.pdfdoc import Bookmark, Column
from workshop.printing.summary import appendix
from workshop.printing.summary.data import AUDIENCE, MAX_QUOTES, SummaryData, today
from workshop.printing.summary.figures import MAP_MAX_HEIGHT, MapFigure, NetworkFigure
from workshop.printing.summary.followup import follow_up
from workshop.printing.summary.parts import Parts, initiative_row
from workshop.printing.summary.texts import long_date
from workshop.printing.templates import Template
from workshop.text import normalise

MAX_GAPS_LISTED = 15
MAIN_ROWS = 60  # a longer list goes to the appendix only; the body stays readable


def story(data: SummaryData, template: Template, fonts: FontSet, width: float) -> list[Flowable]:
    parts = Parts(data, template, fonts, width)
    out: list[Flowable] = []
    for section in (
        cover,
        done,
        numbers,
        places,
        initiatives,
        connectors,
        network,
        board,
        quotes,
        follow_up,
        appendix.appendix,
    ):
        out += section(parts)
    return out


# --- sections -----------------------------------------------------------------------------------


def _dates(parts: Parts) -> str:
    dates = sorted({s["date"] for s in parts.data.sessions if s["date"]})
    if not dates:
        return ""
    if len(dates) == 1:
        return long_date(dates[0], parts.lang)
    return join([long_date(d, parts.lang) for d in dates], parts.lang)


def cover(parts: Parts) -> list[Flowable]:
    data, hood = parts.data, parts.data.hood
    out: list[Flowable] = [
        Spacer(1, 35 * mm),
        Bookmark("cover", hood["name"], 0),
        parts.p(parts.t("sum_title", name=hood["name"]), "title", "bold"),
        parts.p(parts.t("sum_subtitle"), "subtitle"),
    ]
    if hood["municipality"]:
        out.append(parts.p(parts.t("sum_municipality", name=hood["municipality"]), "h2", "bold"))
    out += [Spacer(1, 8 * mm), parts.p(parts.t("sum_sessions"), "h2", "bold")]
    if not data.sessions:
        out.append(parts.p(parts.t("sum_no_sessions")))
    for session in data.sessions:
        bits = [long_date(session["date"], parts.lang)]
        bits += [session["venue"]] if session["venue"] else []
        if session["table_name"]:
            bits.append(parts.t("sum_table", table=session["table_name"]))
        out.append(parts.bullet(" · ".join(bits)))
    out += [
        Spacer(1, 12 * mm),
        parts.p(parts.t("sum_made", date=long_date(today(), parts.lang)), "small"),
        parts.p(parts.t("sum_privacy"), "small"),
        PageBreak(),
    ]
    return out


def done(parts: Parts) -> list[Flowable]:
    data = parts.data
    out = parts.heading("done", parts.t("sum_done"))
    # Meetings are evenings (dates), tables are the table labels: two sessions of one evening
    # at one table are one meeting at one table.
    sessions = len({s["date"] for s in data.sessions})
    tables = max(1, len({normalise(s["table_name"]) for s in data.sessions if s["table_name"]}))
    if sessions:
        out.append(
            parts.p(
                parts.t(
                    "sum_done_1",
                    name=data.hood["name"],
                    dates=_dates(parts),
                    sessions=parts.t("sum_session_1")
                    if sessions == 1
                    else parts.t("sum_sessions_n", n=sessions),
                    tables=parts.t("sum_table_1")
                    if tables == 1
                    else parts.t("sum_tables_n", n=tables),
                )
            )
        )
    else:
        out.append(parts.p(parts.t("sum_done_none")))
    out.append(parts.p(parts.t("sum_done_2")))
    if data.board.dimensions:
        dims = [d.label(parts.lang) for d in data.board.dimensions]
        joined = join(dims, parts.lang)
        out.append(parts.p(parts.t("sum_done_3", dims=joined)))
    return out


def numbers(parts: Parts) -> list[Flowable]:
    n, lang = parts.data.counts, parts.lang
    other = n["initiatives"] - n["active"] - n["idea"]
    concern = plural("sum_c_concern", n["concern"], lang)
    idea = plural("sum_c_idea", n["idea"], lang)
    persons = plural("sum_c_person", n["persons"], lang)
    orgs = plural("sum_c_org", n["orgs"], lang)
    lines = [
        (
            "sum_n_places",
            n["places"],
            parts.t("sum_n_places_d", valued=n["valued"], concern=concern),
        ),
        (
            "sum_n_initiatives",
            n["initiatives"],
            parts.t("sum_n_initiatives_d", active=n["active"], idea=idea, other=other),
        ),
        ("sum_n_actors", n["actors"], f"{persons}, {orgs}"),
        ("sum_n_ties", n["ties"], plural("sum_c_pair", n["pairs"], lang)),
        ("sum_n_participants", n["participants"], ""),
        ("sum_n_candidates", n["candidates"], parts.t("sum_n_candidates_d", **n)),
        ("sum_n_notes", n["notes"], plural("sum_c_quote", n["quotes"], lang)),
    ]
    table = parts.rows(
        [
            Column(parts.t("sum_what"), 0.42),
            Column(parts.t("sum_count"), 0.14),
            Column(parts.t("sum_detail"), 0.44),
        ],
        [[parts.t(key), str(count), detail] for key, count, detail in lines],
    )
    return parts.heading("numbers", parts.t("sum_numbers")) + [table]


def place_said(parts: Parts, place: dict) -> str:
    said = [parts.data.text(place["description"])] if place["description"] else []
    said += [
        f"“{parts.data.text(note['text'])}”"
        for note in parts.data.notes_about.get(place["id"], [])
        if note["text"]
    ]
    return " ".join(said)


def places(parts: Parts) -> list[Flowable]:
    data = parts.data
    out = parts.heading("places", parts.t("sum_places"), room=MAP_MAX_HEIGHT + 35 * mm)
    if not data.places and not data.initiatives:
        return out + [parts.p(parts.t("sum_none"))]
    content = map_content(data.store, parts.template, result=True)
    out.append(parts.p(plural("sum_places_intro", len(data.places), parts.lang)))
    out += [
        MapFigure(parts, content),
        parts.p(parts.t("sum_map_caption"), "small"),
        Spacer(1, 4 * mm),
    ]
    rows = []
    for place in data.places[:MAIN_ROWS]:
        number = str(data.place_number[place["id"]])
        kind = model.PLACE_KINDS.label(place["kind"], parts.lang) if place["kind"] else ""
        if place["sentiment"]:
            kind += f" · {parts.t('sum_' + place['sentiment'])}"
        rows.append([number, place["name"], kind, place["cell"] or "", place_said(parts, place)])
    if rows:
        out.append(
            parts.rows(
                [
                    Column(parts.t("sum_col_no"), 0.06),
                    Column(parts.t("sum_col_name"), 0.25, 3, "bold"),
                    Column(parts.t("sum_col_kind"), 0.17),
                    Column(parts.t("sum_col_cell"), 0.07),
                    Column(parts.t("sum_col_said"), 0.45, 5),
                ],
                rows,
            )
        )
    if len(data.places) > MAIN_ROWS:
        out.append(
            parts.p(
                plural("sum_rest_in_appendix", len(data.places) - MAIN_ROWS, parts.lang), "small"
            )
        )
    return out


def initiatives(parts: Parts) -> list[Flowable]:
    data = parts.data
    out = parts.heading("initiatives", parts.t("sum_initiatives"))
    if not data.initiatives:
        return out + [parts.p(parts.t("sum_none"))]
    out.append(parts.p(plural("sum_initiatives_intro", len(data.initiatives), parts.lang)))
    columns = [
        Column(parts.t("sum_col_card"), 0.07),
        Column(parts.t("sum_col_name"), 0.21, 3, "bold"),
        Column(parts.t("sum_col_theme"), 0.15, 2),
        Column(parts.t("sum_col_where"), 0.14, 3),
        Column(parts.t("sum_col_who"), 0.17, 6),
        Column(parts.t("sum_col_ask"), 0.26, 6),
    ]
    out.append(
        parts.rows(columns, [initiative_row(parts, ini) for ini in data.initiatives[:MAIN_ROWS]])
    )
    if len(data.initiatives) > MAIN_ROWS:
        out.append(
            parts.p(
                plural("sum_rest_in_appendix", len(data.initiatives) - MAIN_ROWS, parts.lang),
                "small",
            )
        )
    return out


def connectors(parts: Parts) -> list[Flowable]:
    data, lang = parts.data, parts.lang
    facts = data.overview
    out = parts.heading("connectors", parts.t("sum_connectors"))
    out += [
        parts.p(parts.t("sum_conn_intro")),
        parts.p(
            parts.t(
                "sum_conn_facts",
                actors=plural("n_actor", facts.actors, lang),
                ties=plural("n_tie", facts.ties, lang),
                groups=plural("sum_conn_groups", facts.communities, lang),
                cuts=plural("sum_conn_cuts", facts.articulation_points, lang),
            )
        ),
    ]
    for sentences in connector_story.explain(data.network, data.rows, AUDIENCE, lang, top=5):
        out.append(parts.bullet(" ".join(sentences)))

    def names(rows) -> str:
        return ", ".join(r.shown_name(AUDIENCE, lang) for r in rows)

    strong = [
        r for r in sorted(data.rows, key=lambda r: -(r.influence or 0)) if (r.influence or 0) >= 4
    ]
    if strong:
        out.append(parts.p(parts.t("sum_influence", names=names(strong))))
    for key, flag in (("sum_ambassadors", "ambassador"), ("sum_startmotors", "startmotor")):
        flagged = [r for r in data.rows if getattr(r, flag)]
        if flagged:
            out.append(parts.p(parts.t(key, names=names(flagged))))
    out.append(parts.p(parts.t("sum_conn_caveat"), "small"))
    return out


def network(parts: Parts) -> list[Flowable]:
    pic = parts.data.picture
    if pic is None or not pic.nodes:
        return []
    out: list[Flowable] = [PageBreak()]
    out += parts.heading("network", parts.t("sum_network"))
    out += [parts.p(parts.t("sum_network_caption"), "small"), NetworkFigure(parts, pic)]
    if pic.partial:
        out.append(
            parts.p(t("net_partial", parts.lang, shown=len(pic.nodes), actors=pic.actors), "small")
        )
    return out


def board(parts: Parts) -> list[Flowable]:
    cov, lang = parts.data.board, parts.lang
    out = parts.heading("board", parts.t("sum_board"))
    if not cov.has_board:
        return out + [parts.p(parts.t("sum_board_none"))]
    if cov.too_large:
        return out + [parts.p(parts.t("sum_board_large", cells=len(cov.cells)))]
    dims = " × ".join(d.label(lang) for d in cov.dimensions)
    if not cov.participants and not cov.candidates:
        return out + [parts.p(parts.t("sum_board_nobody", dims=dims))]
    out.append(parts.p(parts.t("sum_board_intro", dims=dims)))
    *row_dims, col_dim = cov.dimensions
    columns = [Column(d.label(lang), 0.9 / max(1, len(row_dims)) * 0.5, 2) for d in row_dims]
    columns += [Column(v.label(lang), 0.55 / len(col_dim.values), 2) for v in col_dim.values]
    per_row = len(col_dim.values)
    rows = []
    for start in range(0, len(cov.cells), per_row):
        cells = cov.cells[start : start + per_row]
        labels = [
            next(v.label(lang) for v in d.values if v.key == key)
            for d, key in zip(row_dims, cells[0].values, strict=False)
        ]
        rows.append(
            labels
            + [
                (str(c.covered) if c.covered else "–") + (f" ({c.invited})" if c.invited else "")
                for c in cells
            ]
        )
    out.append(parts.rows(columns, rows))
    gaps = cov.gaps
    out.append(Spacer(1, 3 * mm))
    if not gaps:
        return out + [parts.p(parts.t("sum_board_full"))]
    out.append(parts.p(parts.t("sum_board_gaps", gaps=len(gaps), cells=len(cov.cells))))
    for cell in gaps[:MAX_GAPS_LISTED]:
        who = [
            f"{s.shown_name(AUDIENCE, lang)} "
            f"({'; '.join(explain(r, cov.dimensions, lang) for r in s.reasons)})"
            for s in cell.suggestions
        ]
        tail = parts.t("sum_via", names=", ".join(who)) if who else parts.t("sum_nobody")
        out.append(parts.bullet(f"{cov.label(cell, lang)}: {tail}"))
    if len(gaps) > MAX_GAPS_LISTED:
        out.append(parts.p(plural("sum_more_gaps", len(gaps) - MAX_GAPS_LISTED, lang), "small"))
    return out


def quotes(parts: Parts) -> list[Flowable]:
    data = parts.data
    chosen = [n for n in data.notes if n["kind"] == "quote" and (n["text"] or "").strip()]
    if not chosen:
        return []
    out = parts.heading("quotes", parts.t("sum_quotes"))
    for note in chosen[:MAX_QUOTES]:
        out.append(parts.p(f"“{data.text(note['text'])}”", "quote", "italic"))
        about = appendix.about_name(data, note)
        # who said it (door:NAME), named as the summary names that person (issue 11)
        who = appendix.about_name(
            data, {"about_table": note.get("said_by_table"), "about_id": note.get("said_by_id")}
        )
        source = [who, parts.t("sum_about", name=about) if about else ""]
        out.append(
            parts.p("— " + ", ".join(s for s in source if s) if any(source) else "", "source")
        )
    return out

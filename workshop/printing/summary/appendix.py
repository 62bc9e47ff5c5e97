"""The summary's appendix: every record of the file, as far as it may go on paper."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from workshop import model, privacy
from workshop.printing.pdfdoc import Column
from workshop.printing.summary.data import AUDIENCE, SummaryData
from workshop.printing.summary.parts import Parts, initiative_row


def about_name(data: SummaryData, note: dict) -> str:
    table, about = note["about_table"], note["about_id"]
    if not table or not about:
        return ""
    if table == "actor":
        return data.name(about)
    record = data.store.get(table, about)
    if record is None:
        return ""
    if table == "participant":
        return privacy.shown_name(record, table, AUDIENCE, data.lang)
    return record["name"]


def appendix(parts: Parts) -> list[Flowable]:
    data, lang = parts.data, parts.lang
    out: list[Flowable] = [PageBreak()]
    out += parts.heading("appendix", parts.t("sum_appendix"))
    out.append(parts.p(parts.t("sum_app_intro")))

    def col(title: str, weight: float, style: str = "regular") -> Column:
        return Column(title, weight, 0, style)  # 0: every line, the record whole

    if data.places:
        out += parts.heading("app-places", parts.t("sum_places"), 1)
        out.append(
            parts.rows(
                [
                    col(parts.t("sum_col_no"), 0.06),
                    col(parts.t("sum_col_name"), 0.27, "bold"),
                    col(parts.t("sum_col_kind"), 0.17),
                    col(parts.t("sum_col_cell"), 0.07),
                    col(parts.t("sum_col_said"), 0.43),
                ],
                [
                    [
                        str(data.place_number[p["id"]]),
                        p["name"],
                        model.PLACE_KINDS.label(p["kind"], lang),
                        p["cell"] or "",
                        data.text(p["description"]),
                    ]
                    for p in data.places
                ],
            )
        )
    if data.initiatives:
        out += parts.heading("app-initiatives", parts.t("sum_initiatives"), 1)
        rows = []
        for ini in data.initiatives:
            row = initiative_row(parts, ini)
            row[5] = " — ".join(x for x in (data.text(ini["description"]), row[5]) if x)
            rows.append(row)
        out.append(
            parts.rows(
                [
                    col(parts.t("sum_col_card"), 0.07),
                    col(parts.t("sum_col_name"), 0.2, "bold"),
                    col(parts.t("sum_col_theme"), 0.14),
                    col(parts.t("sum_col_where"), 0.13),
                    col(parts.t("sum_col_who"), 0.16),
                    col(parts.t("sum_col_text"), 0.3),
                ],
                rows,
            )
        )
    if data.actors:
        out += parts.heading("app-actors", parts.t("sum_actors"), 1)
        rows = []
        for actor in data.actors.values():
            contact = " · ".join(x for x in (actor["tel"], actor["mail"], actor["website"]) if x)
            role = model.ROLES.label(actor["role"], lang) or model.ACTOR_TYPES.label(
                actor["type"], lang
            )
            rows.append(
                [
                    actor["name"],
                    role,
                    "" if actor["influence"] is None else str(actor["influence"]),
                    data.text(actor["groups"]),
                    contact,
                ]
            )
        out.append(
            parts.rows(
                [
                    col(parts.t("sum_col_name"), 0.24, "bold"),
                    col(parts.t("sum_col_role"), 0.16),
                    col(parts.t("sum_col_influence"), 0.08),
                    col(parts.t("sum_col_groups"), 0.3),
                    col("Contact", 0.22),
                ],
                rows,
            )
        )
    ties = data.store.rows("tie", order="created, rowid")
    if ties:
        out += parts.heading("app-ties", parts.t("sum_ties"), 1)
        arrows = {"directed": "→", "mutual": "←→", "undirected": "—"}
        out.append(
            parts.rows(
                [
                    col(parts.t("sum_col_from"), 0.34),
                    col("", 0.05),
                    col(parts.t("sum_col_to"), 0.34),
                    col(parts.t("sum_col_kind"), 0.19),
                    col("", 0.08),
                ],
                [
                    [
                        data.name(tie["source_id"]),
                        arrows.get(tie["direction"], "—"),
                        data.name(tie["target_id"]),
                        model.ACTOR_TIE_KINDS.label(tie["kind"], lang),
                        "•" * (tie["strength"] or 0),
                    ]
                    for tie in ties
                ],
            )
        )
    if data.notes:
        out += parts.heading("app-notes", parts.t("sum_notes"), 1)
        out.append(
            parts.rows(
                [col(parts.t("sum_col_text"), 0.7), col(parts.t("sum_col_about"), 0.3)],
                [[data.text(n["text"]), about_name(data, n)] for n in data.notes],
            )
        )
    people = _people(parts)
    if people:
        out += parts.heading("app-people", parts.t("sum_people"), 1)
        out.append(
            parts.rows(
                [
                    col(parts.t("sum_col_name"), 0.3, "bold"),
                    col(parts.t("sum_col_status"), 0.2),
                    col(parts.t("sum_col_board"), 0.5),
                ],
                people,
            )
        )
    return out


def _people(parts: Parts) -> list[list[str]]:
    data, lang = parts.data, parts.lang
    dims = data.board.dimensions

    def board_text(attributes: dict) -> str:
        words = []
        for dim in dims:
            key = (attributes or {}).get(dim.key)
            label = next((v.label(lang) for v in dim.values if v.key == key), key)
            if label:
                words.append(label)
        return " · ".join(words)

    rows = []
    for table in ("participant", "candidate"):
        for record in data.store.rows(table, order="created, rowid"):
            status = (
                parts.t("sum_participant")
                if table == "participant"
                else model.BOARD_STATUSES.label(record["status"], lang)
            )
            rows.append(
                [
                    privacy.shown_name(record, table, AUDIENCE, lang),
                    status,
                    board_text(record["attributes"]),
                ]
            )
    return rows

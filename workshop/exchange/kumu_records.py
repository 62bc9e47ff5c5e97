"""Initiatives and places as Kumu elements, with the links of actors to them
(`export --format kumu --initiatives`).

An initiative is an element of type Project, a place one of type Place (the types the import
reads back as an initiative and a place, `kumu_kinds`); an actor's link to either is a
connection from the actor's ID to the record's ID, its Type the link's kind (drives, supports,
meets at, runs). Labels are the names as they are (a place named as an actor stays so: the IDs
tell them apart). An initiative's own place is not a connection (the import takes connections
that have an actor at one end); it is named in the Description, and read back as the one place
of that name (`kumu_kinds.record_values`).
"""

from __future__ import annotations

from workshop import model
from workshop.file.redaction import Redactor
from workshop.file.store import Store

TYPES = {"initiative": "Project", "place": "Place"}


def elements_and_links(
    store: Store, scrub: Redactor, actor_ids: set[str], lang: str
) -> tuple[list[list], list[list]]:
    """Element rows (the columns of `kumu.ELEMENT_COLUMNS`) of every place and initiative, and
    connection rows (`kumu.CONNECTION_COLUMNS`) of every actor's link to them."""
    labels: dict[str, str] = {}  # id -> label of the places and initiatives
    elements: list[list] = []
    places = {p["id"]: p for p in store.rows("place", order="created, rowid")}
    for table in ("place", "initiative"):
        rows = (
            places.values()
            if table == "place"
            else store.rows("initiative", order="created, rowid")
        )
        for row in rows:
            shown = scrub.record(table, row)
            labels[row["id"]] = shown["name"]
            description = shown["description"] or ""
            if table == "initiative" and row["place_id"] in labels:
                where = f"{model.kind_word('place', lang)}: {labels[row['place_id']]}"
                description = f"{description} ({where})" if description else where
            elements.append(
                [
                    row["id"],
                    labels[row["id"]],
                    TYPES[table],
                    description,
                    "|".join(shown["tags"]),
                    _kind_label(table, row, lang),
                    "",
                    "",
                    "",
                    "",
                    shown.get("tel") or "",
                    shown.get("mail") or "",
                    shown.get("website") or "",
                    "",
                ]
            )
    links: list[list] = []
    for table in ("initiative", "place"):
        link_table, column = model.LINK_TABLE[table], f"{table}_id"
        for link in store.rows(link_table, order="created, rowid"):
            if link["actor_id"] not in actor_ids or link[column] not in labels:
                continue
            shown = scrub.record(link_table, link)
            links.append(
                [
                    link["actor_id"],
                    link[column],
                    model.TIE_KINDS[table].label(link["kind"], lang),
                    "directed",
                    "",
                    "|".join(shown["tags"]),
                    "",
                ]
            )
    return elements, links


def _kind_label(table: str, row: dict, lang: str) -> str:
    """The Role column: a place's kind, an initiative's theme."""
    if table == "place":
        return model.PLACE_KINDS.label(row["kind"], lang) if row["kind"] else ""
    return model.THEMES.label(row["theme"], lang) if row["theme"] else ""

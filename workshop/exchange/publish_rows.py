"""What `workshop publish` publishes: the public part of neighbourhood files, table by table.

    published = gather([Path("a.wijk"), Path("b.wijk")])   # read-only, one Published
    published.rows["actor"]       # -> [(value, ...)]: `TABLES["actor"]`'s columns, in order
    published.records("actor")    # -> [{column: value}, ...]

A published site is for anyone on the internet, so it holds what the public audience may see
(`PUBLIC`, the audience of exports: `workshop.privacy`) and nothing else. Every record passes
through the exports' own redaction (`tables.export_record`, which is `workshop.file.redaction`
for that audience): persons by name and with contact details only with public consent, every
other person the role pseudonym the summary uses for them, without description or grid cell;
a note about such a person without its text (and so not published); every free text and tag
without the names, phones and mails of the hidden. Never published: the undo history (it
holds the typed lines and earlier values), the sessions' facilitators, consent levels,
attendance, the file's bookkeeping (output records, tombstones, the OSM extract). The phone,
mail and website of a place or initiative go through the redaction too: where they are a
hidden person's, they are withheld.

The tables and their columns are declared once, in `TABLES`: both writers create them from
it, and the metadata describes them from it. Every table but `neighbourhood` carries the
`neighbourhood` (its name) and `neighbourhood_id` of the file it came from, so several
neighbourhoods share one table and stay apart.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workshop import model, privacy
from workshop.exchange import geojson, tables
from workshop.file import redaction
from workshop.file.rows import derived_id, is_uuid
from workshop.file.store import Store
from workshop.i18n import UserError

PUBLIC = "export"  # the audience of files that leave the laptop: public consent (privacy.py)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | integer | real | boolean | json


def _cols(spec: str) -> tuple[Column, ...]:
    """`"name kind:integer ..."`: a column list written compactly, text when no kind is said."""
    out = []
    for word in spec.split():
        name, _, kind = word.partition(":")
        out.append(Column(name, kind or "text"))
    return tuple(out)


_HOOD = "neighbourhood neighbourhood_id"
_POINT = "latitude:real longitude:real location"
TABLES: dict[str, tuple[Column, ...]] = {
    "neighbourhood": _cols(
        "id name municipality lang grid_cols:integer grid_rows:integer "
        "min_lat:real min_lon:real max_lat:real max_lon:real base_url"
    ),
    "session": _cols(f"id {_HOOD} date venue table_name"),
    "place": _cols(
        f"id {_HOOD} name kind kind_label tags:json cell {_POINT} description sentiment "
        "address tel mail website source osm_id session_id created updated"
    ),
    "initiative": _cols(
        f"id {_HOOD} card_number:integer name theme theme_label status status_label tags:json "
        f"cell {_POINT} place_id place description needs offers website tel mail actors "
        "session_id created updated"
    ),
    "actor": _cols(
        f"id {_HOOD} name pseudonym:boolean type role role_label tags:json influence:integer "
        "groups ambassador:boolean startmotor:boolean cell description address tel mail "
        "website session_id created updated"
    ),
    "tie": _cols(
        f"id {_HOOD} source_id source target_id target kind direction strength:integer "
        "tags:json description session_id created updated"
    ),
    "actor_initiative": _cols(f"id {_HOOD} actor_id initiative_id kind created updated"),
    "actor_place": _cols(f"id {_HOOD} actor_id place_id kind created updated"),
    "participant": _cols(
        f"id {_HOOD} name pseudonym:boolean attributes:json tenure tags:json tel mail created"
    ),
    "candidate": _cols(
        f"id {_HOOD} name pseudonym:boolean attributes:json tenure status tags:json tel mail "
        "created"
    ),
    "note": _cols(
        f"id {_HOOD} kind text about_table about_id tags:json session_id created updated"
    ),
    "board_dimension": _cols(f"id {_HOOD} key label_nl label_en position:integer values:json"),
}
POINT_TABLES = ("place", "initiative")  # a point geometry from latitude/longitude
# Columns that point at another published table (Datasette links them, PostGIS indexes them).
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "initiative": (("place_id", "place"),),
    "tie": (("source_id", "actor"), ("target_id", "actor")),
    "actor_initiative": (("actor_id", "actor"), ("initiative_id", "initiative")),
    "actor_place": (("actor_id", "actor"), ("place_id", "place")),
}
# What full-text search covers: the words a visitor looks for.
SEARCHABLE: dict[str, tuple[str, ...]] = {
    "place": ("name", "kind_label", "description", "address"),
    "initiative": ("name", "theme_label", "description", "needs", "offers", "place", "actors"),
    "actor": ("name", "role_label", "groups", "description"),
    "note": ("text",),
}
# Contact fields of records that are not persons: not covered by consent, but a hidden
# person's phone or mail put there is still theirs (the redaction knows every one).
_CONTACT_TEXT = ("address", "tel", "mail", "website")
_ORDER = "created, rowid"


@dataclass
class Published:
    """The public part of one or more neighbourhood files, as rows per table."""

    lang: str  # of the first file: the metadata's language
    sources: list[Path]
    hoods: list[dict] = field(default_factory=list)
    # Values in `TABLES`' column order, JSON columns as JSON text: ready for both writers.
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in TABLES})
    from_osm: bool = False  # a place came from OpenStreetMap (ODbL: say so)

    def count(self, table: str) -> int:
        return len(self.rows[table])

    def records(self, table: str) -> list[dict]:
        names = [c.name for c in TABLES[table]]
        return [dict(zip(names, row, strict=True)) for row in self.rows[table]]


def gather(paths: Iterable[Path]) -> Published:
    """Read each file (read-only) and keep what the public may see. Two files of the same
    neighbourhood, or sharing records, are refused: merge them first."""
    published: Published | None = None
    seen: dict[str, Path] = {}  # record id -> the file it came from
    opened: list[Path] = []
    for given in paths:
        path = Path(given)
        twice = next((p for p in opened if _same_file(p, path)), None)
        if twice is not None:
            raise UserError("publish_file_twice", file=str(twice))
        opened.append(path)
        store = Store.open(path, readonly=True)
        try:
            if published is None:
                published = Published(store.lang, [])
            hood = store.neighbourhood()
            if hood["id"] in seen:
                raise UserError("publish_same_hood", file=str(path), other=str(seen[hood["id"]]))
            seen[hood["id"]] = path
            part = public_rows(store)
            for table, rows in part.items():
                for row in rows:  # the id is every table's first column
                    if table != "neighbourhood" and row[0] in seen:
                        raise UserError(
                            "publish_shared_records", file=str(path), other=str(seen[row[0]])
                        )
                    seen[row[0]] = path
                published.rows[table] += rows
            published.hoods.append(hood)
            published.sources.append(path)
            source, osm_id = (_index("place", c) for c in ("source", "osm_id"))
            published.from_osm = published.from_osm or any(
                r[source] == "osm" or r[osm_id] for r in part["place"]
            )
        finally:
            store.close()
    if published is None:
        raise ValueError("no files")
    return published


def public_rows(store: Store) -> dict[str, list[tuple]]:
    """The published rows of one file, per table, as `Published.rows` holds them."""
    scrub = redaction.for_audience(store, PUBLIC)
    lang = scrub.lang
    hood = store.neighbourhood()
    stamp = {"neighbourhood": hood["name"], "neighbourhood_id": hood["id"]}

    def shown(table: str, order: str = _ORDER) -> list[tuple[dict, dict]]:
        """(the record as stored, as exports show it) for every record of a table."""
        return [
            (row, tables.export_record(store, table, row, scrub=scrub))
            for row in store.rows(table, order=order)
        ]

    out: dict[str, list[dict]] = {t: [] for t in TABLES}  # records, as exports show them
    out["neighbourhood"].append(dict(hood))
    # The sessions that met (as the summary lists them); their facilitator stays behind.
    for row in store.held_sessions():
        out["session"].append(tables.export_record(store, "session", row, scrub=scrub))
    places: dict[str, dict] = {}
    for _, p in shown("place"):
        _scrub_contacts(scrub, p)
        p["kind_label"] = model.PLACE_KINDS.label(p["kind"], lang) or None
        p.update(_position(p, None, hood))
        places[p["id"]] = p
        out["place"].append(p)
    actors: dict[str, str] = {}  # id -> the name as shown
    for row, a in shown("actor"):
        hidden = privacy.is_person(row, "actor") and a["name"] != row["name"]
        a["pseudonym"] = hidden
        if hidden:
            a["cell"] = None  # where a person lives or works says who they are
        a["role_label"] = model.ROLES.label(a["role"], lang) or None
        actors[a["id"]] = a["name"]
        out["actor"].append(a)
    behind: dict[str, list[str]] = {}
    for _, link in shown("actor_initiative"):
        behind.setdefault(link["initiative_id"], []).append(actors.get(link["actor_id"], "?"))
        out["actor_initiative"].append(link)
    for _, i in shown("initiative"):
        _scrub_contacts(scrub, i)
        where = places.get(i["place_id"]) if i["place_id"] else None
        i["place"] = where["name"] if where else None
        i["theme_label"] = model.THEMES.label(i["theme"], lang) or None
        i["status_label"] = model.STATUSES.label(i["status"], lang) or None
        i["actors"] = " | ".join(behind.get(i["id"], [])) or None
        i.update(_position(i, where, hood))
        out["initiative"].append(i)
    for _, tie in shown("tie"):
        tie["source"] = actors.get(tie["source_id"])
        tie["target"] = actors.get(tie["target_id"])
        out["tie"].append(tie)
    out["actor_place"] = [s for _, s in shown("actor_place")]
    for table in model.PERSON_TABLES:
        for row, person in shown(table):
            person["pseudonym"] = person["name"] != row["name"]
            out[table].append(person)
    # A note about a hidden person lost its text to the redaction: nothing is left to publish.
    out["note"] = [n for _, n in shown("note") if n["text"]]
    out["board_dimension"] = [s for _, s in shown("board_dimension", "position, rowid")]
    return {
        table: _values(table, records, {} if table == "neighbourhood" else stamp)
        for table, records in out.items()
    }


def _index(table: str, column: str) -> int:
    return [c.name for c in TABLES[table]].index(column)


def _values(table: str, records: list[dict], stamp: dict) -> list[tuple]:
    columns = [(c.name, c.kind == "json") for c in TABLES[table]]
    rows = []
    for record in records:  # each the redaction's own copy: ours to change
        if stamp:
            _as_uuids(table, record, stamp["neighbourhood_id"])
        record.update(stamp)
        rows.append(
            tuple(_json(record.get(n)) if is_json else record.get(n) for n, is_json in columns)
        )
    return rows


def _as_uuids(table: str, record: dict, hood_id: str) -> None:
    """Every id of `record` a UUID: one an old import made up ("1", kept as the file has it,
    `workshop.file.merge_ids`) is published as a UUID made of the neighbourhood, the table
    and that id. Another neighbourhood's place 1 is another place, and the published keys
    (Datasette's, PostGIS's primary keys) must say so; the same file gives the same ids on
    every publish, so a republish still updates by id."""
    pointers = [("id", table), *REFERENCES.get(table, ()), ("session_id", "session")]
    if table == "note":
        pointers.append(("about_id", record.get("about_table") or ""))
    for column, target in pointers:
        value = record.get(column)
        if isinstance(value, str) and not is_uuid(value):
            record[column] = derived_id(hood_id, target, value)


def _json(value: object) -> str | None:
    if value is None:
        return None
    if value == []:
        return "[]"  # most records' tags: no need to ask the encoder
    return json.dumps(value, ensure_ascii=False)


def _scrub_contacts(scrub: redaction.Redactor, record: dict) -> None:
    for key in _CONTACT_TEXT:
        if isinstance(record.get(key), str):
            record[key] = scrub.text(record[key]) or None


def _position(record: dict, place: dict | None, hood: dict) -> dict:
    """latitude, longitude and how they were found, as the GeoJSON export finds them."""
    found = geojson.position(record, place, hood)
    if not found:
        return {"latitude": None, "longitude": None, "location": None}
    return {"latitude": found[1], "longitude": found[0], "location": found[2]}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # not there (yet): Store.open says so
        return False

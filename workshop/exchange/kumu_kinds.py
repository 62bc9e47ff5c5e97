"""What a Kumu element is in the file, by its Type: an actor, an initiative or a place.

Kumu's element types are free words. Person and Organization (and a role word such as School
or Library) are actors; Project and Initiative are initiatives; Place and Location are places.
Any other type (Event, Issue, ...) becomes an organisation tagged with that type, and the import
report says so: it stays visible under its own name (an unknown thing is not a person, and
hiding it as one with internal consent would make it vanish from every export), and the tag
keeps what Kumu called it. A refusal would make a whole sheet unusable for one odd type.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workshop import model
from workshop.file import redaction
from workshop.file.store import Store, Writer
from workshop.i18n import LANGS

INITIATIVE_TYPES = {"project", "projects", "initiative", "initiatief", "initiatieven", "projecten"}
PLACE_TYPES = {"place", "places", "location", "locatie", "plek", "plaats", "venue"}

KNOWN_TYPES = "Person, Organization, Project, Initiative, Place, Location"


def kind_of(type_word: str) -> str:
    """'actor', 'initiative', 'place', or 'other' (a type none of these knows)."""
    word = type_word.strip().casefold()
    if not word or model.ACTOR_TYPES.lookup(word) or model.ROLES.lookup(word):
        return "actor"
    if word in INITIATIVE_TYPES:
        return "initiative"
    if word in PLACE_TYPES:
        return "place"
    return "other"


# "… (een plek: Buurthuis)": how the export names an initiative's own place (`kumu_records`)
_OWN_PLACE = re.compile(
    "^(?:(?P<text>.*) \\()?(?:"
    + "|".join(re.escape(model.kind_word("place", lang)) for lang in LANGS)
    + r"): (?P<place>.+?)(?(text)\))$",
    re.DOTALL,
)


def record_values(
    store: Store,
    table: str,
    cells: dict[str, str],
    places: Callable[[str], list[str]] | None = None,
) -> tuple[dict, tuple[str, int] | None]:
    """The fields of an initiative or place from its element's cells (Description, Role,
    Phone, Email, Website: what the export writes): an initiative's own place named at the end
    of its description becomes its place again, the Role word its theme (a place's kind).
    `places` gives the ids a place name may be (default: the file's places of that name); a
    name several places share is never guessed at: the place is left empty, and the second
    value says (name, how many)."""
    values: dict = {}
    unsure = None
    description = cells.get("Description", "")
    own = _OWN_PLACE.match(description) if table == "initiative" else None
    if own:
        ids = (places or (lambda name: [p["id"] for p in store.find("place", name)]))(own["place"])
        if len(ids) == 1:
            values["place_id"] = ids[0]
        elif ids:
            unsure = (own["place"], len(ids))
        if ids:
            description = own["text"] or ""
    if description:
        values["description"] = description
    vocabulary, column = (
        (model.THEMES, "theme") if table == "initiative" else (model.PLACE_KINDS, "kind")
    )
    term = vocabulary.lookup(cells["Role"]) if cells.get("Role") else None
    if term:
        values[column] = term.key
    for key, col in (("tel", "Phone"), ("mail", "Email"), ("website", "Website")):
        if cells.get(col):
            values[key] = cells[col]
    return values, unsure


def beyond_export(store: Store, table: str, row: dict, values: dict, tags: list[str]) -> dict:
    """The `values` (and new `tags`, as "tags") that change `row`, leaving out what the file's
    own export shows for it: a redacted description ("buurvrouw van Bewoner E55D"), a withheld
    phone, a pseudonym as a tag. Importing an export back into its file keeps what consent left
    out of it; a sheet edited in Kumu still changes what was edited."""
    shown = redaction.for_output(store, "export").record(table, row)
    changes = {
        k: v for k, v in values.items() if v != row.get(k) and not (shown.get(k) and v == shown[k])
    }
    exported_tags = set(shown.get("tags") or []) - set(row.get("tags") or [])
    new_tags = [t for t in tags if t not in row["tags"] and t not in exported_tags]
    if new_tags:
        changes["tags"] = row["tags"] + new_tags
    return changes


def upsert_record(
    store: Store,
    w: Writer,
    table: str,
    label: str,
    values: dict,
    tags: list[str],
    existing: dict | None = None,
    new_id: str | None = None,
) -> tuple[str, str]:
    """The initiative or place `existing` updated, or one named `label` created (under
    `new_id` when given): (id, "created", "updated" or "unchanged"). Which record an element is
    is `kumu_keys.match`'s to say (a name two records share is never guessed at). A value the
    file's own export would show for the record as it is (a redacted description, a withheld
    phone) leaves the stored one alone: importing an export back into its file keeps what
    consent left out of it."""
    if existing is not None:
        changes = beyond_export(store, table, existing, values, tags)
        if changes:
            w.update(table, existing["id"], changes)
        return existing["id"], "updated" if changes else "unchanged"
    values = {"name": label, "tags": tags, **values, **({"id": new_id} if new_id else {})}
    if table == "initiative":
        values["card_number"] = w.take_card_number()
    return w.insert(table, values)["id"], "created"


def link(
    store: Store,
    w: Writer,
    actor_id: str,
    table: str,
    record_id: str,
    type_word: str,
    tags: list[str],
) -> None:
    """A connection between an actor and an initiative or place: the file's own link."""
    link_table, column = model.LINK_TABLE[table], f"{table}_id"
    vocabulary, default = model.TIE_KINDS[table], model.DEFAULT_TIE_KIND[table]
    term = vocabulary.lookup(type_word) if type_word else None
    kind = term.key if term else default
    if type_word and term is None and type_word not in tags:
        tags = [*tags, type_word]
    existing = store.rows(
        link_table, f"actor_id = ? AND {column} = ? AND kind = ?", (actor_id, record_id, kind)
    )
    if existing:
        merged = existing[0]["tags"] + [t for t in tags if t not in existing[0]["tags"]]
        if merged != existing[0]["tags"]:
            w.update(link_table, existing[0]["id"], {"tags": merged})
        return
    w.insert(link_table, {"actor_id": actor_id, column: record_id, "kind": kind, "tags": tags})

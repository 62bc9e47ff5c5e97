"""The fields of each kind of record as a person edits them: label, kind of value, vocabulary.

A form (in the TUI, or anywhere else) is built from `fields_for(store, table)`; `workshop.capture.edit`
validates what was typed. A field the capture line also has (`influence`, `consent`, `lat`, ...)
takes its kind, bounds and vocabulary from the one field table (`workshop.model.FIELDS`) and is
checked by that field's parse function, so a form accepts exactly what a capture line accepts,
and refuses it with the same reason. Every field of the file's records is here except the
bookkeeping ones (id, norm, created, updated, session).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop import model
from workshop.file.store import Store
from workshop.model import Dimension, FieldRule, Term, Vocabulary

NOTE_KINDS = Vocabulary(
    "note kind", [Term("note", "notitie", "note"), Term("quote", "citaat", "quote")]
)

# How a value is typed and checked:
#   text, long (several lines), choice (a vocabulary), int, float (lat/lon), bool, cell,
#   tags (comma-separated), place (a place's name), about (a record's name), dim (a
#   sounding-board dimension, stored in `attributes`), date (YYYY-MM-DD), said_by (the name
#   of the participant or actor who said a note: the line's `door:NAME`)
KINDS = (
    "text",
    "long",
    "choice",
    "int",
    "float",
    "bool",
    "cell",
    "tags",
    "place",
    "about",
    "dim",
    "date",
    "said_by",
)


@dataclass(frozen=True)
class Field:
    name: str
    nl: str
    en: str
    kind: str = "text"
    vocab: Vocabulary | None = None
    required: bool = False
    low: float | None = None
    high: float | None = None
    dimension: Dimension | None = None
    rule: FieldRule | None = None  # the capture line's rule for this field, if it has one
    record: str | None = None  # the kind of record, for a rule whose vocabulary depends on it

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    def choices(self, lang: str) -> list[tuple[str, str]]:
        """(key, label) pairs of a choice or dimension field, in vocabulary order."""
        if self.dimension is not None:
            return [(t.key, t.label(lang)) for t in self.dimension.values]
        if self.vocab is not None:
            return [(t.key, t.label(lang)) for t in self.vocab.terms]
        return []


def _f(name: str, nl: str, en: str, kind: str = "text", **kw) -> Field:
    return Field(name, nl, en, kind, **kw)


# A rule's type as a form shows it: an open vocabulary is a choice in a form (the form has its
# own tags field for a word the vocabulary does not know).
_FORM_KIND = {"choice": "choice", "open": "choice", "int": "int", "coordinate": "float"}
_FORM_KIND.update(bool="bool", date="date", text="text")


def _r(
    name: str,
    nl: str | None = None,
    en: str | None = None,
    *,
    kind: str | None = None,
    record: str | None = None,
    required: bool = False,
) -> Field:
    """The form field of a field of the capture line: labels may differ, the rule does not."""
    rule = model.FIELDS[name]
    return Field(
        name,
        nl or rule.nl,
        en or rule.en,
        kind or _FORM_KIND[rule.type],
        vocab=rule.vocabulary(record),
        required=required,
        low=rule.low,
        high=rule.high,
        rule=rule,
        record=record,
    )


NAME = _f("name", "Naam", "Name", required=True)
CELL = _f("cell", "Vak op de kaart", "Map cell", "cell")
LAT = _r("lat")
LON = _r("lon")
DESCRIPTION = _r("description", kind="long")
ADDRESS = _r("address")
TEL = _r("tel")
MAIL = _r("mail")
WEBSITE = _r("website")
TAGS = _f("tags", "Labels (komma's ertussen)", "Tags (comma-separated)", "tags")
CONSENT = _r("consent", required=True)

FIELDS: dict[str, tuple[Field, ...]] = {
    "place": (
        NAME,
        _r("kind"),
        CELL,
        _r("sentiment"),
        _r("description", "Wat bewoners zeggen", "What residents say", kind="long"),
        ADDRESS,
        LAT,
        LON,
        TEL,
        MAIL,
        WEBSITE,
        _r("osm_id"),
        _r("sticker"),
        TAGS,
    ),
    "initiative": (
        NAME,
        _r("card_number"),
        _r("theme"),
        _r("status", record="initiative"),
        _r("description", "Wat het doet", "What it does", kind="long"),
        _r("needs", kind="long"),
        _r("offers", kind="long"),
        _f("place_id", "Waar (plek)", "Where (place)", "place"),
        CELL,
        LAT,
        LON,
        WEBSITE,
        TEL,
        MAIL,
        _r("sticker"),
        TAGS,
    ),
    "actor": (
        NAME,
        _r("type", required=True),
        _r("role"),
        _r("influence"),
        _r("groups"),
        _r("ambassador"),
        _r("startmotor"),
        CONSENT,
        CELL,
        DESCRIPTION,
        ADDRESS,
        TEL,
        MAIL,
        WEBSITE,
        TAGS,
    ),
    "tie": (
        _f(
            "kind",
            "Soort verband",
            "Kind of tie",
            "choice",
            vocab=model.ACTOR_TIE_KINDS,
            required=True,
        ),
        _f("direction", "Richting", "Direction", "choice", vocab=model.DIRECTIONS, required=True),
        _r("strength"),
        DESCRIPTION,
        TAGS,
    ),
    "actor_initiative": (
        _f(
            "kind",
            "Betrokkenheid",
            "Involvement",
            "choice",
            vocab=model.INITIATIVE_TIE_KINDS,
            required=True,
        ),
        TAGS,
    ),
    "actor_place": (
        _f(
            "kind", "Aanwezigheid", "Presence", "choice", vocab=model.PLACE_TIE_KINDS, required=True
        ),
        TAGS,
    ),
    "participant": (
        NAME,
        _r("pseudonym"),
        _r("tenure"),
        CONSENT,
        TEL,
        MAIL,
        TAGS,
    ),
    "candidate": (
        NAME,
        _r("pseudonym"),
        _r("status", record="candidate", required=True),
        _r("tenure"),
        CONSENT,
        TEL,
        MAIL,
        TAGS,
    ),
    "note": (
        _f("kind", "Soort", "Kind", "choice", vocab=NOTE_KINDS, required=True),
        _f("text", "Tekst", "Text", "long", required=True),
        _f("about_id", "Over (naam)", "About (name)", "about"),
        _f("said_by_id", model.FIELDS["said_by"].nl, model.FIELDS["said_by"].en, "said_by"),
        TAGS,
    ),
    "session": (
        _r("date", required=True),
        _r("venue"),
        _r("table_name"),
        _r("facilitator"),
        # the line's `sessie consent:print`: the default of the persons captured in it
        _r("consent", "Standaardtoestemming", "Default consent"),
    ),
}
PEOPLE_WITH_DIMENSIONS = model.PERSON_TABLES  # the board dimensions are fields of a person
TABLES = tuple(FIELDS)


def fields_for(store: Store, table: str) -> tuple[Field, ...]:
    """The fields of a form for `table`; participants and candidates get one field per
    sounding-board dimension of this file, after their name."""
    fields = FIELDS[table]
    if table not in PEOPLE_WITH_DIMENSIONS:
        return fields
    dims = tuple(
        Field(
            f"dim:{d.key}",
            d.nl[:1].upper() + d.nl[1:],
            d.en[:1].upper() + d.en[1:],
            "dim",
            dimension=d,
        )
        for d in store.dimensions()
    )
    return fields[:2] + dims + fields[2:]


def form_values(store: Store, table: str, row: dict | None) -> dict[str, str | bool]:
    """A record as the strings (and booleans) a form shows; an empty form for None."""
    out: dict[str, str | bool] = {}
    for field in fields_for(store, table):
        value = _value_of(store, field, row or {})
        if field.kind == "bool":
            out[field.name] = bool(value)
        else:
            out[field.name] = "" if value is None else str(value)
    return out


def _value_of(store: Store, field: Field, row: dict) -> object:
    if field.kind == "dim":
        return (row.get("attributes") or {}).get(field.name[4:])
    value = row.get(field.name)
    if field.kind == "tags":
        return ", ".join(value or [])
    if field.kind == "place" and value:
        place = store.get("place", value)
        return place["name"] if place else None
    if field.kind == "about" and value and row.get("about_table"):
        target = store.get(row["about_table"], value)
        return target["name"] if target else None
    if field.kind == "said_by" and value and row.get("said_by_table"):
        speaker = store.get(row["said_by_table"], value)
        return speaker["name"] if speaker else None
    return value

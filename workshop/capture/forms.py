"""The fields of each kind of record as a person edits them: label, kind of value, vocabulary.

A form (in the TUI, or anywhere else) is built from `fields_for(store, table)`; `workshop.capture.edit`
validates what was typed against the same vocabularies the capture line uses. Every field of
the file's records is here except the bookkeeping ones (id, norm, created, updated, session).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop import model
from workshop.file.store import Store
from workshop.model import Dimension, Term, Vocabulary

NOTE_KINDS = Vocabulary(
    "note kind", [Term("note", "notitie", "note"), Term("quote", "citaat", "quote")]
)

# How a value is typed and checked:
#   text, long (several lines), choice (a vocabulary), int, float (lat/lon), bool, cell,
#   tags (comma-separated), place (a place's name), about (a record's name), dim (a
#   sounding-board dimension, stored in `attributes`), date (YYYY-MM-DD)
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


NAME = _f("name", "Naam", "Name", required=True)
CELL = _f("cell", "Vak op de kaart", "Map cell", "cell")
LAT = _f("lat", "Breedtegraad", "Latitude", "float", low=-90, high=90)
LON = _f("lon", "Lengtegraad", "Longitude", "float", low=-180, high=180)
DESCRIPTION = _f("description", "Omschrijving", "Description", "long")
ADDRESS = _f("address", "Adres", "Address")
TEL = _f("tel", "Telefoon", "Phone")
MAIL = _f("mail", "E-mail", "Email")
WEBSITE = _f("website", "Website", "Website")
TAGS = _f("tags", "Labels (komma's ertussen)", "Tags (comma-separated)", "tags")
CONSENT = _f("consent", "Toestemming", "Consent", "choice", vocab=model.CONSENT, required=True)

FIELDS: dict[str, tuple[Field, ...]] = {
    "place": (
        NAME,
        _f("kind", "Soort plek", "Kind of place", "choice", vocab=model.PLACE_KINDS),
        CELL,
        _f("sentiment", "Gevoel", "Sentiment", "choice", vocab=model.SENTIMENTS),
        _f("description", "Wat bewoners zeggen", "What residents say", "long"),
        ADDRESS,
        LAT,
        LON,
        TEL,
        MAIL,
        WEBSITE,
        _f("osm_id", "OSM-id", "OSM id"),
        TAGS,
    ),
    "initiative": (
        NAME,
        _f("card_number", "Kaartnummer", "Card number", "int", low=1, high=999_999),
        _f("theme", "Thema", "Theme", "choice", vocab=model.THEMES),
        _f("status", "Status", "Status", "choice", vocab=model.STATUSES),
        _f("description", "Wat het doet", "What it does", "long"),
        _f("needs", "Wat het nodig heeft", "What it needs", "long"),
        _f("offers", "Wat het biedt", "What it offers", "long"),
        _f("place_id", "Waar (plek)", "Where (place)", "place"),
        CELL,
        LAT,
        LON,
        WEBSITE,
        TEL,
        MAIL,
        TAGS,
    ),
    "actor": (
        NAME,
        _f("type", "Soort", "Type", "choice", vocab=model.ACTOR_TYPES, required=True),
        _f("role", "Rol", "Role", "choice", vocab=model.ROLES),
        _f("influence", "Invloed (0-5)", "Influence (0-5)", "int", low=0, high=5),
        _f("groups", "Groepen die het bereikt", "Groups it reaches"),
        _f("ambassador", "Ambassadeur", "Ambassador", "bool"),
        _f("startmotor", "Startmotor", "Startmotor", "bool"),
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
        _f("strength", "Sterkte (1-3)", "Strength (1-3)", "int", low=1, high=3),
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
        _f("pseudonym", "Pseudoniem", "Pseudonym"),
        _f("tenure", "Eigendom", "Tenure", "choice", vocab=model.TENURES),
        _f("consent", "Toestemming", "Consent", "choice", vocab=model.CONSENT, required=True),
        TEL,
        MAIL,
        TAGS,
    ),
    "candidate": (
        NAME,
        _f("pseudonym", "Pseudoniem", "Pseudonym"),
        _f("status", "Status", "Status", "choice", vocab=model.BOARD_STATUSES, required=True),
        _f("tenure", "Eigendom", "Tenure", "choice", vocab=model.TENURES),
        _f("consent", "Toestemming", "Consent", "choice", vocab=model.CONSENT, required=True),
        TEL,
        MAIL,
        TAGS,
    ),
    "note": (
        _f("kind", "Soort", "Kind", "choice", vocab=NOTE_KINDS, required=True),
        _f("text", "Tekst", "Text", "long", required=True),
        _f("about_id", "Over (naam)", "About (name)", "about"),
        TAGS,
    ),
    "session": (
        _f("date", "Datum (JJJJ-MM-DD)", "Date (YYYY-MM-DD)", "date", required=True),
        _f("venue", "Locatie", "Venue"),
        _f("table_name", "Tafel", "Table"),
        _f("facilitator", "Begeleider", "Facilitator"),
    ),
}
PEOPLE_WITH_DIMENSIONS = ("participant", "candidate")
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
    return value

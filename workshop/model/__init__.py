"""The foundation every layer shares: what the neighbourhood file is made of.

    vocabularies  the words of each vocabulary (kinds, themes, roles, consent...), in Dutch and
                  English; the sounding board's `Dimension`s; the map's `Grid`
    registry      the tables (named, person, link, note-target), the kinds of record with their
                  labels, the yes/no words, the role colours
    fields        the one field table: every `field:value` a person may set, one parse per field
    context       `Context`: what the capture grammar knows of a file (grid, dimensions, lang)
    messages      how the field table refuses a value, in Dutch and English

It imports only `workshop.text` and `workshop.i18n`. Everything is importable from
`workshop.model` itself (`from workshop.model import ROLES, NAMED_TABLES, Context`).
"""

from __future__ import annotations

from workshop.model import messages  # noqa: F401  (registers the field table's messages)
from workshop.model.context import Context
from workshop.model.fields import CHECKED, FIELDS, FieldRule, date_value, dimension_value, int_in
from workshop.model.registry import (
    DEFAULT_TIE_KIND,
    KIND_LABELS,
    KIND_WORDS,
    LINK_TABLE,
    LINK_TABLES,
    MAY_HOLD_PERSON,
    NAME_TABLE,
    NAMED_TABLES,
    NO_WORDS,
    NOTE_TARGET_TABLES,
    PERSON_REFERENCES,
    PERSON_TABLES,
    REFERENCES,
    ROLE_COLOURS,
    TIE_KINDS,
    TIE_TABLES,
    YES_WORDS,
    kind_label,
    kind_word,
    role_colour,
    role_colour_float,
    yes_no,
)
from workshop.model.vocabularies import (
    ACTOR_TIE_KINDS,
    ACTOR_TYPES,
    BOARD_STATUSES,
    CONSENT,
    CONSENT_ORDER,
    DEFAULT_DIMENSIONS,
    DIRECTIONS,
    FLAGS,
    INITIATIVE_TIE_KINDS,
    LANGUAGES,
    MAX_GRID_COLS,
    MAX_GRID_ROWS,
    PLACE_KINDS,
    PLACE_TIE_KINDS,
    ROLES,
    SENTIMENTS,
    STATUSES,
    TENURES,
    THEMES,
    Dimension,
    Grid,
    Term,
    Vocabulary,
)

__all__ = [
    "ACTOR_TIE_KINDS",
    "ACTOR_TYPES",
    "BOARD_STATUSES",
    "CHECKED",
    "CONSENT",
    "CONSENT_ORDER",
    "Context",
    "DEFAULT_DIMENSIONS",
    "DEFAULT_TIE_KIND",
    "DIRECTIONS",
    "Dimension",
    "FIELDS",
    "FLAGS",
    "FieldRule",
    "Grid",
    "INITIATIVE_TIE_KINDS",
    "KIND_LABELS",
    "KIND_WORDS",
    "LANGUAGES",
    "LINK_TABLE",
    "LINK_TABLES",
    "MAX_GRID_COLS",
    "MAX_GRID_ROWS",
    "MAY_HOLD_PERSON",
    "NAME_TABLE",
    "NAMED_TABLES",
    "NOTE_TARGET_TABLES",
    "NO_WORDS",
    "PERSON_REFERENCES",
    "PERSON_TABLES",
    "PLACE_KINDS",
    "PLACE_TIE_KINDS",
    "REFERENCES",
    "ROLES",
    "ROLE_COLOURS",
    "SENTIMENTS",
    "STATUSES",
    "TENURES",
    "THEMES",
    "TIE_KINDS",
    "TIE_TABLES",
    "Term",
    "Vocabulary",
    "YES_WORDS",
    "date_value",
    "dimension_value",
    "int_in",
    "kind_label",
    "kind_word",
    "role_colour",
    "role_colour_float",
    "yes_no",
]

"""The tables and kinds of the neighbourhood file, declared once.

Which tables hold named records, which hold persons, which link two records, what a note may be
about, what each kind of record is called in Dutch and English, the yes/no words a person may
type for a flag, and the colour of each actor role on paper and in Gephi. Every part of the
program that needs one of these imports it from here: a second copy drifts.
"""

from __future__ import annotations

from workshop.model.vocabularies import (
    ACTOR_TIE_KINDS,
    INITIATIVE_TIE_KINDS,
    PLACE_TIE_KINDS,
    Vocabulary,
)
from workshop.text import normalise

# Records a person names, and finds again by that name (matched case- and accent-insensitively).
NAMED_TABLES = ("place", "initiative", "actor", "participant", "candidate")
# Tables whose every row is a person (an actor may be an organisation: see MAY_HOLD_PERSON).
PERSON_TABLES = ("participant", "candidate")
# Tables a person may be a row of: what `forget` searches and whose contact details consent guards.
MAY_HOLD_PERSON = ("actor", *PERSON_TABLES)
# Tables that link two records; each record kind an actor can be tied to, and its table.
LINK_TABLES = ("tie", "actor_initiative", "actor_place")
LINK_TABLE = {"actor": "tie", "initiative": "actor_initiative", "place": "actor_place"}
TIE_TABLES = tuple(LINK_TABLE)  # what an actor can be tied to: actor, initiative, place
# The kinds of each link, by what the actor is tied to, and the kind when none is said.
TIE_KINDS: dict[str, Vocabulary] = {
    "actor": ACTOR_TIE_KINDS,
    "initiative": INITIATIVE_TIE_KINDS,
    "place": PLACE_TIE_KINDS,
}
DEFAULT_TIE_KIND = {"actor": "knows", "initiative": "supports", "place": "meets_at"}
# Columns that point at a record of another table: (table, column) -> (target, required).
# A required one makes no sense without its target (it goes when the target goes); the other
# only loses its pointer (an initiative stays when its place goes).
REFERENCES: dict[tuple[str, str], tuple[str, bool]] = {
    ("initiative", "place_id"): ("place", False),
    ("tie", "source_id"): ("actor", True),
    ("tie", "target_id"): ("actor", True),
    ("actor_initiative", "actor_id"): ("actor", True),
    ("actor_initiative", "initiative_id"): ("initiative", True),
    ("actor_place", "actor_id"): ("actor", True),
    ("actor_place", "place_id"): ("place", True),
    ("attendance", "participant_id"): ("participant", True),
}
# table -> its columns that point at a row that may be a person (what `forget` follows).
PERSON_REFERENCES: dict[str, tuple[str, ...]] = {}
for (_table, _column), (_target, _) in REFERENCES.items():
    if _target in MAY_HOLD_PERSON:
        PERSON_REFERENCES[_table] = (*PERSON_REFERENCES.get(_table, ()), _column)
# What a note may be about (the note table's CHECK on about_table).
NOTE_TARGET_TABLES = ("place", "initiative", "actor", "participant")
# The table a capture keyword's record goes to (persoon/org are actors of a fixed type).
NAME_TABLE = {
    "place": "place",
    "initiative": "initiative",
    "actor": "actor",
    "person": "actor",
    "organisation": "actor",
    "participant": "participant",
    "candidate": "candidate",
}

# Each kind of record: its label (a heading, "Plek") and how a sentence names one ("een plek").
KIND_LABELS = {
    "place": ("Plek", "Place"),
    "initiative": ("Initiatief", "Initiative"),
    "actor": ("Actor", "Actor"),
    "tie": ("Verband", "Tie"),
    "note": ("Notitie", "Note"),
    "quote": ("Citaat", "Quote"),
    "participant": ("Deelnemer", "Participant"),
    "candidate": ("Kandidaat", "Candidate"),
    "session": ("Sessie", "Session"),
    "card": ("Kaart", "Card"),
}
KIND_WORDS = {
    "place": ("een plek", "a place"),
    "initiative": ("een initiatief", "an initiative"),
    "actor": ("een actor", "an actor"),
    "tie": ("een verband", "a tie"),
    "note": ("een notitie", "a note"),
    "participant": ("een deelnemer", "a participant"),
    "candidate": ("een kandidaat", "a candidate"),
    "session": ("een sessie", "a session"),
    "card": ("een kaart", "a card"),
}


def kind_label(kind: str, lang: str) -> str:
    """`Plek` / `Place`; an unknown kind is shown as it is."""
    nl, en = KIND_LABELS.get(kind, (kind, kind))
    return nl if lang == "nl" else en


def kind_word(kind: str, lang: str) -> str:
    """`een plek` / `a place`, for messages; an unknown kind is shown as it is."""
    nl, en = KIND_WORDS.get(kind, (kind, kind))
    return nl if lang == "nl" else en


# The words for yes and no (`ambassadeur:ja`, a Kumu sheet's Ambassador column, a CSV cell).
# The capture line's set: `x` or `j` are not words a facilitator types for "yes" on the line,
# and a form, a CSV file and a Kumu sheet are held to the line's rules.
YES_WORDS = ("ja", "yes", "1", "true", "waar")
NO_WORDS = ("nee", "no", "0", "false", "onwaar")
_YES_NO = {**dict.fromkeys(YES_WORDS, True), **dict.fromkeys(NO_WORDS, False)}


def yes_no(text: str) -> bool | None:
    """True for a yes word, False for a no word, None for anything else."""
    return _YES_NO.get(normalise(text.strip()))


# Colours of actor roles, shared by the network poster, the summary and the GEXF export, so an
# actor has the same colour on paper and in Gephi. Okabe-Ito's colour-blind-safe set first, for
# the roles that occur most; the rest are further apart in lightness.
ROLE_COLOURS: dict[str | None, tuple[int, int, int]] = {
    "key_figure": (213, 94, 0),  # vermilion
    "resident": (230, 159, 0),  # orange
    "residents_org": (0, 114, 178),  # blue
    "association": (86, 180, 233),  # sky blue
    "sports_club": (0, 158, 115),  # bluish green
    "welfare": (204, 121, 167),  # reddish purple
    "housing_corporation": (120, 94, 60),  # brown
    "school": (240, 228, 66),  # yellow
    "healthcare": (178, 34, 34),  # firebrick
    "business": (95, 95, 95),  # grey
    "faith": (117, 112, 179),  # purple
    "energy_coop": (27, 120, 55),  # dark green
    "library": (0, 80, 120),  # dark blue
    "municipality": (40, 40, 40),  # near black
    "other": (170, 170, 170),  # light grey
    None: (200, 200, 200),
}


def role_colour(role: str | None) -> tuple[int, int, int]:
    return ROLE_COLOURS.get(role, ROLE_COLOURS["other"])


def role_colour_float(role: str | None) -> tuple[float, float, float]:
    red, green, blue = role_colour(role)
    return red / 255, green / 255, blue / 255

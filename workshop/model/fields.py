"""The one field table: every field a person may set, with one parse function per field.

A field is typed in four places: on the capture line (`tel:0612345678`), in a form, in a cell
of an imported CSV file and in a column of a Kumu sheet. All four call `FieldRule.parse`, so a
value accepted by one is accepted by all, and a refused value gets the same message (each
front end only says where: the form names the field, an import the row and column).

    rule = FIELDS["influence"]
    rule.parse("3")              # 3
    rule.parse("9")              # UserError("bad_influence")

A field's words are what people type before the colon, Dutch and English; the first word is
the one messages use. `kinds` are the records the field belongs to on a capture line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import workshop.model.vocabularies as v
from workshop.i18n import UserError
from workshop.model.registry import NO_WORDS, YES_WORDS, yes_no

# How a value is typed:
#   text        kept as typed
#   choice      a closed vocabulary: a word it does not know is refused
#   open        a vocabulary whose unknown words are kept as tags (parse gives None for them)
#   int         a whole number from low to high (`error` is the message key when it is not)
#   coordinate  a number from low to high, a comma allowed as the decimal mark
#   bool        a yes or no word (YES_WORDS, NO_WORDS)
#   date        YYYY-MM-DD
TYPES = ("text", "choice", "open", "int", "coordinate", "bool", "date")


@dataclass(frozen=True)
class FieldRule:
    name: str  # the column it is stored in
    words: tuple[str, ...]
    kinds: frozenset[str]
    nl: str
    en: str
    type: str = "text"
    vocab: v.Vocabulary | None = None
    low: float | None = None
    high: float | None = None
    error: str | None = None
    by_kind: tuple[tuple[str, v.Vocabulary], ...] = ()  # another vocabulary for some kinds
    word_en: str | None = None  # the English word, when it is not the first one

    @property
    def word(self) -> str:
        return self.words[0]

    def word_in(self, lang: str) -> str:
        """The word for this field in a language (`tel` / `phone`), as a capture is described."""
        return self.word if lang == "nl" else self.word_en or self.word

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    def vocabulary(self, kind: str | None = None) -> v.Vocabulary | None:
        return dict(self.by_kind).get(kind or "", self.vocab)

    def parse(self, text: str, lang: str = "nl", kind: str | None = None) -> Any:
        """The stored value of a non-empty `text` for a record of `kind`; UserError with the
        capture line's one-line reason when it cannot be right."""
        if self.type in ("choice", "open"):
            vocab = self.vocabulary(kind)
            assert vocab is not None
            term = vocab.lookup(text)
            if term is not None:
                return term.key
            if self.type == "open":
                return None
            raise UserError(
                "bad_value", value=text, field=self.word, choices=", ".join(vocab.words(lang))
            )
        if self.type == "int":
            return int_in(text, int(self.low or 0), int(self.high or 0), self.error or "")
        if self.type == "coordinate":
            return self._coordinate(text)
        if self.type == "bool":
            flag = yes_no(text)
            if flag is None:
                raise UserError(
                    "bad_value",
                    value=text,
                    field=self.word,
                    choices=", ".join((YES_WORDS[0], NO_WORDS[0])),
                )
            return flag
        if self.type == "date":
            return date_value(text)
        return text

    def _coordinate(self, text: str) -> float:
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise UserError("bad_number", value=text, field=self.name) from None
        if not (self.low or 0) <= number <= (self.high or 0) or number != number:
            raise UserError("bad_coordinate", field=self.name, value=text)
        return number


def dimension_value(dimension: v.Dimension, text: str, lang: str = "nl") -> str:
    """The key of a sounding-board value (`dim:` fields, `#appartement`); refused like a
    closed vocabulary's word."""
    term = dimension.lookup(text)
    if term is None:
        raise UserError(
            "bad_value",
            value=text,
            field=dimension.label(lang),
            choices=", ".join(t.label(lang) for t in dimension.values),
        )
    return term.key


def int_in(value: str, low: int, high: int, error: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise UserError(error, value=value) from None
    if not low <= number <= high:
        raise UserError(error, value=value)
    return number


def date_value(value: str) -> str:
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UserError("bad_date", value=value) from None


_PEOPLE = frozenset({"actor", "participant", "candidate"})
_WHERE = frozenset({"place", "initiative"})


def _rule(
    name: str, words: tuple[str, ...], kinds: set[str] | frozenset[str], nl: str, en: str, **kw
) -> FieldRule:
    return FieldRule(name, words, frozenset(kinds), nl, en, **kw)


FIELDS: dict[str, FieldRule] = {
    r.name: r
    for r in (
        _rule(
            "tel",
            ("tel", "telefoon", "phone", "telephone", "mobiel"),
            _PEOPLE | _WHERE,
            "Telefoon",
            "Phone",
            word_en="phone",
        ),
        _rule("mail", ("mail", "email", "e-mail"), _PEOPLE | _WHERE, "E-mail", "Email"),
        _rule(
            "website", ("web", "website", "url", "site"), {"actor", *_WHERE}, "Website", "Website"
        ),
        _rule(
            "consent",
            ("consent", "toestemming"),
            _PEOPLE | {"session"},  # on a session: the default of the persons captured in it
            "Toestemming",
            "Consent",
            type="choice",
            vocab=v.CONSENT,
        ),
        _rule(
            "lat",
            ("lat", "latitude", "breedtegraad"),
            _WHERE,
            "Breedtegraad",
            "Latitude",
            type="coordinate",
            low=-90,
            high=90,
        ),
        _rule(
            "lon",
            ("lon", "lng", "longitude", "lengtegraad"),
            _WHERE,
            "Lengtegraad",
            "Longitude",
            type="coordinate",
            low=-180,
            high=180,
        ),
        _rule(
            "status",
            ("status",),
            {"initiative", "candidate"},
            "Status",
            "Status",
            type="choice",
            vocab=v.STATUSES,
            by_kind=(("candidate", v.BOARD_STATUSES),),
        ),
        _rule(
            "description",
            ("wat", "what", "omschrijving", "beschrijving", "description"),
            {"place", "initiative", "actor", "tie"},
            "Omschrijving",
            "Description",
            word_en="what",
        ),
        _rule(
            "needs",
            ("nodig", "vraagt", "needs", "vraag"),
            {"initiative"},
            "Wat het nodig heeft",
            "What it needs",
            word_en="needs",
        ),
        _rule(
            "offers",
            ("biedt", "aanbod", "offers"),
            {"initiative"},
            "Wat het biedt",
            "What it offers",
            word_en="offers",
        ),
        _rule(
            "where",
            ("waar", "where", "plek", "place"),
            {"initiative"},
            "Waar (plek)",
            "Where (place)",
            word_en="where",
        ),
        _rule(
            "card_number",
            ("kaart", "card", "kaartnummer"),
            {"initiative"},
            "Kaartnummer",
            "Card number",
            type="int",
            low=1,
            high=999_999,
            error="bad_card_ref",
            word_en="card",
        ),
        # Which printed sticker (`workshop print stickers`) residents put on the poster for it;
        # 1..999 are the numbers a sticker marker can carry (`workshop.paper.markers`).
        _rule(
            "sticker",
            ("sticker", "stickernummer"),
            _WHERE,
            "Stickernummer",
            "Sticker number",
            type="int",
            low=1,
            high=999,
            error="bad_sticker",
        ),
        _rule(
            "groups",
            ("groepen", "groups", "bereikt", "reaches"),
            {"actor"},
            "Groepen die het bereikt",
            "Groups it reaches",
            word_en="groups",
        ),
        _rule(
            "ambassador",
            ("ambassadeur", "ambassador"),
            {"actor"},
            "Ambassadeur",
            "Ambassador",
            type="bool",
            word_en="ambassador",
        ),
        _rule("startmotor", ("startmotor",), {"actor"}, "Startmotor", "Startmotor", type="bool"),
        _rule("type", ("type",), {"actor"}, "Soort", "Type", type="choice", vocab=v.ACTOR_TYPES),
        _rule(
            "kind",
            ("soort", "kind"),
            {"place"},
            "Soort plek",
            "Kind of place",
            type="open",
            vocab=v.PLACE_KINDS,
            word_en="kind",
        ),
        _rule(
            "theme",
            ("thema", "theme"),
            {"initiative"},
            "Thema",
            "Theme",
            type="open",
            vocab=v.THEMES,
            word_en="theme",
        ),
        _rule(
            "role",
            ("rol", "role"),
            {"actor"},
            "Rol",
            "Role",
            type="open",
            vocab=v.ROLES,
            word_en="role",
        ),
        _rule(
            "influence",
            ("invloed", "influence"),
            {"actor"},
            "Invloed (0-5)",
            "Influence (0-5)",
            type="int",
            low=0,
            high=5,
            error="bad_influence",
            word_en="influence",
        ),
        _rule(
            "strength",
            ("sterkte", "strength"),
            {"tie"},
            "Sterkte (1-3)",
            "Strength (1-3)",
            type="int",
            low=1,
            high=3,
            error="bad_strength",
            word_en="strength",
        ),
        _rule(
            "sentiment",
            ("gevoel", "sentiment"),
            {"place"},
            "Gevoel",
            "Sentiment",
            type="choice",
            vocab=v.SENTIMENTS,
            word_en="sentiment",
        ),
        _rule(
            "address",
            ("adres", "address"),
            {"actor", "place"},
            "Adres",
            "Address",
            word_en="address",
        ),
        _rule("osm_id", ("osm",), {"place"}, "OSM-id", "OSM id"),
        _rule(
            "pseudonym",
            ("pseudoniem", "pseudonym", "alias"),
            {"participant", "candidate"},
            "Pseudoniem",
            "Pseudonym",
            word_en="pseudonym",
        ),
        _rule(
            "tenure",
            ("eigendom", "tenure", "huurkoop"),
            {"participant", "candidate"},
            "Eigendom",
            "Tenure",
            type="choice",
            vocab=v.TENURES,
            word_en="tenure",
        ),
        _rule(
            "date",
            ("datum", "date"),
            {"session"},
            "Datum (JJJJ-MM-DD)",
            "Date (YYYY-MM-DD)",
            type="date",
            word_en="date",
        ),
        _rule("venue", ("locatie", "venue"), {"session"}, "Locatie", "Venue", word_en="venue"),
        _rule(
            "facilitator",
            ("begeleider", "facilitator", "gespreksleider"),
            {"session"},
            "Begeleider",
            "Facilitator",
            word_en="facilitator",
        ),
        _rule("table_name", ("tafel", "table"), {"session"}, "Tafel", "Table", word_en="table"),
        # Who said a note or quote: a participant or actor, stored as said_by_table/_id.
        _rule("said_by", ("door", "by"), {"note"}, "Gezegd door", "Said by", word_en="by"),
    )
}
# Fields whose value is checked (not kept as typed): what an import holds each cell to.
CHECKED = tuple(name for name, r in FIELDS.items() if r.type not in ("text", "open"))

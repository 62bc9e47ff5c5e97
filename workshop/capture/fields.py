"""The `field:value` part of the capture line: the fields people may set, in Dutch and English,
and how a typed value becomes a stored one."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from workshop import model
from workshop.i18n import UserError, pick
from workshop.model import Vocabulary
from workshop.text import normalise

if TYPE_CHECKING:
    from workshop.capture.grammar import Capture, Context

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

# Known fields: canonical name -> (words people type, kinds it belongs to).
_ALL_PEOPLE = {"actor", "participant", "candidate"}
FIELDS: dict[str, tuple[tuple[str, ...], set[str]]] = {
    "tel": (
        ("tel", "telefoon", "phone", "telephone", "mobiel"),
        _ALL_PEOPLE | {"initiative", "place"},
    ),
    "mail": (("mail", "email", "e-mail"), _ALL_PEOPLE | {"initiative", "place"}),
    "website": (("web", "website", "url", "site"), {"actor", "initiative", "place"}),
    "consent": (("consent", "toestemming"), _ALL_PEOPLE),
    "lat": (("lat", "latitude", "breedtegraad"), {"place", "initiative"}),
    "lon": (("lon", "lng", "longitude", "lengtegraad"), {"place", "initiative"}),
    "status": (("status",), {"initiative", "candidate"}),
    "description": (
        ("wat", "what", "omschrijving", "beschrijving", "description"),
        {"place", "initiative", "actor", "tie"},
    ),
    "needs": (("nodig", "vraagt", "needs", "vraag"), {"initiative"}),
    "offers": (("biedt", "aanbod", "offers"), {"initiative"}),
    "where": (("waar", "where", "plek", "place"), {"initiative"}),
    "card_number": (("kaart", "card", "kaartnummer"), {"initiative"}),
    "groups": (("groepen", "groups", "bereikt", "reaches"), {"actor"}),
    "ambassador": (("ambassadeur", "ambassador"), {"actor"}),
    "startmotor": (("startmotor",), {"actor"}),
    "type": (("type",), {"actor"}),
    "kind": (("soort", "kind"), {"place"}),
    "theme": (("thema", "theme"), {"initiative"}),
    "role": (("rol", "role"), {"actor"}),
    "influence": (("invloed", "influence"), {"actor"}),
    "strength": (("sterkte", "strength"), {"tie"}),
    "sentiment": (("gevoel", "sentiment"), {"place"}),
    "address": (("adres", "address"), {"actor", "place"}),
    "osm_id": (("osm",), {"place"}),
    "pseudonym": (("pseudoniem", "pseudonym", "alias"), {"participant", "candidate"}),
    "tenure": (("eigendom", "tenure", "huurkoop"), {"participant", "candidate"}),
    "date": (("datum", "date"), {"session"}),
    "venue": (("locatie", "venue"), {"session"}),
    "facilitator": (("begeleider", "facilitator", "gespreksleider"), {"session"}),
    "table_name": (("tafel", "table"), {"session"}),
}
_VOCAB_FIELDS: dict[str, Vocabulary] = {
    "consent": model.CONSENT,
    "sentiment": model.SENTIMENTS,
    "type": model.ACTOR_TYPES,
    "tenure": model.TENURES,
}
_TAGGING_FIELDS: dict[str, Vocabulary] = {
    "kind": model.PLACE_KINDS,
    "theme": model.THEMES,
    "role": model.ROLES,
}
_BOOL_WORDS = {
    "ja": True,
    "yes": True,
    "1": True,
    "true": True,
    "waar": True,
    "nee": False,
    "no": False,
    "0": False,
    "false": False,
    "onwaar": False,
}


def set_field(capture: Capture, canon: str, value: str, ctx: Context) -> None:
    kind = capture.kind
    if canon.startswith("dim:"):
        if kind not in ("participant", "candidate"):
            raise _field_not_here(canon[4:], kind, ctx)
        dim = next(d for d in ctx.dimensions if d.key == canon[4:])
        if not value.strip():
            raise UserError("empty_field", field=dim.label(ctx.lang))
        term = dim.lookup(value)
        if term is None:
            raise UserError(
                "bad_value",
                value=value,
                field=dim.label(ctx.lang),
                choices=", ".join(t.label(ctx.lang) for t in dim.values),
            )
        capture.attributes[dim.key] = term.key
        return
    words, kinds = FIELDS[canon]
    if kind not in kinds:
        raise _field_not_here(words[0], kind, ctx)
    if not value.strip():
        raise UserError("empty_field", field=words[0])
    capture.fields[canon] = _field_value(capture, canon, value, ctx)


def _field_value(capture: Capture, canon: str, value: str, ctx: Context) -> Any:
    word = FIELDS[canon][0][0]
    if canon in _VOCAB_FIELDS or canon == "status":
        vocab = _VOCAB_FIELDS.get(canon) or (
            model.BOARD_STATUSES if capture.kind == "candidate" else model.STATUSES
        )
        term = vocab.lookup(value)
        if term is None:
            raise UserError(
                "bad_value", value=value, field=word, choices=", ".join(vocab.words(ctx.lang))
            )
        return term.key
    if canon in _TAGGING_FIELDS:
        term = _TAGGING_FIELDS[canon].lookup(value)
        if term is None:
            capture.tags.append(value)
            return None
        return term.key
    if canon == "influence":
        return int_in(value, 0, 5, "bad_influence")
    if canon == "strength":
        return int_in(value, 1, 3, "bad_strength")
    if canon in ("lat", "lon"):
        return _coordinate(canon, value)
    if canon == "card_number":
        number = int_in(value, 1, 999_999, "bad_card_ref")
        return number
    if canon in ("ambassador", "startmotor"):
        flag = _BOOL_WORDS.get(normalise(value))
        if flag is None:
            raise UserError("bad_value", value=value, field=word, choices="ja, nee")
        return flag
    if canon == "date":
        return date_value(value)
    return value


def int_in(value: str, low: int, high: int, error: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise UserError(error, value=value) from None
    if not low <= number <= high:
        raise UserError(error, value=value)
    return number


def _coordinate(canon: str, value: str) -> float:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise UserError("bad_number", value=value, field=canon) from None
    limit = 90 if canon == "lat" else 180
    if not -limit <= number <= limit or number != number:
        raise UserError("bad_coordinate", field=canon, value=value)
    return number


def date_value(value: str) -> str:
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UserError("bad_date", value=value) from None


def _field_not_here(word: str, kind: str, ctx: Context) -> UserError:
    return UserError("field_not_here", field=word, kind=kind_word(kind, ctx.lang))


def kind_word(kind: str, lang: str) -> str:
    return pick(KIND_WORDS[kind], lang)

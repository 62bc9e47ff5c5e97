"""What may be shown of a person, and where.

Consent per person: none < internal < print < public.

    audience     shows a person's name and contact details when consent is at least
    facilitator  none       (the facilitator's own screens: she typed the names herself)
    internal     internal   (the file's own words on the terminal: `connectors`, `coverage`)
    print        print      (paper: cards, maps, the summary, the wall)
    export       public     (files that leave the laptop: csv, json, kumu, ...)

Below that, a person is a role pseudonym ("Sleutelfiguur 3F2A") without contact details.
Organisations are named everywhere; their contact details follow the same consent rule.
`anonymise=True` makes every person a pseudonym and drops all contact details.

This module decides per record; free text (notes, descriptions, venues, other records' names)
goes through `workshop.file.redaction`, which also says which output uses which audience.
"""

from __future__ import annotations

from typing import Protocol

from workshop import model
from workshop.i18n import t

AUDIENCE_NEEDS = {
    "facilitator": "none",
    "internal": "internal",
    "print": "print",
    "export": "public",
}
CONTACT_FIELDS = ("tel", "mail", "address", "website")
PERSON_TABLES = model.PERSON_TABLES


def allows(consent: str | None, audience: str) -> bool:
    needed = AUDIENCE_NEEDS[audience]
    order = model.CONSENT_ORDER
    return order.index(consent or "none") >= order.index(needed)


def pseudonym(record: dict, lang: str, table: str = "actor") -> str:
    """A stable stand-in for a person: their role (or kind of record) and four characters of
    their UUID, so the same person gets the same pseudonym in every export."""
    if table == "actor":
        label = model.ROLES.label(record.get("role"), lang) if record.get("role") else ""
        if not label:
            return f"{t('pseudonym_person', lang)} {record['id'][:4].upper()}"
        label = label[:1].upper() + label[1:]
    elif record.get("pseudonym"):
        return record["pseudonym"]
    elif table == "participant":
        label = t("pseudonym_participant", lang)
    else:
        label = t("pseudonym_candidate", lang)
    return f"{label} {record['id'][:4].upper()}"


def is_person(record: dict, table: str) -> bool:
    return table in PERSON_TABLES or (table == "actor" and record.get("type") == "person")


class ActorFacts(Protocol):
    """What an analysis row (a connector, a candidate for a gap) knows of its actor."""

    @property
    def actor_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str | None: ...
    @property
    def role(self) -> str | None: ...
    @property
    def consent(self) -> str: ...


def actor_shown_name(actor: ActorFacts, audience: str, lang: str, anonymise: bool = False) -> str:
    """`shown_name` of an analysis row about an actor."""
    record = {
        "id": actor.actor_id,
        "name": actor.name,
        "type": actor.type,
        "role": actor.role,
        "consent": actor.consent,
    }
    return shown_name(record, "actor", audience, lang, anonymise)


def shown_name(record: dict, table: str, audience: str, lang: str, anonymise: bool = False) -> str:
    if not is_person(record, table):
        return record["name"]
    if anonymise or not allows(record.get("consent"), audience):
        return pseudonym(record, lang, table)
    return record["name"]


def shows_contact(record: dict, audience: str, anonymise: bool = False) -> bool:
    return not anonymise and allows(record.get("consent"), audience)


def redact(record: dict, table: str, audience: str, lang: str, anonymise: bool = False) -> dict:
    """A copy of a record as this audience may see it."""
    out = dict(record)
    if "name" in out and table in model.MAY_HOLD_PERSON:
        out["name"] = shown_name(record, table, audience, lang, anonymise)
    if table in model.MAY_HOLD_PERSON and not shows_contact(record, audience, anonymise):
        for key in CONTACT_FIELDS:
            if key in out:
                out[key] = None
    if out.get("name") != record.get("name"):
        out.pop("norm", None)
    return out

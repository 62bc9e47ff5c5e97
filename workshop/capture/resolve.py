"""What a name in a capture line means: one lookup in every named table, one set of rules.

`+Name` (who is behind an initiative), `~Name` (what a note is about) and both ends of a tie
all look the name up in every named table (`NAMED_TABLES`). A name the role can use links that
record; a name that exists only as something the role cannot use is refused with how to write
it; a person is made implicitly only for a name the file does not hold at all and that no later
line of the same batch creates (then the line waits for that line: `Later`).

These are reads only: `record` applies what they decide, `preview.plan` shows it beforehand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workshop.capture.grammar import Capture
from workshop.file.store import Store
from workshop.i18n import UserError, pick, t
from workshop.model import (
    DEFAULT_TIE_KIND,
    KIND_LABELS,
    LINK_TABLE,
    NAMED_TABLES,
    NOTE_TARGET_TABLES,
    TIE_KINDS,
    TIE_TABLES,
    kind_word,
)
from workshop.text import normalise

ABOUT_TABLES = NOTE_TARGET_TABLES  # the note table's CHECK


class Later(Exception):
    """A later line of the batch creates this name: apply the line after that one."""


class Pending:
    """The names that lines of a batch not yet applied will create, by table."""

    def __init__(self, creates: list[tuple[int, str, str]], done: Mapping[int, object]):
        self._by_norm: dict[str, list[tuple[int, str]]] = {}
        for index, table, name in creates:
            self._by_norm.setdefault(normalise(name), []).append((index, table))
        self._lines = {index for index, _, _ in creates}
        self._done = done
        self.current: int | None = None  # the line being applied; None: wait for nothing

    def get(self, norm: str) -> str | None:
        if self.current is None:
            return None
        for index, table in self._by_norm.get(norm, ()):
            if index != self.current and index not in self._done:
                return table
        return None

    def any_other(self) -> bool:
        """Whether another line creates something at all (else no line ever waits)."""
        return self.current is not None and len(self._lines) > (self.current in self._lines)


@dataclass
class Found:
    """A name looked up: the first record of that name in each named table holding it."""

    name: str
    rows: dict[str, dict] = field(default_factory=dict)
    later: str | None = None  # the table a later line of the batch creates it in

    def first(self, tables: tuple[str, ...]) -> tuple[str, dict] | None:
        return next(((tb, self.rows[tb]) for tb in tables if tb in self.rows), None)


def lookup(store: Store, name: str, later: Pending | None = None) -> Found:
    found = Found(name)
    for table in NAMED_TABLES:
        rows = store.find(table, name)
        if rows:
            found.rows[table] = rows[0]
    if not found.rows and later:
        found.later = later.get(normalise(name))
    return found


@dataclass
class Behind:
    """What `+Name` on an initiative comes to: an actor (existing or new) or its place."""

    name: str
    actor: dict | None = None
    place: dict | None = None

    @property
    def creates(self) -> bool:
        return self.actor is None and self.place is None


def behind(found: Found, lang: str) -> Behind:
    if "actor" in found.rows:
        return Behind(found.name, actor=found.rows["actor"])
    if "place" in found.rows:
        return Behind(found.name, place=found.rows["place"])
    other = found.first(("initiative", "participant", "candidate"))
    table = other[0] if other else found.later
    if table in ("actor", "place"):
        raise Later
    if table is not None:
        raise UserError("plus_not_actor", name=found.name, kind=kind_word(table, lang))
    return Behind(found.name)


def about(found: Found, lang: str, table: str | None = None) -> tuple[str, dict]:
    """The record a note is about: the first of place, initiative, actor, participant (or the
    one in `table`, for a `~.` that knows where the line before found it)."""
    wanted = (table,) if table in found.rows and table in ABOUT_TABLES else ABOUT_TABLES
    hit = found.first(wanted)
    if hit:
        return hit
    if found.later in ABOUT_TABLES:
        raise Later
    other = found.first(NAMED_TABLES)
    if other or found.later:
        kind = other[0] if other else found.later
        raise UserError("about_not_here", name=found.name, kind=kind_word(str(kind), lang))
    raise LookupError(found.name)  # not in the file: the caller says so, with a hint


def tie_end(found: Found, lang: str) -> dict[str, dict]:
    """The actor, initiative and place records a tie's end may be (none: a new person)."""
    ends = {tb: row for tb, row in found.rows.items() if tb in TIE_TABLES}
    if ends:
        return ends
    if found.later in TIE_TABLES:
        raise Later
    other = found.first(NAMED_TABLES)
    kind = other[0] if other else found.later
    if kind is not None:
        raise UserError("tie_end_not_actor", name=found.name, kind=kind_word(kind, lang))
    return {}


# --- ties --------------------------------------------------------------------------------------


@dataclass
class TieDecision:
    """What a tie line comes to. `family` actor: `actors` are both ends; else `actors` is the
    one actor end and `record` the initiative or place at the other."""

    family: str
    kind: str
    direction: str
    tags: list[str]
    actors: list[tuple[str, dict | None]]  # (name as typed, existing actor or None: new person)
    record: dict | None = None

    @property
    def link_table(self) -> str:
        return LINK_TABLE[self.family]


def decide_tie(store: Store, cap: Capture, lang: str, later: Pending | None = None) -> TieDecision:
    assert cap.name is not None and cap.target is not None
    source, target, direction = cap.name, cap.target, cap.direction or "directed"
    if direction == "reversed":
        source, target, direction = target, source, "directed"
    if normalise(source) == normalise(target):
        raise UserError("tie_to_self", name=source)
    family, kind, tags = tie_kind(cap.tie_words)
    ends = {name: tie_end(lookup(store, name, later), lang) for name in (source, target)}
    records_only = {name: "actor" not in e and bool(e) for name, e in ends.items()}
    if family is None:
        family = "actor"
        for name, e in ends.items():
            if records_only[name]:
                if "initiative" in e and "place" in e:
                    raise UserError(
                        "ambiguous", name=name, kinds=kinds_text(["initiative", "place"], lang)
                    )
                family = "initiative" if "initiative" in e else "place"
                break
    if family == "actor":
        for name in (source, target):
            if records_only[name]:
                other = "initiative" if "initiative" in ends[name] else "place"
                raise _mismatch(cap, other, lang)
        return TieDecision(
            "actor",
            kind or "knows",
            direction,
            tags,
            [(n, ends[n].get("actor")) for n in (source, target)],
        )
    record_name = next((n for n in (target, source) if family in ends[n]), None)
    if record_name is None:
        raise UserError("not_found", name=target, hint=hint(store, family, target, lang))
    actor_name = source if record_name == target else target
    if records_only[actor_name]:
        raise UserError("tie_no_actor", source=source, target=target)
    return TieDecision(
        family,
        kind or DEFAULT_TIE_KIND[family],
        direction,
        tags,
        [(actor_name, ends[actor_name].get("actor"))],
        ends[record_name][family],
    )


def tie_kind(words: list[str]) -> tuple[str | None, str | None, list[str]]:
    family = kind = None
    tags: list[str] = []
    for word in words:
        for name, vocab in TIE_KINDS.items():
            term = vocab.lookup(word)
            if term and kind is None:
                family, kind = name, term.key
                break
        else:
            tags.append(word)
    return family, kind, tags


def _mismatch(cap: Capture, other: str, lang: str) -> UserError:
    vocab = TIE_KINDS[other]
    return UserError(
        "tie_kind_mismatch",
        word=cap.tie_words[0] if cap.tie_words else "",
        a=kinds_text(["actor"], lang),
        b=kinds_text([other], lang),
        choices=", ".join(vocab.words(lang)),
    )


def kinds_text(kinds: list[str], lang: str) -> str:
    return " / ".join(pick(KIND_LABELS[k], lang).lower() for k in kinds)


def hint(store: Store, table: str, name: str, lang: str) -> str:
    similar = store.similar(table, name, limit=1)
    if similar:
        return t("did_you_mean", lang, name=similar[0]["name"])
    return t("no_hint", lang)


# --- initiatives -----------------------------------------------------------------------------


def decide_behind(
    store: Store, cap: Capture, existing: dict | None, lang: str, later: Pending | None = None
) -> tuple[list[Behind], dict | None]:
    """Who is behind an initiative (`+Name`...) and the place it is at (`waar:`, or a
    `+Name` that is a place): (the actors, the place or None)."""
    place = None
    where = cap.fields.get("where")
    if where is not None:
        found = lookup(store, where, later)
        if "place" not in found.rows:
            if found.later == "place":
                raise Later
            raise UserError("not_a_place", name=where, hint=hint(store, "place", where, lang))
        place = found.rows["place"]
    actors = []
    for name in cap.actors:
        who = behind(lookup(store, name, later), lang)
        if who.place is None:
            actors.append(who)
            continue
        current = place or (
            store.get("place", existing["place_id"])
            if existing and existing.get("place_id")
            else None
        )
        if current is not None and current["id"] != who.place["id"]:
            raise UserError("plus_place_twice", name=who.place["name"], other=current["name"])
        place = who.place
    return actors, place


def card_lookup(store: Store, number: int) -> dict | None:
    """The initiative a card number names; None for a blank card handed out but not captured
    yet; UserError `card_unknown` for a number this file never gave out."""
    rows = store.rows("initiative", "card_number = ?", (number,))
    if rows:
        return rows[0]
    if number < store.neighbourhood()["next_card"]:
        return None
    raise UserError("card_unknown", number=number)


# --- sticker:N --------------------------------------------------------------------------------

STICKER_TABLES = ("place", "initiative")  # the records a sticker on the poster stands for


def check_sticker(store: Store, number: int, table: str, record_id: str | None, lang: str) -> None:
    """Refuse `sticker:number` on record `record_id` of `table` (None: a new record) when the
    file never printed that sticker, or another place or initiative carries it already."""
    if number >= store.neighbourhood()["next_sticker"]:
        raise UserError("sticker_unprinted", number=number)
    for other in STICKER_TABLES:
        for row in store.rows(other, "sticker = ?", (number,)):
            if other != table or row["id"] != record_id:
                kind = pick(KIND_LABELS[other], lang).lower()
                raise UserError("sticker_taken", number=number, kind=kind, name=row["name"])


# --- who said it --------------------------------------------------------------------------------

SAID_BY_TABLES = ("participant", "actor")  # the note table's CHECK on said_by_table


def said_by(found: Found, lang: str) -> tuple[str, dict] | None:
    """Who said a note (`door:NAME`): the participant of that name, else the actor; None: a
    new person is made of the name (it is nowhere in the file, and no later line makes it)."""
    hit = found.first(SAID_BY_TABLES)
    if hit:
        return hit
    if found.later in SAID_BY_TABLES:
        raise Later
    other = found.first(NAMED_TABLES)
    kind = other[0] if other else found.later
    if kind is not None:
        raise UserError("said_by_not_person", name=found.name, kind=kind_word(kind, lang))
    return None

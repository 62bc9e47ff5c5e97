"""Putting captures into the file: names resolved against what is there, one transaction.

`record(store, lines)` parses every line first (a bad line writes nothing), then applies them in
one transaction, each line its own undoable step. A name that matches an existing record after
normalising is reused and said so; what a name means is decided in `workshop.capture.resolve`, the same
for the preview (`workshop.capture.preview.plan`) as for the write. Near-duplicates are a read before
the write: `near_duplicates` lets the TUI ask before a second "Buurthuis de Bron" is created,
and the command line prints `near_duplicate_notices`; the write path itself stays lean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop import model
from workshop.capture.grammar import Capture, parse
from workshop.capture.last import fill_last
from workshop.capture.preview import Plan, describe, plan
from workshop.capture.resolve import (
    Later,
    Pending,
    about,
    card_lookup,
    check_sticker,
    decide_behind,
    decide_tie,
    hint,
    lookup,
    said_by,
)
from workshop.capture.session import session_consent
from workshop.file.store import Store, Writer
from workshop.i18n import UserError, t
from workshop.model import LINK_TABLE, NAME_TABLE, Context
from workshop.text import normalise

__all__ = [
    "Outcome",
    "Plan",
    "record",
    "near_duplicates",
    "near_duplicate_notices",
    "describe",
    "plan",
    "card_lookup",
    "upsert_tie",
]


@dataclass
class Outcome:
    kind: str
    id: str | None
    name: str | None
    created: bool
    summary: str
    notices: list[str] = field(default_factory=list)
    saved: bool = True  # False for `kaart N`: a look-up, nothing was written
    ready_line: str | None = None  # for a blank card: the line to type next (`i  kaart:7`)


def record(store: Store, lines: Iterable[str | Capture]) -> list[Outcome]:
    """Parse and apply capture lines as one transaction; UserError (naming the line when there
    are several) and nothing written when any line is refused.

    A line naming what a later line of the batch creates (`Jan -> Buurthuis` before
    `p Buurthuis`) waits until that line is in: each line is tried in order inside a
    savepoint, and the lines that wait go again at the end, still in the one transaction."""
    ctx = store.context()
    lang = ctx.lang
    items = list(lines)
    captures: list[Capture] = []
    previous = None  # what the line before named, for a `~.`
    for number, item in enumerate(items, 1):
        try:
            capture = item if isinstance(item, Capture) else parse(item, ctx)
            capture, previous = fill_last(capture, previous, store, ctx)
            captures.append(capture)
        except UserError as exc:
            raise _in_line(exc, number, len(items), lang) from None
    outcomes: dict[int, Outcome] = {}
    pending = Pending(
        [
            (i, NAME_TABLE[c.kind], c.name)
            for i, c in enumerate(captures)
            if c.kind in NAME_TABLE and c.name
        ],
        outcomes,
    )
    with store.write() as writer:
        waiting = list(range(len(captures)))
        stuck = False
        while waiting:
            again = []
            for index in waiting:
                pending.current = None if stuck else index
                try:
                    outcomes[index] = _try(store, writer, captures[index], ctx, pending)
                except Later:
                    again.append(index)
                except UserError as exc:
                    raise _in_line(exc, index + 1, len(items), lang) from None
            stuck = len(again) == len(waiting)  # nothing moved: apply them as the file is
            waiting = again
    return [outcomes[i] for i in range(len(captures))]


def _try(store: Store, writer: Writer, capture: Capture, ctx: Context, pending: Pending) -> Outcome:
    """One line; inside a savepoint when it may have to wait, so waiting leaves no trace."""
    if not pending.any_other():
        with writer.entry(capture.line):
            return _apply(store, writer, capture, ctx, pending)
    saved = writer.savepoint()
    try:
        with writer.entry(capture.line):
            outcome = _apply(store, writer, capture, ctx, pending)
    except Later:
        writer.rollback_to(saved)
        raise
    except BaseException:
        writer.release()
        raise
    writer.release()
    return outcome


def _in_line(exc: UserError, number: int, total: int, lang: str) -> UserError:
    if total == 1:
        return exc
    return UserError("in_line", number=number, message=exc.message(lang))


def near_duplicates(store: Store, capture: Capture) -> list[tuple[str, str, list[dict]]]:
    """The names this capture would newly create that resemble existing ones:
    (name as typed, table, similar records). Each similar record carries `different`: True
    when the names differ in a word that tells things apart (Oost/West, 1/2, A/B...)."""
    wanted: list[tuple[str, str]] = []
    if (
        capture.kind in NAME_TABLE
        and capture.name
        and not store.find(NAME_TABLE[capture.kind], capture.name)
    ):
        wanted.append((capture.name, NAME_TABLE[capture.kind]))
    names = list(capture.actors)
    if capture.kind == "tie":
        names += [n for n in (capture.name, capture.target) if n]
    for name in names:
        if not lookup(store, name).rows:  # a new person would be made of it
            wanted.append((name, "actor"))
    out = []
    for name, table in wanted:
        similar = store.similar(table, name)
        if similar:
            out.append((name, table, similar))
    return out


def near_duplicate_notices(store: Store, capture: Capture) -> list[str]:
    """`near_duplicates` as lines to show where nobody can be asked (the command line): a
    name that differs in a distinguishing word is said to be a different record."""
    return [
        t(
            "near_different" if row.get("different") else "near_duplicate",
            store.lang,
            name=name,
            other=row["name"],
        )
        for name, _, rows in near_duplicates(store, capture)
        for row in rows
    ]


def _summary(cap: Capture, ctx: Context, names: dict[str, str] | None = None) -> str:
    return describe(cap, ctx.lang, ctx.dimensions, names)


# --- applying one capture -----------------------------------------------------------------------


def _apply(store: Store, w: Writer, cap: Capture, ctx: Context, pending: Pending) -> Outcome:
    if cap.kind == "session":
        f = cap.fields
        w.use_session(
            f.get("date") or dt.date.today().isoformat(),
            f.get("venue"),
            f.get("table_name"),
            f.get("facilitator"),
            f.get("consent"),
        )
        return Outcome("session", store.session_id, None, False, _summary(cap, ctx))
    if cap.kind == "card":
        return _card(store, cap, ctx)
    if cap.kind == "tie":
        return _apply_tie(store, w, cap, ctx, pending)
    if cap.kind == "note":
        return _apply_note(store, w, cap, ctx, pending)
    return _apply_named(store, w, cap, ctx, pending)


def _card(store: Store, cap: Capture, ctx: Context) -> Outcome:
    """`kaart N` is a look-up, never a save: the outcome names the initiative (or says the
    card is blank, with the line to type); nothing is written."""
    number = cap.fields["card_number"]
    row = card_lookup(store, number)
    if row is None:
        word = t("card_word", ctx.lang)
        return Outcome(
            "card",
            None,
            None,
            False,
            _summary(cap, ctx),
            [t("card_blank", ctx.lang, number=number)],
            saved=False,
            ready_line=f"i  {word}:{number}",
        )
    return Outcome(
        "initiative",
        row["id"],
        row["name"],
        False,
        f"{_summary(cap, ctx)} · {row['name']}",
        saved=False,
    )


def _apply_named(store: Store, w: Writer, cap: Capture, ctx: Context, pending: Pending) -> Outcome:
    lang = ctx.lang
    table = NAME_TABLE[cap.kind]
    assert cap.name is not None
    notices: list[str] = []
    values = dict(cap.fields)
    values.pop("where", None)
    if cap.cell:
        values["cell"] = cap.cell
    existing = _first(store.find(table, cap.name))
    behind: list = []
    if cap.kind == "initiative":
        behind, place = decide_behind(store, cap, existing, lang, pending)
        if place is not None:
            values["place_id"] = place["id"]
        _card_number(store, w, cap, values)
    if values.get("sticker") is not None:
        check_sticker(store, values["sticker"], table, (existing or {}).get("id"), lang)
    if cap.kind in ("participant", "candidate") and cap.attributes:
        values["attributes"] = {**(existing or {}).get("attributes", {}), **cap.attributes}
    if cap.tags:
        old = (existing or {}).get("tags", [])
        values["tags"] = old + [tag for tag in cap.tags if tag not in old]
    if cap.kind == "actor":
        _actor_values(values, existing)
    if (
        existing is None
        and table in model.MAY_HOLD_PERSON
        and "consent" not in cap.fields
        and values.get("type") != "organisation"
    ):
        default = session_consent(store, w.current_session())
        if default is not None:  # `sessie consent:print`: the persons captured in it get it
            values["consent"] = default
    if existing:
        row = w.update(table, existing["id"], values)
        notices.append(t("updated_existing", lang, name=existing["name"]))
    else:
        if cap.kind == "initiative" and "card_number" not in values:
            values["card_number"] = w.take_card_number()
        row = w.insert(table, {"name": cap.name, **values})
    if cap.kind == "place" and cap.quote:
        w.insert(
            "note",
            {"kind": "quote", "text": cap.quote, "about_table": "place", "about_id": row["id"]},
        )
    names: dict[str, str] = {}
    for who in behind:
        actor = who.actor or _new_person(w, who.name, notices, lang)
        names[who.name] = actor["name"]
        _link(store, w, "actor_initiative", actor["id"], "initiative_id", row["id"], "drives", [])
    if cap.kind == "initiative" and "place_id" in values:
        names.update({n: f"{n} ({t('as_place', lang)})" for n in cap.actors if n not in names})
    if cap.kind == "participant":
        _attend(store, w, row["id"])
    return Outcome(
        table, row["id"], row["name"], existing is None, _summary(cap, ctx, names), notices
    )


def _card_number(store: Store, w: Writer, cap: Capture, values: dict) -> None:
    number = values.get("card_number")
    if number is not None:
        holder = _first(store.rows("initiative", "card_number = ?", (number,)))
        if holder and normalise(holder["name"]) != normalise(cap.name or ""):
            raise UserError("card_taken", number=number, name=holder["name"])
        w.take_card_number(number)


def _actor_values(values: dict, existing: dict | None) -> None:
    if "type" not in values and existing is None:
        role = values.get("role")
        implied = model.ROLES[role].implies if role is not None and role in model.ROLES else None
        values["type"] = implied or "person"
    if existing is None and "consent" not in values:
        values["consent"] = "public" if values["type"] == "organisation" else "internal"


def _attend(store: Store, w: Writer, participant_id: str) -> None:
    session = w.current_session()
    if not store.count(
        "attendance", "participant_id = ? AND session_id = ?", (participant_id, session)
    ):
        w.insert("attendance", {"participant_id": participant_id, "session_id": session})


def _apply_note(store: Store, w: Writer, cap: Capture, ctx: Context, pending: Pending) -> Outcome:
    lang = ctx.lang
    values = {"kind": cap.fields["kind"], "text": cap.name}
    names: dict[str, str] = {}
    if cap.about:
        table, target = about_record(store, cap.about, lang, pending, cap.about_table)
        values.update(about_table=table, about_id=target["id"])
        names[cap.about] = target["name"]
    notices: list[str] = []
    if cap.said_by:
        who = said_by(lookup(store, cap.said_by, pending), lang)
        table, person = who or ("actor", _new_person(w, cap.said_by, notices, lang))
        values.update(said_by_table=table, said_by_id=person["id"])
        names[cap.said_by] = person["name"]
    row = w.insert("note", values)
    return Outcome("note", row["id"], None, True, _summary(cap, ctx, names), notices)


def about_record(
    store: Store, name: str, lang: str, pending: Pending | None = None, table: str | None = None
) -> tuple[str, dict]:
    """The record `~name` means (in `table` when `~.` knows which), or the refusal that says
    what to write instead."""
    try:
        return about(lookup(store, name, pending), lang, table)
    except LookupError:
        found = next(
            (
                h
                for tb in ("place", "initiative", "actor")
                if (h := hint(store, tb, name, lang)) != t("no_hint", lang)
            ),
            t("no_hint", lang),
        )
        raise UserError("not_found", name=name, hint=found) from None


def _apply_tie(store: Store, w: Writer, cap: Capture, ctx: Context, pending: Pending) -> Outcome:
    lang = ctx.lang
    decision = decide_tie(store, cap, lang, pending)
    notices: list[str] = []
    names: dict[str, str] = {}
    actors = []
    for name, known in decision.actors:
        actor = known or _new_person(w, name, notices, lang)
        names[name] = actor["name"]
        actors.append(actor)
    if decision.family == "actor":
        row = upsert_tie(
            store,
            w,
            actors[0]["id"],
            actors[1]["id"],
            decision.kind,
            decision.direction,
            decision.tags,
            cap.fields,
        )
        return Outcome("tie", row["id"], None, True, _summary(cap, ctx, names), notices)
    assert decision.record is not None
    for end in (cap.name, cap.target):
        if end and normalise(end) == decision.record["norm"]:
            names[end] = decision.record["name"]
    table = LINK_TABLE[decision.family]
    row = _link(
        store,
        w,
        table,
        actors[0]["id"],
        f"{decision.family}_id",
        decision.record["id"],
        decision.kind,
        decision.tags,
    )
    return Outcome(table, row["id"], None, True, _summary(cap, ctx, names), notices)


def upsert_tie(
    store: Store,
    w: Writer,
    a: str,
    b: str,
    kind: str,
    direction: str,
    tags: list[str],
    fields: dict,
) -> dict:
    """The tie a -> b of this kind, created or updated (for a non-directed tie, b -> a too)."""
    fields = {k: v for k, v in fields.items() if k in ("strength", "description")}
    pairs = [(a, b)] if direction == "directed" else [(a, b), (b, a)]
    for source, target in pairs:
        existing = _first(
            store.rows(
                "tie", "source_id = ? AND target_id = ? AND kind = ?", (source, target, kind)
            )
        )
        if existing:
            merged = existing["tags"] + [tg for tg in tags if tg not in existing["tags"]]
            return w.update(
                "tie", existing["id"], {"direction": direction, "tags": merged, **fields}
            )
    return w.insert(
        "tie",
        {
            "source_id": a,
            "target_id": b,
            "kind": kind,
            "direction": direction,
            "tags": tags,
            **fields,
        },
    )


def _link(
    store: Store,
    w: Writer,
    table: str,
    actor_id: str,
    column: str,
    record_id: str,
    kind: str,
    tags: list[str],
) -> dict:
    existing = _first(
        store.rows(
            table, f"actor_id = ? AND {column} = ? AND kind = ?", (actor_id, record_id, kind)
        )
    )
    if existing:
        if tags:
            merged = existing["tags"] + [tg for tg in tags if tg not in existing["tags"]]
            return w.update(table, existing["id"], {"tags": merged})
        return existing
    return w.insert(table, {"actor_id": actor_id, column: record_id, "kind": kind, "tags": tags})


def _new_person(w: Writer, name: str, notices: list[str], lang: str) -> dict:
    """An actor made because a line names one the file does not have (and says so)."""
    notices.append(t("created_person", lang, name=name))
    return w.insert("actor", {"name": name, "type": "person", "consent": "internal"})


def _first(rows: list[dict]) -> dict | None:
    return rows[0] if rows else None

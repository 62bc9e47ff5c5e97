"""What a capture line will do, said before Enter: `describe` (the line alone) and `plan`
(the line against the file: new or updated, every field saved, defaults included, the record
each name resolves to, the persons it makes, or why it would be refused).

    plan(store, parse('i "Repair Café" #sociaal +Buurthuis De Kuil', store.context()))
    -> Plan(action="new", ..., resolved=[("Buurthuis De Kuil", "place", id, "Buurthuis De Kuil")])

Both are reads: the decisions come from `workshop.capture.resolve`, the same ones `record` applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from workshop import model
from workshop.capture.grammar import Capture
from workshop.capture.last import fill_last
from workshop.capture.resolve import (
    Later,
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
from workshop.file.store import Store
from workshop.i18n import UserError, pick, t
from workshop.model import KIND_LABELS, NAME_TABLE

# The fields shown as `word: value`, in this order (the vocabulary fields show their label).
SHOWN_AS_WORD = (
    "tel",
    "mail",
    "website",
    "description",
    "needs",
    "offers",
    "where",
    "groups",
    "address",
    "lat",
    "lon",
    "osm_id",
    "pseudonym",
)
_VOCABULARIES = {
    key: model.FIELDS[key].vocabulary()
    for key in ("kind", "theme", "type", "role", "sentiment", "consent", "tenure")
}


def describe(
    capture: Capture,
    lang: str,
    dimensions: tuple[model.Dimension, ...] = model.DEFAULT_DIMENSIONS,
    names: dict[str, str] | None = None,
) -> str:
    """One line saying what a capture is: `Plek · Buurthuis De Bron · buurthuis · C4`, with
    every field the line sets. `dimensions` are the file's sounding-board dimensions, for a
    participant's values; `names` maps a name as typed to what it resolved to."""
    names = names or {}
    shown = lambda name: names.get(name, name)  # noqa: E731
    en = lang != "nl"
    kind = str(capture.fields.get("kind", "note")) if capture.kind == "note" else capture.kind
    parts = [KIND_LABELS[kind][1 if en else 0]]
    f = capture.fields
    if capture.kind == "tie":
        arrow = {"directed": "→", "reversed": "←", "mutual": "↔", "undirected": "—"}
        parts.append(
            f"{shown(capture.name)} {arrow[capture.direction or 'directed']} "
            f"{shown(capture.target)}"
        )
        parts += capture.tie_words
    elif capture.kind == "card":
        parts.append(str(f["card_number"]))
    elif capture.kind == "session":
        parts.append(f.get("date") or ("today" if en else "vandaag"))
        parts += [str(f[k]) for k in ("venue", "facilitator") if f.get(k)]
        if f.get("table_name"):
            parts.append(f"{'table' if en else 'tafel'} {f['table_name']}")
        if f.get("consent"):
            label = model.CONSENT.label(f["consent"], lang)
            parts.append(t("plan_session_consent", lang, consent=label))
    elif capture.name:
        parts.append(capture.name)
    if capture.kind not in ("note", "tie", "card", "session"):
        status = model.BOARD_STATUSES if capture.kind == "candidate" else model.STATUSES
        for key, vocab in _VOCABULARIES.items():
            if f.get(key) and vocab and f[key] in vocab:
                parts.append(vocab.label(f[key], lang))
            if key == "theme" and f.get("status") and f["status"] in status:
                parts.append(status.label(f["status"], lang))
    if capture.cell:
        parts.append(capture.cell)
    parts += [
        _attribute_label(dimensions, key, value, lang) for key, value in capture.attributes.items()
    ]
    if "influence" in f:
        parts.append(f"!{f['influence']}")
    if "strength" in f:
        parts.append(f"!{f['strength']}")
    if "card_number" in f and capture.kind != "card":
        parts.append(f"{'card' if en else 'kaart'} {f['card_number']}")
    if "sticker" in f:
        parts.append(f"{model.FIELDS['sticker'].word_in(lang)} {f['sticker']}")
    for key in SHOWN_AS_WORD:
        if f.get(key) is not None and capture.kind != "session":
            value = shown(f[key]) if key == "where" else f[key]
            parts.append(f"{model.FIELDS[key].word_in(lang)}: {value}")
    for flag in ("ambassador", "startmotor"):
        if flag in f:
            term = model.FLAGS.lookup(flag)
            label = term.label(lang) if term else flag
            parts.append(label if f[flag] else f"{'not' if en else 'geen'} {label}")
    if capture.quote:
        parts.append(f"“{capture.quote}”")
    parts += [f"+{shown(name)}" for name in capture.actors]
    if capture.about:
        parts.append(f"~{shown(capture.about)}")
    if capture.said_by:
        parts.append(f"{model.FIELDS['said_by'].word_in(lang)}: {shown(capture.said_by)}")
    parts += [f"#{tag}" for tag in capture.tags]
    return " · ".join(parts)


def _attribute_label(
    dimensions: tuple[model.Dimension, ...], dimension: str, value: str, lang: str
) -> str:
    for dim in dimensions:
        if dim.key == dimension:
            term = next((v for v in dim.values if v.key == value), None)
            return term.label(lang) if term else value
    return value


@dataclass
class Resolved:
    typed: str  # the name as typed
    table: str  # where it was found: actor, place, initiative, participant
    id: str
    name: str  # the stored name


@dataclass
class Plan:
    """What Enter on this line will do, read from the file without writing."""

    capture: Capture
    action: str  # new, update, lookup (kaart N), session, refused
    summary: str  # `describe()` of the line, names as they resolve
    existing: dict | None = None  # the record it updates (for `kaart N`: the initiative)
    defaults: dict[str, Any] = field(default_factory=dict)  # saved though not typed
    new_actors: list[str] = field(default_factory=list)  # persons made because a line names them
    resolved: list[Resolved] = field(default_factory=list)
    refusal: UserError | None = None
    keeps: list[str] = field(default_factory=list)  # a session line: the venue... it keeps

    def text(self, lang: str) -> str:
        """The preview line: the summary, then what the file adds to it."""
        if self.refusal is not None:
            return f"{self.summary} · {self.refusal.message(lang)}"
        facts = [self.summary]
        if self.action == "update" and self.existing:
            facts.append(t("plan_update", lang, name=self.existing["name"]))
        elif self.action == "lookup":
            facts.append(
                t("plan_card", lang, name=self.existing["name"])
                if self.existing
                else t("plan_card_blank", lang)
            )
        if self.keeps:
            facts.append(t("plan_session_keeps", lang, what=", ".join(self.keeps)))
        if "card_number" in self.defaults:
            facts.append(t("card_ref", lang, number=self.defaults["card_number"]))
        if "consent" in self.defaults:
            facts.append(model.CONSENT.label(self.defaults["consent"], lang))
        for r in self.resolved:
            if r.name != r.typed or r.table not in ("actor",):
                facts.append(
                    t(
                        "plan_resolved",
                        lang,
                        typed=r.typed,
                        name=r.name,
                        kind=pick(KIND_LABELS[r.table], lang).lower(),
                    )
                )
        facts += [t("plan_new_person", lang, name=name) for name in self.new_actors]
        return " · ".join(facts)


def plan(store: Store, capture: Capture) -> Plan:
    """What `record(store, [capture])` would do now. A refusal the file decides (a name that
    is a place where an actor is needed, a card number taken) is in `refusal`."""
    ctx = store.context()
    lang = ctx.lang
    out = Plan(capture, "new", describe(capture, lang, ctx.dimensions))
    try:
        capture = out.capture = fill_last(capture, None, store, ctx)[0]
        _fill(store, capture, out, lang)
    except UserError as exc:
        out.action, out.refusal = "refused", exc
    except Later:  # only in a batch; a single line never waits
        pass
    names = {r.typed: r.name for r in out.resolved}
    out.summary = describe(capture, lang, ctx.dimensions, names)
    return out


def _fill(store: Store, cap: Capture, out: Plan, lang: str) -> None:
    if cap.kind == "session":
        out.action = "session"
        f = cap.fields
        if f.get("table_name") and not (f.get("venue") and f.get("facilitator")):
            date = f.get("date") or dt.date.today().isoformat()
            latest = store.rows("session", "date = ?", (date,), order="created DESC", limit=1)
            if latest:
                out.keeps = [
                    latest[0][k] for k in ("venue", "facilitator") if latest[0][k] and not f.get(k)
                ]
        return
    if cap.kind == "card":
        out.action = "lookup"
        out.existing = card_lookup(store, cap.fields["card_number"])
        return
    if cap.kind == "note":
        if cap.about:
            try:
                table, row = about(lookup(store, cap.about), lang, cap.about_table)
            except LookupError:
                raise UserError(
                    "not_found", name=cap.about, hint=hint(store, "place", cap.about, lang)
                ) from None
            out.resolved.append(Resolved(cap.about, table, row["id"], row["name"]))
        if cap.said_by:
            speaker = said_by(lookup(store, cap.said_by), lang)
            if speaker is None:
                out.new_actors.append(cap.said_by)
            else:
                table, row = speaker
                out.resolved.append(Resolved(cap.said_by, table, row["id"], row["name"]))
        return
    if cap.kind == "tie":
        decision = decide_tie(store, cap, lang)
        for name, actor in decision.actors:
            if actor is None:
                out.new_actors.append(name)
            else:
                out.resolved.append(Resolved(name, "actor", actor["id"], actor["name"]))
        if decision.record is not None:
            row = decision.record
            typed = next(
                n for n in (cap.name, cap.target) if n and n not in [a for a, _ in decision.actors]
            )
            out.resolved.append(Resolved(typed, decision.family, row["id"], row["name"]))
        return
    table = NAME_TABLE[cap.kind]
    assert cap.name is not None
    rows = store.find(table, cap.name)
    out.existing = rows[0] if rows else None
    out.action = "update" if out.existing else "new"
    if cap.fields.get("sticker") is not None:
        check_sticker(store, cap.fields["sticker"], table, (out.existing or {}).get("id"), lang)
    if cap.kind == "initiative":
        actors, place = decide_behind(store, cap, out.existing, lang)
        for who in actors:
            if who.actor is None:
                out.new_actors.append(who.name)
            else:
                out.resolved.append(Resolved(who.name, "actor", who.actor["id"], who.actor["name"]))
        if place is not None:
            typed = next(
                (
                    n
                    for n in [*cap.actors, cap.fields.get("where")]
                    if n and n not in [w.name for w in actors]
                ),
                place["name"],
            )
            out.resolved.append(Resolved(typed, "place", place["id"], place["name"]))
        number = cap.fields.get("card_number")
        if number is not None:
            holder = store.rows("initiative", "card_number = ?", (number,))
            if holder and holder[0]["norm"] != (out.existing or {}).get("norm"):
                raise UserError("card_taken", number=number, name=holder[0]["name"])
        elif out.existing is None:
            out.defaults["card_number"] = store.neighbourhood()["next_card"]
    if out.existing is None and "consent" not in cap.fields and table in model.MAY_HOLD_PERSON:
        kind = "person"
        if cap.kind == "actor":
            role = cap.fields.get("role")
            implied = (
                model.ROLES[role].implies if role is not None and role in model.ROLES else None
            )
            kind = cap.fields.get("type") or implied or "person"
        default = session_consent(store) if kind == "person" else None
        if default is not None:
            out.defaults["consent"] = default
        elif cap.kind == "actor":
            out.defaults["consent"] = "public" if kind == "organisation" else "internal"

"""Putting captures into the file: names resolved against what is there, one transaction.

`record(store, lines)` parses every line first (a bad line writes nothing), then applies them in
one transaction, each line its own undoable step. A name that matches an existing record after
normalising is reused and said so. Near-duplicates are a read before the write:
`near_duplicates` lets the TUI ask before a second "Buurthuis de Bron" is created, and the
command line prints `near_duplicate_notices`; the write path itself stays lean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop import model
from workshop.capture import Capture, Context, parse
from workshop.i18n import UserError, t
from workshop.store import Store, Writer
from workshop.text import normalise

TIE_FAMILIES = {
    "actor": model.ACTOR_TIE_KINDS,
    "initiative": model.INITIATIVE_TIE_KINDS,
    "place": model.PLACE_TIE_KINDS,
}
DEFAULT_TIE_KIND = {"actor": "knows", "initiative": "supports", "place": "meets_at"}
LINK_TABLE = {"initiative": "actor_initiative", "place": "actor_place"}
KIND_LABELS = {
    "place": ("Plek", "Place"), "initiative": ("Initiatief", "Initiative"),
    "actor": ("Actor", "Actor"), "tie": ("Verband", "Tie"), "note": ("Notitie", "Note"),
    "quote": ("Citaat", "Quote"), "participant": ("Deelnemer", "Participant"),
    "candidate": ("Kandidaat", "Candidate"), "session": ("Sessie", "Session"),
    "card": ("Kaart", "Card"),
}
NAME_TABLE = {"place": "place", "initiative": "initiative", "actor": "actor",
              "participant": "participant", "candidate": "candidate"}


@dataclass
class Outcome:
    kind: str
    id: str | None
    name: str | None
    created: bool
    summary: str
    notices: list[str] = field(default_factory=list)


def record(store: Store, lines: Iterable[str | Capture]) -> list[Outcome]:
    """Parse and apply capture lines as one transaction; UserError (naming the line when there
    are several) and nothing written when any line is refused."""
    ctx = store.context()
    lang = ctx.lang
    items = list(lines)
    captures: list[Capture] = []
    for number, item in enumerate(items, 1):
        try:
            captures.append(item if isinstance(item, Capture) else parse(item, ctx))
        except UserError as exc:
            raise _in_line(exc, number, len(items), lang) from None
    outcomes: list[Outcome] = []
    with store.write() as writer:
        for number, capture in enumerate(captures, 1):
            try:
                with writer.entry(capture.line):
                    outcomes.append(_apply(store, writer, capture, ctx))
            except UserError as exc:
                raise _in_line(exc, number, len(items), lang) from None
    return outcomes


def _in_line(exc: UserError, number: int, total: int, lang: str) -> UserError:
    if total == 1:
        return exc
    return UserError("in_line", number=number, message=exc.message(lang))


def near_duplicates(store: Store, capture: Capture) -> list[tuple[str, str, list[dict]]]:
    """The names this capture would newly create that resemble existing ones:
    (name as typed, table, similar records)."""
    wanted: list[tuple[str, str]] = []
    if capture.kind in NAME_TABLE and capture.name:
        wanted.append((capture.name, NAME_TABLE[capture.kind]))
    wanted += [(name, "actor") for name in capture.actors]
    if capture.kind == "tie":
        for name in (capture.name, capture.target):
            if name and not any(store.find(tb, name) for tb in ("actor", "initiative", "place")):
                wanted.append((name, "actor"))
    out = []
    for name, table in wanted:
        if store.find(table, name):
            continue
        similar = store.similar(table, name)
        if similar:
            out.append((name, table, similar))
    return out


def near_duplicate_notices(store: Store, capture: Capture) -> list[str]:
    """`near_duplicates` as lines to show where nobody can be asked (the command line)."""
    return [t("near_duplicate", store.lang, name=name, other=row["name"])
            for name, _, rows in near_duplicates(store, capture) for row in rows]


def describe(capture: Capture, lang: str,
             dimensions: tuple[model.Dimension, ...] = model.DEFAULT_DIMENSIONS) -> str:
    """One line saying what a capture is: `Plek · Buurthuis De Bron · buurthuis · C4`.
    `dimensions` are the file's sounding-board dimensions, for a participant's values."""
    kind = str(capture.fields.get("kind", "note")) if capture.kind == "note" else capture.kind
    parts = [KIND_LABELS[kind][0 if lang == "nl" else 1]]
    f = capture.fields
    if capture.kind == "tie":
        arrow = {"directed": "→", "reversed": "←", "mutual": "↔", "undirected": "—"}
        parts.append(f"{capture.name} {arrow[capture.direction or 'directed']} {capture.target}")
        parts += capture.tie_words
    elif capture.kind == "card":
        parts.append(str(f["card_number"]))
    elif capture.kind == "session":
        parts.append(f.get("date") or ("vandaag" if lang == "nl" else "today"))
        parts += [str(f[k]) for k in ("venue", "facilitator") if f.get(k)]
        if f.get("table_name"):
            parts.append(f"{'tafel' if lang == 'nl' else 'table'} {f['table_name']}")
    elif capture.name:
        parts.append(capture.name)
    vocabularies = [("kind", model.PLACE_KINDS), ("theme", model.THEMES),
                    ("status", model.STATUSES), ("type", model.ACTOR_TYPES),
                    ("role", model.ROLES), ("sentiment", model.SENTIMENTS),
                    ("consent", model.CONSENT)]
    for key, vocab in vocabularies:
        if capture.kind != "note" and f.get(key) and f[key] in vocab:
            parts.append(vocab.label(f[key], lang))
    if capture.cell:
        parts.append(capture.cell)
    parts += [_attribute_label(dimensions, key, value, lang)
              for key, value in capture.attributes.items()]
    if "influence" in f:
        parts.append(f"!{f['influence']}")
    parts += [f"+{name}" for name in capture.actors]
    if capture.about:
        parts.append(f"~{capture.about}")
    parts += [f"#{tag}" for tag in capture.tags]
    return " · ".join(parts)


def _summary(cap: Capture, ctx: Context) -> str:
    return describe(cap, ctx.lang, ctx.dimensions)


def _attribute_label(dimensions: tuple[model.Dimension, ...], dimension: str, value: str,
                     lang: str) -> str:
    for dim in dimensions:
        if dim.key == dimension:
            term = next((v for v in dim.values if v.key == value), None)
            return term.label(lang) if term else value
    return value


# --- applying one capture -----------------------------------------------------------------------


def _apply(store: Store, w: Writer, cap: Capture, ctx: Context) -> Outcome:
    if cap.kind == "session":
        f = cap.fields
        store.use_session(f.get("date") or dt.date.today().isoformat(), f.get("venue"),
                          f.get("table_name"), f.get("facilitator"))
        return Outcome("session", store.session_id, None, False, _summary(cap, ctx))
    if cap.kind == "card":
        number = cap.fields["card_number"]
        rows = store.rows("initiative", "card_number = ?", (number,))
        if not rows and number < store.neighbourhood()["next_card"]:
            raise UserError("card_blank", number=number)  # a blank card handed out
        if not rows:
            raise UserError("card_unknown", number=number)
        return Outcome("initiative", rows[0]["id"], rows[0]["name"], False,
                       f"{_summary(cap, ctx)} · {rows[0]['name']}")
    if cap.kind == "tie":
        return _apply_tie(store, w, cap, ctx)
    if cap.kind == "note":
        return _apply_note(store, w, cap, ctx)
    return _apply_named(store, w, cap, ctx)


def _apply_named(store: Store, w: Writer, cap: Capture, ctx: Context) -> Outcome:
    lang = ctx.lang
    table = NAME_TABLE[cap.kind]
    assert cap.name is not None
    notices: list[str] = []
    values = dict(cap.fields)
    if cap.cell:
        values["cell"] = cap.cell
    if cap.kind == "initiative":
        _initiative_values(store, cap, values, lang)
    existing = _first(store.find(table, cap.name))
    if cap.kind in ("participant", "candidate") and cap.attributes:
        values["attributes"] = {**(existing or {}).get("attributes", {}), **cap.attributes}
    if cap.tags:
        old = (existing or {}).get("tags", [])
        values["tags"] = old + [tag for tag in cap.tags if tag not in old]
    if cap.kind == "actor":
        _actor_values(values, existing)
    if existing:
        row = w.update(table, existing["id"], values)
        notices.append(t("updated_existing", lang, name=existing["name"]))
    else:
        if cap.kind == "initiative" and "card_number" not in values:
            values["card_number"] = store.take_card_number()
        row = w.insert(table, {"name": cap.name, **values})
    if cap.kind == "place" and cap.quote:
        w.insert("note", {"kind": "quote", "text": cap.quote, "about_table": "place",
                          "about_id": row["id"]})
    if cap.kind == "initiative":
        for name in cap.actors:
            actor = _actor_for(store, w, name, notices, lang)
            _link(w, "actor_initiative", actor["id"], "initiative_id", row["id"], "drives", [])
    if cap.kind == "participant":
        _attend(store, w, row["id"])
    return Outcome(table, row["id"], row["name"], existing is None, _summary(cap, ctx), notices)


def _initiative_values(store: Store, cap: Capture, values: dict, lang: str) -> None:
    where = values.pop("where", None)
    if where is not None:
        place = _first(store.find("place", where))
        if place is None:
            raise UserError("not_a_place", name=where, hint=_hint(store, "place", where, lang))
        values["place_id"] = place["id"]
    number = values.get("card_number")
    if number is not None:
        holder = _first(store.rows("initiative", "card_number = ?", (number,)))
        if holder and normalise(holder["name"]) != normalise(cap.name or ""):
            raise UserError("card_taken", number=number, name=holder["name"])
        store.take_card_number(number)


def _actor_values(values: dict, existing: dict | None) -> None:
    if "type" not in values and existing is None:
        role = values.get("role")
        implied = model.ROLES[role].implies if role is not None and role in model.ROLES else None
        values["type"] = implied or "person"
    if existing is None and "consent" not in values:
        values["consent"] = "public" if values["type"] == "organisation" else "internal"


def _attend(store: Store, w: Writer, participant_id: str) -> None:
    session = store.current_session()
    if not store.count("attendance", "participant_id = ? AND session_id = ?",
                       (participant_id, session)):
        w.insert("attendance", {"participant_id": participant_id, "session_id": session})


def _apply_note(store: Store, w: Writer, cap: Capture, ctx: Context) -> Outcome:
    lang = ctx.lang
    values = {"kind": cap.fields["kind"], "text": cap.name}
    if cap.about:
        for table in ("place", "initiative", "actor", "participant"):
            target = _first(store.find(table, cap.about))
            if target:
                values.update(about_table=table, about_id=target["id"])
                break
        else:
            hint = next((h for tb in ("place", "initiative", "actor")
                         if (h := _hint(store, tb, cap.about, lang)) != t("no_hint", lang)),
                        t("no_hint", lang))
            raise UserError("not_found", name=cap.about, hint=hint)
    row = w.insert("note", values)
    return Outcome("note", row["id"], None, True, _summary(cap, ctx))


def _apply_tie(store: Store, w: Writer, cap: Capture, ctx: Context) -> Outcome:
    lang = ctx.lang
    assert cap.name is not None and cap.target is not None
    source, target, direction = cap.name, cap.target, cap.direction or "directed"
    if direction == "reversed":
        source, target, direction = target, source, "directed"
    if normalise(source) == normalise(target):
        raise UserError("tie_to_self", name=source)
    family, kind, tags = _tie_kind(cap.tie_words)
    ends = {name: {tb: _first(store.find(tb, name)) for tb in ("actor", "initiative", "place")}
            for name in (source, target)}
    records_only = {name: not e["actor"] and (e["initiative"] or e["place"])
                    for name, e in ends.items()}
    if family is None:
        family = "actor"
        for name, e in ends.items():
            if records_only[name]:
                if e["initiative"] and e["place"]:
                    raise UserError("ambiguous", name=name,
                                    kinds=_kinds_text(["initiative", "place"], lang))
                family = "initiative" if e["initiative"] else "place"
                break
    notices: list[str] = []
    if family == "actor":
        for name in (source, target):
            if records_only[name]:
                other = "initiative" if ends[name]["initiative"] else "place"
                raise _mismatch(cap, "actor", other, lang)
        a = _actor_for(store, w, source, notices, lang)
        b = _actor_for(store, w, target, notices, lang)
        row = upsert_tie(store, w, a["id"], b["id"], kind or "knows", direction, tags,
                         cap.fields)
        return Outcome("tie", row["id"], None, True, _summary(cap, ctx), notices)
    record_name = next((n for n in (target, source) if ends[n][family]), None)
    if record_name is None:
        raise UserError("not_found", name=target, hint=_hint(store, family, target, lang))
    actor_name = source if record_name == target else target
    if records_only[actor_name]:
        raise UserError("tie_no_actor", source=source, target=target)
    actor = _actor_for(store, w, actor_name, notices, lang)
    record_row = ends[record_name][family]
    assert record_row is not None  # record_name was chosen because it has one
    row = _link(w, LINK_TABLE[family], actor["id"], f"{family}_id", record_row["id"],
                kind or DEFAULT_TIE_KIND[family], tags)
    return Outcome(LINK_TABLE[family], row["id"], None, True, _summary(cap, ctx), notices)


def _tie_kind(words: list[str]) -> tuple[str | None, str | None, list[str]]:
    family = kind = None
    tags: list[str] = []
    for word in words:
        for name, vocab in TIE_FAMILIES.items():
            term = vocab.lookup(word)
            if term and kind is None:
                family, kind = name, term.key
                break
        else:
            tags.append(word)
    return family, kind, tags


def _mismatch(cap: Capture, family: str, other: str, lang: str) -> UserError:
    vocab = TIE_FAMILIES[other]
    return UserError("tie_kind_mismatch", word=cap.tie_words[0] if cap.tie_words else "",
                     a=_kinds_text(["actor"], lang), b=_kinds_text([other], lang),
                     choices=", ".join(vocab.words(lang)))


def _kinds_text(kinds: list[str], lang: str) -> str:
    return " / ".join(KIND_LABELS[k][0 if lang == "nl" else 1].lower() for k in kinds)


def upsert_tie(store: Store, w: Writer, a: str, b: str, kind: str, direction: str,
               tags: list[str], fields: dict) -> dict:
    """The tie a -> b of this kind, created or updated (for a non-directed tie, b -> a too)."""
    fields = {k: v for k, v in fields.items() if k in ("strength", "description")}
    pairs = [(a, b)] if direction == "directed" else [(a, b), (b, a)]
    for source, target in pairs:
        existing = _first(store.rows("tie", "source_id = ? AND target_id = ? AND kind = ?",
                                     (source, target, kind)))
        if existing:
            merged = existing["tags"] + [tg for tg in tags if tg not in existing["tags"]]
            return w.update("tie", existing["id"],
                            {"direction": direction, "tags": merged, **fields})
    return w.insert("tie", {"source_id": a, "target_id": b, "kind": kind,
                            "direction": direction, "tags": tags, **fields})


def _link(w: Writer, table: str, actor_id: str, column: str, record_id: str, kind: str,
          tags: list[str]) -> dict:
    existing = _first(w.store.rows(table, f"actor_id = ? AND {column} = ? AND kind = ?",
                                   (actor_id, record_id, kind)))
    if existing:
        if tags:
            merged = existing["tags"] + [tg for tg in tags if tg not in existing["tags"]]
            return w.update(table, existing["id"], {"tags": merged})
        return existing
    return w.insert(table, {"actor_id": actor_id, column: record_id, "kind": kind,
                            "tags": tags})


def _actor_for(store: Store, w: Writer, name: str, notices: list[str], lang: str) -> dict:
    existing = _first(store.find("actor", name))
    if existing:
        return existing
    notices.append(t("created_person", lang, name=name))
    return w.insert("actor", {"name": name, "type": "person", "consent": "internal"})


def _hint(store: Store, table: str, name: str, lang: str) -> str:
    similar = store.similar(table, name, limit=1)
    if similar:
        return t("did_you_mean", lang, name=similar[0]["name"])
    return t("no_hint", lang)


def _first(rows: list[dict]) -> dict | None:
    return rows[0] if rows else None

"""Editing and deleting records by form, headless: what the TUI's forms call.

    values = validate(store, "place", {"name": "Buurthuis De Kuil", "cell": "c4"}, id)
    save(store, "place", values, id)        # one undoable step
    delete(store, "actor", id)              # the actor, its ties and links: one undoable step

A field the capture line has is checked by that field's own parse function (the one field
table, `workshop.model.FIELDS`): Dutch or English words or the stored keys, the same bounds, and
the same reason when it is refused, with the form's label in front. So a form can never put
into the file what a capture line could not.
"""

from __future__ import annotations

from typing import Any

from workshop import model
from workshop.capture.forms import Field, fields_for
from workshop.capture.grammar import MAX_LINE
from workshop.capture.resolve import SAID_BY_TABLES, check_sticker
from workshop.file.store import Store
from workshop.i18n import UserError, pick, t
from workshop.model import (
    KIND_LABELS,
    LINK_TABLES,
    NAMED_TABLES,
    NOTE_TARGET_TABLES,
    REFERENCES,
    dimension_value,
    kind_word,
)
from workshop.text import one_line

ABOUT_TABLES = NOTE_TARGET_TABLES
# What goes with a record when it is deleted: rows pointing at it that mean nothing without it
# (its required references); rows that only lose their pointer (an initiative stays when its
# place goes).
CASCADE: dict[str, tuple[tuple[str, str], ...]] = {}
UNLINK: dict[str, tuple[tuple[str, str], ...]] = {}
for (_table, _column), (_target, _required) in REFERENCES.items():
    _into = CASCADE if _required else UNLINK
    _into[_target] = (*_into.get(_target, ()), (_table, _column))
SESSION_TABLES = ("place", "initiative", "actor", "participant", "note") + LINK_TABLES


# The key of a form's refusal, by the rule's type; the message is the rule's own reason.
_REFUSED = {
    "int": "edit_bad_int",
    "coordinate": "edit_bad_number",
    "choice": "edit_bad_choice",
    "bool": "edit_bad_choice",
    "date": "bad_date",
}


class FieldError(UserError):
    """A value a person typed into one field of a form; `field` says which. With `refusal`
    (the capture line's reason for the same value), the message is the label and that reason."""

    def __init__(self, where: str, key: str, /, refusal: UserError | None = None, **params: Any):
        super().__init__(key, **params)
        self.field = where
        self.refusal = refusal

    def message(self, lang: str = "nl") -> str:
        if self.refusal is None:
            return super().message(lang)
        reason = self.refusal.message(lang)
        return t("edit_bad_text", lang, field=self.params["field"], message=reason)


def validate(store: Store, table: str, raw: dict[str, Any], id: str | None = None) -> dict:
    """The column values for what a form holds; FieldError for the first bad field. Only the
    fields present in `raw` are looked at."""
    lang = store.lang
    current = store.get(table, id) if id else None
    if id and current is None:
        raise UserError("edit_gone")
    out: dict[str, Any] = {}
    attributes = dict((current or {}).get("attributes") or {})
    for field in fields_for(store, table):
        if field.name not in raw:
            continue
        value = _check(store, field, raw[field.name], current or {}, lang)
        if field.kind == "dim":
            if value is None:
                attributes.pop(field.name[4:], None)
            else:
                attributes[field.name[4:]] = value
            out["attributes"] = attributes
        elif field.kind == "about":
            out["about_table"], out["about_id"] = value or (None, None)
        elif field.kind == "said_by":
            out["said_by_table"], out["said_by_id"] = value or (None, None)
        else:
            out[field.name] = value
    if table in NAMED_TABLES and "name" in out:
        for other in store.find(table, out["name"]):
            if other["id"] != id:
                raise FieldError(
                    "name", "edit_name_taken", kind=kind_word(table, lang), name=other["name"]
                )
    if table == "initiative" and out.get("card_number") is not None:
        holder = store.rows("initiative", "card_number = ?", (out["card_number"],))
        if holder and holder[0]["id"] != id:
            raise FieldError(
                "card_number", "card_taken", number=out["card_number"], name=holder[0]["name"]
            )
    if out.get("sticker") is not None and out["sticker"] != (current or {}).get("sticker"):
        try:  # an unchanged sticker is no new claim: the form shows every field it has
            check_sticker(store, out["sticker"], table, id, lang)
        except UserError as exc:
            raise FieldError("sticker", exc.key, **exc.params) from None
    return out


def _check(store: Store, field: Field, value: Any, current: dict, lang: str) -> Any:
    label = field.label(lang)
    if field.kind == "bool":
        if not isinstance(value, str):
            return bool(value)
        if not value.strip():
            return False
        return _by_rule(field, value.strip(), lang)
    text = "" if value is None else str(value)
    if "\x00" in text:
        raise FieldError(field.name, "edit_bad_text", field=label, message=t("nul_char", lang))
    if len(text) > MAX_LINE:
        raise FieldError(
            field.name,
            "edit_bad_text",
            field=label,
            message=t("text_too_long", lang, length=len(text), limit=MAX_LINE),
        )
    if not text.strip():
        if field.required:
            raise FieldError(field.name, "edit_required", field=label)
        return [] if field.kind == "tags" else None
    kind = field.kind
    if kind == "long":
        return text.strip("\n")
    text = text.strip()
    if kind == "text":
        return text
    if field.rule is not None and field.rule.type in _REFUSED:
        if field.rule.type == "choice":
            kept = current.get(field.name)
            if kept == text and field.vocab and field.vocab.lookup(text) is None:
                return text  # a value from an import, kept as it was
        return _by_rule(field, text, lang)
    if kind == "choice" or kind == "dim":
        return _choice(field, text, current, lang)
    if kind == "cell":
        cell = store.grid.parse_cell(text)
        if cell is None:
            raise FieldError(field.name, "bad_cell", cell=text, last=store.grid.last_cell)
        return cell
    if kind == "tags":
        tags: list[str] = []
        for part in text.split(","):
            tag = one_line(part.strip().removeprefix("#"), MAX_LINE)
            if tag and tag not in tags:
                tags.append(tag)
        return tags
    if kind == "place":
        found = store.find("place", text)
        if not found:
            raise FieldError(
                field.name, "not_a_place", name=text, hint=_hint(store, "place", text, lang)
            )
        return found[0]["id"]
    if kind == "about":
        for table in ABOUT_TABLES:
            found = store.find(table, text)
            if found:
                return table, found[0]["id"]
        raise FieldError(field.name, "not_found", name=text, hint=_hint(store, "actor", text, lang))
    if kind == "said_by":
        return _speaker(store, field, text, lang)
    raise ValueError(f"unknown field kind {kind}")


def _speaker(store: Store, field: Field, text: str, lang: str) -> tuple[str, str]:
    """Who said a note, as the line's `door:NAME` finds them: a participant, else an actor.
    A form makes nobody new: a name that is not in the file is refused with a near one."""
    for table in SAID_BY_TABLES:
        found = store.find(table, text)
        if found:
            return table, found[0]["id"]
    for table in NAMED_TABLES:
        if store.find(table, text):
            raise FieldError(
                field.name, "said_by_not_person", name=text, kind=kind_word(table, lang)
            )
    raise FieldError(field.name, "not_found", name=text, hint=_hint(store, "actor", text, lang))


def _choice(field: Field, text: str, current: dict, lang: str) -> str:
    if field.dimension is not None:  # a `dim:` field of the capture line: its rule and reason
        try:
            return dimension_value(field.dimension, text, lang)
        except UserError as exc:
            if (current.get("attributes") or {}).get(field.name[4:]) == text:
                return text  # a value from an import, kept as it was
            label = field.label(lang)
            raise FieldError(field.name, "edit_bad_choice", refusal=exc, field=label) from None
    assert field.vocab is not None
    term = field.vocab.lookup(text)
    if term is not None:
        return term.key
    if current.get(field.name) == text:  # a value from an import, kept as it was
        return text
    # A word of an open vocabulary (a place's kind, a theme, a role): the line keeps it as a
    # tag, a form has its own tags field and asks for a word it knows.
    raise FieldError(
        field.name,
        "edit_bad_choice",
        field=field.label(lang),
        value=text,
        choices=", ".join(label for _, label in field.choices(lang)),
    )


def _by_rule(field: Field, text: str, lang: str) -> Any:
    """The value by the capture line's rule for this field; its reason when it refuses."""
    assert field.rule is not None
    try:
        return field.rule.parse(text, lang, field.record)
    except UserError as exc:
        key = _REFUSED[field.rule.type]
        raise FieldError(field.name, key, refusal=exc, field=field.label(lang)) from None


def _hint(store: Store, table: str, name: str, lang: str) -> str:
    similar = store.similar(table, name, limit=1)
    return t("did_you_mean", lang, name=similar[0]["name"]) if similar else t("no_hint", lang)


def save(store: Store, table: str, values: dict, id: str | None = None) -> dict:
    """Write validated values: an update of record `id`, or a new record. One undoable step,
    named in the history by what it changed."""
    lang = store.lang
    with store.write() as w:
        if id is None:
            values = dict(values)
            if table == "initiative" and values.get("card_number") is None:
                values["card_number"] = w.take_card_number()
            elif table == "initiative":
                w.take_card_number(values["card_number"])
            what = describe(store, table, values, lang)
            with w.entry(t("edit_line_created", lang, what=what)):
                return w.insert(table, values)
        if store.get(table, id) is None:
            raise UserError("edit_gone")
        if table == "initiative" and values.get("card_number") is not None:
            w.take_card_number(values["card_number"])
        what = describe(store, table, {**(store.get(table, id) or {}), **values}, lang)
        with w.entry(t("edit_line_edited", lang, what=what)):
            return w.update(table, id, values)


def delete(store: Store, table: str, id: str) -> int:
    """Delete a record with what hangs on it (an actor's ties and links, a participant's
    attendance; notes about it are kept, no longer tied to it) as one undoable step.
    Returns the number of rows deleted."""
    lang = store.lang
    row = store.get(table, id)
    if row is None:
        raise UserError("edit_gone")
    removed = 0
    with (
        store.write() as w,
        w.entry(t("edit_line_deleted", lang, what=describe(store, table, row, lang))),
    ):
        for other, column in CASCADE.get(table, ()):
            for linked in store.rows(other, f"{column} = ?", (id,)):
                w.delete(other, linked["id"])
                removed += 1
        for other, column in UNLINK.get(table, ()):
            for linked in store.rows(other, f"{column} = ?", (id,)):
                w.update(other, linked["id"], {column: None})
        if table in ABOUT_TABLES:
            for note in store.rows("note", "about_table = ? AND about_id = ?", (table, id)):
                w.update("note", note["id"], {"about_table": None, "about_id": None})
        w.delete(table, id)
        removed += 1
    return removed


def dependents(store: Store, table: str, id: str) -> int:
    """How many rows `delete` would take along with the record."""
    return sum(
        store.count(other, f"{column} = ?", (id,)) for other, column in CASCADE.get(table, ())
    )


def describe(store: Store, table: str, row: dict, lang: str) -> str:
    """One line naming a record: `Plek · Buurthuis De Kuil · buurthuis · C4`."""
    label = pick(
        KIND_LABELS.get(table if table not in LINK_TABLES else "tie", (table, table)), lang
    )
    parts = [label]
    if table in LINK_TABLES:
        parts.append(link_text(store, table, row, lang))
    elif table == "note":
        parts[0] = pick(KIND_LABELS["quote" if row.get("kind") == "quote" else "note"], lang)
        parts.append(one_line(row.get("text") or "", 60))
    elif table == "session":
        parts += [str(row[k]) for k in ("date", "venue", "table_name") if row.get(k)]
    else:
        parts.append(one_line(row.get("name") or "", 80))
        vocab = {
            "place": ("kind", model.PLACE_KINDS),
            "initiative": ("theme", model.THEMES),
            "actor": ("role", model.ROLES),
        }.get(table)
        if vocab and row.get(vocab[0]):
            parts.append(vocab[1].label(row[vocab[0]], lang))
        if row.get("cell"):
            parts.append(row["cell"])
    return " · ".join(parts)


def link_text(store: Store, table: str, row: dict, lang: str) -> str:
    """`Jan → Piet · kent`, for a tie or an actor's link to an initiative or place."""

    def name(tb: str, key: str) -> str:
        other = store.get(tb, row.get(key) or "")
        return one_line(other["name"], 60) if other else "?"

    if table == "tie":
        arrow = {"directed": "→", "mutual": "↔", "undirected": "—"}.get(
            row.get("direction") or "", "→"
        )
        ends = f"{name('actor', 'source_id')} {arrow} {name('actor', 'target_id')}"
        vocab = model.ACTOR_TIE_KINDS
    elif table == "actor_initiative":
        ends = f"{name('actor', 'actor_id')} → {name('initiative', 'initiative_id')}"
        vocab = model.INITIATIVE_TIE_KINDS
    else:
        ends = f"{name('actor', 'actor_id')} → {name('place', 'place_id')}"
        vocab = model.PLACE_TIE_KINDS
    kind = vocab.label(row.get("kind"), lang) if row.get("kind") else ""
    return f"{ends} · {kind}" if kind else ends


# --- sessions ------------------------------------------------------------------------------


def name_session(store: Store, session_id: str | None, raw: dict[str, Any]) -> dict:
    """Give the running session its venue, table and facilitator (or another date). Not an
    undoable step: undo stays about captures. Without a session yet (none is made until
    something is captured), the form is checked first and today's session made with it, so
    a refused form leaves no empty meeting behind."""
    values = validate(store, "session", raw, session_id)
    with store.write() as w:
        session_id = session_id or w.current_session()
        row = w.update("session", session_id, values)
    store.session_id = session_id
    return row


def sessions(store: Store) -> list[dict]:
    """Every session, newest first, with how many records were captured in it."""
    rows = store.rows("session", order="date DESC, created DESC")
    for row in rows:
        row["captures"] = sum(
            store.count(table, "session_id = ?", (row["id"],)) for table in SESSION_TABLES
        )
    return rows

"""Many records at once, headless: what the lists' selection calls.

    settable(store, ["actor"])                                  # the fields it can set
    set_field(store, [("actor", id1), ("actor", id2)], "consent", "geen")  # one undoable step
    plan = fold_plan(store, "actor", keep_id, fold_id)          # what folding will do
    fold(store, plan)                                           # one undoable step

Each value is checked by `edit.validate`, the forms' check (so by the capture line's rule for
that field): a value one record refuses is refused for all, with that record named, and
nothing is written. Folding is `merge --join`'s fold (`workshop.file.duplicates`): links and
notes move to the record kept, its empty fields are filled from the other, the stricter consent
stays; the other record goes, with a tombstone so a merge does not bring it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workshop import model
from workshop.capture import edit
from workshop.capture.forms import Field, fields_for
from workshop.file import duplicates
from workshop.file.store import Store
from workshop.i18n import UserError, plural, t
from workshop.model import LINK_TABLES
from workshop.text import one_line

# What a selection can set, in the order offered.
BULK_FIELDS = ("consent", "cell", "kind", "role", "theme", "status")
FOLDABLE = duplicates.FOLDABLE


def settable(store: Store, tables: Iterable[str]) -> list[Field]:
    """The fields of BULK_FIELDS that every one of `tables` has, with the same words (a tie's
    kind and a link's kind are different vocabularies: not both at once)."""
    chosen = sorted(set(tables))
    if not chosen:
        return []
    by_table = [{f.name: f for f in fields_for(store, table)} for table in chosen]
    out = []
    for name in BULK_FIELDS:
        found = [fields.get(name) for fields in by_table]
        first = found[0]
        if first is not None and all(f is not None and f.vocab is first.vocab for f in found):
            out.append(first)
    return out


def set_field(store: Store, records: Sequence[tuple[str, str]], name: str, value: str) -> int:
    """Set field `name` of every record to `value` (a word the form takes: Dutch, English or
    the stored key; a cell; empty clears a field that may be empty), as one undoable step.
    Returns how many records changed (a record that has the value already is left alone)."""
    lang = store.lang
    tables = {table for table, _ in records}
    fields = {f.name: f for f in settable(store, tables)}
    if name not in fields:
        raise UserError("bulk_no_field", field=name)
    ids: dict[str, list[str]] = {}
    for table, id_ in dict.fromkeys(records):  # a record chosen twice is set once
        ids.setdefault(table, []).append(id_)
    checked: dict[str, dict] = {}  # the value does not depend on the record: once a table
    for table, wanted in ids.items():
        try:
            checked[table] = edit.validate(store, table, {name: value})
        except UserError as exc:
            what = edit.describe(store, table, store.get(table, wanted[0]) or {}, lang)
            raise UserError("bulk_refused", what=what, message=exc.message(lang)) from None
        if _missing(store, table, wanted):
            raise UserError("edit_gone")
    first = next(iter(checked.values()))
    line = t(
        "bulk_line",
        lang,
        what=counted(tables, len(records), lang),
        field=fields[name].label(lang),
        value=shown_value(fields[name], first.get(name), lang),
    )
    # One transaction, one undoable step; the writer reads and writes the rows in batches
    # and leaves alone a record that has the value already.
    with store.write() as w, w.entry(line):
        return sum(
            w.update_many(table, [(id_, checked[table]) for id_ in wanted])
            for table, wanted in ids.items()
        )


def _missing(store: Store, table: str, ids: list[str]) -> bool:
    """Whether a record of `ids` is gone (deleted at another table since it was chosen)."""
    found = 0
    for start in range(0, len(ids), 500):  # below SQLite's limit on parameters
        batch = ids[start : start + 500]
        marks = ", ".join("?" for _ in batch)
        found += store.count(table, f"id IN ({marks})", tuple(batch))
    return found < len(ids)


def shown_value(field: Field, value: object, lang: str) -> str:
    """A stored value as a person reads it: a vocabulary's word, a cell, or "(leeg)"."""
    if value in (None, "", []):
        return t("bulk_empty", lang)
    if field.vocab is not None and isinstance(value, str):
        return field.vocab.label(value, lang)
    return str(value)


def counted(tables: set[str], count: int, lang: str) -> str:
    """`12 actoren`, `3 verbanden`; `5 records` of several kinds."""
    kinds = {"tie" if table in LINK_TABLES else table for table in tables}
    if len(kinds) == 1:
        return plural(f"n_{kinds.pop()}", count, lang)
    return plural("n_record", count, lang)


# --- folding two records into one -----------------------------------------------------------


@dataclass(frozen=True)
class FoldPlan:
    table: str
    keep: dict
    fold: dict
    moved: int  # links, ties and notes that will point at the record kept
    filled: list[str] = field(default_factory=list)  # labels of the fields filled in
    consent: str | None = None  # the consent the kept record ends with, when it changes

    def swapped(self, store: Store) -> FoldPlan:
        """The same two records, the other one kept."""
        return fold_plan(store, self.table, self.fold["id"], self.keep["id"])


def fold_plan(store: Store, table: str, keep_id: str, fold_id: str) -> FoldPlan:
    """What folding `fold_id` into `keep_id` will do, to say before it is done."""
    if table not in FOLDABLE:
        raise UserError("fold_not_here", kind=model.kind_word(table, store.lang))
    if keep_id == fold_id:
        raise UserError("fold_two")
    keep, fold_row = store.get(table, keep_id), store.get(table, fold_id)
    if keep is None or fold_row is None:
        raise UserError("edit_gone")
    if table == "actor" and keep["type"] != fold_row["type"]:
        raise UserError("fold_types")
    values = duplicates.fold_values(table, keep, fold_row)
    labels = {f.name: f.label(store.lang) for f in fields_for(store, table)}
    filled = [
        labels[k] for k, v in values.items() if k in labels and k != "consent" and keep.get(k) != v
    ]
    moved = sum(
        store.count(ref_table, f"{column} = ?", (fold_id,))
        for ref_table, column in duplicates.references_to(table)
    )
    moved += store.count("note", "about_id = ?", (fold_id,))
    consent = values.get("consent")
    return FoldPlan(
        table,
        keep,
        fold_row,
        moved,
        filled,
        consent if consent != keep.get("consent") else None,
    )


def fold(store: Store, plan: FoldPlan) -> None:
    """Fold as planned, in one undoable step."""
    lang = store.lang
    line = t(
        "fold_line",
        lang,
        fold=one_line(plan.fold["name"], 60),
        keep=edit.describe(store, plan.table, plan.keep, lang),
    )
    duplicates.fold(store, plan.table, plan.keep["id"], plan.fold["id"], line)


def describe_fold(plan: FoldPlan, lang: str) -> tuple[str, str]:
    """The question and what it will do, for the confirmation."""
    question = t(
        "fold_question",
        lang,
        fold=one_line(plan.fold["name"], 50),
        keep=one_line(plan.keep["name"], 50),
    )
    keep = one_line(plan.keep["name"], 50)
    parts = [plural("fold_moves", plan.moved, lang, name=keep) if plan.moved else ""]
    parts[0] = parts[0] or t("fold_moves_none", lang)
    if plan.filled:
        parts.append(t("fold_fills", lang, fields=", ".join(plan.filled)))
    if plan.consent is not None:
        parts.append(t("fold_consent", lang, consent=model.CONSENT.label(plan.consent, lang)))
    if plan.table == "initiative" and plan.fold.get("card_number") is not None:
        number = plan.keep.get("card_number")
        if number is not None:
            parts.append(t("fold_card", lang, gone=plan.fold["card_number"], number=number))
    parts.append(t("fold_gone", lang, fold=one_line(plan.fold["name"], 50)))
    return question, " ".join(parts)

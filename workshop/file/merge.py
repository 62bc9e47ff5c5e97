"""`workshop merge`: the files of several table laptops into one, by UUID, field by field.

A record new to the target is copied with the times of its fields. For a record both files
hold, every field is decided on its own: each field carries when it last changed
(`field_times`, kept by the writer; a field without a time last changed when the record was
created), and the value with the later time wins. So when one laptop changed what an
initiative does and another what it needs, both edits survive. Where both times are equal
and the values differ (a change made by a program that kept no field times), the copy whose
record was updated later wins, as merges did before. Merging the same file twice changes
nothing: the second time every field has the same value, or the target's is the newer.

**A conflict** is the same field changed on both sides. The files do not record what the
other laptop held when they were copied from each other (there is no common ancestor to
compare with), so a conflict is defined as: *both sides changed the field after the record
was created (both field times later than `created`), and the values differ.* The newer value
is kept; the report names the record, the field, the value kept and the value set aside. A
laptop that merged the other's file and then edited the same field on top of it shows as a
conflict too: a conflict may be reported that a person would not call one, but no edit is set
aside without a word.

Records joined into another or forgotten here (tombstones) never come back, and references to
a joined record follow it. Two initiatives that got the same card number at different tables:
the one already here keeps it, the incoming one gets the next number after the highest in
use (or the file's counter, if that is higher: blank cards printed with those numbers). A
source is checked before anything is merged: not SQLite, not ours, from a newer version,
truncated or failing SQLite's integrity check, it is refused in one line and nothing is
merged. Near-duplicates are found in `workshop.file.duplicates`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workshop import model
from workshop.file import access as files
from workshop.file import card_photos, merge_ids
from workshop.file.duplicates import JOINABLE, PAIR_SCORE, Pair, find_pairs, join_pairs
from workshop.file.rows import decode_row
from workshop.file.schema import FIELD_TIME_SKIP, FIELD_TIME_TABLES
from workshop.file.store import Store, Writer
from workshop.i18n import UserError, t
from workshop.outputs import atomic_output
from workshop.text import normalise

__all__ = [
    "JOINABLE",
    "PAIR_SCORE",
    "Conflict",
    "MergeReport",
    "find_pairs",
    "join_pairs",
    "merge",
    "open_source",
    "write_report",
]

# In dependency order, so every reference points at a row that is already there.
TABLES = FIELD_TIME_TABLES
# Not decided field by field: the record keeps its session, and its card number here.
KEPT_HERE = FIELD_TIME_SKIP | {"session_id", "card_number"}
REFERENCES = (
    "session_id",
    "place_id",
    "initiative_id",
    "actor_id",
    "source_id",
    "target_id",
    "participant_id",
    "about_id",
    "said_by_id",
)


@dataclass(frozen=True)
class Conflict:
    """One field changed in both files: `kept` is the newer value, `other` the one set aside."""

    table: str
    record: str  # how a person recognises the record
    field: str
    kept: object
    other: object
    kept_from: str  # the file the kept value came from
    other_from: str


@dataclass
class MergeReport:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)  # records with a field changed
    fields: int = 0  # fields changed in records that were already here
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[tuple[str, int, int]] = field(default_factory=list)  # name, from, to
    pairs: list[Pair] = field(default_factory=list)  # table, keep, fold
    # records of a source with the made-up id of another record here, merged under a new id
    kept_apart: list[tuple[str, merge_ids.KeptApart]] = field(default_factory=list)
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def count_update(self, table: str, id_: str, fields: int) -> None:
        """A record here changed by a source (counted once, however many sources change it)."""
        self.fields += fields
        if (table, id_) not in self._seen:
            self._seen.add((table, id_))
            self.updated[table] = self.updated.get(table, 0) + 1

    @property
    def changed(self) -> int:
        return sum(self.added.values()) + sum(self.updated.values())


def merge(target: Store, sources: list[Path]) -> MergeReport:
    """Merge every source into the target in one transaction (one undoable step). Every
    source is checked first; one that cannot be merged stops it before anything changes."""
    report = MergeReport()
    opened = []
    try:
        for path in sources:
            source = open_source(path, target)
            opened.append(source)
            _same_neighbourhood(target, source)
        merging: Store | None = None
        try:
            with target.write() as w, w.entry("merge " + " ".join(p.name for p in sources)):
                for merging in opened:
                    _merge_one(target, w, merging, report)
                merging = None  # what fails now (the commit) fails for all of them
        except sqlite3.Error as exc:
            names = str(merging.path) if merging else ", ".join(str(p) for p in sources)
            # A broken reference is the sources' doing and said as SQLite says it; anything
            # else is the target's disk or file, said as what it is (a full disk is no damage).
            detail = (
                str(exc)
                if isinstance(exc, sqlite3.IntegrityError)
                else files.sqlite_error(target.path, exc).message(target.lang)
            )
            raise UserError(
                "merge_failed", path=names, target=str(target.path), detail=detail
            ) from None
    finally:
        for source in opened:
            source.close()
    report.pairs = find_pairs(target)
    return report


def open_source(path: Path, target: Store) -> Store:
    """A source opened read-only after checking it whole; a one-line refusal otherwise."""
    try:
        source = Store.open(path, readonly=True)
    except UserError as exc:
        raise UserError(
            "merge_source_refused", target=str(target.path), reason=exc.message(target.lang)
        ) from None
    try:
        result = source.conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    except sqlite3.Error as exc:
        source.close()
        reason = files.sqlite_error(Path(path), exc).message(target.lang)
        raise UserError("merge_source_refused", target=str(target.path), reason=reason) from None
    if result != "ok":
        source.close()
        detail = " ".join(result.replace("*** in database main ***", "").split())
        reason = UserError("file_damaged", path=str(path), detail=detail).message(target.lang)
        raise UserError("merge_source_refused", target=str(target.path), reason=reason)
    return source


def _same_neighbourhood(target: Store, source: Store) -> None:
    a, b = target.neighbourhood(), source.neighbourhood()
    same_id = a["id"] == b["id"]
    same_name = (normalise(a["name"]), normalise(a["municipality"] or "")) == (
        normalise(b["name"]),
        normalise(b["municipality"] or ""),
    )
    if not (same_id or same_name):
        raise UserError(
            "merge_other_neighbourhood", path=str(source.path), other=b["name"], name=a["name"]
        )


def _merge_one(target: Store, w: Writer, source: Store, report: MergeReport) -> None:
    # id -> the id it was joined into, or None when it was forgotten
    tombstones = {r["id"]: r["kept_id"] for r in target.rows("tombstone")}
    here, there = target.path.name, source.path.name
    fit = _Fit(target, w)
    ids = merge_ids.Ids(target, source, TABLES)
    report.kept_apart += [(there, kept) for kept in ids.kept_apart]
    for table in TABLES:
        # Rows as stored (JSON as text): most are copied as they are, and decoding 20,000
        # rows to encode them again costs more than the copy.
        current_rows = {r["id"]: r for r in _raw_rows(target, table)}
        fields = [c for c in target.columns(table) if c not in KEPT_HERE]
        new_rows = []
        for stored in _raw_rows(source, table):
            raw = ids.row(table, stored)
            if raw["id"] in tombstones:
                continue
            row = _follow(raw, tombstones)
            if row is None:
                continue  # it points at someone who was forgotten here
            current = current_rows.get(row["id"])
            if current is None:
                fitted = fit(table, row, report)
                if fitted is not None:
                    new_rows.append(fitted)
                continue
            if current == row:
                continue
            mine, theirs = decode_row(current), decode_row(row)
            values, times, conflicts = _resolve(mine, theirs, fields)
            for name, theirs_won in conflicts:
                kept, other = (theirs, mine) if theirs_won else (mine, theirs)
                report.conflicts.append(
                    Conflict(
                        table,
                        _label(target, table, mine),
                        name,
                        kept=kept.get(name),
                        other=other.get(name),
                        kept_from=there if theirs_won else here,
                        other_from=here if theirs_won else there,
                    )
                )
            if values:
                values["updated"] = max(mine["updated"], theirs["updated"])
                w.update(table, row["id"], values, touch=False, times=times)
                report.count_update(table, row["id"], len(values) - 1)
        w.copy_rows(table, new_rows)
        if new_rows:
            report.added[table] = report.added.get(table, 0) + len(new_rows)
    # The map sheets printed there: a photo of one of them maps back to the ground here too.
    # By UUID, copied whole (a print record never changes once stored; it holds no person).
    printed_here = {r[0] for r in target.conn.execute("SELECT id FROM print_record")}
    w.copy_rows(
        "print_record",
        [r for r in _raw_rows(source, "print_record") if r["id"] not in printed_here],
    )
    # Blank cards reserved at that table keep their numbers reserved here too.
    w.take_card_number(source.neighbourhood()["next_card"] - 1)
    # So do the stickers printed there: a number is never printed twice in one neighbourhood.
    w.keep_stickers_from(source.neighbourhood()["next_sticker"])
    # Photographed cards, by UUID, after the initiatives they belong to (never logged).
    added = card_photos.merge_from(w, target, source, tombstones, ids.row)
    if added:
        report.added[card_photos.TABLE] = report.added.get(card_photos.TABLE, 0) + added


def _raw_rows(store: Store, table: str) -> Iterator[dict]:
    store.columns(table)
    for row in store.conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
        yield dict(row)


def _resolve(
    current: dict, incoming: dict, fields: list[str]
) -> tuple[dict, dict, list[tuple[str, bool]]]:
    """Field by field: the values and times to take from `incoming`, and the conflicts as
    (field, whether the incoming value won)."""
    values: dict = {}
    times: dict = {}
    conflicts: list[tuple[str, bool]] = []
    mine_times, their_times = current["field_times"], incoming["field_times"]
    for name in fields:
        mine, theirs = current.get(name), incoming.get(name)
        if mine == theirs or name not in incoming:
            continue
        mine_at = mine_times.get(name, current["created"])
        their_at = their_times.get(name, incoming["created"])
        theirs_win = their_at > mine_at or (
            their_at == mine_at and incoming["updated"] > current["updated"]
        )
        if theirs_win:
            values[name] = theirs
            if name in their_times:
                times[name] = their_at
        if mine_at > current["created"] and their_at > incoming["created"]:
            conflicts.append((name, theirs_win))
    return values, times, conflicts


def _label(store: Store, table: str, row: dict) -> str:
    """The record as a person recognises it in the report."""
    if "name" in row:
        return row["name"]

    def name(other: str, id_: str | None) -> str:
        found = store.get(other, id_) if id_ else None
        return found["name"] if found else "?"

    if table == "tie":
        return f"{name('actor', row['source_id'])} -> {name('actor', row['target_id'])}"
    if table in ("actor_initiative", "actor_place"):
        other = "initiative" if table == "actor_initiative" else "place"
        return f"{name('actor', row['actor_id'])} / {name(other, row[other + '_id'])}"
    if table == "note":
        text = row["text"]
        return text if len(text) <= 40 else text[:39] + "…"
    if table == "session":
        return " ".join(str(v) for v in (row["date"], row["venue"], row["table_name"]) if v)
    if table == "board_dimension":
        return row["key"]
    return row["id"][:8]


def _follow(row: dict, tombstones: dict[str, str | None]) -> dict | None:
    """Point references at the records they were joined into; None if one was forgotten."""
    out = dict(row)
    for column in REFERENCES:
        value = row.get(column)
        seen = set()
        while value in tombstones and value not in seen:  # joined into one joined later...
            seen.add(value)
            if tombstones[value] is None:
                return None
            value = tombstones[value]
        out[column] = value if column in row else None
    return {k: v for k, v in out.items() if k in row}


class _Fit:
    """Adjusts incoming rows to the target's unique rules, knowing the rows already there and
    those waiting to be copied in: card numbers taken are renumbered after the highest in use
    (the counter can lag behind the cards, in a file from another program or an import); a
    tie, attendance or board dimension that is already there is skipped."""

    def __init__(self, target: Store, w: Writer):
        self.target = target
        self.w = w
        conn = target.conn
        self.cards = {
            r[0]
            for r in conn.execute(
                "SELECT card_number FROM initiative WHERE card_number IS NOT NULL"
            )
        }
        self.ties = set(conn.execute("SELECT source_id, target_id, kind FROM tie").fetchall())
        self.attendance = set(
            conn.execute("SELECT participant_id, session_id FROM attendance").fetchall()
        )
        self.dimensions = {r[0] for r in conn.execute("SELECT key FROM board_dimension")}

    def card(self, wanted: int) -> int:
        if wanted in self.cards:
            counter = self.target.neighbourhood()["next_card"]
            wanted = max(counter, max(self.cards) + 1)
        number = self.w.take_card_number(wanted)
        self.cards.add(number)
        return number

    def __call__(self, table: str, row: dict, report: MergeReport) -> dict | None:
        if table == "initiative" and row.get("card_number") is not None:
            number = self.card(row["card_number"])
            if number != row["card_number"]:
                report.renumbered.append((row["name"], row["card_number"], number))
            row = {**row, "card_number": number}
        if table == "tie":
            tie = (row["source_id"], row["target_id"], row["kind"])
            if row["source_id"] == row["target_id"] or tie in self.ties:
                return None  # joined at this table into a tie that is already here
            self.ties.add(tie)
        if table == "attendance":
            attended = (row["participant_id"], row["session_id"])
            if attended in self.attendance:
                return None
            self.attendance.add(attended)
        if table == "board_dimension":
            if row["key"] in self.dimensions:
                return None
            self.dimensions.add(row["key"])
        return row


def _shown(value: object) -> str:
    text = "" if value is None else ", ".join(value) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def conflict_line(conflict: Conflict, lang: str) -> str:
    return t(
        "merge_conflict",
        lang,
        table=conflict.table,
        record=conflict.record,
        field=conflict.field,
        kept=_shown(conflict.kept),
        kept_from=conflict.kept_from,
        other=_shown(conflict.other),
        other_from=conflict.other_from,
    )


def kept_apart_line(source: str, kept: merge_ids.KeptApart, lang: str) -> str:
    return t(
        "merge_kept_apart",
        lang,
        kind=model.kind_label(kept.table, lang).lower(),
        there=_shown(kept.there.get("name") or kept.there["id"]),
        source=source,
        id=kept.id,
        here=_shown(kept.here.get("name") or kept.here["id"]),
    )


def pair_line(pair: Pair, lang: str) -> str:
    table, keep, fold = pair
    return t("merge_pair", lang, table=table, keep=keep["name"], fold=fold["name"])


def report_lines(report: MergeReport, lang: str) -> list[str]:
    """Everything the merge found, one line each: renumbered cards, conflicts, pairs."""
    lines = [
        t("merge_renumbered", lang, name=name, old=old, new=new)
        for name, old, new in report.renumbered
    ]
    lines += [kept_apart_line(target, kept, lang) for target, kept in report.kept_apart]
    lines += [conflict_line(c, lang) for c in report.conflicts]
    lines += [pair_line(p, lang) for p in report.pairs]
    return lines


def write_report(report: MergeReport, path: Path, lang: str) -> None:
    """All of it in a text file (readable by its owner only: it holds names)."""
    with atomic_output(path, "w", encoding="utf-8") as fh:
        for line in report_lines(report, lang):
            fh.write(line.strip() + "\n")

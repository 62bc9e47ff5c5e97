"""`workshop merge`: the files of several table laptops into one, by UUID.

A record new to the target is copied; one already there is replaced when the source's copy was
updated later. Merging the same file twice therefore changes nothing. Two initiatives that got
the same card number at different tables keep theirs in the target; the incoming one gets the
next free number (and is listed). The same actor or place captured at two tables under
(near-)identical names is listed as a pair; `join_pairs` folds the second into the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy
from rapidfuzz import fuzz, process

from workshop import model
from workshop.i18n import UserError
from workshop.store import Store, Writer, now
from workshop.text import normalise

# In dependency order, so every reference points at a row that is already there.
TABLES = ("session", "place", "actor", "initiative", "tie", "actor_initiative", "actor_place",
          "participant", "attendance", "note", "board_dimension", "candidate")
JOINABLE = ("actor", "place")
PAIR_SCORE = 90


@dataclass
class MergeReport:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    renumbered: list[tuple[str, int, int]] = field(default_factory=list)  # name, from, to
    pairs: list[tuple[str, dict, dict]] = field(default_factory=list)  # table, keep, fold
    notices: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(self.added.values()) + sum(self.updated.values())


def merge(target: Store, sources: list[Path]) -> MergeReport:
    """Merge every source into the target in one transaction (one undoable step)."""
    report = MergeReport()
    opened = []
    try:
        for path in sources:
            source = Store.open(path, readonly=True)
            opened.append(source)
            _same_neighbourhood(target, source)
        with target.write() as w, w.entry("merge " + " ".join(p.name for p in sources)):
            for source in opened:
                _merge_one(target, w, source, report)
    finally:
        for source in opened:
            source.close()
    report.pairs = find_pairs(target)
    return report


def _same_neighbourhood(target: Store, source: Store) -> None:
    a, b = target.neighbourhood(), source.neighbourhood()
    same_id = a["id"] == b["id"]
    same_name = (normalise(a["name"]), normalise(a["municipality"] or "")) == (
        normalise(b["name"]), normalise(b["municipality"] or ""))
    if not (same_id or same_name):
        raise UserError("merge_other_neighbourhood", path=str(source.path), other=b["name"],
                        name=a["name"])


REFERENCES = ("session_id", "place_id", "initiative_id", "actor_id", "source_id",
              "target_id", "participant_id", "about_id")


def _merge_one(target: Store, w: Writer, source: Store, report: MergeReport) -> None:
    # id -> the id it was joined into, or None when it was forgotten
    tombstones = {r["id"]: r["kept_id"] for r in target.rows("tombstone")}
    for table in TABLES:
        for row in source.rows(table, order="rowid"):
            if row["id"] in tombstones:
                continue
            followed = _follow(row, tombstones)
            if followed is None:
                continue  # it points at someone who was forgotten here
            row = followed
            current = target.get(table, row["id"])
            if current is None:
                fitted = _fit(target, table, row, report)
                if fitted is not None:
                    w.insert(table, fitted)
                    report.added[table] = report.added.get(table, 0) + 1
            elif row["updated"] > current["updated"]:
                values = {k: v for k, v in row.items() if k not in ("id", "card_number")}
                w.update(table, row["id"], values, touch=False)
                report.updated[table] = report.updated.get(table, 0) + 1
    # Blank cards reserved at that table keep their numbers reserved here too.
    target.take_card_number(source.neighbourhood()["next_card"] - 1)


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


def _fit(target: Store, table: str, row: dict, report: MergeReport) -> dict | None:
    """Adjust an incoming row to the target's unique rules (or skip it)."""
    if table == "initiative" and row.get("card_number") is not None:
        holder = target.rows("initiative", "card_number = ?", (row["card_number"],))
        number = target.take_card_number(None if holder else row["card_number"])
        if holder:
            report.renumbered.append((row["name"], row["card_number"], number))
        row = {**row, "card_number": number}
    if table == "tie" and (row["source_id"] == row["target_id"] or target.count(
            "tie", "source_id = ? AND target_id = ? AND kind = ?",
            (row["source_id"], row["target_id"], row["kind"]))):
        return None  # joined at this table into a tie that is already here
    if table == "attendance" and target.count(
            "attendance", "participant_id = ? AND session_id = ?",
            (row["participant_id"], row["session_id"])):
        return None
    if table == "board_dimension" and target.count("board_dimension", "key = ?", (row["key"],)):
        return None
    return row


def find_pairs(store: Store) -> list[tuple[str, dict, dict]]:
    """Actors and places captured in different sessions (tables) under the same or nearly the
    same name: (table, keep, fold), keeping the one captured first."""
    pairs = []
    for table in JOINABLE:
        rows = store.rows(table, order="created, rowid")
        if len(rows) < 2:
            continue
        norms = [r["norm"] for r in rows]
        scores = process.cdist(norms, norms, scorer=fuzz.ratio, score_cutoff=PAIR_SCORE,
                               dtype=numpy.uint8)
        for i, j in zip(*numpy.nonzero(numpy.triu(scores, k=1)), strict=True):
            first, second = rows[i], rows[j]
            if first["session_id"] == second["session_id"]:
                continue  # one table's own choice of two similar names
            if table == "actor" and first["type"] != second["type"]:
                continue
            pairs.append((table, first, second))
    return pairs


def join_pairs(store: Store, pairs: list[tuple[str, dict, dict]]) -> int:
    """Fold each pair's second record into the first, in one undoable step."""
    done = 0
    with store.write() as w, w.entry("merge --join"):
        for table, keep, fold in pairs:
            if store.get(table, keep["id"]) is None or store.get(table, fold["id"]) is None:
                continue  # already folded as part of an earlier pair
            _fold(store, w, table, keep["id"], fold["id"])
            done += 1
    return done


def _fold(store: Store, w: Writer, table: str, keep_id: str, fold_id: str) -> None:
    keep, fold = store.get(table, keep_id), store.get(table, fold_id)
    assert keep and fold
    values: dict = {k: v for k, v in fold.items() if keep.get(k) in (None, "", [])
                    and v not in (None, "", []) and k not in ("id", "name", "norm")}
    values["tags"] = keep["tags"] + [tg for tg in fold["tags"] if tg not in keep["tags"]]
    if table == "actor":
        values["influence"] = max(x for x in (keep["influence"], fold["influence"], -1)
                                  if x is not None)
        values["influence"] = None if values["influence"] < 0 else values["influence"]
        # the stricter consent wins
        values["consent"] = min(keep["consent"], fold["consent"],
                                key=model.CONSENT_ORDER.index)
    w.update(table, keep_id, values)
    references = {
        "actor": [("tie", "source_id"), ("tie", "target_id"), ("actor_initiative", "actor_id"),
                  ("actor_place", "actor_id")],
        "place": [("actor_place", "place_id"), ("initiative", "place_id")],
    }[table]
    for ref_table, column in references:
        for row in store.rows(ref_table, f"{column} = ?", (fold_id,)):
            w.update(ref_table, row["id"], {column: keep_id})
    for note in store.rows("note", "about_id = ?", (fold_id,)):
        w.update("note", note["id"], {"about_id": keep_id})
    _drop_duplicate_links(store, w, table, keep_id)
    w.delete(table, fold_id)
    w.insert("tombstone", {"id": fold_id, "table_name": table, "kept_id": keep_id,
                           "reason": "joined", "at": now()})


def _drop_duplicate_links(store: Store, w: Writer, table: str, keep_id: str) -> None:
    """After folding, the same tie or link can be there twice, and a tie can point at itself:
    those go, with a tombstone so the next merge does not bring them back."""
    def drop(link_table: str, row: dict, kept: str | None) -> None:
        w.delete(link_table, row["id"])
        w.insert("tombstone", {"id": row["id"], "table_name": link_table, "kept_id": kept,
                               "reason": "joined", "at": now()})

    if table == "actor":
        seen: dict[tuple, str] = {}
        for tie in store.rows("tie", "source_id = ? OR target_id = ?", (keep_id, keep_id)):
            key = (tie["source_id"], tie["target_id"], tie["kind"])
            if tie["source_id"] == tie["target_id"]:
                drop("tie", tie, None)
            elif key in seen:
                drop("tie", tie, seen[key])
            else:
                seen[key] = tie["id"]
    for link_table, column in (("actor_initiative", "initiative_id"),
                               ("actor_place", "place_id")):
        first: dict[tuple, str] = {}
        for link in store.rows(link_table, order="created, rowid"):
            key = (link["actor_id"], link[column], link["kind"])
            if key in first:
                drop(link_table, link, first[key])
            else:
                first[key] = link["id"]

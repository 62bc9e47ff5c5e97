"""The same actor or place captured at two tables: finding the pairs, and folding them.

A pair is two records of the same table, captured in different sessions (tables), whose
normalised names score at least `PAIR_SCORE` with rapidfuzz's `fuzz.ratio` (actors also of the
same type). Comparing every name with every other is quadratic (two files of 20,000 actors:
143 s and 5 GB), so names are first put in blocks and only names that share a block are scored:

- every word of three letters or more is a key, and so is every spelling of it with one
  letter left out (Jansen and Janssen share "jansen"; Hoogland and Hooglant share "hoogl..."),
  the way SymSpell finds words one edit apart;
- so is every two words written as one, with the same spellings ("Sportclub Kersenbuurt" and
  "Sportclubkersenbuurt"), and the whole name without spaces ("De Vries" and "Devries").

So a pair is found when the two names share a word, or a word or two words written together
differ by one letter (left out, added or changed), or are the same without spaces. At a score
of 90 a name of up to about twenty letters may differ by one letter only, so this finds what a
full comparison finds for names as people write them (a test checks it against the full
comparison: 1 pair in 4,647 missed, two names with each its own typo in the same word). Keys
held by more than `MAX_BLOCK` names (a word in every name: "stichting", "bewoner") are not
used: they would make the comparison quadratic again. Memory is linear in the names: the keys
of each name, and the pairs found.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

import numpy
from rapidfuzz import fuzz, process

from workshop import model
from workshop.file.store import Store, Writer, now

JOINABLE = ("actor", "place")
PAIR_SCORE = 90
MAX_BLOCK = 2000
_SMALL_BLOCK = 32  # up to this, blocks are scored pair by pair, larger ones as a matrix
_CHUNK = 200_000  # pairs scored in one call
_WORD = re.compile(r"\w+")

Pair = tuple[str, dict, dict]  # table, keep, fold


def _variants(word: str) -> list[str]:
    """The word and, from four letters on, every spelling of it with one letter left out."""
    if len(word) < 4:
        return [word]
    return [word, *(word[:i] + word[i + 1 :] for i in range(len(word)))]


class _Keys:
    """The hashed keys of names; a word's keys are made once (names share their words)."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[int, ...]] = {}

    def _of(self, word: str) -> tuple[int, ...]:
        keys = self._words.get(word)
        if keys is None:
            keys = self._words[word] = tuple({hash(v) for v in _variants(word)})
        return keys

    def __call__(self, norm: str) -> set[int]:
        words = _WORD.findall(norm)
        keys = {hash("~" + "".join(words))}
        for word in words:
            if len(word) >= 3:
                keys.update(self._of(word))
        for first, second in zip(words, words[1:], strict=False):
            # "sportclub kersenbuurt" and "sportclubkersenbuurt"
            joined = first + second
            keys.add(hash(joined))
            if len(joined) >= 4:
                keys.update([hash(joined[:i] + joined[i + 1 :]) for i in range(len(joined))])
        return keys


def _blocks(norms: list[str]) -> Iterator[numpy.ndarray]:
    """Per block size, a matrix whose rows are the indexes of names that share a key (keys
    held by 2 to MAX_BLOCK names). The keys are hashed into one array and sorted, so memory
    stays linear in the names (a dict of lists would cost ~100 bytes per key, and most keys
    are held by one name only)."""
    keys_of = _Keys()
    keys = array("q")  # 8 bytes a key, where a list of ints costs 40
    counts = array("q")
    for norm in norms:
        mine = keys_of(norm)
        keys.extend(mine)
        counts.append(len(mine))
    if not keys:
        return
    key_array = numpy.frombuffer(keys, dtype=numpy.int64)
    owner_array = numpy.repeat(
        numpy.arange(len(norms), dtype=numpy.int64), numpy.frombuffer(counts, dtype=numpy.int64)
    )
    del keys_of
    order = numpy.argsort(key_array, kind="stable")  # stable: owners ascend within a key
    key_array, owner_array = key_array[order], owner_array[order]
    starts = numpy.flatnonzero(numpy.r_[True, key_array[1:] != key_array[:-1]])
    del key_array, order
    sizes = numpy.diff(numpy.r_[starts, len(owner_array)])
    for size in numpy.unique(sizes[(sizes >= 2) & (sizes <= MAX_BLOCK)]).tolist():
        first = starts[sizes == size]
        yield owner_array[first[:, None] + numpy.arange(size)]


def candidate_pairs(
    norms: list[str], groups: list[int] | None = None, kinds: list[int] | None = None
) -> list[tuple[int, int]]:
    """Index pairs (i < j), sorted, whose names score at least PAIR_SCORE, found through
    blocks; with `groups`, only pairs of different groups (sessions), with `kinds` only pairs
    of the same kind (person, organisation). Small blocks are scored pair by pair in one
    rapidfuzz call (`cpdist`), large ones as a matrix (`cdist`)."""
    size = len(norms)
    group = numpy.asarray(groups if groups is not None else range(size), dtype=numpy.int64)
    kind = numpy.asarray(kinds if kinds is not None else [0] * size, dtype=numpy.int64)
    found: set[int] = set()
    for members in _blocks(norms):
        width = members.shape[1]
        if width > _SMALL_BLOCK:
            for row in members:
                found.update(_scored_block(norms, row, group, kind, size))
            continue
        first, second = numpy.triu_indices(width, k=1)
        step = max(1, _CHUNK // len(first))
        for start in range(0, len(members), step):
            chunk = members[start : start + step]
            left, right = chunk[:, first].ravel(), chunk[:, second].ravel()
            keep = (group[left] != group[right]) & (kind[left] == kind[right])
            codes = numpy.unique(left[keep] * size + right[keep])
            if not len(codes):
                continue
            left, right = numpy.divmod(codes, size)
            scores = process.cpdist(
                [norms[i] for i in left.tolist()],
                [norms[j] for j in right.tolist()],
                scorer=fuzz.ratio,
                score_cutoff=PAIR_SCORE,
                dtype=numpy.uint8,
            )
            found.update(codes[scores > 0].tolist())
    return [divmod(code, size) for code in sorted(found)]


def _scored_block(
    norms: list[str], members: numpy.ndarray, group: numpy.ndarray, kind: numpy.ndarray, size: int
) -> list[int]:
    names = [norms[i] for i in members.tolist()]
    scores = process.cdist(
        names, names, scorer=fuzz.ratio, score_cutoff=PAIR_SCORE, dtype=numpy.uint8
    )
    a, b = numpy.nonzero(numpy.triu(scores, k=1))
    left, right = members[a], members[b]
    keep = (group[left] != group[right]) & (kind[left] == kind[right])
    return (left[keep] * size + right[keep]).tolist()


def find_pairs(store: Store) -> list[Pair]:
    """Actors and places captured in different sessions (tables) under the same or nearly the
    same name: (table, keep, fold), keeping the one captured first. The records are given as
    id, name, norm, session_id (and type): enough to show and to join them."""
    pairs: list[Pair] = []
    for table in JOINABLE:
        extra = ", type" if table == "actor" else ""
        rows = [
            dict(r)
            for r in store.conn.execute(
                f"SELECT id, name, norm, session_id{extra} FROM {table} ORDER BY created, rowid"
            )
        ]
        sessions: dict[str | None, int] = {}
        groups = [sessions.setdefault(r["session_id"], len(sessions)) for r in rows]
        kinds = [r.get("type") == "person" for r in rows]
        # Not pairs: one table's own choice of two similar names, a person and an organisation.
        found = candidate_pairs([r["norm"] for r in rows], groups, kinds)
        pairs += [(table, rows[i], rows[j]) for i, j in found]
    return pairs


def join_pairs(store: Store, pairs: list[Pair]) -> int:
    """Fold each pair's second record into the first, in one undoable step."""
    done = 0
    with store.write() as w, w.entry("merge --join"):
        for table, keep, fold in pairs:
            if store.get(table, keep["id"]) is None or store.get(table, fold["id"]) is None:
                continue  # already folded as part of an earlier pair
            _fold(store, w, table, keep["id"], fold["id"])
            done += 1
    return done


# What a person may fold by hand in the lists (`fold`): what `merge --join` pairs, and
# initiatives (an initiative's links are moved as an actor's are). Not participants: one
# attendance per session each, two would clash.
FOLDABLE = (*JOINABLE, "initiative")


def fold(store: Store, table: str, keep_id: str, fold_id: str, line: str) -> None:
    """Fold one record into another, as `join_pairs` folds a pair, in one undoable step
    named `line` in the history."""
    with store.write() as w, w.entry(line):
        _fold(store, w, table, keep_id, fold_id)


def fold_values(table: str, keep: dict, fold: dict) -> dict:
    """What the kept record gets of the folded one: every field it has empty, the tags of
    both, the higher influence, the stricter consent."""
    values: dict = {
        k: v
        for k, v in fold.items()
        if keep.get(k) in (None, "", [])
        and v not in (None, "", [])
        and k not in ("id", "name", "norm", "field_times")
    }
    values["tags"] = keep["tags"] + [tg for tg in fold["tags"] if tg not in keep["tags"]]
    if table == "actor":
        values["influence"] = max(
            x for x in (keep["influence"], fold["influence"], -1) if x is not None
        )
        values["influence"] = None if values["influence"] < 0 else values["influence"]
    if "consent" in keep:  # the stricter consent wins
        values["consent"] = min(keep["consent"], fold["consent"], key=model.CONSENT_ORDER.index)
    return values


def references_to(table: str) -> list[tuple[str, str]]:
    """The (table, column) pairs that point at a record of `table`."""
    return [ref for ref, (target, _) in model.REFERENCES.items() if target == table]


def _fold(store: Store, w: Writer, table: str, keep_id: str, fold_id: str) -> None:
    keep, fold = store.get(table, keep_id), store.get(table, fold_id)
    assert keep and fold
    w.update(table, keep_id, fold_values(table, keep, fold))
    for ref_table, column in references_to(table):
        for row in store.rows(ref_table, f"{column} = ?", (fold_id,)):
            w.update(ref_table, row["id"], {column: keep_id})
    for note in store.rows("note", "about_id = ?", (fold_id,)):
        w.update("note", note["id"], {"about_id": keep_id})
    for note in store.rows("note", "said_by_id = ?", (fold_id,)):  # door:NAME
        w.update("note", note["id"], {"said_by_id": keep_id})
    _drop_duplicate_links(store, w, table, keep_id)
    w.delete(table, fold_id)
    w.insert(
        "tombstone",
        {"id": fold_id, "table_name": table, "kept_id": keep_id, "reason": "joined", "at": now()},
    )


def _drop_duplicate_links(store: Store, w: Writer, table: str, keep_id: str) -> None:
    """After folding, the same tie or link can be there twice, and a tie can point at itself:
    those go, with a tombstone so the next merge does not bring them back."""

    def drop(link_table: str, row: dict, kept: str | None) -> None:
        w.delete(link_table, row["id"])
        w.insert(
            "tombstone",
            {
                "id": row["id"],
                "table_name": link_table,
                "kept_id": kept,
                "reason": "joined",
                "at": now(),
            },
        )

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
    for link_table, column in (("actor_initiative", "initiative_id"), ("actor_place", "place_id")):
        first: dict[tuple, str] = {}
        for link in store.rows(link_table, order="created, rowid"):
            key = (link["actor_id"], link[column], link["kind"])
            if key in first:
                drop(link_table, link, first[key])
            else:
                first[key] = link["id"]

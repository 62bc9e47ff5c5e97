"""What in a file holds one person, read without writing: the rows to delete, the texts to
rewrite, the undo log entries to rewrite or drop, the full-text indexes to rebuild.

Every table of the file is looked at, ours or added by somebody else (`sqlite-utils
enable-fts`, a table of one's own): its text columns are read by rowid (or primary key), so a
table without an `id` column is no different. Shadow tables of a full-text index are not
written directly; the index is written through its virtual table and rebuilt afterwards.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from workshop.file import card_photos, outputs, schema
from workshop.file.mentions import Finder
from workshop.file.rows import JSON_COLUMNS, encode
from workshop.file.store import Store
from workshop.model import MAY_HOLD_PERSON, PERSON_REFERENCES
from workshop.text import normalise, one_line

# table -> the columns that point at a person (foreign keys found are added)
LINKS = PERSON_REFERENCES
# Pointers at a person that only lose their target when the person goes (the row stays):
# table -> (id column, the column naming its table). A quote keeps its words, not its speaker.
LOOSE_LINKS = {"note": (("said_by_id", "said_by_table"),)}


def unlinked(table: str, row: dict, ids: set[str]) -> dict[str, None]:
    """The loose pointers of a row at one of `ids`, as they become: None."""
    out: dict[str, None] = {}
    for id_column, table_column in LOOSE_LINKS.get(table, ()):
        if row.get(id_column) in ids:
            out[id_column] = out[table_column] = None
    return out


OUR_TABLES = frozenset(
    {
        *schema.CORE_TABLES,
        "tombstone",
        "osm_extract",
        outputs.TABLE,
        card_photos.TABLE,
        "print_record",
    }
)
NOT_SCANNED = frozenset({"history", "_sqlite_migrations", "tombstone"})
# Columns of our tables that hold ids, times and fixed vocabulary, never a person's words.
SKIP_COLUMNS = frozenset(
    {
        "id",
        "norm",
        "created",
        "updated",
        "session_id",
        "about_table",
        "about_id",
        "said_by_table",
        "said_by_id",
        "source_id",
        "target_id",
        "actor_id",
        "place_id",
        "initiative_id",
        "participant_id",
        "kind",
        "type",
        "role",
        "consent",
        "status",
        "direction",
        "theme",
        "sentiment",
        "source",
        "lang",
        "cell",
        "key",
        "format",
        "sha256",
        "data",
        "features",
        "audience",
        "mime",  # a card photo's: its image is bytes, never read as text
        "geometry",  # a print record's page and extent: numbers, never a person's words
        "located",
    }
)
PROTECTED = frozenset({"name", "norm", "pseudonym"})  # of another person's record
_CONTENT = re.compile(
    r"""\bcontent\s*=\s*(?:'([^']*)'|"([^"]*)"|\[([^\]]*)\]|([^\s,)]*))""", re.IGNORECASE
)


@dataclass
class Item:
    """One line of the list shown before anything changes."""

    action: str  # delete, rewrite, history, index
    table: str
    label: str
    column: str = ""
    contexts: list[str] = field(default_factory=list)
    dropped: int = 0  # history: the person's changes left out of the entry
    kept: int = 0  # history: the other changes kept


@dataclass
class ForgetPlan:
    """What `forget.forget` will change, as `forget.plan_forget` found it with this scan."""

    name: str
    people: list[tuple[str, dict]] = field(default_factory=list)  # (table, record)
    deletes: list[tuple[str, str, object, bool]] = field(default_factory=list)
    rewrites: list[tuple[str, dict, str, object, bool]] = field(default_factory=list)
    history: list[tuple[int, str | None, str | None]] = field(default_factory=list)
    rebuild: list[str] = field(default_factory=list)  # full-text indexes
    items: list[Item] = field(default_factory=list)  # what will change, for the list shown
    since: str | None = None  # when the person first came into the file
    outputs: list[outputs.Written] = field(default_factory=list)  # files that may hold them
    scrub: Scrubber | None = None  # how the person's words are found and replaced

    @property
    def empty(self) -> bool:
        return not self.people

    @property
    def ids(self) -> set[str]:
        return {row["id"] for _, row in self.people}


@dataclass
class Entry:
    seq: int
    line: str | None
    changes: list[dict] | None  # None: not readable as JSON
    undone: int


class FileView:
    """The file's tables as SQLite lists them, and its undo log parsed once."""

    def __init__(self, store: Store):
        self.store = store
        conn = store.conn
        self.tables = [
            (r[1], r[2], bool(r[4]))
            for r in conn.execute("PRAGMA main.table_list")
            if not r[1].startswith("sqlite_")
        ]
        self.sql = {
            r[0]: r[1] or ""
            for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        }
        self.links: dict[str, set[str]] = {t: set(c) for t, c in LINKS.items()}
        for name, kind, _ in self.tables:
            if kind == "table":
                for fk in conn.execute(f'PRAGMA foreign_key_list("{_q(name)}")'):
                    if fk[2] in MAY_HOLD_PERSON:
                        self.links.setdefault(name, set()).add(fk[3])
        self._history: list[Entry] | None = None
        self._photos: dict[frozenset[str], set[str]] = {}  # persons -> their cards' photos
        self.persons: dict[str, tuple[str, dict, list[dict]]] | None = None  # forget.persons

    def history(self) -> list[Entry]:
        if self._history is None:
            self._history = []
            if any(name == "history" for name, _, _ in self.tables):
                for seq, line, changes, undone in self.store.conn.execute(
                    "SELECT seq, line, changes, undone FROM history ORDER BY seq"
                ):
                    try:
                        parsed = json.loads(changes)
                        parsed = parsed if isinstance(parsed, list) else None
                    except (TypeError, ValueError):
                        parsed = None
                    self._history.append(Entry(seq, line, parsed, undone))
        return self._history

    def history_rows(self) -> Iterator[tuple[str, dict]]:
        """(table, row) of every row before and after every logged change, oldest first."""
        for entry in self.history():
            for change in entry.changes or ():
                if not isinstance(change, dict):
                    continue
                for side in ("before", "after"):
                    row = change.get(side)
                    if isinstance(row, dict):
                        yield str(change.get("table")), row

    def points_at(self, table: str, row: dict, ids: set[str]) -> bool:
        """Does the row link to one of `ids` (a tie, a link, a note about them)?"""
        if any(row.get(column) in ids for column in self.links.get(table, ())):
            return True
        if table == card_photos.TABLE:  # the card of an initiative they are behind
            key = frozenset(ids)
            if key not in self._photos:
                self._photos[key] = set(card_photos.for_forget(self.store, set(ids)))
            return row.get("id") in self._photos[key]
        return table == "note" and row.get("about_id") in ids


class Scrubber:
    """The rule for each column: in the names of other records only the person's whole name
    counts; in free text also the parts of it that identify them; another person's name is
    never changed; ids, times and vocabulary are left alone."""

    def __init__(self, full: Finder, free: Finder, placeholder: str, protected_ids: set[str]):
        self.full, self.free = full, free
        self.placeholder = placeholder
        self.protected_ids = protected_ids

    def row(self, table: str, row: dict) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        """The changed columns of a row as stored, and the mentions in context."""
        ours = table in OUR_TABLES
        other_person = row.get("id") in self.protected_ids
        changed: dict[str, Any] = {}
        contexts: list[tuple[str, str]] = []
        for column, value in row.items():
            if ours and (column in SKIP_COLUMNS or (other_person and column in PROTECTED)):
                continue
            stored = value
            if isinstance(value, bytes) and not ours:  # text a user's tool stored as a blob
                try:
                    value = value.decode("utf-8")
                except UnicodeDecodeError:
                    continue  # an image or other binary: no text to hold a name
            if not isinstance(value, str) or value in ("[]", "{}", ""):
                continue
            finder = self.full if ours and column == "name" else self.free
            if ours and column in JSON_COLUMNS:
                new, found = self._json(value, finder)
            else:
                found = finder.context(value)
                new = finder.scrub(value, self.placeholder) if found else value
            if found and new != value:
                changed[column] = new.encode("utf-8") if isinstance(stored, bytes) else new
                contexts += [(column, c) for c in found]
        if ours and "name" in changed and "norm" in row:
            changed["norm"] = normalise(changed["name"])
        return changed, contexts

    def _json(self, text: str, finder: Finder) -> tuple[str, list[str]]:
        try:
            value = json.loads(text)
        except ValueError:
            hits = finder.context(text)
            return (finder.scrub(text, self.placeholder) if hits else text), hits
        found: list[str] = []

        def walk(item: Any) -> Any:
            if isinstance(item, str):
                hits = finder.context(item)
                found.extend(hits)
                return finder.scrub(item, self.placeholder) if hits else item
            if isinstance(item, list):
                return [walk(v) for v in item]
            if isinstance(item, dict):
                return {k: walk(v) for k, v in item.items()}
            return item

        new = walk(value)
        return (encode(new) if found else text), found


def path_words(path: str) -> str:
    """A file path as words: "kaarten-jan-jansen.pdf" names Jan Jansen."""
    return re.sub(r"[-_./\\]+", " ", path)


def _q(name: str) -> str:
    return name.replace('"', '""')


def _fts(sql: str) -> tuple[bool, str | None]:
    """(is a full-text index, its content table: None for its own, '' when contentless)."""
    if not re.search(r"\busing\s+fts[345]\b", sql, re.IGNORECASE):
        return False, None
    m = _CONTENT.search(sql)
    if not m:
        return True, None
    return True, next(g for g in m.groups() if g is not None)


def _label(store: Store, table: str, row: dict, actors: dict[str, str]) -> str:
    if isinstance(row.get("name"), str):
        return row["name"]
    if table == card_photos.TABLE:
        return f"#{row.get('card_number')}"
    if table == "tie":
        return f"{actors.get(row['source_id'], '?')} → {actors.get(row['target_id'], '?')}"
    if table in ("actor_initiative", "actor_place", "attendance"):
        return actors.get(row.get("actor_id") or "", "") or str(row.get("id", ""))[:8]
    for key in ("text", "path", "venue", "facilitator"):
        if isinstance(row.get(key), str):
            return one_line(row[key], 60)
    return f"#{row.get('__rowid__', row.get('id', '?'))}"


def plan_tables(view: FileView, plan: ForgetPlan, mine: set[str], scrub: Scrubber) -> set[str]:
    """Fill in the plan's deletes, rewrites and indexes from every table; returns the ids
    of the other rows that go with the person (ties, links, notes about them)."""
    store, conn = view.store, view.store.conn
    actors = store.names("actor")
    doomed: set[str] = set()
    tomb = any(name == "tombstone" for name, _, _ in view.tables)  # not in very old backups
    last: list[tuple[str, str, object, bool]] = []  # the person's own rows: deleted last
    for table, kind, without_rowid in view.tables:
        if table in NOT_SCANNED or kind in ("shadow", "view"):
            continue  # a view shows the tables it reads, which are scanned themselves
        if kind == "virtual":
            is_fts, content = _fts(view.sql.get(table, ""))
            if not is_fts:
                continue
            plan.rebuild.append(table)  # a contentless one cannot rebuild: it is emptied
            plan.items.append(Item("index" if content != "" else "index_emptied", table, table))
            if content is not None:
                continue  # it indexes another table (scanned in its own right), or no text
        cursor = conn.execute(
            f'SELECT * FROM "{_q(table)}"'
            if without_rowid
            else f'SELECT rowid AS __rowid__, * FROM "{_q(table)}"'
        )
        names = [d[0] for d in cursor.description]
        keys = (
            [r[1] for r in conn.execute(f'PRAGMA table_info("{_q(table)}")') if r[5]]
            if without_rowid
            else ["__rowid__"]
        )
        has_id = "id" in names
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            key = {("rowid" if k == "__rowid__" else k): row[k] for k in keys}
            if has_id and row["id"] in mine and table in MAY_HOLD_PERSON:
                last.append((table, "id", row["id"], tomb))
                continue
            ours = table in OUR_TABLES and has_id
            if view.points_at(table, row, mine):
                doomed.add(row.get("id") or "")
                plan.deletes.append(
                    (table, "id", row["id"], tomb)
                    if ours
                    else (table, "rowid", row.get("__rowid__"), False)
                )
                plan.items.append(Item("delete", table, _label(store, table, row, actors)))
                continue
            if table == outputs.TABLE and scrub.free.mentions(path_words(row.get("path") or "")):
                plan.deletes.append((table, "id", row["id"], False))
                plan.items.append(Item("delete", table, row["path"]))
                continue
            scan = {k: v for k, v in row.items() if k != "__rowid__"}
            changed, contexts = scrub.row(table, scan)
            loose = unlinked(table, row, mine) if ours else {}
            if loose:
                changed.update(loose)
                plan.items.append(
                    Item("rewrite", table, _label(store, table, row, actors), next(iter(loose)))
                )
            for column, value in changed.items():
                plan.rewrites.append(
                    (table, key, column, value, ours and "updated" in names and column != "norm")
                )
            for column in dict.fromkeys(c for c, _ in contexts):
                plan.items.append(
                    Item(
                        "rewrite",
                        table,
                        _label(store, table, row, actors),
                        column,
                        [c for col, c in contexts if col == column],
                    )
                )
    gone = {key for _, _, key, _ in last}
    last += [(t, "id", r["id"], tomb) for t, r in plan.people if r["id"] not in gone]
    plan.deletes += last  # also those only in the undo log: their tombstones
    plan.items = [
        Item("delete", t, _label(store, t, dict(r), actors)) for t, r in plan.people
    ] + plan.items
    doomed.discard("")
    return doomed


def plan_history(view: FileView, plan: ForgetPlan, doomed: set[str], scrub: Scrubber) -> None:
    """Each undo log entry without the person: their changes dropped, the others' rows with
    the same words replaced as in the tables, the entry gone when nothing is left."""
    mine = plan.ids
    for entry in view.history():
        if entry.changes is None:
            plan.history.append((entry.seq, None, None))
            plan.items.append(Item("history", "history", f"#{entry.seq} {entry.line or ''}"))
            continue
        kept: list[dict] = []
        dropped = 0
        changed = False
        for change in entry.changes:
            if not isinstance(change, dict):
                dropped += 1
                continue
            table = str(change.get("table"))
            sides = [change.get(s) for s in ("before", "after")]
            rows = [s for s in sides if isinstance(s, dict)]
            if change.get("id") in doomed or any(view.points_at(table, r, mine) for r in rows):
                dropped += 1
                continue
            new = dict(change)
            for side in ("before", "after"):
                row = change.get(side)
                if isinstance(row, dict):
                    fixed, _ = scrub.row(table, row)
                    fixed.update(unlinked(table, row, mine))
                    if fixed:
                        new[side] = {**row, **fixed}
                        changed = True
            kept.append(new)
        line = entry.line
        if line and scrub.free.mentions(line):
            line = scrub.free.scrub(line, scrub.placeholder)
        if not dropped and not changed and line == entry.line:
            continue
        if kept:
            plan.history.append((entry.seq, line, json.dumps(kept, ensure_ascii=False)))
        else:
            plan.history.append((entry.seq, None, None))
        plan.items.append(
            Item(
                "history",
                "history",
                f"#{entry.seq} {entry.line or ''}",
                dropped=dropped,
                kept=len(kept),
            )
        )

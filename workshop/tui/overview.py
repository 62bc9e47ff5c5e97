"""What the map, network and wall screens show, read from the store: the records in each cell
of the grid, an actor's ties, the wall's latest captures. Plain data, no Textual."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from workshop import model, privacy
from workshop.file.store import Store
from workshop.model import LINK_TABLES
from workshop.text import one_line
from workshop.tui.queries import SCREEN, line_summary, primary_record

# --- the map --------------------------------------------------------------------------------


@dataclass
class Cell:
    places: int = 0
    initiatives: int = 0
    actors: int = 0
    cards: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the latest captured first

    @property
    def total(self) -> int:
        return self.places + self.initiatives + self.actors


@dataclass
class Unplaced:
    """Places and initiatives in no cell (an initiative at a place with a cell is placed)."""

    places: int = 0
    initiatives: int = 0
    names: list[str] = field(default_factory=list)  # the latest captured first

    @property
    def total(self) -> int:
        return self.places + self.initiatives


# Counted and picked by SQLite through the `cell` indexes (a few ms for 10,000 captures), not
# in Python over `store.rows`: the capture screen reads this after every Enter, in a worker
# thread that must not hold the GIL long while the facilitator types on. The latest names of a
# cell are its highest rowids (the order of capture), then sorted by `created` across tables.
_PLACE_COUNTS = "SELECT cell, count(*) FROM place GROUP BY cell"
_INITIATIVE_COUNTS = "SELECT cell, count(*) FROM initiative WHERE cell IS NOT NULL GROUP BY cell"
_AT_A_PLACE = """SELECT p.cell, i.name, i.created, i.rowid FROM initiative i
    LEFT JOIN place p ON p.id = i.place_id WHERE i.cell IS NULL ORDER BY i.rowid DESC"""
_LATEST = {
    table: f"SELECT name, created, rowid FROM {table} WHERE cell IS ? ORDER BY rowid DESC LIMIT ?"
    for table in ("place", "initiative")
}
_CARDS = """SELECT coalesce(i.cell, p.cell), i.card_number FROM initiative i
    LEFT JOIN place p ON p.id = i.place_id WHERE i.card_number IS NOT NULL ORDER BY i.card_number"""


def map_cells(store: Store, lang: str) -> dict[str, Cell]:
    """What was placed in each cell of the grid, card numbers too. An initiative without a
    cell of its own counts in the cell of its place."""
    return map_and_unplaced(store, lang, cards=True)[0]


def map_and_unplaced(
    store: Store, lang: str, keep: int = 12, *, cards: bool = False
) -> tuple[dict[str, Cell], Unplaced]:
    """What lies in each cell, and what lies in none; at most `keep` names of each, the
    latest captured first (and the initiatives' card numbers when `cards`)."""
    conn = store.conn
    cells: dict[str, Cell] = defaultdict(Cell)
    unplaced = Unplaced()
    named: dict[str | None, list[tuple]] = defaultdict(list)
    for cell, n in conn.execute(_PLACE_COUNTS):
        if cell:
            cells[cell].places = n
        else:
            unplaced.places = n
    for cell, n in conn.execute(_INITIATIVE_COUNTS):
        cells[cell].initiatives = n
    for cell, name, created, seq in conn.execute(_AT_A_PLACE):
        if cell:
            cells[cell].initiatives += 1
        else:
            unplaced.initiatives += 1
        if len(named[cell]) < keep:
            named[cell].append((created, 1, seq, name))
    for cell in [*cells, None]:
        for second, table in enumerate(("place", "initiative")):
            if cell is None and table == "initiative":
                continue  # those are the ones at no place, above
            for name, created, seq in conn.execute(_LATEST[table], (cell, keep)):
                named[cell].append((created, second, seq, name))
    if cards:
        for cell, card in conn.execute(_CARDS):
            if cell:
                cells[cell].cards.append(card)
    for seq, r in enumerate(store.rows("actor", "cell IS NOT NULL")):  # few: not indexed
        cells[r["cell"]].actors += 1
        named[r["cell"]].append(
            (r["created"], 2, seq, privacy.shown_name(r, "actor", SCREEN, lang))
        )
    for cell, entries in named.items():
        latest = [entry[-1] for entry in sorted(entries, reverse=True)[:keep]]
        if cell:
            cells[cell].names = latest
        elif entries:
            unplaced.names = latest
    return dict(cells), unplaced


# --- the network ----------------------------------------------------------------------------

ARROWS = {"directed": "→", "mutual": "↔", "undirected": "—"}


def ties_of(store: Store, actor_id: str, lang: str) -> list[tuple[str, str, str]]:
    """An actor's ties, links to initiatives and places: (table, id, "→ kent · Piet")."""
    out = []
    for tie in store.rows("tie", "source_id = ? OR target_id = ?", (actor_id, actor_id)):
        outgoing = tie["source_id"] == actor_id
        other = store.get("actor", tie["target_id"] if outgoing else tie["source_id"])
        arrow = ARROWS.get(tie["direction"], "→")
        if tie["direction"] == "directed" and not outgoing:
            arrow = "←"
        name = privacy.shown_name(other, "actor", SCREEN, lang) if other else "?"
        out.append(
            (
                "tie",
                tie["id"],
                f"{arrow} {model.ACTOR_TIE_KINDS.label(tie['kind'], lang)} · {one_line(name, 60)}",
            )
        )
    for table, column, vocab in (
        ("actor_initiative", "initiative_id", model.INITIATIVE_TIE_KINDS),
        ("actor_place", "place_id", model.PLACE_TIE_KINDS),
    ):
        for link in store.rows(table, "actor_id = ?", (actor_id,)):
            other = store.get(column.removesuffix("_id"), link[column])
            name = other["name"] if other else "?"
            out.append(
                (table, link["id"], f"→ {vocab.label(link['kind'], lang)} · {one_line(name, 60)}")
            )
    return out


# --- the wall -------------------------------------------------------------------------------


def wall_items(store: Store, limit: int, lang: str) -> list[str]:
    """The latest captures as the whole room may see them (the `print` audience): persons
    below print consent as role pseudonyms, notes about them left out."""
    out: list[str] = []
    ctx = store.context()
    for entry in store.rows("history", "undone = 0", order="seq DESC", limit=limit * 3):
        _, kind = line_summary(entry["line"] or "", ctx, lang)
        table, id_ = primary_record(entry["changes"], kind)
        row = store.get(table, id_) if table and id_ else None
        if row is None:
            continue
        text = _wall_text(store, table, row, lang)  # type: ignore[arg-type]
        if text:
            out.append(text)
        if len(out) >= limit:
            break
    return out


def _wall_text(store: Store, table: str, row: dict, lang: str) -> str | None:
    from workshop.capture import edit

    if table in ("actor", "participant", "candidate"):
        return edit.describe(store, table, privacy.redact(row, table, "print", lang), lang)
    if table in LINK_TABLES:
        ends = []
        for column, other in (
            ("source_id", "actor"),
            ("target_id", "actor"),
            ("actor_id", "actor"),
            ("initiative_id", "initiative"),
            ("place_id", "place"),
        ):
            if row.get(column):
                record = store.get(other, row[column])
                ends.append(privacy.shown_name(record, other, "print", lang) if record else "?")
        arrow = ARROWS.get(row.get("direction") or "directed", "→")
        vocab = {
            "tie": model.ACTOR_TIE_KINDS,
            "actor_initiative": model.INITIATIVE_TIE_KINDS,
            "actor_place": model.PLACE_TIE_KINDS,
        }[table]
        label = edit.describe(store, "tie", {}, lang).split(" · ")[0]
        return (
            f"{label} · {one_line(ends[0], 60)} {arrow} {one_line(ends[-1], 60)} · "
            f"{vocab.label(row['kind'], lang)}"
        )
    if table == "note" and row.get("about_table") in ("actor", "participant"):
        about = store.get(row["about_table"], row["about_id"])
        if about and privacy.shown_name(about, row["about_table"], "print", lang) != about["name"]:
            return None
    return edit.describe(store, table, row, lang)

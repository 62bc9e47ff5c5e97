"""What the screens show, read from the store: counts, the feed, list rows, the map's cells.

Plain functions over a `Store`, no Textual, so they are tested and measured on their own. Names
of persons go through `privacy.shown_name` for the facilitator's own screens (`SCREEN`: every
name as typed, whatever the consent: she typed them), or `print` for the wall, which the whole
room sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from rapidfuzz import fuzz, process

from workshop import i18n, model, privacy
from workshop.capture.forms import NOTE_KINDS
from workshop.capture.grammar import parse
from workshop.capture.record import describe
from workshop.file.redaction import audience_for
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.model import LINK_TABLES, NAME_TABLE, NAMED_TABLES, REFERENCES
from workshop.paper import cardstore
from workshop.text import normalise, one_line
from workshop.tui.texts import tx

SCREEN = audience_for("screen")  # the facilitator's own screens


def counts(store: Store) -> dict[str, int]:
    out = {
        table: store.count(table)
        for table in ("place", "initiative", "actor", "participant", "note")
    }
    out["tie"] = sum(store.count(table) for table in LINK_TABLES)
    return out


def session_label(row: dict | None, lang: str) -> str:
    if row is None:
        return f"{dt.date.today().isoformat()} ({tx('session_unnamed', lang)})"
    parts = [row["date"]] + [row[k] for k in ("venue", "table_name") if row.get(k)]
    return " · ".join(one_line(p, 40) for p in parts)


# --- the feed -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedItem:
    seq: int
    at: str  # local time, HH:MM
    summary: str
    undone: bool
    table: str | None  # the record the entry is mainly about (None when it is gone)
    id: str | None


def feed(store: Store, limit: int = 50, lang: str = "nl") -> list[FeedItem]:
    """The latest history entries, newest first, undone ones included (until overwritten)."""
    ctx = store.context()
    items = []
    for entry in store.rows("history", order="seq DESC", limit=limit):
        summary, kind = line_summary(
            entry["line"] or "", ctx, lang, partial(_linked_names, store, entry["changes"])
        )
        if kind is None:  # an edit by form: told again in the screen's language (issue 11)
            summary = _edit_told(store, entry, lang) or summary
        table, id_ = primary_record(entry["changes"], kind)
        if table and id_ and store.get(table, id_) is None:
            table = id_ = None
        items.append(
            FeedItem(
                entry["seq"], _local_time(entry["at"]), summary, bool(entry["undone"]), table, id_
            )
        )
    return items


def line_summary(
    line: str, ctx, lang: str, linked: Callable[[], list[str]] | None = None
) -> tuple[str, str | None]:
    """What a history entry's line made, with each name as the record it resolved to (the
    feed says `+Henk de Groot` where `+Henk de Groto` was typed and the existing one chosen)."""
    try:
        capture = parse(line, ctx)
    except UserError:  # an edit by form, a delete, an import: its line says what it was
        return one_line(line, 200), None
    if linked is not None:
        _resolve_names(capture, linked())
    return one_line(describe(capture, lang), 200), capture.kind


NAMED = NAMED_TABLES
LINKS = {column: table for (_, column), (table, _) in REFERENCES.items()}


def _linked_names(store: Store, changes: list[dict]) -> list[str]:
    """The names of the records an entry made or linked (from the name indexes: no reads)."""
    out: list[str] = []
    for change in changes:
        row = change["after"] or {}
        if change["table"] in NAMED and row.get("name"):
            out.append(row["name"])
        refs: list[tuple[str | None, str | None]] = [
            (table, row.get(column)) for column, table in LINKS.items()
        ]
        refs.append((row.get("about_table"), row.get("about_id")))
        for table, id_ in refs:
            if table in NAMED and id_:
                name = store.name_of(table, id_)
                if name:
                    out.append(name)
    return out


def _resolve_names(capture, names: list[str]) -> None:
    """Put for each typed name the linked record's name: the same one when it is there
    (case and accents aside), else the closest of the others."""
    if not names:
        return
    norms = {normalise(n): n for n in names}
    typed = [n for n in (capture.name, capture.target, *capture.actors, capture.about) if n]
    unmatched = [n for n in names if normalise(n) not in {normalise(t) for t in typed}]

    def resolved(name: str | None) -> str | None:
        if not name or normalise(name) in norms:
            return norms.get(normalise(name or ""), name)
        best = (
            process.extractOne(
                normalise(name),
                {n: normalise(n) for n in unmatched},
                scorer=fuzz.ratio,
                score_cutoff=60,
            )
            if unmatched
            else None
        )
        return best[2] if best else name

    if capture.kind != "tie" or capture.name:
        capture.name = resolved(capture.name)
    capture.target = resolved(capture.target)
    capture.actors = [resolved(a) or a for a in capture.actors]
    capture.about = resolved(capture.about)


def primary_record(changes: list[dict], kind: str | None) -> tuple[str | None, str | None]:
    wanted: tuple[str, ...] = ()
    if kind in NAME_TABLE:
        wanted = (NAME_TABLE[kind],)
    elif kind == "tie":
        wanted = LINK_TABLES
    elif kind == "note":
        wanted = ("note",)
    for change in changes:
        if (not wanted or change["table"] in wanted) and change["after"] is not None:
            return change["table"], change["id"]
    return None, None


def _local_time(stamp: str) -> str:
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return "--:--"
    return when.astimezone().strftime("%H:%M")


# --- list rows ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # text key of its label (col_...)
    width: int  # minimum width; the first column takes what is left
    numeric: bool = False


@dataclass
class Rows:
    """The rows of one list: cells as display strings, plus what sorting and filtering need."""

    columns: tuple[Column, ...]
    ids: list[tuple[str, str]] = field(default_factory=list)  # (table, id)
    cells: list[tuple[str, ...]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # normalised first column, for filtering

    def add(self, table: str, id_: str, norm: str, cells: tuple[str, ...]) -> None:
        self.ids.append((table, id_))
        self.names.append(norm)
        self.cells.append(cells)


TABS = ("place", "initiative", "actor", "tie", "participant", "note")
COLUMNS: dict[str, tuple[Column, ...]] = {
    "place": (
        Column("col_name", 20),
        Column("col_kind", 14),
        Column("col_cell", 4),
        Column("col_tags", 16),
    ),
    "initiative": (
        Column("col_name", 20),
        Column("col_card", 5, True),
        Column("col_theme", 12),
        Column("col_status", 8),
        Column("col_cell", 4),
        Column("col_card_photo", 10),  # issue 15: the card's handwriting was photographed
    ),
    "actor": (
        Column("col_name", 20),
        Column("col_role", 14),
        Column("col_influence", 7, True),
        Column("col_flags", 9),
        Column("col_cell", 4),
        Column("col_consent", 8),
    ),
    "tie": (Column("col_from", 18), Column("col_tie", 12), Column("col_to", 18)),
    "participant": (Column("col_name", 18), Column("col_attributes", 30), Column("col_consent", 8)),
    "note": (
        Column("col_text", 28),
        Column("col_kind", 8),
        Column("col_about", 16),
        Column("col_said_by", 12),  # door:NAME (issue 11): who said it
    ),
}


# Lists read in the order they are shown (by name; notes newest first), so their first rows
# can be shown before the rest is read. Ties are sorted after reading.
PARTIAL = ("place", "initiative", "actor", "participant", "note")


def rows(store: Store, tab: str, lang: str, limit: int | None = None) -> Rows:
    """The records of a list in the order shown: all of them, or the first `limit` (only for
    the lists in PARTIAL)."""
    out = Rows(COLUMNS[tab])
    load = {
        "place": _places,
        "initiative": _initiatives,
        "actor": _actors,
        "tie": _ties,
        "participant": _participants,
        "note": _notes,
    }[tab]
    load(store, out, lang, limit)
    return out


def _t(text: str | None, limit: int = 120) -> str:
    """A cell's text: as stored when it is one printable line (most are: the fast path),
    else with control characters as spaces and cut with an ellipsis."""
    if not text:
        return ""
    if text.isprintable() and len(text) <= limit:
        return text
    return one_line(text, limit)


def _places(store: Store, out: Rows, lang: str, limit: int | None = None) -> None:
    for r in store.rows("place", order="norm", limit=limit):
        out.add(
            "place",
            r["id"],
            r["norm"],
            (
                _t(r["name"]),
                model.PLACE_KINDS.label(r["kind"], lang),
                r["cell"] or "",
                _t(", ".join(r["tags"])),
            ),
        )


def _initiatives(store: Store, out: Rows, lang: str, limit: int | None = None) -> None:
    photographed = cardstore.with_photo(store)
    photo = i18n.t("card_photo", lang)
    for r in store.rows("initiative", order="norm", limit=limit):
        out.add(
            "initiative",
            r["id"],
            r["norm"],
            (
                _t(r["name"]),
                str(r["card_number"] or ""),
                model.THEMES.label(r["theme"], lang),
                model.STATUSES.label(r["status"], lang),
                r["cell"] or "",
                photo if r["id"] in photographed else "",
            ),
        )


def _actors(store: Store, out: Rows, lang: str, limit: int | None = None) -> None:
    for r in store.rows("actor", order="norm", limit=limit):
        shown = privacy.shown_name(r, "actor", SCREEN, lang)
        flags = ("A" if r["ambassador"] else "") + ("S" if r["startmotor"] else "")
        out.add(
            "actor",
            r["id"],
            r["norm"] if shown == r["name"] else shown.casefold(),
            (
                _t(shown),
                model.ROLES.label(r["role"], lang),
                "" if r["influence"] is None else str(r["influence"]),
                flags,
                r["cell"] or "",
                model.CONSENT.label(r["consent"], lang),
            ),
        )


def names_by_id(store: Store, table: str, lang: str, audience: str = SCREEN) -> dict:
    """id -> name as this audience may see it (persons may be pseudonyms)."""
    if table in ("place", "initiative"):  # never personal: the name index will do
        return store.names(table)
    return {r["id"]: privacy.shown_name(r, table, audience, lang) for r in store.rows(table)}


def _ties(store: Store, out: Rows, lang: str, limit: int | None = None) -> None:
    actors = names_by_id(store, "actor", lang)
    others = {
        "actor_initiative": names_by_id(store, "initiative", lang),
        "actor_place": names_by_id(store, "place", lang),
    }
    arrows = {"directed": "→", "mutual": "↔", "undirected": "—"}
    found = []
    for r in store.rows("tie"):
        found.append(
            (
                "tie",
                r["id"],
                actors.get(r["source_id"], "?"),
                f"{arrows.get(r['direction'], '→')} {model.ACTOR_TIE_KINDS.label(r['kind'], lang)}",
                actors.get(r["target_id"], "?"),
            )
        )
    for table, column, vocab in (
        ("actor_initiative", "initiative_id", model.INITIATIVE_TIE_KINDS),
        ("actor_place", "place_id", model.PLACE_TIE_KINDS),
    ):
        for r in store.rows(table):
            found.append(
                (
                    table,
                    r["id"],
                    actors.get(r["actor_id"], "?"),
                    f"→ {vocab.label(r['kind'], lang)}",
                    others[table].get(r[column], "?"),
                )
            )
    found.sort(key=lambda f: (f[2].casefold(), f[4].casefold()))  # by who, then whom
    for table, id_, source, kind, target in found:
        out.add(
            table, id_, source.casefold() + " " + target.casefold(), (_t(source), kind, _t(target))
        )


def _participants(store: Store, out: Rows, lang: str, limit: int | None = None) -> None:
    dims = store.dimensions()
    for r in store.rows("participant", order="norm", limit=limit):
        shown = privacy.shown_name(r, "participant", SCREEN, lang)
        values = []
        for dim in dims:
            key = r["attributes"].get(dim.key)
            term = next((t for t in dim.values if t.key == key), None)
            values.append(term.label(lang) if term else (key or "–"))
        out.add(
            "participant",
            r["id"],
            r["norm"] if shown == r["name"] else shown.casefold(),
            (_t(shown), " · ".join(values), model.CONSENT.label(r["consent"], lang)),
        )


def _notes(store: Store, out: Rows, lang: str, limit: int | None = None) -> None:
    abouts: dict[str, dict] = {}
    for r in store.rows("note", order="created DESC", limit=limit):
        about = ""
        if r["about_table"] and r["about_id"]:
            if r["about_table"] not in abouts:
                abouts[r["about_table"]] = names_by_id(store, r["about_table"], lang)
            about = abouts[r["about_table"]].get(r["about_id"], "?")
        said = ""
        if r.get("said_by_table") and r.get("said_by_id"):
            if r["said_by_table"] not in abouts:
                abouts[r["said_by_table"]] = names_by_id(store, r["said_by_table"], lang)
            said = abouts[r["said_by_table"]].get(r["said_by_id"], "?")
        out.add(
            "note",
            r["id"],
            r["text"].casefold(),
            (_t(r["text"], 200), NOTE_KINDS.label(r["kind"], lang), _t(about), _t(said)),
        )


# --- an edit by form, told in the screen's language (issue 11, item 4) -----------------------

_EDIT_LINES = ("edit_line_deleted", "edit_line_edited", "edit_line_created")


def _edit_told(store: Store, entry: dict, lang: str) -> str | None:
    """`verwijderd: Plek · X` stored in the file's language, told again as `deleted: Place ·
    X` in English mode: from the entry's own record of what changed, not from the file now."""
    from workshop.capture.edit import describe as describe_row
    from workshop.i18n import t

    line = entry["line"] or ""
    for key in _EDIT_LINES:
        if any(line.startswith(t(key, each, what="")) for each in model.LANGUAGES):
            changed = [c for c in entry["changes"] if c["table"] != "neighbourhood"]
            if not changed:
                return None
            last = changed[-1]
            row = last["after"] if last["after"] is not None else last["before"]
            if not row:
                return None
            return one_line(t(key, lang, what=describe_row(store, last["table"], row, lang)), 200)
    return None

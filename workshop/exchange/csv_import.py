"""Reading the CSV exports back in (`workshop import FILE --csv KIND CSV`, or `--csv all FOLDER`).

A row with an `id` the file already has updates that record; a row with a new `id` is inserted
under that id (with its timestamps and session), so export -> import into a new file -> export
gives the same content. A row without an id (added in Excel) is matched by name, like a
capture. References (`source_id`, `place_id`, ...) may hold an id or a name; a row that points
to something the file does not have is skipped and reported: the result is labelled partial.
A value that cannot be right (influence 9, consent "maybe", a broken JSON cell) stops the import
with the file, row and column, and nothing is written. One import is one undoable step.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from workshop import model
from workshop.capture.record import upsert_tie
from workshop.exchange import csv_cells
from workshop.exchange.files import SheetRow, read_csv, row_number, sheet_names
from workshop.exchange.tables import EXPORT_TABLES, NOT_EXPORTED, export_record
from workshop.file.store import Store, Writer
from workshop.i18n import UserError, t
from workshop.model import NAMED_TABLES
from workshop.text import normalise

KIND_WORDS = {
    "plek": "place",
    "plekken": "place",
    "places": "place",
    "initiatief": "initiative",
    "initiatieven": "initiative",
    "initiatives": "initiative",
    "actoren": "actor",
    "actors": "actor",
    "verband": "tie",
    "verbanden": "tie",
    "ties": "tie",
    "deelnemer": "participant",
    "deelnemers": "participant",
    "participants": "participant",
    "kandidaat": "candidate",
    "kandidaten": "candidate",
    "candidates": "candidate",
    "notitie": "note",
    "notities": "note",
    "notes": "note",
    "sessie": "session",
    "sessies": "session",
    "sessions": "session",
    "aanwezigheid": "attendance",
    "wijk": "neighbourhood",
    "klankbord": "board_dimension",
}
IMPORT_ORDER = (
    "neighbourhood",
    "board_dimension",
    "session",
    "place",
    "actor",
    "initiative",
    "tie",
    "actor_initiative",
    "actor_place",
    "participant",
    "candidate",
    "attendance",
    "note",
)
# column -> the table it points to, and whether a row without it makes no sense
REFERENCES = model.REFERENCES


@dataclass
class CsvReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        return self.skipped > 0


def _same(a: object, b: object) -> bool:
    """Equal as a CSV cell shows them: an empty text and no value look the same."""
    return a == b or (a in (None, "") and b in (None, ""))


def _changed(before: dict, after: dict) -> bool:
    return any(after.get(k) != v for k, v in before.items() if k != "updated")


def table_for(kind: str) -> str:
    word = normalise(kind).replace(" ", "_").replace("-", "_")
    table = word if word in EXPORT_TABLES else KIND_WORDS.get(word)
    if table is None:
        raise UserError("csv_unknown_kind", kind=kind, choices=", ".join(IMPORT_ORDER))
    return table


def import_csv(store: Store, kind: str, path: Path) -> CsvReport:
    """One table from one CSV file."""
    table = table_for(kind)
    notices: list[str] = []
    header, rows = read_csv(path, notices=notices, lang=store.lang)
    return _run(
        store, [(table, Path(path), header, rows)], f"import csv {Path(path).name}", notices
    )


def import_folder(store: Store, folder: Path) -> CsvReport:
    """Every `<table>.csv` in a folder written by `export --format csv`, in dependency order;
    or every sheet of a workbook written by `export --format xlsx` (see `import_workbook`)."""
    folder = Path(folder)
    if folder.is_file():
        return import_workbook(store, folder)
    found = [(t, folder / f"{t}.csv") for t in IMPORT_ORDER if (folder / f"{t}.csv").is_file()]
    if not found:
        raise UserError("csv_no_files", path=str(folder))
    notices: list[str] = []
    sheets = [(t, p, *read_csv(p, notices=notices, lang=store.lang)) for t, p in found]
    return _run(store, sheets, f"import csv {folder.name}/", notices)


def import_workbook(store: Store, path: Path) -> CsvReport:
    """Every sheet named by a table (or a word for one: `actoren`) of an .xlsx workbook, in
    dependency order; headers in either language (`xlsx.header_keys`)."""
    from workshop.exchange import xlsx

    path = Path(path)
    by_table: dict[str, str] = {}
    for title in sheet_names(path):
        try:
            by_table.setdefault(table_for(title), title)
        except UserError:
            continue  # a sheet of the user's own: not ours to read
    if not by_table:
        raise UserError("xlsx_no_sheets", path=str(path))
    notices: list[str] = []
    sheets = []
    for table in (name for name in IMPORT_ORDER if name in by_table):
        header, rows = read_csv(path, sheet=by_table[table], notices=notices, lang=store.lang)
        columns = [c for c in store.columns(table) if c not in NOT_EXPORTED]
        keys = xlsx.header_keys(table, columns)
        named = [keys.get(h.casefold(), h) for h in header]
        renamed = [
            SheetRow(
                {new: row[old] for old, new in zip(header, named, strict=True)}, row_number(row, 0)
            )
            for row in rows
        ]
        shown = dict(zip(named, header, strict=True))  # messages name the header as written
        sheet = path.with_name(f"{path.name} [{by_table[table]}]")
        sheets.append((table, sheet, named, renamed, shown))
    return _run(store, sheets, f"import xlsx {path.name}", notices)


def _run(store: Store, sheets: list, line: str, notices: list[str]) -> CsvReport:
    report = CsvReport(notices=list(notices))
    db = Database(store.conn)
    try:
        with store.write() as w, w.entry(line):
            for table, path, header, rows, *shown in sheets:
                sheet = _Sheet(store, w, db, table, path, header, report)
                sheet.shown = shown[0] if shown else {}
                sheet.load(rows)
    except sqlite3.IntegrityError as exc:
        raise UserError("csv_rejected", detail=str(exc)) from None
    return report


class _Sheet:
    def __init__(
        self,
        store: Store,
        w: Writer,
        db: Database,
        table: str,
        path: Path,
        header: list[str],
        report: CsvReport,
    ):
        self.store, self.w, self.table, self.path, self.report = store, w, table, path, report
        self.shown: dict[str, str] = {}  # column -> its header as the sheet writes it
        # the grid and dimensions of this import's own neighbourhood and board sheets, when
        # they came first in the same write (a whole export into a new file)
        self.context = store.context_now()
        self.columns = {c.name: c for c in db[table].columns if c.name not in NOT_EXPORTED}
        by_key = {h.casefold(): h for h in header}
        self.header = {name: by_key[name] for name in self.columns if name in by_key}
        ignored = [h for h in header if h and h.casefold() not in self.columns]
        if ignored:
            report.notices.append(
                t("import_ignored_columns", store.lang, file=path.name, columns=", ".join(ignored))
            )

    # --- one row ---------------------------------------------------------------------------

    def load(self, rows: list[dict[str, str]]) -> None:
        skipped = 0
        for number, row in ((row_number(r, i), r) for i, r in enumerate(rows, 2)):
            values = {name: self.cell(row[col], name, number) for name, col in self.header.items()}
            values = {k: v for k, v in values.items() if v is not None or self._nullable(k)}
            named = self._named(values)
            reason = self.resolve(values, named)
            if reason:
                skipped += 1
                if skipped <= 20:
                    self.report.notices.append(
                        t(
                            "import_row_skipped",
                            self.store.lang,
                            file=self.path.name,
                            row=number,
                            reason=reason,
                        )
                    )
                continue
            self.save(values, named)
        if skipped > 20:
            self.report.notices.append(
                t("csv_more_skipped", self.store.lang, file=self.path.name, count=skipped - 20)
            )
        self.report.skipped += skipped

    def _nullable(self, name: str) -> bool:
        column = self.columns[name]
        return not column.notnull and name not in ("id", "created", "updated")

    def cell(self, raw: str, name: str, number: int) -> object:
        def bad(expected: str) -> UserError:
            return UserError(
                "csv_bad_cell",
                path=self.path.name,
                row=number,
                column=self.shown.get(name, name),
                value=raw[:80],
                expected=expected,
            )

        column = self.columns[name]
        return csv_cells.value(raw, self.table, name, column, self.context, self.store.lang, bad)

    def _named(self, values: dict) -> list[dict]:
        """The records a row without id means by its name (a named table's), else none."""
        name = (values.get("name") or "").strip()
        if self.table not in NAMED_TABLES or values.get("id") or not name:
            return []
        return self.store.find(self.table, values["name"])

    def resolve(self, values: dict, named: list[dict]) -> str | None:
        """Turn names in reference columns into ids; the reason when a row cannot be kept. A
        name two records share is never guessed at: the row (or the reference) waits for the
        record's id, as a capture line would ask which one."""
        lang = self.store.lang
        if self.table in NAMED_TABLES and not (values.get("name") or "").strip():
            return t("csv_no_name", lang)
        if len(named) > 1:
            return t("csv_name_ambiguous", lang, value=values["name"], count=len(named))
        for (table, column), (target, required) in REFERENCES.items():
            if table != self.table or column not in values or values[column] is None:
                continue
            value = values[column]
            found = self._matches(target, value)
            if len(found) > 1 and required:
                return t("csv_ambiguous", lang, column=column, value=value, count=len(found))
            if not found and required:
                return t("csv_not_in_file", lang, column=column, value=value)
            if len(found) != 1:
                key = "csv_ambiguous_left_empty" if found else "csv_left_empty"
                self.report.notices.append(
                    t(key, lang, file=self.path.name, column=column, value=value, count=len(found))
                )
            values[column] = found[0] if len(found) == 1 else None
        session = values.get("session_id")
        if session and self.store.get("session", session) is None:
            values["session_id"] = None
        if self.table == "note":
            for kind, ref in (("about_table", "about_id"), ("said_by_table", "said_by_id")):
                if values.get(ref):
                    found = self._matches(values[kind], values[ref]) if values.get(kind) else []
                    values[kind], values[ref] = (
                        (values[kind], found[0]) if len(found) == 1 else (None, None)
                    )
        return None

    def _matches(self, table: str, ref: str) -> list[str]:
        """The ids `ref` may mean in `table`: its own id, else the records of that name."""
        if self.store.get(table, ref):
            return [ref]
        if table in NAMED_TABLES:
            return [r["id"] for r in self.store.find(table, ref)]
        return []

    # --- writing ---------------------------------------------------------------------------

    def save(self, values: dict, named: list[dict]) -> None:
        """`named`: the one record a row without id means by its name, or none."""
        store, w, table = self.store, self.w, self.table
        existing = store.get(table, values["id"]) if values.get("id") else None
        if existing is None and named:
            existing = named[0]
        if table == "neighbourhood":
            return self._neighbourhood(values)
        if table == "board_dimension" and existing is None:
            for old in store.rows("board_dimension", "key = ?", (values.get("key"),)):
                w.delete("board_dimension", old["id"])
        if table == "initiative" and values.get("card_number") is not None:
            self._card(values, existing)
        if table == "actor" and existing is None:
            values.setdefault("type", "person")
            if not values.get("consent"):
                values["consent"] = "public" if values["type"] == "organisation" else "internal"
        if existing is not None:
            edits = self._edits(existing, values)
            if not values.get("id"):
                # Found by name, like a capture: the name as typed is no rename, and an empty
                # cell changes nothing (only a row with the record's id stands for all of it).
                edits = {
                    k: v for k, v in edits.items() if k != "name" and v not in (None, "", [], {})
                }
            after = w.update(table, existing["id"], edits)
            if _changed(existing, after):
                self.report.updated += 1
            else:
                self.report.unchanged += 1
        elif table == "tie" and not values.get("id"):
            extra = {k: values[k] for k in ("strength", "description") if k in values}
            upsert_tie(
                store,
                w,
                values["source_id"],
                values["target_id"],
                values.get("kind", "knows"),
                values.get("direction", "directed"),
                values.get("tags", []),
                extra,
            )
            self.report.inserted += 1
        elif table == "attendance" and store.count(
            "attendance",
            "participant_id = ? AND session_id IS ?",
            (values["participant_id"], values.get("session_id")),
        ):
            return
        else:
            w.insert(table, values)
            self.report.inserted += 1

    def _edits(self, existing: dict, values: dict) -> dict:
        """What the sheet changes. A value an export withheld (a pseudonym for a name, an
        empty phone number) comes back as it was shown: that is no edit, and the stored value
        stays. Without this, importing an export into the file it came from would erase
        every name and number that consent kept out of the export."""
        shown = [
            export_record(self.store, self.table, existing, anonymise=a) for a in (False, True)
        ]

        def withheld(key: str, value: object) -> bool:
            return any(
                key in s and _same(s[key], value) and not _same(s[key], existing.get(key))
                for s in shown
            )

        return {
            k: v
            for k, v in values.items()
            if k not in ("created", "updated") and not withheld(k, v)
        }

    def _card(self, values: dict, existing: dict | None) -> None:
        holder = next(
            iter(self.store.rows("initiative", "card_number = ?", (values["card_number"],))), None
        )
        mine = existing["id"] if existing else values.get("id")
        if holder and holder["id"] != mine:
            new = self.w.take_card_number()
            self.report.notices.append(
                t(
                    "csv_card_moved",
                    self.store.lang,
                    file=self.path.name,
                    number=values["card_number"],
                    holder=holder["name"],
                    name=values.get("name"),
                    new=new,
                )
            )
            values["card_number"] = new
        else:
            self.w.take_card_number(values["card_number"])

    def _neighbourhood(self, values: dict) -> None:
        """A file has one neighbourhood: the imported row takes its place (id included)."""
        current = self.store.neighbourhood()
        merged = {k: v for k, v in {**current, **values}.items() if k in self.columns}
        if merged.get("id") == current["id"]:
            after = self.w.update("neighbourhood", current["id"], merged)
            if not _changed(current, after):
                self.report.unchanged += 1
                return
        else:
            self.w.delete("neighbourhood", current["id"])
            self.w.insert("neighbourhood", merged)
        self.report.updated += 1

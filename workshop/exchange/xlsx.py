"""The whole file as one Excel workbook (`export --format xlsx`), and the headers read back.

One sheet per table (named by its table, in `EXPORT_TABLES` order), the same records, columns
and redaction as the CSV export (`tables.export_records`, audience `export`, `--anonymise`).
Headers are in the file's language (a Dutch neighbourhood gets Dutch headers, from the form
labels); `header_keys` maps either language's header back to the column, so `import --csv all
BOOK.xlsx` reads a workbook in both languages. The header row is bold and frozen.

Cells are typed, never guessed by the spreadsheet: every text (ids, phone numbers, postcodes,
`=1+1 Stichting`) is a string cell, explicitly, so it can never become a formula or a number;
integers and decimals are numbers; a date field (a session's date) is a real date; yes/no fields
(ambassador, startmotor) are Excel booleans (TRUE/FALSE, WAAR/ONWAAR in a Dutch Excel). The
`created`/`updated` timestamps stay ISO texts: they carry a time zone a spreadsheet date cannot.
The package itself is written by `xlsx_package`; openpyxl reads workbooks (`csv_import`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from workshop.capture import forms
from workshop.exchange import xlsx_package
from workshop.exchange.tables import EXPORT_TABLES, NOT_EXPORTED, export_records, needs_guard
from workshop.file.store import Store
from workshop.model import FIELDS as RULES
from workshop.outputs import atomic_output

# Headers for the columns the forms do not show (bookkeeping and references).
_LABELS = {
    "name": ("Naam", "Name"),
    "municipality": ("Gemeente", "Municipality"),
    "lang": ("Taal", "Language"),
    "grid_cols": ("Kolommen", "Grid columns"),
    "grid_rows": ("Rijen", "Grid rows"),
    "base_url": ("Basisadres", "Base URL"),
    "next_card": ("Volgend kaartnummer", "Next card number"),
    "source": ("Bron", "Source"),
    "date": ("Datum", "Date"),  # a real date cell: the form's format hint does not apply
    "created": ("Aangemaakt", "Created"),
    "updated": ("Bijgewerkt", "Updated"),
    "session_id": ("Sessie", "Session"),
    "tags": ("Labels", "Tags"),
    "source_id": ("Van", "From"),
    "target_id": ("Naar", "To"),
    "actor_id": ("Actor", "Actor"),
    "initiative_id": ("Initiatief", "Initiative"),
    "place_id": ("Plek", "Place"),
    "participant_id": ("Deelnemer", "Participant"),
    "about_table": ("Over (soort)", "About (kind)"),
    "about_id": ("Over", "About"),
    "said_by_table": ("Door (soort)", "By (kind)"),  # door:NAME: who said a note
    "said_by_id": ("Door", "By"),
    "attributes": ("Klankbord", "Sounding board"),
}
_MAX_WIDTH = 60
# what an .xlsx cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE: control characters but tab and
# line breaks)
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def _form_fields(table: str) -> dict[str, forms.Field]:
    return {f.name: f for f in forms.FIELDS.get(table, ())}


def _label_pair(table: str, column: str) -> tuple[str, str]:
    if column in _LABELS:
        return _LABELS[column]
    field = _form_fields(table).get(column)
    if field is not None:
        return field.nl, field.en
    rule = RULES.get(column)
    if rule is not None:
        return rule.nl, rule.en
    return column, column


def headers(table: str, columns: list[str], lang: str) -> list[str]:
    """The header of each column in `lang`; the column's own key where a label would be
    ambiguous (two columns with one label, or a label that is another column's key)."""
    keys = {c.casefold() for c in columns}
    seen: set[str] = set()
    out = []
    for column in columns:
        nl, en = _label_pair(table, column)
        label = nl if lang == "nl" else en
        folded = label.casefold()
        if folded in seen or (folded in keys and folded != column.casefold()):
            label, folded = column, column.casefold()
        seen.add(folded)
        out.append(label)
    return out


def header_keys(table: str, columns: list[str]) -> dict[str, str]:
    """Every header an export may have written for `table` (either language, or the key
    itself), case-folded, to its column."""
    mapping: dict[str, str] = {}
    for lang in ("en", "nl"):
        for column, label in zip(columns, headers(table, columns, lang), strict=True):
            mapping.setdefault(label.casefold(), column)
    for column in columns:
        mapping[column.casefold()] = column
    return mapping


def _kind(table: str, column: str) -> str:
    field = _form_fields(table).get(column)
    return field.kind if field is not None else "text"


def _text(value: str) -> str:
    # A text that starts with an apostrophe before something formula-like gets one more, so
    # that the import (which reads every cell through `unguard_cell`) gives it back exactly.
    return "'" + value if value.startswith("'") and needs_guard(value) else value


def _cell_value(value: Any, kind: str) -> tuple[Any, str | None]:
    """The value to write and its cell type (`xlsx_package`: "s" a string, never a formula;
    "n" a number; "b" a boolean; "d" a date)."""
    if value is None or value == "":
        return None, None
    if kind == "bool" and isinstance(value, int):
        return bool(value), "b"
    if kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value), "d"
        except ValueError:
            return _text(value), "s"
    if isinstance(value, bool):
        return value, "b"
    if isinstance(value, (int, float)):
        return value, "n"
    if isinstance(value, list):
        plain = all(isinstance(v, str) and "|" not in v for v in value)
        if plain and not (value and value[0].startswith("[")):
            value = "|".join(value)
        else:
            value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    return _text(str(value)), "s"


def export_xlsx(store: Store, target: Path, *, anonymise: bool = False) -> Path:
    """Write the workbook to `target` (atomically) and return it."""
    latest = ""  # the newest change of anything exported: the workbook's own time stamp
    sheets = []
    for table in EXPORT_TABLES:
        columns = [c for c in store.columns(table) if c not in NOT_EXPORTED]
        header = headers(table, columns, store.lang)
        widths = [len(label) for label in header]
        kinds = [_kind(table, c) for c in columns]
        rows = []
        for record in export_records(store, table, anonymise=anonymise):
            latest = max(latest, str(record.get("updated") or ""))
            cells = []
            for col, (column, kind) in enumerate(zip(columns, kinds, strict=True)):
                value, data_type = _cell_value(record.get(column), kind)
                if data_type == "s":
                    # Control characters (other than tab and line breaks) have no place in
                    # an .xlsx file; they are left out rather than refusing the export. An
                    # empty text (no tags) is an empty cell.
                    value = _ILLEGAL.sub("", value) or None
                if value is not None:
                    shown = 10 if data_type == "d" else len(str(value))
                    if shown > widths[col]:
                        widths[col] = min(shown, _MAX_WIDTH)
                cells.append((value, data_type))
            rows.append(cells)
        sheets.append((table, header, rows, [min(w + 2, _MAX_WIDTH) for w in widths]))
    book = xlsx_package.Package(_stamp(latest))
    for sheet in sheets:
        book.sheet(*sheet)
    with atomic_output(Path(target), "wb") as fh:
        fh.write(book.bytes())
    return Path(target)


def _stamp(latest: str) -> dt.datetime:
    """The same file gives the same bytes (the CLI and F9 write identical workbooks; a
    re-export shows no change): the package's times (the zip entries', the document's
    created/modified) are the newest change of the exported records."""
    try:
        when = dt.datetime.fromisoformat(latest.replace("Z", "+00:00")).replace(microsecond=0)
    except ValueError:
        when = dt.datetime(2000, 1, 1)
    return max(when.replace(tzinfo=None), dt.datetime(1980, 1, 1))

"""The whole file as one Excel workbook (`export --format xlsx`), and the headers read back.

One sheet per table (named by its table, in `EXPORT_TABLES` order), the same records, columns
and redaction as the CSV export (`tables.export_records`, audience `export`, `--anonymise`).
Headers are in the file's language (a Dutch neighbourhood gets Dutch headers, from the form
labels); `header_keys` maps either language's header back to the column, so `import --csv all
BOOK.xlsx` reads a workbook in both languages. The header row is bold and frozen.

Cells are typed, never guessed by the spreadsheet: every text (ids, phone numbers, postcodes,
`=1+1 Stichting`) is a string cell, explicitly, so it can never become a formula or a number;
integers and decimals are numbers (XlsxWriter writes 16 significant digits: a float that needs
17, such as a computed coordinate, comes back a last bit off; typed and OSM ones, rounded to 7
decimals, come back exactly); a date field (a session's date) is a real date; yes/no fields
(ambassador, startmotor) are Excel booleans (TRUE/FALSE, WAAR/ONWAAR in a Dutch Excel). The
`created`/`updated` timestamps stay ISO texts: they carry a time zone a spreadsheet date cannot.
XlsxWriter writes the workbook; openpyxl reads workbooks (`csv_import`). At city scale
(330,000 cells) seven tenths of the export's time is XlsxWriter's own work per cell (storing
it, then writing its XML); the rest is reading and redacting the records and this loop.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from workshop import model
from workshop.capture import forms
from workshop.exchange.tables import EXPORT_TABLES, NOT_EXPORTED, export_records, needs_guard
from workshop.file.store import Store
from workshop.i18n import UserError, pick
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
    "min_lat": ("Kaart: zuidgrens", "Map: south edge"),
    "min_lon": ("Kaart: westgrens", "Map: west edge"),
    "max_lat": ("Kaart: noordgrens", "Map: north edge"),
    "max_lon": ("Kaart: oostgrens", "Map: east edge"),
    "next_sticker": ("Volgend stickernummer", "Next sticker number"),
    "located": ("Plek bepaald via", "Located by"),  # "scan": its sticker on the map's photo
    "key": ("Sleutel", "Key"),  # a sounding board dimension's, in participants' attributes
    "label_nl": ("Naam in het Nederlands", "Dutch name"),
    "label_en": ("Naam in het Engels", "English name"),
    "position": ("Volgorde", "Order"),
    "values": ("Mogelijke waarden", "Possible values"),
}
_MAX_WIDTH = 60
MAX_CELL = 32767  # characters in one spreadsheet cell (Excel's limit, and XlsxWriter's)
_DATE = {"num_format": "yyyy-mm-dd"}  # the format openpyxl gives a date
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
    """The value to write and its cell type ("s" a string, never a formula; "n" a number;
    "b" a boolean; "d" a date)."""
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
        if isinstance(value, float) and not math.isfinite(value):
            return repr(value), "s"  # no number cell can hold it: the text, as a string
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
    with atomic_output(Path(target), "wb") as fh:
        # Shared strings (not `constant_memory`): at city scale (330,000 cells) faster (5.8 s
        # against 6.2 s CPU on a busy hour) and the file a fifth smaller (roles, groups and
        # kinds repeat). `in_memory`: the parts are not written to temporary files first, so the
        # target is the only thing written (and a full disk is said about it), for 120 MB of
        # memory at most instead of 72.
        book = xlsxwriter.Workbook(fh, {"in_memory": True})
        styles = {"header": book.add_format({"bold": True}), "date": book.add_format(_DATE)}
        latest = ""  # the newest change of anything exported: the workbook's own time stamp
        for table in EXPORT_TABLES:
            latest = max(latest, _sheet(book, styles, store, table, anonymise))
        book.set_properties({"created": _stamp(latest), "author": "workshop"})
        book.close()
    return Path(target)


def _sheet(
    book: xlsxwriter.Workbook,
    styles: dict[str, Format],
    store: Store,
    table: str,
    anonymise: bool,
) -> str:
    """One table's sheet: the bold frozen header, the typed cells, the widths. Returns the
    newest `updated` of its records."""
    columns = [c for c in store.columns(table) if c not in NOT_EXPORTED]
    header = headers(table, columns, store.lang)
    kinds = [_kind(table, c) for c in columns]
    widths = [len(label) for label in header]
    sheet = book.add_worksheet(table)
    sheet.freeze_panes(1, 0)
    for col, label in enumerate(header):
        sheet.write_string(0, col, label, styles["header"])
    records = export_records(store, table, anonymise=anonymise)
    latest = max((str(r.get("updated") or "") for r in records), default="")
    # A text is written as it is in any column but a date's (most cells: ids, names, stamps,
    # kinds), an integer as a number in any but a yes/no one; the rest (decimals, yes/no,
    # dates, lists, texts that need a look) goes through `_typed`. XlsxWriter's undecorated
    # writers (what its own `write` calls): the decorated ones first try the row as "A1",
    # 0.3 s of a city's workbook. (Private: should a release drop them, the public ones do.)
    as_text = [kind != "date" for kind in kinds]
    as_number = [kind != "bool" for kind in kinds]
    write_string = getattr(sheet, "_write_string", sheet.write_string)
    write_number = getattr(sheet, "_write_number", sheet.write_number)
    for row, record in enumerate(records, 1):
        for col, value in enumerate(map(record.get, columns)):
            if value is None:  # (a third of a city's cells: no call for them)
                continue
            kind = type(value)
            if (
                kind is str
                and as_text[col]
                and value
                and value.isprintable()
                and value[0] != "'"
                and len(value) <= MAX_CELL
            ):
                write_string(row, col, value)
                shown = len(value)
            elif kind is int and as_number[col]:
                write_number(row, col, value)
                shown = len(str(value))
            elif kind is list and not value:  # no tags: an empty cell
                continue
            else:
                shown = _typed(sheet, row, col, value, kinds[col], styles["date"])
                if shown < 0:
                    raise _too_long(store, table, record, header[col], -shown)
            if shown > widths[col]:
                widths[col] = min(shown, _MAX_WIDTH)
    for col, width in enumerate(widths):
        # In pixels, 7 to a character (Calibri 11's digit, XlsxWriter's unit): the file holds
        # exactly `width` characters, as openpyxl reads it back.
        sheet.set_column_pixels(col, col, 7 * min(width + 2, _MAX_WIDTH))
    return latest


def _typed(sheet: Worksheet, row: int, col: int, value: Any, kind: str, date_style: Format) -> int:
    """Write one cell by its type (see `_cell_value`); the characters it shows (0: nothing
    written), or minus the length of a text too long for a cell."""
    value, data_type = _cell_value(value, kind)
    if data_type == "s":
        # Control characters (other than tab and line breaks) have no place in an .xlsx
        # file; they are left out rather than refusing the export. An empty text (no tags)
        # is an empty cell.
        if not value.isprintable():  # (a quick test first: most texts are)
            value = _ILLEGAL.sub("", value)
        if not value:
            return 0
        if len(value) > MAX_CELL:  # XlsxWriter would cut it short without a word
            return -len(value)
        sheet.write_string(row, col, value)
        return len(value)
    if data_type == "n":
        sheet.write_number(row, col, value)
    elif data_type == "b":
        sheet.write_boolean(row, col, value)
    elif data_type == "d":
        sheet.write_datetime(row, col, value, date_style)
        return 10
    else:
        return 0
    return len(str(value))


def _too_long(store: Store, table: str, record: dict, field: str, length: int) -> UserError:
    name = record.get("name") or record.get("venue") or record.get("id") or ""
    labels = model.KIND_LABELS.get(table)
    kind = pick(labels, store.lang).lower() if labels else table
    return UserError("xlsx_cell_too_long", kind=kind, name=name, field=field, length=length)


def _stamp(latest: str) -> dt.datetime:
    """The same file gives the same bytes (the CLI and F9 write identical workbooks; a
    re-export shows no change): the document's created/modified time is the newest change of
    the exported records (XlsxWriter gives every zip entry the same fixed time)."""
    try:
        when = dt.datetime.fromisoformat(latest.replace("Z", "+00:00")).replace(microsecond=0)
    except ValueError:
        when = dt.datetime(2000, 1, 1)
    return max(when.replace(tzinfo=None), dt.datetime(1980, 1, 1))

"""The whole file as CSV (one file per table, for Excel) or as one JSON document.

Both pass every record through the one redaction (`workshop.file.redaction`, output `export`):
persons named only with public consent, and every free-text field scrubbed of the names, phones
and mail addresses of the others. The undo history is never exported (it holds copies of
earlier values).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from workshop import privacy
from workshop.exchange.files import write_csv
from workshop.file import redaction
from workshop.file.store import Store
from workshop.model import MAY_HOLD_PERSON
from workshop.outputs import atomic_output

EXPORT_TABLES = (
    "neighbourhood",
    "session",
    "place",
    "initiative",
    "actor",
    "tie",
    "actor_initiative",
    "actor_place",
    "participant",
    "attendance",
    "note",
    "board_dimension",
    "candidate",
)
PERSONAL_TABLES = MAY_HOLD_PERSON
# The file's own bookkeeping, not data: the matching key and the per-field change times merge
# uses. Exports leave them out; an import ignores them.
NOT_EXPORTED = frozenset({"norm", "field_times"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A text a spreadsheet would turn into a number and so lose its leading 0: a phone number
# (0612345678, 020-1234567), a house number range or code written with a leading zero.
_LEADING_ZERO = re.compile(r"0\d[\d ./()-]*")
_GUARDED_START = frozenset("".join(_FORMULA_START) + "'0")


# With --anonymise, contact details go from every table, and so does the facilitator's name.
ANONYMISED_FIELDS = {
    "place": ("tel", "mail", "address"),
    "initiative": ("tel", "mail"),
    "session": ("facilitator",),
}


def export_records(store: Store, table: str, *, anonymise: bool = False) -> list[dict]:
    rows = store.rows(table, order="created, rowid" if table != "neighbourhood" else "")
    scrub = redaction.for_output(store, "export", anonymise=anonymise)
    return [export_record(store, table, row, anonymise=anonymise, scrub=scrub) for row in rows]


def export_record(
    store: Store,
    table: str,
    row: dict,
    *,
    anonymise: bool = False,
    scrub: redaction.Redactor | None = None,
) -> dict:
    """One record as exports show it (see the module docstring)."""
    scrub = scrub or redaction.for_output(store, "export", anonymise=anonymise)
    lang = scrub.lang
    shown = row  # (`scrub.record` gives a copy: the row itself is never changed)
    if anonymise and table in ANONYMISED_FIELDS:
        shown = {**row, **dict.fromkeys(ANONYMISED_FIELDS[table])}
    shown = scrub.record(table, shown)
    if table in PERSONAL_TABLES and shown["name"] != row["name"] and "description" in shown:
        shown["description"] = None
    if table == "note":
        shown = _redact_note(store, shown, lang, anonymise)
    for column in NOT_EXPORTED:
        shown.pop(column, None)
    return shown


def _redact_note(store: Store, note: dict, lang: str, anonymise: bool) -> dict:
    """A note about a person who may not be named in exports is left out of the export text;
    who said it (`door:`) is left out when that person may not be named."""
    if note.get("said_by_table") and note.get("said_by_id"):
        speaker = store.get(note["said_by_table"], note["said_by_id"])
        if speaker is None or (
            privacy.shown_name(speaker, note["said_by_table"], "export", lang, anonymise)
            != speaker["name"]
        ):
            note = {**note, "said_by_table": None, "said_by_id": None}
    if note["about_table"] in PERSONAL_TABLES and note["about_id"]:
        person = store.get(note["about_table"], note["about_id"])
        if (
            person
            and privacy.shown_name(person, note["about_table"], "export", lang, anonymise)
            != person["name"]
        ):
            return {**note, "text": None}
    return note


def export_json(store: Store, target: Path | None, *, anonymise: bool = False) -> str:
    document: dict[str, Any] = {"format": "workshop", "version": 1}
    for table in EXPORT_TABLES:
        records = export_records(store, table, anonymise=anonymise)
        document[table] = records[0] if table == "neighbourhood" else records
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if target is not None:
        with atomic_output(target, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return text


def _csv_value(value: Any, decimal_comma: bool = False) -> Any:
    """A cell Excel shows as the value and `csv_import.cell_value` reads back exactly."""
    if isinstance(value, list):
        plain = all(isinstance(v, str) and "|" not in v for v in value)
        if plain and not (value and value[0].startswith("[")):
            value = "|".join(value)
        else:
            value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        value = guard_cell(value)
    elif isinstance(value, float) and decimal_comma:
        value = repr(value).replace(".", ",")
    return "" if value is None else value


def is_formula_like(text: str) -> bool:
    """Starts like a formula, also behind apostrophes (so the guard can be undone exactly)."""
    return text.lstrip("'").startswith(_FORMULA_START)


def needs_guard(text: str) -> bool:
    """A text a spreadsheet would not keep as typed: a formula (`=1+1 Stichting`, and
    `+31612345678`, which it also turns into a number) or a number with a leading zero
    (`0612345678`). Also behind apostrophes, so the guard can be undone exactly."""
    if not text or text[0] not in _GUARDED_START:
        return False  # most cells: one look at the first character
    return is_formula_like(text) or bool(_LEADING_ZERO.fullmatch(text.lstrip("'")))


def guard_cell(text: str) -> str:
    """The cell text Excel and LibreOffice keep as text: a leading apostrophe where needed."""
    return "'" + text if needs_guard(text) else text


def unguard_cell(raw: str) -> str:
    """The text `guard_cell` was given (imports read every cell through this)."""
    return raw[1:] if raw.startswith("'") and needs_guard(raw[1:]) else raw


def export_csv(
    store: Store, folder: Path, *, anonymise: bool = False, delimiter: str = ","
) -> list[Path]:
    # With ';' the sheet is for a Dutch-locale spreadsheet, which reads 52.559 as 52559:
    # decimals get a comma there (csv_import reads both forms back).
    comma = delimiter == ";"
    written = []
    for table in EXPORT_TABLES:
        records = export_records(store, table, anonymise=anonymise)
        header = [c for c in store.columns(table) if c not in NOT_EXPORTED]
        written.append(
            write_csv(
                Path(folder) / f"{table}.csv",
                header,
                [[_csv_value(r.get(c), comma) for c in header] for r in records],
                delimiter,
            )
        )
    return written

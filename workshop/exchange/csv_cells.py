"""One cell of an imported sheet as the value the file stores, or a refusal that says what
the column takes (`csv_import`, for CSV sheets and xlsx workbooks alike).

    value(raw, table, name, column, context, lang, bad)   # bad(expected) -> the UserError

A field of the capture line is held to its rule exactly as the capture line takes it
(`rules.by_capture_rule`); numbers take a decimal point or comma; a word of a vocabulary is
refused outside it, or kept as written where the vocabulary is open (a place's kind).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlite_utils.db import Column

from workshop import model
from workshop.exchange import rules
from workshop.exchange.tables import unguard_cell
from workshop.file.rows import JSON_COLUMNS, is_uuid
from workshop.i18n import UserError, t
from workshop.model import NOTE_TARGET_TABLES, Context

# Vocabularies the schema enforces: a word outside them is refused. The fields of the capture
# line among them (consent, status, ...) are held to its rules first (`rules.ruled`); these
# catch what those do not see (a direction, a cell of spaces).
_CLOSED = {
    "sentiment": model.SENTIMENTS,
    "status": model.STATUSES,
    "type": model.ACTOR_TYPES,
    "consent": model.CONSENT,
    "direction": model.DIRECTIONS,
}
_CLOSED_BY_TABLE = {
    ("candidate", "status"): model.BOARD_STATUSES,
    ("actor_initiative", "kind"): model.INITIATIVE_TIE_KINDS,
    ("actor_place", "kind"): model.PLACE_TIE_KINDS,
}
_OPEN = {
    ("place", "kind"): model.PLACE_KINDS,
    ("initiative", "theme"): model.THEMES,
    ("actor", "role"): model.ROLES,
    ("tie", "kind"): model.ACTOR_TIE_KINDS,
}
_CHOICES = {
    ("note", "kind"): ("note", "quote"),
    ("neighbourhood", "lang"): ("nl", "en"),
    ("note", "about_table"): NOTE_TARGET_TABLES,
    ("note", "said_by_table"): ("participant", "actor"),  # door:NAME (issue 11)
}
# Numbers the capture line has no field for (its fields' bounds are the field table's).
_RANGES = {"grid_cols": (1, model.MAX_GRID_COLS), "grid_rows": (1, model.MAX_GRID_ROWS)}
_BOOLEAN = {"ambassador", "startmotor"}  # an empty cell is no; a word is the capture line's


def is_record_id(text: str) -> bool:
    """Whether `text` is a record id as the file gives them (a UUID): another id ("1",
    "abc") could be another laptop's for another record, and a merge would take the two for
    one (`workshop.file.merge_ids` keeps such records apart in files that already have them)."""
    return is_uuid(text.strip())


_FILLED_IN = {"id", "created", "updated", "name", "consent", "type"}
_DEFAULTS = {
    ("tie", "kind"): "knows",
    ("tie", "direction"): "directed",
    ("actor_initiative", "kind"): "supports",
    ("actor_place", "kind"): "meets_at",
    ("note", "kind"): "note",
}


def value(
    raw: str,
    table: str,
    name: str,
    column: Column,
    context: Context,
    lang: str,
    bad: Callable[[str], UserError],
) -> object:
    """The stored value of `raw` in column `name` of `table`; raises `bad(expected)`."""
    text = unguard_cell(raw)
    if text.strip() and rules.ruled(table, name):  # exactly as the capture line takes it
        try:
            ruled = rules.by_capture_rule(table, name, text, context)
        except UserError as exc:
            raise bad(exc.message(lang)) from None
        return int(ruled) if isinstance(ruled, bool) else ruled
    if name in JSON_COLUMNS:
        return _json(text, name, bad)
    if name == "id" and text.strip():
        if not is_record_id(text):
            raise bad(t("csv_expect_id", lang))
        return text.strip()
    if name in _BOOLEAN:
        return 0
    if column.type in ("INTEGER", "REAL"):
        if not text.strip():
            return None
        try:
            number_value = float(text.strip().replace(",", "."))
        except ValueError:
            raise bad(t("csv_expect_number", lang)) from None
        if not rules.finite(number_value):
            raise bad(t("csv_expect_finite", lang))
        if column.type == "INTEGER":
            if number_value != int(number_value):
                raise bad(t("csv_expect_whole", lang))
            number_value = int(number_value)
        low, high = _RANGES.get(name, (None, None))
        if low is not None and high is not None and not low <= number_value <= high:
            raise bad(f"{low}-{high}")
        return number_value
    if text == "":
        if (table, name) in _DEFAULTS:
            return _DEFAULTS[(table, name)]
        # A required text stays an empty text (a note whose text an export withheld);
        # these few are filled in by the file's defaults and rules instead.
        keep_empty = column.notnull and column.default_value is None
        return "" if keep_empty and name not in _FILLED_IN else None
    vocab = _CLOSED_BY_TABLE.get((table, name)) or (
        _CLOSED.get(name) if (table, name) not in _OPEN else None
    )
    if vocab is not None:
        term = vocab.lookup(text)
        if term is None:
            raise bad(", ".join(vocab.keys()))
        return term.key
    if (table, name) in _CHOICES:
        if text not in _CHOICES[(table, name)]:
            raise bad(", ".join(_CHOICES[(table, name)]))
        return text
    if (table, name) in _OPEN:
        term = _OPEN[(table, name)].lookup(text)
        return term.key if term else text
    return text


def _json(text: str, name: str, bad: Callable[[str], UserError]) -> object:
    want_dict = name == "attributes"
    if not text.strip():
        return {} if want_dict else []
    if text.lstrip().startswith(("[", "{")):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict if want_dict else list):
            return parsed
        if want_dict or name == "values":
            raise bad("JSON")
    if want_dict or name == "values":
        raise bad("JSON")
    return [part.strip() for part in text.split("|") if part.strip()]

"""Rows as the file stores them: ids, timestamps, JSON columns, column defaults."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import uuid
from typing import Any

JSON_COLUMNS = {"tags", "attributes", "values", "changes", "field_times"}


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


# An id as the file gives one (`new_id`). Files an import wrote before imports held ids to this
# may hold others ("1", "abc"), which another laptop may have given another record.
_UUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


def is_uuid(text: str) -> bool:
    return _UUID.fullmatch(text) is not None


# A namespace of our own for the ids made of other values (uuid5).
_NAMESPACE = uuid.UUID("6f1c3b9e-0d7a-5b8e-9a41-2c5e8d7f3a10")


def derived_id(*parts: str) -> str:
    """A UUID made of `parts`: the same parts give the same id, other parts another."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def encode(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def column_default(sql: str | None) -> Any:
    """A column's DEFAULT as a Python value (the schema uses only plain literals)."""
    if sql is None or sql.upper() == "NULL":
        return None
    if sql.startswith("'"):
        return sql[1:-1].replace("''", "'")
    return float(sql) if "." in sql else int(sql)


_EMPTY_JSON = {"[]": list, "{}": dict}


def decode_row(row: sqlite3.Row | dict) -> dict:
    out = dict(row)
    for key in JSON_COLUMNS.intersection(out):
        value = out[key]
        if isinstance(value, str):
            # Most tags and attributes are empty: skip the JSON parser for them (lists of
            # thousands of rows are read on every screen change).
            empty = _EMPTY_JSON.get(value)
            out[key] = empty() if empty else json.loads(value)
    return out

"""Rows as the file stores them: ids, timestamps, JSON columns, column defaults."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from typing import Any

JSON_COLUMNS = {"tags", "attributes", "values", "changes", "field_times"}


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


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

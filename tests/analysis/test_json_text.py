"""`report.json_text` writes the very text `json.dumps(..., ensure_ascii=False, indent=2)`
writes, whatever the rows hold (its fast path is for lists of flat objects only)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.analysis import report

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
flat_rows = st.lists(st.dictionaries(st.text(), scalars, max_size=6), max_size=6)


@settings(max_examples=150)
@given(flat_rows)
def test_flat_rows_are_written_as_json_dumps_writes_them(rows) -> None:
    assert report.json_text(rows) == json.dumps(rows, ensure_ascii=False, indent=2)


def test_anything_else_too() -> None:
    for value in (
        [],
        {},
        [{}],
        [{"a": [1, 2]}, {"b": {"c": None}}],
        {"rows": [{"naam": "Zoë 'de' \"Bakker\"\n"}]},
        [{"x": float("nan"), "y": float("-inf"), "z": "\u2028\x00é"}],
        [1, "twee", None],
    ):
        assert report.json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)

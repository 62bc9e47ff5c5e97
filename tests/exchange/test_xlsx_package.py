"""The workbook package written by hand, read back by openpyxl: every string as it was
(spaces, line breaks, XML's own characters, formula-like text), numbers exact, dates as dates,
booleans, empty cells, the bold frozen header, the widths, the sheet names."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl

from workshop.exchange import xlsx_package

TEXTS = [
    " leading",
    "trailing ",
    "two\nlines",
    "cr\r\nlf",
    "<a & b> \"q\" 'x'",
    "=1+1",
    "tab\there",
]


def _book() -> bytes:
    book = xlsx_package.Package(dt.datetime(2026, 3, 14, 12, 30, 5))
    rows = [[(text, "s"), (i, "n"), (None, None)] for i, text in enumerate(TEXTS)]
    rows.append([(0.1 + 0.2, "n"), (True, "b"), (dt.date(2026, 3, 14), "d")])
    rows.append([(float("inf"), "n"), (False, "b"), (-7, "n")])
    book.sheet("a & b", ["Naam", "Getal", "Datum"], rows, [12, 8, 12])
    book.sheet("leeg", ["x"], [], [3])
    return book.bytes()


def test_openpyxl_reads_back_what_was_written() -> None:
    data = _book()
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["a & b", "leeg"]
    sheet = book["a & b"]
    assert [c.value for c in sheet[1]] == ["Naam", "Getal", "Datum"]
    assert all(c.font.bold for c in sheet[1]) and sheet.freeze_panes == "A2"
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [12, 8, 12]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[: len(TEXTS)] == [[text, i, None] for i, text in enumerate(TEXTS)]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, len(TEXTS) + 2))
    number, yes, date = sheet[len(TEXTS) + 2]
    assert number.value == 0.1 + 0.2 and yes.value is True
    assert (
        date.is_date
        and date.value == dt.datetime(2026, 3, 14)
        and date.number_format == "yyyy-mm-dd"
    )
    assert [c.value for c in sheet[len(TEXTS) + 3]] == ["inf", False, -7]
    assert [c.value for c in book["leeg"][1]] == ["x"] and book["leeg"].max_row == 1
    assert book.properties.modified == dt.datetime(2026, 3, 14, 12, 30, 5)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {i.date_time for i in package.infolist()} == {(2026, 3, 14, 12, 30, 4)}
        assert package.testzip() is None
    assert _book() == data  # the same cells, the same bytes


def test_column_letters() -> None:
    assert [xlsx_package.column_letter(i) for i in (1, 26, 27, 52, 703)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "AAA",
    ]

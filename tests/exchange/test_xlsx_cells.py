"""The workbook XlsxWriter writes for `export --format xlsx`, read back by openpyxl: every
string as it was (spaces, line breaks, a carriage return, XML's own characters, formula-like
text), numbers exact to the 16 digits XlsxWriter writes, dates as dates, booleans, empty cells,
an empty sheet, the bold frozen header, the widths, the sheet names, the document's time and the
same bytes for the same file."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from workshop import exchange
from workshop.exchange import files, tables, xlsx
from workshop.file.store import Store

TEXTS = [
    " leading",
    "trailing ",
    "two\nlines",
    "cr\r\nlf",
    "<a & b> \"q\" 'x'",
    "=1+1",
    "tab\there",
    "Ĳsselmeer €",
]
LAT = 52.12345678901234  # sixteen significant digits: XlsxWriter writes sixteen


@pytest.fixture
def book_path(store: Store, tmp_path: Path) -> Path:
    with store.write() as w:
        w.insert("session", {"date": "2026-03-14"})
        for text in TEXTS:
            w.insert("place", {"name": text, "address": text})
        w.insert("place", {"name": "Kerk", "lat": LAT, "lon": -4.5})
        w.insert(
            "actor",
            {"name": "Stichting", "type": "organisation", "consent": "public", "ambassador": 1},
        )
    target = tmp_path / "cells.xlsx"
    exchange.export(store, "xlsx", target)
    return target


def test_openpyxl_reads_back_what_was_written(store: Store, book_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == list(tables.EXPORT_TABLES)
    places = book["place"]
    header = [c.value for c in places[1]]
    assert all(c.font.bold for c in places[1]) and places.freeze_panes == "A2"
    name = header.index("Naam")
    # The widths: the longest of header and cells, two characters more, stored exactly.
    longest = max(len(t) for t in [*TEXTS, "Naam", "Kerk"])
    letter = openpyxl.utils.get_column_letter(name + 1)
    assert places.column_dimensions[letter].width == longest + 2
    rows = list(places.iter_rows(min_row=2))
    by_name = {row[name].value: row for row in rows}
    # A carriage return comes back as Excel's escape, which the import turns back (below).
    assert sorted(by_name) == sorted(t.replace("\r", "_x000D_") for t in [*TEXTS, "Kerk"])
    assert all(row[name].data_type == "s" for row in rows)
    kerk = dict(zip(header, by_name["Kerk"], strict=True))
    assert (kerk["Breedtegraad"].value, kerk["Breedtegraad"].data_type) == (LAT, "n")
    assert kerk["Lengtegraad"].value == -4.5
    assert kerk["Adres"].value is None  # an empty field is an empty cell
    [actor] = list(book["actor"].iter_rows(min_row=2))
    cells = dict(zip([c.value for c in book["actor"][1]], actor, strict=True))
    assert cells["Ambassadeur"].value is True and cells["Startmotor"].value is False
    col = [c.value for c in book["session"][1]].index("Datum")
    dates = [r[col] for r in book["session"].iter_rows(min_row=2)]  # (the actor added today's)
    date = next(c for c in dates if c.value == dt.datetime(2026, 3, 14))
    assert date.is_date and all(c.is_date for c in dates)
    assert date.number_format == "yyyy-mm-dd"
    empty = book["initiative"]  # no initiatives: the header alone
    assert empty.max_row == 1 and all(c.font.bold for c in empty[1])
    newest = max(r["updated"] for t in tables.EXPORT_TABLES for r in store.rows(t))
    assert book.properties.modified.isoformat()[:19] == newest[:19]
    with zipfile.ZipFile(book_path) as package:
        assert package.testzip() is None


def test_the_import_reads_every_text_back_exactly(book_path: Path) -> None:
    header, rows = files.read_csv(book_path, sheet="place")
    assert sorted(r["Naam"] for r in rows) == sorted([*TEXTS, "Kerk"])
    assert sorted(r["Adres"] for r in rows) == sorted([*TEXTS, ""])


def test_the_same_file_gives_the_same_bytes(store: Store, book_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    exchange.export(store, "xlsx", again)
    assert again.read_bytes() == book_path.read_bytes()


def test_cell_values() -> None:
    assert xlsx._cell_value(float("inf"), "text") == ("inf", "s")  # no number cell holds it
    assert xlsx._cell_value(0.5, "text") == (0.5, "n")
    assert xlsx._cell_value(1, "bool") == (True, "b")
    assert xlsx._cell_value("2026-03-14", "date") == (dt.date(2026, 3, 14), "d")
    assert xlsx._cell_value("geen datum", "date") == ("geen datum", "s")
    assert xlsx._cell_value("", "text") == (None, None)

"""`export --format xlsx`: a real workbook, read back by openpyxl cell by cell and as raw XML.

Checked: one sheet per table in export order, headers in the file's language, the header row
frozen and bold, every text a string cell (a formula-looking name, a phone number with its
leading 0 or +, a postcode), numbers as numbers, a session's date as a date, yes/no as booleans;
the redaction and `--anonymise` of the CSV export (every cell of every sheet is searched); and
the round trip `import --csv all BOOK.xlsx` into a fresh file, compared through its CSV export.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from workshop import exchange
from workshop.capture.record import record
from workshop.cli import cli
from workshop.exchange import csv_import, tables
from workshop.file.store import Store
from workshop.i18n import UserError

LINES = [
    "sessie 2026-03-14 locatie:Buurthuis",
    'org "=1+1 Stichting" #vereniging tel:+31612345678 !4 ambassadeur:ja',
    'persoon "Ans Smit" #bewoner consent:public tel:0612345678',
    'persoon "Karel Oosterhuis" #bewoner tel:0687654321 wat:"woont op de hoek"',
    '"=1+1 Stichting" -> "Ans Smit" #kent wat:"@SUM(A1)"',
    'p Kerk #gebedshuis lat:52.559 lon:4.6612 adres:"Kerkstraat 1, 1234 AB" tel:020-1234567',
    'notitie "Bel Karel Oosterhuis op 0687654321 over -5 stoelen"',
]


@pytest.fixture
def filled(store: Store) -> Store:
    record(store, LINES)
    return store


def _export(store: Store, target: Path, anonymise: bool = False) -> openpyxl.Workbook:
    [written] = exchange.export(store, "xlsx", target, anonymise=anonymise)
    assert written == target and target.is_file()
    return openpyxl.load_workbook(target)


def _row(sheet, column: str, value: str) -> dict:
    """The cells of the first row whose `column` header holds `value`, by header."""
    header = [c.value for c in sheet[1]]
    for cells in sheet.iter_rows(min_row=2):
        by_header = dict(zip(header, cells, strict=True))
        if by_header[column].value == value:
            return by_header
    raise AssertionError(f"no {value!r} in {sheet.title}")


def test_sheets_headers_and_typed_cells(filled: Store, tmp_path: Path) -> None:
    book = _export(filled, tmp_path / "t.xlsx")
    assert book.sheetnames == list(tables.EXPORT_TABLES)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(c.font.bold for c in sheet[1])
        assert sheet.column_dimensions["A"].width >= 4
    actors = book["actor"]
    assert [c.value for c in actors[1]][:3] == ["id", "Naam", "Soort"]
    org = _row(actors, "Naam", "=1+1 Stichting")
    assert org["Naam"].data_type == "s"  # a string, not a formula
    assert (org["Telefoon"].value, org["Telefoon"].data_type) == ("+31612345678", "s")
    assert (org["Invloed (0-5)"].value, org["Invloed (0-5)"].data_type) == (4, "n")
    assert org["Ambassadeur"].value is True and org["Startmotor"].value is False
    assert org["id"].data_type == "s"
    ans = _row(actors, "Naam", "Ans Smit")
    assert (ans["Telefoon"].value, ans["Telefoon"].data_type) == ("0612345678", "s")
    kerk = _row(book["place"], "Naam", "Kerk")
    assert kerk["Breedtegraad"].value == 52.559 and kerk["Breedtegraad"].data_type == "n"
    assert kerk["Adres"].value == "Kerkstraat 1, 1234 AB"
    assert (kerk["Telefoon"].value, kerk["Telefoon"].data_type) == ("020-1234567", "s")
    [session] = list(book["session"].iter_rows(min_row=2))
    date = session[1]
    assert date.is_date and date.value.date() == dt.date(2026, 3, 14)
    tie = _row(book["tie"], "Omschrijving", "@SUM(A1)")
    assert tie["Omschrijving"].data_type == "s"
    # The raw sheets: not one formula element anywhere in the workbook.
    with zipfile.ZipFile(tmp_path / "t.xlsx") as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in package.read(name) and b"<f " not in package.read(name)


def test_an_english_file_gets_english_headers(store_en: Store, tmp_path: Path) -> None:
    record(store_en, ['person "Ann" #resident consent:public phone:0612345678'])
    book = _export(store_en, tmp_path / "en.xlsx")
    header = [c.value for c in book["actor"][1]]
    assert header[:3] == ["id", "Name", "Type"] and "Phone" in header
    assert _row(book["actor"], "Name", "Ann")["Phone"].value == "0612345678"


def _all_cells(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(
        str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value
    )


def test_a_person_without_export_consent_is_nowhere_in_the_workbook(
    filled: Store, tmp_path: Path
) -> None:
    text = _all_cells(_export(filled, tmp_path / "t.xlsx") and tmp_path / "t.xlsx")
    assert "Ans Smit" in text and "0612345678" in text  # public consent: named
    for secret in ("Karel", "Oosterhuis", "0687654321", "woont op de hoek"):
        assert secret not in text
    assert "-5 stoelen" in text  # the rest of the note stays


def test_anonymise_leaves_no_name_and_no_contact(filled: Store, tmp_path: Path) -> None:
    _export(filled, tmp_path / "a.xlsx", anonymise=True)
    text = _all_cells(tmp_path / "a.xlsx")
    for secret in ("Ans Smit", "0612345678", "+31612345678", "020-1234567", "Karel"):
        assert secret not in text
    assert "=1+1 Stichting" in text and "Kerk" in text  # organisations and places stay


def _csv_bytes(store: Store, folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in exchange.export(store, "csv", folder)}


def test_round_trip_through_the_cli_gives_the_same_records(demo_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    book = tmp_path / "demo.xlsx"
    result = runner.invoke(cli, ["export", str(demo_file), "--format", "xlsx", "-o", str(book)])
    assert result.exit_code == 0, result.output
    fresh = tmp_path / "fresh.wijk"
    assert runner.invoke(cli, ["new", str(fresh), "--name", "Leeg"]).exit_code == 0
    result = runner.invoke(cli, ["import", str(fresh), "--csv", "all", str(book)])
    assert result.exit_code == 0, result.output
    with Store.open(demo_file) as original, Store.open(fresh) as copy:
        assert copy.count("actor") == original.count("actor") > 10
        assert _csv_bytes(copy, tmp_path / "b") == _csv_bytes(original, tmp_path / "a")


def test_english_headers_import_into_a_dutch_file(store_en: Store, tmp_path: Path) -> None:
    record(
        store_en,
        [
            "session 2026-03-14",
            'person "Ann" #resident consent:public phone:0612345678 !2',
            'p "=Corner" lat:52.1 lon:4.2',
        ],
    )
    _export(store_en, tmp_path / "en.xlsx")
    nl = Store.create(tmp_path / "nl.wijk", name="NL")
    report = csv_import.import_folder(nl, tmp_path / "en.xlsx")
    assert report.skipped == 0
    [ann] = nl.rows("actor")
    assert (ann["name"], ann["tel"], ann["influence"]) == ("Ann", "0612345678", 2)
    [corner] = nl.rows("place")
    assert (corner["name"], corner["lat"]) == ("=Corner", 52.1)
    [session] = nl.rows("session")
    assert session["date"] == "2026-03-14"


def test_a_workbook_without_export_sheets_is_refused(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(UserError) as caught:
        csv_import.import_folder(store, tmp_path / "other.xlsx")
    assert caught.value.key == "xlsx_no_sheets"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_texts_as_texts(filled: Store, tmp_path: Path) -> None:
    _export(filled, tmp_path / "t.xlsx")
    out = tmp_path / "lo"
    # Filter options: comma, double quote, UTF-8, ..., -1 = every sheet to its own CSV.
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(tmp_path / "t.xlsx"),
        ],
        check=True,
        timeout=180,
        capture_output=True,
    )
    text = "\n".join(p.read_text("utf-8") for p in out.glob("*.csv"))
    assert "=1+1 Stichting" in text and "0612345678" in text and "+31612345678" in text
    assert "Karel" not in text


def test_round_trip_keeps_texts_numbers_and_yes_no(filled: Store, tmp_path: Path) -> None:
    _export(filled, tmp_path / "t.xlsx")
    copy = Store.create(tmp_path / "copy.wijk", name="Kopie")
    csv_import.import_folder(copy, tmp_path / "t.xlsx")
    org = copy.find("actor", "=1+1 Stichting")[0]
    assert (org["tel"], org["influence"], org["ambassador"], org["startmotor"]) == (
        "+31612345678",
        4,
        1,
        0,
    )
    assert copy.find("actor", "Ans Smit")[0]["tel"] == "0612345678"
    [tie] = copy.rows("tie")
    assert tie["description"] == "@SUM(A1)"
    assert _csv_bytes(copy, tmp_path / "b") == _csv_bytes(filled, tmp_path / "a")


def test_the_same_file_gives_the_same_workbook(filled: Store, tmp_path: Path) -> None:
    _export(filled, tmp_path / "one.xlsx")
    book = _export(filled, tmp_path / "two.xlsx")
    assert (tmp_path / "one.xlsx").read_bytes() == (tmp_path / "two.xlsx").read_bytes()
    newest = max(r["updated"] for t in tables.EXPORT_TABLES for r in filled.rows(t))
    assert book.properties.modified.isoformat()[:19] == newest[:19]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_header_maps_back_to_its_own_column(store: Store, lang: str) -> None:
    from workshop.exchange import xlsx

    for table in tables.EXPORT_TABLES:
        columns = [c for c in store.columns(table) if c not in tables.NOT_EXPORTED]
        shown = xlsx.headers(table, columns, lang)
        assert len({h.casefold() for h in shown}) == len(columns)
        keys = xlsx.header_keys(table, columns)
        assert [keys[h.casefold()] for h in shown] == columns
    assert "Telefoon" in xlsx.headers("actor", store.columns("actor"), "nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_column_gets_a_header_in_the_files_language(store: Store, lang: str) -> None:
    """No bare column key (`min_lat`, `next_sticker`, `label_nl`) in a header but `id`."""
    from workshop.exchange import xlsx

    for table in tables.EXPORT_TABLES:
        columns = [c for c in store.columns(table) if c not in tables.NOT_EXPORTED]
        shown = xlsx.headers(table, columns, lang)
        bare = [c for c, h in zip(columns, shown, strict=True) if h == c and c != "id"]
        assert bare == [], table


def test_a_row_added_in_excel_with_dutch_headers_is_imported(filled: Store, tmp_path: Path) -> None:
    book = _export(filled, tmp_path / "t.xlsx")
    sheet = book["actor"]
    header = [c.value for c in sheet[1]]
    row = [None] * len(header)
    row[header.index("Naam")] = "Nieuwe Buur"
    row[header.index("Telefoon")] = "0611111111"
    row[header.index("Toestemming")] = "openbaar"
    sheet.append(row)
    book.save(tmp_path / "t.xlsx")
    report = csv_import.import_folder(filled, tmp_path / "t.xlsx")
    assert report.inserted == 1 and report.skipped == 0
    [new] = filled.find("actor", "Nieuwe Buur")
    assert (new["tel"], new["consent"]) == ("0611111111", "public")
    # Importing its own export changed nothing else: Karel keeps his name and number.
    [karel] = filled.find("actor", "Karel Oosterhuis")
    assert karel["tel"] == "0687654321"


def test_a_text_longer_than_a_cell_holds_is_said_and_nothing_written(
    store: Store, tmp_path: Path
) -> None:
    """A spreadsheet cell holds 32,767 characters; a longer description is never cut short in
    silence: the export says which record and field, and how to keep it all."""
    record(store, ["p Buurthuis"])
    place = store.find("place", "Buurthuis")[0]
    with store.write() as w:
        w.update("place", place["id"], {"description": "lang verhaal " * 3000})
    target = tmp_path / "wijk.xlsx"
    result = CliRunner().invoke(
        cli, ["export", str(store.path), "--format", "xlsx", "-o", str(target)]
    )
    assert result.exit_code != 0
    assert "plek 'Buurthuis'" in result.output and "39000 tekens" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()
    with store.write() as w:
        w.update("place", place["id"], {"description": "x" * 32767})
    assert exchange.export(store, "xlsx", target)
    cell = openpyxl.load_workbook(target, read_only=True)["place"]
    assert any(len(str(v)) == 32767 for row in cell.iter_rows(values_only=True) for v in row if v)


def test_a_wrong_cell_is_named_by_the_header_the_sheet_shows(filled: Store, tmp_path: Path) -> None:
    book = _export(filled, tmp_path / "t.xlsx")
    sheet = book["place"]
    column = [c.value for c in sheet[1]].index("Breedtegraad") + 1
    sheet.cell(row=2, column=column, value=30681)  # a Dutch locale read 30.681 so
    book.save(tmp_path / "bad.xlsx")
    copy = Store.create(tmp_path / "copy.wijk", name="Kopie")
    with pytest.raises(UserError) as caught:
        csv_import.import_folder(copy, tmp_path / "bad.xlsx")
    message = caught.value.message("nl")
    assert "rij 2, kolom Breedtegraad: '30681' kan niet (lat:30681 ligt niet op aarde" in message
    assert copy.count("place") == 0

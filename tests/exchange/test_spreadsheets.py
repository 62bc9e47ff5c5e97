"""Spreadsheets, Dutch first: formula and phone-number guards, decimal commas, encodings.

The CSV bytes are checked exactly: a cell a spreadsheet would run as a formula or turn into a
number starts with an apostrophe (text in Excel and LibreOffice), and with ';' the decimals have
a comma (the Dutch locale reads 52.559 as 52559). LibreOffice Calc in the nl-NL locale, where
installed, opens the ';' export; openpyxl, a real reader of the .xlsx format, writes the
workbook the import reads back.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from workshop.capture.record import record
from workshop.exchange import csv_import, kumu, tables
from workshop.exchange.files import read_csv
from workshop.file.store import Store
from workshop.i18n import UserError

LINES = [
    'org "=1+1 Stichting" #vereniging tel:+31612345678',
    'persoon "Ans Smit" #bewoner consent:public tel:0612345678',
    'persoon "Bert" #bewoner consent:public tel:020-1234567',
    '"=1+1 Stichting" -> "Ans Smit" #kent wat:"=HYPERLINK(1)"',
    "p Kerk #gebedshuis lat:52.559 lon:4.6612",
]


@pytest.fixture
def filled(store: Store) -> Store:
    record(store, LINES)
    return store


def test_kumu_export_guards_formulas_and_phone_numbers(filled: Store, tmp_path: Path) -> None:
    kumu.export_kumu(filled, tmp_path / "k")
    lines = (tmp_path / "k" / "elements.csv").read_text("utf-8-sig").splitlines()
    ids, elements = zip(*(line.split(",", 1) for line in lines), strict=True)  # ID, the rest
    assert elements[1].startswith("'=1+1 Stichting,Organization,")
    assert ",'+31612345678," in elements[1]
    assert elements[2].startswith("Ans Smit,Person,") and ",'0612345678," in elements[2]
    assert ",'020-1234567," in elements[3]
    connections = (tmp_path / "k" / "connections.csv").read_text("utf-8-sig").splitlines()
    assert connections[1].startswith(f"{ids[1]},{ids[2]},")  # From and To name the IDs
    assert connections[1].endswith(",'=HYPERLINK(1)")  # the tie's description, kept and guarded


def test_kumu_round_trip_gives_the_exact_texts_back(filled: Store, tmp_path: Path) -> None:
    kumu.export_kumu(filled, tmp_path / "k")
    other = Store.create(tmp_path / "other.wijk", name="Ander")
    kumu.import_kumu(other, tmp_path / "k" / "elements.csv", tmp_path / "k" / "connections.csv")
    got = {a["name"]: a["tel"] for a in other.rows("actor")}
    assert got == {
        "=1+1 Stichting": "+31612345678",
        "Ans Smit": "0612345678",
        "Bert": "020-1234567",
    }
    [tie] = other.rows("tie")
    assert tie["description"] == "=HYPERLINK(1)"
    other.close()


def test_csv_export_keeps_leading_zeros_and_reads_them_back(filled: Store, tmp_path: Path) -> None:
    tables.export_csv(filled, tmp_path / "c")
    text = (tmp_path / "c" / "actor.csv").read_text("utf-8-sig")
    assert ",'0612345678," in text and ",'+31612345678," in text
    other = Store.create(tmp_path / "other.wijk", name="Ander")
    csv_import.import_csv(other, "actor", tmp_path / "c" / "actor.csv")
    assert {a["name"]: a["tel"] for a in other.rows("actor")}["Ans Smit"] == "0612345678"
    other.close()


def test_a_typed_apostrophe_survives_the_guard() -> None:
    for text in ("'0612", "''=x", "0", "06", "2026-12-01", "Kerk", "-"):
        assert tables.unguard_cell(tables.guard_cell(text)) == text
    assert tables.guard_cell("2026-12-01") == "2026-12-01"  # a date stays a date
    assert tables.guard_cell("0") == "0"


def test_semicolon_export_writes_decimal_commas_and_reads_back(
    filled: Store, tmp_path: Path
) -> None:
    tables.export_csv(filled, tmp_path / "c", delimiter=";")
    lines = (tmp_path / "c" / "place.csv").read_text("utf-8-sig").splitlines()
    assert ";52,559;4,6612;" in lines[1]
    other = Store.create(tmp_path / "other.wijk", name="Ander")
    csv_import.import_csv(other, "place", tmp_path / "c" / "place.csv")
    [place] = other.rows("place")
    assert (place["lat"], place["lon"]) == (52.559, 4.6612)
    other.close()


@pytest.mark.parametrize("lat", ["52,559", "52.559"])
def test_import_reads_both_decimal_forms(store: Store, tmp_path: Path, lat: str) -> None:
    sheet = tmp_path / "place.csv"
    sheet.write_text(f"name;lat;lon\nKerk;{lat};4,66\n", encoding="utf-8")
    csv_import.import_csv(store, "place", sheet)
    assert store.rows("place")[0]["lat"] == 52.559


def test_a_latitude_a_dutch_locale_mangled_is_refused_in_one_line(
    store: Store, tmp_path: Path
) -> None:
    sheet = tmp_path / "place.csv"
    sheet.write_text("name;lat;lon\nKerk;52.559;4,66\nToren;52559;4,66\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        csv_import.import_csv(store, "place", sheet)
    message = err.value.message("nl")
    assert "\n" not in message and "rij 3" in message and "lat" in message
    assert store.count("place") == 0


def test_cp1252_is_read_and_said(store: Store, tmp_path: Path) -> None:
    sheet = tmp_path / "place.csv"
    sheet.write_bytes("name,description\nCaf\xe9 De Hoek,\x93gezellig\x94\n".encode("latin-1"))
    report = csv_import.import_csv(store, "place", sheet)
    assert store.rows("place")[0]["name"] == "Café De Hoek"
    assert store.rows("place")[0]["description"] == "“gezellig”"
    assert any("Windows-1252" in n for n in report.notices)


def test_bytes_that_are_not_text_are_refused_with_the_hint(tmp_path: Path) -> None:
    sheet = tmp_path / "x.csv"
    sheet.write_bytes(b"name\nab\x81\x8d\x00\n")
    with pytest.raises(UserError) as err:
        read_csv(sheet)
    assert "UTF-8" in err.value.message("en") and "\n" not in err.value.message("en")


def test_utf16_as_excel_saves_unicode_text(tmp_path: Path) -> None:
    sheet = tmp_path / "x.txt"
    sheet.write_bytes("Label\tType\r\nZoë Ĳsbrand\tPerson\r\n".encode("utf-16"))
    assert read_csv(sheet) == (["Label", "Type"], [{"Label": "Zoë Ĳsbrand", "Type": "Person"}])


def test_xlsx_sheets_are_read_by_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Elements"
    book.active.append(["Label", "Influence", "Phone"])
    book.active.append(["Zoë", 3, "0612345678"])
    connections = book.create_sheet("Connections")
    connections.append(["From", "To"])
    book.save(tmp_path / "kumu.xlsx")
    assert read_csv(tmp_path / "kumu.xlsx", sheet="Elements")[1] == [
        {"Label": "Zoë", "Influence": "3", "Phone": "0612345678"}
    ]
    assert read_csv(tmp_path / "kumu.xlsx", sheet="connections")[0] == ["From", "To"]


def test_the_map_extent_is_held_to_the_coordinate_rule(store: Store, tmp_path: Path) -> None:
    tables.export_csv(store, tmp_path / "c", delimiter=";")
    sheet = tmp_path / "c" / "neighbourhood.csv"
    header, rows = read_csv(sheet)
    rows[0].update(min_lat="52,5", max_lat="52559", min_lon="4,6", max_lon="4,7")
    sheet.write_text(
        ";".join(header) + "\n" + ";".join(rows[0][h] for h in header) + "\n", encoding="utf-8"
    )
    with pytest.raises(UserError) as err:
        csv_import.import_csv(store, "wijk", sheet)
    assert "max_lat" in err.value.message("en") and "row 2" in err.value.message("en")
    assert store.neighbourhood()["max_lat"] is None


def test_the_command_writes_dutch_decimals_and_reads_them_back(
    filled: Store, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from workshop.cli import cli

    path = str(filled.path)
    filled.close()
    runner = CliRunner()
    out = tmp_path / "nl"
    result = runner.invoke(
        cli, ["export", path, "--format", "csv", "--delimiter", ";", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert ";52,559;4,6612;" in (out / "place.csv").read_text("utf-8-sig")
    other = tmp_path / "other.wijk"
    Store.create(other, name="Ander").close()
    result = runner.invoke(cli, ["import", str(other), "--csv", "all", str(out)])
    assert result.exit_code == 0, result.output
    with Store.open(other) as back:
        assert [(p["lat"], p["lon"]) for p in back.rows("place")] == [(52.559, 4.6612)]
        assert {a["name"]: a["tel"] for a in back.rows("actor")}["Ans Smit"] == "0612345678"


def test_utf16_without_a_bom_is_read(tmp_path: Path) -> None:
    sheet = tmp_path / "x.txt"
    sheet.write_bytes("Label\tType\r\nZoë\tPerson\r\n".encode("utf-16-le"))
    assert read_csv(sheet) == (["Label", "Type"], [{"Label": "Zoë", "Type": "Person"}])


@pytest.mark.parametrize(
    ("content", "nl", "en"),
    [
        (b"", "is leeg", "is empty"),
        (b"name\x00,lat\n", "NUL-bytes", "NUL bytes"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "oud Excel-bestand (.xls)", "old Excel file"),
        (b"PK\x03\x04broken", "geen leesbare .xlsx-werkmap", "not a readable .xlsx"),
        (None, "bestaat niet", "does not exist"),
    ],
)
def test_a_sheet_that_cannot_be_read_is_said_in_the_files_language(
    tmp_path: Path, content: bytes | None, nl: str, en: str
) -> None:
    from click.testing import CliRunner

    from workshop.cli import cli

    sheet = tmp_path / "sheet.csv"
    if content is not None:
        sheet.write_bytes(content)
    for lang, expected in (("nl", nl), ("en", en)):
        path = tmp_path / f"{lang}.wijk"
        Store.create(path, name="W", lang=lang).close()
        result = CliRunner().invoke(cli, ["import", str(path), "--csv", "place", str(sheet)])
        assert result.exit_code == 1 and expected in result.output, result.output
        assert result.output.count("\n") == 1 and "Traceback" not in result.output


_DUTCH_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>nl-NL</value></prop></item>
</oor:items>
"""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_in_the_dutch_locale_reads_numbers_and_texts_right(
    filled: Store, tmp_path: Path
) -> None:
    tables.export_csv(filled, tmp_path / "csv", delimiter=";")
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_DUTCH_PROFILE, "utf-8")
    sheets = [tmp_path / "csv" / f"{name}.csv" for name in ("place", "actor")]
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{profile}"]
        + ["--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo")]
        + [str(p) for p in sheets],
        check=True,
        timeout=180,
        capture_output=True,
    )

    def rows(name: str) -> list[dict]:
        header, *values = openpyxl.load_workbook(tmp_path / "lo" / f"{name}.xlsx").active.values
        return [dict(zip(header, row, strict=True)) for row in values]

    [kerk] = rows("place")
    assert (kerk["lat"], kerk["lon"]) == (52.559, 4.6612)  # numbers, not 52559
    actors = {r["name"].lstrip("'"): r for r in rows("actor")}
    assert actors["=1+1 Stichting"]["name"] == "'=1+1 Stichting"  # text, not a formula
    assert actors["=1+1 Stichting"]["tel"] == "'+31612345678"
    assert actors["Ans Smit"]["tel"] == "'0612345678"  # the leading 0 kept


def test_a_row_with_more_cells_than_the_header_is_refused(store: Store, tmp_path: Path) -> None:
    """'Ans, Smit' without quotes would make Ans a public organisation tagged 'Smit'."""
    sheet = tmp_path / "elements.csv"
    sheet.write_text("Label,Type\nAns, Smit,Person\nBob,Person,,\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        kumu.import_kumu(store, sheet, None)
    assert caught.value.key == "sheet_row_too_long" and caught.value.params["row"] == 2
    assert store.count("actor") == 0
    sheet.write_text("Label,Type\nBob,Person,,\n", encoding="utf-8")  # empty cells past it: fine
    assert kumu.import_kumu(store, sheet, None).created == 1


def test_a_kumu_workbook_with_its_own_sheet_names_or_elements_only(
    store: Store, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    book.active.append(["Label", "Type"])
    book.active.append(["Bob", "Person"])
    book.active.append(["Stichting X", "Organization"])
    ties = book.create_sheet("Blad2")
    ties.append(["From", "To"])
    ties.append(["Bob", "Stichting X"])
    book.save(tmp_path / "k.xlsx")
    assert kumu.import_kumu(store, tmp_path / "k.xlsx", tmp_path / "k.xlsx").ties == 1
    del book["Blad2"]
    book.active.append(["Ans", "Person"])
    book.save(tmp_path / "elements.xlsx")
    report = kumu.import_kumu(store, tmp_path / "elements.xlsx", tmp_path / "elements.xlsx")
    assert report.created == 1 and any("alleen de elementen" in n for n in report.notices)

"""Kumu sheets as people make them: element types by meaning, connection descriptions,
half-filled rows, and workbooks (.xlsx, written here by openpyxl) or UTF-16 text."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from workshop.cli import cli
from workshop.exchange.kumu import export_kumu, import_kumu
from workshop.file.store import Store

ELEMENTS = [
    ["Label", "Type", "Description", "Tags"],
    ["Dokter de Vries", "Person", "Oud-huisarts", ""],
    ["Buurtbus", "Project", "Rijdt op dinsdag", "mobiliteit"],
    ["Zonnedak", "Initiative", "", ""],
    ["Buurthuis De Kuil", "Place", "", ""],
    ["Kerkplein", "Location", "", ""],
    ["Stichting Wijkkracht", "Organization", "", ""],
    ["Braderie", "Event", "Elk jaar", ""],
    ["", "", "", ""],
    ["", "Person", "vergeten naam", ""],
]
CONNECTIONS = [
    ["From", "To", "Type", "Direction", "Description"],
    ["Dokter de Vries", "Stichting Wijkkracht", "works with", "mutual", "Sinds 2019 samen"],
    ["Dokter de Vries", "Buurtbus", "drives", "directed", ""],
    ["Stichting Wijkkracht", "Buurthuis De Kuil", "runs", "directed", ""],
    ["", "Stichting Wijkkracht", "knows", "directed", ""],
    ["Buurtbus", "Kerkplein", "", "", ""],
    ["", "", "", "", ""],
]


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.write_text("".join(",".join(r) + "\r\n" for r in rows), encoding=encoding)
    return path


def _check(store: Store, report) -> None:
    types = {a["name"]: a["type"] for a in store.rows("actor")}
    assert types == {
        "Dokter de Vries": "person",
        "Stichting Wijkkracht": "organisation",
        "Braderie": "organisation",
    }
    braderie = store.find("actor", "Braderie")[0]
    assert "Event" in braderie["tags"] and braderie["consent"] == "public"
    assert {i["name"] for i in store.rows("initiative")} == {"Buurtbus", "Zonnedak"}
    assert store.find("initiative", "Buurtbus")[0]["description"] == "Rijdt op dinsdag"
    assert {p["name"] for p in store.rows("place")} == {"Buurthuis De Kuil", "Kerkplein"}
    [tie] = store.rows("tie")
    assert (tie["direction"], tie["description"]) == ("mutual", "Sinds 2019 samen")
    [drives] = store.rows("actor_initiative")
    assert drives["kind"] == "drives"
    [runs] = store.rows("actor_place")
    assert runs["kind"] == "runs"
    assert (report.created, report.initiatives, report.places) == (3, 2, 2)
    assert (report.ties, report.links) == (1, 2)  # what the file holds: one tie, two links
    notices = "\n".join(report.notices)
    # in the file's language (Dutch)
    assert "rij 10: Label is leeg" in notices  # a name forgotten: said, not guessed
    assert "rij 5: From is leeg" in notices
    assert "rij 6: een verband tussen initiatief en plek heeft geen plek" in notices
    assert "'Event'" in notices and "organisatie" in notices
    assert report.skipped == 3


def test_types_map_by_meaning_and_half_filled_rows_are_skipped(
    store: Store, tmp_path: Path
) -> None:
    report = import_kumu(
        store, _csv(tmp_path / "e.csv", ELEMENTS), _csv(tmp_path / "c.csv", CONNECTIONS)
    )
    _check(store, report)


def test_a_kumu_workbook_is_read(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Elements"
    for row in ELEMENTS:
        book.active.append(row)
    sheet = book.create_sheet("Connections")
    for row in CONNECTIONS:
        sheet.append(row)
    book.save(tmp_path / "kumu.xlsx")
    report = import_kumu(store, tmp_path / "kumu.xlsx", tmp_path / "kumu.xlsx")
    _check(store, report)


def test_utf16_sheets_through_the_command(store: Store, tmp_path: Path) -> None:
    path = Path(store.path)
    store.close()
    elements = tmp_path / "e.txt"
    elements.write_bytes("".join("\t".join(r) + "\r\n" for r in ELEMENTS).encode("utf-16"))
    connections = tmp_path / "c.txt"
    connections.write_bytes("".join("\t".join(r) + "\r\n" for r in CONNECTIONS).encode("utf-16"))
    result = CliRunner().invoke(
        cli, ["import", str(path), "--kumu", str(elements), str(connections)]
    )
    assert result.exit_code == 0, result.output
    assert "3 nieuwe actoren, 2 initiatieven en 2 plekken nieuw, 0 bijgewerkt" in result.output
    assert "1 verband en 2 koppelingen aan initiatieven en plekken nieuw" in result.output
    assert "GEDEELTELIJK: 3" in result.output


def test_tie_descriptions_go_out_and_come_back(store: Store, tmp_path: Path) -> None:
    import_kumu(store, _csv(tmp_path / "e.csv", ELEMENTS), _csv(tmp_path / "c.csv", CONNECTIONS))
    export_kumu(store, tmp_path / "out")
    other = Store.create(tmp_path / "other.wijk", name="Ander")
    import_kumu(other, tmp_path / "out" / "elements.csv", tmp_path / "out" / "connections.csv")
    assert [t["description"] for t in other.rows("tie")] == ["Sinds 2019 samen"]
    other.close()


def test_an_unknown_type_never_changes_an_existing_person(store: Store, tmp_path: Path) -> None:
    import_kumu(store, _csv(tmp_path / "e1.csv", [["Label", "Type"], ["Anna", "Person"]]), None)
    report = import_kumu(
        store, _csv(tmp_path / "e2.csv", [["Label", "Type"], ["Anna", "Event"]]), None
    )
    [anna] = store.rows("actor")
    assert anna["type"] == "person" and "Event" in anna["tags"]
    assert report.updated == 1

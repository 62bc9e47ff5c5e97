"""Kumu's spreadsheet layout: import, export, and the round trip between them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from workshop.capture.record import record
from workshop.exchange.kumu import export_kumu, import_kumu
from workshop.file.store import Store
from workshop.i18n import UserError

ELEMENTS = """Label,Type,Description,Tags
Dokter de Vries,Person,Oud-huisarts,sleutelfiguur|ambassadeur
Energiecoöperatie 't Hoekje,Organization,Lokale coöperatie,energie
Fatma Yılmaz,Person,,
"Bibliotheek <Zuid> & [co]",Organization,,
Zoë,Persoon,,
"""
CONNECTIONS = """From,To,Type,Direction,Strength
Dokter de Vries,Energiecoöperatie 't Hoekje,works with,mutual,3
Fatma Yılmaz,Dokter de Vries,kent,directed,1
Fatma Yılmaz,"Bibliotheek <Zuid> & [co]",,undirected,
Zoë,Fatma Yılmaz,buren,directed,2
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_import_then_export_gives_the_same_actors_and_ties(store: Store, tmp_path: Path) -> None:
    elements = write(tmp_path, "elements.csv", ELEMENTS)
    connections = write(tmp_path, "connections.csv", CONNECTIONS)
    report = import_kumu(store, elements, connections, consent="public")
    assert (report.created, report.updated, report.ties) == (5, 0, 4)
    out = tmp_path / "out"
    export_kumu(store, out)
    got = read(out / "elements.csv")
    assert [(e["Label"], e["Type"]) for e in got] == [
        ("Dokter de Vries", "Person"),
        ("Energiecoöperatie 't Hoekje", "Organization"),
        ("Fatma Yılmaz", "Person"),
        ("Bibliotheek <Zuid> & [co]", "Organization"),
        ("Zoë", "Person"),
    ]
    assert got[0]["Tags"] == "sleutelfiguur|ambassadeur"
    assert got[0]["Description"] == "Oud-huisarts"
    # the connections name the elements by their ID, the record's id (Kumu's way to keep
    # elements of one label apart)
    label = {e["ID"]: e["Label"] for e in got}
    assert sorted(label) == sorted(a["id"] for a in store.rows("actor"))
    ties = [
        (label[c["From"]], label[c["To"]], c["Direction"], c["Strength"])
        for c in read(out / "connections.csv")
    ]
    assert ties == [
        ("Dokter de Vries", "Energiecoöperatie 't Hoekje", "mutual", "3"),
        ("Fatma Yılmaz", "Dokter de Vries", "directed", "1"),
        ("Fatma Yılmaz", "Bibliotheek <Zuid> & [co]", "undirected", ""),
        ("Zoë", "Fatma Yılmaz", "directed", "2"),
    ]
    # ... and importing the export into a new file and exporting again changes nothing.
    second = Store.create(tmp_path / "second.wijk", name="Tweede")
    import_kumu(second, out / "elements.csv", out / "connections.csv", consent="public")
    again = tmp_path / "again"
    export_kumu(second, again)
    assert read(again / "elements.csv") == got
    assert read(again / "connections.csv") == read(out / "connections.csv")


def test_import_merges_with_existing_actors_and_is_one_undo(store: Store, tmp_path: Path) -> None:
    record(store, ["persoon dokter de vries !5"])
    import_kumu(store, write(tmp_path, "e.csv", ELEMENTS), write(tmp_path, "c.csv", CONNECTIONS))
    assert store.count("actor") == 5
    assert store.find("actor", "Dokter de Vries")[0]["influence"] == 5
    store.undo()
    assert store.count("actor") == 1 and store.count("tie") == 0


def test_export_keeps_persons_private_unless_public(store: Store, tmp_path: Path) -> None:
    record(
        store,
        [
            "persoon Jan tel:0611 consent:print #sleutelfiguur",
            "persoon Els consent:openbaar",
            "org Woonstede #woningcorporatie",
            "Jan -> Els",
            "Els -> Woonstede",
        ],
    )
    export_kumu(store, tmp_path / "k")
    labels = [e["Label"] for e in read(tmp_path / "k" / "elements.csv")]
    assert labels[1:] == ["Els", "Woonstede"]
    assert labels[0].startswith("Sleutelfiguur ") and "Jan" not in labels[0]
    assert all(e["Phone"] == "" for e in read(tmp_path / "k" / "elements.csv"))
    export_kumu(store, tmp_path / "a", anonymise=True)
    assert [e["Label"].split()[0] for e in read(tmp_path / "a" / "elements.csv")][:2] == [
        "Sleutelfiguur",
        "Persoon",
    ]


def test_semicolons_and_a_bom_are_read(store: Store, tmp_path: Path) -> None:
    elements = write(tmp_path, "e.csv", "\ufeffLabel;Type\nAnna;Person\nBert;Person\n")
    connections = write(tmp_path, "c.csv", "From;To\nAnna;Bert\n")
    report = import_kumu(store, elements, connections)
    assert (report.created, report.ties) == (2, 1)


@pytest.mark.parametrize(
    ("elements", "connections", "key"),
    [
        ("Name,Type\nA,Person\n", None, None),  # "Name" is accepted for Label
        ("Type\nPerson\n", None, "csv_missing_columns"),
        ("Label\nA\na\n", None, "kumu_duplicate_label"),
        ("Label\nA\n", "From,To\nA,Onbekend\n", "kumu_unknown_label"),
        ("Label\nA\nB\n", "From\nA\n", "csv_missing_columns"),
        ("Label\nA\nB\n", "From,To,Direction\nA,B,sideways\n", "kumu_bad_value"),
        # the capture line's rules: its own reason, row and column in one line
        ("Label\nA\nB\n", "From,To,Strength\nA,B,veel\n", "kumu_bad_cell"),
        ("Label\nA\nB\n", "From,To,Strength\nA,B,7\n", "kumu_bad_cell"),
        ("Label,Influence\nA,inf\n", None, "kumu_bad_cell"),
        ("Label,Influence\nA,9\n", None, "kumu_bad_cell"),
    ],
)
def test_bad_sheets_give_a_message_and_write_nothing(
    store: Store, tmp_path: Path, elements: str, connections: str | None, key: str | None
) -> None:
    e = write(tmp_path, "e.csv", elements)
    c = write(tmp_path, "c.csv", connections) if connections else None
    if key is None:
        import_kumu(store, e, c)
        return
    with pytest.raises(UserError) as info:
        import_kumu(store, e, c)
    assert info.value.key == key
    assert store.count("actor") == 0 and store.count("history") == 0


def test_unknown_columns_are_reported(store: Store, tmp_path: Path) -> None:
    report = import_kumu(store, write(tmp_path, "e.csv", "Label,Image,Size\nA,x.png,3\n"), None)
    assert any("Image" in n and "Size" in n for n in report.notices)

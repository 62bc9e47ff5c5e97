"""Every field carries when it last changed (`field_times`), kept by the one write path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workshop.capture import edit
from workshop.capture.record import record
from workshop.exchange.kumu import import_kumu
from workshop.file import access as files
from workshop.file import schema
from workshop.file.store import Store


@pytest.fixture
def store(tmp_path: Path):
    with Store.create(tmp_path / "wijk.wijk", name="Kersenbuurt") as store:
        yield store


def _initiative(store: Store) -> dict:
    return store.find("initiative", "Repaircafé")[0]


def test_a_new_record_changed_its_fields_when_it_was_created(store: Store) -> None:
    record(store, ["i Repaircafé #sociaal wat:repareren", "persoon Jan"])
    assert _initiative(store)["field_times"] == {}
    assert store.find("actor", "Jan")[0]["field_times"] == {}


def test_an_edit_stamps_the_fields_it_changed_and_no_others(store: Store) -> None:
    record(store, ["i Repaircafé #sociaal"])
    created = _initiative(store)
    values = edit.validate(
        store, "initiative", {"description": "repareren", "needs": "ruimte"}, created["id"]
    )
    edit.save(store, "initiative", values, created["id"])
    edited = _initiative(store)
    assert set(edited["field_times"]) == {"description", "needs"}
    assert edited["field_times"]["description"] == edited["updated"] > created["created"]
    # The same value again is no change: its time stays.
    edit.save(store, "initiative", values, created["id"])
    assert _initiative(store)["field_times"] == edited["field_times"]
    # A capture line that adds to a record stamps what it changed.
    record(store, ["i Repaircafé status:actief"])
    again = _initiative(store)
    assert set(again["field_times"]) == {"description", "needs", "status"}
    assert again["field_times"]["status"] > edited["field_times"]["description"]


def test_undo_and_redo_restore_the_times_with_the_values(store: Store) -> None:
    record(store, ["i Repaircafé #sociaal"])
    first = _initiative(store)
    edit.save(store, "initiative", {"description": "een"}, first["id"])
    one = _initiative(store)
    edit.save(store, "initiative", {"description": "twee", "offers": "koffie"}, first["id"])
    two = _initiative(store)
    store.undo()
    assert _initiative(store)["field_times"] == one["field_times"]
    assert _initiative(store)["description"] == "een"
    store.undo()
    assert _initiative(store)["field_times"] == {}
    store.redo()
    store.redo()
    assert _initiative(store)["field_times"] == two["field_times"]
    assert set(two["field_times"]) == {"description", "offers"}


def test_a_kumu_import_stamps_what_it_changed(store: Store, tmp_path: Path) -> None:
    record(store, ['org "Buurtvereniging Kers" #bewonersorganisatie'])
    sheet = tmp_path / "elements.csv"
    sheet.write_text(
        "Label,Type,Description,Tags\nBuurtvereniging Kers,Organisation,Houdt de straat schoon,\n",
        encoding="utf-8",
    )
    import_kumu(store, sheet, None)
    actor = store.find("actor", "Buurtvereniging Kers")[0]
    assert actor["description"] == "Houdt de straat schoon"
    assert "description" in actor["field_times"]
    assert "name" not in actor["field_times"]


def test_migration_stamps_the_fields_of_changed_records_with_their_time(tmp_path: Path) -> None:
    path = tmp_path / "oud.wijk"
    files.create_private(path)
    conn = files.connect(path)
    schema.migrate(conn, stop_before="0014_field_times")
    conn.execute(
        "INSERT INTO neighbourhood (id, name, created, updated) VALUES ('n1', 'Oud', 't0', 't0')"
    )
    conn.execute(
        "INSERT INTO session (id, date, created, updated) VALUES ('s1', '2026-01-01', 't0', 't0')"
    )
    for id_, updated in (("p1", "t0"), ("p2", "t5")):
        conn.execute(
            "INSERT INTO place (id, name, norm, created, updated, session_id) "
            "VALUES (?, ?, ?, 't0', ?, 's1')",
            (id_, id_, id_, updated),
        )
    conn.close()
    with Store.open(path) as store:
        assert store.get("place", "p1")["field_times"] == {}
        stamped = store.get("place", "p2")["field_times"]
        assert set(stamped.values()) == {"t5"}
        assert {"name", "kind", "description", "cell", "tags"} <= set(stamped)
        assert not {"id", "created", "updated", "norm", "field_times"} & set(stamped)
    with sqlite3.connect(path) as raw:
        columns = {r[1] for r in raw.execute("PRAGMA table_info(tie)")}
    assert "field_times" in columns


def test_a_csv_import_and_an_osm_style_insert_go_through_the_writer(
    store: Store, tmp_path: Path
) -> None:
    from workshop.exchange.csv_import import import_csv

    record(store, ["p Buurthuis #buurthuis"])
    sheet = tmp_path / "plekken.csv"
    sheet.write_text(
        "name,description\nBuurthuis,Open op dinsdag\nNieuwe plek,\n", encoding="utf-8"
    )
    import_csv(store, "place", sheet)
    changed = store.find("place", "Buurthuis")[0]
    assert changed["description"] == "Open op dinsdag"
    assert set(changed["field_times"]) == {"description"}
    assert store.find("place", "Nieuwe plek")[0]["field_times"] == {}


def test_exports_leave_the_field_times_out(store: Store, tmp_path: Path) -> None:
    """Field times are the file's bookkeeping for merging, not data a spreadsheet shows."""
    import json

    from click.testing import CliRunner

    from workshop.cli import cli

    record(store, ["p Buurthuis #buurthuis", "p Buurthuis wat:Soep"])
    assert store.find("place", "Buurthuis")[0]["field_times"]
    runner = CliRunner()
    csv_folder = tmp_path / "csv"
    result = runner.invoke(
        cli, ["export", str(store.path), "--format", "csv", "-o", str(csv_folder)]
    )
    assert result.exit_code == 0, result.output
    for sheet in csv_folder.glob("*.csv"):
        assert "field_times" not in sheet.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["export", str(store.path), "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "field_times" not in json.dumps(json.loads(result.output))

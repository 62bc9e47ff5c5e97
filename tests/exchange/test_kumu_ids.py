"""Kumu's ID column: two records of one name stay two on a round trip, a label two records
share is never guessed at, Kumu's own IDs only connect, and an ID is never used twice."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.exchange.conftest import two_of_one_name
from workshop.capture.record import record, upsert_tie
from workshop.cli import cli
from workshop.exchange.kumu import import_kumu
from workshop.file.store import Store
from workshop.i18n import UserError

UUID = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _sheet(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _two_jans(store: Store) -> dict[str, str]:
    """Two persons called Jan (a resident who knows Piet, a shopkeeper who works with the
    bakery) and two places called Buurthuis; role -> id of each Jan."""
    record(store, ['a "Piet" #bewoner consent:public', 'org "Bakkerij" #bedrijf'])
    jans = two_of_one_name(store)
    piet, bakery = (store.find("actor", name)[0]["id"] for name in ("Piet", "Bakkerij"))
    with store.write() as w:
        upsert_tie(store, w, jans["resident"], piet, "knows", "directed", [], {})
        upsert_tie(store, w, jans["business"], bakery, "works_with", "mutual", [], {"strength": 3})
    return jans


def _ties(store: Store) -> set[tuple[str, str, str, str]]:
    """(source, target, kind, direction) of every tie, a Jan by its role."""
    actors = {a["id"]: a for a in store.rows("actor")}

    def who(id_: str) -> str:
        actor = actors[id_]
        return f"Jan/{actor['role']}" if actor["name"] == "Jan" else actor["name"]

    return {
        (who(t["source_id"]), who(t["target_id"]), t["kind"], t["direction"])
        for t in store.rows("tie")
    }


def test_two_actors_of_one_name_keep_their_own_ties_through_kumu(store, tmp_path) -> None:
    """The export wrote 'Jan' and 'Jan (2)'; imported back, 'Jan (2)' matched nobody and became
    a third actor. Now each Jan is his own ID, in the same file and in a new one."""
    jans = _two_jans(store)
    ties = _ties(store)
    assert ties == {
        ("Jan/resident", "Piet", "knows", "directed"),
        ("Jan/business", "Bakkerij", "works_with", "mutual"),
    }
    path = store.path
    store.close()
    runner = CliRunner()
    out = tmp_path / "k"
    result = runner.invoke(cli, ["export", str(path), "--format", "kumu", "-o", str(out)])
    assert result.exit_code == 0, result.output
    elements = _read(out / "elements.csv")
    assert list(elements[0])[:3] == ["ID", "Label", "Type"]  # Kumu's ID column, first
    assert [e["Label"] for e in elements].count("Jan") == 2  # no "Jan (2)": Kumu shows labels
    assert {e["ID"] for e in elements if e["Label"] == "Jan"} == set(jans.values())
    for element in elements:  # edited in Kumu: the shopkeeper's influence
        if element["ID"] == jans["business"]:
            element["Influence"] = "4"
    _write(out / "elements.csv", elements)
    sheets = [str(out / "elements.csv"), str(out / "connections.csv")]
    result = runner.invoke(cli, ["import", str(path), "--kumu", *sheets])
    assert result.exit_code == 0, result.output
    with Store.open(path, readonly=True) as back:
        jan_rows = [a for a in back.rows("actor") if a["name"] == "Jan"]
        assert {a["id"]: a["influence"] for a in jan_rows} == {
            jans["resident"]: None,
            jans["business"]: 4,
        }
        assert back.count("actor") == 4 and _ties(back) == ties
    fresh = tmp_path / "nieuw.wijk"
    Store.create(fresh, name="Nieuw").close()
    result = runner.invoke(cli, ["import", str(fresh), "--kumu", *sheets, "--consent", "public"])
    assert result.exit_code == 0, result.output
    with Store.open(fresh, readonly=True) as new:
        assert sorted(a["id"] for a in new.rows("actor") if a["name"] == "Jan") == sorted(
            jans.values()
        )
        assert _ties(new) == ties


def test_an_anonymised_sheet_comes_back_without_renaming_anyone(store, tmp_path) -> None:
    """The ID of an anonymised sheet is the record's id, as in the CSV export; its labels are
    pseudonyms, which must not become the names of the persons it updates (another label
    does)."""
    _two_jans(store)
    before = store.rows("actor"), store.rows("tie")
    path = store.path
    store.close()
    runner = CliRunner()
    out = tmp_path / "anon"
    args = ["export", str(path), "--format", "kumu", "--anonymise", "-o", str(out)]
    assert runner.invoke(cli, args).exit_code == 0
    elements = _read(out / "elements.csv")
    assert "Jan" not in {e["Label"] for e in elements}
    csv_out = tmp_path / "csv"
    args = ["export", str(path), "--format", "csv", "--anonymise", "-o", str(csv_out)]
    assert runner.invoke(cli, args).exit_code == 0
    assert {e["ID"]: e["Label"] for e in elements if e["Type"] == "Person"} == {
        a["id"]: a["name"] for a in _read(csv_out / "actor.csv") if a["type"] == "person"
    }
    sheets = [str(out / "elements.csv"), str(out / "connections.csv")]
    result = runner.invoke(cli, ["import", str(path), "--kumu", *sheets])
    assert result.exit_code == 0, result.output
    with Store.open(path, readonly=True) as back:
        assert (back.rows("actor"), back.rows("tie")) == before
        piet = back.find("actor", "Piet")[0]["id"]
    # A label changed in Kumu is a new name for the record of that ID.
    renamed = _sheet(tmp_path / "e.csv", f"ID,Label\n{piet},Piet Smit\n")
    none = _sheet(tmp_path / "c.csv", "From,To\n")
    result = runner.invoke(cli, ["import", str(path), "--kumu", str(renamed), str(none)])
    assert result.exit_code == 0, result.output
    with Store.open(path, readonly=True) as back:
        assert back.get("actor", piet)["name"] == "Piet Smit" and back.count("actor") == 4


def test_a_label_two_records_share_is_never_guessed_at(store, tmp_path) -> None:
    """Without an ID column, 'Jan' went to the first Jan of the file, and a connection 'Jan'
    too; a place 'Buurthuis' and an initiative's own place likewise. Now each is skipped, or
    the place left empty, with a line that asks for the export's ID column."""
    jans = _two_jans(store)
    ties_before = _ties(store)
    elements = _sheet(
        tmp_path / "e.csv",
        "Label,Type,Influence,Description\n"
        "Jan,Person,5,\n"
        "Kees,Person,,\n"
        "Buurthuis,Place,,Open\n"
        "Soep,Project,,Elke week (een plek: Buurthuis)\n",
    )
    connections = _sheet(
        tmp_path / "c.csv",
        "From,To,Type\nJan,Kees,kent\nKees,Piet,kent\nPiet,Buurthuis,\nKees,Soep,drives\n"
        "Kees,Jan,kent\n",
    )
    report = import_kumu(store, elements, connections)
    assert {a["influence"] for a in store.rows("actor") if a["name"] == "Jan"} == {None}
    assert [p["description"] for p in store.rows("place")] == [None, None]
    assert store.rows("initiative")[0]["place_id"] is None  # not one Buurthuis of the two
    assert store.rows("initiative")[0]["description"] == "Elke week"
    assert _ties(store) == ties_before | {("Kees", "Piet", "knows", "directed")}
    assert store.count("actor_place") == 0 and store.count("actor_initiative") == 1
    assert report.partial and report.skipped == 5  # 2 elements, 3 connections
    text = "\n".join(report.notices)
    assert "e.csv rij 2: 'Jan' past bij 2 records" in text and "kolom ID" in text
    assert "e.csv rij 4: 'Buurthuis' past bij 2 records" in text
    assert "e.csv rij 5: plek 'Buurthuis' past bij 2 plekken; leeg gelaten" in text
    assert "c.csv rij 2: From 'Jan' is bij de elementen overgeslagen" in text
    assert "c.csv rij 4: To 'Buurthuis'" in text
    # A connection to a Jan of the file, not of the sheet, is not guessed at either.
    only = _sheet(tmp_path / "c2.csv", "From,To\nPiet,Jan\n")
    report = import_kumu(store, _sheet(tmp_path / "e2.csv", "Label\nPiet\n"), only)
    assert report.skipped == 1 and store.count("tie") == len(ties_before) + 1
    assert "c2.csv rij 2: To 'Jan' past bij 2 records" in report.notices[0]
    # ... and with the export's IDs each goes where it should.
    ided = _sheet(tmp_path / "e3.csv", f"ID,Label,Influence\n{jans['business']},Jan,5\n")
    import_kumu(store, ided, _sheet(tmp_path / "c3.csv", f"From,To\nPiet,{jans['business']}\n"))
    assert {a["role"]: a["influence"] for a in store.rows("actor") if a["name"] == "Jan"} == {
        "resident": None,
        "business": 5,
    }
    assert ("Piet", "Jan/business", "knows", "directed") in _ties(store)


def test_a_kumu_made_sheet_with_its_own_ids(store, tmp_path) -> None:
    """Kumu's own IDs (`elem-1`) connect the sheet's connections and are never the records'
    ids: the file's ids stay UUIDs. Two elements of one label are two records."""
    record(store, ['a "Anna" #bewoner'])
    anna = store.find("actor", "Anna")[0]["id"]
    elements = _sheet(
        tmp_path / "e.csv",
        "ID,Label,Type\nelem-1,Jan,Person\nelem-2,Jan,Person\nelem-3,Anna,Person\n"
        "elem-4,Soep,Project\n",
    )
    connections = _sheet(
        tmp_path / "c.csv",
        "From,To,Type\nelem-1,elem-3,kent\nelem-3,elem-2,werkt samen\nelem-2,elem-4,drives\n"
        "Anna,elem-1,vertrouwt\n",
    )
    report = import_kumu(store, elements, connections)
    assert (report.created, report.unchanged, report.initiatives) == (2, 1, 1)
    assert not report.partial
    ids = [a["id"] for a in store.rows("actor")] + [i["id"] for i in store.rows("initiative")]
    assert all(re.fullmatch(UUID, i) for i in ids) and not any(i.startswith("elem") for i in ids)
    assert len(ids) == 4 and anna in ids  # Anna found by her label
    jan1, jan2 = (
        a["id"] for a in store.rows("actor", "name = ?", ("Jan",), order="created, rowid")
    )
    ties = {(t["source_id"], t["target_id"], t["kind"]) for t in store.rows("tie")}
    assert ties == {
        (jan1, anna, "knows"),
        (anna, jan2, "works_with"),
        (anna, jan1, "trusts"),
    }
    link = store.rows("actor_initiative")
    assert [(x["actor_id"], x["kind"]) for x in link] == [(jan2, "drives")]
    # The same sheet again: which Jan of the file is elem-1 would be a guess; nothing doubles.
    again = import_kumu(store, elements, connections)
    assert store.count("actor") == 3 and store.count("tie") == 3 and again.created == 0
    assert "e.csv rij 2: 'Jan' past bij 2 records" in again.notices[0]
    # Two elements of one label and the file's one record of it: not guessed at either.
    twice = _sheet(tmp_path / "twice.csv", "ID,Label\nk1,Anna\nk2,Anna\n")
    report = import_kumu(store, twice, None)
    assert report.skipped == 2 and store.count("actor") == 3
    assert "twice.csv rij 3: 'Anna' staat 2 keer bij de elementen" in report.notices[1]


def test_duplicate_ids_are_refused_all_in_one_message(store, tmp_path) -> None:
    e = _sheet(
        tmp_path / "e.csv",
        "ID,Label\nelem-1,Anna\nelem-2,Bert\nelem-1,Cees\nelem-2,Dirk\nelem-3,Eva\n",
    )
    with pytest.raises(UserError) as info:
        import_kumu(store, e, None)
    text = info.value.message("en")
    assert "'elem-1' (2, 4)" in text and "'elem-2' (3, 5)" in text and "nothing" in text
    assert store.count("actor") == 0
    one = _sheet(tmp_path / "one.csv", "ID,Label\nx,Anna\nx,Bert\n")
    with pytest.raises(UserError) as info:
        import_kumu(store, one, None)
    assert "regel 3: ID 'x' komt twee keer voor" in info.value.message("nl")
    # Labels may repeat when the IDs tell the elements apart; not without an ID.
    assert import_kumu(store, _sheet(tmp_path / "ok.csv", "ID,Label\na,Jan\nb,Jan\n"), None)
    assert store.count("actor") == 2
    mixed = _sheet(tmp_path / "mixed.csv", "ID,Label\n,Piet\nc,Anna\n,piet\n")
    with pytest.raises(UserError) as info:
        import_kumu(store, mixed, None)
    assert "label 'Piet' appears twice" in info.value.message("en")

"""`sticker:N` on places and initiatives: the record a printed sticker on the poster stands for.

Only printed numbers (below the file's `next_sticker`), one record per number, 1..999; the same
rule on the line, in the preview, in the F2 form, in an import, and in `workshop check`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.capture import edit
from workshop.capture.edit import FieldError
from workshop.capture.grammar import parse
from workshop.capture.preview import plan
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.check import check_file
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.model import FIELDS
from workshop.paper.markers import MAX_STICKER
from workshop.tui import guide


def _printed(store: Store, upto: int) -> None:
    """Stickers 1..upto printed (what `workshop print stickers` reserves)."""
    with store.write() as w:
        w.keep_stickers_from(upto + 1)


def _refusal(store: Store, line: str, lang: str = "nl") -> str:
    with pytest.raises(UserError) as caught:
        record(store, [line])
    return caught.value.message(lang)


def test_the_line_stores_and_says_the_sticker(store: Store, store_en: Store) -> None:
    _printed(store, 30)
    [place] = record(store, ['p "Buurthuis De Kuil" #buurthuis stickernummer:17'])
    assert store.get("place", place.id)["sticker"] == 17
    assert place.summary == "Plek · Buurthuis De Kuil · buurthuis · sticker 17"
    [ini] = record(store, ["i Repaircafé sticker:18 @C4"])
    assert store.get("initiative", ini.id)["sticker"] == 18
    # The same record again with its own sticker is no clash.
    record(store, ["p Buurthuis De Kuil sticker:17"])
    _printed(store_en, 5)
    [en] = record(store_en, ["place Library sticker:2"])
    assert en.summary == "Place · Library · sticker 2"
    assert FIELDS["sticker"].high == MAX_STICKER
    assert "sticker" in guide.text(store.context())  # F1 lists it, generated from the table


def test_refusals_never_printed_taken_out_of_range(store: Store) -> None:
    assert _refusal(store, "p Plein sticker:1") == (
        "Sticker 1 is nog niet geprint: print stickers met workshop print stickers FILE."
    )
    _printed(store, 20)
    assert "Sticker 200 has not been printed yet" in _refusal(store, "p Plein sticker:200", "en")
    record(store, ["p Buurthuis sticker:7"])
    assert _refusal(store, "i Moestuin sticker:7") == (
        "Sticker 7 hoort al bij plek 'Buurthuis': kies een ander nummer,"
        " of haal hem daar eerst weg."
    )
    for value in ("0", "1000", "zeven"):
        assert _refusal(store, f"p Plein sticker:{value}") == (
            f"Sticker '{value}' kan niet: schrijf sticker:1 t/m sticker:999."
        )
    with pytest.raises(UserError) as caught:
        parse("a Jan sticker:3", store.context())
    assert caught.value.key == "field_not_here"
    assert store.count("place") == 1 and store.count("initiative") == 0  # nothing written


def test_the_preview_refuses_before_enter(store: Store) -> None:
    _printed(store, 10)
    record(store, ["i Zon op ons dak sticker:4"])
    taken = plan(store, parse("p Buurthuis sticker:4", store.context()))
    assert taken.action == "refused"
    assert "Sticker 4 hoort al bij initiatief 'Zon op ons dak'" in taken.text("nl")
    unprinted = plan(store, parse("p Buurthuis sticker:11", store.context()))
    assert unprinted.refusal is not None and unprinted.refusal.key == "sticker_unprinted"
    fine = plan(store, parse("p Buurthuis sticker:5", store.context()))
    assert fine.refusal is None and "sticker 5" in fine.text("nl")
    own = plan(store, parse("i Zon op ons dak sticker:4", store.context()))
    assert own.action == "update" and own.refusal is None


def test_the_form_holds_the_same_rules(store: Store) -> None:
    _printed(store, 10)
    record(store, ["p Buurthuis sticker:3", "p Plein"])
    plein = store.find("place", "Plein")[0]
    with pytest.raises(FieldError) as caught:
        edit.validate(store, "place", {"sticker": "3"}, plein["id"])
    assert caught.value.field == "sticker" and caught.value.key == "sticker_taken"
    with pytest.raises(FieldError) as caught:
        edit.validate(store, "place", {"sticker": "12"}, plein["id"])
    assert caught.value.key == "sticker_unprinted"
    with pytest.raises(FieldError) as caught:
        edit.validate(store, "place", {"sticker": "1000"}, plein["id"])
    assert caught.value.message("nl").startswith("Stickernummer: Sticker '1000' kan niet")
    values = edit.validate(store, "place", {"sticker": "4"}, plein["id"])
    edit.save(store, "place", values, plein["id"])
    assert store.get("place", plein["id"])["sticker"] == 4
    # The record's own, unchanged sticker passes (the form shows every field).
    buurthuis = store.find("place", "Buurthuis")[0]
    assert edit.validate(store, "place", {"sticker": "3"}, buurthuis["id"]) == {"sticker": 3}
    store.undo()
    assert store.get("place", plein["id"])["sticker"] is None


def test_undo_frees_the_sticker_and_redo_takes_it_again(store: Store) -> None:
    _printed(store, 10)
    record(store, ["p Buurthuis sticker:6"])
    store.undo()
    assert store.count("place") == 0
    record(store, ["i Moestuin sticker:6"])  # free again
    store.undo()
    store.redo()
    assert store.find("initiative", "Moestuin")[0]["sticker"] == 6
    assert _refusal(store, "p Buurthuis sticker:6").startswith("Sticker 6 hoort al bij initiatief")


def test_csv_and_json_round_trip_keep_the_sticker(store: Store, tmp_path: Path) -> None:
    _printed(store, 10)
    record(store, ["p Buurthuis sticker:3", "i Moestuin sticker:9"])
    store.close()
    runner = CliRunner()
    source = str(tmp_path / "test.wijk")
    out = runner.invoke(cli, ["export", source, "--format", "csv", "-o", str(tmp_path / "csv")])
    assert out.exit_code == 0, out.output
    target = tmp_path / "copy.wijk"
    Store.create(target, name="Kopie").close()
    out = runner.invoke(cli, ["import", str(target), "--csv", "all", str(tmp_path / "csv")])
    assert out.exit_code == 0, out.output
    with Store.open(target) as copy:
        assert copy.find("place", "Buurthuis")[0]["sticker"] == 3
        assert copy.find("initiative", "Moestuin")[0]["sticker"] == 9
        assert copy.neighbourhood()["next_sticker"] == 11  # still printed there
    out = runner.invoke(cli, ["export", source, "--format", "json", "-o", str(tmp_path / "a.json")])
    assert out.exit_code == 0, out.output
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert [p["sticker"] for p in data["place"]] == [3]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,sticker\nPlein,1000\n", encoding="utf-8")
    out = runner.invoke(cli, ["import", str(target), "--csv", "place", str(bad)])
    assert out.exit_code == 1 and "Sticker '1000' kan niet" in out.output


def test_check_flags_a_sticker_twice_or_never_printed(store: Store) -> None:
    _printed(store, 10)
    record(store, ["p Buurthuis sticker:3", "i Moestuin sticker:4", "p Plein sticker:5"])
    store.close()
    assert check_file(store.path, "nl").ok
    store = Store.open(store.path)
    path = store.path
    # What two laptops' files merged could hold: the same sticker twice, one never printed.
    with store.write() as w:
        w.update("initiative", store.find("initiative", "Moestuin")[0]["id"], {"sticker": 3})
        w.update("place", store.find("place", "Plein")[0]["id"], {"sticker": 40})
    store.close()
    report = check_file(path, "nl")
    assert not report.ok and not report.damaged and report.salvageable is None
    assert report.findings == []
    assert report.record_lines("nl") == [
        "initiatief 'Moestuin': sticker 3 zit ook op plek 'Buurthuis'; geef elk een eigen"
        " sticker (F2)",
        "plek 'Plein': sticker 40 is in dit bestand nooit geprint; kies een geprinte sticker"
        " (F2) of print stickers met workshop print stickers FILE",
    ]
    out = CliRunner().invoke(cli, ["check", str(path)])
    assert out.exit_code == 1 and "reservekopie" not in out.output

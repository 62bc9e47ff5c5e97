"""Kumu sheets: wrong or partial input gives one clear message; round trips are exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.exchange.kumu import export_kumu, import_kumu, summary
from workshop.file.store import Store
from workshop.i18n import UserError


def _sheet(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(folder.glob("*.csv"))}


def test_round_trip_into_a_new_file_is_exact(demo_store, tmp_path) -> None:
    export_kumu(demo_store, tmp_path / "one")
    fresh = Store.create(tmp_path / "new.wijk", name="Leeg")
    report = import_kumu(
        fresh, tmp_path / "one" / "elements.csv", tmp_path / "one" / "connections.csv"
    )
    assert report.created == demo_store.count("actor") and not report.partial
    export_kumu(fresh, tmp_path / "two")
    assert _texts(tmp_path / "two") == _texts(tmp_path / "one")
    fresh.close()


def test_reimport_into_the_same_file_changes_nothing(demo_store, tmp_path) -> None:
    before = demo_store.rows("actor"), demo_store.rows("tie")
    export_kumu(demo_store, tmp_path / "out")
    report = import_kumu(
        demo_store, tmp_path / "out" / "elements.csv", tmp_path / "out" / "connections.csv"
    )
    assert (report.created, report.updated) == (0, 0)
    # pseudonymised persons are recognised: no duplicates, no consent made public
    assert (demo_store.rows("actor"), demo_store.rows("tie")) == before


def test_every_unknown_label_in_one_message(store, tmp_path) -> None:
    e = _sheet(tmp_path, "e.csv", "Label\nAnna\nBert\n")
    c = _sheet(tmp_path, "c.csv", "From,To\nAnna,Onbekend\nBert,Nergens\nAnna,Bert\n")
    with pytest.raises(UserError) as info:
        import_kumu(store, e, c)
    text = info.value.message("nl")
    assert "'Onbekend' (2)" in text and "'Nergens' (3)" in text and "niets" in text
    assert store.count("actor") == 0


def test_every_duplicate_label_in_one_message(store, tmp_path) -> None:
    e = _sheet(tmp_path, "e.csv", "Label\nAnna\nBert\nanna\nBERT\nCees\n")
    with pytest.raises(UserError) as info:
        import_kumu(store, e, None)
    text = info.value.message("en")
    assert "'Anna' (2, 4)" in text and "'Bert' (3, 5)" in text


def test_a_label_already_in_the_file_is_known(store, tmp_path) -> None:
    import_kumu(store, _sheet(tmp_path, "e1.csv", "Label,Type\nAnna,Person\n"), None)
    report = import_kumu(
        store,
        _sheet(tmp_path, "e2.csv", "Label,Type\nBert,Person\n"),
        _sheet(tmp_path, "c.csv", "From,To\nBert,anna\n"),
    )
    assert (report.created, report.ties) == (1, 1)


def test_empty_sheets(store, tmp_path) -> None:
    with pytest.raises(UserError) as info:
        import_kumu(store, _sheet(tmp_path, "e.csv", "Label,Type\n"), None)
    assert info.value.key == "kumu_no_elements"
    report = import_kumu(
        store, _sheet(tmp_path, "e2.csv", "Label\nAnna\n"), _sheet(tmp_path, "c.csv", "")
    )
    assert report.created == 1 and any("leeg" in n for n in report.notices)  # Dutch, as the file


def test_unknown_columns_and_a_tie_to_itself_are_reported(store, tmp_path) -> None:
    report = import_kumu(
        store,
        _sheet(tmp_path, "e.csv", "Label,Image,Layout X\nAnna,a.png,3\n"),
        _sheet(tmp_path, "c.csv", "From,To,Colour\nAnna,anna,red\n"),
    )
    assert any("Image" in n and "Layout X" in n for n in report.notices)
    assert any("Colour" in n for n in report.notices)
    assert report.partial and report.ties == 0


def test_consent_column_only_for_new_actors(store, tmp_path) -> None:
    import_kumu(store, _sheet(tmp_path, "e.csv", "Label,Type\nAnna,Person\n"), None)
    import_kumu(
        store,
        _sheet(tmp_path, "e2.csv", "Label,Type,Consent\nAnna,Person,public\nBert,Person,public\n"),
        None,
    )
    consent = {a["name"]: a["consent"] for a in store.rows("actor")}
    assert consent == {"Anna": "internal", "Bert": "public"}


def test_what_an_import_says_is_what_the_file_then_holds(demo_store, tmp_path) -> None:
    export_kumu(demo_store, tmp_path / "out", records=True)
    sheets = tmp_path / "out" / "elements.csv", tmp_path / "out" / "connections.csv"
    again = import_kumu(demo_store, *sheets)
    assert (again.created, again.updated, again.ties, again.links) == (0, 0, 0, 0)
    assert summary(again).endswith(" ongewijzigd; 0 verbanden nieuw of bijgewerkt.")
    fresh = Store.create(tmp_path / "new.wijk", name="Nieuw")
    first = import_kumu(fresh, *sheets)
    assert (first.ties, first.links) == (
        fresh.count("tie"),
        fresh.count("actor_initiative") + fresh.count("actor_place"),
    )


def test_reimport_keeps_what_the_export_redacted(store, tmp_path) -> None:
    from workshop.capture.record import record

    record(
        store,
        [
            'persoon "Els de Wit" #bewoner consent:public wat:"buurvrouw van Kees Bakker"',
            'persoon "Kees Bakker" #bewoner tel:0611111111',
            'org "Stichting X" wat:"opgericht door Kees Bakker, tel 0611111111"',
            '"Els de Wit" -> "Stichting X" #kent wat:"via Kees Bakker"',
        ],
    )
    before = store.rows("actor"), store.rows("tie")
    export_kumu(store, tmp_path / "out")
    assert "Kees" not in (tmp_path / "out" / "elements.csv").read_text("utf-8")
    report = import_kumu(
        store, tmp_path / "out" / "elements.csv", tmp_path / "out" / "connections.csv"
    )
    assert (report.updated, report.unchanged, report.ties) == (0, 3, 0)
    assert (store.rows("actor"), store.rows("tie")) == before

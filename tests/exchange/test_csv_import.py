"""The CSV exports read back: export -> import into a new file -> export gives the same."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.exchange.conftest import two_of_one_name
from workshop.capture.record import record
from workshop.cli import cli
from workshop.exchange import csv_import, tables
from workshop.exchange.csv_import import import_csv
from workshop.exchange.files import read_csv
from workshop.file.store import Store
from workshop.i18n import UserError

AWKWARD = [
    'p "=SUM(A1:A3)" #park @B2 "\'=quoted\' and a | pipe"',
    'p "-5 graden" #plein lat:-0.5 lon:-12.25',
    "p '@mention #buurthuis",
    'a "[red]Rood[/red] <b>&amp;</b>" #vereniging #"[tag]" #a|b groepen:"regel één\nregel twee"',
    'persoon "Zoë 👩‍👩‍👧 Ĳsbrand" #bewoner !3 consent:public tel:+31612345678',
    'persoon "Verborgen" #sleutelfiguur tel:0699999999 wat:"weet alles"',
    'deelnemer "Anna" #appartement #senior #alleenstaand',
    'kandidaat "Bram" status:uitgenodigd #rijwoning',
    '"[red]Rood[/red] <b>&amp;</b>" -> "Zoë 👩‍👩‍👧 Ĳsbrand" #kent !2',
    'i "Zon op het dak" #opwek @B2 +"Verborgen" nodig:"geld; veel geld" kaart:7',
    'q "Van Verborgen geloof ik alles" ~Verborgen',
]


def _export(store: Store, folder: Path, delimiter: str = ",") -> dict[str, str]:
    tables.export_csv(store, folder, delimiter=delimiter)
    return {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(folder.glob("*.csv"))}


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_round_trip_is_exact(store, tmp_path, delimiter: str) -> None:
    record(store, [line for line in AWKWARD if not line.startswith("p '@")])
    first = _export(store, tmp_path / "one", delimiter)
    fresh = Store.create(tmp_path / "new.wijk", name="Leeg")
    report = csv_import.import_folder(fresh, tmp_path / "one")
    assert not report.partial and report.inserted > 10
    assert _export(fresh, tmp_path / "two", delimiter) == first
    fresh.close()


def test_the_demo_round_trips(demo_store, tmp_path) -> None:
    first = _export(demo_store, tmp_path / "one")
    fresh = Store.create(tmp_path / "new.wijk", name="Leeg")
    csv_import.import_folder(fresh, tmp_path / "one")
    assert _export(fresh, tmp_path / "two") == first
    fresh.close()


def test_importing_an_export_into_its_own_file_keeps_what_consent_withheld(store, tmp_path) -> None:
    record(store, AWKWARD[4:])
    before = {t: store.rows(t) for t in ("actor", "note", "participant", "candidate")}
    tables.export_csv(store, tmp_path / "out")
    report = csv_import.import_folder(store, tmp_path / "out")
    assert (report.inserted, report.updated) == (0, 0)
    assert {t: store.rows(t) for t in before} == before  # "Verborgen" keeps name, phone, text


def _rewrite(path: Path, change) -> None:
    """What Excel in a Dutch locale does to a sheet: read, edit, save with semicolons."""
    rows = change(read_csv(path)[1])
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


def test_a_sheet_edited_in_excel(store, tmp_path) -> None:
    record(store, ['p "Buurthuis" #buurthuis @C4', 'p "Park" #park'])
    tables.export_csv(store, tmp_path / "out")
    path = tmp_path / "out" / "place.csv"

    def edit(rows):
        rows[0]["description"] = "Nu met soep"
        rows[1]["lat"], rows[1]["lon"] = "52,5512", "5,2101"  # Dutch decimal commas
        rows.append({**{k: "" for k in rows[0]}, "name": "Nieuwe plek", "kind": "speeltuin"})
        rows.append({**{k: "" for k in rows[0]}, "name": "buurthuis", "cell": "D4"})
        return rows

    _rewrite(path, edit)
    report = csv_import.import_csv(store, "plekken", path)
    assert (report.inserted, report.updated) == (1, 3)
    places = {p["name"]: p for p in store.rows("place")}
    assert places["Buurthuis"]["description"] == "Nu met soep"
    assert places["Buurthuis"]["cell"] == "D4"  # matched by name, case-insensitively
    assert (places["Park"]["lat"], places["Park"]["lon"]) == (52.5512, 5.2101)
    assert places["Nieuwe plek"]["kind"] == "playground"
    store.undo()
    assert "Nieuwe plek" not in {p["name"] for p in store.rows("place")}


def test_bad_values_stop_everything(store, tmp_path) -> None:
    record(store, ['a "Club" #sportclub !2'])
    tables.export_csv(store, tmp_path / "out")
    path = tmp_path / "out" / "actor.csv"
    original = read_csv(path)[1][0]
    for column, value in (
        ("influence", "9"),
        ("consent", "misschien"),
        ("type", "robot"),
        ("ambassador", "misschien"),
        ("influence", "twee"),
    ):
        _rewrite(path, lambda rows, c=column, v=value: [{**original, c: v, "id": ""}])
        with pytest.raises(UserError) as info:
            csv_import.import_csv(store, "actor", path)
        assert info.value.key == "csv_bad_cell" and column in info.value.message("en")
    assert store.count("actor") == 1
    _rewrite(path, lambda rows: [{**original, "tags": "[niet json|tweede", "id": ""}])
    csv_import.import_csv(store, "actor", path)  # looks like JSON, is not: two tags
    assert store.rows("actor")[0]["tags"] == ["[niet json", "tweede"]


def test_an_id_is_one_from_an_export_or_empty(store, tmp_path) -> None:
    """A made-up id ("1", "abc") could be another laptop's for another record, and a merge
    would take the two for one: refused with the row, nothing imported. An id an export wrote
    (a UUID) is kept; an empty one makes a new record."""
    record(store, ['p "Buurthuis" #buurthuis @C4'])
    tables.export_csv(store, tmp_path / "out")
    path = tmp_path / "out" / "place.csv"
    original = read_csv(path)[1][0]
    for made_up in ("1", "abc", original["id"] + "0", "{" + original["id"] + "}"):
        row = {**original, "id": made_up, "name": "Bakkerij Bol"}
        _rewrite(path, lambda rows, r=row: [rows[0], r])
        with pytest.raises(UserError) as info:
            csv_import.import_csv(store, "place", path)
        assert info.value.key == "csv_bad_cell"
        said = info.value.message("nl")
        assert "rij 3" in said and "kolom id" in said and "leeg voor een nieuw record" in said
        assert [p["name"] for p in store.rows("place")] == ["Buurthuis"]
    other = "0d103da6-4963-42d7-8d8a-d94258723c8c"  # an id from another file's export
    _rewrite(path, lambda rows: [rows[0], {**original, "id": other, "name": "Bakkerij Bol"}])
    csv_import.import_csv(store, "place", path)
    _rewrite(path, lambda rows: [{**original, "id": "", "name": "Kapper Knip"}])
    csv_import.import_csv(store, "place", path)
    ids = {p["name"]: p["id"] for p in store.rows("place")}
    assert ids["Buurthuis"] == original["id"] and ids["Bakkerij Bol"] == other
    assert len(ids["Kapper Knip"]) == 36 and ids["Kapper Knip"] not in (other, original["id"])


def _write_csv(path: Path, header: list[str], *rows: list[str]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


def test_a_name_two_records_share_is_never_guessed_at(store, tmp_path) -> None:
    """Two actors named Jan: a tie to "Jan" is skipped and says so (it would have gone to the
    first Jan), an edit of "Jan" without its id changes neither, and a place both Buurthuis
    records could be is left empty with a word. With the export's id each goes where it
    should; a note about a place by its name points at that place's id."""
    record(store, ['a "Piet" #bewoner'])
    jans = two_of_one_name(store)
    assert len(store.find("place", "Buurthuis")) == 2
    ties = _write_csv(tmp_path / "tie.csv", ["source_id", "target_id"], ["Jan", "Piet"])
    report = csv_import.import_csv(store, "tie", ties)
    assert (report.inserted, report.skipped) == (0, 1) and store.count("tie") == 0
    assert any("'Jan' past bij 2 records" in n for n in report.notices)
    actors = _write_csv(tmp_path / "actor.csv", ["name", "influence"], ["Jan", "4"])
    report = csv_import.import_csv(store, "actor", actors)
    assert (report.updated, report.skipped) == (0, 1)
    assert any("kolom id" in n for n in report.notices)
    assert {a["influence"] for a in store.rows("actor") if a["name"] == "Jan"} == {None}
    _write_csv(ties, ["source_id", "target_id"], [jans["business"], "Piet"])
    assert csv_import.import_csv(store, "tie", ties).inserted == 1
    assert store.rows("tie")[0]["source_id"] == jans["business"]
    plans = _write_csv(tmp_path / "initiative.csv", ["name", "place_id"], ["Soep", "Buurthuis"])
    report = csv_import.import_csv(store, "initiative", plans)
    assert report.inserted == 1 and store.rows("initiative")[0]["place_id"] is None
    assert any("leeg gelaten" in n and "2 records" in n for n in report.notices)
    record(store, ['p "Park" #park'])
    notes = _write_csv(
        tmp_path / "note.csv",
        ["kind", "text", "about_table", "about_id"],
        ["note", "Mooi park", "place", "Park"],
    )
    csv_import.import_csv(store, "note", notes)
    park = store.find("place", "Park")[0]["id"]
    assert [(n["about_table"], n["about_id"]) for n in store.rows("note")] == [("place", park)]


def test_references_by_name_and_unknown_ones_skipped(store, tmp_path) -> None:
    record(store, ['a "Anna" #bewoner', 'a "Bert" #bewoner'])
    path = tmp_path / "tie.csv"
    path.write_text(
        "source_id,target_id,kind,strength\nAnna,Bert,kent,2\nAnna,Onbekend,kent,\n,Bert,,\n",
        encoding="utf-8",
    )
    report = csv_import.import_csv(store, "verbanden", path)
    assert (report.inserted, report.skipped, report.partial) == (1, 2, True)
    assert any("Onbekend" in n for n in report.notices)
    tie = store.rows("tie")[0]
    assert (tie["kind"], tie["strength"]) == ("knows", 2)


def test_unknown_kind_and_folder_without_exports(store, tmp_path) -> None:
    with pytest.raises(UserError) as info:
        csv_import.import_csv(store, "fietsen", tmp_path / "x.csv")
    assert info.value.key == "csv_unknown_kind"
    with pytest.raises(UserError) as info:
        csv_import.import_folder(store, tmp_path)
    assert info.value.key == "csv_no_files"


def test_card_numbers_that_clash_get_a_new_one(store, tmp_path) -> None:
    record(store, ['i "Eerste" kaart:3'])
    path = tmp_path / "initiative.csv"
    path.write_text("name,card_number\nTweede,3\n", encoding="utf-8")
    report = csv_import.import_csv(store, "initiative", path)
    cards = {i["name"]: i["card_number"] for i in store.rows("initiative")}
    assert cards["Eerste"] == 3 and cards["Tweede"] not in (None, 3)
    assert any("kaart 3" in n for n in report.notices)  # in the file's language (Dutch)


@pytest.mark.parametrize(
    ("kind", "sheet", "column"),
    [
        ("place", "name,lat,lon\nA,Inf,4\n", "lat"),
        ("place", "name,lat,lon\nA,nan,4\n", "lat"),
        ("place", "name,lat,lon\nA,30681,4\n", "lat"),
        ("place", "name,lon\nA,1e400\n", "lon"),
        ("place", "name,cell\nA,Z9\n", "cell"),
        ("initiative", "name,card_number\nA,1e9\n", "card_number"),
        ("initiative", "name,card_number\nA,0\n", "card_number"),
        ("session", "date,venue\n2026-02-30,Hal\n", "date"),
        ("actor", "name,influence\nA,6\n", "influence"),
    ],
)
def test_every_cell_is_held_to_the_capture_line_rules(
    store: Store, tmp_path: Path, kind: str, sheet: str, column: str
) -> None:
    """`lat=Inf`, latitude 30681, 2026-02-30, card 1e9: refused as the capture line refuses
    them, in one line naming the row and the column, and nothing is written."""
    path = tmp_path / f"{kind}.csv"
    path.write_text(sheet, encoding="utf-8")
    before = store.count("history")
    result = CliRunner().invoke(cli, ["import", str(store.path), "--csv", kind, str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "rij 2" in lines[0] and f"kolom {column}" in lines[0], lines
    assert "Traceback" not in result.output
    assert store.count("history") == before


def test_spreadsheet_numbers_pass_the_capture_rules(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "place.csv"
    path.write_text('name,lat,lon,cell\nA,"52,37",4.9,c3\n', encoding="utf-8")
    import_csv(store, "place", path)
    place = store.find("place", "A")[0]
    assert (place["lat"], place["lon"], place["cell"]) == (52.37, 4.9, "C3")


def test_a_whole_export_goes_into_a_new_file_with_its_own_grid(tmp_path) -> None:
    """The neighbourhood sheet comes first and brings its grid: a place at L9 of a 12x9 map
    is on the map of the new file (it was refused against the new file's 8x6)."""
    from workshop.model import Grid

    box = (52.0, 5.0, 52.1, 5.1)  # its corners are held to the rules before the grid is read
    source = Store.create(tmp_path / "a.wijk", name="Groot", grid=Grid(12, 9), bbox=box)
    record(source, ["p Ver @L9"])
    tables.export_csv(source, tmp_path / "csv")
    Store.create(tmp_path / "b.wijk", name="Nieuw").close()
    args = ["import", str(tmp_path / "b.wijk"), "--csv", "all", str(tmp_path / "csv")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    target = Store.open(tmp_path / "b.wijk", readonly=True)
    assert [(p["name"], p["cell"]) for p in target.rows("place")] == [("Ver", "L9")]
    assert (target.grid.cols, target.grid.rows) == (12, 9)

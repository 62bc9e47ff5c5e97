"""Merging field by field, on real files made with `workshop new` and `workshop capture`."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import cli
from workshop.file import duplicates, schema
from workshop.file.store import Store

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def fails(*args: str) -> str:
    result = runner.invoke(cli, [str(a) for a in args])
    assert result.exit_code == 1, result.output
    return result.output


@pytest.fixture
def prepared(tmp_path: Path) -> Path:
    path = tmp_path / "wijk.wijk"
    run("new", path, "--name", "Kersenbuurt", "--municipality", "Zuiderveen")
    run(
        "capture",
        path,
        "i Repaircafé #sociaal",
        "i Zonnedak #opwek",
        'persoon "Els de Wit"',
        "p Buurthuis De Kers #buurthuis",
    )
    return path


def laptop(prepared: Path, name: str, *lines: str) -> Path:
    """A copy of the prepared file on a table's laptop, with that table's captures."""
    path = prepared.with_name(name)
    shutil.copy(prepared, path)
    if lines:
        run("capture", path, *lines)
    return path


def initiative(path: Path, name: str) -> dict:
    with Store.open(path, readonly=True) as store:
        return store.find("initiative", name)[0]


def contents(path: Path) -> dict:
    with Store.open(path, readonly=True) as store:
        return {table: store.rows(table, order="id") for table in schema.FIELD_TIME_TABLES}


def test_each_side_keeps_its_own_edit_of_the_same_record(prepared: Path) -> None:
    one = laptop(prepared, "t1.wijk", 'i Repaircafé wat:"spullen repareren"')
    two = laptop(
        prepared, "t2.wijk", 'i Repaircafé nodig:"een werkplaats"', "p Buurthuis De Kers @C3"
    )
    target = laptop(prepared, "alles.wijk")
    output = run("merge", target, one, two)
    assert "conflict" not in output
    merged = initiative(target, "Repaircafé")
    assert (merged["description"], merged["needs"]) == ("spullen repareren", "een werkplaats")
    assert merged["field_times"]["description"] == initiative(one, "Repaircafé")["updated"]
    assert merged["field_times"]["needs"] == initiative(two, "Repaircafé")["updated"]
    with Store.open(target, readonly=True) as store:
        assert store.find("place", "Buurthuis De Kers")[0]["cell"] == "C3"


def test_ten_laptops_keep_all_ten_descriptions(prepared: Path) -> None:
    """The audit's 10-file merge: each laptop describes one initiative and sets the status of
    another; whole records from the later side lost 9 of 10 descriptions."""
    names = [f"Initiatief {k}" for k in range(10)]
    run("capture", prepared, *[f'i "{name}"' for name in names])
    laptops = []
    for k in range(10):
        laptops.append(
            laptop(
                prepared,
                f"t{k}.wijk",
                f'i "{names[k]}" wat:"beschrijving {k}"',
                f'i "{names[(k + 1) % 10]}" status:actief',
            )
        )
    target = laptop(prepared, "alles.wijk")
    output = run("merge", target, *laptops)
    assert "samengevoegd: 0 nieuw, 10 bijgewerkt" in output and "conflict" not in output
    with Store.open(target, readonly=True) as store:
        for k, name in enumerate(names):
            record = store.find("initiative", name)[0]
            assert (record["description"], record["status"]) == (f"beschrijving {k}", "active")


def test_the_same_field_changed_on_both_sides_is_a_reported_conflict(
    prepared: Path, tmp_path: Path
) -> None:
    one = laptop(prepared, "t1.wijk", "i Repaircafé nodig:gereedschap")
    two = laptop(prepared, "t2.wijk", "i Repaircafé nodig:vrijwilligers")
    target = laptop(prepared, "alles.wijk")
    report = tmp_path / "verslag.txt"
    output = run("merge", target, one, two, "--report", report)
    assert initiative(target, "Repaircafé")["needs"] == "vrijwilligers"  # the newer one
    assert "1 conflicten" in output
    line = (
        "  conflict: initiative 'Repaircafé', veld needs: gehouden 'vrijwilligers' "
        "(t2.wijk), niet 'gereedschap' (alles.wijk)"
    )
    assert line in output.splitlines()
    assert line.strip() in report.read_text(encoding="utf-8").splitlines()
    # In an English file the report is English.
    english = tmp_path / "en"
    english.mkdir()
    base = english / "wijk.wijk"
    run("new", base, "--name", "Cherry", "--lang", "en")
    run("capture", base, "i Repair")
    a = laptop(base, "a.wijk", "i Repair needs:tools")
    b = laptop(base, "b.wijk", "i Repair needs:people")
    output = run("merge", base, a, b)
    assert "1 conflicts: the same field was changed on both sides" in output
    assert "field needs: kept 'people' (b.wijk), not 'tools' (wijk.wijk)" in output


def test_a_field_changed_on_one_side_only_is_no_conflict(prepared: Path) -> None:
    one = laptop(prepared, "t1.wijk", "i Zonnedak nodig:daken")
    target = laptop(prepared, "alles.wijk", "i Zonnedak biedt:stroom")
    output = run("merge", target, one)
    assert "conflict" not in output
    merged = initiative(target, "Zonnedak")
    assert (merged["needs"], merged["offers"]) == ("daken", "stroom")


def test_merging_twice_changes_nothing_and_undo_restores_the_times(prepared: Path) -> None:
    one = laptop(prepared, "t1.wijk", 'i Repaircafé wat:"spullen repareren"', "p Nieuwe plek")
    two = laptop(prepared, "t2.wijk", "i Repaircafé nodig:ruimte", "i Repaircafé wat:lassen")
    target = laptop(prepared, "alles.wijk")
    before = contents(target)
    run("merge", target, one, two)
    after = contents(target)
    output = run("merge", target, one, two)
    assert "samengevoegd: 0 nieuw, 0 bijgewerkt" in output
    assert contents(target) == after
    with Store.open(target) as store:
        store.undo()  # the second merge wrote nothing, so this undoes the first
    assert contents(target) == before


def test_an_edit_after_a_merge_wins_the_next_merge(prepared: Path) -> None:
    one = laptop(prepared, "t1.wijk", "i Repaircafé nodig:ruimte")
    target = laptop(prepared, "alles.wijk")
    run("merge", target, one)
    run("capture", target, "i Repaircafé nodig:geld")
    output = run("merge", target, one)
    assert "0 bijgewerkt" in output
    assert initiative(target, "Repaircafé")["needs"] == "geld"


def _truncated(good: Path, path: Path) -> None:
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])


def _not_sqlite(good: Path, path: Path) -> None:
    path.write_bytes(b"Naam;Telefoon\nJan;0612345678\n" * 200)


def _not_ours(good: Path, path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE place (id TEXT, name TEXT)")


def _newer(good: Path, path: Path) -> None:
    shutil.copy(good, path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")


def _index_damaged(good: Path, path: Path) -> None:
    """A file whose pages are all there and whose tables read, but an index page is garbage."""
    shutil.copy(good, path)
    with Store.open(path) as store:
        with store.write() as w:
            for k in range(400):
                w.insert("place", {"name": f"Plek {k:04d}"})
        page_size = store.conn.execute("PRAGMA page_size").fetchone()[0]
        root = store.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'place_cell'"
        ).fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8 : start + page_size] = bytes(range(256)) * ((page_size - 8) // 256) + bytes(
        (page_size - 8) % 256
    )
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_truncated, _not_sqlite, _not_ours, _newer, _index_damaged])
def test_a_damaged_source_is_refused_before_anything_is_merged(prepared: Path, damage) -> None:
    good = laptop(prepared, "t1.wijk", "p Nieuwe plek", "i Repaircafé nodig:ruimte")
    bad = prepared.with_name("kapot.wijk")
    damage(good, bad)
    target = laptop(prepared, "alles.wijk")
    before = contents(target)
    output = fails("merge", target, good, bad)
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith(f"workshop: Er is niets samengevoegd in {target}: {bad}")
    assert "Traceback" not in output
    assert contents(target) == before


def test_a_lagging_card_counter_renumbers_after_the_highest_card(prepared: Path) -> None:
    target = laptop(prepared, "alles.wijk")
    with sqlite3.connect(target) as conn:  # a file whose counter lags behind its cards
        conn.execute("UPDATE neighbourhood SET next_card = 1")
    one = laptop(prepared, "t1.wijk", "i Moestuin #groen")  # card 3 at that table
    other = prepared.with_name("ander.wijk")
    run("new", other, "--name", "Kersenbuurt", "--municipality", "Zuiderveen")
    run("capture", other, "i Voedselbank #zorg")  # card 1, another file from the start
    output = run("merge", target, one, other)
    with Store.open(target, readonly=True) as store:
        cards = {r["name"]: r["card_number"] for r in store.rows("initiative")}
    assert cards == {"Repaircafé": 1, "Zonnedak": 2, "Moestuin": 3, "Voedselbank": 4}
    assert "kaart 1 van 'Voedselbank' is nu kaart 4" in output


def test_many_pairs_show_the_first_few_and_the_report_has_all(
    prepared: Path, tmp_path: Path
) -> None:
    """Look-alike names printed millions of lines; now counts, ten pairs, and a file."""
    one = laptop(
        prepared,
        "t1.wijk",
        "sessie 2026-11-26 tafel:1",
        *[f'persoon "Bewoner {k:03d}"' for k in range(60)],
    )
    two = laptop(
        prepared,
        "t2.wijk",
        "sessie 2026-11-26 tafel:2",
        *[f'persoon "Bewoner {k:03d}x"' for k in range(60)],
    )
    target = laptop(prepared, "alles.wijk")
    report = tmp_path / "paren.txt"
    output = run("merge", target, one, two, "--report", report)
    pairs = [
        line
        for line in report.read_text(encoding="utf-8").splitlines()
        if line.startswith("dubbel?")
    ]
    with Store.open(target, readonly=True) as store:
        assert len(pairs) == len(duplicates.find_pairs(store)) >= 60
    assert f"{len(pairs)} mogelijke dubbelen (actor {len(pairs)}):" in output
    shown = [line for line in output.splitlines() if "dubbel?" in line]
    assert len(shown) == 10
    assert f"... en nog {len(pairs) - 10}; alles in een bestand: --report BESTAND" in output
    assert "dubbel? actor: 'Bewoner 000' en 'Bewoner 000x'" in report.read_text(encoding="utf-8")


def test_a_failing_merge_names_the_file_and_merges_nothing(prepared: Path) -> None:
    good = laptop(prepared, "t1.wijk", "p Nieuwe plek")
    dangling = laptop(prepared, "t2.wijk", "i Moestuin #groen")
    with sqlite3.connect(dangling) as conn:  # a reference to a place this file does not have
        conn.execute("UPDATE initiative SET place_id = 'nergens' WHERE name = 'Moestuin'")
    target = laptop(prepared, "alles.wijk")
    before = contents(target)
    output = fails("merge", target, good, dangling)
    # The reference is checked when the merge commits: both files are named, never "?".
    assert output.startswith(
        f"workshop: {good}, {dangling}: samenvoegen in {target} is mislukt (FOREIGN KEY"
    ), output
    assert contents(target) == before


def test_a_conflict_on_a_tie_names_both_actors(prepared: Path) -> None:
    run("capture", prepared, 'persoon "Jan Smit"', '"Jan Smit" -> "Els de Wit" #kent')
    one = laptop(prepared, "t1.wijk", '"Jan Smit" -> "Els de Wit" #kent !1')
    two = laptop(prepared, "t2.wijk", '"Jan Smit" -> "Els de Wit" #kent !3')
    output = run("merge", prepared, one, two)
    assert "conflict: tie 'Jan Smit -> Els de Wit', veld strength: gehouden '3' (t2.wijk)" in output

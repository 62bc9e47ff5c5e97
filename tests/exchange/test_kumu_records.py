"""`export --format kumu --initiatives`: places and initiatives as Kumu elements (Place,
Project) with the actors' links to them, read back by the csv module as Kumu's layout and by
`import --kumu` into a new file: the same places, initiatives and links."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from workshop.cli import cli
from workshop.file.store import Store


def _sheet(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _links(store: Store) -> set[tuple[str, str, str]]:
    """(actor, initiative or place, kind) of every link, actors by id."""
    names = {r["id"]: r["name"] for t in ("initiative", "place") for r in store.rows(t)}
    return {
        (link["actor_id"], names[link[f"{t}_id"]], link["kind"])
        for t, table in (("initiative", "actor_initiative"), ("place", "actor_place"))
        for link in store.rows(table)
    }


def test_places_and_initiatives_go_out_with_their_links_and_come_back(
    demo_file: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["export", str(demo_file), "--format", "kumu", "--initiatives", "-o", str(tmp_path / "k")],
    )
    assert result.exit_code == 0, result.output
    elements = _sheet(tmp_path / "k" / "elements.csv")
    connections = _sheet(tmp_path / "k" / "connections.csv")
    with Store.open(demo_file, readonly=True) as demo:
        places = {r["name"] for r in demo.rows("place")}
        initiatives = {r["name"] for r in demo.rows("initiative")}
        links = demo.count("actor_initiative") + demo.count("actor_place")
        ties = demo.count("tie")
        actors = demo.count("actor")
    assert {e["Label"] for e in elements if e["Type"] == "Place"} == places
    assert {e["Label"] for e in elements if e["Type"] == "Project"} == initiatives
    assert len({e["ID"] for e in elements}) == len(elements)  # Kumu joins by ID
    assert len(connections) == ties + links and links > 0
    labels = {e["ID"]: e["Type"] for e in elements}
    to_records = [c for c in connections if labels[c["To"]] in ("Place", "Project")]
    assert len(to_records) == links
    assert all(labels[c["From"]] in ("Person", "Organization") for c in to_records)

    fresh = tmp_path / "nieuw.wijk"
    Store.create(fresh, name="Nieuw").close()
    back = runner.invoke(
        cli,
        [
            "import",
            str(fresh),
            "--kumu",
            str(tmp_path / "k" / "elements.csv"),
            str(tmp_path / "k" / "connections.csv"),
        ],
    )
    assert back.exit_code == 0, back.output
    with Store.open(fresh, readonly=True) as new:
        assert {r["name"] for r in new.rows("place")} == places
        assert {r["name"] for r in new.rows("initiative")} == initiatives
        assert new.count("actor") == actors and new.count("tie") == ties
        assert len(_links(new)) == links


def test_without_the_option_only_actors_and_ties(demo_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", str(demo_file), "--format", "kumu", "-o", str(tmp_path / "k")]
    )
    assert result.exit_code == 0
    types = {e["Type"] for e in _sheet(tmp_path / "k" / "elements.csv")}
    assert types <= {"Person", "Organization"}


def test_the_records_fields_come_back_and_the_own_file_keeps_its_own(
    demo_file: Path, tmp_path: Path
) -> None:
    """Theme, kind, an initiative's own place, contact fields: into a new file as they went
    out; into the file they came from, nothing changes (not the redacted descriptions)."""
    from workshop.exchange.kumu import export_kumu, import_kumu

    with Store.open(demo_file) as demo:
        export_kumu(demo, tmp_path / "k", records=True)
        sheets = tmp_path / "k" / "elements.csv", tmp_path / "k" / "connections.csv"
        before = [demo.rows(t) for t in ("place", "initiative")]
        again = import_kumu(demo, *sheets)
        assert (again.updated, again.created) == (0, 0)
        assert [demo.rows(t) for t in ("place", "initiative")] == before
    query = (
        "SELECT i.name, i.theme, p.name FROM initiative i LEFT JOIN place p ON p.id = i.place_id "
        "ORDER BY i.name"
    )
    with Store.create(tmp_path / "nieuw.wijk", name="Nieuw") as fresh:
        import_kumu(fresh, *sheets)
        got = fresh.conn.execute(query).fetchall()
        kinds = fresh.conn.execute("SELECT name, kind FROM place ORDER BY name").fetchall()
    with Store.open(demo_file, readonly=True) as demo:
        assert got == demo.conn.execute(query).fetchall()
        assert kinds == demo.conn.execute("SELECT name, kind FROM place ORDER BY name").fetchall()
    assert any(place for _, _, place in got) and all(theme for _, theme, _ in got)

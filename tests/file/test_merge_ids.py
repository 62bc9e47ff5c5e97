"""Merging files whose records have made-up ids ("1", from an import before imports held ids to
UUIDs): two records that only share the id stay two (`workshop.file.merge_ids`)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import cli
from workshop.file.merge import merge
from workshop.file.merge_ids import canonical
from workshop.file.store import Store


def _laptop(base: Path, name: str, place: str, initiative: str) -> Path:
    """A copy of `base` where an old import gave the place `place` the id 1, with an
    initiative there, a note about it and a tie to it from the person 'Jan' (id 7)."""
    path = base.with_name(name)
    shutil.copy(base, path)
    time.sleep(0.01)  # `created` is to the millisecond: the two laptops' imports are apart
    with Store.open(path) as store, store.write() as w:
        w.insert("place", {"id": "1", "name": place})
        w.insert("initiative", {"name": initiative, "place_id": "1", "card_number": 1})
        w.insert("note", {"text": f"over {place}", "about_table": "place", "about_id": "1"})
        w.insert(
            "actor",
            {"id": "7", "name": f"Jan van {place}", "type": "person", "consent": "internal"},
        )
        w.insert("actor_place", {"actor_id": "7", "place_id": "1", "kind": "meets_at"})
    return path


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "wijk.wijk"
    Store.create(base, name="Kersenbuurt", municipality="Zuiderveen").close()
    return (
        _laptop(base, "a.wijk", "Bakkerij Bol", "Broodjesochtend"),
        _laptop(base, "b.wijk", "Kapper Knip", "Knipmiddag"),
    )


def _contents(path: Path) -> dict[str, set]:
    """What a person reads in the file: every place, initiative, note, actor and link by name."""
    with Store.open(path, readonly=True) as store:
        places = {p["id"]: p["name"] for p in store.rows("place")}
        actors = {a["id"]: a["name"] for a in store.rows("actor")}
        return {
            "place": set(places.values()),
            "initiative": {
                (i["name"], places.get(i["place_id"])) for i in store.rows("initiative")
            },
            "note": {(n["text"], places.get(n["about_id"])) for n in store.rows("note")},
            "actor": set(actors.values()),
            "link": {
                (actors[r["actor_id"]], places[r["place_id"]]) for r in store.rows("actor_place")
            },
        }


def test_two_records_that_share_a_made_up_id_stay_two(laptops, monkeypatch) -> None:
    a, b = laptops
    monkeypatch.chdir(a.parent)
    result = CliRunner().invoke(cli, ["merge", "a.wijk", "b.wijk"])
    assert result.exit_code == 0, result.output
    assert "plek 'Kapper Knip' uit b.wijk had id '1', net als 'Bakkerij Bol' hier" in result.output
    assert "actor 'Jan van Kapper Knip' uit b.wijk had id '7'" in result.output
    merged = _contents(a)
    assert merged == {
        "place": {"Bakkerij Bol", "Kapper Knip"},
        "initiative": {("Broodjesochtend", "Bakkerij Bol"), ("Knipmiddag", "Kapper Knip")},
        "note": {("over Bakkerij Bol", "Bakkerij Bol"), ("over Kapper Knip", "Kapper Knip")},
        "actor": {"Jan van Bakkerij Bol", "Jan van Kapper Knip"},
        "link": {
            ("Jan van Bakkerij Bol", "Bakkerij Bol"),
            ("Jan van Kapper Knip", "Kapper Knip"),
        },
    }
    with Store.open(a, readonly=True) as store:
        bol = store.get("place", "1")
        assert bol is not None and bol["name"] == "Bakkerij Bol"  # ours keeps its id
        knip = store.find("place", "Kapper Knip")[0]
        assert knip["id"] == canonical("place", "1", knip["created"])
    # The same files merged again change nothing; so does the other way round, and back.
    report = merge(Store.open(a), [b])
    assert report.changed == 0 and report.kept_apart == []  # said the first time only
    report = merge(Store.open(b), [a])
    assert _contents(b) == merged
    report = merge(Store.open(a), [b])
    assert report.changed == 0 and _contents(a) == merged


def test_one_record_with_a_made_up_id_on_two_laptops_stays_one(laptops) -> None:
    a, _ = laptops
    copy = a.with_name("c.wijk")
    shutil.copy(a, copy)  # the same record on a second laptop, renamed there
    with Store.open(copy) as store, store.write() as w:
        w.update("place", "1", {"name": "Bakkerij Bol & Zn"})
    report = merge(Store.open(a), [copy])
    assert report.kept_apart == [] and report.updated == {"place": 1}
    assert _contents(a)["place"] == {"Bakkerij Bol & Zn"}

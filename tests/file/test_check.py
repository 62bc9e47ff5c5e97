"""`workshop check` on sound and damaged files, and salvaging what can be read."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.check import check_file
from workshop.file.salvage import salvage
from workshop.file.store import Store


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    path = tmp_path / "sound.wijk"
    with Store.create(path, name="Sound") as store:
        record(store, [f'p "Plek {i} met een wat langere naam" #park @B2' for i in range(400)])
        record(store, [f"persoon Persoon{i} !2" for i in range(100)])
    return path


def damaged(sound: Path, name: str, change) -> Path:
    path = sound.with_name(name)
    path.write_bytes(change(bytearray(sound.read_bytes())))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sound_file(sound: Path) -> None:
    report = check_file(sound)
    assert report.ok and report.counts["place"] == 400 and report.salvageable is None


def overwrite_index_pages(data: bytearray) -> bytes:
    """Scribble over a stretch in the middle of the file."""
    middle = len(data) // 2
    data[middle : middle + 3 * 4096] = b"\xab" * (3 * 4096)
    return bytes(data)


def test_scribbled_file_is_explained_and_salvaged(sound: Path, tmp_path: Path) -> None:
    bad = damaged(sound, "bad.wijk", overwrite_index_pages)
    before = digest(bad)
    report = check_file(bad)
    assert not report.ok
    assert any("integrity" in f for f in report.findings)
    assert report.salvageable is not None and report.salvageable.rows > 0
    out = tmp_path / "saved.wijk"
    result = salvage(bad, out)
    assert digest(bad) == before  # the damaged file is only read
    assert check_file(out).ok
    with Store.open(out) as store:
        assert (
            store.count("place") + store.count("actor")
            == result.tables[3].read + result.tables[4].read
        )
        assert store.neighbourhood()["name"] == "Sound"
        record(store, ["p Verder"])  # and work can go on in it


def test_garbage_appended(sound: Path) -> None:
    bad = damaged(sound, "tail.wijk", lambda d: bytes(d) + b"garbage" * 1000)
    report = check_file(bad)
    assert not report.ok and any("appended" in f for f in report.findings)


def test_truncated_file_points_to_backups(sound: Path) -> None:
    with Store.open(sound) as store:
        store.backup(sound.with_name("cut.wijk.backups") / "latest.wijk")
    bad = damaged(sound, "cut.wijk", lambda d: bytes(d[: len(d) // 3]))
    runner = CliRunner()
    result = runner.invoke(cli, ["check", str(bad)])
    assert result.exit_code == 1
    # Dutch, as the CLI is ("truncated" would also match the test's own tmp_path name)
    assert "afgekapt" in result.output and "latest.wijk" in result.output


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "text.wijk"
    path.write_text("dit is een boodschappenlijstje\n" * 20)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1 and "PROBLEEM" in result.output  # in Dutch, as the CLI is
    assert "Traceback" not in result.output


def test_salvage_keeps_the_street_plan(tmp_path: Path) -> None:
    from workshop import demo

    path = tmp_path / "demo.wijk"
    demo.build(path).close()
    bad = damaged(path, "bad.wijk", overwrite_index_pages)
    out = tmp_path / "saved.wijk"
    salvage(bad, out)
    with Store.open(out) as store:
        assert store.count("osm_extract") == 1


def test_values_the_capture_line_refuses_are_flagged(tmp_path: Path) -> None:
    """A file a spreadsheet round trip corrupted (a Dutch locale read 52.559 as 52559) is sound
    as SQLite but not right: check says which values, one line each, and does not say 'in orde'."""
    import sqlite3

    path = tmp_path / "wijk.wijk"
    with Store.create(path, name="Wijk", bbox=(52.55, 5.2, 52.56, 5.22)) as store:
        record(store, ["p Buurthuis lat:52.555 lon:5.21", "p Kerk lat:52.551 lon:5.205"])
        record(store, ["p Ver weg lat:51.0 lon:4.9", "sessie 2026-11-26 locatie:Bron"])
    runner = CliRunner()
    off_map = runner.invoke(cli, ["check", str(path)])
    assert off_map.exit_code == 1 and "in orde." not in off_map.output
    assert (
        "plek 'Ver weg': lat 51.0, lon 4.9 ligt buiten de kaart van de wijk; verbeter lat en lon"
        in off_map.output
    )
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE place SET lat = 30681.0 WHERE name = 'Kerk'")
        conn.execute("UPDATE place SET lat = 52.555, lon = 5.21 WHERE name = 'Ver weg'")
        conn.execute("UPDATE session SET date = '2026-13-45' WHERE venue = 'Bron'")
    conn.close()
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1 and "in orde." not in result.output
    values = [line for line in result.output.splitlines() if "KLOPT NIET:" in line]
    assert len(values) == 2, result.output
    assert "plek 'Kerk': lat:30681 ligt niet op aarde" in values[0]
    assert values[0].endswith("; verbeter lat in de TUI (F2) of met workshop capture")
    assert "sessie 'Bron'" in values[1] and "2026-13-45" in values[1]
    assert "PROBLEEM" not in result.output  # the file itself is sound: no salvage, no damage
    report = check_file(path)
    assert not report.ok and not report.damaged and report.salvageable is None
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE place SET lat = 52.552 WHERE name = 'Kerk'")
        conn.execute("UPDATE session SET date = '2026-11-26'")
    conn.close()
    fixed = runner.invoke(cli, ["check", str(path)])
    assert fixed.exit_code == 0 and "in orde." in fixed.output


def test_wrong_records_are_one_list_said_one_way(tmp_path: Path) -> None:
    """A value out of range and a sticker on two records are the same kind of finding (the file
    is sound, a record is wrong): one heading, one line each naming the kind, the record and the
    fix, in Dutch and English, and the same list in --json."""
    import json
    import sqlite3

    path = tmp_path / "wijk.wijk"
    with Store.create(path, name="Wijk", lang="en") as store:
        with store.write() as w:
            w.update("neighbourhood", store.neighbourhood()["id"], {"next_sticker": 10})
        record(store, ["p Kerk sticker:3 lat:52.1 lon:5.1", "i Moestuin sticker:4"])
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE initiative SET sticker = 3")
        conn.execute("UPDATE place SET lat = 30681.0")  # a Dutch locale read 30.681 so
    conn.close()
    report = check_file(path, "en")
    assert not report.ok and not report.damaged and report.findings == []
    assert [(r.table, r.record) for r in report.records] == [
        ("place", "Kerk"),
        ("initiative", "Moestuin"),
    ]
    runner = CliRunner()
    for lang, heading, mark in (
        ("nl", "Het bestand is heel, maar deze records kloppen niet", "  KLOPT NIET: "),
        ("en", "The file is sound, but these records are not right", "  NOT RIGHT: "),
    ):
        out = runner.invoke(cli, ["check", str(path)], env={"WORKSHOP_LANG": lang})
        assert out.exit_code == 1
        lines = out.output.splitlines()
        assert [line for line in lines if line.startswith(heading)] == [lines[-3]]
        assert lines[-2].startswith(mark) and lines[-1].startswith(mark)
        assert "PROBLEM" not in out.output
    assert lines[-2].startswith("  NOT RIGHT: place 'Kerk': lat:30681 ")
    assert lines[-2].endswith("; correct lat in the TUI (F2) or with workshop capture")
    assert lines[-1:] == [
        "  NOT RIGHT: initiative 'Moestuin': sticker 3 is also on place 'Kerk'; give each its own"
        " sticker (F2)",
    ]
    as_json = runner.invoke(cli, ["check", str(path), "--json"], env={"WORKSHOP_LANG": "en"})
    assert as_json.exit_code == 1
    document = json.loads(as_json.output)
    assert document["ok"] is False and document["damaged"] is False
    assert document["problems"] == [] and document["records_more"] == 0
    assert document["records"][1] == {
        "table": "initiative",
        "record": "Moestuin",
        "problem": "sticker 3 is also on place 'Kerk'",
        "fix": "give each its own sticker (F2)",
        "line": lines[-1].removeprefix("  NOT RIGHT: "),
    }
    both = runner.invoke(cli, ["check", str(path), "--json", "--salvage", str(tmp_path / "s")])
    assert both.exit_code == 1 and "Traceback" not in both.output


def test_a_map_extent_off_the_earth_and_a_cell_off_the_grid_are_flagged(tmp_path: Path) -> None:
    """What an import refuses (lat 91 in the extent, @Z9) is flagged when it is already there."""
    import sqlite3

    path = tmp_path / "wijk.wijk"
    with Store.create(path, name="Wijk", bbox=(52.55, 5.2, 52.56, 5.22)) as store:
        record(store, ["p Kerk @B2"])
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE neighbourhood SET min_lat = 91, max_lon = 5.1")
        conn.execute("UPDATE place SET cell = 'Z9'")
    conn.close()
    result = CliRunner().invoke(cli, ["check", str(path)])
    values = [line for line in result.output.splitlines() if "KLOPT NIET:" in line]
    assert result.exit_code == 1 and len(values) == 3, result.output
    assert values[0].startswith("  KLOPT NIET: wijk 'Wijk': lat:91 ligt niet op aarde")
    assert "zuid niet onder noord" in values[1]
    assert values[2].startswith(
        "  KLOPT NIET: plek 'Kerk': vak 'Z9' ligt niet op de kaart (A1 t/m H6)"
    )


def test_check_speaks_the_files_language_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "en.wijk"
    with Store.create(path, name="Wijk", lang="en") as store:
        record(store, ["p Kerk @B2"])
    own = CliRunner().invoke(cli, ["check", str(path)], env={"WORKSHOP_LANG": None})
    assert own.exit_code == 0 and own.output.endswith("is sound.\n"), own.output
    told = CliRunner().invoke(cli, ["check", str(path)], env={"WORKSHOP_LANG": "nl"})
    assert told.output.endswith("is in orde.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.wijk"]  # nothing left beside it


def test_a_file_whose_pages_are_all_in_the_wal_after_a_crash_is_ours(tmp_path: Path) -> None:
    """A laptop that died before the first checkpoint: the file itself is a new database's
    first page, everything else (page 1 with the application id too) is in the -wal. check
    said "not a workshop file"; SQLite's view of it is sound and says what it holds."""
    path = tmp_path / "wijk.wijk"
    script = (
        "import os, sys\n"
        "from workshop.file.store import Store\n"
        "from workshop.capture.record import record\n"
        "store = Store.create(sys.argv[1], name='Kersenbuurt')\n"
        "store.conn.execute('PRAGMA wal_autocheckpoint=0')\n"
        "record(store, ['p Buurthuis #buurthuis', 'persoon \"Ans Smit\" #bewoner'])\n"
        "os._exit(0)  # no close, no checkpoint\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert Path(f"{path}-wal").stat().st_size > path.stat().st_size  # all of it in the -wal
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "geen workshop-bestand" not in result.output and "is in orde" in result.output
    assert "place 1" in result.output and "actor 1" in result.output
    with Store.open(path, readonly=True) as store:
        assert [p["name"] for p in store.rows("place")] == ["Buurthuis"]

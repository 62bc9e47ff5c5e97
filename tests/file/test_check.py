"""`workshop check` on sound and damaged files, and salvaging what can be read."""

from __future__ import annotations

import hashlib
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
    assert "place 'Ver weg': lat 51.0, lon 4.9 ligt buiten de kaart" in off_map.output
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE place SET lat = 30681.0 WHERE name = 'Kerk'")
        conn.execute("UPDATE place SET lat = 52.555, lon = 5.21 WHERE name = 'Ver weg'")
        conn.execute("UPDATE session SET date = '2026-13-45' WHERE venue = 'Bron'")
    conn.close()
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1 and "in orde." not in result.output
    values = [line for line in result.output.splitlines() if "WAARDE:" in line]
    assert len(values) == 2, result.output
    assert "place 'Kerk' klopt niet: lat:30681 ligt niet op aarde" in values[0]
    assert "session 'Bron'" in values[1] and "2026-13-45" in values[1]
    assert "PROBLEEM" not in result.output  # the file itself is sound: no salvage, no damage
    assert check_file(path).ok and check_file(path).salvageable is None
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE place SET lat = 52.552 WHERE name = 'Kerk'")
        conn.execute("UPDATE session SET date = '2026-11-26'")
    conn.close()
    fixed = runner.invoke(cli, ["check", str(path)])
    assert fixed.exit_code == 0 and "in orde." in fixed.output

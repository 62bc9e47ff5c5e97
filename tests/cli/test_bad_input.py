"""Bad input is refused in one line (or, where the bytes say so plainly, read and said so)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import cli
from workshop.file.store import Store


@pytest.fixture
def path(tmp_path: Path) -> Path:
    Store.create(tmp_path / "wijk.wijk", name="Invoerwijk").close()
    return tmp_path / "wijk.wijk"


def names(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [r["name"] for r in store.rows("place")]


def test_cp1252_on_stdin_is_read_as_cp1252_and_said(path: Path) -> None:
    """A capture file saved by Notepad on a Dutch Windows laptop."""
    data = "p café\np “De Kuil”\n".encode("cp1252")
    result = CliRunner().invoke(cli, ["capture", str(path), "-"], input=data)
    assert result.exit_code == 0, result.output
    assert "Windows-1252" in result.stderr and "Traceback" not in result.output
    assert names(path) == ["café", "“De Kuil”"]


def test_cp1252_in_an_argument_is_read_as_cp1252_and_said(path: Path) -> None:
    line = b"p caf\xe9".decode("utf-8", "surrogateescape")  # how Python hands such an argument
    result = CliRunner().invoke(cli, ["capture", str(path), line])
    assert result.exit_code == 0, result.output
    assert "Windows-1252" in result.stderr
    assert names(path) == ["café"]


@pytest.mark.parametrize("data", [b"p \xff\xfe\x00\x01\n", b"p \x81x\n", b"p ok\np \x90\x8d\n"])
def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused_in_one_line(
    path: Path, data: bytes
) -> None:
    result = CliRunner().invoke(cli, ["capture", str(path), "-"], input=data)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "UTF-8" in lines[0] and "Traceback" not in result.output
    assert names(path) == []


def test_utf8_with_a_bom_goes_in_as_it_is(path: Path) -> None:
    data = "\ufeffp Zoë\n".encode()
    result = CliRunner().invoke(cli, ["capture", str(path), "-"], input=data)
    assert result.exit_code == 0 and not result.stderr
    assert names(path) == ["Zoë"]


def test_a_real_subprocess_with_cp1252_bytes(path: Path) -> None:
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "workshop", "capture", str(path), "-"],
        input=b"p caf\xe9 \x80 5\n",
        capture_output=True,
        env={**os.environ, "LC_ALL": "C"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert names(path) == ["café € 5"]


# --- compressed OSM extracts ------------------------------------------------------------------


def _gzip_stream(*pieces: bytes, repeat: tuple[bytes, int] | None = None) -> bytes:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [packer.compress(pieces[0])]
    if repeat is not None:
        out += [packer.compress(repeat[0]) for _ in range(repeat[1])]
    out += [packer.compress(p) for p in pieces[1:]] + [packer.flush()]
    return b"".join(out)


def test_an_osm_gz_holding_one_huge_token_is_refused_in_one_line(tmp_path: Path) -> None:
    """The audit's 3 MB .osm.gz held one 3 GB token; here 64 MB of it are enough."""
    bomb = tmp_path / "bomb.osm.gz"
    bomb.write_bytes(
        _gzip_stream(
            b"<osm version='0.6'><node id='1' lat='52' lon='5'><tag k='name' v='",
            b"'/></node></osm>",
            repeat=(b"a" * (1 << 20), 64),
        )
    )
    result = CliRunner().invoke(
        cli, ["new", str(tmp_path / "w.wijk"), "--name", "W", "--osm", str(bomb)]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "zonder < of >" in lines[0], lines
    assert not (tmp_path / "w.wijk").exists()


@pytest.mark.parametrize("suffix", ["osm.gz", "osm.bz2"])
def test_an_extract_that_unpacks_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch, suffix: str
) -> None:
    import bz2
    import gzip

    from tests.printing.osmdata import osm_xml
    from workshop.i18n import UserError
    from workshop.osm import extract as osm
    from workshop.osm import limits as osmlimits

    xml = osm_xml().encode()
    pack = gzip.compress if suffix == "osm.gz" else bz2.compress
    path = tmp_path / f"wijk.{suffix}"
    path.write_bytes(pack(xml))
    extract, data = osm.read_extract(path)  # within the limits: read as before
    assert data.features
    monkeypatch.setattr(osmlimits, "MAX_DECOMPRESSED_BYTES", len(xml) // 2)
    with pytest.raises(UserError) as refused:
        osm.read_extract(path)
    assert refused.value.key == "osm_bomb"


def test_a_pbf_whose_blobs_declare_too_much_is_refused(tmp_path: Path, monkeypatch) -> None:
    from tests.printing.osmdata import write_osm, write_pbf
    from workshop.i18n import UserError
    from workshop.osm import extract as osm
    from workshop.osm import limits as osmlimits

    pbf = write_pbf(write_osm(tmp_path / "w.osm"), tmp_path / "w.osm.pbf")
    assert osm.read_extract(pbf)[1].features
    monkeypatch.setattr(osmlimits, "MAX_DECOMPRESSED_BYTES", 100)
    with pytest.raises(UserError) as refused:
        osm.read_extract(pbf)
    assert refused.value.key == "osm_bomb"


def test_reading_an_extract_stops_at_the_time_limit(tmp_path: Path, monkeypatch) -> None:
    from tests.printing.osmdata import write_osm
    from workshop.i18n import UserError
    from workshop.osm import extract as osm
    from workshop.osm import limits as osmlimits

    path = write_osm(tmp_path / "w.osm")
    monkeypatch.setattr(osmlimits, "MAX_SECONDS", -1.0)  # already past it
    with pytest.raises(UserError) as refused:
        osm.read_extract(path)
    assert refused.value.key == "osm_too_slow"


def test_a_damaged_gzip_stream_is_refused_in_one_line(tmp_path: Path) -> None:
    import gzip

    from tests.printing.osmdata import osm_xml
    from workshop.i18n import UserError
    from workshop.osm import extract as osm

    data = gzip.compress(osm_xml().encode())
    path = tmp_path / "cut.osm.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError) as refused:
        osm.read_extract(path)
    assert refused.value.key == "osm_malformed"


def test_a_zlib_bomb_where_the_stored_extract_should_be_is_refused(
    tmp_path: Path, monkeypatch
) -> None:
    """A .wijk from elsewhere: its osm_extract row inflates past any extract's size."""
    import sqlite3
    import zlib

    from tests.printing.osmdata import write_osm
    from workshop.exchange import osm_import
    from workshop.i18n import UserError
    from workshop.osm import extract as osm

    extract, data = osm.read_extract(write_osm(tmp_path / "w.osm"))
    path = tmp_path / "w.wijk"
    osm_import.create_with_extract(path, extract, data, name="W").close()
    monkeypatch.setattr(osm_import, "MAX_EXTRACT_BYTES", 1 << 20)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE osm_extract SET data = ?, features = NULL, sha256 = 'x'",
        (zlib.compress(b"<" * (4 << 20)),),
    )
    conn.commit()
    conn.close()
    with Store.open(path, readonly=True) as store:
        with pytest.raises(UserError) as refused:
            osm_import.stored_extract(store)
        assert refused.value.key == "osm_too_large"
        with pytest.raises(UserError):
            osm_import.map_data(store)

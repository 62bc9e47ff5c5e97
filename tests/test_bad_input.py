"""Bad input is refused in one line (or, where the bytes say so plainly, read and said so)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import cli
from workshop.store import Store


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
def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused_in_one_line(path: Path,
                                                                         data: bytes) -> None:
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

    done = subprocess.run([sys.executable, "-m", "workshop", "capture", str(path), "-"],
                          input=b"p caf\xe9 \x80 5\n", capture_output=True,
                          env={**os.environ, "LC_ALL": "C"}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert names(path) == ["café € 5"]

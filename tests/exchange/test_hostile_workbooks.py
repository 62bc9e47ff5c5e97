"""Broken and hostile .xlsx workbooks: one line each, nothing written, never a traceback.

Each is made from a real workbook the export wrote: cut off, one sheet's XML cut in half,
one member's compressed bytes changed (its CRC fails while the rows are read), and one that
unpacks into more than the limit (a zip bomb: refused before any of it is unpacked).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import cli
from workshop.exchange import files
from workshop.file.store import Store


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "wijk.wijk"
    with Store.create(path, name="Kersenbuurt") as store:
        from workshop.capture.record import record

        record(store, ["p Buurthuis #buurthuis", 'persoon "Ans Smit" #bewoner', 'i "Zon" #opwek'])
    book = folder / "wijk.xlsx"
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "xlsx", "-o", str(book)])
    assert result.exit_code == 0, result.output
    return path, book


def _rewrite(book: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(book) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for member in z.infolist():
            out.writestr(member.filename, change(member.filename, z.read(member.filename)))
    return target


def _cut_sheet(name: str, data: bytes) -> bytes:
    return data[: len(data) // 2] if name.startswith("xl/worksheets/") else data


def _bomb(name: str, data: bytes) -> bytes:
    if name.endswith("sheet1.xml"):
        return data.replace(b"</worksheet>", b"<!--" + b" " * (2 * 2**20) + b"--></worksheet>")
    return data


def _flip_a_sheets_bytes(book: Path, target: Path) -> Path:
    """The sheets' compressed bytes changed in the middle: the zip's directory still reads,
    the rows fail their CRC (or do not inflate) only as they are read."""
    raw = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as z:
        for member in z.infolist():
            if member.filename.startswith("xl/worksheets/") and member.compress_size > 64:
                start = member.header_offset + 30 + len(member.filename) + len(member.extra)
                middle = start + member.compress_size // 2
                raw[middle : middle + 8] = bytes(b ^ 0x5A for b in raw[middle : middle + 8])
    target.write_bytes(bytes(raw))
    return target


def _counts(path: Path) -> dict[str, int]:
    with Store.open(path, readonly=True) as store:
        return {t: len(store.rows(t)) for t in ("place", "actor", "initiative", "tie")}


@pytest.mark.parametrize("kind", ["cut off", "sheet cut", "bytes changed", "bomb"])
@pytest.mark.parametrize("how", ["csv", "kumu"])
def test_a_broken_workbook_is_one_line_and_nothing_is_written(
    exported, tmp_path: Path, monkeypatch, kind: str, how: str
) -> None:
    path, book = exported
    monkeypatch.setattr(files, "MAX_CSV_BYTES", 2**20)  # the bomb's 2 MB are over it
    broken = tmp_path / "broken.xlsx"
    if kind == "cut off":
        broken.write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    elif kind == "sheet cut":
        _rewrite(book, broken, _cut_sheet)
    elif kind == "bytes changed":
        _flip_a_sheets_bytes(book, broken)
    else:
        _rewrite(book, broken, _bomb)
        assert broken.stat().st_size < 2**20 // 4  # small on disk, large unpacked
    before = _counts(path)
    args = ["--csv", "all", str(broken)] if how == "csv" else ["--kumu", str(broken), str(broken)]
    result = CliRunner().invoke(cli, ["import", str(path), *args])
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert "Traceback" not in line and "\n" not in line and "broken.xlsx" in line
    if kind == "bomb":
        assert "pakt uit tot 2 MB, meer dan 1 MB" in line
    else:
        assert "geen leesbare .xlsx-werkmap" in line and "sla het op als .xlsx of CSV" in line
    assert _counts(path) == before

"""Reading spreadsheets people made, and writing output without leaving half a file behind."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from workshop.i18n import UserError

MAX_CSV_BYTES = 200 * 1024 * 1024


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file as Excel or Kumu writes it: UTF-8 (with or without BOM,
    else cp1252), comma, semicolon or tab. Header names are stripped; values kept as they are."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UserError("csv_unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    if len(raw) > MAX_CSV_BYTES:
        raise UserError("csv_unreadable", path=str(path), detail="larger than 200 MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise UserError("csv_unreadable", path=str(path), detail="binary content (NUL bytes)")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = list(reader)
    except csv.Error as exc:
        raise UserError("csv_unreadable", path=str(path), detail=str(exc)) from None
    if not rows:
        raise UserError("csv_unreadable", path=str(path), detail="empty")
    header = [h.strip() for h in rows[0]]
    records = []
    for values in rows[1:]:
        if not any(v.strip() for v in values):
            continue
        records.append({h: (values[i] if i < len(values) else "") for i, h in enumerate(header)})
    return header, records


def column(header: list[str], *names: str) -> str | None:
    """The header entry matching one of `names`, ignoring case and spaces."""
    wanted = {n.casefold().replace(" ", "") for n in names}
    return next((h for h in header if h.casefold().replace(" ", "") in wanted), None)


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "w", **kwargs) -> Iterator:
    """Write to a temporary file next to `path` and move it into place only when complete."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _unwritable(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _unwritable(path: Path, exc: OSError) -> UserError:
    return UserError("output_unwritable", path=str(path), detail=exc.strerror or str(exc))


def write_csv(path: Path, header: list[str], rows: list[list], delimiter: str = ",") -> Path:
    """UTF-8 with BOM, so Excel in a Dutch locale shows diacritics right."""
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path

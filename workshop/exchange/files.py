"""Reading spreadsheets people made, and writing output without leaving half a file behind."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

from workshop.exchange.decoding import decode_input
from workshop.i18n import UserError, t
from workshop.outputs import atomic_output

MAX_CSV_BYTES = 200 * 1024 * 1024
_OLD_EXCEL = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an .xls (OLE2) workbook, not readable here


def _bare_utf16(raw: bytes) -> str | None:
    """The codec of UTF-16 text without a BOM (some tools save Unicode text so), or None:
    text of Latin letters, digits and separators then has every other byte zero."""
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    low, high = sample[0::2], sample[1::2]
    for codec, zeros, letters in (("utf-16-le", high, low), ("utf-16-be", low, high)):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= 0.1 * len(letters):
            return codec
    return None


def read_csv(
    path: Path,
    *,
    sheet: str | None = None,
    notices: list[str] | None = None,
    lang: str = "en",
    needs: tuple[str, ...] = (),
) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a sheet as Excel or Kumu writes it: CSV in UTF-8 (with or without
    BOM), UTF-16 with BOM (Excel's "Unicode text"), or plainly cp1252 (said in `notices`),
    with comma, semicolon or tab; or an .xlsx workbook (the sheet named `sheet`, else the
    first whose header has the columns `needs`, else the first). Header names are stripped;
    values kept as they are. A text row with more filled cells than the header is refused."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError("sheet_missing", path=str(path)) from None
    except IsADirectoryError:
        raise UserError("sheet_is_folder", path=str(path)) from None
    except OSError as exc:
        raise UserError("csv_unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    if len(raw) > MAX_CSV_BYTES:
        raise UserError("sheet_too_large", path=str(path), limit=MAX_CSV_BYTES // 2**20)
    if raw.startswith(_OLD_EXCEL):
        raise UserError("sheet_old_excel", path=str(path))
    text = not raw.startswith(b"PK\x03\x04")
    if not text:
        rows = _xlsx_rows(path, sheet, needs)
    else:
        rows = _csv_rows(path, _decode(path, raw, notices, lang))
    if not rows:
        raise UserError("sheet_empty", path=str(path))
    header = [h.strip() for h in rows[0]]
    records: list[dict[str, str]] = []
    for number, values in enumerate(rows[1:], 2):
        if not any(v.strip() for v in values):
            continue
        if text and any(v.strip() for v in values[len(header) :]):
            # A comma in a name without quotes ("Café, De Hoek") shifts every cell after it:
            # refused, not read into the wrong columns.
            raise UserError(
                "sheet_row_too_long",
                path=str(path),
                row=number,
                cells=len(values),
                header=len(header),
            )
        records.append(
            SheetRow(
                {h: (values[i] if i < len(values) else "") for i, h in enumerate(header)}, number
            )
        )
    return header, records


class SheetRow(dict):
    """One row's cells by header, and its row number as the spreadsheet shows it (blank rows
    are left out of the records but still counted, so messages name the right row)."""

    def __init__(self, cells: dict[str, str], number: int):
        super().__init__(cells)
        self.number = number


def row_number(row: dict, fallback: int) -> int:
    return getattr(row, "number", fallback)


def _decode(path: Path, raw: bytes, notices: list[str] | None, lang: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UserError("sheet_broken_utf16", path=str(path), byte=exc.start) from None
    bare = _bare_utf16(raw)
    if bare:
        try:
            return raw.decode(bare)
        except UnicodeDecodeError as exc:
            raise UserError("sheet_broken_utf16", path=str(path), byte=exc.start) from None
    text, used = decode_input(raw, str(path))
    if used and notices is not None:
        notices.append(t("input_read_as", lang, what=Path(path).name, encoding=used))
    if "\x00" in text:
        raise UserError("sheet_binary", path=str(path))
    return text


def _csv_rows(path: Path, text: str) -> list[list[str]]:
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UserError("csv_unreadable", path=str(path), detail=str(exc)) from None


def _has_columns(ws, needs: tuple[str, ...]) -> bool:
    first = next(ws.iter_rows(max_row=1, values_only=True), ())
    header = {str(v).strip().casefold() for v in first if v is not None}
    return all(n.casefold() in header for n in needs)


def _xlsx_rows(path: Path, sheet: str | None, needs: tuple[str, ...] = ()) -> list[list[str]]:
    """The cells of one worksheet as the texts a CSV of it would hold."""
    import openpyxl  # only a workbook needs it

    _refuse_unpacked_too_large(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign zip: openpyxl raises many kinds
        raise UserError("sheet_not_xlsx", path=str(path), detail=type(exc).__name__) from None
    try:
        wanted = (sheet or "").casefold()
        named = [ws for ws in book.worksheets if ws.title.casefold() == wanted]
        # A workbook whose sheets are not named as asked ("Blad1", "Blad2"): the first sheet
        # whose header has the columns asked for, else the first sheet.
        if not named and needs:
            named = [ws for ws in book.worksheets if _has_columns(ws, needs)]
        chosen = (named or book.worksheets)[0]
        return [[_xlsx_text(v) for v in row] for row in chosen.iter_rows(values_only=True)]
    except Exception as exc:  # a sheet's XML cut off, a member failing its CRC: read lazily
        raise UserError("sheet_not_xlsx", path=str(path), detail=type(exc).__name__) from None
    finally:
        book.close()


def _refuse_unpacked_too_large(path: Path) -> None:
    """A workbook is a zip: 300 kB of it may unpack into 300 MB of one sheet (and take
    minutes to parse). What it unpacks into is held to the CSV's limit, before reading any
    of it (the zip's directory says it, and reading stops at the sizes it says)."""
    try:
        with zipfile.ZipFile(path) as packed:
            unpacked = sum(member.file_size for member in packed.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError("sheet_not_xlsx", path=str(path), detail=type(exc).__name__) from None
    if unpacked > MAX_CSV_BYTES:
        raise UserError(
            "sheet_unpacks_too_large",
            path=str(path),
            size=unpacked // 2**20,
            limit=MAX_CSV_BYTES // 2**20,
        )


def sheet_names(path: Path) -> list[str]:
    """The worksheet titles of an .xlsx workbook, in order."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:  # as in _xlsx_rows
        raise UserError("sheet_not_xlsx", path=str(path), detail=type(exc).__name__) from None
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return (value.date() if value.time() == dt.time() else value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    # A carriage return is stored as the escape `_x000D_` (Excel and XlsxWriter both write it
    # so); openpyxl hands the escape over as it is.
    return str(value).replace("_x000D_", "\r")


def column(header: list[str], *names: str) -> str | None:
    """The header entry matching one of `names`, ignoring case and spaces."""
    wanted = {n.casefold().replace(" ", "") for n in names}
    return next((h for h in header if h.casefold().replace(" ", "") in wanted), None)


def write_csv(path: Path, header: list[str], rows: list[list], delimiter: str = ",") -> Path:
    """UTF-8 with BOM, so Excel in a Dutch locale shows diacritics right."""
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path

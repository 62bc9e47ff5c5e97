"""`workshop check`: look at a file read-only and say, in plain words, what is right and wrong."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from workshop.file import access as files
from workshop.file import salvage, schema
from workshop.i18n import UserError, pick, t
from workshop.model import FIELDS, KIND_LABELS, Grid

# What the disk, not the file, is to blame for: said as it is, never as damage.
DISK_TROUBLE = (
    "disk_full",
    "medium_readonly",
    "file_no_permission",
    "disk_io_error",
    "file_locked",
)
COUNTED = (
    "session",
    "place",
    "initiative",
    "actor",
    "tie",
    "actor_initiative",
    "actor_place",
    "participant",
    "candidate",
    "note",
    "print_record",
)


_OTHER_LABELS = {
    "print_record": ("Kaart", "Map"),  # a printed sheet, named by its record
    "neighbourhood": ("Wijk", "Neighbourhood"),
}


@dataclass(frozen=True)
class RecordFinding:
    """Something wrong in what a record says (a latitude of 30681, a sticker on two records):
    the file is sound, nothing to salvage, put right by editing the record. `problem` and `fix`
    are in the report's language; `table` is the table's name in the file."""

    table: str
    record: str  # the record's name (a session's venue, else its id)
    problem: str
    fix: str

    def line(self, lang: str) -> str:
        labels = KIND_LABELS.get(self.table) or _OTHER_LABELS.get(self.table)
        label = pick(labels, lang).lower() if labels else None
        return t(
            "check_record_line",
            lang,
            table=label or self.table,
            record=self.record,
            problem=self.problem,
            fix=self.fix,
        )


@dataclass
class CheckReport:
    path: Path
    findings: list[str] = field(default_factory=list)  # what is wrong with the file itself
    facts: list[str] = field(default_factory=list)  # what was looked at and is fine
    counts: dict[str, int] = field(default_factory=dict)
    salvageable: salvage.SalvageReport | None = None  # when damaged: what can still be read
    backups: list[Path] = field(default_factory=list)  # when damaged: copies to go back to
    notes: list[str] = field(default_factory=list)  # about the disk it is on: full, read-only
    # the file is sound, these records are not right: a value the capture line would refuse, a
    # point off the map, a sticker on two records or never printed (at most MAX_LISTED_RECORDS)
    records: list[RecordFinding] = field(default_factory=list)
    records_more: int = 0  # found beyond the ones listed

    def problem(self, text: str) -> None:
        self.findings.append(text)

    @property
    def ok(self) -> bool:
        return not self.findings and not self.records

    @property
    def damaged(self) -> bool:
        return bool(self.findings)

    def record_lines(self, lang: str) -> list[str]:
        """The wrong records, one line each, then how many more there are."""
        lines = [finding.line(lang) for finding in self.records]
        if self.records_more:
            lines.append(t("check_records_more", lang, count=self.records_more))
        return lines

    def as_json(self, lang: str) -> dict[str, object]:
        """What `workshop check --json` prints: the same findings as the text, in `lang`."""
        found = self.salvageable
        return {
            "file": str(self.path),
            "ok": self.ok,
            "damaged": self.damaged,
            "facts": self.facts,
            "counts": self.counts,
            "problems": self.findings,
            "notes": self.notes,
            "records": [
                {**asdict(finding), "line": finding.line(lang)} for finding in self.records
            ],
            "records_more": self.records_more,
            "salvageable": None
            if found is None
            else {
                y.table: {"read": y.read, "lost_stretches": y.lost_stretches} for y in found.tables
            },
            "backups": [str(p) for p in self.backups],
        }


def file_language(path: Path, default: str) -> str:
    """The language a neighbourhood file says it is in, read without changing anything; the
    `default` when the file cannot tell (damaged, not ours, missing)."""
    try:
        conn, _ = files.open_readonly(Path(path), leave_no_sidecars=True)
    except (sqlite3.Error, UserError, OSError):
        return default
    try:
        row = conn.execute("SELECT lang FROM neighbourhood LIMIT 1").fetchone()
    except sqlite3.Error:
        return default
    finally:
        conn.close()
    return row[0] if row and row[0] in ("nl", "en") else default


def check_file(path: Path, lang: str = "en") -> CheckReport:
    report = CheckReport(Path(path))
    try:
        header = files.read_header(report.path)
    except UserError as exc:
        report.problem(exc.message(lang))
        report.backups = _backups(report.path)
        return report
    size = report.path.stat().st_size
    report.facts.append(t("check_sqlite_file", lang, size=size, page_size=header.page_size))
    if header.pages and not files.wal_holds_pages(report.path):
        if size < header.expected_size:
            report.problem(
                t(
                    "check_truncated",
                    lang,
                    size=size,
                    expected=header.expected_size,
                    pages=header.pages,
                )
            )
        elif size > header.expected_size:
            report.problem(t("check_appended", lang, extra=size - header.expected_size))
    # After a crash before the first checkpoint, page 1 (with the application id) is still in
    # the -wal and the file's own header is a new, empty database's: SQLite's view decides.
    in_wal = files.wal_holds_pages(report.path)
    if header.application_id != schema.APPLICATION_ID and not in_wal:
        report.problem(t("check_not_ours", lang))
        return report
    try:
        conn, why = files.open_readonly(report.path, leave_no_sidecars=True)
    except sqlite3.Error as exc:
        # the disk's trouble (DISK_TROUBLE) is said as it is, as is the file's: no salvage
        report.problem(files.sqlite_error(report.path, exc).message(lang))
        return report
    except UserError as exc:
        report.problem(exc.message(lang))
        return report
    why = why or files.why_unwritable(report.path)
    if why is not None:
        report.notes.append(
            t("check_disk_full", lang, **why.params)
            if why.key == "disk_full"
            else why.message(lang)
        )
    try:
        if in_wal and _application_id(conn) != schema.APPLICATION_ID:
            report.problem(t("check_not_ours", lang))
            return report
        _check_database(conn, report, lang)
    except sqlite3.Error as exc:
        error = files.sqlite_error(report.path, exc)
        if error.key in DISK_TROUBLE:
            report.problem(error.message(lang))
            return report
        report.problem(t("check_sqlite_unreadable", lang, detail=exc))
    finally:
        conn.close()
    if report.damaged:
        try:
            report.salvageable = salvage.survey(report.path)
        except sqlite3.Error as exc:
            report.problem(t("check_nothing_readable", lang, detail=exc))
        report.backups = _backups(report.path)
    return report


def _application_id(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF


def _backups(path: Path) -> list[Path]:
    """The copies to go back to, oldest first: only those that are whole and pass SQLite's
    integrity check (an empty or cut-off copy is no way back)."""
    folder = files.backups_dir(path)
    if not folder.is_dir():
        return []
    found = sorted(
        (p for p in folder.glob("*.wijk") if p.is_file()), key=lambda p: p.stat().st_mtime
    )
    return [p for p in found if files.is_sound_copy(p, thorough=True)]


def _check_database(conn: sqlite3.Connection, report: CheckReport, lang: str) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.LATEST_VERSION:
        report.problem(t("check_schema_newer", lang, version=version, latest=schema.LATEST_VERSION))
    else:
        report.facts.append(t("check_schema", lang, version=version, latest=schema.LATEST_VERSION))
    try:
        problems = [
            line
            for r in conn.execute("PRAGMA integrity_check(20)")
            for line in r[0].splitlines()
            if not line.startswith("***")
        ]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        for text in problems[:5]:
            report.problem(t("check_integrity", lang, detail=text))
        if len(problems) > 5:
            report.problem(t("check_integrity_more", lang, count=len(problems) - 5))
    else:
        report.facts.append(t("check_integrity_ok", lang))
    try:
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        dangling = []
        report.problem(t("check_references_unchecked", lang, detail=exc))
    for table, rowid, parent, _ in dangling[:20]:
        report.problem(t("check_dangling", lang, table=table, rowid=rowid, parent=parent))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    found: list[RecordFinding] = []
    try:
        found += _wrong_values(conn, tables, lang)
        found += _off_the_map(conn, tables, lang)
        found += _off_the_grid(conn, tables, lang)
    except sqlite3.Error as exc:
        report.problem(t("check_values_unchecked", lang, detail=exc))
    for table in COUNTED:
        if table in tables:
            try:
                report.counts[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            except sqlite3.Error as exc:
                report.problem(t("check_table_unreadable", lang, table=table, detail=exc))
    try:
        found += _wrong_stickers(conn, lang)
        if "print_record" in tables:
            found += _wrong_print_records(conn, lang)
    except sqlite3.Error as exc:
        report.problem(t("check_values_unchecked", lang, detail=exc))
    report.records = found[:MAX_LISTED_RECORDS]
    report.records_more = max(0, len(found) - MAX_LISTED_RECORDS)


# the rules of the capture line that bound a stored value: numbers in range, real dates
_BOUNDED = ("int", "coordinate", "date")
MAX_LISTED_RECORDS = 20


def _wrong_values(conn: sqlite3.Connection, tables: set[str], lang: str) -> list[RecordFinding]:
    """Every stored value the capture line would refuse (the field rules of `model.FIELDS`)."""
    found: list[RecordFinding] = []
    for rule in FIELDS.values():
        if rule.type not in _BOUNDED:
            continue
        for table in sorted(rule.kinds & tables):
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            if rule.name not in columns:
                continue
            label = next(c for c in ("name", "venue", "id") if c in columns)
            rows = conn.execute(
                f'SELECT COALESCE("{label}", id), "{rule.name}" FROM "{table}" '
                f'WHERE "{rule.name}" IS NOT NULL'
            )
            fix = t("check_fix_value", lang, field=rule.name)
            for name, value in rows:
                try:
                    rule.parse(_as_typed(value), lang, table)
                except UserError as exc:
                    problem = exc.message(lang).removesuffix(".")  # the line goes on: '; fix'
                    found.append(RecordFinding(table, str(name), problem, fix))
    return found


def _as_typed(value: object) -> str:
    """A stored value as a person would type it on the capture line (3.0 stored: 3)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _off_the_map(conn: sqlite3.Connection, tables: set[str], lang: str) -> list[RecordFinding]:
    if "neighbourhood" not in tables:
        return []
    box = conn.execute("SELECT min_lat, min_lon, max_lat, max_lon FROM neighbourhood").fetchone()
    if box is None or None in box:
        return []
    min_lat, min_lon, max_lat, max_lon = box
    out = []
    fix = t("check_fix_off_the_map", lang)
    for table in ("place", "initiative", "actor"):
        if table not in tables:
            continue
        columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if not {"lat", "lon", "name"} <= columns:
            continue
        rows = conn.execute(
            f'SELECT name, lat, lon FROM "{table}" WHERE lat IS NOT NULL AND lon IS NOT NULL '
            "AND typeof(lat) IN ('real', 'integer') AND typeof(lon) IN ('real', 'integer') "
            "AND lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180 "
            "AND (lat NOT BETWEEN ? AND ? OR lon NOT BETWEEN ? AND ?)",
            (min_lat, max_lat, min_lon, max_lon),
        )
        for name, lat, lon in rows:
            problem = t("check_off_the_map", lang, lat=lat, lon=lon)
            out.append(RecordFinding(table, str(name), problem, fix))
    return out


_EXTENT = (("min_lat", "lat"), ("min_lon", "lon"), ("max_lat", "lat"), ("max_lon", "lon"))


def _off_the_grid(conn: sqlite3.Connection, tables: set[str], lang: str) -> list[RecordFinding]:
    """The map extent's corners held to the coordinate rule (and south below north, west of
    east), and every record's cell to the file's grid: what an import refuses (`@Z9`)."""
    if "neighbourhood" not in tables:
        return []
    hood = conn.execute(
        "SELECT name, grid_cols, grid_rows, min_lat, min_lon, max_lat, max_lon FROM neighbourhood"
    ).fetchone()
    if hood is None:
        return []
    name, cols, rows, *corners = hood
    out = []
    fix = t("check_fix_extent", lang)
    for (_, rule), value in zip(_EXTENT, corners, strict=True):
        if value is None:
            continue
        try:
            FIELDS[rule].parse(_as_typed(value), lang, "place")
        except UserError as exc:
            out.append(
                RecordFinding("neighbourhood", str(name), exc.message(lang).removesuffix("."), fix)
            )
    numbers = [c for c in corners if isinstance(c, int | float)]
    if len(numbers) == 4 and not (corners[0] < corners[2] and corners[1] < corners[3]):
        problem = t("check_extent_inverted", lang, extent=", ".join(map(str, corners)))
        out.append(RecordFinding("neighbourhood", str(name), problem, fix))
    try:
        grid = Grid(int(cols), int(rows))
    except (TypeError, ValueError):
        return out
    fix = t("check_fix_value", lang, field="cell")
    for table in ("place", "initiative", "actor"):
        if table not in tables:
            continue
        for label, cell in conn.execute(
            f"SELECT COALESCE(name, id), cell FROM \"{table}\" WHERE cell IS NOT NULL AND cell != ''"
        ):
            if grid.parse_cell(str(cell)) is None:
                problem = t("check_off_the_grid", lang, cell=cell, last=grid.last_cell)
                out.append(RecordFinding(table, str(label), problem, fix))
    return out


def _wrong_stickers(conn: sqlite3.Connection, lang: str) -> list[RecordFinding]:
    """A sticker on two records, or one the file never printed, would send a scan's
    coordinates to the wrong record (or none): said once per sticker, on the first record that
    holds it, with how to fix it."""
    tables = ("place", "initiative")
    if any(
        "sticker" not in {r[1] for r in conn.execute(f'PRAGMA table_info("{tb}")')} for tb in tables
    ):
        return []  # a file from before stickers (read-only here, so not migrated)
    rows = conn.execute(
        " UNION ALL ".join(
            f"SELECT '{tb}', name, sticker FROM \"{tb}\" WHERE sticker IS NOT NULL" for tb in tables
        )
        + " ORDER BY 3, 1, 2"
    ).fetchall()
    printed = conn.execute("SELECT max(next_sticker) FROM neighbourhood").fetchone()[0] or 1
    holders: dict[int, list[tuple[str, str]]] = {}
    for table, name, number in rows:
        holders.setdefault(number, []).append((table, str(name)))
    found = []
    for number, held in holders.items():
        (table, name), others = held[0], held[1:]
        if others:
            names = ", ".join(f"{pick(KIND_LABELS[tb], lang).lower()} '{nm}'" for tb, nm in others)
            problem = t("check_sticker_twice", lang, number=number, names=names)
            found.append(RecordFinding(table, name, problem, t("check_fix_sticker_twice", lang)))
        if number >= printed:
            problem = t("check_sticker_unprinted", lang, number=number)
            found.append(RecordFinding(table, name, problem, t("check_fix_unprinted", lang)))
    return found


def _wrong_print_records(conn: sqlite3.Connection, lang: str) -> list[RecordFinding]:
    """A printed sheet's stored geometry that does not say where its page, map and corner
    markers are would make a scan of that sheet fail: said per sheet."""
    found = []
    for id_, code, paper, text in conn.execute(
        "SELECT id, code, paper, geometry FROM print_record ORDER BY rowid"
    ):
        try:
            g = json.loads(text)
            ok = (
                len(g["page"]) == 2
                and len(g["frame"]) == 4
                and len(g["grid"]) == 2
                and sorted(m[0] for m in g["marks"]) == [4 * code + k for k in range(4)]
            )
        except (ValueError, TypeError, KeyError, IndexError):
            ok = False
        if not ok:
            sheet = "P" + id_.replace("-", "")[:8].upper()
            problem = t("check_print_record_bad", lang, sheet=sheet, paper=paper)
            found.append(
                RecordFinding("print_record", sheet, problem, t("check_fix_reprint", lang))
            )
    return found

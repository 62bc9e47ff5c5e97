"""`workshop scan FILE PHOTO...`: photos of the posters back into the file.

    report = scan(store, [Path("tafel1.jpg")], overwrite=False, dry_run=False)
    for line in report_lines(report, store.lang): print(line)

Three steps. *Look* at each photo (`workshop.paper.look`: the sheets, the stickers on them,
the problems); a photo with a problem (no sheet, another neighbourhood's sheet, a sheet the
file has no print record of, an unreadable file) refuses the whole scan in one line, and
nothing is written. *Decide*, per sticker number over all photos (`plan`): the record that
carries it gets the sticker's longitude, latitude and cell; a sticker seen at two different
places, beside the map, never printed, on no record or on two, or on a record whose
coordinates were typed by hand (unless `overwrite`), is said and left alone. *Write* what was
decided in one transaction, logged as one undoable step (`located = 'scan'` says where the
coordinates came from; any later typed coordinates reset it, in the writer).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from workshop.file.store import Store
from workshop.paper import cardstore
from workshop.paper import look as looking
from workshop.paper import photo as photos
from workshop.paper.look import Findings, StickerSeen
from workshop.paper.record import PrintRecord

STICKER_TABLES = ("place", "initiative")
SAME_MM = 5.0  # two sightings of a sticker closer than this on paper are one sticker
STATUSES = ("placed", "kept", "no_record", "unprinted", "twice", "off_map", "shared")


@dataclass(frozen=True)
class Outcome:
    """What the scan does with one sticker number."""

    number: int
    status: str  # one of STATUSES
    seen: StickerSeen
    table: str | None = None  # the record that carries it
    record: dict | None = None
    values: dict | None = None  # what is set on it (placed)
    other: StickerSeen | None = None  # the second place it was seen at (twice)
    names: tuple[str, ...] = ()  # the records that share it (shared)


@dataclass
class ScanReport:
    findings: list[Findings] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    written: bool = False  # records were moved, in one step that undo takes back
    dry_run: bool = False
    last_printed: int = 0  # the highest sticker number the file printed
    attached: list[cardstore.Attached] = field(default_factory=list)  # card photos kept

    @property
    def placed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "placed"]


def scan(
    store: Store,
    paths: list[Path],
    *,
    overwrite: bool = False,
    dry_run: bool = False,
    line: str | None = None,
) -> ScanReport:
    """Look at every photo, decide, and (unless `dry_run`) write in one undoable step."""
    for path in paths:  # a missing photo is said before any other is read
        photos.check(path)
    context = looking.Context.of(store)
    report = ScanReport(dry_run=dry_run, last_printed=store.neighbourhood()["next_sticker"] - 1)
    for path in paths:
        image = photos.load(path)
        findings = looking.look(image, str(path), context)
        del image
        if findings.problems:
            raise findings.problems[0]
        report.findings.append(findings)
    report.outcomes = plan(store, report.findings, overwrite=overwrite)
    cards = [c for found in report.findings for c in found.cards if c.number is not None]
    # A sticker scanned again where it already stands changes nothing, and logs no step (an
    # undo after it must not take back the capture made before).
    moving = [o for o in report.placed if _moves(o)]
    if not dry_run and (moving or cards):
        entry = line or "scan " + " ".join(p.name for p in paths)
        with store.write() as w, w.entry(entry):
            for outcome in moving:
                assert outcome.table and outcome.record and outcome.values
                w.update(outcome.table, outcome.record["id"], outcome.values)
            # A card photo is kept outside the undo log (which cannot hold images): undo
            # takes the stickers back, a card photo stays until the next photo of that card.
            report.attached = [cardstore.attach(w, store, shot) for shot in cards]
        report.written = bool(moving)
    return report


def _moves(outcome: Outcome) -> bool:
    """Whether setting the outcome's values changes its record."""
    record, values = outcome.record or {}, outcome.values or {}
    return any(record.get(k) != v for k, v in values.items())


def plan(store: Store, findings: list[Findings], *, overwrite: bool = False) -> list[Outcome]:
    """One outcome per sticker number seen, in number order."""
    sightings: dict[int, list[StickerSeen]] = {}
    for found in findings:
        for seen in found.stickers:
            sightings.setdefault(seen.number, []).append(seen)
    printed = store.neighbourhood()["next_sticker"]
    holders = _holders(store, list(sightings))
    outcomes = []
    for number in sorted(sightings):
        seen, *others = sightings[number]
        apart = next((o for o in others if not _same(seen, o)), None)
        if number >= printed:
            outcomes.append(Outcome(number, "unprinted", seen))
        elif apart is not None:
            outcomes.append(Outcome(number, "twice", seen, other=apart))
        elif not seen.on_map:
            outcomes.append(Outcome(number, "off_map", seen))
        elif not holders.get(number):
            outcomes.append(Outcome(number, "no_record", seen))
        elif len(holders[number]) > 1:
            names = tuple(row["name"] for _, row in holders[number])
            outcomes.append(Outcome(number, "shared", seen, names=names))
        else:
            [(table, row)] = holders[number]
            typed = row["lat"] is not None and row["lon"] is not None and row["located"] != "scan"
            status = "kept" if typed and not overwrite else "placed"
            outcomes.append(Outcome(number, status, seen, table, row, _values(seen)))
    return outcomes


def _values(seen: StickerSeen) -> dict:
    if seen.lonlat is None:  # a grid sheet without an extent: the cell is all it says
        return {"cell": seen.cell}
    lon, lat = seen.lonlat
    return {"lat": lat, "lon": lon, "cell": seen.cell, "located": "scan"}


def _holders(store: Store, numbers: list[int]) -> dict[int, list[tuple[str, dict]]]:
    found: dict[int, list[tuple[str, dict]]] = {}
    if not numbers:
        return found
    marks = ", ".join("?" for _ in numbers)
    for table in STICKER_TABLES:
        for row in store.rows(table, f"sticker IN ({marks})", numbers, order="name, rowid"):
            found.setdefault(row["sticker"], []).append((table, row))
    return found


def _same(a: StickerSeen, b: StickerSeen) -> bool:
    """Two sightings of one sticker (two photos of the same poster, or overlapping tiles)."""
    if a.record is None or b.record is None or a.page is None or b.page is None:
        return a.record is None and b.record is None  # both beside every sheet
    if a.record.id == b.record.id:
        return math.dist(a.page, b.page) <= SAME_MM
    if a.lonlat is None or b.lonlat is None:
        return a.cell == b.cell and a.lonlat is None and b.lonlat is None
    tolerance = SAME_MM * max(_metres_per_mm(a.record), _metres_per_mm(b.record))
    return _metres(a.lonlat, b.lonlat) <= tolerance


def _metres_per_mm(sheet: PrintRecord) -> float:
    assert sheet.box is not None
    min_lat, min_lon, max_lat, max_lon = sheet.box
    return _metres((min_lon, min_lat), (max_lon, min_lat)) / sheet.frame[2]


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Ground distance of two (lon, lat) points a few hundred metres apart."""
    k = math.cos(math.radians((a[1] + b[1]) / 2))
    return 6_371_000 * math.radians(math.hypot((a[0] - b[0]) * k, a[1] - b[1]))

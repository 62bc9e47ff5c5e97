"""`workshop merge` brings the map sheets printed at another table along (by UUID, once), so a
photo of a sheet printed there is scanned here; `check` counts them."""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop.file import merge
from workshop.file.check import check_file
from workshop.file.store import Store
from workshop.paper import record
from workshop.paper.record import PrintRecord

SHEET = PrintRecord("base", "A3", (297.0, 420.0), (25.0, 25.0, 247.0, 370.0), None, (6, 8))


def test_print_records_are_merged_by_uuid_once(tmp_path: Path) -> None:
    here = Store.create(tmp_path / "tafel1.wijk", name="Kersenbuurt")
    with here.write() as w:
        mine = record.add(w, here, SHEET)
    here.close()
    shutil.copy(tmp_path / "tafel1.wijk", tmp_path / "tafel2.wijk")
    with Store.open(tmp_path / "tafel2.wijk") as there, there.write() as w:
        theirs = record.add(w, there, SHEET)
    with Store.open(tmp_path / "tafel1.wijk") as here:
        merge.merge(here, [tmp_path / "tafel2.wijk"])
        merge.merge(here, [tmp_path / "tafel2.wijk"])  # twice: nothing more
        ids = sorted(r["id"] for r in here.rows("print_record"))
        assert ids == sorted([mine.id, theirs.id])
        assert record.by_short(here, theirs.short) == theirs
        here.undo()  # the merge is one step, its sheets with it
        here.undo()
        assert [r["id"] for r in here.rows("print_record")] == [mine.id]
    report = check_file(tmp_path / "tafel1.wijk", "nl")
    assert report.counts["print_record"] == 1


def test_check_says_which_stored_print_cannot_be_scanned(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "w.wijk", name="Kersenbuurt")
    with store.write() as w:
        good = record.add(w, store, SHEET)
        bad = record.add(w, store, SHEET)
        w.update("print_record", bad.id, {"geometry": '{"page": [297, 420]}'})
    store.close()
    report = check_file(tmp_path / "w.wijk", "en")
    assert report.counts["print_record"] == 2
    said = [line for line in report.record_lines("en") if line.startswith("map 'P")]
    assert said == [
        f"map 'P{bad.short}': what was stored of the print (A3) is not valid; a photo of that "
        "map cannot be scanned; print the map again (workshop print map FILE) and photograph"
        " that one"
    ]
    assert not report.ok and not report.damaged
    assert good.short not in " ".join(report.record_lines("en") + report.findings)

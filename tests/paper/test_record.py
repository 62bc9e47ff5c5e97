"""A printed sheet's record is stored with the print and maps any point of the page back to
the ground: the frame's corners are the extent's corners, its cells the grid's."""

from __future__ import annotations

import pytest

from workshop.capture.record import record as record_lines
from workshop.file.store import Store
from workshop.paper import record, sheetmarks
from workshop.paper.record import PrintRecord

BOX = (52.0, 5.0, 52.01, 5.02)  # min_lat, min_lon, max_lat, max_lon


def sheet(**kw) -> PrintRecord:
    values = dict(
        kind="base",
        paper="A3",
        page=(297.0, 420.0),
        frame=(20.0, 30.0, 240.0, 320.0),
        box=BOX,
        grid=(6, 8),
    )
    values.update(kw)
    return PrintRecord(**values)  # type: ignore[arg-type]


def test_a_page_point_is_a_place_on_the_ground() -> None:
    s = sheet()
    assert s.lonlat(20.0, 30.0) == pytest.approx((5.0, 52.01))  # the frame's top-left
    assert s.lonlat(260.0, 350.0) == pytest.approx((5.02, 52.0))  # its bottom-right
    assert s.lonlat(140.0, 190.0) == pytest.approx((5.01, 52.005))
    assert s.cell(20.5, 30.5) == "A1"
    assert s.cell(259.9, 349.9) == "F8"
    assert s.cell(61.0, 71.0) == "B2"
    assert s.cell(10.0, 40.0) is None  # left of the frame
    assert sheet(box=None).lonlat(140.0, 190.0) is None


def test_stored_records_come_back_by_code_and_by_tag(store: Store) -> None:
    with store.write() as w:
        first = record.add(w, store, sheet())
        second = record.add(w, store, sheet(kind="result", tile="R1C2"))
    assert (first.code, second.code) == (0, 1)
    assert [m.id for m in first.marks] == [m.id for m in sheetmarks.marks(0, 297.0, 420.0)]
    again = record.with_code(store, 1)
    assert again == second
    assert again.lonlat(140.0, 190.0) == pytest.approx((5.01, 52.005))
    hood = store.neighbourhood()["id"]
    tag = record.sheet_tag(hood, second)
    assert record.parse_sheet_tag(f"WIJK:RESULT:A1:T3/12:R1C3:B2-D4:{tag}") == (
        record.neighbourhood_short(hood),
        second.short,
    )
    assert record.by_short(store, second.short) == second
    assert record.parse_sheet_tag("WIJK:MAP:A3") is None


def test_codes_come_round_again_and_the_newest_wins(store: Store) -> None:
    with store.write() as w:
        for _ in range(sheetmarks.SHEET_CODES + 1):
            last = record.add(w, store, sheet())
    assert last.code == 0
    assert record.with_code(store, 0) == last


def test_printing_is_not_undone(store: Store) -> None:
    record_lines(store, ["p Buurthuis"])  # the one step undo takes back
    with store.write() as w:
        record.add(w, store, sheet())
    store.undo()
    assert store.rows("place") == []
    assert len(store.rows("print_record")) == 1

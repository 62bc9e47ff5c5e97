"""Base maps and result maps: drawn from the demo's stored street plan, codes clear and
scanning, street names without collisions, a grid sheet without an extract, tiles."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from tests.printing.conftest import (
    assert_codes_clear,
    assert_quiet_zone_white,
    decode,
    decoded_payloads,
    page_count,
    page_size,
    render,
    text_of,
)
from workshop import demo
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing import templates
from workshop.printing.maps import build as maps
from workshop.printing.maps import labels, markers
from workshop.printing.maps.tiles import tiles as tiles_of
from workshop.printing.sheet import PrintResult, Sheet

TEMPLATE = templates.load()
GEO = "geo:52.55450,5.20985"


def people_codes(pdf: Path, pages: list[int] | None = None) -> list[str]:
    """The codes meant for people's phones; every map sheet also carries its own code (for
    `workshop scan`), which names its print record."""
    from workshop.paper.record import parse_sheet_tag

    found = decoded_payloads(pdf, pages=pages)
    assert any(parse_sheet_tag(p) for p in found), found
    return [p for p in found if parse_sheet_tag(p) is None]


@pytest.fixture(scope="module")
def kersenbuurt(tmp_path_factory):
    store = demo.build(tmp_path_factory.mktemp("demo") / "kersenbuurt.wijk")
    yield store
    store.close()


def test_base_map_a3(kersenbuurt: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "map.pdf"
    result = maps.print_map(kersenbuurt, pdf, TEMPLATE, paper="A3")
    assert result.pages == page_count(pdf) == 1
    w, h = page_size(pdf)
    assert abs(w - 420 * mm) < 1 and abs(h - 297 * mm) < 1  # landscape suits the extent
    text = " ".join(text_of(pdf).split())  # the title may wrap
    for expected in (
        "De Kersenbuurt",
        "Legenda",
        "Kersenlaan",
        "Spoorlaan",
        "© OpenStreetMap contributors",
        "blad 1 van 1",
        "1 : ",
    ):
        assert expected in text
    assert people_codes(pdf) == [GEO]
    assert_codes_clear(result)
    assert_quiet_zone_white(pdf, result, 0)


def test_street_labels_never_collide(kersenbuurt: Store, tmp_path: Path) -> None:
    content = maps.content(kersenbuurt, TEMPLATE, result=True)
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))  # measuring only
    prep = maps.prepare(sheet, content, "A3")
    placed = prep.labels
    assert len({label.text for label in placed}) >= 15
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert not labels._overlap(a.corners, b.corners), (a.text, b.text)
        for marker in content.markers:
            if marker.pos is not None:
                r = 2.3 * mm
                x, y = marker.pos
                square = ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))
                assert not labels._overlap(a.corners, square), (a.text, marker.name)
        frame = prep.lay.frame
        for x, y in a.corners:
            assert frame.x <= x <= frame.x + frame.w and frame.y <= y <= frame.y + frame.h


def test_result_map_has_markers_and_key(kersenbuurt: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "result.pdf"
    result = maps.print_result_map(kersenbuurt, pdf, TEMPLATE, paper="A3")
    text = " ".join(text_of(pdf).split())  # the key wraps long names
    assert "De Kersenbuurt: wat de buurt" in text and "Nummers op de kaart" in text
    for name in ("Buurthuis De Bron", "Morelkerk", "Zon op De Bron", "Kersenpark"):
        assert name in text
    assert people_codes(pdf, pages=[0]) == [GEO]
    assert_codes_clear(result)
    content = maps.content(kersenbuurt, TEMPLATE, result=True)
    assert len(content.markers) == kersenbuurt.count("place") + kersenbuurt.count("initiative")


def test_long_key_continues_on_a_page_of_its_own(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "veel.wijk", name="Veelwijk", bbox=demo.BBOX)
    record(
        store, [f'p "Plek nummer {i}" #park @{"ABCDEFGH"[i % 8]}{1 + i % 6}' for i in range(120)]
    )
    pdf = tmp_path / "veel.pdf"
    result = maps.print_result_map(store, pdf, TEMPLATE, paper="A4")
    assert result.pages == page_count(pdf) >= 2
    text = text_of(pdf)
    assert "Plek nummer 0" in text and "Plek nummer 119" in text
    assert "verder op de volgende bladzijde" in text
    assert_codes_clear(result)
    store.close()


def test_grid_sheet_without_an_extract(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "leeg.wijk", name="Lege wijk", lang="en", grid=demo.GRID)
    pdf = tmp_path / "grid.pdf"
    result = maps.print_map(store, pdf, TEMPLATE, paper="A4")
    text = text_of(pdf)
    assert "Grid sheet" in text and "OpenStreetMap contributors" not in text
    assert "H6" in text and "Lege wijk" in text
    assert people_codes(pdf) == []  # nothing worth a code but the sheet's own
    assert len(result.codes) == 1
    assert any("grid sheet" in n for n in result.notices)
    store.close()
    store = Store.create(tmp_path / "url.wijk", name="Wijk", base_url="https://wijk.example")
    result = maps.print_map(store, tmp_path / "url.pdf", TEMPLATE, paper="A4")
    assert people_codes(tmp_path / "url.pdf") == ["https://wijk.example"]
    assert_codes_clear(result)
    store.close()


@pytest.mark.parametrize("result_map", [False, True])
def test_tiles_work_alone(kersenbuurt: Store, tmp_path: Path, result_map: bool) -> None:
    pdf = tmp_path / "tiles.pdf"
    printer = maps.print_result_map if result_map else maps.print_map
    result = printer(kersenbuurt, pdf, TEMPLATE, paper="A1", tiles=True)
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))
    content = maps.content(kersenbuurt, TEMPLATE, result=result_map)
    _, placed = tiles_of(maps.prepare(sheet, content, "A1"))
    overview_pages = result.pages - len(placed)
    frame = maps.prepare(sheet, content, "A1").lay.frame
    scale = maps.prepare(sheet, content, "A1").lay.scale
    for _, _, window in placed:  # every tile holds a good share of the map, not a sliver
        x0, x1 = (
            max(window.x, frame.x * scale),
            min(window.x + window.w, (frame.x + frame.w) * scale),
        )
        y0, y1 = (
            max(window.y, frame.y * scale),
            min(window.y + window.h, (frame.y + frame.h) * scale),
        )
        assert (x1 - x0) * (y1 - y0) > 0.5 * window.w * window.h
    assert result.pages == page_count(pdf) and len(placed) >= 4
    assert people_codes(pdf, pages=[0]) == [GEO]
    kind = "RESULT" if result_map else "MAP"
    for page in range(result.pages):
        image = render(pdf, page, 100)  # one rendering per sheet: its code and its ink
        histogram = image.histogram()
        inked = sum(histogram[:200]) / sum(histogram)
        assert inked > (0.003 if page < overview_pages else 0.05), page  # never near-empty
        assert sorted(round(v) for v in page_size(pdf, page)) == [595, 842]
        number = page - overview_pages + 1
        if number >= 1:  # every tile decodes its own code, at 100 dpi
            (payload,) = decode(image)
            assert payload.startswith(f"WIJK:{kind}:A1:T{number}/{len(placed)}:R"), payload
    # The panel goes whole on the overview, never cut across the tiles.
    panel_blocks = {"title", "legend", "key", "north-arrow", "scale-bar", "attribution"}
    for page, kind_, _ in result.boxes:
        if kind_ in panel_blocks:
            assert page <= overview_pages, (kind_, page)
    first_tile = pypdf_text(pdf, overview_pages)
    assert "deel 1 van" in first_tile and "vakken A1" in first_tile
    from workshop.printing.maps import furniture

    poster = maps.prepare(sheet, content, "A1")
    assert furniture.scale_text(poster) in first_tile  # the tile's own scale, the poster's
    assert "Legenda" not in first_tile and "Nummers op de kaart" not in first_tile  # no panel
    assert_codes_clear(result)
    assert_quiet_zone_white(pdf, result, overview_pages)
    if result_map:  # a tile's small key names the markers on it
        assert "Zorgcentrum Morellenhof" in first_tile


def pypdf_text(pdf: Path, page: int) -> str:
    import pypdf

    return pypdf.PdfReader(str(pdf)).pages[page].extract_text() or ""


@pytest.mark.parametrize("paper, size", [("A4", (297, 210)), ("A0", (1189, 841))])
def test_paper_sizes(kersenbuurt: Store, tmp_path: Path, paper: str, size) -> None:
    pdf = tmp_path / f"{paper}.pdf"
    maps.print_map(kersenbuurt, pdf, TEMPLATE, paper=paper)
    w, h = page_size(pdf)
    assert abs(w - size[0] * mm) < 1 and abs(h - size[1] * mm) < 1


# --- markers stay in their cell (issue 12, item 4) -----------------------------------------


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """The demo with 30 more initiatives captured in E3, with long names."""
    store = demo.build(tmp_path_factory.mktemp("crowd") / "crowd.wijk")
    record(store, [f'i "Gezondheidscentrum Kersenbuurt nummer {i}" #zorg @E3' for i in range(30)])
    yield store
    store.close()


def _inside_own_cell(content, prep) -> None:
    grid = prep.lay.grid
    for m in content.markers:
        assert m.pos is not None, m.name
        if m.cell:
            col, row = ord(m.cell[0]) - ord("A"), int(m.cell[1:]) - 1
        else:
            col, row = prep.lay.cell_of_point(*prep.proj.point(*m.lonlat))
        cell = prep.lay.cell_rect(col, row)
        x, y = m.pos
        assert cell.x < x < cell.x + cell.w and cell.y < y < cell.y + cell.h, (m.name, m.cell)
    shown = [m for m in content.markers if not m.stacked] + markers.stacks(content.markers)
    for i, a in enumerate(shown):  # and no two markers on top of each other
        for b in shown[i + 1 :]:
            assert math.dist(a.pos, b.pos) >= 2 * markers.RADIUS, (a.name, b.name)
    assert grid.cols and grid.rows


@pytest.mark.parametrize("paper", ["A4", "A1"])
def test_every_marker_lies_in_its_own_cell(kersenbuurt, crowded, tmp_path, paper) -> None:
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))  # measuring only
    for store in (kersenbuurt, crowded):
        content = maps.content(store, TEMPLATE, result=True)
        prep = maps.prepare(sheet, content, paper)
        _inside_own_cell(content, prep)
    in_e3 = [m for m in content.markers if m.cell == "E3"]
    stacked = [m for m in in_e3 if m.stacked]
    assert len(in_e3) > 30 and stacked  # the cell is full: what does not fit is counted
    (stack,) = markers.stacks(content.markers)
    assert stack.label == f"+{len(stacked)}" and stack.cell == "E3"
    numbers = [int(m.label) for m in stacked]
    listed = []
    for part in stack.name.split(", "):  # runs as ranges: "20–44"
        first, _, last = part.partition("–")
        listed += range(int(first), int(last or first) + 1)
    assert listed == numbers


def test_crowded_key_names_every_record_whole(crowded, tmp_path) -> None:
    pdf = tmp_path / "crowded.pdf"
    result = maps.print_result_map(crowded, pdf, TEMPLATE, paper="A3")
    text = " ".join(text_of(pdf).split())
    for i in range(30):
        assert f"Gezondheidscentrum Kersenbuurt nummer {i} " in text + " "
    assert "…" not in text  # wrapped, never cut
    assert "Volle vakken" in text and result.pages == page_count(pdf) == 2
    assert_codes_clear(result)


# --- base map and result map line up (issue 12, item 3) ------------------------------------

TALL = (60.160, 24.930, 60.180, 24.950)  # 1.1 km east-west, 2.2 km north-south


def _scale_of(pdf: Path) -> str:
    import re

    found = re.search(r"1 : [\d.]+", text_of(pdf))
    assert found, "no scale"
    return found.group(0)


@pytest.mark.parametrize("paper", ["A4", "A1"])
def test_base_map_and_result_map_line_up(kersenbuurt, tmp_path, paper) -> None:
    tall = Store.create(tmp_path / "tall.wijk", name="Hoog", bbox=TALL)
    record(tall, ["p Kerk #kerk @B2", "i Moestuin #groen @A1"])
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))  # measuring only
    for store, portrait in ((kersenbuurt, False), (tall, True)):
        base = maps.prepare(sheet, maps.content(store, TEMPLATE, result=False), paper).lay
        res = maps.prepare(sheet, maps.content(store, TEMPLATE, result=True), paper).lay
        assert base == res
        assert base.landscape is not portrait
        for result, kind in ((False, "map"), (True, "result")):
            pdf = tmp_path / f"{kind}.pdf"
            printer = maps.print_result_map if result else maps.print_map
            printer(store, pdf, TEMPLATE, paper=paper)
            assert page_size(pdf) == pytest.approx(base.paper_size, abs=0.5)
        assert _scale_of(tmp_path / "map.pdf") == _scale_of(tmp_path / "result.pdf")
    tall.close()


# --- maps that match the ground (issue 12, item 2) -----------------------------------------


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    """A neighbourhood whose extract has a coastline, a metro tunnel, a bridge and landmarks."""
    from tests.printing.osmdata import BOX, write_osm
    from workshop.exchange import osm_import
    from workshop.osm import extract as osm

    folder = tmp_path_factory.mktemp("haven")
    store = Store.create(folder / "haven.wijk", name="Kersenhaven", bbox=BOX)
    extract, data = osm.read_extract(write_osm(folder / "haven.osm", coast=True))
    osm_import.store_extract(store, extract, data, source="haven.osm")
    yield store
    store.close()


def _colour_at(pdf: Path, lay, proj, lon: float, lat: float, dpi: int = 100) -> tuple:
    """The commonest colour of a small patch round a point of the map, as printed."""
    import collections

    import pypdfium2

    image = pypdfium2.PdfDocument(pdf)[0].render(scale=dpi / 72).to_pil().convert("RGB")
    x, y = proj.point(lon, lat)
    px, py = x * lay.scale * dpi / 72, (lay.paper_size[1] - y * lay.scale) * dpi / 72
    patch = [
        image.getpixel((int(px) + dx, int(py) + dy)) for dx in range(-2, 3) for dy in range(-2, 3)
    ]
    return collections.Counter(patch).most_common(1)[0][0]


def _hex(colour: str) -> tuple:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_sea_is_drawn_from_the_coastline(harbour, tmp_path) -> None:
    from tests.printing.osmdata import BOX

    pdf = tmp_path / "haven.pdf"
    maps.print_map(harbour, pdf, TEMPLATE, paper="A4")
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))
    prep = maps.prepare(sheet, maps.content(harbour, TEMPLATE, result=False), "A4")

    def at(fy: float, fx: float) -> tuple:
        lat, lon = BOX[0] + fy * (BOX[2] - BOX[0]), BOX[1] + fx * (BOX[3] - BOX[1])
        return _colour_at(pdf, prep.lay, prep.proj, lon, lat)

    water, land = _hex(TEMPLATE.map_colour("water")), _hex(TEMPLATE.map_colour("land"))
    assert at(0.91, 0.45) == water and at(0.9, 0.06) == water  # north of the coast: sea
    assert at(0.74, 0.45) == land and at(0.45, 0.62) == land  # south of it: land


def test_tunnels_are_dashed_and_bridges_go_over(harbour) -> None:
    from workshop.printing.maps import draw as mapdraw

    data = maps.content(harbour, TEMPLATE, result=False).data
    metro = next(f for f in data.features if f.name == "Metro")
    bridge = next(f for f in data.features if f.name == "Vaartbrug")
    rails: list[str] = []
    mapdraw._rails(rails, TEMPLATE, [(metro, [[(0.0, 0.0), (5.0, 80.0)]])])
    drawn = [op for op in rails if "5.00 80.00 l" in op]
    assert drawn and all("[2.2 1.6] 0 d" in op for op in drawn)  # dashed, no railway ties
    ops: list[str] = []

    class Canvas:
        def addLiteral(self, text: str) -> None:
            ops.append(text)

    class FakeSheet:
        template = TEMPLATE
        c = Canvas()

    frame = maps.prepare(
        Sheet(None, TEMPLATE, "nl", PrintResult(Path("x.pdf"))),
        maps.content(harbour, TEMPLATE, result=False),
        "A4",
    )
    mapdraw.draw_features(FakeSheet(), frame.lay, frame.projected)  # type: ignore[arg-type]
    stream = ops[0]
    bridge_at = next(p for f, p in frame.projected if f is bridge)[0][0]
    rail_colour = mapdraw.rgb(TEMPLATE.map_colour("rail"))
    assert stream.rfind(f"{bridge_at[0]:.2f} {bridge_at[1]:.2f} m") > stream.rfind(rail_colour)


def test_landmarks_are_named_without_collisions(harbour, tmp_path) -> None:
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))
    prep = maps.prepare(sheet, maps.content(harbour, TEMPLATE, result=False), "A4")
    names = {label.text for label in prep.labels}
    for landmark in ("Station Kersenhaven", "Kersenvijver", "Kersenpark", "Basisschool 't Pitje"):
        assert landmark in names
    assert "Buurthuis <De Bron> & Co" in names and "Kersenlaan" in names
    for i, a in enumerate(prep.labels):
        for b in prep.labels[i + 1 :]:
            assert not labels._overlap(a.corners, b.corners), (a.text, b.text)
    pdf = tmp_path / "haven.pdf"
    maps.print_map(harbour, pdf, TEMPLATE, paper="A4")
    assert "Station Kersenhaven" in text_of(pdf)


def test_larger_paper_shows_the_same_names_at_the_same_size(harbour, kersenbuurt, tmp_path) -> None:
    sheet = Sheet(None, TEMPLATE, "nl", PrintResult(tmp_path / "x.pdf"))
    for store in (harbour, kersenbuurt):
        content = maps.content(store, TEMPLATE, result=False)
        a4, a1 = (maps.prepare(sheet, content, paper) for paper in ("A4", "A1"))
        on_paper = {
            paper: {(label.text, round(label.size * prep.lay.scale, 2)) for label in prep.labels}
            for paper, prep in (("A4", a4), ("A1", a1))
        }
        sizes = {size for labels_ in on_paper.values() for _, size in labels_}
        assert sizes <= {6.2, 6.4, 6.6, 7.0}  # points on the paper, whatever its size
        assert {t for t, _ in on_paper["A4"]} <= {t for t, _ in on_paper["A1"]}  # and more room

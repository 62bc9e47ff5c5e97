"""The paper round trip as a facilitator does it, on the demo: print the A3 map and a sheet of
stickers, stick stickers on the map at the tables, photograph it (a synthetic phone photo of
the real printed PDF), `workshop scan` — every sticker lands on its record within 3 mm, the
result map then draws each marker at that exact point (read back through the result sheet's
own print record), and the GeoJSON export carries the point as `location: "scan"`."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from tests.paper.photos import Pasted, Shot, draw_stickers, render
from tests.paper.sheets import PX_PER_MM, photo_file
from workshop.cli import cli
from workshop.file.store import Store
from workshop.paper.record import PrintRecord, page_rect

pytest.importorskip("cv2")

# initiatives of the demo without coordinates, and the sticker each gets at the table
STUCK = {
    "Energiecafé in de bieb": 4,
    "Warmte-avonden Morellenstraat": 9,
    "Deelauto Kersenbuurt": 17,
    "Fietsmaatjes Morellenhof": 23,
    "Taalcafé Kersenbuurt": 31,
}
TYPED = ("Buurthuis De Bron", 40)  # a place whose coordinates were typed


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def stick(map_pdf: Path, out: Path, stickers: list[Pasted]) -> None:
    """The printed map with stickers stuck on it, as one PDF: the real map underneath, the
    stickers over it."""
    page = PdfReader(map_pdf).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    overlay = out.with_suffix(".stickers.pdf")
    c = Canvas(str(overlay), pagesize=(width, height))
    draw_stickers(c, stickers, height)
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=map_pdf)
    writer.pages[0].merge_page(PdfReader(overlay).pages[0])
    with out.open("wb") as f:
        writer.write(f)


def newest_sheet(path: Path, kind: str) -> PrintRecord:
    with Store.open(path) as store:
        rows = store.rows("print_record", "kind = ?", [kind], order="created DESC, rowid DESC")
        return PrintRecord.from_row(rows[0])


def mm_apart(sheet: PrintRecord, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Two (lon, lat) points' distance on the sheet, in millimetres."""
    min_lat, min_lon, max_lat, max_lon = sheet.box  # type: ignore[misc]
    dx = (a[0] - b[0]) / (max_lon - min_lon) * sheet.frame[2]
    dy = (a[1] - b[1]) / (max_lat - min_lat) * sheet.frame[3]
    return math.hypot(dx, dy)


def test_the_demo_map_comes_back_from_a_photo(tmp_path: Path) -> None:
    wijk = tmp_path / "demo.wijk"
    run("demo", "--no-tui", str(wijk))
    run("print", "stickers", str(wijk), "--count", "65", "-o", str(tmp_path / "stickers.pdf"))
    for name, number in STUCK.items():
        run("capture", str(wijk), f'i "{name}" sticker:{number}')
    run("capture", str(wijk), f'p "{TYPED[0]}" sticker:{TYPED[1]}')
    run("print", "map", str(wijk), "--paper", "A3", "-o", str(tmp_path / "map.pdf"))
    sheet = newest_sheet(wijk, "base")
    fx, fy, fw, fh = sheet.frame
    # Spread over the map, away from its edge, each turned as a hand puts it.
    spots = [(0.15, 0.2), (0.4, 0.7), (0.62, 0.33), (0.85, 0.8), (0.3, 0.45), (0.75, 0.55)]
    numbers = [*STUCK.values(), TYPED[1]]
    stickers = [
        Pasted(n, fx + u * fw, fy + v * fh, 37.0 * i)
        for i, (n, (u, v)) in enumerate(zip(numbers, spots, strict=True))
    ]
    stick(tmp_path / "map.pdf", tmp_path / "stuck.pdf", stickers)
    photo = photo_file(
        render(tmp_path / "stuck.pdf", PX_PER_MM),
        tmp_path / "tafel1.jpg",
        Shot(turn=6, tilt=14, fill=0.7, blur=1.2),
        seed=3,
    )

    report = json.loads(run("scan", str(wijk), str(photo), "--json"))
    by_number = {s["sticker"]: s for s in report["stickers"]}
    assert by_number[TYPED[1]]["status"] == "kept"  # typed coordinates are not overwritten
    with Store.open(wijk) as store:
        typed_before = store.find("place", TYPED[0])[0]
        for s in stickers[:-1]:
            assert by_number[s.number]["status"] == "placed"
            row = store.rows("initiative", "sticker = ?", [s.number])[0]
            assert row["located"] == "scan"
            truth = sheet.lonlat(s.x, s.y)
            assert truth is not None
            assert mm_apart(sheet, (row["lon"], row["lat"]), truth) <= 3.0, row["name"]
            assert row["cell"] == sheet.cell(s.x, s.y)

    # --overwrite moves the typed place too.
    run("scan", str(wijk), str(photo), "--overwrite")
    with Store.open(wijk) as store:
        moved = store.find("place", TYPED[0])[0]
        assert moved["located"] == "scan"
        assert (moved["lat"], moved["lon"]) != (typed_before["lat"], typed_before["lon"])
        truth = sheet.lonlat(stickers[-1].x, stickers[-1].y)
        assert truth is not None
        assert mm_apart(sheet, (moved["lon"], moved["lat"]), truth) <= 3.0

    # The result map draws each scanned record at its point: read back through its own record.
    from workshop.printing import templates
    from workshop.printing.maps.content import content as map_content
    from workshop.printing.maps.page import prepare
    from workshop.printing.sheet import PrintResult, Sheet

    run("print", "result-map", str(wijk), "--paper", "A3", "-o", str(tmp_path / "result.pdf"))
    result_sheet = newest_sheet(wijk, "result")
    template = templates.load()
    with Store.open(wijk) as store:
        c = map_content(store, template, result=True)
        prep = prepare(Sheet(None, template, "nl", PrintResult(tmp_path / "x.pdf")), c, "A3")
        scanned = {
            r["name"]: (r["lon"], r["lat"])
            for r in store.rows("initiative", "located = 'scan'")
            + store.rows("place", "located = 'scan'")
        }
    markers = {m.name: m for m in c.markers}
    assert set(scanned) <= set(markers)
    for name, point in scanned.items():
        x, y = markers[name].pos
        at = page_rect(x, y, 0, 0, prep.lay.page[1], prep.lay.scale)[:2]
        drawn = result_sheet.lonlat(*at)
        assert drawn is not None
        assert mm_apart(result_sheet, drawn, point) <= 1.0, name

    # The GeoJSON export carries the scanned points, said as such.
    out = tmp_path / "demo.geojson"
    run("export", str(wijk), "--format", "geojson", "-o", str(out))
    features = {f["properties"]["name"]: f for f in json.loads(out.read_text())["features"]}
    for name, (lon, lat) in scanned.items():
        feature = features[name]
        assert feature["properties"]["location"] == "scan"
        assert feature["geometry"]["coordinates"] == pytest.approx([lon, lat], abs=1e-7)


def test_a_photo_of_written_cards_keeps_their_handwriting_through_scan(tmp_path: Path) -> None:
    """`workshop scan` with a photo of cards on the table: each card's handwriting is kept with
    its initiative (a blank card's under its number), said per card; the file's stickers and
    undo are untouched by it."""
    import cv2

    from tests.paper.cardphotos import handwritten, printed
    from tests.paper.photos import photograph

    paper = printed(tmp_path)
    wijk = paper.store.path
    paper.store.close()
    for pdf, name in ((paper.filled, "kaarten.jpg"), (paper.blank, "blanco.jpg")):
        photo, _ = photograph(handwritten(pdf), 6.0, Shot(turn=-84, tilt=10, blur=1.0), seed=5)
        assert cv2.imwrite(str(tmp_path / name), photo, [cv2.IMWRITE_JPEG_QUALITY, 80])
    out = run("scan", str(wijk), str(tmp_path / "kaarten.jpg"), str(tmp_path / "blanco.jpg"))
    for number in paper.filled_numbers:
        assert f"kaart {number} → handschrift bewaard bij" in out
    for number in paper.blank_numbers:
        assert f"kaart {number} → handschrift bewaard; er is nog geen initiatief" in out
    with Store.open(wijk) as store:
        kept = {r["card_number"]: r for r in store.rows("card_photo")}
        assert sorted(kept) == sorted(paper.filled_numbers + paper.blank_numbers)
        assert all(len(r["image"]) <= 200 * 1024 for r in kept.values())
        by_number = {r["card_number"]: r["id"] for r in store.rows("initiative")}
        for number in paper.filled_numbers:
            assert kept[number]["initiative_id"] == by_number[number]

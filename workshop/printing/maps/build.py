"""The base map and the result map: one poster (A4 to A0), or tiled over A4 sheets.

A map page is the map frame (OSM features, the labelled grid, street names, markers) and a
panel beside it (title, legend or key, north arrow, scale bar, QR code, attribution, page
number). Without an OSM extract the frame is a clean grid sheet. What a layout needs (the
projected features, label positions, marker positions) is computed once (`page.prepare`) and
drawn on every page or tile that shows it; what the map shows is read from the file once
(`content.content`).
"""

from __future__ import annotations

from pathlib import Path

from workshop.file.store import Store
from workshop.file.writer import Writer
from workshop.i18n import t
from workshop.printing import qr
from workshop.printing.maps import markers, panel
from workshop.printing.maps import tiles as tiling
from workshop.printing.maps.content import MapContent, Prepared, content
from workshop.printing.maps.frame import Projection
from workshop.printing.maps.page import draw_page, prepare
from workshop.printing.maps.sheets import (
    Records,
    draw_marks,
    page_record,
    sheet_code,
    sheet_payload,
)
from workshop.printing.sheet import PrintResult, Sheet, document_info, render
from workshop.printing.templates import Template


def _print(
    store: Store, path: Path, template: Template, *, paper: str, tiles: bool, result: bool
) -> PrintResult:
    """Draw the map and store every sheet's print record in one write transaction, which
    commits only once the PDF is in place (a failed print leaves neither). A read-only file
    gets the PDF without records, and is told that it cannot be scanned back."""
    if store.readonly:
        return _draw(store, path, template, None, paper=paper, tiles=tiles, result=result)
    written: Path | None = None
    try:
        with store.write(logged=False) as w:  # a print is not undone
            out = _draw(store, path, template, w, paper=paper, tiles=tiles, result=result)
            written = Path(path)
    except BaseException:
        if written is not None:  # the records did not commit: the PDF must not stay
            written.unlink(missing_ok=True)
        raise
    return out


def _draw(
    store: Store,
    path: Path,
    template: Template,
    writer: Writer | None,
    *,
    paper: str,
    tiles: bool,
    result: bool,
) -> PrintResult:
    c = content(store, template, result=result)
    out = PrintResult(Path(path))
    if c.data is None:
        out.notices.append(t("print_grid_only", store.lang, file=store.path.name))
    if writer is None:
        out.notices.append(t("print_not_scannable", store.lang, file=store.path.name))
    if result:
        out.notices += _elsewhere(c, paper, store.lang)
    records = Records(store, writer, "result" if result else "base")
    code = qr.encode(c.payload, ("Q", "M")) if c.payload else None
    title = template.text(
        "result_title" if result else "map_title",
        store.lang,
        neighbourhood=c.name,
        municipality=c.municipality,
    )

    def draw(sheet: Sheet) -> None:
        if tiles:
            tiling.draw_tiled(sheet, c, paper, code, records)
            return
        prep = prepare(sheet, c, paper)
        pages = panel.page_count(sheet, c, prep, code)
        rec = records.add(page_record(c, prep.lay), prep.lay.scale)
        own = sheet_code(records, rec, sheet_payload(c, paper))
        start = draw_page(sheet, c, prep, code, 0, 1, pages, sheet_code=own)
        draw_marks(sheet, rec, prep.lay.paper_size[1])
        page = 1
        while start < len(prep.key):
            sheet.next_page()
            page += 1
            start = panel.draw_key_page(sheet, c, prep, start, page, pages)

    size = c.layout("A4" if tiles else paper).paper_size
    info = document_info(store.neighbourhood(), "result-map" if result else "map")
    render(path, size, template, store.lang, draw, title=title, result=out, **info)
    out.records = records.stored
    return out


def _elsewhere(c: MapContent, paper: str, lang: str) -> list[str]:
    """A line for each record whose coordinates lie outside the cell it names (its marker
    stands in the named cell)."""
    lay = c.layout(paper)
    proj = Projection(c.box, lay.frame) if c.box is not None else None
    return [
        t("print_marker_elsewhere", lang, name=m.name, cell=m.cell, at=at)
        for m, at in markers.elsewhere(c.markers, lay, proj)
    ]


def print_map(
    store: Store, path: Path, template: Template, *, paper: str = "A3", tiles: bool = False
) -> PrintResult:
    return _print(store, path, template, paper=paper, tiles=tiles, result=False)


def print_result_map(
    store: Store, path: Path, template: Template, *, paper: str = "A3", tiles: bool = False
) -> PrintResult:
    return _print(store, path, template, paper=paper, tiles=tiles, result=True)


__all__ = ["MapContent", "Prepared", "content", "prepare", "print_map", "print_result_map"]

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
from workshop.i18n import t
from workshop.printing import qr
from workshop.printing.maps import panel
from workshop.printing.maps import tiles as tiling
from workshop.printing.maps.content import MapContent, Prepared, content
from workshop.printing.maps.page import draw_page, prepare
from workshop.printing.sheet import PrintResult, Sheet, document_info, render
from workshop.printing.templates import Template


def _print(
    store: Store, path: Path, template: Template, *, paper: str, tiles: bool, result: bool
) -> PrintResult:
    c = content(store, template, result=result)
    out = PrintResult(Path(path))
    if c.data is None:
        out.notices.append(t("print_grid_only", store.lang, file=store.path.name))
    code = qr.encode(c.payload, ("Q", "M")) if c.payload else None
    title = template.text(
        "result_title" if result else "map_title",
        store.lang,
        neighbourhood=c.name,
        municipality=c.municipality,
    )

    def draw(sheet: Sheet) -> None:
        if tiles:
            tiling.draw_tiled(sheet, c, paper, code)
            return
        prep = prepare(sheet, c, paper)
        pages = panel.page_count(sheet, c, prep, code)
        start = draw_page(sheet, c, prep, code, 0, 1, pages)
        page = 1
        while start < len(prep.key):
            sheet.next_page()
            page += 1
            start = panel.draw_key_page(sheet, c, prep, start, page, pages)

    size = c.layout("A4" if tiles else paper).paper_size
    info = document_info(store.neighbourhood(), "result-map" if result else "map")
    return render(path, size, template, store.lang, draw, title=title, result=out, **info)


def print_map(
    store: Store, path: Path, template: Template, *, paper: str = "A3", tiles: bool = False
) -> PrintResult:
    return _print(store, path, template, paper=paper, tiles=tiles, result=False)


def print_result_map(
    store: Store, path: Path, template: Template, *, paper: str = "A3", tiles: bool = False
) -> PrintResult:
    return _print(store, path, template, paper=paper, tiles=tiles, result=True)


__all__ = ["MapContent", "Prepared", "content", "prepare", "print_map", "print_result_map"]

"""What the wall shows, as plain data for the terminal wall and the served page: the
neighbourhood's name, the counts, the latest captures and what lies in each cell of the grid.
No Textual.

Everything here is for the whole room (the `wall` output, audience `print`): the latest
captures pass the one redaction of `workshop.file.redaction`, persons below print consent are
role pseudonyms, and the map carries counts only, never a name.
"""

from __future__ import annotations

from workshop.file import redaction
from workshop.file.store import Store
from workshop.text import visible
from workshop.tui import overview, queries
from workshop.tui.texts import tx

LATEST = 8
COUNTED = (
    ("place", "wall_places"),
    ("initiative", "wall_initiatives"),
    ("actor", "wall_actors"),
    ("tie", "wall_ties"),
)
MAP_KINDS = ("place", "initiative", "actor")


def wall_lines(store: Store, limit: int, lang: str) -> list[str]:
    """The latest captures as the wall shows them (on screen and served)."""
    scrub = redaction.for_output(store, "wall")
    return [scrub.text(line) for line in overview.wall_items(store, limit, lang)]


def wall_state(store: Store) -> dict:
    """The wall's whole content for the served page, built once per state of the file."""
    return store.caches.built("wall_state", lambda: _build(store))


def _build(store: Store) -> dict:
    lang = store.lang
    counts = queries.counts(store)
    grid = store.grid
    cells = {}
    for cell, content in overview.map_cells(store, lang).items():
        if grid.parse_cell(cell):
            cells[cell] = [content.places, content.initiatives, content.actors]
    return {
        "name": visible(store.neighbourhood()["name"]),
        "counts": [[tx(label, lang), counts[table]] for table, label in COUNTED],
        "latest_title": tx("wall_latest", lang),
        "latest": wall_lines(store, LATEST, lang),
        "nothing": tx("wall_nothing", lang),
        "grid": {"cols": grid.cols, "rows": grid.rows},
        "kinds": [tx(f"wall_{kind}s", lang) for kind in MAP_KINDS],
        "cells": cells,
    }

"""What the wall shows, as plain data for the terminal wall and the served page: the
neighbourhood's name, the counts, the latest captures and what lies in each cell of the grid.
No Textual.

Everything here is for the whole room (the `wall` output, audience `print`): the latest
captures pass the one redaction of `workshop.file.redaction`, persons below print consent are
role pseudonyms, and the map carries counts only, never a name.
"""

from __future__ import annotations

from pathlib import Path

from workshop.file import access as files
from workshop.file import redaction, schema
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


class Following:
    """A read-only store that keeps up with its file. A file of an older schema opens read-only
    as a migrated copy in memory, which never sees another program's captures: that copy is
    read again whenever the file changes on disk, until a writer (`workshop run`) has migrated
    the file, after which the file itself is followed."""

    def __init__(self, path: Path, store: Store | None = None) -> None:
        self.path = Path(path)
        self._store = store
        self._snapshot = store is not None and self._older()
        self._seen = self.on_disk()

    def store(self) -> Store:
        if self._store is not None and self._snapshot and self._changed_on_disk():
            self.close()
        if self._store is None:
            self._seen = self.on_disk()
            self._snapshot = self._older()
            self._store = Store.open(self.path, readonly=True)
        return self._store

    @property
    def snapshot(self) -> bool:
        return self._snapshot

    def close(self) -> None:
        if self._store is not None:
            store, self._store = self._store, None
            store.close()

    def _older(self) -> bool:
        return files.inspect(self.path) < schema.LATEST_VERSION

    def on_disk(self) -> tuple:
        """What changes on disk when another program commits: the file's and its WAL's size
        and time."""
        out: list[tuple[int, int] | None] = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                st = path.stat()
                out.append((st.st_size, st.st_mtime_ns))
            except OSError:
                out.append(None)
        return tuple(out)

    def _changed_on_disk(self) -> bool:
        now = self.on_disk()
        changed, self._seen = now != self._seen, now
        return changed

"""The bundled demo neighbourhood: De Kersenbuurt in Zuiderveen, invented by us.

Its content is a script of capture lines (`kersenbuurt.txt`), so the demo is built through the
same grammar and write path a facilitator uses. Its map extent lies in the Markermeer, so nobody
mistakes it for a real place.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from workshop.capture.record import record
from workshop.exchange import osm_import
from workshop.file.store import Store
from workshop.model import Grid
from workshop.osm import extract as osm

NAME = "De Kersenbuurt"
MUNICIPALITY = "Zuiderveen"
BBOX = (52.5500, 5.2000, 52.5590, 5.2197)  # min_lat, min_lon, max_lat, max_lon
GRID = Grid(8, 6)
DEFAULT_FILE = "kersenbuurt.wijk"


def script_lines() -> list[str]:
    text = resources.files(__package__).joinpath("kersenbuurt.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def build(path: Path, lang: str = "nl") -> Store:
    """Create the demo file at `path` (which must not exist yet)."""
    store = Store.create(
        path, name=NAME, municipality=MUNICIPALITY, lang=lang, grid=GRID, bbox=BBOX
    )
    record(store, script_lines())
    store_street_plan(store)
    return store


def store_street_plan(store: Store) -> None:
    """Keep the demo's invented street plan in the file, so `print map` draws a neighbourhood."""
    data = resources.files(__package__).joinpath("kersenbuurt.osm").read_bytes()
    extract = osm.Extract("kersenbuurt.osm", "osm", data)
    osm_import.store_extract(store, extract, osm.parse(extract), source=extract.filename)

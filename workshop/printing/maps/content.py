"""What a map shows, read from the file once (`content`), and what a layout of it needs once
computed (`Prepared`, made by `page.prepare`): the plain data at the bottom of the package,
shared by the page, the panel, the tiles and the summary's map figure. Nothing here draws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workshop.exchange import osm_import
from workshop.file.store import Store
from workshop.model import Grid
from workshop.osm import extract as osm
from workshop.printing.maps import markers
from workshop.printing.maps.frame import PANEL_W, MapLayout, Projection, layout
from workshop.printing.maps.labels import Label
from workshop.printing.templates import Template


@dataclass
class MapContent:
    name: str
    municipality: str
    lang: str
    box: osm.Box | None
    grid: Grid
    data: osm.MapData | None
    payload: str | None
    result: bool = False
    markers: list[markers.Marker] = field(default_factory=list)
    date: str = field(default_factory=lambda: dt.date.today().isoformat())

    def layout(self, paper: str) -> MapLayout:
        """The base map's layout, for the result map too: same orientation, scale and grid on
        the same paper, so the result map lies on the poster residents drew on."""
        return layout(self.box, self.grid, paper, PANEL_W)


@dataclass
class Prepared:
    lay: MapLayout
    proj: Projection | None
    projected: list
    labels: list[Label]
    key: list


def map_payload(store: Store) -> str | None:
    """The map's QR code: the neighbourhood's base URL, else the map's centre as a geo: URI
    (a phone opens its map app there); without either there is nothing worth a code."""
    base = (store.neighbourhood()["base_url"] or "").strip()
    if base:
        return base
    box = osm.extent(store)
    if box is None:
        return None
    return f"geo:{(box[0] + box[2]) / 2:.5f},{(box[1] + box[3]) / 2:.5f}"


def content(store: Store, template: Template, *, result: bool) -> MapContent:
    n = store.neighbourhood()
    box = osm.extent(store)
    data = osm_import.map_data(store) if box is not None else None
    return MapContent(
        n["name"],
        n["municipality"] or "",
        store.lang,
        box,
        store.grid,
        data,
        map_payload(store),
        result,
        markers.markers(store, template) if result else [],
    )

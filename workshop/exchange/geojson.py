"""Places and initiatives as GeoJSON (RFC 7946): a FeatureCollection of points in WGS84,
[longitude, latitude], that QGIS, Datasette and PostGIS read as they are.

A record's point comes from its own coordinates; an initiative without them takes its place's;
otherwise the centre of its grid cell on the neighbourhood's map extent (row 1 the northernmost,
column A the westernmost). The `location` property says which, so a GIS user can tell a
measured point from a cell centre. A record with no position at all is still in the file, with
`"geometry": null` (RFC 7946 §3.2), so nothing drops out of the attribute table.

Every feature carries the same properties (`PROPERTIES`, null where unknown or not for this
kind of record), among them `neighbourhood` and `neighbourhood_id`: GDAL reads every file with
one schema, so several neighbourhoods append into one table and stay apart. `record` is
"place" or "initiative", for a layer of each:

    ogr2ogr -f GPKG wijken.gpkg a.geojson -nln kaart
    ogr2ogr -append wijken.gpkg b.geojson -nln kaart
    ogr2ogr -f GPKG plekken.gpkg wijken.gpkg kaart -where "record='place'" -nln plekken
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from workshop import model, privacy
from workshop.file import redaction
from workshop.file.store import Store
from workshop.outputs import atomic_output

COORDINATE_DIGITS = 7  # about a centimetre; RFC 7946 §11.2 advises no more than needed
# Every feature's properties, in this order. Places and initiatives share one list, so that one
# table holds both (and several files); what a kind of record does not have is null.
PROPERTIES = (
    "record",
    "id",
    "neighbourhood",
    "neighbourhood_id",
    "name",
    "kind",
    "kind_label",
    "card_number",
    "theme",
    "theme_label",
    "status",
    "status_label",
    "tags",
    "cell",
    "location",
    "sticker",
    "place_id",
    "place",
    "description",
    "sentiment",
    "needs",
    "offers",
    "actors",
    "address",
    "tel",
    "mail",
    "website",
    "source",
    "osm_id",
)


def cell_centre(neighbourhood: dict, cell: str | None) -> tuple[float, float] | None:
    """(lon, lat) of the centre of a grid cell, or None without a cell or a map extent."""
    extent = [neighbourhood.get(k) for k in ("min_lat", "min_lon", "max_lat", "max_lon")]
    if not cell or any(v is None for v in extent):
        return None
    grid = model.Grid(neighbourhood["grid_cols"], neighbourhood["grid_rows"])
    if grid.parse_cell(cell) is None:
        return None
    min_lat, min_lon, max_lat, max_lon = (float(v) for v in extent)  # type: ignore[arg-type]
    col = ord(cell[0].upper()) - ord("A")
    row = int(cell[1:])
    lon = min_lon + (col + 0.5) * (max_lon - min_lon) / grid.cols
    lat = max_lat - (row - 0.5) * (max_lat - min_lat) / grid.rows
    return lon, lat


def _point(lon: float, lat: float) -> dict:
    return {
        "type": "Point",
        "coordinates": [round(lon, COORDINATE_DIGITS), round(lat, COORDINATE_DIGITS)],
    }


def located(record: dict) -> str:
    """How a record's own coordinates were found: "scan" where a photo of the poster placed
    its sticker (`workshop scan`), else "coordinates" (typed, imported, from OpenStreetMap)."""
    return "scan" if record.get("located") == "scan" else "coordinates"


def _on_earth(record: dict | None) -> tuple[float, float] | None:
    """(lon, lat) of a record's own coordinates when they are numbers on earth: a file edited
    outside the program (lat 30681, lon "abc") gives no point rather than a broken file
    (`workshop check` names such values)."""
    if not record:
        return None
    lat, lon = record.get("lat"), record.get("lon")
    if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lon), float(lat)


def position(
    record: dict, place: dict | None, neighbourhood: dict
) -> tuple[float, float, str] | None:
    """(lon, lat, how they were found) for a record, or None: its own coordinates, its
    place's, the centre of its (or its place's) grid cell; coordinates off the earth count as
    none (also for `publish`, which places records as this export does)."""
    own = _on_earth(record)
    if own:
        return *own, located(record)
    theirs = _on_earth(place)
    if theirs:
        return *theirs, "place_coordinates"
    for source, cell in (
        ("cell_centre", record.get("cell")),
        ("place_cell_centre", (place or {}).get("cell")),
    ):
        centre = cell_centre(neighbourhood, cell)
        if centre:
            return *centre, source
    return None


def _locate(
    record: dict, place: dict | None, neighbourhood: dict
) -> tuple[dict | None, str | None]:
    found = position(record, place, neighbourhood)
    return (_point(found[0], found[1]), found[2]) if found else (None, None)


def _properties(props: dict, hood: dict, anonymise: bool) -> dict:
    """The fixed property list, null where `props` has no value (an empty text too)."""
    props = {**props, "neighbourhood": hood["name"], "neighbourhood_id": hood["id"]}
    if anonymise:
        for key in privacy.CONTACT_FIELDS:
            props.pop(key, None)
    return {k: None if props.get(k) in ("", []) else props.get(k) for k in PROPERTIES}


def features(store: Store, *, anonymise: bool = False) -> list[dict]:
    lang = store.lang
    hood = store.neighbourhood()
    scrub = redaction.for_output(store, "export", anonymise=anonymise)
    places = {
        p["id"]: scrub.record("place", p) for p in store.rows("place", order="created, rowid")
    }
    actors = {a["id"]: scrub.record("actor", a) for a in store.rows("actor")}
    behind: dict[str, list[dict]] = {}
    for link in store.rows("actor_initiative", order="created, rowid"):
        actor = actors.get(link["actor_id"])
        if actor:
            behind.setdefault(link["initiative_id"], []).append(
                {"name": actor["name"], "kind": link["kind"]}
            )
    out = []
    for place in places.values():
        geometry, location = _locate(place, None, hood)
        out.append(
            {
                "type": "Feature",
                "id": place["id"],
                "geometry": geometry,
                "properties": _properties(
                    {
                        "record": "place",
                        "id": place["id"],
                        "name": place["name"],
                        "kind": place["kind"],
                        "kind_label": model.PLACE_KINDS.label(place["kind"], lang) or None,
                        "tags": "|".join(place["tags"]) or None,
                        "cell": place["cell"],
                        "location": location,
                        "description": place["description"],
                        "sentiment": place["sentiment"],
                        "address": place["address"],
                        "tel": place["tel"],
                        "mail": place["mail"],
                        "website": place["website"],
                        "source": place["source"],
                        "osm_id": place["osm_id"],
                        "sticker": place.get("sticker"),
                    },
                    hood,
                    anonymise,
                ),
            }
        )
    for row in store.rows("initiative", order="created, rowid"):
        ini = scrub.record("initiative", row)
        where = places.get(ini["place_id"]) if ini["place_id"] else None
        geometry, location = _locate(ini, where, hood)
        people = behind.get(ini["id"], [])
        out.append(
            {
                "type": "Feature",
                "id": ini["id"],
                "geometry": geometry,
                "properties": _properties(
                    {
                        "record": "initiative",
                        "id": ini["id"],
                        "name": ini["name"],
                        "card_number": ini["card_number"],
                        "theme": ini["theme"],
                        "theme_label": model.THEMES.label(ini["theme"], lang) or None,
                        "status": ini["status"],
                        "status_label": model.STATUSES.label(ini["status"], lang) or None,
                        "tags": "|".join(ini["tags"]) or None,
                        "cell": ini["cell"],
                        "location": location,
                        "place_id": where["id"] if where else None,
                        "place": where["name"] if where else None,
                        "description": ini["description"],
                        "needs": ini["needs"],
                        "offers": ini["offers"],
                        "website": ini["website"],
                        "tel": ini["tel"],
                        "mail": ini["mail"],
                        "actors": "|".join(p["name"] for p in people) or None,
                        "sticker": ini.get("sticker"),
                    },
                    hood,
                    anonymise,
                ),
            }
        )
    return out


def export_geojson(store: Store, target: Path | None, *, anonymise: bool = False) -> str:
    hood = store.neighbourhood()
    collection: dict[str, Any] = {
        "type": "FeatureCollection",
        "name": hood["name"],
        "features": features(store, anonymise=anonymise),
    }
    points = [f["geometry"]["coordinates"] for f in collection["features"] if f["geometry"]]
    if points:
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        collection["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    if target is not None:
        with atomic_output(target, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return text

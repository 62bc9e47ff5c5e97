"""OpenStreetMap extracts: reading them (with osmium), keeping them in the file, and what the
printed map and the place list need from them.

An extract is what openstreetmap.org's Export button gives (`.osm` XML), or a `.osm.pbf`
(optionally `.osm.gz`/`.osm.bz2`). Its original bytes are stored compressed inside the
neighbourhood file, so one file on a USB stick is enough to print the map later. Nothing here
opens a network connection: osmium reads from memory.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import osmium

from workshop import i18n, model
from workshop.i18n import UserError
from workshop.store import Store
from workshop.text import normalise

MAX_EXTRACT_BYTES = 256 * 1024 * 1024
# An extract must cover at least this share of the neighbourhood's map extent.
MIN_COVERAGE = 0.5

i18n.register({
    "osm_missing": {"nl": "{path}: OSM-bestand bestaat niet.", "en": "{path}: no such OSM file."},
    "osm_unreadable": {"nl": "{path} kan niet gelezen worden: {detail}.",
                       "en": "{path} cannot be read: {detail}."},
    "osm_empty": {
        "nl": "{path} bevat geen kaartgegevens (geen wegen, gebouwen of punten); exporteer opnieuw op openstreetmap.org.",
        "en": "{path} holds no map data (no roads, buildings or points); export it again from openstreetmap.org.",
    },
    "osm_malformed": {
        "nl": "{path} is geen leesbaar OSM-bestand (.osm XML of .osm.pbf): {detail}.",
        "en": "{path} is not a readable OSM file (.osm XML or .osm.pbf): {detail}.",
    },
    "osm_too_large": {
        "nl": "{path} is groter dan 256 MB; exporteer alleen de wijk.",
        "en": "{path} is larger than 256 MB; export just the neighbourhood.",
    },
    "osm_elsewhere": {
        "nl": "{path} ligt ergens anders dan de kaart van {name} (uittreksel {found}, kaart {expected}).",
        "en": "{path} covers another place than the map of {name} (extract {found}, map {expected}).",
    },
    "osm_no_extent": {
        "nl": "{name} heeft nog geen kaartgebied; lees een OSM-uittreksel in met: workshop import BESTAND --osm UITTREKSEL.osm",
        "en": "{name} has no map extent yet; read in an OSM extract with: workshop import FILE --osm EXTRACT.osm",
    },
})

Box = tuple[float, float, float, float]  # min_lat, min_lon, max_lat, max_lon


@dataclass(frozen=True)
class Extract:
    filename: str
    fmt: str
    data: bytes


@dataclass(slots=True)
class Feature:
    """One thing to draw: a line (`parts` = one polyline) or an area (`parts` = its rings, drawn
    even-odd so holes stay holes), with coordinates as (lon, lat)."""

    layer: str  # road, rail, waterway, water, green, landuse, building, square, parking
    kind: str
    name: str | None
    parts: list[list[tuple[float, float]]]
    tunnel: bool = False


@dataclass(slots=True)
class Poi:
    osm_id: str
    name: str
    kind: str  # a model.PLACE_KINDS key
    lat: float
    lon: float


@dataclass
class MapData:
    bounds: Box  # the area the extract says it covers (its <bounds>), else its data's extent
    data_box: Box  # the extent of the data itself
    features: list[Feature] = field(default_factory=list)
    pois: list[Poi] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------


def detect_format(data: bytes) -> str | None:
    if data.startswith(b"\x1f\x8b"):
        return "osm.gz"
    if data.startswith(b"BZh"):
        return "osm.bz2"
    if len(data) > 8 and int.from_bytes(data[:4], "big") < 65536 and b"OSMHeader" in data[:64]:
        return "pbf"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "osm"
    return None


def read_extract(path: Path) -> Extract:
    """The bytes of an extract on disk, checked to be an OSM file with map data in it."""
    path = Path(path)
    if not path.exists():
        raise UserError("osm_missing", path=str(path))
    try:
        if path.stat().st_size > MAX_EXTRACT_BYTES:
            raise UserError("osm_too_large", path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("osm_unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    extract = Extract(path.name, "", data)
    if not data.strip():
        raise UserError("osm_empty", path=str(path))
    fmt = detect_format(data)
    if fmt is None:
        raise UserError("osm_malformed", path=str(path), detail="unknown content")
    extract = Extract(path.name, fmt, data)
    parse(extract, source=str(path))  # refuse now what could not be drawn later
    return extract


def parse(extract: Extract, source: str | None = None) -> MapData:
    """Everything the map draws and the place list offers, from an extract's bytes."""
    source = source or extract.filename
    try:
        return _parse(extract)
    except UserError:
        raise
    except Exception as exc:  # osmium reports XML and PBF errors as RuntimeError and kin
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise UserError("osm_malformed", path=source, detail=detail) from None


def _parse(extract: Extract) -> MapData:
    buffer = osmium.io.FileBuffer(extract.data, extract.fmt)
    header_box = osmium.FileProcessor(buffer).header.box()
    features: list[Feature] = []
    pois: list[Poi] = []
    lats: list[float] = []
    lons: list[float] = []
    processor = (osmium.FileProcessor(osmium.io.FileBuffer(extract.data, extract.fmt))
                 .with_areas().with_filter(osmium.filter.EmptyTagFilter()))
    for obj in processor:
        tags = obj.tags
        if obj.is_node():
            kind = place_kind(tags)
            if kind and tags.get("name") and obj.location.valid():
                pois.append(Poi(f"node/{obj.id}", tags.get("name"), kind,
                                obj.location.lat, obj.location.lon))
                lats.append(obj.location.lat)
                lons.append(obj.location.lon)
        elif obj.is_way():
            line = _line_kind(tags)
            if line is None:
                continue
            coords = _coords(obj.nodes)
            if len(coords) >= 2:
                features.append(Feature(line[0], line[1], tags.get("name"), [coords],
                                        tags.get("tunnel") in ("yes", "culvert")
                                        or tags.get("location") == "underground"))
                _extend(coords, lats, lons)
        elif obj.is_area():
            area = _area_kind(tags)
            kind = place_kind(tags)
            if area is None and kind is None:
                continue
            rings = []
            for outer in obj.outer_rings():
                rings.append(_coords(outer))
                rings.extend(_coords(inner) for inner in obj.inner_rings(outer))
            rings = [r for r in rings if len(r) >= 3]
            if not rings:
                continue
            if area is not None:
                features.append(Feature(area[0], area[1], tags.get("name"), rings))
            if kind and tags.get("name"):
                lon, lat = centroid(rings[0])
                pois.append(Poi(f"{'way' if obj.from_way() else 'relation'}/{obj.orig_id()}",
                                tags.get("name"), kind, lat, lon))
            _extend(rings[0], lats, lons)
    if not features and not pois:
        raise UserError("osm_empty", path=extract.filename)
    data_box = (min(lats), min(lons), max(lats), max(lons))
    if header_box.valid():
        bottom_left, top_right = header_box.bottom_left, header_box.top_right
        bounds = (bottom_left.lat, bottom_left.lon, top_right.lat, top_right.lon)
    else:
        bounds = data_box
    return MapData(bounds, data_box, features, pois)


def _coords(nodes) -> list[tuple[float, float]]:
    out = []
    for nd in nodes:
        loc = nd.location
        if loc.valid():
            out.append((loc.lon, loc.lat))
    return out


def _extend(coords: list[tuple[float, float]], lats: list[float], lons: list[float]) -> None:
    # the corners of a feature's own box are enough for the extent of the data
    lons.append(min(c[0] for c in coords))
    lons.append(max(c[0] for c in coords))
    lats.append(min(c[1] for c in coords))
    lats.append(max(c[1] for c in coords))


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """The area centroid of a ring (lon, lat), or the mean of its points when it has no area."""
    a = cx = cy = 0.0
    x0, y0 = ring[0]
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
        a += cross
        cx += (x1 + x2 - 2 * x0) * cross
        cy += (y1 + y2 - 2 * y0) * cross
    if abs(a) < 1e-15:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    return (x0 + cx / (3 * a), y0 + cy / (3 * a))


# --- what a tag means on the map -------------------------------------------------------------

ROADS = {
    "motorway": "major", "trunk": "major", "primary": "major", "motorway_link": "major",
    "trunk_link": "major", "primary_link": "major", "secondary": "secondary",
    "secondary_link": "secondary", "tertiary": "tertiary", "tertiary_link": "tertiary",
    "residential": "minor", "unclassified": "minor", "living_street": "minor", "road": "minor",
    "service": "service", "pedestrian": "pedestrian", "footway": "path", "path": "path",
    "steps": "path", "bridleway": "path", "cycleway": "cycleway", "track": "track",
}
RAILS = {"rail": "rail", "light_rail": "rail", "narrow_gauge": "rail", "subway": "rail",
         "tram": "tram"}
WATERWAYS = {"river": "river", "canal": "canal", "stream": "stream", "ditch": "ditch",
             "drain": "ditch"}
GREEN = {
    "park": "park", "garden": "park", "playground": "park", "village_green": "grass",
    "grass": "grass", "meadow": "grass", "recreation_ground": "grass", "grassland": "grass",
    "allotments": "allotments", "cemetery": "grass", "farmland": "farmland", "orchard": "wood",
    "forest": "wood", "wood": "wood", "scrub": "wood", "heath": "grass", "pitch": "pitch",
    "sports_centre": "pitch", "golf_course": "grass", "nature_reserve": "park",
}
LANDUSE = {"residential": "residential", "commercial": "commercial", "retail": "commercial",
           "industrial": "industrial", "railway": "industrial", "construction": "industrial"}


def _line_kind(tags) -> tuple[str, str] | None:
    highway = tags.get("highway")
    if highway in ROADS and tags.get("area") != "yes":
        return ("road", ROADS[highway])
    railway = tags.get("railway")
    if railway in RAILS:
        return ("rail", RAILS[railway])
    waterway = tags.get("waterway")
    if waterway in WATERWAYS:
        return ("waterway", WATERWAYS[waterway])
    return None


def _area_kind(tags) -> tuple[str, str] | None:
    building = tags.get("building")
    if building and building != "no":
        return ("building", "building")
    if (tags.get("natural") == "water" or tags.get("waterway") == "riverbank"
            or tags.get("landuse") in ("reservoir", "basin") or "water" in tags):
        return ("water", "water")
    for key in ("leisure", "landuse", "natural"):
        value = tags.get(key)
        if value in GREEN:
            return ("green", GREEN[value])
    if tags.get("landuse") in LANDUSE:
        return ("landuse", LANDUSE[tags.get("landuse")])
    if tags.get("amenity") == "parking":
        return ("parking", "parking")
    if tags.get("place") == "square" or (tags.get("highway") == "pedestrian"
                                         and tags.get("area") == "yes"):
        return ("square", "square")
    return None


# OSM tag -> place kind, for the named amenities offered as candidate places.
_AMENITY_KINDS = {
    "community_centre": "community_centre", "social_centre": "community_centre",
    "school": "school", "kindergarten": "school", "college": "school", "university": "school",
    "library": "library", "place_of_worship": "worship", "marketplace": "market",
    "doctors": "healthcare", "clinic": "healthcare", "pharmacy": "healthcare",
    "dentist": "healthcare", "hospital": "healthcare", "cafe": "cafe", "restaurant": "cafe",
    "pub": "cafe", "bar": "cafe", "fast_food": "cafe", "social_facility": "healthcare",
}
_LEISURE_KINDS = {
    "sports_centre": "sports_club", "stadium": "sports_club", "pitch": "sports_club",
    "fitness_centre": "sports_club", "park": "park", "playground": "playground",
    "garden": "park",
}


def place_kind(tags) -> str | None:
    amenity = tags.get("amenity")
    if amenity in _AMENITY_KINDS:
        return _AMENITY_KINDS[amenity]
    if tags.get("club") == "sport":
        return "sports_club"
    leisure = tags.get("leisure")
    if leisure == "garden" and tags.get("garden:type") == "community":
        return "garden"
    if leisure in _LEISURE_KINDS:
        return _LEISURE_KINDS[leisure]
    if tags.get("shop"):
        return "shop"
    if tags.get("healthcare"):
        return "healthcare"
    if tags.get("place") == "square":
        return "square"
    return None


# --- the extent and the grid -----------------------------------------------------------------


def extent(store: Store) -> Box | None:
    n = store.neighbourhood()
    box = (n["min_lat"], n["min_lon"], n["max_lat"], n["max_lon"])
    return None if any(v is None for v in box) else box  # type: ignore[return-value]


def cell_of(lat: float, lon: float, box: Box, grid: model.Grid) -> str | None:
    """The grid cell a point falls in (column A in the west, row 1 in the north)."""
    min_lat, min_lon, max_lat, max_lon = box
    if not (min_lat <= lat <= max_lat and min_lon <= lon <= max_lon):
        return None
    col = min(int((lon - min_lon) / (max_lon - min_lon) * grid.cols), grid.cols - 1)
    row = min(int((max_lat - lat) / (max_lat - min_lat) * grid.rows), grid.rows - 1)
    return f"{chr(ord('A') + col)}{row + 1}"


def coverage(found: Box, wanted: Box) -> float:
    """The share of `wanted` that `found` covers (by area in degrees, fine at this scale)."""
    lat = min(found[2], wanted[2]) - max(found[0], wanted[0])
    lon = min(found[3], wanted[3]) - max(found[1], wanted[1])
    area = (wanted[2] - wanted[0]) * (wanted[3] - wanted[1])
    if lat <= 0 or lon <= 0 or area <= 0:
        return 0.0
    return lat * lon / area


def box_text(box: Box) -> str:
    return f"{box[0]:.4f},{box[1]:.4f}–{box[2]:.4f},{box[3]:.4f}"


def metres_per_degree(lat: float) -> tuple[float, float]:
    """(metres per degree of longitude, of latitude) around `lat`: the local equirectangular
    projection every map of a neighbourhood can use."""
    return 111_320.0 * math.cos(math.radians(lat)), 110_574.0


# --- keeping the extract in the file ---------------------------------------------------------


def store_extract(store: Store, extract: Extract, data: MapData, *, source: str) -> None:
    """Keep `extract` in the file (replacing an earlier one). A file without a map extent takes
    the extract's; a file with one refuses an extract of another place."""
    n = store.neighbourhood()
    box = extent(store)
    if box is not None and coverage(data.data_box, box) < MIN_COVERAGE:
        raise UserError("osm_elsewhere", path=source, name=n["name"],
                        found=box_text(data.data_box), expected=box_text(box))
    min_lat, min_lon, max_lat, max_lon = data.bounds
    with store.write() as w:
        for old in store.rows("osm_extract"):
            w.delete("osm_extract", old["id"])
        w.insert("osm_extract", {
            "filename": extract.filename, "format": extract.fmt, "size": len(extract.data),
            "sha256": hashlib.sha256(extract.data).hexdigest(),
            "min_lat": min_lat, "min_lon": min_lon, "max_lat": max_lat, "max_lon": max_lon,
            "data": zlib.compress(extract.data, 6)})
        if box is None:
            w.update("neighbourhood", n["id"], {"min_lat": min_lat, "min_lon": min_lon,
                                                "max_lat": max_lat, "max_lon": max_lon})


def stored_extract(store: Store) -> Extract | None:
    rows = store.rows("osm_extract", order="created DESC", limit=1)
    if not rows:
        return None
    row = rows[0]
    return Extract(row["filename"], row["format"], zlib.decompress(row["data"]))


_PARSED: dict[str, MapData] = {}


def map_data(store: Store) -> MapData | None:
    """The stored extract, parsed (kept per process by content hash: a TUI prints often)."""
    rows = store.conn.execute(
        "SELECT sha256 FROM osm_extract ORDER BY created DESC LIMIT 1").fetchone()
    if rows is None:
        return None
    if rows[0] not in _PARSED:
        extract = stored_extract(store)
        assert extract is not None
        _PARSED.clear()
        _PARSED[rows[0]] = parse(extract)
    return _PARSED[rows[0]]


# --- candidate places ------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    poi: Poi
    cell: str
    known: bool  # a place of that name (or that OSM id) is already in the file


def candidate_places(store: Store, data: MapData) -> list[Candidate]:
    """The extract's named amenities inside the map extent, with their grid cells."""
    box = extent(store)
    if box is None:
        return []
    known_ids = {r["osm_id"] for r in store.rows("place", "osm_id IS NOT NULL")}
    known_names = {r["norm"] for r in store.rows("place")}
    seen: set[tuple[str, str]] = set()
    out = []
    for poi in sorted(data.pois, key=lambda p: (normalise(p.name), p.osm_id)):
        cell = cell_of(poi.lat, poi.lon, box, store.grid)
        if cell is None or (normalise(poi.name), poi.kind) in seen:
            continue
        seen.add((normalise(poi.name), poi.kind))
        out.append(Candidate(poi, cell, poi.osm_id in known_ids
                             or normalise(poi.name) in known_names))
    return out


def add_places(store: Store, candidates: list[Candidate]) -> int:
    """Add the candidates not yet in the file as places (source `osm`), one undoable step."""
    new = [c for c in candidates if not c.known]
    if not new:
        return 0
    with store.write() as w, w.entry(f"import --osm ({len(new)})"):
        for c in new:
            w.insert("place", {"name": c.poi.name, "kind": c.poi.kind, "cell": c.cell,
                               "lat": round(c.poi.lat, 7), "lon": round(c.poi.lon, 7),
                               "source": "osm", "osm_id": c.poi.osm_id})
    return len(new)

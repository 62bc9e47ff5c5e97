"""OpenStreetMap extracts: reading them (with osmium), keeping them in the file, and what the
printed map and the place list need from them.

An extract is what openstreetmap.org's Export button gives (`.osm` XML), or a `.osm.pbf`
(optionally `.osm.gz`/`.osm.bz2`). Its original bytes are stored compressed inside the
neighbourhood file, so one file on a USB stick is enough to print the map later. Nothing here
opens a network connection: osmium reads from memory.
"""

from __future__ import annotations

import math
import struct
import tempfile
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import osmium

from workshop import model
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.osm import limits as osmlimits
from workshop.osm.tags import (
    area_kind,
    bridge,
    line_kind,
    place_kind,
    place_subkind,
    station,
    underground,
)

MAX_EXTRACT_BYTES = 256 * 1024 * 1024
# An extract must cover at least this share of the neighbourhood's map extent.
MIN_COVERAGE = 0.5


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
    bridge: bool = False


@dataclass(slots=True)
class Poi:
    osm_id: str
    name: str
    kind: str  # a model.PLACE_KINDS key
    lat: float
    lon: float
    subkind: str = ""  # a `tags.SUBKINDS` key: what a broader kind is here (a town hall)


@dataclass
class MapData:
    bounds: Box  # the area the extract says it covers (its <bounds>), else its data's extent
    data_box: Box  # the extent of the data itself
    features: list[Feature] = field(default_factory=list)
    pois: list[Poi] = field(default_factory=list)
    stations: list[Poi] = field(default_factory=list)  # named on the map, not candidate places


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


def read_extract(path: Path) -> tuple[Extract, MapData]:
    """An extract on disk and what it holds; refused with a message when it is not an OSM
    file with map data in it."""
    path = Path(path)
    if not path.exists():
        raise UserError("osm_missing", path=str(path))
    try:
        if path.stat().st_size > MAX_EXTRACT_BYTES:
            raise UserError("osm_too_large", path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("osm_unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    if not data.strip():
        raise UserError("osm_empty", path=str(path))
    fmt = detect_format(data)
    if fmt is None:
        raise UserError("osm_malformed", path=str(path), detail="unknown content")
    extract = Extract(path.name, fmt, data)
    return extract, parse(extract, source=str(path))


def parse(extract: Extract, source: str | None = None) -> MapData:
    """Everything the map draws and the place list offers, from an extract's bytes."""
    source = source or extract.filename
    try:
        return _parse(extract, source)
    except UserError:
        raise
    except Exception as exc:  # osmium reports XML and PBF errors as RuntimeError and kin
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise UserError("osm_malformed", path=source, detail=detail) from None


def _parse(extract: Extract, source: str) -> MapData:
    # osmium reads PBF from a memory buffer about ten times slower than from a file, so the
    # bytes go through a private temporary file.
    deadline = osmlimits.Deadline(source)
    with tempfile.TemporaryDirectory(prefix="workshop-osm-") as folder:
        path = Path(folder) / "extract"
        fmt = osmlimits.unpack_to(extract.data, extract.fmt, path, source, deadline)
        final = path.with_name(f"extract.{fmt}")
        path.rename(final)
        return _read(str(final), fmt, source, deadline)


class _Collector:
    def __init__(self) -> None:
        self.features: list[Feature] = []
        self.pois: list[Poi] = []
        self.stations: list[Poi] = []
        self.lats: list[float] = []
        self.lons: list[float] = []

    def extend(self, coords: list[tuple[float, float]]) -> None:
        # the corners of a feature's own box are enough for the extent of the data
        xs = [c[0] for c in coords]
        ys = [c[1] for c in coords]
        self.lons += (min(xs), max(xs))
        self.lats += (min(ys), max(ys))

    def area(self, tags, rings: list[list[tuple[float, float]]], osm_id: str) -> None:
        rings = [r for r in rings if len(r) >= 3]
        if not rings:
            return
        area = area_kind(tags)
        if area is not None:
            self.features.append(Feature(area[0], area[1], tags.get("name"), rings))
        kind = place_kind(tags)
        if kind and tags.get("name"):
            lon, lat = centroid(rings[0])
            self.pois.append(Poi(osm_id, tags.get("name"), kind, lat, lon, place_subkind(tags)))
        if station(tags):
            lon, lat = centroid(rings[0])
            self.stations.append(Poi(osm_id, tags.get("name"), "station", lat, lon))
        self.extend(rings[0])


def _read(
    path: str, fmt: str, filename: str, deadline: osmlimits.Deadline | None = None
) -> MapData:
    """Two passes at most: everything but multipolygon relations in the first (ways are read
    as geometry straight from osmium, as WKB); the relations' areas, if any, in a second."""
    header_box = osmium.FileProcessor(osmium.io.File(path, fmt)).header.box()
    out = _Collector()
    relations: list[int] = []
    processor = (
        osmium.FileProcessor(osmium.io.File(path, fmt))
        .with_locations()
        .with_filter(osmium.filter.EmptyTagFilter())
    )
    for seen, obj in enumerate(processor):
        if deadline is not None and not seen % 4096:
            deadline.check()
        tags = obj.tags
        if isinstance(obj, osmium.osm.Way):
            line = line_kind(tags)
            if line is not None:
                coords = _line(obj)
                if len(coords) >= 2:
                    out.features.append(
                        Feature(
                            line[0],
                            line[1],
                            tags.get("name"),
                            [coords],
                            underground(tags),
                            bridge(tags),
                        )
                    )
                    out.extend(coords)
            elif obj.is_closed() and (area_kind(tags) or place_kind(tags) or station(tags)):
                out.area(tags, [_line(obj)], f"way/{obj.id}")
        elif isinstance(obj, osmium.osm.Node):
            kind, name = place_kind(tags), tags.get("name")
            if station(tags) and obj.location.valid():
                lat, lon = obj.location.lat, obj.location.lon
                out.stations.append(Poi(f"node/{obj.id}", name or "", "station", lat, lon))
            if kind and name and obj.location.valid():
                lat, lon = obj.location.lat, obj.location.lon
                out.pois.append(Poi(f"node/{obj.id}", name, kind, lat, lon, place_subkind(tags)))
                out.lats.append(lat)
                out.lons.append(lon)
        elif (
            isinstance(obj, osmium.osm.Relation)
            and tags.get("type") == "multipolygon"
            and (area_kind(tags) or place_kind(tags))
        ):
            relations.append(obj.id)
    if relations:
        areas = (
            osmium.FileProcessor(osmium.io.File(path, fmt))
            .with_areas()
            .with_filter(osmium.filter.EntityFilter(osmium.osm.AREA))
            .with_filter(osmium.filter.IdFilter([2 * r + 1 for r in relations]))
        )
        for area in areas:
            if isinstance(area, osmium.osm.Area) and not area.from_way():
                out.area(area.tags, _rings(area), f"relation/{area.orig_id()}")
    if not out.features and not out.pois:
        raise UserError("osm_empty", path=filename)
    data_box = (min(out.lats), min(out.lons), max(out.lats), max(out.lons))
    if header_box.valid():
        bottom_left, top_right = header_box.bottom_left, header_box.top_right
        bounds = (bottom_left.lat, bottom_left.lon, top_right.lat, top_right.lon)
    else:
        bounds = data_box
    return MapData(bounds, data_box, out.features, out.pois, out.stations)


_WKB = osmium.geom.WKBFactory()


def _pairs(values: array) -> list[tuple[float, float]]:
    return list(zip(values[0::2], values[1::2], strict=True))


def _line(way) -> list[tuple[float, float]]:
    """A way's points (lon, lat); osmium builds them in C++, much faster than a Python loop."""
    try:
        raw = bytes.fromhex(_WKB.create_linestring(way))
    except (osmium.InvalidLocationError, RuntimeError):  # missing nodes, or one point left
        return [(n.location.lon, n.location.lat) for n in way.nodes if n.location.valid()]
    points = array("d", raw[9:])
    if raw[0] == 0:  # big-endian WKB (not what osmium writes, but cheap to honour)
        points.byteswap()
    return _pairs(points)


def _rings(area) -> list[list[tuple[float, float]]]:
    """Outer and inner rings of an assembled area, from its WKB multipolygon."""
    try:
        raw = bytes.fromhex(_WKB.create_multipolygon(area))
    except (osmium.InvalidLocationError, RuntimeError):
        return []
    order = "<" if raw[0] == 1 else ">"
    (polygons,) = struct.unpack_from(order + "I", raw, 5)
    offset, rings = 9, []
    for _ in range(polygons):
        (count,) = struct.unpack_from(order + "I", raw, offset + 5)
        offset += 9
        for _ in range(count):
            (points,) = struct.unpack_from(order + "I", raw, offset)
            offset += 4
            values = array("d", raw[offset : offset + 16 * points])
            if order == ">":
                values.byteswap()
            rings.append(_pairs(values))
            offset += 16 * points
    return rings


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


DEFAULT_CELLS = 48  # the 8x6 grid's count, the most a poster's grid holds readably


def square_grid(box: Box, cells: int = DEFAULT_CELLS) -> model.Grid:
    """The grid of about `cells` cells whose cells are closest to square on this extent: 8x6
    on a landscape neighbourhood, 5x8 on a tall one (not 8x6 with cells twice as high)."""
    kx, ky = metres_per_degree((box[0] + box[2]) / 2)
    width, height = (box[3] - box[1]) * kx, (box[2] - box[0]) * ky
    if width <= 0 or height <= 0:
        return model.Grid()
    best: tuple[float, int, int] | None = None
    for cols in range(1, model.MAX_GRID_COLS + 1):
        rows = min(max(round(cols * height / width), 1), model.MAX_GRID_ROWS)
        if rows * cols > cells * 1.25:
            break
        square = abs(math.log((width / cols) / (height / rows)))
        score = square + abs(math.log(rows * cols / cells))
        if best is None or score < best[0]:
            best = (score, cols, rows)
    return model.Grid(best[1], best[2]) if best else model.Grid()

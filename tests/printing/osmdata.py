"""A small invented OpenStreetMap extract, written as the XML that openstreetmap.org's Export
button gives (and converted to PBF with osmium), for the tests."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

import osmium

BOX = (52.5500, 5.2000, 52.5590, 5.2197)  # the demo's extent, in the Markermeer


def _node(i: int, lat: float, lon: float, tags: dict[str, str] | None = None) -> str:
    inner = "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in (tags or {}).items())
    return f'<node id="{i}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">{inner}</node>'


def _way(i: int, refs: list[int], tags: dict[str, str]) -> str:
    nds = "".join(f'<nd ref="{r}"/>' for r in refs)
    inner = "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())
    return f'<way id="{i}" version="1">{nds}{inner}</way>'


def osm_xml(
    box: tuple[float, float, float, float] = BOX, bounds: bool = True, coast: bool = False
) -> str:
    """The extract; `coast` adds what a harbour town's has (Helsinki's shape, in small): the
    sea north of a coastline, a metro in its tunnel, a bridge, a station and named water."""
    lat0, lon0, lat1, lon1 = box
    dlat, dlon = lat1 - lat0, lon1 - lon0
    nodes, ways = [], []
    n = 0

    def node(fy: float, fx: float, tags: dict[str, str] | None = None) -> int:
        nonlocal n
        n += 1
        nodes.append(_node(n, lat0 + fy * dlat, lon0 + fx * dlon, tags))
        return n

    def square(fy: float, fx: float, size: float) -> list[int]:
        refs = [node(fy, fx), node(fy, fx + size), node(fy + size, fx + size), node(fy + size, fx)]
        return refs + refs[:1]

    ways.append(
        _way(
            1,
            [node(0.5, 0.02), node(0.5, 0.5), node(0.52, 0.98)],
            {"highway": "residential", "name": "Kersenlaan"},
        )
    )
    ways.append(
        _way(
            2, [node(0.05, 0.3), node(0.95, 0.3)], {"highway": "secondary", "name": "Şişli Caddesi"}
        )
    )
    ways.append(
        _way(3, [node(0.2, 0.6), node(0.25, 0.62)], {"highway": "footway", "name": "Łączka"})
    )
    ways.append(_way(4, [node(0.97, 0.0), node(0.97, 1.0)], {"railway": "rail"}))
    ways.append(_way(5, [node(0.03, 0.0), node(0.03, 1.0)], {"waterway": "canal"}))
    for k in range(12):
        ways.append(
            _way(
                10 + k,
                square(0.55 + (k // 6) * 0.08, 0.05 + (k % 6) * 0.04, 0.02),
                {"building": "house"},
            )
        )
    ways.append(
        _way(
            30,
            square(0.6, 0.7, 0.1),
            {"building": "school", "amenity": "school", "name": "Basisschool 't Pitje"},
        )
    )
    ways.append(_way(31, square(0.1, 0.6, 0.08), {"natural": "water"}))
    outer = square(0.15, 0.05, 0.2)
    inner = square(0.2, 0.1, 0.05)
    ways.append(_way(40, outer, {}))
    ways.append(_way(41, inner, {}))
    node(0.45, 0.45, {"amenity": "community_centre", "name": "Buurthuis <De Bron> & Co"})
    node(0.46, 0.8, {"shop": "bakery", "name": "Bakkerĳ Kooĳman"})
    node(0.4, 0.4, {"amenity": "bench"})  # not a place
    if coast:
        # drawn east to west: the land on its left (south), the sea to the north
        ways.append(
            _way(
                50,
                [node(0.78, 1.05), node(0.84, 0.6), node(0.8, 0.3), node(0.82, -0.05)],
                {"natural": "coastline"},
            )
        )
        ways.append(
            _way(
                51,
                [node(0.1, 0.9), node(0.9, 0.9)],
                {"railway": "subway", "tunnel": "yes", "layer": "-4", "name": "Metro"},
            )
        )
        ways.append(
            _way(
                52,
                [node(0.0, 0.65), node(0.06, 0.65)],
                {"highway": "tertiary", "bridge": "yes", "layer": "1", "name": "Vaartbrug"},
            )
        )
        node(0.35, 0.85, {"railway": "station", "name": "Station Kersenhaven"})
        ways.append(_way(53, square(0.3, 0.55, 0.04), {"natural": "water", "name": "Kersenvijver"}))
    relation = (
        '<relation id="1" version="1"><member type="way" ref="40" role="outer"/>'
        '<member type="way" ref="41" role="inner"/><tag k="type" v="multipolygon"/>'
        '<tag k="leisure" v="park"/><tag k="name" v="Kersenpark"/></relation>'
    )
    head = (
        f'<bounds minlat="{lat0}" minlon="{lon0}" maxlat="{lat1}" maxlon="{lon1}"/>'
        if bounds
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="tests">'
        + head
        + "".join(nodes)
        + "".join(ways)
        + relation
        + "</osm>\n"
    )


def write_osm(path: Path, **kwargs) -> Path:
    path.write_text(osm_xml(**kwargs), encoding="utf-8")
    return path


def write_pbf(xml: Path, pbf: Path) -> Path:
    writer = osmium.SimpleWriter(str(pbf))
    for obj in osmium.FileProcessor(str(xml)):
        if obj.is_node():
            writer.add_node(obj)
        elif obj.is_way():
            writer.add_way(obj)
        elif obj.is_relation():
            writer.add_relation(obj)
    writer.close()
    return pbf

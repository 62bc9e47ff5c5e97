"""What an OSM extract holds for the map, packed: read once with osmium when the extract comes
in, kept next to the extract's original bytes, and unpacked in a fraction of the time a fresh
parse takes when a map is printed. The original stays the source of truth: a pack written by
another version of this format is ignored and the extract parsed again.

Layout: a JSON header (bounds, points of interest, the strings, array lengths), then three
little-endian arrays: per feature (layer, kind, name, flags: 1 tunnel, 2 bridge; parts) as int32, the point count
of each part as int32, and every coordinate (lon, lat) as float64.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array

from workshop.osm.extract import Feature, MapData, Poi

FORMAT = 2  # 2: bridges, coastlines and stations kept
MAX_PACK_BYTES = 1 << 30


def pack(data: MapData) -> bytes:
    strings: dict[str, int] = {}

    def index(text: str | None) -> int:
        if text is None:
            return -1
        return strings.setdefault(text, len(strings))

    meta, lengths, coords = array("i"), array("i"), array("d")
    for f in data.features:
        meta.extend(
            (
                index(f.layer),
                index(f.kind),
                index(f.name),
                int(f.tunnel) | 2 * int(f.bridge),
                len(f.parts),
            )
        )
        for part in f.parts:
            lengths.append(len(part))
            for lon, lat in part:
                coords.append(lon)
                coords.append(lat)
    header = {
        "format": FORMAT,
        "bounds": data.bounds,
        "data_box": data.data_box,
        "pois": [[p.osm_id, p.name, p.kind, p.lat, p.lon, p.subkind] for p in data.pois],
        "stations": [[p.osm_id, p.name, p.kind, p.lat, p.lon] for p in data.stations],
        "strings": list(strings),
        "sizes": [len(meta), len(lengths), len(coords)],
    }
    if sys.byteorder == "big":
        for arr in (meta, lengths, coords):
            arr.byteswap()
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    body = (
        len(head).to_bytes(4, "little")
        + head
        + meta.tobytes()
        + lengths.tobytes()
        + coords.tobytes()
    )
    return zlib.compress(body, 6)


def unpack(blob: bytes) -> MapData | None:
    """The packed map data, or None when the pack is of another format (or damaged)."""
    try:
        inflater = zlib.decompressobj()
        body = inflater.decompress(blob, MAX_PACK_BYTES)
        if inflater.unconsumed_tail:
            return None  # larger than any neighbourhood's pack: parse the extract instead
        size = int.from_bytes(body[:4], "little")
        header = json.loads(body[4 : 4 + size].decode("utf-8"))
        if header.get("format") != FORMAT:
            return None
        offset = 4 + size
        arrays: list[array] = []
        for code, count in zip("iid", header["sizes"], strict=True):
            arr: array = array(code)
            end = offset + count * arr.itemsize
            arr.frombytes(body[offset:end])
            if sys.byteorder == "big":
                arr.byteswap()
            arrays.append(arr)
            offset = end
    except (zlib.error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    meta, lengths, coords = arrays
    strings = header["strings"]
    features = []
    part_index = point = 0
    for i in range(0, len(meta), 5):
        layer, kind, name, flags, parts = meta[i : i + 5]
        rings: list[list[tuple[float, float]]] = []
        for _ in range(parts):
            n = lengths[part_index]
            part_index += 1
            flat = coords[2 * point : 2 * (point + n)]
            rings.append(list(zip(flat[0::2], flat[1::2], strict=True)))
            point += n
        features.append(
            Feature(
                strings[layer],
                strings[kind],
                strings[name] if name >= 0 else None,
                rings,
                bool(flags & 1),
                bool(flags & 2),
            )
        )
    pois = [Poi(*p) for p in header["pois"]]
    stations = [Poi(*p) for p in header.get("stations", [])]
    return MapData(tuple(header["bounds"]), tuple(header["data_box"]), features, pois, stations)

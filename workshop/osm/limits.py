"""Limits on what an OpenStreetMap extract may cost before osmium reads it.

A neighbourhood is a few megabytes of OSM XML. A compressed file can hold far more than it
looks (a 3 MB `.osm.gz` held one 3 GB token, and osmium ran for minutes at a gigabyte of
memory), so compressed XML is unpacked here, in chunks, into the temporary file osmium reads,
and refused as soon as it passes a decompressed size, holds a token longer than any OSM XML
has, or takes too long. A PBF file is checked blob by blob for the size its blobs declare.
"""

from __future__ import annotations

import bz2
import gzip
import io
import time
from pathlib import Path

from workshop.i18n import UserError

MAX_DECOMPRESSED_BYTES = 1 << 30  # far beyond a neighbourhood (an openstreetmap.org export
# is at most 50,000 nodes, some 10 MB)
MAX_TOKEN_BYTES = 1 << 20  # between < and >: OSM XML elements are a few hundred bytes
MAX_SECONDS = 120.0
CHUNK = 1 << 20


class Deadline:
    def __init__(self, source: str, seconds: float | None = None):
        self.source = source
        self.seconds = MAX_SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise UserError("osm_too_slow", path=self.source, seconds=int(self.seconds))


def unpack_to(data: bytes, fmt: str, target: Path, source: str, deadline: Deadline) -> str:
    """Write what osmium should read to `target`; returns the format to read it as."""
    if fmt == "pbf":
        check_pbf(data, source, deadline)
        target.write_bytes(data)
        return "pbf"
    raw: io.BufferedIOBase
    if fmt == "osm.gz":
        raw = gzip.GzipFile(fileobj=io.BytesIO(data))
    elif fmt == "osm.bz2":
        raw = bz2.BZ2File(io.BytesIO(data))
    else:
        raw = io.BytesIO(data)
    total = run = 0
    try:
        with raw, open(target, "wb") as out:
            while chunk := raw.read(CHUNK):
                total += len(chunk)
                if total > MAX_DECOMPRESSED_BYTES:
                    raise UserError("osm_bomb", path=source, limit=MAX_DECOMPRESSED_BYTES >> 20)
                run = _longest_run(chunk, run, source)
                deadline.check()
                out.write(chunk)
    except (OSError, EOFError, ValueError) as exc:  # a damaged gzip or bz2 stream
        raise UserError("osm_malformed", path=source, detail=str(exc)[:160]) from None
    return "osm"


_ONE_DELIMITER = bytes.maketrans(b">", b"<")


def _longest_run(chunk: bytes, run: int, source: str) -> int:
    """The run without < or > at the end of `chunk`, given the run the chunk before ended
    with; refused when any run passes the limit."""
    marked = chunk.translate(_ONE_DELIMITER)
    first = marked.find(b"<")
    if first < 0:
        longest = run = run + len(chunk)
    else:
        pieces = marked.split(b"<")
        longest = max(run + first, *map(len, pieces[1:]))
        run = len(pieces[-1])
    if longest >= MAX_TOKEN_BYTES:
        raise UserError("osm_long_token", path=source, limit=MAX_TOKEN_BYTES >> 20)
    return run


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint")


def _fields(message: bytes) -> dict[int, int | bytes]:
    """The varint and length-delimited fields of a protobuf message (the last of each)."""
    out: dict[int, int | bytes] = {}
    pos = 0
    while pos < len(message):
        key, pos = _varint(message, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            out[number], pos = _varint(message, pos)
        elif wire == 2:
            length, pos = _varint(message, pos)
            out[number] = message[pos : pos + length]
            pos += length
        elif wire == 5:
            pos += 4
        elif wire == 1:
            pos += 8
        else:
            raise ValueError("wire type")
    return out


def check_pbf(data: bytes, source: str, deadline: Deadline) -> None:
    """Add up the uncompressed sizes the blobs of a PBF file declare (osmium itself holds
    each blob to 32 MB, not the sum)."""
    total = pos = 0
    try:
        while pos + 4 <= len(data):
            size = int.from_bytes(data[pos : pos + 4], "big")
            header = _fields(data[pos + 4 : pos + 4 + size])
            pos += 4 + size
            length = header.get(3)
            if not isinstance(length, int):
                return  # not what a PBF blob header looks like: osmium will say so
            blob = _fields(data[pos : pos + length])
            pos += length
            raw = blob.get(1)
            declared = blob.get(2)
            total += (
                len(raw) if isinstance(raw, bytes) else declared if isinstance(declared, int) else 0
            )
            if total > MAX_DECOMPRESSED_BYTES:
                raise UserError("osm_bomb", path=source, limit=MAX_DECOMPRESSED_BYTES >> 20)
            deadline.check()
    except (ValueError, IndexError):
        return  # damaged: osmium reports it as a malformed file

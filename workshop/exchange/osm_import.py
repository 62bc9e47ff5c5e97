"""Reading an OpenStreetMap extract into a neighbourhood file: the extract itself (kept inside
the file, so one file on a USB stick is enough to print the map later) and its named amenities
as candidate places in their grid cells."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from pathlib import Path

from workshop import i18n, model
from workshop.file import access as files
from workshop.file.store import Store
from workshop.i18n import UserError, pick
from workshop.osm import pack as osmpack
from workshop.osm.extract import (
    MAX_EXTRACT_BYTES,
    MIN_COVERAGE,
    Extract,
    MapData,
    Poi,
    box_text,
    cell_of,
    coverage,
    extent,
    parse,
    read_extract,
)
from workshop.osm.tags import COMMUNITY_KINDS, SUBKINDS
from workshop.text import normalise


def store_extract(store: Store, extract: Extract, data: MapData, *, source: str) -> None:
    """Keep `extract` in the file (replacing an earlier one). A file without a map extent takes
    the extract's; a file with one refuses an extract of another place."""
    n = store.neighbourhood()
    box = extent(store)
    if box is not None and coverage(data.data_box, box) < MIN_COVERAGE:
        raise UserError(
            "osm_elsewhere",
            path=source,
            name=n["name"],
            found=box_text(data.data_box),
            expected=box_text(box),
        )
    min_lat, min_lon, max_lat, max_lon = data.bounds
    with store.write() as w:
        for old in store.rows("osm_extract"):
            w.delete("osm_extract", old["id"])
        w.insert(
            "osm_extract",
            {
                "filename": extract.filename,
                "format": extract.fmt,
                "size": len(extract.data),
                "sha256": hashlib.sha256(extract.data).hexdigest(),
                "min_lat": min_lat,
                "min_lon": min_lon,
                "max_lat": max_lat,
                "max_lon": max_lon,
                "data": zlib.compress(extract.data, 6),
                "features": osmpack.pack(data),
            },
        )
        if box is None:
            w.update(
                "neighbourhood",
                n["id"],
                {"min_lat": min_lat, "min_lon": min_lon, "max_lat": max_lat, "max_lon": max_lon},
            )


def create_with_extract(path: Path, extract: Extract, data: MapData, **create) -> Store:
    """A new neighbourhood file whose map extent is the extract's, with the extract in it."""
    store = Store.create(path, bbox=data.bounds, **create)
    try:
        store_extract(store, extract, data, source=extract.filename)
    except BaseException:
        store.close()
        files.remove_with_sidecars(Path(path))
        raise
    return store


def stored_extract(store: Store) -> Extract | None:
    rows = store.rows("osm_extract", order="created DESC", limit=1)
    if not rows:
        return None
    row = rows[0]
    return Extract(row["filename"], row["format"], _inflate(row["data"], row["filename"]))


def _inflate(blob: bytes, filename: str) -> bytes:
    """The stored extract's bytes, never more than an extract may be (a file from elsewhere
    could hold a zlib bomb where the extract should be)."""
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(blob, MAX_EXTRACT_BYTES + 1)
    except zlib.error as exc:
        raise UserError("osm_malformed", path=filename, detail=str(exc)) from None
    if len(data) > MAX_EXTRACT_BYTES or inflater.unconsumed_tail:
        raise UserError("osm_too_large", path=filename)
    return data


_PARSED: dict[str, MapData] = {}


def map_data(store: Store) -> MapData | None:
    """What the stored extract holds for the map: its pack, else a fresh parse of the extract
    (kept per process by content hash: a TUI prints often)."""
    rows = store.rows("osm_extract", order="created DESC", limit=1)
    if not rows:
        return None
    row = rows[0]
    if row["sha256"] not in _PARSED:
        data = osmpack.unpack(row["features"]) if row["features"] else None
        if data is None:
            data = parse(
                Extract(row["filename"], row["format"], _inflate(row["data"], row["filename"]))
            )
        _PARSED.clear()
        _PARSED[row["sha256"]] = data
    return _PARSED[row["sha256"]]


# --- candidate places ------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    poi: Poi
    cell: str
    known: bool  # a place of that name in that cell (or that OSM id) is already in the file


SUB = "subkind:"  # in a set of wanted kinds: one of `SUBKINDS` (`--places gemeentehuis`)


def place_kinds(text: str | None, lang: str) -> frozenset[str] | None:
    """The kinds `--places` names (`buurthuis,bibliotheek,school`: Dutch or English words of
    the place kinds, or of the amenities a broader kind holds: gemeentehuis, kinderopvang,
    cultuurcentrum, jongerencentrum, verpleeghuis; `all`/`alles`: every kind, shops and cafés
    too). None: the community kinds (`tags.COMMUNITY_KINDS`). An unknown word is refused,
    with the kinds there are."""
    if text is None or not text.strip():
        return None
    kinds: set[str] = set()
    for word in (w.strip() for w in text.split(",")):
        if not word:
            continue
        if word.casefold() in ("all", "alles"):
            return frozenset(model.PLACE_KINDS.keys())
        subkinds = {
            SUB + key
            for key, words in SUBKINDS.items()
            if normalise(word) in {normalise(w) for w in (key, *words)}
        }
        term = model.PLACE_KINDS.lookup(word)
        if term is None and not subkinds:
            keys = model.PLACE_KINDS.keys()
            there = [model.PLACE_KINDS.label(k, lang) for k in keys]
            there += sorted({pick(words, lang) for words in SUBKINDS.values()})
            raise UserError("osm_unknown_place_kind", kind=word, choices=", ".join(there))
        kinds |= {term.key} if term else subkinds
    return frozenset(kinds) or None


def _subkind_tag(poi: Poi, lang: str) -> list[str]:
    return [pick(SUBKINDS[poi.subkind], lang)] if poi.subkind in SUBKINDS else []


def candidate_places(
    store: Store, data: MapData, kinds: frozenset[str] | None = None
) -> list[Candidate]:
    """The extract's named amenities of `kinds` (default: the community kinds) inside the map
    extent, with their grid cells. Branches of one name in different cells (two schools of
    one foundation, a chain's two libraries) are different places; the same name and kind in
    one cell (a building mapped as a point and as an outline) is one."""
    box = extent(store)
    if box is None:
        return []
    wanted = kinds if kinds is not None else frozenset(COMMUNITY_KINDS)
    places = store.rows("place")
    known_ids = {r["osm_id"] for r in places if r["osm_id"]}
    known_in_cell = {(r["norm"], r["cell"]) for r in places}
    known_anywhere = {r["norm"] for r in places if not r["cell"]}  # a place without a cell
    seen: set[tuple[str, str, str]] = set()
    out = []
    for poi in sorted(data.pois, key=lambda p: (normalise(p.name), p.osm_id)):
        if poi.kind not in wanted and SUB + poi.subkind not in wanted:
            continue
        cell = cell_of(poi.lat, poi.lon, box, store.grid)
        norm = normalise(poi.name)
        if cell is None or (norm, poi.kind, cell) in seen:
            continue
        seen.add((norm, poi.kind, cell))
        known = poi.osm_id in known_ids or (norm, cell) in known_in_cell or norm in known_anywhere
        out.append(Candidate(poi, cell, known))
    return out


def add_places(store: Store, candidates: list[Candidate]) -> int:
    """Add the candidates not yet in the file as places (source `osm`), one undoable step."""
    new = [c for c in candidates if not c.known]
    if not new:
        return 0
    with store.write() as w, w.entry(f"import --osm ({len(new)})"):
        for c in new:
            w.insert(
                "place",
                {
                    "name": c.poi.name,
                    "kind": c.poi.kind,
                    "cell": c.cell,
                    "lat": round(c.poi.lat, 7),
                    "lon": round(c.poi.lon, 7),
                    "source": "osm",
                    "osm_id": c.poi.osm_id,
                    "tags": _subkind_tag(c.poi, store.lang),
                },
            )
    return len(new)


def candidate_lines(candidates: list[Candidate], lang: str, limit: int = 30) -> list[str]:
    """One line per candidate place (name · kind · cell), new ones first."""
    ordered = sorted(
        candidates, key=lambda c: (c.known, c.cell[0], int(c.cell[1:]), normalise(c.poi.name))
    )
    lines = []
    for c in ordered[:limit]:
        mark = "=" if c.known else "+"
        kind = " · ".join([model.PLACE_KINDS.label(c.poi.kind, lang), *_subkind_tag(c.poi, lang)])
        lines.append(f"  {mark} {c.poi.name} · {kind} · {c.cell}")
    if len(ordered) > limit:
        lines.append(i18n.t("osm_candidates_more", lang, count=len(ordered) - limit))
    return lines


def report_lines(
    store: Store,
    extract: Extract,
    data: MapData,
    file: str,
    extract_path: str,
    kinds: frozenset[str] | None = None,
) -> list[str]:
    """What storing an extract did, and the candidate places it offers."""
    lang = store.lang
    lines = [
        i18n.t("osm_stored", lang, name=extract.filename, file=file, features=len(data.features))
    ]
    candidates = candidate_places(store, data, kinds)
    if candidates:
        new = sum(1 for c in candidates if not c.known)
        lines.append(i18n.t("osm_candidates", lang, count=len(candidates), new=new))
        lines += candidate_lines(candidates, lang)
        if new:
            lines.append(i18n.t("osm_add_hint", lang, file=file, extract=extract_path))
    return lines


def import_osm(
    store: Store, path: Path, file: str, *, add: bool, kinds: str | None = None
) -> list[str]:
    """`import --osm`: store the extract; with `add`, its named amenities of `kinds` (the
    text `--places` was given; see `place_kinds`) become places."""
    wanted = place_kinds(kinds, store.lang)  # refused before anything is written
    extract, data = read_extract(path)
    store_extract(store, extract, data, source=str(path))
    if not add:
        return report_lines(store, extract, data, file, str(path), wanted)
    lang = store.lang
    added = add_places(store, candidate_places(store, data, wanted))
    return [
        i18n.t("osm_stored", lang, name=extract.filename, file=file, features=len(data.features)),
        i18n.t("osm_places_added", lang, count=added),
    ]

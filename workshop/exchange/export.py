"""One export for both front ends: `workshop export` and the TUI's F9 both call `export()`.

    export(store, "csv", delimiter=";")         # -> the files written, in exports/STEM-csv/
    export(store, "json", Path("out.json"))     # -> [out.json]
    export_text(store, "geojson")               # -> the text, for `-o -`

The formats are declared once in `FORMATS` (the CLI's `--format` choices and F9's menu come
from it); where an export goes without a target comes from `workshop.outputs`, so the TUI
writes the names the CLI writes. Every export is recorded in the file (`workshop.file.outputs`)
so that `forget` can name it later. A format's writer is imported when that format is asked
for: the network formats need networkx, which a JSON export should not wait for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop import outputs
from workshop.file import outputs as written
from workshop.file.store import Store


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str | None  # the one file's suffix; None: a folder of files
    text: bool = False  # can be written to stdout (`-o -`)
    delimited: bool = False  # takes a delimiter (`--delimiter`)

    def default_target(self, store_path: str | Path) -> Path:
        if self.suffix is None:
            return outputs.export_folder(store_path, self.name)
        return outputs.export_file(store_path, self.suffix)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", None, delimited=True),
        ExportFormat("json", ".json", text=True),
        ExportFormat("geojson", ".geojson", text=True),
        ExportFormat("graphml", ".graphml"),
        ExportFormat("gexf", ".gexf"),
        ExportFormat("kumu", None),
        ExportFormat("xlsx", ".xlsx"),
    )
}
DELIMITERS = (",", ";")


def export(
    store: Store,
    fmt: str,
    target: Path | None = None,
    *,
    anonymise: bool = False,
    delimiter: str = ",",
    kumu_records: bool = False,
) -> list[Path]:
    """Write `store` as `fmt` to `target` (a file, or a folder for csv and kumu; default in
    exports/), record what was written in the file, and return the paths written.
    `kumu_records`: the Kumu sheets hold places and initiatives too."""
    spec = FORMATS[fmt]
    if delimiter not in DELIMITERS:
        raise ValueError(delimiter)
    target = Path(target) if target is not None else spec.default_target(store.path)
    with outputs.collector_paused():
        paths = _write(
            store, fmt, target, anonymise=anonymise, delimiter=delimiter, kumu_records=kumu_records
        )
    written.record(store, paths, kind=fmt, audience="export", anonymised=anonymise)
    return paths


def export_text(store: Store, fmt: str, *, anonymise: bool = False) -> str:
    """A text format (json, geojson) as one string, written nowhere (and so not recorded)."""
    if not FORMATS[fmt].text:
        raise ValueError(fmt)
    with outputs.collector_paused():
        if fmt == "json":
            from workshop.exchange import tables

            return tables.export_json(store, None, anonymise=anonymise)
        from workshop.exchange import geojson

        return geojson.export_geojson(store, None, anonymise=anonymise)


def _write(
    store: Store,
    fmt: str,
    target: Path,
    *,
    anonymise: bool,
    delimiter: str,
    kumu_records: bool = False,
) -> list[Path]:
    if fmt == "csv":
        from workshop.exchange import tables

        return tables.export_csv(store, target, anonymise=anonymise, delimiter=delimiter)
    if fmt == "kumu":
        from workshop.exchange import kumu

        return kumu.export_kumu(store, target, anonymise=anonymise, records=kumu_records)
    if fmt == "json":
        from workshop.exchange import tables

        tables.export_json(store, target, anonymise=anonymise)
    elif fmt == "geojson":
        from workshop.exchange import geojson

        geojson.export_geojson(store, target, anonymise=anonymise)
    elif fmt == "graphml":
        from workshop.exchange import graph

        graph.export_graphml(store, target, anonymise=anonymise)
    elif fmt == "gexf":
        from workshop.exchange import graph

        graph.export_gexf(store, target, anonymise=anonymise)
    elif fmt == "xlsx":
        from workshop.exchange import xlsx

        xlsx.export_xlsx(store, target, anonymise=anonymise)
    else:
        raise ValueError(fmt)
    return [target]

"""Slow work the TUI hands to worker threads: backups, exports, printouts.

Each job opens the file again, read-only, in its own thread (a WAL reader sees every capture
committed so far and never blocks the capture line's writes), and returns what it wrote.
No Textual here.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from workshop import backup, files
from workshop.store import Store

EXPORT_FORMATS = ("csv", "json", "kumu")
PRINTOUTS = ("cards", "blank-cards", "map", "result-map", "network", "summary")
EXPORTS_DIR = Path("exports")
PRINTOUTS_DIR = Path("printouts")


def make_backup(path: Path, keep: int = backup.KEEP) -> Path:
    """An automatic backup into FILE.backups/, keeping the newest `keep` of them."""
    with Store.open(path, readonly=True) as store:
        made = backup.backup(store, files.backups_dir(path), auto=True)
    backup.rotate(files.backups_dir(path), keep)
    return made


def export(path: Path, fmt: str, anonymise: bool = False) -> list[Path]:
    """The same files `workshop export FILE --format FMT` writes, in exports/."""
    from workshop.exchange import kumu, tables

    stem = path.name.removesuffix(".wijk") or "wijk"
    suffix = "-anoniem" if anonymise else ""
    with Store.open(path, readonly=True) as store:
        if fmt == "json":
            target = EXPORTS_DIR / f"{stem}{suffix}.json"
            tables.export_json(store, target, anonymise=anonymise)
            return [target]
        folder = EXPORTS_DIR / f"{stem}{suffix}-{fmt}"
        if fmt == "csv":
            return tables.export_csv(store, folder, anonymise=anonymise)
        if fmt == "kumu":
            return kumu.export_kumu(store, folder, anonymise=anonymise)
    raise ValueError(fmt)


def printing_available() -> bool:
    return importlib.util.find_spec("workshop.printing.api") is not None


def print_out(path: Path, what: str) -> list[Path]:
    """The PDF `workshop print WHAT FILE` makes, in printouts/."""
    printing = importlib.import_module("workshop.printing.api")
    stem = path.name.removesuffix(".wijk") or "wijk"
    target = PRINTOUTS_DIR / f"{stem}-{what}.pdf"
    with Store.open(path, readonly=True) as store:
        return [printing.render(store, what, target)]

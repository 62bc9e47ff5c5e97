"""Slow work the TUI hands to worker threads: backups, exports, printouts.

Each job opens the file again, read-only, in its own thread (a WAL reader sees every capture
committed so far and never blocks the capture line's writes), and returns what it wrote.
No Textual here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from workshop.file import access as files
from workshop.file import backup, outputs
from workshop.file.store import Store

EXPORT_FORMATS = ("csv", "json", "kumu")
EXPORTS_DIR = Path("exports")


def make_backup(path: Path, folder: Path | None = None, keep: int = backup.KEEP) -> Done:
    """An automatic backup into `folder` (FILE.backups/ unless the facilitator chose one),
    keeping the newest `keep` of them."""
    folder = folder or files.backups_dir(path)
    with Store.open(path, readonly=True) as store:
        made = backup.backup(store, folder, auto=True)
    backup.rotate(folder, keep)
    return Done([made])


@outputs.recorded("export")
def export(path: Path, fmt: str, anonymise: bool = False) -> Done:
    """The same files `workshop export FILE --format FMT` writes, in exports/."""
    from workshop.exchange import kumu, tables

    stem = path.name.removesuffix(".wijk") or "wijk"
    suffix = "-anoniem" if anonymise else ""
    with Store.open(path, readonly=True) as store:
        if fmt == "json":
            target = EXPORTS_DIR / f"{stem}{suffix}.json"
            tables.export_json(store, target, anonymise=anonymise)
            return Done([target])
        folder = EXPORTS_DIR / f"{stem}{suffix}-{fmt}"
        if fmt == "csv":
            return Done(tables.export_csv(store, folder, anonymise=anonymise))
        if fmt == "kumu":
            return Done(kumu.export_kumu(store, folder, anonymise=anonymise))
    raise ValueError(fmt)


# What can be printed from the palette, and the library function that prints it. Blank cards
# are left out on purpose: they reserve card numbers in a write transaction that lasts as long
# as the PDF takes, and capture must not wait for that (print them before the session with
# `workshop print blank-cards`).
PRINTERS = {  # what -> (module, function, the CLI's default paper, name in printouts/)
    "cards": ("workshop.printing.cards.build", "print_cards", None, "cards"),
    "map": ("workshop.printing.maps.build", "print_map", "A3", "map-A3"),
    "result-map": ("workshop.printing.maps.build", "print_result_map", "A3", "result-map-A3"),
    "network": ("workshop.printing.network", "print_network", "A3", "network-A3"),
    "summary": ("workshop.printing.summary.build", "print_summary", "A4", "summary"),
}


@dataclass
class Done:
    paths: list[Path]
    notices: list[str] = field(default_factory=list)


def printable() -> list[str]:
    """The printouts the palette offers, in the order of the menu."""
    return list(PRINTERS)


@outputs.recorded("print")
def print_out(path: Path, what: str) -> Done:
    """The PDF `workshop print WHAT FILE` makes, where it makes it (printouts/)."""
    from workshop.printing import templates
    from workshop.printing.sheet import default_output

    module, function, paper, kind = PRINTERS[what]
    printer = getattr(importlib.import_module(module), function)
    options = {"paper": paper} if paper else {}
    with Store.open(path, readonly=True) as store:
        result = printer(store, default_output(path, kind), templates.load(), **options)
    return Done([Path(result.path)], list(result.notices))

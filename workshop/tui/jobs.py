"""Slow work the TUI hands to worker threads: backups, exports, printouts.

Each job opens the file again in its own thread (read-only where it only reads: a WAL reader
sees every capture committed so far and never blocks the capture line's writes) and returns
what it wrote. Exports and printouts go through the same `exchange.export` and printing table
as `workshop export` and `workshop print`, so they write the same files under the same names,
and are recorded in the file the same way. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workshop.exchange import FORMATS
from workshop.file import access as files
from workshop.file import backup
from workshop.file.store import Store
from workshop.i18n import t
from workshop.printing.table import PRINTOUTS

EXPORT_FORMATS = tuple(FORMATS)  # F9 and the palette offer every format the CLI has


@dataclass
class Done:
    paths: list[Path]
    notices: list[str] = field(default_factory=list)


def make_backup(path: Path, folder: Path | None = None, keep: int = backup.KEEP) -> Done:
    """An automatic backup into `folder` (FILE.backups/ unless the facilitator chose one),
    keeping the newest `keep` of them."""
    folder = folder or files.backups_dir(path)
    with Store.open(path, readonly=True) as store:
        made = backup.backup(store, folder, auto=True)
    backup.rotate(folder, keep)
    return Done([made])


def export(path: Path, fmt: str, anonymise: bool = False, delimiter: str = ",") -> Done:
    """The files `workshop export FILE --format FMT [--anonymise] [--delimiter D]` writes."""
    from workshop import exchange

    with Store.open(path, readonly=True) as store:
        return Done(exchange.export(store, fmt, anonymise=anonymise, delimiter=delimiter))


def printable() -> list[str]:
    """The printouts F8 and the palette offer, in the order of the menu: all the CLI has."""
    return list(PRINTOUTS)


def print_out(path: Path, what: str, lang: str | None = None) -> Done:
    """The PDF `workshop print WHAT FILE` makes, where it makes it (printouts/), with the
    CLI's defaults. Blank cards reserve their numbers in the file: that job opens it for
    writing, and a capture made while their PDF is drawn waits for it (a fraction of a second
    for 40 cards; the reservation and the PDF stand or fall together).

    A text that lost characters (no font has them, so they print as `?`) is one warning each,
    in `lang` (the screen's; the file's if None), as `workshop print` names it: F8 has no exit
    code to refuse with, so the PDF stands and the warning says which names to check."""
    from workshop.printing.table import print_out as print_one

    printout = PRINTOUTS[what]
    readonly = not printout.writes
    if printout.writes_if_it_can:  # a read-only stick: the map prints, without its record
        why = files.why_unwritable(path)
        readonly = why is not None and why.key != "disk_full"
    with Store.open(path, readonly=readonly) as store:
        result = print_one(store, what)
        lang = lang or store.lang
    lost = [
        t("print_missing_in", lang, printout=result.path.name, text=text, chars=_chars(chars))
        for text, chars in sorted(result.lost.items())
    ]
    return Done([Path(result.path)], [*result.notices, *lost])


def set_field(
    path: Path, session_id: str | None, records: list[tuple[str, str]], name: str, value: str
) -> int:
    """The lists' Ctrl+E (`capture.bulk.set_field`) on a connection of its own, so that the
    screen keeps drawing while 10,000 rows are written (a second or so); the undo step goes
    into the session the screen captures into, and a capture made meanwhile waits for it."""
    from workshop.capture import bulk

    with Store.open(path) as store:
        store.session_id = session_id
        return bulk.set_field(store, records, name, value)


def _chars(chars: set[str]) -> str:
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(chars))


@dataclass
class Scanned:
    lines: list[str]  # the report, as `workshop scan` prints it, in the screen's language
    written: bool  # the records were set (one step: Ctrl+Z takes it back)
    placed: int  # stickers whose record was set
    found: int  # stickers found
    cards: int = 0  # card photos kept (outside the undo step)


def scan(path: Path, photos: list[Path], lang: str, *, overwrite: bool = False) -> Scanned:
    """What `workshop scan FILE PHOTO...` does, in its own connection: the records set in
    one undoable step, and the report. A photo that cannot be used raises its one line and
    nothing is written. The facilitator's own screen: names as typed."""
    from workshop.paper import report, scan

    with Store.open(path) as store:
        done = scan.scan(store, photos, overwrite=overwrite)
        lines = report.report_lines(done, lang, file=str(path), total=False)
        return Scanned(
            lines, done.written, len(done.placed), len(done.outcomes), len(done.attached)
        )

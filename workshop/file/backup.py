"""Backups of a neighbourhood file: consistent copies, and a rotation that keeps the newest.

    backup(store)                   -> kersenbuurt.wijk.backups/kersenbuurt-20261126-203015.wijk
    backup(store, auto=True)        -> .../kersenbuurt-auto-20261126-203515.wijk
    rotate(folder, keep=10)         removes all but the 10 newest automatic copies

A copy goes through SQLite's backup API, so it is consistent even while captures are being
written, and it is a single file (no -wal) readable by its owner only. Rotation only ever
removes copies this module made automatically: a copy asked for by hand, and the copy kept
before a schema migration, stay until a person removes them.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

from workshop.file import access as files
from workshop.file import outputs
from workshop.file.store import Store
from workshop.i18n import UserError

AUTO_MARK = "auto"
KEEP = 10
_AUTO_NAME = re.compile(r"-auto-\d{8}-\d{6}(-\d+)?\.wijk$")


def backup(store: Store, folder: Path | None = None, *, auto: bool = False) -> Path:
    """A consistent copy of the store's file in `folder` (default FILE.backups/)."""
    folder = Path(folder) if folder is not None else files.backups_dir(store.path)
    stem = store.path.name.removesuffix(".wijk") or "wijk"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{stem}-{AUTO_MARK}-{stamp}" if auto else f"{stem}-{stamp}"
    number = 1
    while True:  # two copies within one second get -2, -3, ... (also when made at once)
        target = folder / (f"{base}.wijk" if number == 1 else f"{base}-{number}.wijk")
        number += 1
        if target.exists():
            continue
        try:
            return outputs.record_backup(store, store.backup(target))
        except UserError as exc:
            if exc.key != "file_exists":
                raise


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic copies in `folder`, oldest first."""
    if not Path(folder).is_dir():
        return []
    found = [p for p in Path(folder).iterdir() if p.is_file() and _AUTO_NAME.search(p.name)]
    return sorted(found, key=lambda p: _order_key(p.name))


def _order_key(name: str) -> tuple[str, int]:
    m = re.search(r"(\d{8}-\d{6})(?:-(\d+))?\.wijk$", name)
    return (m.group(1), int(m.group(2) or 1)) if m else (name, 0)


def rotate(folder: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the `keep` newest automatic copies that are whole; returns what was
    removed. A copy that is not whole never counts towards `keep`, so no good copy goes to make
    room for it; an empty or non-SQLite one is removed (nothing can be had from it), a cut-off
    one is left for a person to look at. Leftover partial copies of a crash go too."""
    folder = Path(folder)
    copies = automatic_backups(folder)
    sound = [p for p in copies if files.is_sound_copy(p)]
    doomed = sound[:-keep] if keep > 0 else sound
    doomed += [p for p in copies if p not in sound and _holds_nothing(p)]
    if folder.is_dir():
        cutoff = time.time() - STALE_PART_SECONDS
        doomed += [
            p
            for p in folder.glob(f".*{files.PART_SUFFIX}")
            if p.is_file() and p.stat().st_mtime < cutoff
        ]
    for path in doomed:
        files.remove_with_sidecars(path)
    return doomed


STALE_PART_SECONDS = 3600  # a partial copy older than this belongs to no running backup


def _holds_nothing(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return not fh.read(16).startswith(files.SQLITE_MAGIC)
    except OSError:
        return False


def latest(folder: Path) -> Path | None:
    """The newest whole copy of any kind in `folder`, for "last backup 3 min ago"."""
    if not Path(folder).is_dir():
        return None
    copies = [
        p
        for p in Path(folder).iterdir()
        if p.is_file() and p.suffix == ".wijk" and files.is_sound_copy(p)
    ]
    return max(copies, key=lambda p: p.stat().st_mtime, default=None)

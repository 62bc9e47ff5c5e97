"""Where the program's outputs go and how they are written: one place for both front ends.

    atomic_output(path, "wb")           # a temporary file next to `path`, moved in when complete
    file_stem(Path("austerlitz.wijk"))  # -> "austerlitz": what every output is named after
    printout_path(file, "map-A3")       # -> printouts/austerlitz-map-A3.pdf
    export_file(file, ".json")          # -> exports/austerlitz.json
    export_folder(file, "csv")          # -> exports/austerlitz-csv/
    with collector_paused(): ...        # an output's many short-lived objects, no cycle search

The CLI's names are the contract (PRODUCT.md §5); the TUI writes the same names, so a file
written from F8 or F9 is the file `workshop print` or `workshop export` would have written.
The record of what was written lives in the file itself (`workshop.file.outputs`).

Foundation: imports only `workshop.i18n` (for the one message a failed write gives).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from workshop.i18n import UserError

PRINTOUTS_DIR = Path("printouts")  # relative: the folder the facilitator works in
EXPORTS_DIR = Path("exports")
FILE_SUFFIX = ".wijk"


def file_stem(store_path: str | Path) -> str:
    """The neighbourhood file's name without `.wijk` (`wijk` for a file named just that)."""
    return Path(store_path).name.removesuffix(FILE_SUFFIX) or "wijk"


def printout_path(store_path: str | Path, kind: str) -> Path:
    """printouts/STEM-KIND.pdf: where `workshop print` writes without -o."""
    return PRINTOUTS_DIR / f"{file_stem(store_path)}-{kind}.pdf"


def export_file(store_path: str | Path, suffix: str) -> Path:
    """exports/STEM.SUFFIX: a single-file export without -o (anonymised or not: one name)."""
    return EXPORTS_DIR / f"{file_stem(store_path)}{suffix}"


def export_folder(store_path: str | Path, fmt: str) -> Path:
    """exports/STEM-FMT/: the folder of a several-file export (csv, kumu) without -o."""
    return EXPORTS_DIR / f"{file_stem(store_path)}-{fmt}"


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "w", **kwargs) -> Iterator:
    """Write to a temporary file next to `path` and move it into place only when complete: a
    failure on the way (a full disk, a bug, Ctrl+C) leaves no half file behind."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", dir=path.parent)
    except OSError as exc:
        raise unwritable(path, exc) from None
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise unwritable(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def unwritable(path: Path, exc: OSError) -> UserError:
    """What a failed write of `path` says: a folder on the way that is a file is named ("-o
    d.wijk/site.db": the system would say "File exists" or "Not a directory"), anything
    else as the system gives it."""
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        blocking = next((p for p in Path(path).parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return UserError("output_under_file", path=str(path), file=str(blocking))
    return UserError("output_unwritable", path=str(path), detail=exc.strerror or str(exc))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while an output builds its hundreds of thousands of
    short-lived objects (records, cells, elements, measures; hardly any in a cycle): at city
    scale it ran some 800 times during one workbook, a sixth of the export's CPU time (a
    seventh of a CSV or GraphML export's; in `workshop connectors` for 5,000 actors 0.38 s,
    0.16 s with the pause).
    On again afterwards if it was on, also after an error; the memory used stays the same
    (121 MB at most for the city's workbook, with or without)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

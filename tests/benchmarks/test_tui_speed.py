"""How fast the TUI is, measured in a real terminal (a pty), with a file of 10,000 captures.

    python -m pytest tests/benchmarks/test_tui_speed.py -s

Prints, per figure, the median (and the spread) of several runs:
- `workshop run FILE` to the first frame with the cursor in the line (the placeholder drawn);
- a keystroke in the capture line to the repaint of the line's preview;
- Enter on a line to *opgeslagen* with its summary on the screen;
- F3 to the places list drawn (10,000 places... of 10,000 captures: 4,000 places);
- the pieces behind a keystroke, in-process: parsing, the preview, the completions.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.tui.conftest import WORDS
from workshop.capture.record import record
from workshop.file.store import Store

ROOT = Path(__file__).resolve().parents[2]
CAPTURES = 10_000


def build_file(path: Path) -> Path:
    """10,000 captures: places, initiatives, actors, ties and notes, as a long evening (or a
    whole municipality) would leave them."""
    store = Store.create(path, name="Benchmarkwijk", municipality="Zuiderveen")
    kinds = ["buurthuis", "school", "park", "winkel", "speeltuin", "cafe", "bieb", "zorg"]
    lines = []
    for i in range(4000):
        lines.append(f'p "Plek {i:05d}" #{kinds[i % 8]} @{"ABCDEFGH"[i % 8]}{i % 6 + 1}')
    for i in range(2000):
        lines.append(f'persoon "Bewoner {i:05d}" #bewoner !{i % 6}')
    for i in range(2000):
        lines.append(f'i "Initiatief {i:05d}" #opwek @C{i % 6 + 1} +"Bewoner {i:05d}"')
    for i in range(1500):
        lines.append(f'"Bewoner {i:05d}" -> "Bewoner {(i * 7 + 1) % 2000:05d}" #kent')
    for i in range(500):
        lines.append(f'n "Opmerking {i}" ~Plek {i:05d}')
    assert len(lines) == CAPTURES
    for start in range(0, len(lines), 1000):
        record(store, lines[start : start + 1000])
    store.close()
    return path


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    return build_file(tmp_path_factory.mktemp("bench") / "groot.wijk")


class Terminal:
    """`workshop run` in a pseudo-terminal of a given size, read as a terminal would."""

    def __init__(self, args: list[str], size=(80, 24)) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TERM": "xterm-256color",
            "COLUMNS": str(size[0]),
            "LINES": str(size[1]),
        }
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.execvpe(args[0], args, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.seen = b""

    def wait_for(self, needle: str, timeout: float = 20.0) -> float:
        """Seconds until `needle` has been drawn (read since the last call)."""
        start = time.perf_counter()
        wanted = needle.encode()
        self.seen = b""
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    break
                if wanted in self.seen:
                    return time.perf_counter() - start
        raise AssertionError(f"{needle!r} not drawn within {timeout} s")

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def _workshop() -> str:
    return shutil.which("workshop") or str(Path(sys.executable).with_name("workshop"))


def _report(name: str, values: list[float], unit: str = "ms", scale: float = 1000) -> None:
    v = sorted(x * scale for x in values)
    digits = 2 if unit == "s" else 1
    print(
        f"\n{name}: median {statistics.median(v):.{digits}f} {unit}, "
        f"min {v[0]:.{digits}f}, max {v[-1]:.{digits}f} ({len(v)} runs)"
    )


BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Input
class Bare(App):
    def compose(self):
        yield Input(placeholder="bare app ready")
        yield Footer()
Bare().run()
"""


def test_start_to_first_frame(big_file: Path) -> None:
    """Also a bare Textual app (an Input and a Footer) in the same harness, to read the
    figure against what this machine gives Textual itself."""
    for name, args, needle in (
        ("bare Textual app to first frame", [sys.executable, "-c", BARE_APP], "app ready"),
        (
            "workshop run to first frame (10,000 captures)",
            [_workshop(), "run", str(big_file)],
            "hoe schrijf je het",
        ),
    ):
        times = []
        for _ in range(5):
            term = Terminal(args)
            try:
                term.wait_for(needle)
                times.append(time.perf_counter() - term.started)
            finally:
                term.close()
        _report(name, times, "s", 1)


# At 160 columns the map is beside the line: a keystroke may highlight a cell, a save reads
# the map again (in a worker thread).
SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])


@SIZES
def test_keystroke_to_preview(big_file: Path, size) -> None:
    term = Terminal([_workshop(), "run", str(big_file)], size)
    try:
        term.wait_for("hoe schrijf je het")
        time.sleep(2.5)  # past the warm-up imports
        term.send("p Plek 0")
        term.wait_for("Plek · Plek 0")
        times = []
        typed = "Plek 0"
        for char in "1234abcdefghijklmnopqrstuvwxyz":
            typed += char
            term.send(char)
            times.append(term.wait_for(f"Plek · {typed}"))
        _report(f"keystroke to repaint of line and preview (10,000 captures, {size})", times)
    finally:
        term.close()


@SIZES
def test_enter_to_saved(big_file: Path, tmp_path: Path, size) -> None:
    copy = tmp_path / big_file.name  # the captures stay out of the other figures' file
    shutil.copyfile(big_file, copy)
    term = Terminal([_workshop(), "run", str(copy)], size)
    try:
        term.wait_for("hoe schrijf je het")
        time.sleep(2.5)  # past the warm-up imports
        times = []
        for name in WORDS[:30]:  # names that are not near-duplicates (that would ask)
            term.send(f"p {name} @C4")
            term.wait_for(f"Plek · {name} · C4")
            term.send("\r")
            times.append(term.wait_for(f"opgeslagen: Plek · {name}"))
        _report(f"Enter to 'opgeslagen' on the screen (10,000 captures, {size})", times)
    finally:
        term.close()


def test_open_places_list(big_file: Path) -> None:
    first, again = [], []
    for _ in range(3):
        term = Terminal([_workshop(), "run", str(big_file)])
        try:
            term.wait_for("hoe schrijf je het")
            time.sleep(2.5)  # past the warm-up imports
            term.send("\x1b[13~")  # F3
            first.append(term.wait_for("Plek 00000"))
            for _ in range(3):  # a capture, then the list again: it is read anew
                term.send("\x1bOQ")  # F2
                term.wait_for("Laatst vastgelegd")
                term.send("p Nieuw\r")
                term.wait_for("opgeslagen")
                term.send("\x1b[13~")
                again.append(term.wait_for("Plek 00000"))
        finally:
            term.close()
    _report("F3 to the places list drawn, first time (4,000 places, 10,000 captures)", first)
    _report("F3 to the places list drawn, after a capture", again)
    with Store.open(big_file, readonly=True) as store:
        from workshop.tui import queries

        reads = []
        for _ in range(5):
            start = time.perf_counter()
            queries.rows(store, "place", "nl")
            reads.append(time.perf_counter() - start)
    _report("reading the whole places list (in the worker thread)", reads)


def test_keystroke_work_in_process(big_file: Path) -> None:
    """What the capture screen does per keystroke, without the terminal."""
    from workshop.capture.grammar import parse
    from workshop.capture.record import plan
    from workshop.tui.completion import complete

    with Store.open(big_file) as store:
        names = lambda p, t, n: [x for _, x in store.complete(p, tuple(t), n)]  # noqa: E731
        lines = [f'i "Initiatief 0{i}" #opwek @C4 +"Bewoner 0{i}' for i in range(200)]
        timings = []
        for line in lines:
            start = time.perf_counter()
            plan(store, parse(line + '"', store.context())).text("nl")  # the preview
            complete(line, names, store.context())
            store.find("initiative", "Initiatief 0")
            timings.append(time.perf_counter() - start)
        _report("parse + preview + completion per keystroke", timings)

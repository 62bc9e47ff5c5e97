"""After an evening: Ctrl+Q of the TUI and of the wall (or Ctrl+C of `wall --serve`) leaves
no process holding the file and no -wal, and the .wijk alone (as copied to a USB stick) holds
every capture, even while the wall still reads it. Real terminals (tmux), real processes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.test_wall_serve import eventually, holders
from workshop.capture.record import record
from workshop.file.store import Store

ROOT = Path(__file__).resolve().parents[2]
LINES = ['p "Buurthuis De Kuil" #buurthuis @C4', "p Bibliotheek #bieb @B2", "p Speeltuin @E5"]


def sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def places_in_copy_of(path: Path, tmp_path: Path) -> list[str]:
    """What a copy of the .wijk alone holds (no -wal beside it)."""
    copy = tmp_path / "usb" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM place ORDER BY rowid")]
    finally:
        conn.close()
        shutil.rmtree(copy.parent)


def test_a_writer_closing_under_a_reader_leaves_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "k.wijk"
    Store.create(path, name="K").close()
    writer = Store.open(path)
    wall = Store.open(path, readonly=True)
    record(writer, LINES)
    assert wall.count("place") == 3
    writer.close()  # the TUI quits while the wall still shows the file
    assert places_in_copy_of(path, tmp_path) == ["Buurthuis De Kuil", "Bibliotheek", "Speeltuin"]
    wall.close()  # the last one out: a read-only reader
    assert sidecars(path) == []


def test_a_reader_alone_leaves_no_wal(tmp_path: Path) -> None:
    path = tmp_path / "k.wijk"
    Store.create(path, name="K").close()
    with Store.open(path, readonly=True) as reader:
        reader.count("place")
    assert sidecars(path) == []


class Tmux:
    def __init__(self, name: str) -> None:
        self.args = ["tmux", "-L", name, "-f", "/dev/null"]

    def __call__(self, *args: str) -> str:
        return subprocess.run(
            [*self.args, *args], capture_output=True, text=True, check=True
        ).stdout

    def start(self, name: str, command: str) -> int:
        self("new-session", "-d", "-s", name, "-x", "100", "-y", "30", command)
        return int(self("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])

    def shows(self, name: str, text: str) -> bool:
        try:
            return text in self("capture-pane", "-p", "-t", name)
        except subprocess.CalledProcessError:
            return False


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie of tmux's is gone for our purposes
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_after_ctrl_q_of_the_tui_and_the_wall_nothing_holds_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kersenbuurt.wijk"
    Store.create(path, name="De Kersenbuurt").close()
    tmux = Tmux(f"workshop-wall-test-{os.getpid()}")
    prefix = f"cd {tmp_path} && exec env PYTHONPATH={ROOT} TERM=xterm-256color {sys.executable}"
    try:
        tui = tmux.start("app", f"{prefix} -m workshop run {path}")
        assert eventually(lambda: tmux.shows("app", "hoe schrijf je het"), 30)
        wall = tmux.start("wall", f"{prefix} -m workshop wall {path}")
        assert eventually(lambda: tmux.shows("wall", "Nog niets vastgelegd"), 30)
        for line in LINES:
            tmux("send-keys", "-t", "app", "-l", line)
            tmux("send-keys", "-t", "app", "Enter")
        assert eventually(lambda: tmux.shows("wall", "Speeltuin"), 30)
        tmux("send-keys", "-t", "app", "C-q")
        assert eventually(lambda: _gone(tui), 20), "the TUI did not end"
        # The wall still reads the file; a copy of the .wijk alone already has everything.
        assert places_in_copy_of(path, tmp_path) == [
            "Buurthuis De Kuil",
            "Bibliotheek",
            "Speeltuin",
        ]
        tmux("send-keys", "-t", "wall", "C-q")
        assert eventually(lambda: _gone(wall), 20), "the wall did not end"
    finally:
        subprocess.run([*tmux.args, "kill-server"], capture_output=True)
    assert eventually(lambda: holders(path) == [])
    assert sidecars(path) == []

"""An evening in a real terminal at 80x24 (tmux): about fifty captures, typed, pasted (several
lines at once), with Tab, the F-keys and typing on every screen; the file ends with exactly
the captures typed, nothing else (issue 10, done when)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.tui.conftest import WORDS
from tests.tui.test_real_terminal import Tmux
from workshop.file.store import Store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def _saved(tmux: Tmux, name: str) -> None:
    tmux.wait_for(f"opgeslagen: Plek · {name}"[:60])


def test_fifty_captures_with_pastes_tab_and_every_screen(tmp_path: Path) -> None:
    path = tmp_path / "avond.wijk"
    Store.create(path, name="De Avondwijk").close()
    tmux = Tmux(f"workshop-evening-{os.getpid()}")
    command = (
        f"cd {tmp_path} && exec env PYTHONPATH={ROOT} TERM=xterm-256color "
        f"XDG_STATE_HOME={tmp_path / 'state'} {sys.executable} -m workshop run {path}"
    )
    tmux("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command)
    typed: list[str] = []

    def keys(*names: str) -> None:
        tmux("send-keys", "-t", "app", *names)

    def type_and_save(name: str, cell: str) -> None:
        tmux("send-keys", "-t", "app", "-l", f"p {name} @{cell}")
        keys("Enter")
        _saved(tmux, name)
        typed.append(name)

    try:
        tmux.wait_for("hoe schrijf je het")
        cells = [f"{c}{r}" for c in "ABCDEFGH" for r in range(1, 7)]
        names = iter(WORDS)
        n = 0
        for round_ in range(6):
            for _ in range(4):  # typed, with a Tab on the empty line before each
                keys("Tab")
                type_and_save(next(names), cells[n % len(cells)])
                n += 1
            # a paste of three lines: each offered in turn, each saved with its own Enter
            pasted = [next(names) for _ in range(3)]
            tmux("set-buffer", "\n".join(f"p {name} @A1" for name in pasted) + "\n")
            tmux("paste-buffer", "-p", "-t", "app")
            tmux.wait_for("nog 2 regels")
            for name in pasted:
                keys("Enter")
                _saved(tmux, name)
                typed.append(name)
            # every other screen: text typed there lands in the capture line
            screen = ("F3", "F4", "F5", "F6")[round_ % 4]
            keys(screen)
            time.sleep(0.5)
            name = next(names)
            tmux("send-keys", "-t", "app", "-l", f"p {name} @B2")
            keys("Enter")
            _saved(tmux, name)
            typed.append(name)
            keys("F2")
        keys("C-q")
        deadline = time.monotonic() + 20  # Ctrl+Q: the app (and with it tmux) ends
        while (
            time.monotonic() < deadline
            and subprocess.run(
                [*tmux.args, "has-session", "-t", "app"], capture_output=True
            ).returncode
            == 0
        ):
            time.sleep(0.2)
    finally:
        subprocess.run([*tmux.args, "kill-server"], capture_output=True)
    assert len(typed) >= 40
    with Store.open(path) as store:
        assert sorted(r["name"] for r in store.rows("place")) == sorted(typed)
        assert store.count("history") == len(typed)
        for table in ("initiative", "actor", "note", "tie", "participant"):
            assert store.count(table) == 0, table

"""The app in a real terminal (tmux): what the screen shows as saved survives `kill -9`."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop.capture.grammar import parse
from workshop.capture.record import describe
from workshop.file.check import check_file
from workshop.file.store import Store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Tmux:
    def __init__(self, name: str) -> None:
        self.args = ["tmux", "-L", name, "-f", "/dev/null"]

    def __call__(self, *args: str) -> str:
        return subprocess.run(
            [*self.args, *args], capture_output=True, text=True, check=True
        ).stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never shown; the screen:\n{self.screen()}")


def test_a_capture_shown_as_saved_survives_kill_9(tmp_path: Path) -> None:
    path = tmp_path / "kersenbuurt.wijk"
    Store.create(path, name="De Kersenbuurt").close()
    tmux = Tmux(f"workshop-test-{os.getpid()}")
    command = (
        f"cd {tmp_path} && exec env PYTHONPATH={ROOT} TERM=xterm-256color "
        f"{sys.executable} -m workshop run {path}"
    )
    tmux("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command)
    try:
        tmux.wait_for("hoe schrijf je het")
        pid = int(tmux("list-panes", "-t", "app", "-F", "#{pane_pid}").split()[0])
        lines = [
            'p "Buurthuis De Kuil" #buurthuis @C4',
            'i "Zon op ons dak" #opwek @D2 +"Dokter de Vries"',
            "p [bold]Café[/] <b> & 'Hoekje' @F5",
        ]
        for line in lines:
            tmux("send-keys", "-t", "app", "-l", line)
            tmux("send-keys", "-t", "app", "Enter")
            saved = "opgeslagen: " + describe(parse(line), "nl")
            screen = tmux.wait_for(saved[:70])
        assert "[bold]Café[/] <b> & 'Hoekje'" in screen  # shown exactly as typed
        # Two lines (and a typo put right) in one burst, as a fast typist or scanner sends.
        tmux("send-keys", "-t", "app", "-l", "p Een @A1\rp Tweex\x7f @B2\r")
        tmux.wait_for("opgeslagen: Plek · Twee · B2")
        os.kill(pid, signal.SIGKILL)  # the moment the screen said "saved"
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
    finally:
        subprocess.run([*tmux.args, "kill-server"], capture_output=True)
    report = check_file(path)
    assert report.ok, report.findings
    with Store.open(path) as store:
        assert [r["name"] for r in store.rows("place", order="name")] == [
            "Buurthuis De Kuil",
            "Een",
            "Twee",
            "[bold]Café[/] <b> & 'Hoekje'",
        ]
        assert store.find("initiative", "Zon op ons dak")[0]["cell"] == "D2"
        assert store.find("actor", "Dokter de Vries")
        assert store.count("session") == 1

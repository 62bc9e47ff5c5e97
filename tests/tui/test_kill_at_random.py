"""Kill -9 the app at random moments of a scripted session in a real terminal: every capture
the screen showed as saved is in the file, the file is sound, and what is in it is exactly the
first captures of the script, each one whole (an initiative never without its actor)."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop.file.check import check_file
from workshop.file.store import Store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

SCRIPT = [
    line
    for i in range(200)
    for line in (
        f"p K{i:03d} #park @B2",
        f"i J{i:03d} #opwek +P{i:03d}",
    )
]
# A capture shown as saved: the "opgeslagen:" line or a row of the feed ("21:37  Plek · ..."),
# never the preview of what Enter would make.
SHOWN = re.compile(
    r"^(?:\s*opgeslagen: |\s*\d\d:\d\d\s+)"
    r"(?:Plek · (K\d{3})|Initiatief · (J\d{3}))",
    re.MULTILINE,
)


def tmux(server: str, *args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", server, "-f", "/dev/null", *args], capture_output=True, text=True, check=True
    ).stdout


def wait_until_gone(pid: int) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_at_a_random_moment(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "wijk.wijk"
    Store.create(path, name="Wijk").close()
    server = f"workshop-kill-{os.getpid()}-{seed}"
    command = (
        f"cd {tmp_path} && exec env PYTHONPATH={ROOT} TERM=xterm-256color "
        f"{sys.executable} -m workshop run {path}"
    )
    tmux(server, "new-session", "-d", "-s", "app", "-x", "100", "-y", "40", command)
    seen: set[str] = set()
    try:
        deadline = time.monotonic() + 20
        while "hoe schrijf je het" not in tmux(server, "capture-pane", "-p", "-t", "app"):
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.05)
        pid = int(tmux(server, "list-panes", "-t", "app", "-F", "#{pane_pid}").split()[0])
        # The random moment counts from the first capture the screen shows as saved, so that
        # a slow first save on a busy machine cannot make the kill come before any capture.
        after = rng.uniform(0.0, 2.2)
        kill_at = None
        for line in SCRIPT:
            tmux(server, "send-keys", "-t", "app", "-l", line)
            tmux(server, "send-keys", "-t", "app", "Enter")
            for match in SHOWN.finditer(tmux(server, "capture-pane", "-p", "-t", "app")):
                seen.add(match.group(1) or match.group(2))
            if kill_at is None and seen:
                kill_at = time.monotonic() + after
            if kill_at is not None and time.monotonic() >= kill_at:
                break
        os.kill(pid, signal.SIGKILL)
        wait_until_gone(pid)
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], capture_output=True)

    assert seen, "nothing was shown as saved before the kill"
    report = check_file(path)
    assert report.ok, report.findings
    with Store.open(path) as store:
        places = {r["name"] for r in store.rows("place")}
        initiatives = {r["name"]: r["id"] for r in store.rows("initiative")}
        actors = {r["name"]: r["id"] for r in store.rows("actor")}
        links = {(r["actor_id"], r["initiative_id"]) for r in store.rows("actor_initiative")}
    assert seen <= places | set(initiatives)
    # Exactly a prefix of the script, each capture whole.
    names_in_order = [
        f"K{i:03d}" if n % 2 == 0 else f"J{i:03d}"
        for n, i in ((n, n // 2) for n in range(len(SCRIPT)))
    ]
    saved = places | set(initiatives)
    count = len(saved)
    assert set(names_in_order[:count]) == saved
    for name, initiative_id in initiatives.items():
        actor = "P" + name[1:]
        assert (actors[actor], initiative_id) in links
    assert set(actors) == {"P" + name[1:] for name in initiatives}

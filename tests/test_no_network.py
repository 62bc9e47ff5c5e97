"""The program never opens a network connection: every command runs under an audit hook that
fails on any internet socket, DNS lookup or connect."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GUARD = r"""
import socket, sys
def guard(event, args):
    if event == "socket.__new__" and args[1] in (socket.AF_INET, socket.AF_INET6):
        raise SystemExit("NETWORK: internet socket opened")
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.connect",
                 "socket.sendto", "urllib.Request"):
        if event == "socket.connect" and isinstance(args[1], str):
            return  # a Unix socket (asyncio's self-pipe) is not the network
        raise SystemExit(f"NETWORK: {event} {args[1:]!r}")
sys.addaudithook(guard)
from workshop.cli import cli
cli(sys.argv[1:], prog_name="workshop")
"""


def run(args: list[str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKSHOP_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", GUARD, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


COMMANDS = [
    ["demo", "--no-tui"],
    ["new", "n.wijk", "--name", "N"],
    ["capture", "kersenbuurt.wijk", "p Plek #park @B2", "Jan -> Piet"],
    ["undo", "kersenbuurt.wijk"],
    ["check", "kersenbuurt.wijk"],
    ["export", "kersenbuurt.wijk", "--format", "json"],
    ["export", "kersenbuurt.wijk", "--format", "csv"],
    ["export", "kersenbuurt.wijk", "--format", "kumu"],
    [
        "import",
        "kersenbuurt.wijk",
        "--kumu",
        "exports/kersenbuurt-kumu/elements.csv",
        "exports/kersenbuurt-kumu/connections.csv",
    ],
    ["print", "cards", "kersenbuurt.wijk"],
    ["print", "blank-cards", "kersenbuurt.wijk", "--count", "4"],
    ["print", "map", "kersenbuurt.wijk", "--paper", "A4"],
    ["print", "result-map", "kersenbuurt.wijk"],
    ["forget", "kersenbuurt.wijk", "Fatma Yılmaz", "--yes"],
    ["merge", "kersenbuurt.wijk", "n.wijk"],
]


def test_guard_catches_a_connection(tmp_path: Path) -> None:
    code = GUARD.replace(
        'from workshop.cli import cli\ncli(sys.argv[1:], prog_name="workshop")',
        "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9')",
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "NETWORK" in result.stderr


def test_no_command_touches_the_network(tmp_path: Path) -> None:
    for args in COMMANDS:
        result = run(args, tmp_path)
        assert "NETWORK" not in result.stderr, (args, result.stderr)
        if args[0] != "merge":  # another neighbourhood: refused, which is fine
            assert result.returncode == 0, (args, result.stderr)


@pytest.mark.parametrize("args", [["--help"], ["capture", "--help"]])
def test_help_works_offline(tmp_path: Path, args: list[str]) -> None:
    assert run(args, tmp_path).returncode == 0

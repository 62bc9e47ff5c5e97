"""The wall view (a second reader of the same file) and the TUI's commands."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import Digits, Static

from tests.tui.conftest import text_of
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.tui.wall import WallApp

ROOT = Path(__file__).resolve().parents[2]


def test_wall_follows_the_file_and_names_persons_as_on_paper(filled: Store) -> None:
    reader = Store.open(filled.path, readonly=True)
    app = WallApp(reader)

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert str(app.query_one("#count-place", Digits).value) == "4"
            latest = text_of(app.query_one("#wall-latest", Static))
            assert latest.startswith("▸ Deelnemer · Deelnemer ")  # Anna: internal consent
            assert "Anna" not in latest
            # `workshop run` (here: another connection) captures; the wall catches up.
            record(filled, ['persoon "Ans de Wit" consent:print #bewoner', "p Moskee @F2"])
            deadline = time.monotonic() + 5
            while str(app.query_one("#count-place", Digits).value) != "5":
                assert time.monotonic() < deadline
                await pilot.pause(0.2)
            latest = text_of(app.query_one("#wall-latest", Static))
            assert latest.splitlines()[:2] == [
                "▸ Plek · Moskee · F2",
                "  Actor · Ans de Wit · bewoner",
            ]

    asyncio.run(main())
    reader.close()


def test_run_and_wall_refuse_a_missing_file_in_one_line(tmp_path: Path) -> None:
    for command in ("run", "wall"):
        result = CliRunner().invoke(cli, [command, str(tmp_path / "nergens.wijk")])
        assert result.exit_code == 1
        assert result.output.count("\n") == 1 and "bestaat niet" in result.output


def test_demo_opens_the_tui_on_the_demo_file(tmp_path: Path, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(
        "workshop.tui.app.WorkshopApp.run", lambda self: opened.append(self.store.path)
    )
    result = CliRunner().invoke(cli, ["demo", str(tmp_path / "demo.wijk")])
    assert result.exit_code == 0, result.output
    assert opened == [tmp_path / "demo.wijk"]
    assert "Het scherm voor de live sessie" not in result.output


def test_wall_can_be_served_on_localhost(filled: Store, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workshop",
            "wall",
            str(filled.path),
            "--serve",
            "--port",
            str(port),
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        page = b""
        while time.monotonic() < deadline and b"</html>" not in page:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                    conn.sendall(f"GET / HTTP/1.0\r\nHost: localhost:{port}\r\n\r\n".encode())
                    page = b""
                    while chunk := conn.recv(65536):
                        page += chunk
            except OSError:
                time.sleep(0.3)
        assert page.split(b"\r\n")[0].endswith(b"200 OK"), page[:200]
        name = filled.neighbourhood()["name"]
        assert f"<title>{name} · muur</title>".encode() in page
        # Nothing is fetched from outside, not even a web font (an SVG namespace is no fetch).
        urls = re.findall(rb"https?://[^\s\"'<>]+", page)
        assert [
            u
            for u in urls
            if not u.startswith((b"http://localhost", b"http://www.w3.org/2000/svg"))
        ] == []
    finally:
        server.terminate()
        server.wait(10)


def test_the_wall_follows_a_file_of_an_older_schema(tmp_path: Path) -> None:
    """Opened read-only, an older file is a migrated copy in memory; the wall reads the file
    again when it changes, so it shows what `workshop run` (which migrates it) captures."""
    from tests.file.test_store import _file_of_previous_schema

    path = tmp_path / "oud.wijk"
    _file_of_previous_schema(path)
    app = WallApp(Store.open(path, readonly=True))

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert str(app.query_one("#count-place", Digits).value) == "1"
            with Store.open(path) as writer:
                record(writer, ["p Moskee @F2"])
            deadline = time.monotonic() + 10
            while str(app.query_one("#count-place", Digits).value) != "2":
                assert time.monotonic() < deadline, "the wall kept showing the copy"
                await pilot.pause(0.2)

    asyncio.run(main())
    app.store.close()

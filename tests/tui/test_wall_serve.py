"""`workshop wall FILE --serve` is safe to leave running: only its own host and origin, a cap
on browsers, nothing a browser sends reaches the wall, and no wall outlives its browser or its
server. Real server subprocesses on 127.0.0.1 (a free port), real WebSockets (aiohttp)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from workshop.file.store import Store
from workshop.tui.serve import MAX_SCREENS

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
HANDSHAKE = (
    "GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
    "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    "Sec-WebSocket-Version: 13\r\n{origin}\r\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def eventually(condition, timeout: float = 15.0) -> bool:
    """Poll until `condition()` holds; False if it never did within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return bool(condition())


def walls(path: Path) -> list[int]:
    """The `workshop wall FILE` processes (not the server) showing `path`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"wall" in argv and str(path).encode() in argv and b"--serve" not in argv:
            found.append(int(entry.name))
    return found


def holders(path: Path) -> list[int]:
    """Processes with the file (or its -wal/-shm) open."""
    names = {str(path), f"{path}-wal", f"{path}-shm"}
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if any(os.readlink(fd) in names for fd in (entry / "fd").iterdir()):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def status(
    port: int, path: str = "/", host: str | None = None, origin: str | None = None
) -> tuple[int, bytes]:
    """The status (and body) of a raw request; a WebSocket upgrade when `path` is /ws."""
    host = host or f"127.0.0.1:{port}"
    if path.startswith("/ws"):
        request = HANDSHAKE.format(
            path=path, host=host, origin=f"Origin: {origin}\r\n" if origin else ""
        )
    else:
        request = (
            f"GET {path} HTTP/1.0\r\nHost: {host}\r\n"
            + (f"Origin: {origin}\r\n" if origin else "")
            + "\r\n"
        )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request.encode())
        answer = b""
        # A plain request: until the server closes; an upgrade: until the headers are in.
        while not (path.startswith("/ws") and b"\r\n\r\n" in answer):
            chunk = conn.recv(65536)
            if not chunk:
                break
            answer += chunk
    return int(answer.split(b" ", 2)[1]), answer


@pytest.fixture
def wall_file(tmp_path: Path) -> Path:
    path = tmp_path / "kersenbuurt.wijk"
    Store.create(path, name="De Kersenbuurt").close()
    return path


@pytest.fixture
def server(wall_file: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, int]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop", "wall", str(wall_file), "--serve", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert eventually(lambda: _listening(port), 30), "the server never listened"
        yield process, port
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        for pid in walls(wall_file):  # only if the test failed: leave nothing behind
            os.kill(pid, signal.SIGKILL)


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


DRAINS: set[asyncio.Task] = set()


async def open_wall(port: int, session: aiohttp.ClientSession, *, drain: bool = False, **kwargs):
    """A browser's WebSocket, as the page opens it; returns it after the wall's first frame.
    With `drain`, it goes on reading (and so answering the server's pings) as a browser
    does."""
    ws = await session.ws_connect(
        f"http://127.0.0.1:{port}/ws?width=100&height=30",
        headers={"Origin": f"http://127.0.0.1:{port}"},
        **kwargs,
    )
    message = await ws.receive(timeout=30)
    assert message.type == aiohttp.WSMsgType.BINARY, message
    if drain:
        task = asyncio.create_task(_drain(ws))
        DRAINS.add(task)
        task.add_done_callback(DRAINS.discard)
    return ws


async def _drain(ws) -> None:
    async for _ in ws:
        pass


def run(coroutine):
    return asyncio.run(coroutine)


# --- 1. host, origin, input --------------------------------------------------------------


def test_foreign_hosts_and_origins_get_403_and_start_no_wall(server, wall_file: Path) -> None:
    _, port = server
    ours = f"http://127.0.0.1:{port}"
    assert status(port, "/", host=f"localhost:{port}")[0] == 200
    assert status(port, "/", host=f"[::1]:{port}")[0] == 200
    # DNS rebinding: the attacker's name resolves to 127.0.0.1, the Host header keeps it.
    assert status(port, "/", host=f"evil.example:{port}")[0] == 403
    assert (
        status(port, "/ws", host=f"evil.example:{port}", origin=f"http://evil.example:{port}")[0]
        == 403
    )
    assert status(port, "/", host=f"127.0.0.1:{port + 1}")[0] == 403  # another port
    # A page of another site in the laptop's browser opens a WebSocket to the wall.
    assert status(port, "/ws", origin="http://evil.example")[0] == 403
    assert status(port, "/ws", origin=f"http://localhost:{port}")[0] == 403  # not this Host
    assert status(port, "/ws")[0] == 403  # no Origin: not from a page of the wall
    body = status(port, "/", host=f"evil.example:{port}")[1]
    assert b"Geweigerd" in body
    assert walls(wall_file) == []  # refused before any wall process started
    assert status(port, "/ws", origin=ours)[0] == 101

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            ws = await open_wall(port, session)
            assert len(walls(wall_file)) == 1
            await ws.close()

    run(main())


def test_the_page_names_its_socket_by_the_host_the_browser_used(server) -> None:
    _, port = server
    page = status(port, "/", host=f"localhost:{port}")[1]
    assert f'data-session-websocket-url="ws://localhost:{port}/ws"'.encode() in page
    assert b"fonts.googleapis" not in page


def test_the_page_is_for_the_room_in_the_files_language(tmp_path: Path) -> None:
    """A title with the neighbourhood's name (as text, never markup), Dutch words, and type
    sized to the window (20 rows: 54 px on a 1080p projector) unless ?fontsize= says."""
    path = tmp_path / "k.wijk"
    Store.create(path, name="De <b>Kersen</b>buurt & co").close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop", "wall", str(path), "--serve", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert eventually(lambda: _listening(port), 30)
        page = status(port, "/", host=f"localhost:{port}")[1].decode()
        assert "<title>De &lt;b&gt;Kersen&lt;/b&gt;buurt &amp; co · muur</title>" in page
        assert "<b>Kersen" not in page
        assert "De muur is gestopt." in page and "Session ended" not in page
        assert 'data-font-size=""' in page and "window.innerHeight / 20" in page
        sized = status(port, "/?fontsize=64", host=f"localhost:{port}")[1].decode()
        assert 'data-font-size="64"' in sized
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(15)


def test_keys_mouse_and_paste_from_the_browser_never_reach_the_wall(
    server, wall_file: Path
) -> None:
    _, port = server

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            ws = await open_wall(port, session)
            for keys in (
                "q",
                "\x11",
                "\x03",
                "\x1b[<0;5;5M\x1b[<0;5;5m",
                "\x1b[200~p Geplakt\r\x1b[201~",
            ):
                await ws.send_str(json.dumps(["stdin", keys]))
            await ws.send_str(json.dumps(["focus"]))
            await ws.send_str("not json")
            await ws.send_str(json.dumps(["resize", {"width": 90, "height": 28}]))
            # The wall redraws for the resize, which came after the keys: it is still there.
            message = await ws.receive(timeout=30)
            assert message.type == aiohttp.WSMsgType.BINARY, message
            await ws.send_str(json.dumps(["ping", "x"]))
            while (message := await ws.receive(timeout=30)).type == aiohttp.WSMsgType.BINARY:
                pass
            assert message.type == aiohttp.WSMsgType.TEXT and message.json() == ["pong", "x"]
            assert len(walls(wall_file)) == 1
            await ws.close()

    run(main())


# --- 2. the cap --------------------------------------------------------------------------


def test_at_most_max_screens_browsers_and_the_next_is_told(server, wall_file: Path) -> None:
    _, port = server

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            sockets = [await open_wall(port, session, drain=True) for _ in range(MAX_SCREENS)]
            assert len(walls(wall_file)) == MAX_SCREENS
            code, page = status(port, "/", host=f"localhost:{port}")
            assert code == 503 and b"al open in 4 browsers" in page
            assert status(port, "/ws", origin=f"http://127.0.0.1:{port}")[0] == 503
            assert len(walls(wall_file)) == MAX_SCREENS
            await sockets.pop().close()
            assert await asyncio.to_thread(
                eventually, lambda: status(port, "/", host=f"localhost:{port}")[0] == 200
            )
            for ws in sockets:
                await ws.close()

    run(main())
    assert eventually(lambda: walls(wall_file) == [])


def test_help_states_the_cap() -> None:
    from click.testing import CliRunner

    from workshop.cli import cli

    result = CliRunner().invoke(cli, ["wall", "--help"])
    assert f"At most {MAX_SCREENS} browsers at once" in " ".join(result.output.split())


# --- 3. no runaways ----------------------------------------------------------------------


def test_a_browser_gone_without_a_close_ends_its_wall(server, wall_file: Path) -> None:
    _, port = server

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            ws = await open_wall(port, session)
            assert len(walls(wall_file)) == 1
            # Resizes in flight, then the connection drops without a close frame (a crash).
            for width in range(60, 110, 5):
                await ws.send_str(json.dumps(["resize", {"width": width, "height": 30}]))
            ws._response.connection.transport.abort()

    run(main())
    assert eventually(lambda: walls(wall_file) == [] and holders(wall_file) == []), (
        walls(wall_file),
        holders(wall_file),
    )


def test_a_silent_browser_is_found_dead_by_the_heartbeat(server, wall_file: Path) -> None:
    _, port = server

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            # A sleeping laptop: the connection stays open, nothing answers the pings.
            ws = await open_wall(port, session, autoping=False, heartbeat=None)
            assert len(walls(wall_file)) == 1
            assert await asyncio.to_thread(eventually, lambda: walls(wall_file) == [], 20)
            await ws.close()

    run(main())
    assert eventually(lambda: holders(wall_file) == [])


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_stopping_the_server_ends_every_wall(server, wall_file: Path, how) -> None:
    process, port = server

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            sockets = [await open_wall(port, session, drain=True) for _ in range(2)]
            assert len(walls(wall_file)) == 2
            process.send_signal(how)
            await asyncio.to_thread(process.wait, 20)
            for ws in sockets:
                await ws.close()

    run(main())
    assert eventually(lambda: walls(wall_file) == [] and holders(wall_file) == []), (
        walls(wall_file),
        holders(wall_file),
    )
    assert not Path(f"{wall_file}-wal").exists()


def _driven_wall(path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "COLUMNS": "200",
        "ROWS": "60",
        "TEXTUAL_DRIVER": "workshop.tui.served:ServedDriver",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "workshop", "wall", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )


def _meta(data: dict) -> bytes:
    payload = json.dumps(data).encode()
    return b"M" + len(payload).to_bytes(4, "big") + payload


@pytest.mark.parametrize("ending", ["quit", "sigterm", "end of stdin"])
def test_the_wall_itself_ends_on_quit_sigterm_and_at_the_end_of_its_input(
    wall_file: Path, ending: str
) -> None:
    wall = _driven_wall(wall_file)
    try:
        assert eventually(lambda: holders(wall_file) == [wall.pid], 30)
        assert wall.stdin is not None
        # What made Textual's exit hang (45-97 % CPU, deaf to SIGTERM): a resize arriving
        # together with the quit.
        wall.stdin.write(_meta({"type": "resize", "width": 100, "height": 40}))
        if ending == "quit":
            wall.stdin.write(_meta({"type": "quit"}))
        wall.stdin.flush()
        if ending == "sigterm":
            wall.send_signal(signal.SIGTERM)
        elif ending == "end of stdin":
            wall.stdin.close()
        assert eventually(lambda: wall.poll() is not None, 15), "the wall did not end"
    finally:
        if wall.poll() is None:
            wall.kill()
    assert holders(wall_file) == []

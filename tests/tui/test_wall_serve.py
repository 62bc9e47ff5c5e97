"""`workshop wall FILE --serve`: a web page for the room that follows the file, read-only and
safe to leave running. In-process through aiohttp's test server (a real socket on
127.0.0.1), as a real `workshop wall --serve` subprocess, and in a real headless Chromium
where the system has one."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui import serve
from workshop.tui.serve import MAX_STREAMS, WallSite

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


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


@pytest.fixture
def wall_file(tmp_path: Path) -> Path:
    path = tmp_path / "kersenbuurt.wijk"
    with Store.create(path, name="De <b>Kersen</b>buurt") as store:
        record(
            store,
            [
                'persoon "Jan Jansen" tel:0612345678 consent:geen',
                'persoon "Ans de Wit" consent:print #bewoner',
                "p Buurthuis #buurthuis @C4",
                'n "Bel Jan Jansen op 0612345678 over de soep"',
            ],
        )
    return path


async def _site(path: Path, **kwargs):
    port = free_port()
    site = WallSite(path, port=port, lang="nl", lan=False, contrast=False, title="t", **kwargs)
    server = TestServer(site.app(), host="127.0.0.1", port=port)
    await server.start_server()
    return site, server, f"http://127.0.0.1:{port}"


async def _next_event(response: aiohttp.ClientResponse) -> dict:
    while True:
        line = await asyncio.wait_for(response.content.readline(), 10)
        assert line, "the stream ended"
        if line.startswith(b"data: "):
            return json.loads(line[6:])


# --- what the page shows ----------------------------------------------------------------


def test_the_page_is_the_rooms_in_the_files_language_and_text_is_never_markup(
    wall_file: Path,
) -> None:
    async def main() -> None:
        site, server, url = await _site(wall_file)
        site.title = "De <b>Kersen</b>buurt · muur"
        try:
            async with aiohttp.ClientSession() as http:
                async with http.get(url + "/") as response:
                    assert response.status == 200
                    page = await response.text()
                async with http.get(url + "/state") as response:
                    state = await response.json()
        finally:
            await server.close()
        assert '<html lang="nl">' in page
        assert "<title>De &lt;b&gt;Kersen&lt;/b&gt;buurt · muur</title>" in page
        assert "<b>" not in page  # neither in the title nor in the embedded state
        embedded = re.search(r'id="initial">(.*?)</script>', page, re.S).group(1)
        assert json.loads(embedded)["name"] == "De <b>Kersen</b>buurt"
        assert [label for label, _ in state["counts"]] == [
            "plekken",
            "initiatieven",
            "actoren",
            "verbanden",
        ]
        assert state["cells"] == {"C4": [1, 0, 0]}
        text = json.dumps(state, ensure_ascii=False)
        assert "Ans de Wit" in text  # print consent: the room may see her
        for hidden in ("Jan", "Jansen", "0612345678"):  # consent geen: not even in a note
            assert hidden not in text, text
        # Nothing is fetched from outside (an SVG namespace is no fetch).
        script = (serve.WEB / "wall.js").read_text() + (serve.WEB / "wall.css").read_text()
        urls = re.findall(r"https?://[^\s\"'<>)]+", page + script)
        assert [u for u in urls if u != "http://www.w3.org/2000/svg"] == []

    asyncio.run(main())


def test_a_capture_reaches_every_open_page_within_the_poll(wall_file: Path) -> None:
    async def main() -> None:
        site, server, url = await _site(wall_file)
        try:
            async with (
                aiohttp.ClientSession() as http,
                http.get(url + "/events") as one,
                http.get(url + "/events") as two,
            ):
                assert one.headers["Content-Type"] == "text/event-stream"
                first = await _next_event(one)
                await _next_event(two)
                assert first["counts"][0][1] == 1
                start = time.monotonic()
                with Store.open(wall_file) as writer:  # `workshop run`, another connection
                    record(writer, ["p Moskee #gebedshuis @F2"])
                for response in (one, two):
                    state = await _next_event(response)
                    assert state["counts"][0][1] == 2
                    assert state["latest"][0] == "Plek · Moskee · gebedshuis · F2"
                    assert state["cells"]["F2"] == [1, 0, 0]
                print(f"\ncapture to page: {time.monotonic() - start:.2f} s")
        finally:
            await server.close()

    asyncio.run(main())


def test_read_only_nothing_a_browser_sends_is_taken(wall_file: Path) -> None:
    before = wall_file.read_bytes()

    async def main() -> None:
        site, server, url = await _site(wall_file)
        try:
            async with aiohttp.ClientSession() as http:
                for method in ("POST", "PUT", "DELETE", "PATCH"):
                    async with http.request(method, url + "/state", data="p Plek") as response:
                        assert response.status in (405, 413), (method, response.status)
                async with http.get(url + "/static/../../serve.py") as response:
                    assert response.status in (403, 404)
                async with http.get(url + "/static/") as response:
                    assert response.status in (403, 404)  # no folder listing
        finally:
            await server.close()

    asyncio.run(main())
    with Store.open(wall_file, readonly=True) as store:
        assert store.count("place") == 1
    assert wall_file.read_bytes() == before


def test_at_most_max_streams_and_the_next_is_told(wall_file: Path) -> None:
    async def main() -> None:
        site, server, url = await _site(wall_file)
        try:
            async with aiohttp.ClientSession() as http:
                open_ = [await http.get(url + "/events") for _ in range(MAX_STREAMS)]
                for response in open_:
                    await _next_event(response)
                async with http.get(url + "/events") as refused:
                    assert refused.status == 503
                    assert str(MAX_STREAMS) in await refused.text()
                open_[0].close()  # a tab closed: its place is free within seconds
                for _ in range(50):
                    if len(site.streams) < MAX_STREAMS:
                        break
                    await asyncio.sleep(0.1)
                async with http.get(url + "/events") as again:
                    assert again.status == 200
                for response in open_[1:]:
                    response.close()
        finally:
            await server.close()

    asyncio.run(main())


def test_a_file_that_goes_away_is_said_on_the_page_and_followed_again(wall_file: Path) -> None:
    site = WallSite(wall_file, port=1, lang="nl", lan=False, contrast=False, title="t")
    assert site.look()
    moved = wall_file.with_name("elders.wijk")
    site.following.close()
    wall_file.rename(moved)
    assert site.look() and "error" in json.loads(site.state_json)
    moved.rename(wall_file)
    assert site.look() and json.loads(site.state_json)["counts"][0][1] == 1
    site.following.close()


def test_a_state_that_fails_to_build_is_said_on_the_page_and_tried_again(
    wall_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """A bug in building the state (anything but the file's or the disk's trouble) once stopped
    the following silently: the pages froze on the last state. Now they keep it, say in one
    line in the file's language why the wall stopped following, the traceback goes to the
    server's stderr, and the next change of the file is tried again."""
    calls, armed = [], []

    def fails_once(store):
        calls.append(1)
        if armed and not armed[0]:  # once, after the pages got a first state
            armed[0] = True
            raise RuntimeError("boom\nsecond line")
        return serve_state(store)

    serve_state = serve.wall_state
    monkeypatch.setattr(serve, "wall_state", fails_once)

    async def main() -> None:
        site, server, url = await _site(wall_file)
        try:
            async with aiohttp.ClientSession() as http, http.get(url + "/events") as page:
                assert (await _next_event(page))["counts"][0][1] == 1
                armed.append(False)
                said = await _next_event(page)
                assert said == {
                    "error": "De muur volgt het bestand niet meer (RuntimeError: boom); bij de"
                    " volgende wijziging probeert hij het opnieuw. Details staan in het venster"
                    " van workshop wall."
                }
                failed_after = len(calls)
                await asyncio.sleep(4 * serve.POLL)
                assert len(calls) == failed_after  # the same file is not built again and again
                assert site._poller is not None and not site._poller.done()
                with Store.open(wall_file) as writer:
                    record(writer, ["p Bieb #bibliotheek @A1"])
                state = await _next_event(page)
                assert state["counts"][0][1] == 2 and "error" not in state
                assert state["latest"][0] == "Plek · Bieb · bibliotheek · A1"
        finally:
            await server.close()

    asyncio.run(main())
    err = capsys.readouterr().err
    assert "could not build the wall's state" in err
    assert "Traceback (most recent call last)" in err and "RuntimeError: boom" in err


# --- the real server ------------------------------------------------------------------------


def _raw(port: int, path: str, host: str) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


@pytest.fixture
def lan_server(wall_file: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, int, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "workshop", "wall", str(wall_file), "--serve", "--lan"]
            + ["--port", str(port)],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        # The URL and its QR code come in one write, once the port is ours.
        assert eventually(lambda: "token=" in log.read_text(errors="replace"), 30), log.read_text()
        assert _can_connect(port)
        yield process, port, log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def test_on_the_lan_the_token_url_and_its_qr_code_are_printed_and_needed(lan_server) -> None:
    import zxingcpp

    process, port, log = lan_server
    text = log.read_text()
    token = re.search(r"token=([\w-]+)", text).group(1)
    assert _raw(port, "/", f"127.0.0.1:{port}") == 403
    assert _raw(port, "/events", f"127.0.0.1:{port}") == 403
    assert _raw(port, "/state?token=nope", f"127.0.0.1:{port}") == 403
    assert _raw(port, f"/?token={token}", f"127.0.0.1:{port}") == 200
    assert _raw(port, f"/?token={token}", f"evil.example:{port}") == 403
    # The QR code in the terminal decodes to the LAN URL with the token.
    decoded = [r.text for r in zxingcpp.read_barcodes(qr_image(text))]
    assert decoded and decoded[0].endswith(f":{port}/?token={token}"), decoded


def qr_image(text: str, scale: int = 6):
    """The half-block QR code printed for a dark terminal (a block is light), as an image."""
    from PIL import Image, ImageDraw

    blocks = set("█▀▄\xa0 ")
    rows = [line for line in text.splitlines() if line.strip("\xa0 ") and set(line) <= blocks]
    image = Image.new("L", (max(map(len, rows)) * scale, len(rows) * 2 * scale), 255)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(rows):
        for x, char in enumerate(row):
            for half, light in ((0, char in "█▀"), (1, char in "█▄")):
                if not light:
                    top = (2 * y + half) * scale
                    draw.rectangle([x * scale, top, x * scale + scale - 1, top + scale - 1], 0)
    return image


def test_sigterm_and_ctrl_c_end_the_server_with_its_streams(wall_file: Path, tmp_path) -> None:
    for number in (signal.SIGINT, signal.SIGTERM):
        process, port = _serve(wall_file, tmp_path)
        try:
            stream = socket.create_connection(("127.0.0.1", port), timeout=10)
            stream.sendall(f"GET /events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n".encode())
            seen = b""
            while b"data: " not in seen:
                chunk = stream.recv(65536)
                assert chunk, seen
                seen += chunk
            process.send_signal(number)
            assert process.wait(15) == 0
            stream.settimeout(5)
            while stream.recv(65536):  # the server closed the stream
                pass
            stream.close()
            assert eventually(lambda: holders(wall_file) == [])  # noqa: B023
        finally:
            if process.poll() is None:
                process.kill()


def _serve(wall_file: Path, folder: Path) -> tuple[subprocess.Popen, int]:
    """A real `workshop wall FILE --serve` on a free port, once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop", "wall", str(wall_file), "--serve", "--port", str(port)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if not eventually(lambda: _can_connect(port), 30):
        process.kill()
        raise AssertionError("the server never listened")
    return process, port


def _can_connect(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


# --- in a real browser --------------------------------------------------------------------


@pytest.mark.skipif(CHROMIUM is None, reason="needs a system Chromium (Debian: chromium)")
def test_in_chromium_a_capture_appears_in_large_type(wall_file: Path, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    process, port = _serve(wall_file, tmp_path)
    try:
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.goto(f"http://localhost:{port}/")
            assert page.title() == "De <b>Kersen</b>buurt · muur"
            page.wait_for_selector("#items li")
            with Store.open(wall_file) as writer:
                for n in range(1, 6):
                    record(writer, [f'p "Plek nummer {n}" #park @D{n}'])
            page.wait_for_function(
                "document.querySelector('#items li').textContent.includes('Plek nummer 5')",
                timeout=15_000,
            )
            items = page.eval_on_selector_all(
                "#items li",
                "els => els.map(e => [e.textContent, parseFloat(getComputedStyle(e).fontSize),"
                " e.getBoundingClientRect().bottom])",
            )
            page.wait_for_timeout(1500)  # the arrival highlight has faded, as the room sees it
            page.screenshot(path=str(tmp_path / "wall-1920x1080.png"))
            markers = page.eval_on_selector_all("#grid .marker.place", "els => els.length")
            counts = page.inner_text("#counts")
            browser.close()
    finally:
        process.kill()
        process.wait(10)
    assert [text for text, _, _ in items] == [
        f"Plek · Plek nummer {n} · park · D{n}" for n in (5, 4, 3, 2, 1)
    ]
    assert all(size >= 48 for _, size, _ in items), items
    assert all(bottom <= 1080 for _, _, bottom in items), items  # all five on the screen
    assert markers == 6
    assert "6" in counts.split()


def test_a_file_of_an_older_schema_is_followed_too(tmp_path: Path) -> None:
    """Read-only, an older file opens as a migrated copy in memory; the wall reads the file
    again when it changes on disk, so the room sees what `workshop run` (which migrates it)
    captures."""
    from tests.file.test_store import _file_of_previous_schema

    path = tmp_path / "oud.wijk"
    _file_of_previous_schema(path)
    site = WallSite(path, port=1, lang="nl", lan=False, contrast=False, title="t")
    assert site.look() and json.loads(site.state_json)["counts"][0][1] == 1
    assert site.following.snapshot
    with Store.open(path) as writer:  # migrates the file, then captures
        record(writer, ["p Nieuwe Plek @B2"])
    assert site.look()
    state = json.loads(site.state_json)
    assert state["counts"][0][1] == 2 and state["latest"][0] == "Plek · Nieuwe Plek · B2"
    assert not site.following.snapshot  # the migrated file itself is followed now
    site.following.close()

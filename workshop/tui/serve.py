"""The wall in a browser: textual-serve (aiohttp), fetching nothing from outside and safe to
leave running through an evening.

- It answers only requests for the host it was started for: localhost, 127.0.0.1 or [::1] on
  its port (with `--lan` also an IP address of this laptop, never a name, so a DNS-rebound
  name is refused), and a WebSocket only from a page of that same origin; anything else gets
  403 before any process starts. With `--lan` the page and its WebSocket also need the random
  token of the printed URL.
- At most MAX_SCREENS browsers at once, each with its own `workshop wall` process; one more
  gets a page (503) saying so.
- Nothing a browser sends reaches the wall but its size (and a ping answered here): keys,
  mouse, paste, focus are dropped; the wall's driver drops input too (`served.py`).
- A browser that goes away, cleanly or not (a crash, a sleeping laptop: missed heartbeats),
  ends its process within seconds: stdin closed, SIGTERM to its process group, SIGKILL after
  STOP_GRACE. Ctrl+C or SIGTERM of the server ends them all before it exits.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import html
import ipaddress
import json
import os
import re
import secrets
import signal
import socket
import sys
import tempfile
from asyncio.subprocess import Process
from contextlib import suppress
from pathlib import Path

import aiohttp_jinja2
import textual_serve
from aiohttp import WSMsgType, web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server

from workshop.i18n import UserError
from workshop.tui.texts import tx

MAX_SCREENS = 4  # browsers (and wall processes) at once
HEARTBEAT = 5.0  # seconds between pings; no pong within half of it and the socket is dead
STOP_GRACE = 2.0  # seconds a wall gets to end by itself before it is killed
MAX_MESSAGE = 4096  # bytes: a resize or a ping is far smaller
COLUMNS, ROWS = (20, 400), (8, 200)  # the sizes a browser may ask for
DRIVER = "workshop.tui.served:ServedDriver"


def serve_wall(
    file: Path, *, port: int, lang: str, name: str, lan: bool = False, contrast: bool = False
) -> None:
    command = [sys.executable, "-m", "workshop", "wall", str(file.resolve())]
    if contrast:
        command.append("--contrast")
    title = tx("wall_page_title", lang, name=name)
    server = WallServer(command, port=port, lang=lang, lan=lan, title=title)
    try:
        server.serve()
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise UserError("tui_wall_port_busy", port=port) from None


class WallService(AppService):
    """One browser's wall: its own process group, ended for sure when the browser goes."""

    def __init__(self, argv: list[str], **kwargs) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self._stopping: asyncio.Future | None = None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment["TEXTUAL_DRIVER"] = DRIVER
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
            start_new_session=True,
        )
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        process = self._process
        if process is not None and process.returncode is None:
            if self._stdin is not None:
                self._stdin.close()  # the wall ends by itself at the end of its input
            _signal_group(process, signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), STOP_GRACE)
            except TimeoutError:
                _signal_group(process, signal.SIGKILL)
                await process.wait()
        if self._task is not None:
            with suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(self._task, STOP_GRACE)
            self._task = None


def _signal_group(process: Process, number: int) -> None:
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, number)  # its own session: the wall and anything it started


class WallServer(Server):
    def __init__(self, argv: list[str], *, port: int, lang: str, lan: bool, title: str) -> None:
        super().__init__(
            " ".join(argv),
            host="0.0.0.0" if lan else "127.0.0.1",
            port=port,
            title=title,
            templates_path=offline_templates(),
        )
        self.argv = argv
        self.lang = lang
        self.lan = lan
        self.token = secrets.token_urlsafe(16) if lan else None
        self.screens: dict[WallService, web.WebSocketResponse] = {}

    # --- who may ask ---------------------------------------------------------------------

    def refusal(self, request: web.Request) -> str | None:
        """Why this request is refused, or None: the Host must be ours (no other name, so
        no DNS rebinding), an Origin the same as the Host, a WebSocket from our own page, and
        with --lan the token in the URL."""
        host = request.headers.get("Host", "")
        if not self._our_host(host):
            return f"host {host!r}"
        origin = request.headers.get("Origin")
        is_socket = request.path == "/ws" or request.path.startswith("/ws/")
        if (origin is not None or is_socket) and origin != f"http://{host}":
            return f"origin {origin!r}"
        if self.token is not None and not request.path.startswith("/static/"):
            given = request.query.get("token", "")
            if is_socket:
                given = request.path.removeprefix("/ws").removeprefix("/")
            if not secrets.compare_digest(given.encode(), self.token.encode()):
                return "token"
        return None

    def _our_host(self, host: str) -> bool:
        name, port = host, "80"  # a browser leaves out port 80
        if re.fullmatch(r".*:\d+", host) and not host.endswith("]"):
            name, _, port = host.rpartition(":")
        if port != str(self.port):
            return False
        name = name.lower()
        if name in ("localhost", "127.0.0.1", "[::1]"):
            return True
        if not self.lan:
            return False
        try:
            ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
        except ValueError:
            return False
        return True

    @web.middleware
    async def guard(self, request: web.Request, handler) -> web.StreamResponse:
        if (why := self.refusal(request)) is not None:
            self.console.print(
                f"refused {request.method} {request.path}: {why}", markup=False, highlight=False
            )
            return _page(403, tx("wall_refused", self.lang))
        return await handler(request)

    # --- the page and its socket ---------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        if self.token is not None:
            app.router.add_get("/ws/{token}", self.handle_websocket)
        return app

    def _full(self) -> bool:
        return len(self.screens) >= MAX_SCREENS

    async def handle_index(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        if self._full():
            return _page(503, tx("wall_full", self.lang, max=MAX_SCREENS))
        socket_path = "/ws" if self.token is None else f"/ws/{self.token}"
        context = {
            # None: the page picks a size that fits 20 rows in the window (54 px at 1080p).
            "font_size": _clamp(request.query.get("fontsize"), 0, (8, 160)) or None,
            # Built from the (checked) Host the browser used, so a second device can follow.
            "app_websocket_url": f"ws://{request.host}{socket_path}",
            "config": {"static": {"url": "/static/"}},
            # aiohttp_jinja2 escapes: the neighbourhood's name is text, never markup.
            "application": {"name": self.title},
            "ended": tx("wall_ended", self.lang),
            "restart": tx("wall_restart", self.lang),
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]  # a 503 page when full
        if self._full():
            return _page(503, tx("wall_full", self.lang, max=MAX_SCREENS))
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT, max_msg_size=MAX_MESSAGE)
        service = WallService(
            self.argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.screens[service] = websocket  # counted before the first await: the cap holds
        try:
            await websocket.prepare(request)
            await service.start(
                _clamp(request.query.get("width"), 80, COLUMNS),
                _clamp(request.query.get("height"), 24, ROWS),
            )
            await self._relay(websocket, service)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            try:
                await service.stop()
                with suppress(Exception):
                    await websocket.close()
            finally:
                del self.screens[service]
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, service: WallService) -> None:
        """Pass on what the wall needs of the browser, its size; drop the rest."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or len(envelope) < 2:
                continue
            kind, data = envelope[0], envelope[1]
            if kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(
                    _clamp(data.get("width"), 80, COLUMNS), _clamp(data.get("height"), 24, ROWS)
                )
            elif kind == "ping" and isinstance(data, str) and len(data) <= 64:
                await websocket.send_json(["pong", data])
            # "stdin" (keys, mouse, paste), "focus", "blur": the wall is display-only.

    # --- starting and stopping -----------------------------------------------------------

    async def on_startup(self, app: web.Application) -> None:
        local = f"http://localhost:{self.port}/"
        if self.token is not None:
            local += f"?token={self.token}"
        self.console.print(
            tx("wall_serving", self.lang, url=local, max=MAX_SCREENS), markup=False, highlight=False
        )
        if self.token is not None:
            url = f"http://{lan_address()}:{self.port}/?token={self.token}"
            self.console.print(
                tx("wall_serving_lan", self.lang, url=url), markup=False, highlight=False
            )

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C or SIGTERM: every wall ends before the server does."""
        screens = list(self.screens.items())
        await asyncio.gather(*(service.stop() for service, _ in screens), return_exceptions=True)
        for _, websocket in screens:
            with suppress(Exception):
                await websocket.close(code=1001)

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self.request_exit)
        with suppress(GracefulExit):
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=lambda *args: None,
                shutdown_timeout=STOP_GRACE + 1,
            )


def _page(status: int, text: str) -> web.Response:
    body = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>workshop wall</title>"
        f"</head><body style='font:32px sans-serif;margin:2em'><p>{html.escape(text)}</p>"
        f"</body></html>"
    )
    return web.Response(status=status, text=body, content_type="text/html")


def _clamp(value: object, default: int, bounds: tuple[int, int]) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return max(bounds[0], min(bounds[1], number))


def lan_address() -> str:
    """This laptop's address on its network, found without sending anything (a UDP socket
    that is connected but never used sends no packet)."""
    with suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routed like the internet, never sent
        return probe.getsockname()[0]
    return "IP-ADRES"


# Large type for the back of the hall: unless the URL sets ?fontsize=, 20 rows fill the window.
FIT_TO_ROOM = """<script>
      (function () {
        var terminal = document.getElementById("terminal");
        if (!terminal.dataset.fontSize) {
          terminal.dataset.fontSize = String(Math.max(16, Math.floor(window.innerHeight / 20)));
        }
      })();
    </script>
  """


@functools.cache
def offline_templates() -> Path:
    """textual-serve's page templates without the web font it fetches from Google: the wall's
    browser page must not call out either (it uses the fonts the computer has)."""
    source = Path(textual_serve.__file__).parent / "templates"
    target = Path(tempfile.mkdtemp(prefix="workshop-wall-"))
    for template in source.iterdir():
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*https?://[^>]*>", "", text, flags=re.DOTALL)
        text = text.replace("<head>", "<head>\n    <title>{{ application.name }}</title>", 1)
        text = text.replace("Session ended.", "{{ ended }}").replace(">Restart<", ">{{ restart }}<")
        text = text.replace("{{ font_size }}", "{{ font_size or '' }}")
        text = text.replace("</body>", FIT_TO_ROOM + "</body>", 1)
        (target / template.name).write_text(text, encoding="utf-8")
    return target

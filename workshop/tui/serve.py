"""`workshop wall FILE --serve`: the wall as a web page made for a projector, served by aiohttp.

The page (`web/wall.html`, `wall.css`, `wall.js`) shows the neighbourhood's name, the counts,
the latest captures in large type and the grid with a marker per record, and follows the
file by server-sent events: one read-only reader in this server looks at the file four times
a second (`PRAGMA data_version`, microseconds when nothing changed) and sends the new state to
every page within a second of a capture. The page fetches nothing from outside.

Safe to leave running through an evening:
- It answers only requests for the host it was started for: localhost, 127.0.0.1 or [::1] on
  its port (with `--lan` also an IP address of this laptop, never a name, so a DNS-rebound
  name is refused), with an Origin, if any, of that same host; anything else gets 403. With
  `--lan` every request but the page's static files also needs the random token of the
  printed URL (403 without it).
- Read-only: it opens the file read-only and answers GET and HEAD only (anything else: 405);
  nothing a browser sends is read but the path and the token. Bodies are refused.
- At most MAX_STREAMS pages follow it at once (no process per page: one reader for all);
  one more gets 503 saying so. Ctrl+C or SIGTERM ends every stream and the server.
"""

from __future__ import annotations

import asyncio
import errno
import html
import io
import ipaddress
import json
import re
import secrets
import signal
import socket
import sqlite3
import sys
import traceback
from contextlib import suppress
from pathlib import Path

import qrcode
from aiohttp import web

from workshop.i18n import UserError
from workshop.tui.texts import tx
from workshop.tui.wall_state import Following, wall_state

MAX_STREAMS = 16  # pages following the wall at once
POLL = 0.25  # seconds between looks at the file
KEEPALIVE = 15.0  # seconds of silence after which a stream gets a comment line
WEB = Path(__file__).with_name("web")
EVENTS = "/events"


def serve_wall(
    file: Path, *, port: int, lang: str, name: str, lan: bool = False, contrast: bool = False
) -> None:
    site = WallSite(
        file.resolve(),
        port=port,
        lang=lang,
        lan=lan,
        contrast=contrast,
        title=tx("wall_page_title", lang, name=name),
    )
    try:
        site.run()
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise UserError("tui_wall_port_busy", port=port) from None


class WallSite:
    """The served wall: its guard, its page, its state and the streams that follow it."""

    def __init__(
        self, file: Path, *, port: int, lang: str, lan: bool, contrast: bool, title: str
    ) -> None:
        self.file = file
        self.port = port
        self.lang = lang
        self.lan = lan
        self.contrast = contrast
        self.title = title
        self.host = "0.0.0.0" if lan else "127.0.0.1"
        self.token = secrets.token_urlsafe(16) if lan else None
        self.streams: set[web.StreamResponse] = set()
        self.state_json = json.dumps({"error": tx("wall_nothing", lang)})
        self.version = 0
        self._changed: asyncio.Condition | None = None
        self._stopping = False
        self.following = Following(file)  # also a file of an older schema (wall_state)
        self._poller: asyncio.Task | None = None
        self._failed_at: tuple | None = None  # the file as it was when its state failed to build

    # --- who may ask -----------------------------------------------------------------------

    def refusal(self, request: web.Request) -> str | None:
        """Why this request is refused, or None: the Host must be ours (no other name, so no
        DNS rebinding), an Origin the same as the Host, and with --lan the token in the URL."""
        host = request.headers.get("Host", "")
        if not self._our_host(host):
            return f"host {host!r}"
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"http://{host}":
            return f"origin {origin!r}"
        if self.token is not None and not request.path.startswith("/static/"):
            given = request.query.get("token", "")
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
            print(f"refused {request.method} {request.path[:80]}: {why}", flush=True)
            return _page(403, tx("wall_refused", self.lang), self.lang)
        if request.method not in ("GET", "HEAD"):
            return _page(405, tx("wall_read_only", self.lang), self.lang)
        return await handler(request)

    # --- the page, its state and its stream --------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard], client_max_size=1024)
        app.router.add_get("/", self.index)
        app.router.add_get("/state", self.state)
        app.router.add_get(EVENTS, self.events)
        app.router.add_static("/static/", WEB, show_index=False, follow_symlinks=False)
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        app.on_cleanup.append(self.on_cleanup)
        return app

    async def index(self, request: web.Request) -> web.Response:
        page = (WEB / "wall.html").read_text(encoding="utf-8")
        for key, value in (
            ("lang", self.lang),
            ("title", self.title),
            ("theme", "contrast" if self.contrast else "dark"),
            ("offline", tx("wall_offline", self.lang)),
        ):
            page = page.replace("{{ " + key + " }}", html.escape(value))
        # JSON in a script element: `<` escaped, so no text can close the element.
        page = page.replace("{{ state }}", self.state_json.replace("<", "\\u003c"))
        return web.Response(text=page, content_type="text/html", headers=NO_CACHE)

    async def state(self, request: web.Request) -> web.Response:
        return web.Response(text=self.state_json, content_type="application/json")

    async def events(self, request: web.Request) -> web.StreamResponse:
        if len(self.streams) >= MAX_STREAMS:
            return _page(503, tx("wall_full", self.lang, max=MAX_STREAMS), self.lang)
        stream = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no", **NO_CACHE}
        )
        self.streams.add(stream)  # counted before the first await: the cap holds
        try:
            await stream.prepare(request)
            sent = -1
            while not self._stopping:
                if sent != self.version:
                    sent = self.version
                    await stream.write(f"data: {self.state_json}\n\n".encode())
                    continue
                if not await self._wait_for_change(request, sent):
                    await stream.write(b": still here\n\n")
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self.streams.discard(stream)
        return stream

    async def _wait_for_change(self, request: web.Request, seen: int) -> bool:
        """Wait for a new state, up to KEEPALIVE; False when none came. A browser that went
        away (a closed tab, a reload) is noticed within a second, so it frees its place."""
        assert self._changed is not None
        waited = 0.0
        while waited < KEEPALIVE:
            async with self._changed:
                with suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: self.version != seen or self._stopping),
                        1.0,
                    )
            if self.version != seen or self._stopping:
                return self.version != seen
            if request.transport is None or request.transport.is_closing():
                raise ConnectionResetError
            waited += 1.0
        return False

    # --- following the file ------------------------------------------------------------------

    def look(self) -> bool:
        """Read the file's state; True when it differs from what the pages show."""
        if self._failed_at is not None:
            if self.following.on_disk() == self._failed_at:
                return False  # the state could not be built from this file: wait for a change
            self._failed_at = None
        seen: tuple | None = None
        try:
            store = self.following.store()
            seen = self.following.on_disk()  # opening may have made the WAL: look after it
            text = json.dumps(wall_state(store), ensure_ascii=False)
        except (UserError, sqlite3.Error, OSError) as exc:
            # The file went away or is being replaced: say so on the page and keep looking.
            message = exc.message(self.lang) if isinstance(exc, UserError) else str(exc)
            text = json.dumps({"error": message}, ensure_ascii=False)
            with suppress(Exception):
                self.following.close()
        except Exception as exc:  # a bug: the pages must not freeze without a word
            text = self._stopped_following(exc, seen)
        if text == self.state_json:
            return False
        self.state_json = text
        self.version += 1
        return True

    def _stopped_following(self, exc: Exception, seen: tuple | None) -> str:
        """What the pages show when the state could not be built for a reason only a bug can
        cause: the last state stays on screen with one line saying why, the traceback goes to
        this server's stderr, and the next change of the file is tried again."""
        print(f"workshop wall: {self.file}: could not build the wall's state", file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)
        sys.stderr.flush()
        # The store stays open (closing it would remove the WAL it made, which would look
        # like a change); a capture changes the file, and then the state is built again.
        self._failed_at = seen or self.following.on_disk()
        reason = (str(exc).strip().splitlines() or [""])[0][:160]
        reason = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
        message = tx("wall_stopped_following", self.lang, reason=reason)
        return json.dumps({"error": message}, ensure_ascii=False)

    async def _follow(self) -> None:
        assert self._changed is not None
        while not self._stopping:
            if self.look():
                async with self._changed:
                    self._changed.notify_all()
            await asyncio.sleep(POLL)

    # --- starting and stopping -------------------------------------------------------------

    async def on_startup(self, app: web.Application) -> None:
        self._changed = asyncio.Condition()
        self.look()
        self._poller = asyncio.create_task(self._follow())

    def announce(self) -> None:
        """The addresses, printed once the port is ours (so a URL printed is one that works)."""
        local = f"http://localhost:{self.port}/"
        if self.token is not None:
            local += f"?token={self.token}"
        lines = [tx("wall_serving", self.lang, url=local, max=MAX_STREAMS)]
        if self.token is not None:
            url = f"http://{lan_address()}:{self.port}/?token={self.token}"
            lines += [tx("wall_serving_lan", self.lang, url=url), terminal_qr(url)]
        print("\n".join(lines), flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C or SIGTERM: every stream ends before the server does."""
        self._stopping = True
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()
        if self._poller is not None:
            self._poller.cancel()
            with suppress(asyncio.CancelledError):
                await self._poller

    async def on_cleanup(self, app: web.Application) -> None:
        self.following.close()

    def run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        """Serve until Ctrl+C, SIGTERM or SIGHUP; then every stream ends and the file closes."""
        runner = web.AppRunner(self.app(), handle_signals=False, shutdown_timeout=2.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            self.announce()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(number, stop.set)
            await stop.wait()
        finally:
            await runner.cleanup()


NO_CACHE = {"Cache-Control": "no-store"}


def _page(status: int, text: str, lang: str) -> web.Response:
    body = (
        f"<!DOCTYPE html><html lang='{html.escape(lang)}'><head><meta charset='utf-8'>"
        f"<title>workshop</title></head><body style='font:48px sans-serif;margin:2em'>"
        f"<p>{html.escape(text)}</p></body></html>"
    )
    return web.Response(status=status, text=body, content_type="text/html")


def terminal_qr(url: str) -> str:
    """The URL as a QR code of half-block characters, for a phone or tablet at the screen."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(url)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue()


def lan_address() -> str:
    """This laptop's address on its network, found without sending anything (a UDP socket
    that is connected but never used sends no packet)."""
    with suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routed like the internet, never sent
        return probe.getsockname()[0]
    return "IP-ADRES"

"""Who the served wall answers, decided before any process starts: its own Host (never a
name it was not started for: no DNS rebinding), the same Origin, and with --lan an IP address
and the token. Checked on requests as aiohttp builds them, without opening a port. And what
the wall's driver lets through of what reaches it: no input."""

from __future__ import annotations

import sys

import pytest
from aiohttp.test_utils import make_mocked_request

from workshop.tui.serve import WallServer

PORT = 8123


def server(lan: bool) -> WallServer:
    return WallServer(
        [sys.executable, "-m", "workshop", "wall", "f.wijk"],
        port=PORT,
        lang="nl",
        lan=lan,
        title="t",
    )


def refusal(wall: WallServer, path: str, host: str, origin: str | None = None):
    headers = {"Host": host} | ({"Origin": origin} if origin else {})
    return wall.refusal(make_mocked_request("GET", path, headers=headers))


@pytest.mark.parametrize(
    "host", [f"localhost:{PORT}", f"127.0.0.1:{PORT}", f"[::1]:{PORT}", f"LOCALHOST:{PORT}"]
)
def test_on_this_computer_the_local_names_are_answered(host: str) -> None:
    wall = server(lan=False)
    assert refusal(wall, "/", host) is None
    assert refusal(wall, "/ws", host, origin=f"http://{host}") is None


@pytest.mark.parametrize(
    "host",
    [
        f"evil.example:{PORT}",
        f"192.168.1.20:{PORT}",
        "localhost:9999",
        "localhost",
        f"localhost.evil:{PORT}",
        "",
    ],
)
def test_on_this_computer_other_hosts_are_refused(host: str) -> None:
    assert refusal(server(lan=False), "/", host) is not None


def test_a_socket_needs_the_pages_own_origin() -> None:
    wall = server(lan=False)
    host = f"localhost:{PORT}"
    assert refusal(wall, "/ws", host) is not None  # no Origin
    assert refusal(wall, "/ws", host, origin="http://evil.example") is not None
    assert refusal(wall, "/ws", host, origin=f"https://{host}") is not None
    assert refusal(wall, "/", host, origin="http://evil.example") is not None


def test_on_the_lan_an_ip_address_with_the_token_and_nothing_else() -> None:
    wall = server(lan=True)
    assert wall.token and len(wall.token) >= 20
    host = f"192.168.1.20:{PORT}"
    assert refusal(wall, f"/?token={wall.token}", host) is None
    assert refusal(wall, f"/ws/{wall.token}", host, origin=f"http://{host}") is None
    assert refusal(wall, f"/?token={wall.token}", f"[fe80::1]:{PORT}") is None
    assert refusal(wall, "/static/js/textual.js", host) is None  # textual-serve's own files
    assert refusal(wall, "/", host) == "token"
    assert refusal(wall, "/?token=wrong", host) == "token"
    assert refusal(wall, "/ws", host, origin=f"http://{host}") == "token"
    assert refusal(wall, f"/ws/{wall.token}", host, origin="http://evil.example") is not None
    # A DNS-rebound name stays refused, token or not: only addresses are answered.
    assert refusal(wall, f"/?token={wall.token}", f"wall.evil.example:{PORT}") is not None
    assert server(lan=True).token != wall.token


def test_the_wall_driver_drops_input_events() -> None:
    from textual import events

    from workshop.tui.served import ServedDriver

    posted: list = []
    driver = ServedDriver.__new__(ServedDriver)  # no app, no stdin: only its filter
    driver._app = None  # type: ignore[assignment]
    driver._down_buttons = []
    driver._last_move_event = None
    driver.cursor_origin = None
    driver.send_message = posted.append  # type: ignore[method-assign]
    for event in (
        events.Key("q", "q"),
        events.Key("ctrl+q", None),
        events.Paste("p Plek\n"),
        events.MouseDown(None, 1, 1, 0, 0, 1, False, False, False),
        events.MouseMove(None, 2, 2, 1, 1, 0, False, False, False),
    ):
        driver.process_message(event)
    assert posted == []
    driver.process_message(events.AppFocus())
    assert len(posted) == 1

"""Who the served wall answers: its own Host (never a name it was not started for: no DNS
rebinding), the same Origin, and with --lan an IP address and the token. Checked on requests
as aiohttp builds them, without opening a port."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import make_mocked_request

from workshop.tui.serve import WallSite

PORT = 8123


def server(lan: bool) -> WallSite:
    return WallSite(Path("f.wijk"), port=PORT, lang="nl", lan=lan, contrast=False, title="t")


def refusal(wall: WallSite, path: str, host: str, origin: str | None = None):
    headers = {"Host": host} | ({"Origin": origin} if origin else {})
    return wall.refusal(make_mocked_request("GET", path, headers=headers))


@pytest.mark.parametrize(
    "host", [f"localhost:{PORT}", f"127.0.0.1:{PORT}", f"[::1]:{PORT}", f"LOCALHOST:{PORT}"]
)
def test_on_this_computer_the_local_names_are_answered(host: str) -> None:
    wall = server(lan=False)
    assert refusal(wall, "/", host) is None
    assert refusal(wall, "/events", host, origin=f"http://{host}") is None


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
    assert refusal(server(lan=False), "/events", host) is not None


def test_another_origin_is_refused() -> None:
    wall = server(lan=False)
    host = f"localhost:{PORT}"
    assert refusal(wall, "/events", host, origin="http://evil.example") is not None
    assert refusal(wall, "/state", host, origin=f"https://{host}") is not None
    assert refusal(wall, "/", host, origin="http://evil.example") is not None


def test_on_the_lan_an_ip_address_with_the_token_and_nothing_else() -> None:
    wall = server(lan=True)
    assert wall.token and len(wall.token) >= 20
    host = f"192.168.1.20:{PORT}"
    assert refusal(wall, f"/?token={wall.token}", host) is None
    assert refusal(wall, f"/events?token={wall.token}", host, origin=f"http://{host}") is None
    assert refusal(wall, f"/?token={wall.token}", f"[fe80::1]:{PORT}") is None
    assert refusal(wall, "/static/wall.js", host) is None  # the page's own files, no data
    for path in ("/", "/?token=wrong", "/events", "/state", "/state?token="):
        assert refusal(wall, path, host) == "token", path
    assert refusal(wall, f"/events?token={wall.token}", host, origin="http://evil.example")
    # A DNS-rebound name stays refused, token or not: only addresses are answered.
    assert refusal(wall, f"/?token={wall.token}", f"wall.evil.example:{PORT}") is not None
    assert server(lan=True).token != wall.token

"""QR codes: the fast mask choice gives exactly qrcode's own symbol, and codes drawn as one
vector path decode at 150 dpi."""

from __future__ import annotations

from pathlib import Path

import pytest
import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode import util
from reportlab.pdfgen.canvas import Canvas

from tests.printing.conftest import decode, render
from workshop.printing import qr

LEVELS = {"M": qrcode.constants.ERROR_CORRECT_M, "Q": qrcode.constants.ERROR_CORRECT_Q}


def reference(payload: str, level: str) -> tuple[tuple[int, ...], int]:
    """qrcode's own choice: every mask built in full and scored with its lost_point."""
    scores = []
    for mask in range(8):
        code = qrcode.QRCode(error_correction=LEVELS[level], border=0, mask_pattern=mask)
        code.add_data(payload, optimize=0)
        code.make(fit=True)
        scores.append((util.lost_point(code.modules), mask, qr._rows(code)))
    best = min(scores, key=lambda s: (s[0], s[1]))
    return best[2], best[1]


@pytest.mark.parametrize(
    "payload",
    [
        "kaart 1",
        "card 999999",
        "https://hoekje.example",
        "geo:52.55450,5.20985",
        "x" * 120,
        "https://bieb-zuiderveen.example/energiecafe?q=1&r=ĳ",
    ],
)
@pytest.mark.parametrize("level", ["M", "Q"])
def test_symbol_is_qrcodes_own(payload: str, level: str) -> None:
    code = qr.encode(payload, (level,))
    rows, _ = reference(payload, level)
    assert code is not None and code.rows == rows and code.level == level


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_penalty_equals_qrcodes_lost_point(payload: str) -> None:
    for mask in (0, 3, 7):
        code = qrcode.QRCode(error_correction=LEVELS["M"], border=0, mask_pattern=mask)
        code.add_data(payload, optimize=0)
        code.make(fit=True)
        rows = qr._rows(code)
        size = len(rows)
        packed = qr._pack(rows, size), qr._pack(qr._transpose(rows, size), size)
        assert qr.penalty(*packed, size) == util.lost_point(code.modules)


def test_levels_fall_back_and_give_up() -> None:
    assert qr.encode("kaart 12").level == "Q"
    long_url = "https://example.org/" + "a" * 80  # over Q's 74 bytes at version 6
    assert qr.encode(long_url, ("Q", "M"), max_version=6).level == "M"
    assert qr.encode("https://example.org/" + "a" * 400, ("Q", "M"), max_version=6) is None
    assert qr.encode("x" * 5000) is None


def test_matrices_are_cached_per_payload() -> None:
    assert qr.encode("kaart 77") is qr.encode("kaart 77")


def test_codes_decode_from_a_rendered_page(tmp_path: Path) -> None:
    payloads = [
        "kaart 1",
        "card 12",
        "https://hoekje.example/zon-op-de-bron",
        "geo:52.55450,5.20985",
        "https://bieb.example/ĳs?x=1&y=<2>",
    ]
    pdf = tmp_path / "codes.pdf"
    c = Canvas(str(pdf))
    for i, payload in enumerate(payloads):
        qr.draw(c, qr.encode(payload), 40 + (i % 3) * 180, 560 - (i // 3) * 200, 26 * 72 / 25.4)
    c.save()
    assert decode(render(pdf, 0)) == sorted(payloads)


@pytest.mark.parametrize(
    "payload",
    [
        "kaart 1",
        "card 999999",
        "https://hoekje.example/#kaart-12",
        "0123456789" * 7,
        "ABC 123 $%*+-./:",
        "Ağaç ünïcödé 陈家小吃 مسجد",
        "x" * 1200,
    ],
)
def test_fast_matrix_is_qrcodes_own(payload: str) -> None:
    """The matrix built from the recorded layout and our codewords is, module for module, the
    one qrcode makes itself at mask 0 (and so every mask, by the XOR deltas)."""
    import qrcode as reference

    for level in ("M", "Q", "H"):
        code = reference.QRCode(error_correction=qr._LEVELS[level], border=0, mask_pattern=0)
        code.add_data(payload, optimize=0)
        code.make(fit=True)
        made = qr._mask0(payload, level)
        assert made is not None and made[0] == code.version
        assert made[1] == qr._rows(code)

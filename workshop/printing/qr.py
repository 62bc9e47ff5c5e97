"""QR codes as one vector path each, from qrcode's module matrix.

Choosing the mask is most of the cost of encoding (qrcode tries all eight masks, each a full
matrix build and a slow penalty count). Here qrcode builds the matrix once with mask 0; the
other seven follow by XOR with a per-(version, level) difference that does not depend on the
payload (masks only flip data modules, and the format bits depend on level and mask alone).
The ISO/IEC 18004 penalty is then counted on row integers. Matrices are cached per payload.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M, ERROR_CORRECT_Q
from qrcode.exceptions import DataOverflowError
from reportlab.pdfgen.canvas import Canvas

from workshop.printing.colours import colour_of

QUIET = 4  # modules of quiet zone on each side
_LEVELS = {"M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}


@dataclass(frozen=True)
class QrCode:
    payload: str
    level: str
    version: int
    size: int  # modules per side, without the quiet zone
    rows: tuple[int, ...]  # bit (size - 1 - c) of rows[r] is the module at row r, column c

    def dark(self, r: int, c: int) -> bool:
        return bool(self.rows[r] >> (self.size - 1 - c) & 1)

    @property
    def span(self) -> int:
        """Modules per side including the quiet zone."""
        return self.size + 2 * QUIET


def _build(data: str, level: str, mask: int, version: int | None) -> qrcode.QRCode:
    code = qrcode.QRCode(
        version=version, error_correction=_LEVELS[level], border=0, mask_pattern=mask
    )
    code.add_data(data, optimize=0)
    code.make(fit=version is None)
    return code


def _rows(code: qrcode.QRCode) -> tuple[int, ...]:
    return tuple(int("".join("1" if m else "0" for m in row), 2) for row in code.modules)


@cache
def _mask_deltas(version: int, level: str) -> tuple[tuple[int, int], ...]:
    """Per mask, what XOR turns the mask-0 matrix into it: as packed rows and columns."""
    ref = [_rows(_build("0", level, mask, version)) for mask in range(8)]
    size = len(ref[0])
    out = []
    for mask in range(8):
        delta = tuple(a ^ b for a, b in zip(ref[mask], ref[0], strict=True))
        out.append((_pack(delta, size), _pack(_transpose(delta, size), size)))
    return tuple(out)


def _transpose(rows: tuple[int, ...], size: int) -> tuple[int, ...]:
    lines = [format(r, f"0{size}b") for r in rows]
    return tuple(int("".join(col), 2) for col in zip(*lines, strict=True))


# Rows (and columns) are packed into one big integer, each line followed by GAP zero bits, so a
# run or pattern can never continue from one line into the next: every count below is a few
# big-integer operations instead of a loop over lines.
GAP = 11


def _pack(lines: tuple[int, ...], size: int) -> int:
    stride = size + GAP
    return sum(line << (i * stride) for i, line in enumerate(lines))


@cache
def _line_mask(size: int) -> int:
    return _pack(tuple((1 << size) - 1 for _ in range(size)), size)


def _windows(dark: int, light: int, pattern: str) -> int:
    """Positions where `pattern` (most significant module first) starts."""
    hit = -1
    for shift, module in enumerate(reversed(pattern)):
        hit &= (dark if module == "1" else light) >> shift
    return hit


def _line_penalty(dark: int, light: int) -> int:
    score = 0
    for bits in (dark, light):
        w = bits & (bits >> 1) & (bits >> 2) & (bits >> 3) & (bits >> 4)
        # a run of L >= 5 scores L - 2: its L - 4 five-module windows, plus 2 per run
        score += w.bit_count() + 2 * (w & ~(w << 1)).bit_count()
    finder_like = (
        _windows(dark, light, "10111010000").bit_count()
        + _windows(dark, light, "00001011101").bit_count()
    )
    return score + 40 * finder_like


def penalty(rows: int, cols: int, size: int) -> int:
    """The mask penalty of ISO/IEC 18004 (rules N1-N4), on packed rows and columns."""
    mask = _line_mask(size)
    light_rows, light_cols = ~rows & mask, ~cols & mask
    score = _line_penalty(rows, light_rows) + _line_penalty(cols, light_cols)
    stride = size + GAP
    for bits in (rows, light_rows):
        pair = bits & (bits >> 1)
        score += 3 * (pair & (pair >> stride)).bit_count()
    dark = rows.bit_count()
    score += 10 * int(abs(dark * 100 / (size * size) - 50) // 5)
    return score


@lru_cache(maxsize=8192)
def encode(
    payload: str, levels: tuple[str, ...] = ("Q", "M"), max_version: int = 40
) -> QrCode | None:
    """The code for `payload` at the first error-correction level in `levels` that fits within
    `max_version`; None when none does."""
    for level in levels:
        try:
            code = _build(payload, level, 0, None)
        except (DataOverflowError, ValueError):  # qrcode says "version 41" for too much data
            continue
        if code.version > max_version:
            continue
        base = _rows(code)
        size = len(base)
        packed_rows, packed_cols = _pack(base, size), _pack(_transpose(base, size), size)
        best = None
        for mask, (delta, delta_cols) in enumerate(_mask_deltas(code.version, level)):
            score = penalty(packed_rows ^ delta, packed_cols ^ delta_cols, size)
            if best is None or score < best[0]:
                best = (score, mask, delta)
        assert best is not None
        rows = _unpack(packed_rows ^ best[2], size)
        return QrCode(payload, level, code.version, size, rows)
    return None


def _unpack(packed: int, size: int) -> tuple[int, ...]:
    stride, full = size + GAP, (1 << size) - 1
    return tuple((packed >> (i * stride)) & full for i in range(size))


@lru_cache(maxsize=4096)
def path_ops(code: QrCode) -> str:
    """The dark modules as one path of row runs, in module units with the origin at the
    symbol's lower left corner (so the integers format fast and the string can be reused)."""
    ops = []
    for r, bits in enumerate(code.rows):
        line = format(bits, f"0{code.size}b")
        y = code.size - 1 - r
        for match in re.finditer("1+", line):
            start, end = match.span()
            ops.append(f"{start} {y} {end - start} 1 re")
    ops.append("f")
    return "\n".join(ops)


def draw(c: Canvas, code: QrCode, x: float, y: float, side: float, colour: str = "#000000") -> None:
    """Draw `code` in the square (x, y, side, side), quiet zone included: the zone is painted
    white, the dark modules are one filled path."""
    module = side / code.span
    c.saveState()
    c.setFillColor(colour_of("#ffffff"))
    c.rect(x, y, side, side, stroke=0, fill=1)
    c.setFillColor(colour_of(colour))
    origin_x, origin_y = x + QUIET * module, y + QUIET * module
    c.addLiteral(
        f"q {module:.5f} 0 0 {module:.5f} {origin_x:.3f} {origin_y:.3f} cm\n{path_ops(code)}\nQ"
    )
    c.restoreState()

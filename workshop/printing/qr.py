"""QR codes as one vector path each, from qrcode's module matrix.

qrcode is used for what it knows (segment modes, lengths, the layout of function patterns and
where each data bit goes) but not run per payload, which is slow: per version and level its
matrix with all data bits 0 at mask 0 is made once, with the spot of each data bit recorded
(`_layout`); a payload's codewords (bits as one integer, Reed-Solomon from log tables) then
flip their spots in that matrix. The other seven masks follow by XOR with a per-(version,
level) difference that does not depend on the payload (masks only flip data modules, and the
format bits depend on level and mask alone), and the ISO/IEC 18004 penalty is counted on row
integers. The result is qrcode's own matrix, module for module (tests/printing/test_qr.py).
Matrices are cached per payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import qrcode
from qrcode import base as qr_base
from qrcode import util as qr_util
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
    if version is None:
        code.best_fit(start=None)
    # qrcode's own codewords are most of its time (Reed-Solomon on polynomial objects): the
    # same codewords from log tables, handed to qrcode, which then lays out the matrix
    code.data_cache = _codewords(code.version, code.error_correction, code.data_list)
    code.makeImpl(False, mask)
    return code


# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1
_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@cache
def _generator(ec_count: int) -> tuple[int, ...]:
    """The generator polynomial's coefficients after the leading 1, as logarithms."""
    poly = [1]
    for i in range(ec_count):
        out = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            out[j] ^= coef
            if coef:
                out[j + 1] ^= _EXP[_LOG[coef] + i]
        poly = out
    return tuple(_LOG[c] for c in poly[1:])


def _remainder(data: list[int], ec_count: int) -> list[int]:
    gen = _generator(ec_count)
    rem = [0] * ec_count
    for byte in data:
        factor = byte ^ rem[0]
        rem = rem[1:]
        rem.append(0)
        if factor:
            lf = _LOG[factor]
            for i, lg in enumerate(gen):
                rem[i] ^= _EXP[lf + lg]
    return rem


@cache
def _capacity(version: int, level: str) -> int:
    return sum(b.data_count * 8 for b in qr_base.rs_blocks(version, _LEVELS[level]))


def _segments(payload: str) -> list:
    code = qrcode.QRCode(border=0)
    code.add_data(payload, optimize=0)
    return code.data_list


def _bits(data_list: list, version: int) -> tuple[int, int]:
    """The data as one integer of `n` bits (mode, length, content per segment)."""
    value = count = 0
    for data in data_list:
        length = qr_util.length_in_bits(data.mode, version)
        value = (value << 4 | data.mode) << length | len(data)
        count += 4 + length
        if data.mode == qr_util.MODE_8BIT_BYTE:
            value = value << 8 * len(data.data) | int.from_bytes(data.data, "big")
            count += 8 * len(data.data)
        else:
            buffer = qr_util.BitBuffer()
            data.write(buffer)
            bits = len(buffer)
            packed = int.from_bytes(bytes(buffer.buffer), "big") >> (8 * len(buffer.buffer) - bits)
            value, count = value << bits | packed, count + bits
    return value, count


class _Layout(qrcode.QRCode):
    """qrcode's matrix for a version and level at mask 0 with all data bits 0, and where each
    data bit goes (qrcode's own placement, recorded instead of painted)."""

    def map_data(self, data, mask_pattern):
        self.spots = []
        size, inc, row = self.modules_count, -1, self.modules_count - 1
        for col in range(size - 1, 0, -2):
            if col <= 6:
                col -= 1
            while True:
                for c in (col, col - 1):
                    if self.modules[row][c] is None:
                        self.spots.append((row, c))
                        self.modules[row][c] = (row + c) % 2 == 0  # mask 0 on a light module
                row += inc
                if row < 0 or size <= row:
                    row -= inc
                    inc = -inc
                    break


@cache
def _layout(version: int, level: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    code = _Layout(version=version, error_correction=_LEVELS[level], border=0, mask_pattern=0)
    code.data_cache = []
    code.makeImpl(False, 0)
    size = code.modules_count
    flips = tuple((r, 1 << (size - 1 - c)) for r, c in code.spots)
    return _rows(code), flips


def _mask0(payload: str, level: str) -> tuple[int, tuple[int, ...]] | None:
    """The version and mask-0 rows of `payload` at `level` (what qrcode makes with mask 0),
    or None when it does not fit version 40."""
    segments = _segments(payload)
    for version in range(1, 41):
        value, count = _bits(segments, version)
        if count <= _capacity(version, level):
            break
    else:
        return None
    codewords = _codewords(version, _LEVELS[level], segments)
    rows, flips = _layout(version, level)
    out = list(rows)
    spot = 0
    for byte in codewords:
        for bit in range(7, -1, -1):
            if byte >> bit & 1:
                r, flip = flips[spot]
                out[r] ^= flip
            spot += 1
    return version, tuple(out)


def _codewords(version: int, error_correction: int, data_list: list) -> list[int]:
    """What `qrcode.util.create_data` returns: the data bits, terminated and padded, cut into
    blocks with their error correction, interleaved."""
    value, count = _bits(data_list, version)
    blocks = qr_base.rs_blocks(version, error_correction)
    limit = sum(block.data_count * 8 for block in blocks)
    if count > limit:
        raise DataOverflowError(f"{count} bits > {limit}")
    pad = min(limit - count, 4)  # the terminator, then up to the next whole byte
    value, count = value << pad, count + pad
    if count % 8:
        value, count = value << (8 - count % 8), count + 8 - count % 8
    stream = list(value.to_bytes(count // 8, "big")) if count else []
    stream += [qr_util.PAD0 if i % 2 == 0 else qr_util.PAD1 for i in range((limit - count) // 8)]
    offset, data_blocks, ec_blocks = 0, [], []
    for block in blocks:
        dc = stream[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(dc)
        ec_blocks.append(_remainder(dc, block.total_count - block.data_count))
    out = []
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out += [b[i] for b in group if i < len(b)]
    return out


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
        made = _mask0(payload, level)
        if made is None or made[0] > max_version:
            continue
        version, base = made
        size = len(base)
        packed_rows, packed_cols = _pack(base, size), _pack(_transpose(base, size), size)
        best = None
        for mask, (delta, delta_cols) in enumerate(_mask_deltas(version, level)):
            score = penalty(packed_rows ^ delta, packed_cols ^ delta_cols, size)
            if best is None or score < best[0]:
                best = (score, mask, delta)
        assert best is not None
        rows = _unpack(packed_rows ^ best[2], size)
        return QrCode(payload, level, version, size, rows)
    return None


def _unpack(packed: int, size: int) -> tuple[int, ...]:
    stride, full = size + GAP, (1 << size) - 1
    return tuple((packed >> (i * stride)) & full for i in range(size))


@lru_cache(maxsize=4096)
def path_ops(code: QrCode) -> str:
    """The dark modules as one path of row runs, in module units with the origin at the
    symbol's lower left corner (so the integers format fast and the string can be reused).
    Runs are found with integer operations on each row, right to left."""
    ops = []
    size = code.size
    for r, bits in enumerate(code.rows):
        y = size - 1 - r
        while bits:
            start = (bits & -bits).bit_length() - 1  # lowest dark module (rightmost column)
            shifted = bits >> start
            run = (shifted ^ (shifted + 1)).bit_length() - 1  # dark modules in a row from it
            ops.append(f"{size - start - run} {y} {run} 1 re")
            bits &= ~(((1 << run) - 1) << start)
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

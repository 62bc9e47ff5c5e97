"""QR codes as one vector path each, from qrcode's module matrix.

qrcode is used for what it knows (segment modes, lengths, the layout of function patterns and
where each data bit goes) but not run per payload, which is slow: per version and level its
matrix with all data bits 0 at mask 0 is made once, with the spot of each data bit recorded
(`_layout`); a payload's codewords (bits as one integer, Reed-Solomon as one table look-up
and XOR per byte) then flip their spots in that matrix, held as one integer of packed rows and
columns, a nibble at a time from per-position tables (`_nibbles`). The other seven masks follow by XOR with a per-(version,
level) difference that does not depend on the payload (masks only flip data modules, and the
format bits depend on level and mask alone), and the ISO/IEC 18004 penalty is counted on row
integers. The result is qrcode's own matrix, module for module (tests/printing/test_qr.py).
Matrices are cached per payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import zip_longest

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


@cache
def _rs_table(ec_count: int) -> tuple[int, ...]:
    """Per leading factor, what the generator times that factor XORs into the remainder: the
    `ec_count` bytes as one integer, so a data byte costs one look-up and one XOR."""
    gen = _generator(ec_count)
    table = [0] * 256
    for factor in range(1, 256):
        lf = _LOG[factor]
        table[factor] = int.from_bytes(bytes(_EXP[lf + lg] for lg in gen), "big")
    return tuple(table)


def _remainder(data: list[int], ec_count: int) -> list[int]:
    table = _rs_table(ec_count)
    shift, mask = 8 * (ec_count - 1), (1 << 8 * ec_count) - 1
    rem = 0
    for byte in data:
        rem = ((rem << 8) & mask) ^ table[byte ^ (rem >> shift)]
    return list(rem.to_bytes(ec_count, "big"))


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
    return _rows(code), tuple(code.spots)


def _layout_spots(version: int, level: str) -> tuple[tuple[int, int], ...]:
    """Where each data bit goes, in order: (row, column)."""
    return _layout(version, level)[1]


def _mask0(payload: str, level: str) -> tuple[int, tuple[int, ...]] | None:
    """The version and mask-0 rows of `payload` at `level` (what qrcode makes with mask 0),
    or None when it does not fit version 40."""
    made = _mask0_packed(payload, level)
    if made is None:
        return None
    version, packed = made
    size = 17 + 4 * version
    return version, _unpack(packed, size)


def _mask0_packed(payload: str, level: str) -> tuple[int, int] | None:
    """`_mask0` as one integer: the packed rows (`_pack`) and, above them, the packed columns.
    Each codeword's two nibbles XOR their modules in from a table (`_nibbles`)."""
    segments = _segments(payload)
    for version in range(1, 41):
        value, count = _bits(segments, version)
        if count <= _capacity(version, level):
            break
    else:
        return None
    codewords = _codewords(version, _LEVELS[level], segments)
    base, tables = _nibbles(version, level)
    out = base
    for byte, (high, low) in zip(codewords, tables, strict=False):
        out ^= high[byte >> 4] ^ low[byte & 15]
    return version, out


@cache
def _nibbles(version: int, level: str) -> tuple[int, tuple[tuple[tuple[int, ...], ...], ...]]:
    """The mask-0 matrix with all data bits 0, packed as in `_mask0_packed`, and per codeword
    position and nibble (high, low) the XOR that each of the 16 nibble values makes."""
    rows, _ = _layout(version, level)
    size = len(rows)
    stride = size + GAP
    cols_at = size * stride
    base = _pack(rows, size) | _pack(_transpose(rows, size), size) << cols_at
    spots = _layout_spots(version, level)
    tables = []
    for first in range(0, len(spots) - 7, 8):
        pair = []
        for nibble in (spots[first : first + 4], spots[first + 4 : first + 8]):
            bits = [
                1 << (r * stride + size - 1 - c) | 1 << (cols_at + c * stride + size - 1 - r)
                for r, c in nibble
            ]
            table = [0] * 16
            for value in range(1, 16):  # bit 3 of the nibble is its first spot
                low_bit = value & -value
                table[value] = table[value ^ low_bit] | bits[3 - (low_bit.bit_length() - 1)]
            pair.append(tuple(table))
        tables.append((pair[0], pair[1]))
    return base, tuple(tables)


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
    return [
        byte
        for group in (data_blocks, ec_blocks)
        for column in zip_longest(*group)
        for byte in column
        if byte is not None
    ]


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
    four_light = light & (light >> 1) & (light >> 2) & (light >> 3)
    for bits, four in ((dark, dark & (dark >> 1) & (dark >> 2) & (dark >> 3)), (light, four_light)):
        w = four & (bits >> 4)
        # a run of L >= 5 scores L - 2: its L - 4 five-module windows, plus 2 per run
        score += w.bit_count() + 2 * (w & ~(w << 1)).bit_count()
    # 1011101 with four light modules after it (10111010000) or before it (00001011101)
    core = _windows(dark, light, "1011101")
    finder_like = ((core >> 4) & four_light).bit_count() + (core & (four_light >> 7)).bit_count()
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
        made = _mask0_packed(payload, level)
        if made is None or made[0] > max_version:
            continue
        version, packed = made
        size = 17 + 4 * version
        cols_at = size * (size + GAP)
        packed_rows, packed_cols = packed & ((1 << cols_at) - 1), packed >> cols_at
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
    size = code.size
    values: list[int] = []
    add = values.extend
    for r, bits in enumerate(code.rows):
        y = size - 1 - r
        while bits:
            start = (bits & -bits).bit_length() - 1  # lowest dark module (rightmost column)
            shifted = bits >> start
            run = (shifted ^ (shifted + 1)).bit_length() - 1  # dark modules in a row from it
            add((size - start - run, y, run))
            bits &= ~(((1 << run) - 1) << start)
    # one formatting call for all the rectangles (formatting each was most of the time)
    return "%d %d %d 1 re\n" * (len(values) // 3) % tuple(values) + "f"


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

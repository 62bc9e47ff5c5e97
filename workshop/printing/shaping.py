"""Complex text for reportlab: font fallback per run, bidi order, HarfBuzz shaping, glyph drawing.

reportlab draws characters, one glyph per character, left to right. Arabic joins its letters,
Devanagari reorders and stacks them, Hebrew and Arabic run right to left inside a Dutch line,
an emoji can be a sequence of several characters. So a line that holds such text is:

1. cut into runs of one bidi level and one font (the first font of the chain that has the
   character; a combining mark stays with the font of its base);
2. each run shaped by HarfBuzz in its direction (glyph ids and positions);
3. the runs put in visual order (UBA rule L2) with levels from python-bidi;
4. drawn as real PDF text: every (glyph, text, advance) gets a private code point in that
   font (`GlyphFont`), so reportlab's subsetting embeds the glyph, and the font's ToUnicode
   map says which characters the glyph stands for. The text stays selectable and searchable
   (right-to-left runs read back in visual order, the way PDF text extraction gives them).

Widths come from the shaped glyphs, so wrapping and fitting measure what is drawn.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from workshop.i18n import UserError

if TYPE_CHECKING:
    import uharfbuzz as hb

REPLACEMENT = "?"

# Text that needs the shaped path: combining marks, the scripts from Hebrew to the end of the
# BMP's Indic and South-East Asian blocks, joiners, Tifinagh, CJK and Hangul, presentation
# forms, variation selectors and everything beyond the BMP (emoji and their sequences).
# Latin, Greek, Cyrillic and general punctuation go one glyph per character, as before.
_COMPLEX = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0590-\u1dff\u200c-\u200f"
    "\u20d0-\u20ff\u2d30-\u2d7f\u2e80-\ua4cf\ua800-\ud7ff\uf900-\ufaff\ufb1d-\ufdff"
    "\ufe00-\ufe0f\ufe20-\ufe2f\ufe70-\ufeff\U00010000-\U0010ffff]"
)
_JOINERS = {0x200C, 0x200D}
# Embeddings, overrides and isolates are dropped: an override in a name would print it
# backwards ("evil" as "live"), and the implicit levels of the letters are what a reader expects.
_NO_EXPLICIT = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_FEATURES = {"kern": True, "liga": True}
_PRIVATE = 0xF0000  # supplementary private use area A: no font of ours maps it


def needs_shaping(text: str) -> bool:
    return _COMPLEX.search(text) is not None


def rtl(text: str) -> bool:
    """Whether `text` reads right to left as a whole (it has no left-to-right letter)."""
    return needs_shaping(text) and not any(unicodedata.bidirectional(ch) == "L" for ch in text)


class GlyphFont(TTFont):
    """A TrueType font that can also draw glyphs by id: each (glyph, text, advance) gets a
    private code point mapped to that glyph and width, and the subsets' ToUnicode maps give
    the text back."""

    def __init__(self, name: str, path: str):
        super().__init__(name, path)
        self._codes: dict[tuple[int, str, int], str] = {}
        self._texts: dict[int, str] = {}
        self._next = _PRIVATE

    def code(self, gid: int, text: str, advance: int) -> str:
        """One character that draws glyph `gid` with `advance` (1/1000 em) and reads as `text`."""
        key = (gid, text, advance)
        found = self._codes.get(key)
        if found is not None:
            return found
        face = self.face
        if (
            len(text) == 1
            and face.charToGlyph.get(ord(text)) == gid
            and round(face.charWidths.get(ord(text), -1)) == advance
        ):
            self._codes[key] = text  # the plain character already is this glyph
            return text
        code = self._next
        self._next += 1
        face.charToGlyph[code] = gid
        face.charWidths[code] = advance
        self._texts[code] = text
        self._codes[key] = chr(code)
        return chr(code)

    def addObjects(self, doc) -> None:  # noqa: N802  (reportlab's name)
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        # every subset's map is written anew: reportlab's writes a character beyond U+FFFF
        # (an emoji) as five hex digits, which readers refuse
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            base_name = base.decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base_name)
            if stream is not None:
                stream.content = _to_unicode(base_name, subset, self._texts)


def _to_unicode(name: str, subset: list[int], texts: dict[int, str]) -> str:
    entries = []
    for index, code in enumerate(subset):
        text = texts.get(code, chr(code))
        hexed = text.encode("utf-16-be").hex().upper()
        entries.append(f"<{index:02X}> <{hexed}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@dataclass(eq=False)
class Face:
    """One font file, registered with reportlab and opened in HarfBuzz."""

    name: str
    path: str
    font: GlyphFont
    cmap: frozenset[int]
    ascent: float
    descent: float
    _hb: hb.Font | None = field(default=None, repr=False)

    @property
    def hb(self) -> hb.Font:
        if self._hb is None:
            harfbuzz = _harfbuzz()
            self._hb = harfbuzz.Font(harfbuzz.Face(harfbuzz.Blob.from_file_path(self.path)))
        return self._hb


@lru_cache(maxsize=1)
def _harfbuzz():
    """uharfbuzz, imported when a text first needs shaping (loading it is ~50 ms, which a run
    of Latin cards never needs)."""
    import uharfbuzz

    return uharfbuzz


def font_name(path: str) -> str:
    """The name a font file is registered under."""
    return "wk-" + Path(path).stem.replace("[", "-").replace("]", "").replace(",", "-")


@lru_cache(maxsize=64)
def load(path: str) -> Face:
    """Register a TrueType file with reportlab once per process."""
    name = font_name(path)
    try:
        font = GlyphFont(name, path)
    except (TTFError, OSError) as exc:
        raise UserError("font_unreadable", path=path, detail=str(exc)) from None
    pdfmetrics.registerFont(font)
    face = font.face
    return Face(
        name,
        path,
        font,
        frozenset(face.charToGlyph),
        face.ascent / 1000,
        face.descent / 1000,
    )


@dataclass(frozen=True)
class Piece:
    """Glyphs drawn with one text call: `codes` in `face`, at `x` (1/1000 em from the start of
    the line) raised by `dy`."""

    face: Face
    codes: str
    x: float
    dy: float
    advance: float  # where the PDF's text cursor is after the piece, from `x`


@dataclass(frozen=True)
class Shaped:
    pieces: tuple[Piece, ...]
    advance: float  # the line's width in 1/1000 em
    missing: frozenset[str]  # characters drawn as REPLACEMENT (or as no glyph at all)


def _is_mark(ch: str) -> bool:
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or cp in _JOINERS
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
        or 0x1F3FB <= cp <= 0x1F3FF  # skin tones join their emoji
    )


def itemise(text: str, chain: tuple[Face, ...]) -> tuple[list[tuple[Face, str]], set[str]]:
    """`text` as (face, part) runs: the first face of `chain` that has each character; marks
    and joiners with their base. A character no face has becomes REPLACEMENT in the first."""
    out: list[tuple[Face, str]] = []
    missing: set[str] = set()
    for ch in text:
        cp = ord(ch)
        face = None
        if out and _is_mark(ch) and (cp in out[-1][0].cmap or cp in _JOINERS or cp >= 0xFE00):
            face = out[-1][0]
        else:
            face = next((f for f in chain if cp in f.cmap), None)
        if face is None:
            if unicodedata.category(ch) in ("Mn", "Cf") and cp != 0x00AD:
                continue  # an invisible mark or format character no font has: skip it
            missing.add(ch)
            face, ch = chain[0], REPLACEMENT
        if out and out[-1][0] is face:
            out[-1] = (face, out[-1][1] + ch)
        else:
            out.append((face, ch))
    return out, missing


def _levels(text: str) -> list[int]:
    """The bidi embedding level of every character (python-bidi's UBA, with bracket pairs)."""
    if not any(unicodedata.bidirectional(ch) in ("R", "AL", "RLE", "RLO", "RLI") for ch in text):
        return [0] * len(text)
    # a line of the Dutch or English page is left to right, unless nothing in it is: then
    # it is a right-to-left text of its own ("مسجد النور · vak A1" keeps its Dutch order)
    left = any(unicodedata.bidirectional(ch) == "L" for ch in text)
    base = "L" if left else "R"
    # python-bidi's Rust core gives its levels only in its debug report, one per UTF-8 byte
    import bidi  # only for text with right-to-left letters

    report = str(bidi.get_display(text, base_dir=base, debug=True))
    section = report.split("levels:", 1)[-1].split("]", 1)[0]
    per_byte = [int(level) for level in _LEVEL.findall(section)]
    offsets = list(accumulate((len(ch.encode()) for ch in text), initial=0))
    if len(per_byte) != offsets[-1]:
        return _levels_legacy(text, base)
    return [per_byte[offset] for offset in offsets[:-1]]


_LEVEL = re.compile(r"Level\(\s*(\d+)")


def _levels_legacy(text: str, base: str) -> list[int]:
    """The same from python-bidi's pure-Python algorithm (no bracket pairs)."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = uba.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [storage["base_level"]] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    return levels


@lru_cache(maxsize=8192)
def shape(text: str, chain: tuple[Face, ...]) -> Shaped:
    """One line of text, shaped and in visual order."""
    text = text.translate(_NO_EXPLICIT)
    levels = _levels(text)
    # runs of one level and one face, in logical order
    runs: list[tuple[int, Face, str]] = []
    missing: set[str] = set()
    start = 0
    while start < len(text):
        end = start
        while end < len(text) and levels[end] == levels[start]:
            end += 1
        parts, lost = itemise(text[start:end], chain)
        missing |= lost
        runs += [(levels[start], face, part) for face, part in parts]
        start = end
    # rule L2: reverse every sequence of runs at a level >= k, from the highest odd level down
    if runs:
        top = max(level for level, _, _ in runs)
        low = min(level for level, _, _ in runs)
        low += 1 - low % 2  # the lowest odd level
        for k in range(top, low - 1, -1):
            index = 0
            while index < len(runs):
                if runs[index][0] >= k:
                    stop = index
                    while stop < len(runs) and runs[stop][0] >= k:
                        stop += 1
                    runs[index:stop] = runs[index:stop][::-1]
                    index = stop
                else:
                    index += 1
    pieces: list[Piece] = []
    pen = 0.0
    for level, face, part in runs:
        pen = _shape_run(face, part, level % 2 == 1, pen, pieces, missing)
    return Shaped(tuple(pieces), pen, frozenset(missing))


def _shape_run(
    face: Face, text: str, rtl: bool, pen: float, pieces: list[Piece], missing: set[str]
) -> float:
    harfbuzz = _harfbuzz()
    buf = harfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    buf.flags = (
        harfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES
        | harfbuzz.BufferFlags.DO_NOT_INSERT_DOTTED_CIRCLE
    )
    font = face.hb
    harfbuzz.shape(font, buf, _FEATURES)
    scale = 1000 / font.face.upem
    infos, positions = buf.glyph_infos, buf.glyph_positions
    if not infos:
        return pen
    # each cluster's text goes to its first glyph; the other glyphs of it read as nothing
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    seen: set[int] = set()
    codes, piece_x = "", pen
    gf = face.font
    for info, pos in zip(infos, positions, strict=True):
        cluster = info.cluster
        part = "" if cluster in seen else text[cluster : ends[cluster]]
        seen.add(cluster)
        if info.codepoint == 0:
            missing.update(ch for ch in part if not _is_mark(ch))
        advance = round(pos.x_advance * scale)
        dx, dy = pos.x_offset * scale, pos.y_offset * scale
        if dx or dy:  # a positioned glyph: a piece of its own
            if codes:
                pieces.append(Piece(face, codes, piece_x, 0.0, pen - piece_x))
            code = gf.code(info.codepoint, part, advance)
            pieces.append(Piece(face, code, pen + dx, dy, advance))
            codes, piece_x = "", pen + advance
        else:
            codes += gf.code(info.codepoint, part, advance)
        pen += advance
    if codes:
        pieces.append(Piece(face, codes, piece_x, 0.0, pen - piece_x))
    return pen


def draw(
    c: Canvas,
    x: float,
    y: float,
    shaped: Shaped,
    size: float,
    mode: int | None = None,
    thicken: frozenset[str] = frozenset(),
) -> None:
    """Draw a shaped line with its start at `x`, baseline `y`: one text object, so the line
    reads back as one line (a mark's offset is a text rise, not another baseline). The fonts
    named in `thicken` are emboldened (a bold text in a font that has no bold)."""
    scale = size / 1000
    bold = mode is None and any(piece.face.name in thicken for piece in shaped.pieces)
    if bold:
        _thicken(c, size)
    # the operators reportlab's text object would write, written directly (a card run draws
    # some two thousand shaped lines); a piece's codes are encoded once per document
    doc = c._doc  # noqa: SLF001
    cache = doc.__dict__.setdefault("_workshop_piece_ops", {})
    tf = fp_str(size)
    ops = [f"BT 1 0 0 1 {fp_str(x, y)} Tm"]
    cursor, rise, render, font = 0.0, 0.0, 0, ""
    for piece in shaped.pieces:
        name = piece.face.name
        if abs(piece.x - cursor) > 0.5:  # only a moved glyph moves the cursor
            ops.append(f"1 0 0 1 {fp_str(x + piece.x * scale, y)} Tm")
        if piece.dy * scale != rise:
            rise = piece.dy * scale
            ops.append(f"{fp_str(rise)} Ts")
        wanted = 2 if bold and name in thicken else mode or 0
        if wanted != render:
            render = wanted
            ops.append(f"{render} Tr")
        key = (name, piece.codes)
        encoded = cache.get(key)
        if encoded is None:
            rl_font = pdfmetrics.getFont(name)
            encoded = cache[key] = [
                (rl_font.getSubsetInternalName(subset, doc), c._escape(part))  # noqa: SLF001
                for subset, part in rl_font.splitString(piece.codes, doc)
            ]
        for subset_font, part in encoded:
            if subset_font != font:
                font = subset_font
                ops.append(f"{font} {tf} Tf")
            ops.append(f"({part}) Tj")
        cursor = piece.x + piece.advance
    if rise:
        ops.append("0 Ts")
    if render:
        ops.append("0 Tr")  # text state outlives ET: the next line is filled again
    ops.append("ET")
    c._code.append(" ".join(ops))  # noqa: SLF001
    if shaped.pieces:  # the canvas's idea of its font, as the text object would leave it
        c._fontname, c._fontsize = shaped.pieces[-1].face.name, size  # noqa: SLF001
    if bold:
        c.restoreState()


def _thicken(c: Canvas, size: float) -> None:
    c.saveState()
    c.setStrokeColor(c._fillColorObj)  # noqa: SLF001  (the colour the text is filled with)
    c.setLineWidth(size * 0.045)
    c.setLineJoin(1)


def embolden(c: Canvas, size: float, draw_text) -> None:
    """A bold for a font that has none: the glyphs filled and stroked in their own colour."""
    _thicken(c, size)
    draw_text()
    c.restoreState()

"""Fonts that come with the Python install, and text that never loses a character.

The printouts use Fira Sans (static Regular/Bold/Italic files, so headings are truly bold) with
Noto Sans and the Noto fonts bundled in `fontfiles/` (Arabic, Hebrew, Devanagari, Thai,
Tifinagh, Simplified Chinese, Korean, symbols, monochrome emoji) as the fallbacks for any character
Fira lacks. Text is split into runs per font by each font's character map, and text in a
script that needs it is shaped with HarfBuzz and put in bidi order (`shaping`), so a glyph
is never silently drawn as a box: a character that no font has is drawn as '?' and reported
(`FontSet.missing`, and per name in `FontSet.lost`), so the command can say so.

User text is drawn with `drawString`-level calls only; nothing here interprets markup.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fontpkg_fira_sans
import fontpkg_noto_sans
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from workshop.printing import outlines, shaping
from workshop.printing.shaping import REPLACEMENT, Face

__all__ = ["ELLIPSIS", "FAMILIES", "REPLACEMENT", "STYLES", "FontSet", "clean"]

STYLES = ("regular", "bold", "italic")
ELLIPSIS = "…"

_FIRA = Path(fontpkg_fira_sans.ROOT) / "files"
_NOTO = Path(fontpkg_noto_sans.ROOT) / "files"
FONTFILES = Path(__file__).resolve().parent / "fontfiles"
# The families a template can name, style -> file.
FAMILIES = {
    "fira-sans": {
        "regular": _FIRA / "FiraSans-Regular.ttf",
        "bold": _FIRA / "FiraSans-Bold.ttf",
        "italic": _FIRA / "FiraSans-Italic.ttf",
    },
    # Noto Sans comes as a variable font; reportlab draws its default instance (Regular), so
    # it serves as the fallback for coverage, with the same file for bold.
    "noto-sans": {
        "regular": _NOTO / "NotoSans[wdth,wght].ttf",
        "bold": _NOTO / "NotoSans[wdth,wght].ttf",
        "italic": _NOTO / "NotoSans-Italic[wdth,wght].ttf",
    },
}
FALLBACK = "noto-sans"
# The scripts' fonts, tried in this order after the primary family (before Noto Sans, so
# Devanagari comes from a font with a real bold). A family without a Bold file is drawn
# emboldened in bold text; italic uses the upright files.
SCRIPTS = (
    "NotoSansArabic",
    "NotoSansHebrew",
    "NotoSansDevanagari",
    "NotoSansThai",
    "NotoSansTifinagh",
    "NotoSansSC",
    "NotoSansKR",
)
SYMBOLS = ("NotoSansSymbols", "NotoSansSymbols2", "NotoEmoji")


def _plain_text(c: Canvas, font_name: str, size: float, x: float, y: float, text: str) -> None:
    """What `c.setFont(...); c.drawString(x, y, text)` writes for a TrueType font, without the
    text object, bidi pass and per-call font look-ups around it (a card sheet draws some
    16,000 such lines: this was the largest part of printing 1,000 cards)."""
    font = _FONT_CACHE.get(font_name)
    if font is None:
        font = _FONT_CACHE[font_name] = pdfmetrics.getFont(font_name)
    doc = c._doc  # noqa: SLF001  (reportlab's own drawString reads the same fields)
    c._fontname, c._fontsize, c._leading = font_name, size, size * 1.2  # noqa: SLF001
    # a text's operators depend on the document (its font subsets) but not on where it goes:
    # a label drawn on every card is encoded once per document
    cache = doc.__dict__.setdefault("_workshop_text_ops", {})
    key = (font_name, size, text)
    body = cache.get(key)
    if body is None:
        tf = f"{fp_str(size)} Tf"
        body = cache[key] = " ".join(
            f"{font.getSubsetInternalName(subset, doc)} {tf} ({c._escape(part)}) Tj"  # noqa: SLF001
            for subset, part in font.splitString(text, doc)
        )
    c._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {body} ET")  # noqa: SLF001


_FONT_CACHE: dict[str, Any] = {}


def _script_files(stems: tuple[str, ...], style: str) -> list[tuple[Path, bool]]:
    """The bundled files for `style`, each with whether it must be emboldened."""
    files = []
    for stem in stems:
        bold = FONTFILES / f"{stem}-Bold.ttf"
        if style == "bold" and bold.is_file():
            files.append((bold, False))
        else:
            files.append((FONTFILES / f"{stem}-Regular.ttf", style == "bold"))
    return files


def _load(path: str) -> tuple[str, frozenset[int], float, float]:
    """Register a TrueType file with reportlab once per process; (name, cmap, ascent, descent)."""
    face = shaping.load(path)
    return face.name, face.cmap, face.ascent, face.descent


@dataclass
class FontSet:
    """A primary family (three styles) and the fallback fonts, with the characters that could
    not be drawn in any of them collected in `missing` (and the texts they were in, in `lost`)."""

    files: dict[str, Path]
    fallback: dict[str, Path] = field(default_factory=lambda: dict(FAMILIES[FALLBACK]))
    missing: set[str] = field(default_factory=set)
    lost: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._widths: dict[tuple[str, str, float], float] = {}
        self._plans: dict[tuple[str, str, float], Any] = {}
        # each file is parsed when a text first needs it: a card run never opens the italic,
        # nor Noto Sans unless a name has a letter Fira lacks (parsing one is ~20 ms)
        self._fonts: dict[str, tuple[str, frozenset[int], float, float]] = {}
        shipped = {path for family in FAMILIES.values() for path in family.values()}
        for style in STYLES:  # a template's own file is read now: a bad one is refused early
            if Path(self.files[style]) not in shipped:
                self._primary(style)
        self._chains: dict[str, tuple[Face, ...]] = {}  # loaded when a text first needs one
        self._thicken = {style: frozenset(self._layers(style)[1]) for style in STYLES}

    def _layers(self, style: str) -> tuple[list[Path], list[str]]:
        """The fallback chain's files for `style`, and the names of those drawn emboldened
        (a bold text in a family without a bold file: Noto Sans' variable font, Chinese...)."""
        paths: list[Path] = []
        thick: list[str] = []
        for files in (self.files, None, self.fallback, SYMBOLS):
            if isinstance(files, dict):
                found = [
                    (Path(files[style]), style == "bold" and files["bold"] == files["regular"])
                ]
            else:
                found = _script_files(SCRIPTS if files is None else files, style)
            for path, emboldened in found:
                paths.append(path)
                if emboldened:
                    thick.append(shaping.font_name(str(path)))
        return paths, thick

    def _chain(self, style: str) -> tuple[Face, ...]:
        chain = self._chains.get(style)
        if chain is None:
            chain = self._chains[style] = tuple(
                shaping.load(str(p)) for p in self._layers(style)[0]
            )
        return chain

    @classmethod
    def named(cls, family: str = "fira-sans") -> FontSet:
        return cls(dict(FAMILIES[family]))

    def _primary(self, style: str) -> tuple[str, frozenset[int], float, float]:
        found = self._fonts.get(style)
        if found is None:
            found = self._fonts[style] = _load(str(self.files[style]))
        return found

    def name(self, style: str) -> str:
        return self._primary(style)[0]

    def style_of(self, font_name: str) -> str:
        """The style whose primary font is `font_name` (regular when none is)."""
        return next(
            (s for s in STYLES if shaping.font_name(str(self.files[s])) == font_name), "regular"
        )

    def ascent(self, style: str = "regular") -> float:
        return self._primary(style)[2]

    def has(self, ch: str, style: str = "regular") -> bool:
        return any(ord(ch) in face.cmap for face in self._chain(style))

    def _lose(self, text: str, chars: set[str] | frozenset[str]) -> None:
        if chars:
            self.missing |= chars
            self.lost.setdefault(text, set()).update(chars)

    def runs(self, text: str, style: str) -> list[tuple[str, str]]:
        """`text` as (font name, part) runs: the primary font wherever it has the glyph."""
        primary, cmap = self._primary(style)[:2]
        if cmap.issuperset(map(ord, text)):
            return [(primary, text)]
        parts, lost = shaping.itemise(text, self._chain(style))
        self._lose(text, lost)
        return [(face.name, part) for face, part in parts]

    def _shaped(self, text: str, style: str) -> shaping.Shaped | None:
        """The shaped line when `text` needs shaping (else None: one glyph per character)."""
        if not shaping.needs_shaping(text):
            return None
        shaped = shaping.shape(text, self._chain(style))
        self._lose(text, shaped.missing)
        return shaped

    def width(self, text: str, style: str, size: float) -> float:
        key = (text, style, size)
        known = self._widths.get(key)
        if known is not None:
            return known
        shaped = self._shaped(text, style)
        if shaped is not None:
            width = shaped.advance * size / 1000
        else:
            width = sum(
                pdfmetrics.stringWidth(part, font, size) for font, part in self.runs(text, style)
            )
        if len(self._widths) < 65536:  # a card run measures the same labels thousands of times
            self._widths[key] = width
        return width

    def draw(
        self,
        c: Canvas,
        x: float,
        y: float,
        text: str,
        style: str = "regular",
        size: float = 10,
        anchor: str = "left",
        mode: int | None = None,
    ) -> float:
        """Draw one line at baseline `y`; returns its width. Anchor: left, centre or right;
        `mode` is the PDF text render mode (1 strokes the outline, for halos)."""
        key = (text, style, size)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plan(text, style, size)
        shaped, runs, width = plan
        if anchor == "centre":
            x -= width / 2
        elif anchor == "right":
            x -= width
        if shaped is not None:
            shaping.draw(c, x, y, shaped, size, mode, self._thicken[style])
            return width
        thick = self._thicken[style]
        for font, part, part_width in runs:
            if mode is None and font not in thick:
                _plain_text(c, font, size, x, y, part)
            elif mode is None:
                c.setFont(font, size)
                shaping.embolden(c, size, lambda x=x, part=part: c.drawString(x, y, part, mode=2))
            else:
                c.setFont(font, size)
                c.drawString(x, y, part, mode=mode)
            x += part_width
        return width

    def halo(
        self,
        c: Canvas,
        x: float,
        y: float,
        text: str,
        style: str = "regular",
        size: float = 10,
        anchor: str = "left",
        width: float = 2.8,
    ) -> None:
        """The white outline that goes under `draw(c, x, y, text, style, size, anchor)`,
        `width` points wide: the glyphs' outlines stroked as paths, so the text under it reads,
        copies and extracts once (a second, stroked text run read as the name twice)."""
        shaped, runs, line_width = self._plans.get((text, style, size)) or self._plan(
            text, style, size
        )
        if anchor == "centre":
            x -= line_width / 2
        elif anchor == "right":
            x -= line_width
        glyphs: list[tuple[Face, int, float, float]] = []
        em = size / 1000
        if shaped is not None:
            for piece in shaped.pieces:
                ttf, at = piece.face.font.face, piece.x
                for code in map(ord, piece.codes):
                    gid = ttf.charToGlyph.get(code)
                    if gid is not None:
                        glyphs.append((piece.face, gid, x + at * em, y + piece.dy * em))
                    at += ttf.charWidths.get(code, ttf.defaultWidth)
        else:
            primary = shaping.load(str(self.files[style]))
            at = x
            for font, part, _ in runs:
                face = (
                    primary
                    if font == primary.name
                    else next(f for f in self._chain(style) if f.name == font)
                )
                ttf = face.font.face
                for code in map(ord, part):
                    gid = ttf.charToGlyph.get(code)
                    if gid is not None:
                        glyphs.append((face, gid, at, y))
                    at += ttf.charWidths.get(code, ttf.defaultWidth) * em
        outlines.stroke_outlines(c, glyphs, size, width)

    def _plan(
        self, text: str, style: str, size: float
    ) -> tuple[shaping.Shaped | None, tuple[tuple[str, str, float], ...], float]:
        """How `draw` draws `text`: the shaped line, or (font, part, width) runs; and the width.
        Kept per (text, style, size): a card run draws the same labels on every card."""
        key = (text, style, size)
        text = clean(text)
        shaped = self._shaped(text, style)
        plan: tuple[shaping.Shaped | None, tuple[tuple[str, str, float], ...], float]
        if shaped is not None:
            plan = (shaped, (), shaped.advance * size / 1000)
        else:
            runs = tuple(
                (font, part, pdfmetrics.stringWidth(part, font, size))
                for font, part in self.runs(text, style)
            )
            plan = (None, runs, sum(w for _, _, w in runs))
        if len(self._plans) < 65536:
            self._plans[key] = plan
        return plan

    # --- fitting text into boxes -----------------------------------------------------------

    def fit(self, text: str, style: str, size: float, width: float) -> str:
        """One line no wider than `width`: the text, or its start with an ellipsis."""
        text = clean(text)
        if self.width(text, style, size) <= width:
            return text
        low, high = 0, len(text)
        while low < high:  # the longest prefix that fits with the ellipsis
            mid = (low + high + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS, style, size) <= width:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + ELLIPSIS

    def wrap(self, text: str, style: str, size: float, width: float, max_lines: int) -> list[str]:
        """Lines no wider than `width`, at most `max_lines`; what does not fit is cut with an
        ellipsis on the last line. Words longer than a line are broken."""
        if max_lines <= 0:
            return []
        lines: list[str] = []
        paragraphs = [" ".join(clean(p).split()) for p in text.replace("\r", "\n").split("\n")]
        paragraphs = [p for p in paragraphs if p]
        overflow = False
        space = self.width(" ", style, size)
        for p_index, paragraph in enumerate(paragraphs):
            # text drawn one glyph per character is as wide as its words and spaces: measured
            # word by word, not as every longer candidate line (quadratic in a long paragraph)
            simple = not shaping.needs_shaping(paragraph)
            line, line_width = "", 0.0
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if simple:
                    word_width = self.width(word, style, size)
                    candidate_width = line_width + space + word_width if line else word_width
                else:
                    candidate_width = self.width(candidate, style, size)
                if candidate_width <= width:
                    line, line_width = candidate, candidate_width
                    continue
                if line:
                    lines.append(line)
                    line = ""
                while self.width(word, style, size) > width:  # break a word that cannot fit
                    cut = self._longest_prefix(word, style, size, width)
                    lines.append(word[:cut])
                    word = word[cut:]
                line, line_width = word, self.width(word, style, size) if simple else 0.0
                if len(lines) >= max_lines:
                    break
            if line:
                lines.append(line)
            if len(lines) > max_lines or (
                len(lines) == max_lines and p_index < len(paragraphs) - 1
            ):
                overflow = True
                break
        if len(lines) > max_lines:
            overflow = True
        lines = lines[:max_lines]
        if overflow and lines:
            lines[-1] = self.fit(lines[-1] + ELLIPSIS, style, size, width)
        return lines

    def _longest_prefix(self, word: str, style: str, size: float, width: float) -> int:
        low, high = 1, len(word)
        while low < high:
            mid = (low + high + 1) // 2
            if self.width(word[:mid], style, size) <= width:
                low = mid
            else:
                high = mid - 1
        return low


def clean(text: str) -> str:
    """One drawable line: NFC (so a decomposed `ö` is one glyph), control characters as spaces."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        return text
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)

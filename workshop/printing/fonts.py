"""Fonts that come with the Python install, and text that never loses a character.

The printouts use Fira Sans (static Regular/Bold/Italic files, so headings are truly bold) with
Noto Sans as the fallback for any character Fira lacks. Text is split into runs per font by
each font's character map, so a glyph is never silently drawn as a box: a character that no
font has is drawn as '?' and reported (`FontSet.missing`), so the command can say so.

User text is drawn with `drawString`-level calls only; nothing here interprets markup.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import fontpkg_fira_sans
import fontpkg_noto_sans
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from workshop.i18n import UserError

STYLES = ("regular", "bold", "italic")
ELLIPSIS = "…"
REPLACEMENT = "?"

_FIRA = Path(fontpkg_fira_sans.ROOT) / "files"
_NOTO = Path(fontpkg_noto_sans.ROOT) / "files"
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


@lru_cache(maxsize=32)
def _load(path: str) -> tuple[str, frozenset[int], float, float]:
    """Register a TrueType file with reportlab once per process; (name, cmap, ascent, descent)."""
    name = "wk-" + Path(path).stem.replace("[", "-").replace("]", "").replace(",", "-")
    try:
        font = TTFont(name, path)
    except (TTFError, OSError) as exc:
        raise UserError("font_unreadable", path=path, detail=str(exc)) from None
    pdfmetrics.registerFont(font)
    face = font.face
    return name, frozenset(face.charToGlyph), face.ascent / 1000, face.descent / 1000


@dataclass
class FontSet:
    """A primary family (three styles) and the fallback family, with the characters that could
    not be drawn in any of them collected in `missing`."""

    files: dict[str, Path]
    fallback: dict[str, Path] = field(default_factory=lambda: dict(FAMILIES[FALLBACK]))
    missing: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._fonts = {style: _load(str(self.files[style])) for style in STYLES}
        self._fallback = {style: _load(str(self.fallback[style])) for style in STYLES}

    @classmethod
    def named(cls, family: str = "fira-sans") -> FontSet:
        return cls(dict(FAMILIES[family]))

    def name(self, style: str) -> str:
        return self._fonts[style][0]

    def ascent(self, style: str = "regular") -> float:
        return self._fonts[style][2]

    def has(self, ch: str, style: str = "regular") -> bool:
        cp = ord(ch)
        return cp in self._fonts[style][1] or cp in self._fallback[style][1]

    def runs(self, text: str, style: str) -> list[tuple[str, str]]:
        """`text` as (font name, part) runs: the primary font wherever it has the glyph."""
        primary, cmap = self._fonts[style][:2]
        if cmap.issuperset(map(ord, text)):
            return [(primary, text)]
        second, cmap2 = self._fallback[style][:2]
        out: list[tuple[str, str]] = []
        for ch in text:
            cp = ord(ch)
            if cp in cmap:
                font = primary
            elif cp in cmap2:
                font = second
            elif unicodedata.category(ch) in ("Mn", "Cf") and cp != 0x00AD:
                continue  # an invisible mark or format character neither font has: skip it
            else:
                self.missing.add(ch)
                font, ch = primary, REPLACEMENT
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + ch)
            else:
                out.append((font, ch))
        return out

    def width(self, text: str, style: str, size: float) -> float:
        return sum(
            pdfmetrics.stringWidth(part, font, size) for font, part in self.runs(text, style)
        )

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
        text = clean(text)
        runs = self.runs(text, style)
        width = sum(pdfmetrics.stringWidth(part, font, size) for font, part in runs)
        if anchor == "centre":
            x -= width / 2
        elif anchor == "right":
            x -= width
        for font, part in runs:
            c.setFont(font, size)
            c.drawString(x, y, part, mode=mode)
            x += pdfmetrics.stringWidth(part, font, size)
        return width

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
        for p_index, paragraph in enumerate(paragraphs):
            line = ""
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if self.width(candidate, style, size) <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                    line = ""
                while self.width(word, style, size) > width:  # break a word that cannot fit
                    cut = self._longest_prefix(word, style, size, width)
                    lines.append(word[:cut])
                    word = word[cut:]
                line = word
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

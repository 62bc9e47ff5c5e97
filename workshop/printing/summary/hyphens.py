"""Lines for the summary's tables and shaped paragraphs, broken where Dutch or English breaks
its words (pyphen's hyphenation patterns, as LibreOffice uses them), never in the middle of a
syllable without a hyphen ("welzijnsorganisati/e" becomes "welzijnsorga-/nisatie").

A word of `FILL_MIN` letters or more is hyphenated when it does not fit the rest of a line
and a part of it does; a shorter one moves to the next line whole. A word
that has no break point that fits (a long URL, a name in a script pyphen has no patterns for)
breaks after a "/" or "-" of its own, else between characters, as a last resort. Addresses
(URLs, mail addresses) are never given a hyphen: they break after their own "/", "." or "@".
"""

from __future__ import annotations

import functools
import re

import pyphen

from workshop.printing.fonts import ELLIPSIS, FontSet, clean
from workshop.printing.shaping import needs_shaping

DICTIONARIES = {"nl": "nl_NL", "en": "en_GB"}
HYPHEN = "-"
_ADDRESS = re.compile(r"://|@|^www\.|^[\w-]+(\.[\w-]+)+(/|$)")  # a URL, a mail address, a domain
FILL_MIN = 8  # a shorter word that fits a line of its own goes there whole ("ac-tief" reads badly)


@functools.cache
def _dictionary(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=DICTIONARIES.get(lang, "en_GB"), left=2, right=3)


def break_points(word: str, lang: str) -> list[tuple[int, bool]]:
    """(position, needs a hyphen) where `word` may break, last first. An address (URL, mail)
    breaks only after its own "/", ".", "@" or "-": a hyphen added to it would change it."""
    address = _ADDRESS.search(word) is not None
    marks = "-/–.@" if address else "-/–"
    points = {i + 1: False for i, ch in enumerate(word[:-1]) if ch in marks and i > 0}
    if not address and not needs_shaping(word):
        for pos in _dictionary(lang).positions(word):
            if word[pos - 1].isalpha() and word[pos].isalpha():
                points.setdefault(pos, True)
    return sorted(points.items(), reverse=True)


class Hyphenator:
    """`wrap` with the interface of `FontSet.wrap`, in one language."""

    def __init__(self, fonts: FontSet, lang: str):
        self.fonts, self.lang = fonts, lang

    def _fits(self, text: str, style: str, size: float, width: float) -> bool:
        return self.fonts.width(text, style, size) <= width

    def _head(self, word: str, style: str, size: float, room: float) -> tuple[str, str] | None:
        """The longest head of `word` (with its hyphen) that fits in `room`, and the rest."""
        for pos, hyphen in break_points(word, self.lang):
            head = word[:pos] + (HYPHEN if hyphen else "")
            if self._fits(head, style, size, room):
                return head, word[pos:]
        return None

    def _cut(self, word: str, style: str, size: float, width: float) -> tuple[str, str]:
        low, high = 1, len(word)
        while low < high:
            mid = (low + high + 1) // 2
            if self._fits(word[:mid], style, size, width):
                low = mid
            else:
                high = mid - 1
        return word[:low], word[low:]

    def wrap(self, text: str, style: str, size: float, width: float, max_lines: int) -> list[str]:
        """Lines no wider than `width`; `max_lines` 0 keeps every line, else what does not fit
        is cut with an ellipsis on the last line."""
        lines: list[str] = []
        for paragraph in text.replace("\r", "\n").split("\n"):
            words = clean(paragraph).split()
            line = ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if self._fits(candidate, style, size, width):
                    line = candidate
                    continue
                prefix = f"{line} " if line else ""
                room = width - self.fonts.width(prefix, style, size)
                long = len(word) >= FILL_MIN or not self._fits(word, style, size, width)
                split = self._head(word, style, size, room) if long else None
                if split is not None:
                    lines.append(prefix + split[0])
                    word, line = split[1], ""
                elif line:
                    lines.append(line)
                    line = ""
                while not self._fits(word, style, size, width):
                    head, word = self._head(word, style, size, width) or self._cut(
                        word, style, size, width
                    )
                    lines.append(head)
                line = word
            if line:
                lines.append(line)
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self.fonts.fit(lines[-1] + ELLIPSIS, style, size, width)
        return lines

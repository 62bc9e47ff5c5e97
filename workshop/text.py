"""Text helpers shared by the grammar, the store and the printouts.

Names are stored exactly as typed; `normalise` gives the key they are matched by.
"""

from __future__ import annotations

import unicodedata

# Typographic apostrophes and quotes that people type interchangeably with the plain ones.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def normalise(name: str) -> str:
    """The matching key of a name: NFKC (so `ĳ` = `ij`), accents dropped, case folded,
    whitespace collapsed. `Energiecoöperatie 't Hoekje` and `ENERGIECOOPERATIE ’t hoekje`
    give the same key."""
    text = unicodedata.normalize("NFKC", name).translate(_FOLD)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Letters that carry their "accent" in the base letter and do not decompose.
    stripped = stripped.translate(_BASE_LETTERS)
    return " ".join(stripped.casefold().split())


_BASE_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"}
)


def one_line(text: str, limit: int = 120) -> str:
    """A single display line: control characters shown as spaces, cut with an ellipsis."""
    clean = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    clean = " ".join(clean.split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def visible(text: str) -> str:
    """Text safe to put on a terminal, still showing what is there: each control character
    becomes its Unicode control picture (ESC as ␛, BEL as ␇), so stored text such as an
    escape sequence in an imported name is displayed, never executed by the terminal."""
    if text.isprintable():
        return text
    return text.translate(_PICTURES)


_PICTURES = {**{c: 0x2400 + c for c in range(0x20)}, 0x7F: 0x2421,
             **{c: 0xFFFD for c in range(0x80, 0xA0)}}

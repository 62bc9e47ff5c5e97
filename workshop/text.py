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

"""Text helpers shared by the grammar, the store and the printouts.

Names are stored exactly as typed; `normalise` gives the key they are matched by.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic apostrophes and quotes that people type interchangeably with the plain ones.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


@lru_cache(maxsize=8192)  # the same names are looked up again and again while typing
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


_PICTURES = {
    **{c: 0x2400 + c for c in range(0x20)},
    0x7F: 0x2421,
    **{c: 0xFFFD for c in range(0x80, 0xA0)},
}


# Words that tell two otherwise equal names apart: "Wijkteam Zeist-Oost" is not a typo of
# "Wijkteam Zeist-West", nor "Tafel 1" of "Tafel 2". Compared after `normalise`.
_DISTINGUISHING = frozenset(
    " ".join(
        (
            "noord zuid oost west noordoost noordwest zuidoost zuidwest midden centrum",
            "north south east northeast northwest southeast southwest centre center middle",
            "een twee drie vier vijf zes zeven acht negen tien elf twaalf",
            "one two three four five six seven eight nine ten eleven twelve",
            "eerste tweede derde vierde vijfde zesde first second third fourth fifth sixth",
            "ii iii iv vi vii viii ix xi xii",
            "oud nieuw old new boven beneden onder upper lower groot klein big small",
            "links rechts left right binnen buiten inner outer jong junior senior",
        )
    ).split()
)
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def name_words(name: str) -> list[str]:
    """The words of a name after `normalise`, split at spaces, hyphens, punctuation and
    between letters and digits (`Zeist-Oost` -> zeist, oost; `Tafel2` -> tafel, 2)."""
    return _TOKEN.findall(normalise(name))


def distinguishing(word: str) -> bool:
    return word.isdigit() or len(word) == 1 or word in _DISTINGUISHING


@lru_cache(maxsize=65536)  # the preview asks again at every keystroke, for the same records
def differ_in_kind(a: str, b: str) -> bool:
    """Whether two similar names differ in a word that tells things apart (Oost/West,
    Noord/Zuid, 1/2, Een/Twee, I/II, A/B...) rather than in a typo: then they are two
    records, not one written twice. A name that only adds such a word (`Zeist` and
    `Zeist-Oost`) differs in kind too."""
    words_a, words_b = _words(a), _words(b)
    only_a, only_b = _without(words_a, words_b), _without(words_b, words_a)
    marks_a = any(distinguishing(w) for w in only_a)
    marks_b = any(distinguishing(w) for w in only_b)
    if marks_a and marks_b:
        return True
    if marks_a or marks_b:
        return not (only_b if marks_a else only_a)  # the one side only adds such a word
    return False


@lru_cache(maxsize=16384)
def _words(name: str) -> tuple[str, ...]:
    return tuple(name_words(name))


def _without(words: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    """The words of one name that the other lacks, counted (as a multiset difference)."""
    rest = list(other)
    only = []
    for word in words:
        if word in rest:
            rest.remove(word)
        else:
            only.append(word)
    return only

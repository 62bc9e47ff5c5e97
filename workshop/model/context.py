"""What the capture grammar needs to know of a file: its grid, board dimensions and language.

The file builds it (`Store.context()`), the capture line, the forms and the imports read it;
it lives here, under all of them, so the file does not import the grammar.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from workshop.model.fields import FIELDS
from workshop.model.registry import PERSON_TABLES
from workshop.model.vocabularies import DEFAULT_DIMENSIONS, Dimension, Grid
from workshop.text import normalise


@dataclass(frozen=True)
class Context:
    """What the grammar needs to know of the file: its grid, board dimensions and language."""

    grid: Grid = Grid()
    dimensions: tuple[Dimension, ...] = DEFAULT_DIMENSIONS
    lang: str = "nl"

    @cached_property
    def field_names(self) -> dict[str, str]:
        """Every word typed before a colon -> its field (`dim:<key>` for a board dimension)."""
        names = {w: rule.name for rule in FIELDS.values() for w in rule.words}
        for dim in self.dimensions:
            for word in (dim.key, dim.nl, dim.en):
                names[normalise(word).replace(" ", "_")] = "dim:" + dim.key
                names[normalise(word).replace(" ", "")] = "dim:" + dim.key
        return names

    def field_words(self, kind: str) -> list[str]:
        """The `field:` words a line making a `kind` takes, one per field, in this file's
        language (`tel:`, `mail:`, ... and, for participants and candidates, the board's
        dimensions): what a refusal of another field and F1 name."""
        words = [f"{rule.word_in(self.lang)}:" for rule in FIELDS.values() if kind in rule.kinds]
        if kind in PERSON_TABLES:
            words += [f"{dim.label(self.lang).replace(' ', '')}:" for dim in self.dimensions]
        return words

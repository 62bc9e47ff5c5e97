"""Finding near-duplicate names without comparing with every name in the file.

A name is filed under blocking keys: each of its words and every variant of a word with one
letter left out (so `kuil`, `kuijl` and `kuyl` meet at `kul`/`kuil`), and the whole name without
spaces (`Buurt huis` meets `Buurthuis`). A look-up scores only the names that share a key with
it (rapidfuzz's `ratio`, as before), rarest keys first and at most about BUDGET of them, so
it costs the same in a file of 100 names as of 100,000. Keys that half the neighbourhood
shares (`plek`, `buurthuis`) say little and come last; a name made only of such words is
compared with the names of its rarest key. The price: a look-alike that shares only common
keys with the name, in a file where those keys have many names, may go unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

_WORD = re.compile(r"\d+|[^\W\d_]+")
BUDGET = 96  # candidates scored per look-up, whatever the size of the file


def keys(norm: str) -> Iterator[str]:
    """The blocking keys of a normalised name."""
    words = _WORD.findall(norm)
    yield "=" + "".join(words)
    for word in words:
        yield word
        if 3 <= len(word) <= 24:
            for i in range(len(word)):
                yield word[:i] + word[i + 1 :]


class SimilarIndex:
    """id -> norm of one table's names, with their blocking keys."""

    def __init__(self, entries: dict[str, tuple[str, str]]):
        self.norms: dict[str, str] = {}
        self._order: dict[str, int] = {}  # ties are listed in the order names came in
        self._by_key: dict[str, set[str]] = {}
        for id_, (_, norm) in entries.items():
            self.add(id_, norm)

    def add(self, id_: str, norm: str) -> None:
        if self.norms.get(id_) == norm:
            return
        self.remove(id_)
        self.norms[id_] = norm
        self._order[id_] = len(self._order)
        for key in set(keys(norm)):
            self._by_key.setdefault(key, set()).add(id_)

    def remove(self, id_: str) -> None:
        norm = self.norms.pop(id_, None)
        if norm is None:
            return
        for key in set(keys(norm)):
            ids = self._by_key.get(key)
            if ids is not None:
                ids.discard(id_)
                if not ids:
                    del self._by_key[key]

    def candidates(self, norm: str) -> set[str]:
        """The names sharing the rarest keys with `norm`: the rarest key's names always,
        then the next rarest while the candidates stay under BUDGET."""
        postings = sorted(
            (ids for key in set(keys(norm)) if (ids := self._by_key.get(key))), key=len
        )
        found: set[str] = set()
        for ids in postings:
            if found and len(found) + len(ids) > BUDGET:
                break
            found |= ids
        return found

    def search(self, norm: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """(id, score) of the names scoring at least `cutoff` against `norm`, best first."""
        ids = list(self.candidates(norm))
        if not ids:
            return []
        choices = [self.norms[i] for i in ids]
        matches = process.extract(norm, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        # best first; equal scores in the order the names came in (the same on every run)
        ranked = sorted(
            ((ids[index], score) for _, score, index in matches),
            key=lambda hit: (-hit[1], self._order[hit[0]]),
        )
        return ranked[:limit]

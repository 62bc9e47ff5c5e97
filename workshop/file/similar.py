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
from functools import lru_cache
from operator import itemgetter

from rapidfuzz import fuzz, process

_WORD = re.compile(r"\d+|[^\W\d_]+")
BUDGET = 96  # candidates scored per look-up, whatever the size of the file


@lru_cache(maxsize=16384)  # a name typed is looked up again at every keystroke
def keys(norm: str) -> frozenset[str]:
    """The blocking keys of a normalised name."""
    words = _WORD.findall(norm)
    found = {"=" + "".join(words)}
    for word in words:
        found.add(word)
        if 3 <= len(word) <= 24:
            found.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return frozenset(found)


class SimilarIndex:
    """id -> norm of one table's names, with their blocking keys. Inside, each name is filed
    by its number in the order names came in (`seq`): ties are listed in that order, and
    sorting candidates is sorting small integers."""

    def __init__(self, entries: dict[str, tuple[str, str]]):
        self.norms: dict[str, str] = {}
        self._seq: dict[str, int] = {}  # id -> its number
        self._ids: list[str | None] = []  # number -> id (None: removed)
        self._norm_at: list[str] = []  # number -> norm
        self._by_key: dict[str, set[int]] = {}
        for id_, (_, norm) in entries.items():
            self.add(id_, norm)

    def add(self, id_: str, norm: str) -> None:
        if self.norms.get(id_) == norm:
            return
        self.remove(id_)
        seq = len(self._ids)
        self.norms[id_] = norm
        self._seq[id_] = seq
        self._ids.append(id_)
        self._norm_at.append(norm)
        by_key = self._by_key
        for key in keys(norm):
            found = by_key.get(key)
            if found is None:
                by_key[key] = {seq}
            else:
                found.add(seq)

    def remove(self, id_: str) -> None:
        norm = self.norms.pop(id_, None)
        if norm is None:
            return
        seq = self._seq.pop(id_)
        self._ids[seq] = None
        for key in keys(norm):
            found = self._by_key.get(key)
            if found is not None:
                found.discard(seq)
                if not found:
                    del self._by_key[key]

    def _candidates(self, norm: str) -> set[int]:
        """The numbers of the names sharing the rarest keys with `norm`: the rarest key's
        names always, then the next rarest while the candidates stay under BUDGET."""
        by_key = self._by_key
        # rarest first; keys of equal rarity in a fixed order, so a look-up finds the same
        # on every run (a set's order changes with Python's hash seed)
        postings = sorted(
            (len(found), key, found) for key in keys(norm) if (found := by_key.get(key))
        )
        if not postings:
            return set()
        found = set(postings[0][2])
        for _, _, seqs in postings[1:]:
            if len(found) + len(seqs) > BUDGET:
                break
            found |= seqs
        return found

    def candidates(self, norm: str) -> set[str]:
        """The ids of the names `search` scores against `norm`."""
        ids = self._ids
        return {ids[seq] for seq in self._candidates(norm)}  # type: ignore[misc]

    def search(self, norm: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """(id, score) of the names scoring at least `cutoff` against `norm`, best first;
        equal scores in the order the names came in (the same on every run)."""
        seqs = sorted(self._candidates(norm))
        if not seqs:
            return []
        # rapidfuzz lists equal scores by their position, that is in the order names came in
        # (tests/file/test_similar.py holds it to the ranking spelled out)
        matches = process.extract(
            norm,
            itemgetter(*seqs)(self._norm_at) if len(seqs) > 1 else [self._norm_at[seqs[0]]],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            limit=limit,
        )
        ids = self._ids
        return [(ids[seqs[index]], score) for _, score, index in matches]  # type: ignore[misc]

"""Near-duplicates through blocks find what comparing every name with every other finds."""

from __future__ import annotations

import random

import numpy
from rapidfuzz import fuzz, process

from workshop.file.duplicates import MAX_BLOCK, PAIR_SCORE, candidate_pairs
from workshop.text import normalise

FIRST = [
    "Jan",
    "Els",
    "Bas",
    "Anna",
    "Mohamed",
    "Fatima",
    "Pieter",
    "Sanne",
    "Gerrit",
    "Ayşe",
    "Henk",
    "Joke",
    "Kees",
    "Özlem",
    "Wiebe",
    "Marieke",
    "Daan",
    "Noor",
    "Lotte",
    "Sven",
]
LAST = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "van Dijk",
    "Yılmaz",
    "El Amrani",
    "Hoogland",
    "Kowalski",
    "van der Berg",
    "Dekker",
    "Brouwer",
    "de Graaf",
    "Vermeulen",
    "Koç",
    "Wiśniewska",
]
ORGS = [
    "Stichting Buurtwerk",
    "Buurthuis De Kers",
    "Voedselbank Zuiderveen",
    "Energiecoöperatie 't Hoekje",
    "Basisschool De Regenboog",
    "Sportclub Kersenbuurt",
]


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(len(name))
    kind = rng.choice(["swap", "drop", "double", "change", "case", "space"])
    if kind == "drop":
        return name[:i] + name[i + 1 :]
    if kind == "double":
        return name[: i + 1] + name[i:]
    if kind == "change":
        return name[:i] + rng.choice("aeiouns") + name[i + 1 :]
    if kind == "case":
        return name.lower()
    if kind == "space":
        return name.replace(" ", "", 1)
    return name[:i] + name[i + 1 : i + 2] + name[i : i + 1] + name[i + 2 :]


def _names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = []
    for _ in range(count):
        if rng.random() < 0.2:
            name = rng.choice(ORGS) + rng.choice(["", " Noord", " Zuid", " 2"])
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        names.append(_typo(name, rng) if rng.random() < 0.5 else name)
    return [normalise(n) for n in names]


def _every_pair(norms: list[str]) -> set[tuple[int, int]]:
    scores = process.cdist(
        norms, norms, scorer=fuzz.ratio, score_cutoff=PAIR_SCORE, dtype=numpy.uint8
    )
    return {(int(i), int(j)) for i, j in zip(*numpy.nonzero(numpy.triu(scores, k=1)), strict=True)}


def test_blocks_find_every_pair_the_full_comparison_finds() -> None:
    norms = _names(1500, seed=14)
    full = _every_pair(norms)
    assert len(full) > 1000  # names as an evening writes them: many near-duplicates
    found = set(candidate_pairs(norms))
    assert found <= full
    # What blocks can miss: two names that each have their own typo in the same word (here
    # 'sportclubokersenbuurt 2' and 'sportclub kersenuburt 2'): 1 in 4,647 pairs.
    assert len(full - found) <= len(full) // 1000


def test_one_typo_is_always_found() -> None:
    rng = random.Random(7)
    names = [normalise(f"{first} {last}") for first in FIRST for last in LAST] + [
        normalise(org) for org in ORGS
    ]
    typos = [normalise(_typo(name, rng)) for name in names]
    norms = names + typos
    full = _every_pair(norms)
    assert set(candidate_pairs(norms)) == full


def test_each_pair_comes_once_and_in_order() -> None:
    norms = _names(400, seed=3)
    found = list(candidate_pairs(norms))
    assert len(found) == len(set(found))
    assert all(i < j for i, j in found)


def test_a_word_in_every_name_does_not_make_one_giant_block() -> None:
    """`bewoner` is in every name: that key is too common to use, the numbers still pair."""
    norms = [f"bewoner {k:05d}" for k in range(MAX_BLOCK + 500)]
    norms += [f"bewoner {k:05d}x" for k in range(50)]
    found = set(candidate_pairs(norms))
    first = MAX_BLOCK + 500
    assert {(k, first + k) for k in range(50)} <= found

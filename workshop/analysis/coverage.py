"""Whom the sounding board reaches: the matrix of its dimensions (Zeist's housing type x life
stage x household unless the file defines others), how many participants and candidates fall in
each combination, the empty combinations, and for each gap the actors whose groups could fill it.

    cov = coverage(store)
    for cell in cov.gaps:
        print(cov.label(cell, "nl"), [s.name for s in cell.suggestions])

A combination is covered by a participant or an accepted candidate; invited candidates are
counted apart (an invitation is not yet a voice). A person with a value missing on some
dimension is counted as incomplete, not guessed into a cell.

Suggestions come from what the file says about an actor: its `groups` text and tags ("jonge
gezinnen, senioren in de flats" reaches young children, family, senior, apartment), and, as
weaker evidence, what its role usually reaches (a school reaches families with children). Each
suggestion carries its reasons, so the facilitator sees why it is offered.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from workshop import model, privacy
from workshop.file.store import Store
from workshop.i18n import t
from workshop.model import Dimension
from workshop.text import normalise

SUGGESTIONS_PER_GAP = 3
MAX_CELLS = 20_000  # a matrix larger than this is not a sounding board anyone can fill
_COMPOUND_MIN = 5  # a word this long also starts compounds: "jeugd" ~ "jeugdteams"
# Endings of plurals and inflections, so "jong" finds "jonge" and "jongeren" but not "jongens".
_ENDINGS = ("", "e", "en", "n", "s", "es", "ers", "eren", "ies")

# Words people use for groups, beyond a value's own words and synonyms (which are for typing a
# value, not describing a group). Only used where the file's board has that dimension/value.
GROUP_WORDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("life_stage", "young_adult"): (
        "jongvolwassenen",
        "twintigers",
        "studenten",
        "young people",
        "young adults",
    ),
    ("life_stage", "young_children"): (
        "jonge gezinnen",
        "ouders met jonge kinderen",
        "peuters",
        "kleuters",
        "young families",
        "toddlers",
    ),
    ("life_stage", "older_children"): ("pubers", "jeugd", "scholieren", "tieners", "youth"),
    ("life_stage", "senior"): (
        "ouderen",
        "gepensioneerden",
        "bejaarden",
        "zestigplussers",
        "zeventigplussers",
        "tachtigplussers",
        "65 plussers",
        "elderly",
        "pensioners",
        "older people",
    ),
    ("household", "single"): ("singles", "weduwen", "weduwnaars", "alleengaanden", "living alone"),
    ("household", "couple"): ("echtparen", "couples"),
    ("household", "family"): ("gezinnen", "ouders", "moeders", "vaders", "families", "parents"),
    ("housing", "apartment"): ("flats", "hoogbouw", "appartementen", "flat dwellers"),
    ("housing", "terraced"): ("rijtjeshuizen", "eengezinswoningen", "rijwoningen"),
    ("housing", "detached"): ("vrijstaande", "villa", "twee onder een kap"),
}

# What an actor of a role usually reaches, on the default dimensions. Weaker than what the
# file says about the actor itself; shown as "role: school" so nobody mistakes it for a fact.
ROLE_REACH: dict[str, dict[str, set[str]]] = {
    "school": {"life_stage": {"young_children", "older_children"}, "household": {"family"}},
    "sports_club": {
        "life_stage": {"young_adult", "young_children", "older_children"},
        "household": {"family"},
    },
    "housing_corporation": {"housing": {"apartment", "terraced"}},
    "welfare": {"life_stage": {"senior"}, "household": {"single"}},
    "healthcare": {"life_stage": {"senior", "young_children"}},
    "faith": {"life_stage": {"senior"}, "household": {"family"}},
    "library": {"life_stage": {"young_children", "senior"}},
}
ROLE_WEIGHT = 0.5


@dataclass(frozen=True)
class Reason:
    dimension: str
    value: str
    source: str  # "groups" (the actor's groups or tags say so) or "role"
    evidence: str  # the words in the groups text, or the role key


@dataclass(frozen=True)
class Suggestion:
    actor_id: str
    name: str  # as stored; see shown_name
    type: str
    role: str | None
    consent: str
    influence: int | None
    score: float
    reasons: tuple[Reason, ...]

    def shown_name(self, audience: str, lang: str, anonymise: bool = False) -> str:
        return privacy.actor_shown_name(self, audience, lang, anonymise)


@dataclass(frozen=True)
class Cell:
    values: tuple[str, ...]  # one value key per dimension, in dimension order
    participants: int = 0
    accepted: int = 0
    invited: int = 0
    declined: int = 0
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def covered(self) -> int:
        return self.participants + self.accepted

    @property
    def is_gap(self) -> bool:
        return self.covered == 0


@dataclass
class Coverage:
    dimensions: tuple[Dimension, ...]
    cells: list[Cell] = field(default_factory=list)
    participants: int = 0
    candidates: int = 0
    incomplete_participants: int = 0
    incomplete_candidates: int = 0
    too_large: bool = False  # the matrix has more than MAX_CELLS combinations

    @property
    def gaps(self) -> list[Cell]:
        return [c for c in self.cells if c.is_gap]

    @property
    def has_board(self) -> bool:
        return bool(self.dimensions) and all(d.values for d in self.dimensions)

    def label(self, cell: Cell, lang: str, sep: str = " · ") -> str:
        return sep.join(
            _value_label(dim, key, lang)
            for dim, key in zip(self.dimensions, cell.values, strict=True)
        )


def _value_label(dim: Dimension, key: str, lang: str) -> str:
    return next((v.label(lang) for v in dim.values if v.key == key), key)


def matrix_size(dimensions: tuple[Dimension, ...]) -> int:
    size = 1
    for dim in dimensions:
        size *= len(dim.values)
    return size if dimensions else 0


def coverage(store: Store) -> Coverage:
    dims = store.dimensions()
    result = Coverage(dims)
    if not dims or not all(d.values for d in dims):
        return result
    if matrix_size(dims) > MAX_CELLS:
        result.too_large = True
        return result
    people: Counter[tuple[tuple[str, ...], str]] = Counter()
    participants = store.rows("participant")
    candidates = store.rows("candidate")
    result.participants, result.candidates = len(participants), len(candidates)
    for row in participants:
        key = _cell_of(row["attributes"], dims)
        if key is None:
            result.incomplete_participants += 1
        else:
            people[(key, "participant")] += 1
    for row in candidates:
        key = _cell_of(row["attributes"], dims)
        if key is None:
            result.incomplete_candidates += 1
        else:
            people[(key, row["status"])] += 1
    reach = [(actor, _reach(actor, dims)) for actor in store.rows("actor", order="created, rowid")]
    for values in itertools.product(*[[v.key for v in d.values] for d in dims]):
        cell = Cell(
            values,
            participants=people[(values, "participant")],
            accepted=people[(values, "accepted")],
            invited=people[(values, "invited")],
            declined=people[(values, "declined")],
        )
        if cell.is_gap:
            cell = Cell(**{**vars(cell), "suggestions": _suggest(values, dims, reach)})
        result.cells.append(cell)
    return result


def _cell_of(attributes: dict, dims: tuple[Dimension, ...]) -> tuple[str, ...] | None:
    values = []
    for dim in dims:
        value = (attributes or {}).get(dim.key)
        if value is None or all(v.key != value for v in dim.values):
            return None
        values.append(value)
    return tuple(values)


# --- what an actor reaches ----------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(normalise(text).replace("_", " "))


@lru_cache(maxsize=64)
def _term_phrases(dim: Dimension) -> list[tuple[tuple[str, ...], str]]:
    """(tokens, value key) for every word of every value, longest phrases first."""
    phrases = set()
    for term in dim.values:
        for word in (
            term.key,
            term.nl,
            term.en,
            *term.synonyms,
            *GROUP_WORDS.get((dim.key, term.key), ()),
        ):
            tokens = tuple(_tokens(word))
            if tokens:
                phrases.add((tokens, term.key))
    return sorted(phrases, key=lambda p: (-len(p[0]), -sum(map(len, p[0])), p))


def _word_matches(token: str, text_word: str) -> bool:
    if not text_word.startswith(token):
        return False
    rest = text_word[len(token) :]
    if len(token) >= _COMPOUND_MIN or rest in _ENDINGS:
        return True
    # A doubled consonant before the ending: "stel" ~ "stellen", "gezin" ~ "gezinnen".
    return len(rest) >= 2 and rest[0] == token[-1] and rest[1:] in ("en", "e")


def match_values(text: str, dim: Dimension) -> list[tuple[str, str]]:
    """The values of one dimension that a free text names: (value key, the words that named
    it). Longest phrase first, so "jonge gezinnen" is young children, not young adult."""
    return list(_match(text, dim))


@lru_cache(maxsize=4096)  # many actors share a groups text; a city file has thousands
def _match(text: str, dim: Dimension) -> tuple[tuple[str, str], ...]:
    words = _tokens(text)
    phrases = _term_phrases(dim)
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        for tokens, key in phrases:
            span = words[i : i + len(tokens)]
            if len(span) == len(tokens) and all(map(_word_matches, tokens, span)):
                if all(k != key for k, _ in found):
                    found.append((key, " ".join(span)))
                i += len(tokens)
                break
        else:
            i += 1
    return tuple(found)


def _reach(actor: dict, dims: tuple[Dimension, ...]) -> dict[str, list[Reason]]:
    """Per dimension value ("dim/value"), the reasons this actor reaches it."""
    text = " , ".join([actor.get("groups") or "", *actor.get("tags", [])])
    out: dict[str, list[Reason]] = {}
    for dim in dims:
        for key, words in match_values(text, dim):
            out.setdefault(f"{dim.key}/{key}", []).append(Reason(dim.key, key, "groups", words))
        if any(slot.startswith(dim.key + "/") for slot in out):
            continue  # what the file says about the actor beats what its role suggests
        for key in sorted(ROLE_REACH.get(actor.get("role") or "", {}).get(dim.key, ())):
            if any(v.key == key for v in dim.values):
                out[f"{dim.key}/{key}"] = [Reason(dim.key, key, "role", actor["role"])]
    return out


def _suggest(
    values: tuple[str, ...],
    dims: tuple[Dimension, ...],
    reach: list[tuple[dict, dict[str, list[Reason]]]],
) -> tuple[Suggestion, ...]:
    """Actors that reach at least one value of the gap and, on every dimension where the
    file says whom they reach, reach the gap's value (a seniors' club is no way to young
    adults, however many flats it reaches)."""
    scored = []
    for actor, slots in reach:
        reasons = []
        for dim, value in zip(dims, values, strict=True):
            mine = slots.get(f"{dim.key}/{value}", [])
            if not mine and any(slot.startswith(dim.key + "/") for slot in slots):
                break
            reasons += mine
        else:
            if reasons:
                score = sum(1.0 if r.source == "groups" else ROLE_WEIGHT for r in reasons)
                scored.append(
                    Suggestion(
                        actor_id=actor["id"],
                        name=actor["name"],
                        type=actor["type"],
                        role=actor["role"],
                        consent=actor["consent"],
                        influence=actor["influence"],
                        score=score,
                        reasons=tuple(reasons),
                    )
                )
    scored.sort(key=lambda s: (-s.score, -(s.influence or 0), normalise(s.name), s.actor_id))
    return tuple(scored[:SUGGESTIONS_PER_GAP])


def explain(reason: Reason, dims: tuple[Dimension, ...], lang: str) -> str:
    """A reason in words: `jonge gezinnen` -> "jonge kinderen (groepen: jonge gezinnen)"."""
    dim = next(d for d in dims if d.key == reason.dimension)
    value = _value_label(dim, reason.value, lang)
    if reason.source == "role":
        return t("cov_by_role", lang, value=value, role=model.ROLES.label(reason.evidence, lang))
    return t("cov_by_groups", lang, value=value, groups=reason.evidence)

"""Editing a neighbourhood's sounding-board dimensions (`workshop board`).

A file starts with Zeist's three (housing type x life stage x household). A neighbourhood can
replace a dimension's values, add one (tenure, language spoken at home, ...) or drop one:

    set_dimension(store, "housing", "rijwoning|terraced, flat|apartment, hofje|almshouse",
                  label="woningtype|housing type")
    remove_dimension(store, "household")

Values are written `dutch|english` (one word serves both), comma-separated. Each change is one
undoable step through the store's write path. Participants keep their attributes: a value that
no longer exists just leaves them unplaced on that dimension (coverage says how many).
"""

from __future__ import annotations

import re

from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.model import Dimension, Term
from workshop.text import normalise

MAX_VALUES = 30


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", normalise(text)).strip("_")


def _pair(text: str) -> tuple[str, str]:
    nl, _, en = (part.strip() for part in text.partition("|"))
    return nl, en or nl


def parse_values(text: str) -> tuple[Term, ...]:
    terms: list[Term] = []
    for item in text.split(","):
        if not item.strip():
            continue
        nl, en = _pair(item)
        key = slug(en) or slug(nl)
        if not nl or not key:
            raise UserError("board_bad_values")
        if any(t.key == key for t in terms):
            raise UserError("board_duplicate", value=item.strip())
        terms.append(Term(key, nl, en))
    if not terms:
        raise UserError("board_bad_values")
    if len(terms) > MAX_VALUES:
        raise UserError("board_too_many", limit=MAX_VALUES)
    return tuple(terms)


def find_dimension(store: Store, word: str) -> Dimension | None:
    wanted = slug(word)
    return next((d for d in store.dimensions() if wanted in (d.key, slug(d.nl), slug(d.en))), None)


def set_dimension(store: Store, word: str, values: str, label: str | None = None) -> Dimension:
    """Replace the values of the dimension `word` names, or add it as a new dimension."""
    terms = parse_values(values)
    existing = find_dimension(store, word)
    nl, en = (
        _pair(label)
        if label
        else ((existing.nl, existing.en) if existing else (word.strip(), word.strip()))
    )
    key = existing.key if existing else slug(word)
    if not key or len(key) > 40:
        raise UserError("board_bad_key", dim=word)
    old = {t.key: t for t in existing.values} if existing else {}
    # A value that is already there keeps its synonyms, so typed words still find it.
    terms = tuple(
        Term(t.key, t.nl, t.en, old[t.key].synonyms if t.key in old else ()) for t in terms
    )
    stored = [{"key": t.key, "nl": t.nl, "en": t.en, "synonyms": list(t.synonyms)} for t in terms]
    rows = {r["key"]: r for r in store.rows("board_dimension")}
    with store.write() as w, w.entry(f"board {key}: {values}"):
        if key in rows:
            w.update(
                "board_dimension",
                rows[key]["id"],
                {"label_nl": nl, "label_en": en, "values": stored},
            )
        else:
            position = max((r["position"] for r in rows.values()), default=-1) + 1
            w.insert(
                "board_dimension",
                {
                    "key": key,
                    "label_nl": nl,
                    "label_en": en,
                    "position": position,
                    "values": stored,
                },
            )
    return Dimension(key, nl, en, terms)


def remove_dimension(store: Store, word: str) -> Dimension:
    dim = find_dimension(store, word)
    if dim is None:
        raise UserError(
            "board_unknown", dim=word, known=", ".join(d.key for d in store.dimensions()) or "-"
        )
    row = store.rows("board_dimension", "key = ?", (dim.key,))[0]
    with store.write() as w, w.entry(f"board remove {dim.key}"):
        w.delete("board_dimension", row["id"])
    return dim

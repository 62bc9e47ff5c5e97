"""Completions for the capture line: which words could finish what is being typed.

`complete(line, names, ctx)` returns completions, best first: each the whole line as it would be
(starting with what was typed, case aside) and the word or name it completes to. Offered are
keywords, `#words` of the vocabularies that fit the kind of line, `@cells` of the grid, and
names already in the file after `+`, `~`, an arrow, a keyword or a field like `waar:`.
No Textual here: the capture screen shows the first as ghost text and the others as a hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from workshop import model
from workshop.capture.grammar import ARROWS, KEYWORDS, MARKERS
from workshop.model import NAME_TABLE, NOTE_TARGET_TABLES, TIE_TABLES, Context, Vocabulary

# names(prefix, tables, limit) -> names in the file starting with prefix (normalised)
Names = Callable[[str, Sequence[str], int], list[str]]

LIMIT = 6


class Completion(NamedTuple):
    line: str  # the whole line, completed
    word: str  # what it completes to: `#buurthuis`, `+Dokter de Vries`, `Buurthuis De Kuil`


_ARROW_RE = re.compile("|".join(re.escape(a) for a in sorted(ARROWS, key=len, reverse=True)))
NAME_TABLES = {kind: (table,) for kind, table in NAME_TABLE.items()}
ANY_RECORD = TIE_TABLES
HASH_WORDS: dict[str, tuple[Vocabulary, ...]] = {
    "place": (model.PLACE_KINDS, model.SENTIMENTS),
    "initiative": (model.THEMES, model.STATUSES),
    "actor": (model.ROLES, model.ACTOR_TYPES, model.FLAGS),
    "person": (model.ROLES, model.FLAGS),
    "organisation": (model.ROLES, model.FLAGS),
    "tie": (model.ACTOR_TIE_KINDS, model.INITIATIVE_TIE_KINDS, model.PLACE_TIE_KINDS),
    "participant": (model.TENURES,),
    "candidate": (model.BOARD_STATUSES, model.TENURES),
}
FIELD_WORDS: dict[str, Vocabulary] = {
    "consent": model.CONSENT,
    "sentiment": model.SENTIMENTS,
    "type": model.ACTOR_TYPES,
    "tenure": model.TENURES,
    "kind": model.PLACE_KINDS,
    "theme": model.THEMES,
    "role": model.ROLES,
}
_SPECIAL = re.compile(r'[#@!+~"]|<-|->|--|^\S+:')
# Keywords worth completing to: the long forms, in the order people reach for them.
LONG_KEYWORDS = (
    "plek",
    "place",
    "initiatief",
    "initiative",
    "actor",
    "persoon",
    "person",
    "organisatie",
    "organisation",
    "notitie",
    "note",
    "citaat",
    "quote",
    "deelnemer",
    "participant",
    "kandidaat",
    "candidate",
    "sessie",
    "session",
    "kaart",
    "card",
)


def needs_quotes(name: str) -> bool:
    """Whether a name must be written in double quotes on the capture line."""
    return bool(_SPECIAL.search(name)) or any(
        re.match(r"[^\s:\"]+:", word) for word in name.split()
    )


def quoted(name: str) -> str:
    return '"' + name.replace('"', '\\"') + '"'


def _current_token(line: str) -> tuple[int, bool]:
    """Where the token being typed starts, and whether it is inside an open quote."""
    in_quote = False
    start = 0
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and in_quote and i + 1 < len(line):
            i += 2
            continue
        if ch == '"':
            opening = (
                i == start
                or (i == start + 1 and line[start] in MARKERS)
                or re.fullmatch(r'[^\s:"]+:', line[start:i])
            )
            if in_quote or opening:
                in_quote = not in_quote
        elif ch.isspace() and not in_quote:
            start = i + 1
        i += 1
    return start, in_quote


def _words(vocabs: Sequence[Vocabulary], lang: str) -> list[str]:
    other = "en" if lang == "nl" else "nl"
    out: list[str] = []
    for language in (lang, other):
        for vocab in vocabs:
            for word in vocab.words(language):
                if word not in out:
                    out.append(word)
    return out


def _starting(prefix: str, words: Sequence[str]) -> list[str]:
    folded = prefix.casefold()
    return [w for w in words if w.casefold().startswith(folded) and w.casefold() != folded]


def complete(line: str, names: Names, ctx: Context, limit: int = LIMIT) -> list[Completion]:
    """Completions of `line` (the cursor at its end), best first."""
    if not line or line[-1:].isspace() and not _current_token(line)[1]:
        return []
    start, _ = _current_token(line)
    head, token = line[:start], line[start:]
    first_word = line.split(maxsplit=1)[0]
    keyword = KEYWORDS.get(first_word.casefold())
    tie = bool(_ARROW_RE.search(line)) and keyword is None
    kind = "tie" if tie else keyword

    if not head:  # the first word: a keyword, or the first name of a tie
        out: list[Completion] = []
        if len(token) >= 2 and token.casefold() not in KEYWORDS:
            out += _offer(head, "", _starting(token, LONG_KEYWORDS))
        if len(token) >= 2 and keyword is None:
            out += _names(head, "", token, names, ANY_RECORD, limit)
        return out[:limit]

    marker = token[:1]
    if marker == "#" and kind in HASH_WORDS:
        hashes = _words(HASH_WORDS[kind], ctx.lang)
        if kind in ("participant", "candidate"):
            hashes += [
                t.label(ctx.lang).replace(" ", "-") for d in ctx.dimensions for t in d.values
            ]
        return _offer(head, "#", _starting(token[1:], hashes))[:limit]
    if marker == "@" and kind in ("place", "initiative", "actor", "person", "organisation"):
        return _offer(head, "@", _starting(token[1:], ctx.grid.cells()))[:limit]
    if marker == "+" and kind == "initiative":
        return _names(head, "+", token[1:], names, ("actor",), limit)
    if marker == "~" and kind in ("note", "quote"):
        return _names(
            head,
            "~",
            token[1:],
            names,
            NOTE_TARGET_TABLES,
            limit,
            to_end=True,
        )
    field = re.match(r'([^\s:"]+):', token)
    if field:
        known = ctx.field_names() if callable(ctx.field_names) else ctx.field_names
        canon = known.get(field.group(1).casefold())
        value = token[field.end() :]
        mark = token[: field.end()]
        words: list[str] = []
        if canon == "where":
            return _names(head, mark, value, names, ("place",), limit, one_word=True)
        if canon == "status":
            vocab = model.BOARD_STATUSES if kind == "candidate" else model.STATUSES
            words = _words([vocab], ctx.lang)
        elif canon in FIELD_WORDS:
            words = _words([FIELD_WORDS[canon]], ctx.lang)
        elif canon and canon.startswith("dim:"):
            dim = next((d for d in ctx.dimensions if d.key == canon[4:]), None)
            words = [t.label(ctx.lang).replace(" ", "-") for t in dim.values] if dim else []
        return _offer(head, mark, _starting(value, words))[:limit]
    if tie:  # the name after the arrow
        arrow = list(_ARROW_RE.finditer(line))[-1]
        rest = line[arrow.end() :]
        if rest.strip() and "#" not in rest and "!" not in rest:
            lead = line[: arrow.end()] + rest[: len(rest) - len(rest.lstrip())]
            return _names(lead, "", rest.lstrip(), names, ANY_RECORD, limit)
        return []
    if kind in NAME_TABLES:  # the name right after the keyword, while it is still the name
        rest = line[len(first_word) :]
        lead = line[: len(line) - len(rest.lstrip())]
        name = rest.lstrip()
        if name and not _SPECIAL.search(name.lstrip('"')) and not needs_more(name):
            return _names(lead, "", name, names, NAME_TABLES[kind], limit)
    return []


def _offer(lead: str, mark: str, words: Sequence[str]) -> list[Completion]:
    return [Completion(lead + mark + w, mark + w) for w in words]


def needs_more(name: str) -> bool:
    """A name typed in quotes that is already closed is complete."""
    return name.startswith('"') and name.count('"') >= 2


def _names(
    lead: str,
    mark: str,
    typed: str,
    names: Names,
    tables: Sequence[str],
    limit: int,
    *,
    to_end: bool = False,
    one_word: bool = False,
) -> list[Completion]:
    """Complete `typed` (possibly starting with a quote) to names in the file. Names that need
    quotes are offered only when the quote has been typed."""
    opened = typed.startswith('"')
    prefix = typed[1:] if opened else typed
    if not prefix.strip():
        return []
    out = []
    for name in names(prefix, tables, limit * 2):
        if opened:
            word = quoted(name)
        elif one_word and len(name.split()) > 1:
            continue
        elif (to_end and not name.startswith('"')) or not needs_quotes(name):
            word = name
        else:
            continue
        if word.casefold() != typed.casefold():
            out.append(Completion(lead + mark + word, mark + word))
    return out[:limit]

"""Completions for the capture line: which words could finish what is being typed.

`complete(line, names, ctx)` returns completions, best first: each the whole line as it would be
(what comes before the word being typed kept as it is) and the word or name it completes to.
Offered are keywords, `#words` of the vocabularies that fit the kind of line, `@cells` of the
grid, field words (`tel:`), the sounding board's values after a participant's name, and names
already in the file after `+`, `~`, `door:`, an arrow, a keyword or a field like `waar:` (also
names of several words, and names typed without their start: `~Plei` finds 't Pleintje).

Words match case- and accent-insensitively, those starting with what was typed first, then those
with a word starting with it, then any holding it. The file's language comes first: in a Dutch
file only Dutch words are offered, unless what was typed matches none (`#kn` still finds
`#knows`); a word typed in full is not completed into a longer one of the other language.
No Textual here: the capture screen shows the first as ghost text (when it continues what was
typed) and the others as a hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from workshop import model
from workshop.capture.grammar import ARROWS, KEYWORDS, MARKERS
from workshop.model import NAME_TABLE, NOTE_TARGET_TABLES, TIE_TABLES, Context, Vocabulary
from workshop.text import normalise

# names(prefix, tables, limit) -> names in the file starting with prefix (normalised)
Names = Callable[[str, Sequence[str], int], list[str]]

LIMIT = 6
MIN_INSIDE = 3  # letters typed before a word is found by what it holds inside


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
# Keywords worth completing to: the long forms, in the order people reach for them, by language.
KEYWORDS_NL = (
    "plek",
    "initiatief",
    "actor",
    "persoon",
    "organisatie",
    "notitie",
    "citaat",
    "deelnemer",
    "kandidaat",
    "sessie",
    "kaart",
)
KEYWORDS_EN = (
    "place",
    "initiative",
    "actor",
    "person",
    "organisation",
    "note",
    "quote",
    "participant",
    "candidate",
    "session",
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


def _words(vocabs: Sequence[Vocabulary], lang: str) -> tuple[list[str], list[str]]:
    """The words of vocabularies: (in the file's language, in the other one)."""
    other = "en" if lang == "nl" else "nl"
    out: tuple[list[str], list[str]] = ([], [])
    for words, language in zip(out, (lang, other), strict=True):
        for vocab in vocabs:
            for word in vocab.words(language):
                if word not in out[0] and word not in words:
                    words.append(word)
    return out


def _rank(typed: str, word: str) -> int | None:
    """0: `word` starts with `typed`; 1: a word in it does; 2: it holds it (from three letters
    typed on: fewer are in too many words); None: it does not (accents and case aside)."""
    key = _key(word)
    at = key.find(typed)
    if at < 0:
        return None
    rank = 0 if at == 0 else 1 if not key[at - 1].isalnum() else 2
    return None if rank == 2 and len(typed) < MIN_INSIDE else rank


def _key(word: str) -> str:
    return normalise(word)


def _starting(prefix: str, words: Sequence[str] | tuple[list[str], list[str]]) -> list[str]:
    """The words that complete `prefix`, best first (the word itself excluded). Given words in
    two languages, the other language is offered only when the file's has no word at all for
    what was typed."""
    typed = _key(prefix)
    groups = words if isinstance(words, tuple) else (list(words),)
    for group in groups:
        ranked = [(r, n, w) for n, w in enumerate(group) if (r := _rank(typed, w)) is not None]
        if ranked:
            return [w for _, _, w in sorted(ranked) if _key(w) != typed]
    return []


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
    lang = ctx.lang
    keywords = (list(KEYWORDS_NL), list(KEYWORDS_EN))
    if lang != "nl":
        keywords = keywords[::-1]

    if not head:  # the first word: a keyword, or the first name of a tie
        out: list[Completion] = []
        if len(token) >= 2 and token.casefold() not in KEYWORDS:
            out += _offer(head, "", _starting(token, keywords))
        if len(token) >= 2 and keyword is None:
            out += _names(head, "", token, names, ANY_RECORD, limit)
        return out[:limit]

    running = _running_name(line, kind)  # `+Name`, `~Name`, `door:Name` of several words
    if running is not None:
        lead, typed, tables = running
        return _names(lead, "", typed, names, tables, limit, to_end=True)

    marker = token[:1]
    if marker == "+" and kind == "initiative":
        return _names(head, "+", token[1:], names, ("actor", "place"), limit)
    if marker == "~" and kind in ("note", "quote"):
        return _names(head, "~", token[1:], names, NOTE_TARGET_TABLES, limit, to_end=True)
    if marker == "#" and kind in HASH_WORDS:
        hashes = _words(HASH_WORDS[kind], lang)
        if kind in ("participant", "candidate"):
            hashes = _with_board(hashes, ctx)
        return _offer(head, "#", _starting(token[1:], hashes))[:limit]
    if marker == "@" and kind in ("place", "initiative", "actor", "person", "organisation"):
        cells = ctx.grid.cells()
        folded = token[1:].casefold()
        return _offer(head, "@", [c for c in cells if c.casefold().startswith(folded)])[:limit]
    field = re.match(r'([^\s:"]+):', token)
    if field:
        return _field_value(head, token, field, kind, names, ctx, limit)
    if tie:  # the name after the arrow
        arrow = list(_ARROW_RE.finditer(line))[-1]
        rest = line[arrow.end() :]
        if rest.strip() and "#" not in rest and "!" not in rest:
            lead = line[: arrow.end()] + rest[: len(rest) - len(rest.lstrip())]
            return _names(lead, "", rest.lstrip(), names, ANY_RECORD, limit)
        return []
    out = []
    if kind in NAME_TABLES or kind == "session":  # the name (a session's venue) after the keyword
        rest = line[len(first_word) :]
        lead = line[: len(line) - len(rest.lstrip())]
        name = rest.lstrip()
        if name and not _SPECIAL.search(name.lstrip('"')) and not needs_more(name):
            tables = NAME_TABLES.get(kind or "", ("place",))
            out += _names(lead, "", name, names, tables, limit)
    if token[:1] not in MARKERS + '"' and len(token) >= 2:
        if kind in ("participant", "candidate") and head.strip() != first_word:
            out += _offer(head, "", _starting(token, _with_board(([], []), ctx)))
        if kind not in ("note", "quote"):  # a note's words are its text ("door" is Dutch)
            out += _offer(head, "", [w + ":" for w in _field_words(token, kind, ctx)])
    return out[:limit]


def _running_name(line: str, kind: str | None) -> tuple[str, str, Sequence[str]] | None:
    """The name being typed after `+` (an initiative), `~` or `door:` (a note), when it has
    got to several words: (the line before it, the name so far, the tables it may be in)."""
    if kind not in ("initiative", "note", "quote"):
        return None
    if kind == "initiative":
        starts = [m.end() for m in re.finditer(r'(?:^|\s)\+(?!")', line)]
        tables: Sequence[str] = ("actor", "place")
    else:
        starts = [m.end() for m in re.finditer(r'(?:^|\s)(?:~|(?:door|by):)(?!")', line, re.I)]
        tables = NOTE_TARGET_TABLES
        said = re.search(r'(?:^|\s)(?:door|by):(?!")', line, re.I)
        if said and starts and said.end() == starts[-1]:
            tables = ("participant", "actor")
    if not starts:
        return None
    at = starts[-1]
    typed = line[at:]
    if " " not in typed.strip() or re.search(r'[#@!+~"]|\S:', typed):
        return None  # one word is completed as a token; another marker ends the name
    return line[:at], typed, tables


def _field_value(
    head: str, token: str, field: re.Match, kind: str | None, names: Names, ctx: Context, limit: int
) -> list[Completion]:
    """Completions of `field:value`: the words of its vocabulary, or names (`waar:`)."""
    known = ctx.field_names() if callable(ctx.field_names) else ctx.field_names
    canon = known.get(field.group(1).casefold())
    value = token[field.end() :]
    mark = token[: field.end()]
    words: tuple[list[str], list[str]] = ([], [])
    if canon == "where":
        return _names(head, mark, value, names, ("place",), limit, one_word=True)
    if canon == "venue":
        return _names(head, mark, value, names, ("place",), limit)
    if canon == "said_by":
        return _names(head, mark, value, names, ("participant", "actor"), limit)
    if canon == "status":
        vocab = model.BOARD_STATUSES if kind == "candidate" else model.STATUSES
        words = _words([vocab], ctx.lang)
    elif canon in FIELD_WORDS:
        words = _words([FIELD_WORDS[canon]], ctx.lang)
    elif canon and canon.startswith("dim:"):
        dim = next((d for d in ctx.dimensions if d.key == canon[4:]), None)
        if dim:
            words = _dimension_words([dim], ctx.lang)
    return _offer(head, mark, _starting(value, words))[:limit]


def _dimension_words(dims: Sequence, lang: str) -> tuple[list[str], list[str]]:
    other = "en" if lang == "nl" else "nl"
    return tuple(  # type: ignore[return-value]
        [t.label(language).replace(" ", "-") for d in dims for t in d.values]
        for language in (lang, other)
    )


def _with_board(words: tuple[list[str], list[str]], ctx: Context) -> tuple[list[str], list[str]]:
    """Words with the sounding board's values (and tenure) added, in each language."""
    board = _dimension_words(ctx.dimensions, ctx.lang)
    tenure = _words([model.TENURES], ctx.lang)
    return (
        list(dict.fromkeys(words[0] + board[0] + tenure[0])),
        list(dict.fromkeys(words[1] + board[1] + tenure[1])),
    )


def _field_words(typed: str, kind: str | None, ctx: Context) -> list[str]:
    """The field words for this kind of line that start with what was typed, the file's
    language first (`te` -> `tel`; `loc` -> `locatie`)."""
    record = NAME_TABLE.get(kind or "", kind)
    folded = typed.casefold()
    mine: list[str] = []
    other: list[str] = []
    for rule in model.FIELDS.values():
        if record not in rule.kinds:
            continue
        for word in (rule.word_in(ctx.lang), *rule.words):
            if word.startswith(folded) and word != folded:
                (mine if word == rule.word_in(ctx.lang) else other).append(word)
                break
    return list(dict.fromkeys(mine + other))


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

"""What the parts after a name do to a `Capture`: markers (`#word`, `@cell`, `!3`, `+Name`),
`field:value`, and the sounding-board values a participant's line may give without `#`.

    deelnemer Anna rijwoning jonge-kinderen gezin
        = deelnemer Anna #rijwoning #jonge-kinderen #gezin

A bare word counts as a board value only where it cannot be anything else: on a participant's or
candidate's line, a word that is a value of exactly one board dimension (or of tenure) whose slot
is still empty, at the end of the name or after a marker. `deelnemer "Jan Senior"` keeps the
word in the name.
"""

from __future__ import annotations

from workshop import model
from workshop.capture.fields import tags_unknown, value_of
from workshop.capture.line import EXAMPLES, Capture
from workshop.capture.tokens import Token
from workshop.i18n import UserError
from workshop.model import FIELDS, Context, kind_word

__all__ = ["apply_modifiers", "board_slot", "peel_board_values", "set_field"]

# The slots a `#word` fills, in order, for each kind of record.
SLOTS = {
    "place": ("kind", "sentiment"),
    "initiative": ("theme", "status"),
    "actor": ("type", "role"),
    "candidate": ("status", "tenure"),
    "participant": ("tenure",),
}


def apply_modifiers(line: str, capture: Capture, tokens: list[Token], ctx: Context) -> None:
    """Markers, fields and (for places) a quote, in any order after the name."""
    multi: Token | None = None  # the +NAME being extended by the plain words that follow
    for tok in tokens:
        if tok.stray_quote:
            raise UserError("extra_quoted")
        if tok.plain:
            if multi is None:
                if board_slot(capture, tok.text, ctx) is not None:
                    _apply_word(capture, tok.text, ctx)
                    continue
                raise UserError("name_split", word=tok.text)
            capture.actors[-1] = line[multi.start + 1 : tok.end]
            continue
        multi = None
        if tok.prefix == "":  # quoted, no prefix
            if capture.kind == "place" and capture.quote is None:
                capture.quote = tok.text
                continue
            raise UserError("extra_quoted")
        if tok.prefix.startswith("field:"):
            set_field(capture, tok.prefix[6:], tok.text, ctx)
            continue
        if tok.prefix == "arrow":
            raise UserError("arrow_with_keyword")
        value = tok.text
        if not value.strip():
            raise UserError("empty_marker", marker=tok.prefix, example=EXAMPLES[tok.prefix])
        _apply_marker(capture, tok.prefix, value, ctx)
        if tok.prefix == "+" and not tok.quoted:
            multi = tok


def peel_board_values(capture: Capture, words: list[Token], ctx: Context) -> int:
    """How many of a person's name words, from the end, are bare board values (applied to
    `capture`); at least one word stays the name."""
    if capture.kind not in model.PERSON_TABLES:
        return 0
    taken: list[str] = []
    trial = Capture(capture.kind, capture.line)
    for tok in reversed(words[1:]):
        if board_slot(trial, tok.text, ctx) is None:
            break
        _apply_word(trial, tok.text, ctx)
        taken.append(tok.text)
    for word in reversed(taken):  # in the order typed
        _apply_word(capture, word, ctx)
    return len(taken)


def board_slot(capture: Capture, word: str, ctx: Context) -> str | None:
    """The one empty board slot (`tenure`, `dim:<key>`) a bare `word` fills on a person's line,
    or None: not a person's line, not a board value, a value of two slots, or its slot is
    already filled (then the word is not a value but part of what was typed)."""
    if capture.kind not in model.PERSON_TABLES or word[:1] in '#@!+~"':
        return None
    if capture.kind == "candidate" and model.BOARD_STATUSES.lookup(word):
        return None  # a status word: it needs its `#` or `status:`
    slots = []
    tenure = FIELDS["tenure"].vocabulary(capture.kind)
    if tenure is not None and tenure.lookup(word):
        slots.append("tenure")
    slots += ["dim:" + dim.key for dim in ctx.dimensions if dim.lookup(word)]
    if len(slots) != 1:
        return None
    slot = slots[0]
    filled = "tenure" in capture.fields if slot == "tenure" else slot[4:] in capture.attributes
    return None if filled else slot


def _apply_marker(capture: Capture, marker: str, value: str, ctx: Context) -> None:
    kind = capture.kind
    if marker == "#":
        _apply_word(capture, value, ctx)
    elif marker == "@":
        if kind not in ("place", "initiative", "actor"):
            raise _not_here(marker, kind, ctx)
        cell = ctx.grid.parse_cell(value)
        if cell is None:
            raise UserError("bad_cell", cell=value, last=ctx.grid.last_cell)
        if capture.cell and capture.cell != cell:
            raise UserError("two_cells", first=capture.cell, second=cell)
        capture.cell = cell
    elif marker == "!":
        if kind == "actor":
            capture.fields["influence"] = FIELDS["influence"].parse(value, ctx.lang)
        elif kind == "tie":
            capture.fields["strength"] = FIELDS["strength"].parse(value, ctx.lang)
        else:
            raise _not_here(marker, kind, ctx)
    elif marker == "+":
        if kind != "initiative":
            raise _not_here(marker, kind, ctx)
        capture.actors.append(value)
    elif marker == "~":
        raise _not_here(marker, kind, ctx)


def _apply_word(capture: Capture, word: str, ctx: Context) -> None:
    """`#word`: the first word that fits a slot fills it; any other word is kept as a tag."""
    kind, f = capture.kind, capture.fields
    if kind == "tie":
        capture.tie_words.append(word)
        return
    for slot in SLOTS.get(kind, ()):
        vocab = FIELDS[slot].vocabulary(kind)
        assert vocab is not None
        term = vocab.lookup(word)
        if term and slot not in f:
            f[slot] = term.key
            return
    if kind == "actor":
        flag = model.FLAGS.lookup(word)
        if flag:
            f[flag.key] = True
            return
    if kind in model.PERSON_TABLES:
        for dim in ctx.dimensions:
            value = dim.lookup(word)
            if value and dim.key not in capture.attributes:
                capture.attributes[dim.key] = value.key
                return
    if word not in capture.tags:
        capture.tags.append(word)


def set_field(capture: Capture, canon: str, value: str, ctx: Context) -> None:
    """`canon:value` on the line of `capture`: a field, a board dimension, or (a word its
    vocabulary does not know) a tag."""
    stored = value_of(capture.kind, canon, value, ctx)
    if canon.startswith("dim:"):
        capture.attributes[canon[4:]] = stored
        return
    if stored is None and tags_unknown(canon):
        capture.tags.append(value)
    capture.fields[canon] = stored


def _not_here(marker: str, kind: str, ctx: Context) -> UserError:
    return UserError("marker_not_here", marker=marker, kind=kind_word(kind, ctx.lang))

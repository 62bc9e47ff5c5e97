"""The capture line: one line of text -> one `Capture`, without touching the file.

    p|plek|place            NAME [#kind] [@CELL] ["quote"]
    i|initiatief|initiative NAME [#theme] [@CELL] [+ACTOR]...
    a|actor                 NAME [#role] [!INFLUENCE]   (persoon, org: fix the type)
    NAME -> NAME [#kind]    a tie (also <-, <->, --)
    n|notitie|note          TEXT [~NAME]        q|citaat|quote TEXT [~NAME]
    deelnemer|participant   NAME [#value]... [dimension:value]...
    kandidaat|candidate     NAME [status:invited|accepted|declined] [dimension:value]...
    sessie|session          [DATE] [locatie:...] [tafel:...] [begeleider:...]
    kaart|card              NUMBER              (what a card's QR code types)
    https://…N              a web address ending in a card number: a card's QR code too

Keywords are case-insensitive; names are kept exactly as typed. `field:value` sets any known
field; a value with spaces is quoted. Names are resolved against the file by `workshop.capture.record`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workshop import model
from workshop.capture.fields import tags_unknown, value_of
from workshop.i18n import UserError, t
from workshop.model import FIELDS, Context, kind_word
from workshop.text import normalise

__all__ = ["Capture", "KEYWORDS", "parse", "card_reference"]

MAX_LINE = 100_000
MARKERS = "#@!+~"
ARROWS = {
    "->": "directed",
    "<-": "reversed",
    "<->": "mutual",
    "--": "undirected",
    "-->": "directed",
    "<--": "reversed",
    "<-->": "mutual",
}
_FIELD_RE = re.compile(r'([^\s:"]{1,40}):')
_ARROW_RE = re.compile(r"<-->|<->|<--|-->|->|<-|--")
# A card's QR code holds a web address when the initiative has a website (`…#kaart-N`) or the
# neighbourhood a base URL (`…/N`): a USB scanner types it, and it finds card N like `kaart N`.
_CARD_URL = re.compile(r"https?://\S*?(\d+)/?", re.IGNORECASE)

KEYWORDS = {
    "p": "place",
    "plek": "place",
    "place": "place",
    "i": "initiative",
    "initiatief": "initiative",
    "initiative": "initiative",
    "a": "actor",
    "actor": "actor",
    "persoon": "person",
    "person": "person",
    "org": "organisation",
    "organisatie": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "n": "note",
    "notitie": "note",
    "note": "note",
    "q": "quote",
    "citaat": "quote",
    "quote": "quote",
    "deelnemer": "participant",
    "participant": "participant",
    "kandidaat": "candidate",
    "candidate": "candidate",
    "sessie": "session",
    "session": "session",
    "kaart": "card",
    "card": "card",
}

# The kind of record each keyword makes, and the words used for it in messages.
EXAMPLES = {
    "place": 'p "Buurthuis De Bron" #buurthuis @C4',
    "initiative": 'i "Zon op ons dak" #opwek @C4 +"Dokter de Vries"',
    "actor": 'persoon "Dokter de Vries" #sleutelfiguur !5',
    "participant": "deelnemer Anna #appartement #senior #alleenstaand",
    "candidate": "kandidaat Anna status:uitgenodigd #rijwoning",
    "+": 'i "Zon op ons dak" +"Dokter de Vries"',
    "~": 'n "Altijd open" ~"Buurthuis De Bron"',
    "#": "#buurthuis",
    "@": "@C4",
    "!": "!3",
}


@dataclass
class Capture:
    kind: str  # place, initiative, actor, tie, note, participant, candidate, session, card
    line: str
    name: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    cell: str | None = None
    actors: list[str] = field(default_factory=list)  # +NAME on an initiative
    about: str | None = None  # ~NAME on a note
    quote: str | None = None  # "quote" on a place
    target: str | None = None  # the other end of a tie
    direction: str | None = None  # directed, reversed, mutual, undirected
    tie_words: list[str] = field(default_factory=list)  # #words of a tie, resolved later
    attributes: dict[str, str] = field(default_factory=dict)  # sounding-board values


@dataclass
class Token:
    text: str
    start: int
    end: int
    quoted: bool = False
    prefix: str = ""  # one of MARKERS, or "field:<canonical>", or "" for a plain word
    stray_quote: bool = False  # a quoted part with text straight after it: `"Hoi",`

    @property
    def plain(self) -> bool:
        return not self.prefix and not self.quoted and not self.stray_quote


def parse(line: str, ctx: Context | None = None) -> Capture:
    """Parse one capture line; raises `UserError` with a one-line reason."""
    ctx = ctx or Context()
    if "\x00" in line:
        raise UserError("nul_char")
    if len(line) > MAX_LINE:
        raise UserError("text_too_long", length=len(line), limit=MAX_LINE)
    if not line.strip():
        raise UserError("empty_line")
    url = _CARD_URL.fullmatch(line.strip())
    if url:
        return _card(line, url.group(1))
    tokens = _tokenize(line, ctx.field_names)
    first = tokens[0]
    kind = KEYWORDS.get(first.text.casefold()) if first.plain else None
    body = tokens[1:] if kind else tokens
    if kind in ("note", "quote"):
        return _parse_note(line, kind, body)
    if kind == "card":
        return _parse_card(line, body)
    tokens_split = _split_arrows(body)
    if any(tok.prefix == "arrow" for tok in tokens_split):
        if kind:
            raise UserError("arrow_with_keyword")
        return _parse_tie(line, tokens_split, ctx)
    if kind is None:
        raise UserError("no_keyword", word=first.text if first.plain else line.split()[0])
    if kind == "session":
        return _parse_session(line, body, ctx)
    actor_type = {"person": "person", "organisation": "organisation"}.get(kind)
    record_kind = "actor" if actor_type else kind
    capture = _parse_record(line, record_kind, body, ctx)
    if actor_type:
        capture.fields["type"] = actor_type
    return capture


# --- tokens ---------------------------------------------------------------------------------


def _tokenize(line: str, field_names: dict[str, str]) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(line)
    while i < n:
        if line[i].isspace():
            i += 1
            continue
        start = i
        prefix = ""
        if line[i] in MARKERS:
            prefix = line[i]
            i += 1
        else:
            m = _FIELD_RE.match(line, i)
            if m:
                canon = field_names.get(normalise(m.group(1)))
                if canon:
                    prefix = "field:" + canon
                    i += len(m.group(0))
        if i < n and line[i] == '"':
            text, i = _read_quoted(line, i)
            if i < n and not line[i].isspace():
                while i < n and not line[i].isspace():
                    i += 1
                tokens.append(Token(line[start:i], start, i, stray_quote=True))
                continue
            tokens.append(Token(text, start, i, True, prefix))
            continue
        j = i
        while j < n and not line[j].isspace():
            j += 1
        tokens.append(Token(line[i:j], start, j, False, prefix))
        i = j
    return tokens


def _read_quoted(line: str, i: int) -> tuple[str, int]:
    """Read `"..."` starting at line[i] == '"'; inside, `\\"` is a literal quote and `\\\\` a
    literal backslash (so a name can end in one); any other backslash is kept as it is."""
    out = []
    i += 1
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line) and line[i + 1] in '"\\':
            out.append(line[i + 1])
            i += 2
        elif ch == '"':
            return "".join(out), i + 1
        else:
            out.append(ch)
            i += 1
    raise UserError("unclosed_quote")


def _split_arrows(tokens: list[Token]) -> list[Token]:
    """Split plain words on arrows: `Jan->Piet` -> `Jan`, `->`, `Piet`."""
    out: list[Token] = []
    for tok in tokens:
        if not tok.plain or not _ARROW_RE.search(tok.text):
            out.append(tok)
            continue
        pos = 0
        for m in _ARROW_RE.finditer(tok.text):
            if m.start() > pos:
                out.append(Token(tok.text[pos : m.start()], tok.start + pos, tok.start + m.start()))
            out.append(
                Token(m.group(0), tok.start + m.start(), tok.start + m.end(), prefix="arrow")
            )
            pos = m.end()
        if pos < len(tok.text):
            out.append(Token(tok.text[pos:], tok.start + pos, tok.end))
    return out


# --- records ----------------------------------------------------------------------------------


def _take_name(line: str, tokens: list[Token], i: int) -> tuple[str | None, int]:
    """A name is one quoted token, or a run of plain words kept exactly as typed."""
    if i < len(tokens) and tokens[i].stray_quote:
        raise UserError("extra_quoted")
    if i < len(tokens) and tokens[i].quoted and not tokens[i].prefix:
        return tokens[i].text, i + 1
    j = i
    while j < len(tokens) and tokens[j].plain:
        j += 1
    if j == i:
        return None, i
    return line[tokens[i].start : tokens[j - 1].end], j


def _parse_record(line: str, kind: str, tokens: list[Token], ctx: Context) -> Capture:
    capture = Capture(kind=kind, line=line)
    name, i = _take_name(line, tokens, 0)
    if not name or not name.strip():
        raise UserError("no_name", example=EXAMPLES[kind])
    capture.name = name.strip()
    _parse_modifiers(line, capture, tokens[i:], ctx)
    return capture


def _parse_modifiers(line: str, capture: Capture, tokens: list[Token], ctx: Context) -> None:
    """Markers, fields and (for places) a quote, in any order after the name."""
    multi: Token | None = None  # the +NAME being extended by the plain words that follow
    multi_end = 0
    for tok in tokens:
        if tok.stray_quote:
            raise UserError("extra_quoted")
        if tok.plain:
            if multi is None:
                raise UserError("name_split", word=tok.text)
            multi_end = tok.end
            capture.actors[-1] = line[multi.start + 1 : multi_end]
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
            multi_end = tok.end


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
    slots = {
        "place": ("kind", "sentiment"),
        "initiative": ("theme", "status"),
        "actor": ("type", "role"),
        "candidate": ("status", "tenure"),
        "participant": ("tenure",),
    }.get(kind, ())
    if kind == "tie":
        capture.tie_words.append(word)
        return
    for slot in slots:
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


# --- ties, notes, sessions, cards ----------------------------------------------------------------


def _parse_tie(line: str, tokens: list[Token], ctx: Context) -> Capture:
    arrows = [i for i, tok in enumerate(tokens) if tok.prefix == "arrow"]
    if len(arrows) > 1:
        raise UserError("two_arrows")
    a = arrows[0]
    source, used = _take_name(line, tokens[:a], 0)
    if source is None or used != a:
        raise UserError("tie_side_missing")
    target, j = _take_name(line, tokens, a + 1)
    if target is None:
        raise UserError("tie_side_missing")
    capture = Capture(
        kind="tie",
        line=line,
        name=source.strip(),
        target=target.strip(),
        direction=ARROWS[tokens[a].text],
    )
    if not capture.name or not capture.target:
        raise UserError("tie_side_missing")
    _parse_modifiers(line, capture, tokens[j:], ctx)
    return capture


def _parse_note(line: str, kind: str, tokens: list[Token]) -> Capture:
    """A note's text is kept as typed; `~NAME` (quoted, or to the end of the line) says what it
    is about. Text that is one quoted string loses its quotes."""
    about = None
    text_tokens = tokens
    for i, tok in enumerate(tokens):
        if tok.prefix == "~":
            if tok.quoted:
                about = tok.text
                rest = tokens[i + 1 :]
            else:
                about = line[tok.start + 1 : tokens[-1].end]
                rest = []
            if not about.strip():
                raise UserError("empty_marker", marker="~", example=EXAMPLES["~"])
            if rest:
                raise UserError("name_split", word=rest[0].text)
            text_tokens = tokens[:i]
            break
    if not text_tokens:
        raise UserError("no_name", example=EXAMPLES["~"])
    if len(text_tokens) == 1 and text_tokens[0].quoted and not text_tokens[0].prefix:
        text = text_tokens[0].text
    else:
        text = line[text_tokens[0].start : text_tokens[-1].end]
    if not text.strip():
        raise UserError("no_name", example=EXAMPLES["~"])
    capture = Capture(kind="note", line=line, name=text.strip(), about=about and about.strip())
    capture.fields["kind"] = kind
    return capture


def _parse_session(line: str, tokens: list[Token], ctx: Context) -> Capture:
    capture = Capture(kind="session", line=line)
    for tok in tokens:
        if tok.prefix.startswith("field:"):
            set_field(capture, tok.prefix[6:], tok.text, ctx)
        elif tok.plain and "date" not in capture.fields:
            capture.fields["date"] = FIELDS["date"].parse(tok.text, ctx.lang)
        else:
            raise UserError("name_split", word=tok.text)
    return capture


def _parse_card(line: str, tokens: list[Token]) -> Capture:
    if len(tokens) != 1 or not tokens[0].plain:
        raise UserError("bad_card_ref", value=" ".join(t.text for t in tokens))
    return _card(line, tokens[0].text)


def _card(line: str, number: str) -> Capture:
    capture = Capture(kind="card", line=line)
    capture.fields["card_number"] = FIELDS["card_number"].parse(number)
    return capture


def card_reference(number: int, lang: str = "nl") -> str:
    """The text a card's QR code carries when there is no website or base URL."""
    return t("card_ref", lang, number=number)

"""The capture line: one line of text -> one `Capture`, without touching the file.

    p|plek|place            NAME [#kind] [@CELL] ["quote"]
    i|initiatief|initiative NAME [#theme] [@CELL] [+ACTOR]...
    a|actor                 NAME [#role] [!INFLUENCE]   (persoon, org: fix the type)
    NAME -> NAME [#kind]    a tie (also <-, <->, --)
    n|notitie|note          TEXT [~NAME|~.] [door:NAME]     q|citaat|quote (the same)
    deelnemer|participant   NAME [value]... [#value]... [dimension:value]...
    kandidaat|candidate     NAME [status:invited|accepted|declined] [dimension:value]...
    sessie|session          [DATE] [VENUE] [locatie:...] [tafel:...] [begeleider:...] [consent:...]
    kaart|card              NUMBER              (what a card's QR code types)
    https://…N              a web address ending in a card number: a card's QR code too

Keywords are case-insensitive; names are kept exactly as typed. `field:value` sets any known
field; a value with spaces is quoted (on a session line, which has no name, the words after a
field's value go on with it). The parts: `tokens` (the lexer), `line` (what a line comes to),
`words` (what markers and fields do). Names are resolved against the file by
`workshop.capture.record`.
"""

from __future__ import annotations

import re

from workshop.capture.line import EXAMPLES, KEYWORDS, LAST, MAX_LINE, Capture
from workshop.capture.tokens import ARROWS, MARKERS, Token, split_arrows, take_name, tokenize
from workshop.capture.words import apply_modifiers, peel_board_values, set_field
from workshop.i18n import UserError, t
from workshop.model import FIELDS, Context

__all__ = ["ARROWS", "Capture", "KEYWORDS", "MARKERS", "MAX_LINE", "card_reference", "parse"]

# A card's QR code holds a web address when the initiative has a website (`…#kaart-N`) or the
# neighbourhood a base URL (`…/N`): a USB scanner types it, and it finds card N like `kaart N`.
_CARD_URL = re.compile(r"https?://\S*?(\d+)/?", re.IGNORECASE)

_DATE_LIKE = re.compile(r"^\d[\d-]*$")
# On a session line, the fields whose value may run on over the words after it.
_SESSION_TEXT = ("venue", "facilitator")


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
    tokens = tokenize(line, ctx.field_names)
    first = tokens[0]
    kind = KEYWORDS.get(first.text.casefold()) if first.plain else None
    body = tokens[1:] if kind else tokens
    if kind in ("note", "quote"):
        return _parse_note(line, kind, body)
    if kind == "card":
        return _parse_card(line, body)
    tokens_split = split_arrows(body)
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


def _parse_record(line: str, kind: str, tokens: list[Token], ctx: Context) -> Capture:
    capture = Capture(kind=kind, line=line)
    name, i = take_name(line, tokens, 0)
    if name and i and not tokens[0].quoted:  # bare board values at the end of a person's name
        peeled = peel_board_values(capture, tokens[:i], ctx)
        if peeled:
            name = line[tokens[0].start : tokens[i - peeled - 1].end]
    if not name or not name.strip():
        raise UserError("no_name", example=EXAMPLES[kind])
    capture.name = name.strip()
    apply_modifiers(line, capture, tokens[i:], ctx)
    return capture


def _parse_tie(line: str, tokens: list[Token], ctx: Context) -> Capture:
    arrows = [i for i, tok in enumerate(tokens) if tok.prefix == "arrow"]
    if len(arrows) > 1:
        raise UserError("two_arrows")
    a = arrows[0]
    source, used = take_name(line, tokens[:a], 0)
    if source is None or used != a:
        raise UserError("tie_side_missing")
    target, j = take_name(line, tokens, a + 1)
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
    apply_modifiers(line, capture, tokens[j:], ctx)
    return capture


def _is_said_by(tok: Token) -> bool:
    return tok.prefix == "field:said_by"


def _parse_note(line: str, kind: str, tokens: list[Token]) -> Capture:
    """A note's text is kept as typed; after it, `~NAME` says what it is about (`~.`: what the
    line before named) and `door:NAME` who said it, in either order. Each name is quoted, or
    runs to the other one or the end of the line. Text that is one quoted string loses its
    quotes."""
    ends = [i for i, tok in enumerate(tokens) if tok.prefix == "~" or _is_said_by(tok)]
    parts: dict[str, str] = {}
    for n, i in enumerate(ends):
        tok = tokens[i]
        which = "~" if tok.prefix == "~" else "door"
        upto = ends[n + 1] if n + 1 < len(ends) else len(tokens)
        if which in parts:
            raise UserError("name_split", word=line[tok.start : tok.end])
        if tok.quoted:
            value = tok.text
            if upto > i + 1:
                raise UserError("name_split", word=tokens[i + 1].text)
        else:
            start = tok.start + 1 if which == "~" else tok.end - len(tok.text)
            value = line[start : tokens[upto - 1].end]
        if not value.strip():
            raise UserError("empty_marker", marker=tok.prefix[:1], example=EXAMPLES[which])
        parts[which] = value.strip() if not tok.quoted else value
        if which == "~" and not tok.quoted and value.strip() == LAST:
            parts["last"] = LAST
    text_tokens = tokens[: ends[0]] if ends else tokens
    if not text_tokens:
        raise UserError("no_name", example=EXAMPLES["~"])
    if len(text_tokens) == 1 and text_tokens[0].quoted and not text_tokens[0].prefix:
        text = text_tokens[0].text
    else:
        text = line[text_tokens[0].start : text_tokens[-1].end]
    if not text.strip():
        raise UserError("no_name", example=EXAMPLES["~"])
    about = parts.get("~")
    capture = Capture(kind="note", line=line, name=text.strip(), about=about and about.strip())
    capture.about_last = "last" in parts
    capture.said_by = parts.get("door")
    capture.fields["kind"] = kind
    return capture


def _parse_session(line: str, tokens: list[Token], ctx: Context) -> Capture:
    """`sessie [DATE] [VENUE] [field:value]...`: a word that looks like a date is the date,
    other words the venue (when no `locatie:` gives it), and words straight after a
    `locatie:` or `begeleider:` value go on with that value."""
    capture = Capture(kind="session", line=line)
    running: tuple[str, int] | None = None  # (field, start of its value) still going on
    venue: list[Token] = []
    for n, tok in enumerate(tokens):
        if tok.prefix.startswith("field:"):
            set_field(capture, tok.prefix[6:], tok.text, ctx)
            canon = tok.prefix[6:]
            running = (canon, tok.end - len(tok.text)) if canon in _SESSION_TEXT else None
            if tok.quoted:
                running = None
        elif not tok.plain:
            raise UserError("name_split", word=tok.text)
        elif running is not None:
            set_field(capture, running[0], line[running[1] : tok.end], ctx)
        elif _DATE_LIKE.match(tok.text) and "date" not in capture.fields and not venue:
            capture.fields["date"] = FIELDS["date"].parse(tok.text, ctx.lang)
        elif venue and venue[-1] is not tokens[n - 1]:
            raise UserError("name_split", word=tok.text)
        else:
            venue.append(tok)
    if venue:
        if "venue" in capture.fields:
            raise UserError("name_split", word=venue[0].text)
        capture.fields["venue"] = line[venue[0].start : venue[-1].end]
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

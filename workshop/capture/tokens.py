"""The capture line's tokens: words, `"quoted parts"`, markers (`#@!+~`), known `field:`s and
arrows, each with where it stands in the line (a name is cut from the line as typed).

    tokenize('p "De Bron" #buurthuis', field_names)
    -> [Token("p"), Token("De Bron", quoted=True), Token("buurthuis", prefix="#")]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workshop.i18n import UserError
from workshop.text import normalise

__all__ = ["ARROWS", "MARKERS", "Token", "split_arrows", "take_name", "tokenize"]

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


def tokenize(line: str, field_names: dict[str, str]) -> list[Token]:
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


def split_arrows(tokens: list[Token]) -> list[Token]:
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


def take_name(line: str, tokens: list[Token], i: int) -> tuple[str | None, int]:
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

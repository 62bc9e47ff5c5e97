"""Where a text mentions one person: by whole words, never by the letters inside another word.

    finder = Finder(names=["Bas"], phones=["06-12345678"], mails=["bas@example.nl"],
                    others=["Sebastiaan Basten"])
    finder.spans("Basisschool: bel Bas (Bas' fiets) op +31 6 1234 5678")
    finder.scrub(text, "[vergeten]")

A name is found case-, accent- and Unicode-form-insensitively (the text is folded character by
character with `text.normalise`, and every folded character remembers where it came from), as
a whole word: not inside "Basisschool", "Sebastiaan" or "Basten", and not as the first half of
a hyphenated "Jan-Willem". A possessive belongs to the name ("Jansens", "Jansen's", "Bas'").
Where the name of another person covers the same words ("Bas Jansen" while forgetting "Bas"),
the longer name wins and the text is left alone. Inside a mail address or a web address only
the person's own, known addresses count.

Phone numbers are matched by their digits in any spacing or punctuation, with 0, +31, 0031 or
+31 (0) in front; mail addresses whole and case-insensitively.

`name_parts` gives the words of a name that identify a person on their own (a surname, a first
name) without the particles and titles that many names share ("van", "de", "dokter", "juf").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workshop.text import normalise

_PARTICLES = (
    "van de der den het 't te ter ten in op la le du da di del della des von zu zum "
    "el al bin ibn ben bint abu ould y e o"
)
_TITLES = (
    "dokter dr dr. juf juffrouw meester meneer mevrouw mevr mevr. mw mw. dhr dhr. heer "
    "mr mr. mrs mrs. ms ms. miss sir ir ir. ing ing. prof prof. drs drs. ds ds. dominee "
    "pastoor pater imam rabbijn zuster broeder oom tante opa oma buurman buurvrouw jr jr. "
    "sr sr. doctor teacher"
)
PARTICLES = frozenset(_PARTICLES.split())
TITLES = frozenset(_TITLES.split())

_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SEP = r"[\s\-./()]{0,3}"  # between the digits of a phone number


def _fold(ch: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 (a cache on purpose)
    folded = cache.get(ch)
    if folded is None:
        folded = " " if ch.isspace() else normalise(ch)
        cache[ch] = folded
    return folded


def fold(text: str) -> tuple[str, list[int]]:
    """The text folded for matching, and for every folded character the index of the original
    character it came from (a combining accent folds to nothing, "Ĳ" to two letters)."""
    out: list[str] = []
    owner: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold(ch)
        if folded:
            out.append(folded)
            owner.extend([index] * len(folded))
    return "".join(out), owner


def words(name: str, halves: bool = True) -> list[str]:
    """The folded words of a name, hyphenated ones also in their halves."""
    out: list[str] = []
    for word in normalise(name).split():
        out.append(word)
        if halves and "-" in word.strip("-"):
            out.extend(half for half in word.split("-") if half)
    return out


def name_parts(name: str) -> list[str]:
    """The parts of a name that may identify its person alone: each word that is not a
    particle or title, a particle group with the word it belongs to ("de vries"), the halves of
    a hyphenated word. The full name itself is not among them."""
    tokens = [w for w in normalise(name).split()]
    while tokens and tokens[0] in TITLES:
        tokens = tokens[1:]
    parts: list[str] = []
    for index, token in enumerate(tokens):
        if token in PARTICLES or token in TITLES or len(token) < 2:
            continue
        parts.append(token)
        if "-" in token.strip("-"):
            parts.extend(h for h in token.split("-") if len(h) >= 2 and h not in PARTICLES)
        start = index
        while start > 0 and tokens[start - 1] in PARTICLES:
            start -= 1
        if start < index:
            parts.append(" ".join(tokens[start : index + 1]))
    full = " ".join(normalise(name).split())
    return [p for p in dict.fromkeys(parts) if p != full]


def phone_digits(phone: str) -> tuple[str, str] | None:
    """(country, national number) of a phone number as written; None when too short to be
    recognised safely in free text. Dutch numbers lose their leading 0 or +31."""
    text = phone.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or digits.startswith("00"):
        digits = digits[2:] if digits.startswith("00") else digits
        country, national = ("31", digits[2:]) if digits.startswith("31") else ("", digits)
        national = national[1:] if country and national.startswith("0") else national
    elif digits.startswith("0"):
        country, national = "31", digits[1:]
    else:
        country, national = "", digits
    return (country, national) if len(national) >= 6 else None


def _phone_pattern(country: str, national: str) -> str:
    body = _SEP.join(national)
    if country == "31":
        prefix = r"(?:(?:\+|00)\s?31[\s\-.]{0,2}(?:\(\s?0\s?\)[\s\-.]{0,2})?|\(?0)"
    else:
        prefix = r"(?:(?:\+|00)\s?)?"
    return rf"(?<![\d+]){prefix}{body}(?!\d)"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # name, phone, mail


class Finder:
    """Finds the mentions of one person in texts (see the module's docstring)."""

    def __init__(
        self,
        names: Iterable[str],
        phones: Iterable[str] = (),
        mails: Iterable[str] = (),
        others: Iterable[str] = (),
    ):
        mine = {" ".join(normalise(n).split()) for n in names}
        mine = {n for n in mine if n}
        theirs = {" ".join(normalise(n).split()) for n in others} - mine
        # Only a name that holds one of the person's can cover their words in a text.
        theirs = {n for n in theirs if n and any(m in n for m in mine)}
        self._mine = mine
        self._seen: dict[str, bool] = {}
        self._probe = sorted(mine, key=len)
        terms = sorted(mine | theirs, key=len, reverse=True)
        self._names = (
            re.compile(
                r"(?<!\w)(?<!\w-)(?P<core>"
                + "|".join(r"\s+".join(re.escape(w) for w in term.split()) for term in terms)
                + r")(?P<suffix>'s|s|')?(?!\w)(?!-\w)"
            )
            if terms
            else None
        )
        numbers = {d for d in (phone_digits(p) for p in phones if p) if d}
        self._digits = sorted({national for _, national in numbers})
        self._phones = (
            re.compile("|".join(_phone_pattern(*n) for n in sorted(numbers))) if numbers else None
        )
        self._mails = sorted({m.strip().casefold() for m in mails if m and "@" in m})
        self._mail_re = (
            re.compile(
                r"(?<![\w.+-])(?:"
                + "|".join(re.escape(m) for m in self._mails)
                + r")(?![\w-])(?!\.\w)",
                re.IGNORECASE,
            )
            if self._mails
            else None
        )

    def __bool__(self) -> bool:
        return bool(self._mine or self._digits or self._mails)

    def _maybe(self, text: str) -> bool:
        """A quick test that lets most texts through without folding them (the same texts
        come back often: in the file and in the before and after of its undo log)."""
        known = self._seen.get(text)
        if known is None:
            known = self._seen[text] = self._test(text)
        return known

    def _test(self, text: str) -> bool:
        if self._mine:
            if text.isascii():  # most texts: folding is lower case (and the apostrophes)
                folded = " ".join(text.lower().replace("`", "'").split())
            else:
                folded = normalise(text)
            if any(name in folded for name in self._probe):
                return True
        if self._digits:
            digits = re.sub(r"\D", "", text)
            if any(d in digits for d in self._digits):
                return True
        if self._mails:
            lowered = text.casefold()
            return any(m in lowered for m in self._mails)
        return False

    def spans(self, text: str) -> list[Span]:
        """The mentions in `text`, as spans of the original text, in order, not overlapping."""
        if not text or not self._maybe(text):
            return []
        found: list[Span] = []
        if self._mail_re:
            found += [Span(m.start(), m.end(), "mail") for m in self._mail_re.finditer(text)]
        if self._phones:
            found += [Span(m.start(), m.end(), "phone") for m in self._phones.finditer(text)]
        if self._names is not None and self._mine:
            found += self._name_spans(text, found)
        found.sort(key=lambda s: (s.start, -s.end))
        out: list[Span] = []
        for span in found:
            if out and span.start < out[-1].end:
                if span.end > out[-1].end:
                    out[-1] = Span(out[-1].start, span.end, out[-1].kind)
                continue
            out.append(span)
        return out

    def _name_spans(self, text: str, known: list[Span]) -> list[Span]:
        assert self._names is not None
        folded, owner = fold(text)
        shielded = [(m.start(), m.end()) for rx in (_MAIL, _WEB) for m in rx.finditer(text)]
        shielded = [
            (a, b) for a, b in shielded if not any(s.start <= a and b <= s.end for s in known)
        ]
        out = []
        for m in self._names.finditer(folded):
            core, suffix = m.group("core"), m.group("suffix") or ""
            key = " ".join(core.split())
            if key not in self._mine:
                continue  # another person's name covers these words
            if suffix == "s" and (len(key) < 3 or key[-1] in "sxz"):
                continue  # "Ans" is not An's
            if suffix == "'" and key[-1] not in "sxz":
                suffix = ""  # a closing quote, not a possessive
            end = m.end("core") + len(suffix)
            start, stop = owner[m.start()], owner[end - 1] + 1
            while stop < len(text) and not _fold(text[stop]) and not text[stop].isspace():
                stop += 1  # the combining accents of the last letter belong to it
            if any(a < stop and start < b for a, b in shielded):
                continue
            out.append(Span(start, stop, "name"))
        return out

    def mentions(self, text: str) -> bool:
        return bool(self.spans(text))

    def scrub(self, text: str, placeholder: str) -> str:
        """The text with every mention replaced by `placeholder`."""
        spans = self.spans(text)
        if not spans:
            return text
        pieces, last = [], 0
        for span in spans:
            pieces += [text[last : span.start], placeholder]
            last = span.end
        pieces.append(text[last:])
        return "".join(pieces)

    def context(self, text: str, width: int = 28) -> list[str]:
        """Each mention with the words around it, the mention in «»: for the list that is
        shown before anything changes."""
        out = []
        for span in self.spans(text):
            before = text[max(0, span.start - width) : span.start]
            after = text[span.end : span.end + width]
            lead = "…" if span.start > width else ""
            tail = "…" if span.end + width < len(text) else ""
            out.append(f"{lead}{before}«{text[span.start : span.end]}»{after}{tail}")
        return out

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

The words, possessives, phone keys and patterns and mail keys are those of every redaction
(`workshop.file.redaction_words`); what is forget's own is here: one person, spans of the original
text, their context, and exactness (forget changes other people's text, the redaction only
hides): "Ans" is not An's, "Bas2" is not Bas, and a name inside an address the file does not
hold for the person is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workshop.file.redaction_words import (
    DIGITS,
    MAILS,
    PHONES,
    WEB,
    fold,
    fold_char,
    fold_text,
    known_phones,
    mail_key,
    mail_keys,
    mail_lead,
    normalise,
    phone_keys,
    possessive,
)


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
        self._phones = {key for p in phones if p for key in phone_keys(p)}
        self._digits = sorted({key.lstrip("0") for key in self._phones})
        self._mails = {key for m in mails if m for key in mail_keys(m)}

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
            folded = fold_text(text)
            if any(name in folded for name in self._probe):
                return True
        if self._digits:
            digits = "".join(DIGITS.findall(text))
            if any(d in digits for d in self._digits):
                return True
        if self._mails and "@" in text:
            lowered = fold_text(text)
            return any(m in lowered for m in self._mails)
        return False

    def spans(self, text: str) -> list[Span]:
        """The mentions in `text`, as spans of the original text, in order, not overlapping."""
        if not text or not self._maybe(text):
            return []
        found: list[Span] = []
        if self._mails and "@" in text:
            found += [
                Span(m.start() + mail_lead(m.group()), m.end(), "mail")
                for m in MAILS.finditer(text)
                if mail_key(m.group()) in self._mails
            ]
        if self._phones:
            found += [
                Span(m.start() + a, m.start() + b, "phone")
                for m in PHONES.finditer(text)
                for a, b in known_phones(m.group(), self._phones)
            ]
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
        shielded = [(m.start(), m.end()) for rx in (MAILS, WEB) for m in rx.finditer(text)]
        shielded = [
            (a, b) for a, b in shielded if not any(s.start <= a and b <= s.end for s in known)
        ]
        out = []
        for m in self._names.finditer(folded):
            core, suffix = m.group("core"), m.group("suffix") or ""
            key = " ".join(core.split())
            if key not in self._mine:
                continue  # another person's name covers these words
            if suffix and possessive(key + suffix, exact=True) != key:
                if suffix != "'":
                    continue  # "Ans" is not An's
                suffix = ""  # a closing quote, not a possessive
            end = m.end("core") + len(suffix)
            start, stop = owner[m.start()], owner[end - 1] + 1
            while stop < len(text) and not fold_char(text[stop]) and not text[stop].isspace():
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
        joined: list[Span] = []  # "Wang Wei" (parts of "Wang Wei 王伟") is one mention
        for span in spans:
            if (
                joined
                and span.kind == joined[-1].kind == "name"
                and not text[joined[-1].end : span.start].strip()
            ):
                joined[-1] = Span(joined[-1].start, span.end, "name")
            else:
                joined.append(span)
        pieces, last = [], 0
        for span in joined:
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

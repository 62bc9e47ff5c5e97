"""The words and numbers the redaction looks for (see `workshop.redaction`): how a text is cut
into words, mail addresses and phone numbers, which words of a name count, and the keys they are
compared by.
"""

from __future__ import annotations

import functools
import re

from workshop.text import normalise as _normalise

PARTICLES = {"van", "de", "der", "den", "het", "t", "'t", "te", "ter", "ten", "el", "al", "la",
             "le", "da", "di", "du", "von", "dos", "das", "bin", "ibn", "en", "op", "in", "aan"}
TITLES = {"dokter", "dr", "juf", "meester", "mevrouw", "meneer", "mw", "dhr", "mr", "mrs", "ms",
          "pastor", "dominee", "imam", "pater", "zuster", "oom", "tante", "opa", "oma",
          "wijkagent", "buurvrouw", "buurman", "familie", "family", "fam", "gezin"}
NOT_NAMES = PARTICLES | TITLES
MIN_PART = 3  # shorter words ("An", "Bo") count only as a whole name, written with a capital
MIN_PHONE_DIGITS = 6
MAX_PHONE_DIGITS = 15

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
_WORD = rf"{LETTER}+(?:['’\u02bc\-]{LETTER}+)*"
# Bounded as RFC 5321 bounds them, so a long run of letters costs no backtracking.
MAIL = r"[\w.!#$%&'*+/=?^`{|}~-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
_PHONE = r"\+?\(?\d(?:[ \t\u00a0.\-/()]{0,3}\d)+"
_PLAIN_WORD = r"[^\W\d_]+(?:['’\u02bc\-][^\W\d_]+)*"  # the same, for text without marks
JOINERS = re.compile("['’\u02bc-]")
HAS_MARK = re.compile(rf"[{_MARKS}]")
# Scanning is most of the cost: the mail and combining-mark alternatives only where needed.
SCANNERS = {(mail, marks): re.compile(
    (rf"(?P<mail>{MAIL})|" if mail else "")
    + rf"(?P<phone>{_PHONE})|(?P<word>{_WORD if marks else _PLAIN_WORD})")
    for mail in (False, True) for marks in (False, True)}
WORDS = re.compile(_WORD)
DIGITS = re.compile(r"\d+")
_ZERO = re.compile(r"\(\s*0\s*\)")


@functools.lru_cache(maxsize=1 << 16)
def normalise(word: str) -> str:
    """`workshop.text.normalise`, remembered: the same words come back in every text."""
    return _normalise(word)


def phone_key(text: str) -> str:
    """A phone number as its national digits: "+31 (0)6-1234 5678", "0031 6 12345678" and
    "06.12.34.56.78" all give "0612345678"."""
    text = _ZERO.sub("", text).strip()
    digits = "".join(DIGITS.findall(text))
    if text.startswith("+"):
        return "0" + digits[2:] if digits.startswith("31") else "00" + digits
    if digits.startswith("0031"):
        return "0" + digits[4:]
    if digits.startswith("31") and len(digits) == 11:
        return "0" + digits[2:]
    return digits


def looks_like_phone(text: str) -> bool:
    key = phone_key(text)
    return key.startswith("0") and 9 <= len(key) <= MAX_PHONE_DIGITS


def mail_key(text: str) -> str:
    return normalise(text).strip(".")


def name_words(name: str) -> list[str]:
    """The words of a name as the text scanner cuts them (hyphenated names stay whole)."""
    return WORDS.findall(name)


def parts(words: list[str]) -> list[str]:
    """The distinctive parts of a name: its words and the pieces of hyphenated ones and of
    ones with an apostrophe ("Anne-Marie", "D'Souza")."""
    out = []
    for word in words:
        out.append(word)
        pieces = JOINERS.split(word)
        if len(pieces) > 1:
            out.extend(pieces)
    return [w for w in out if len(w) >= MIN_PART and normalise(w) not in NOT_NAMES]


def possessive(key: str) -> str | None:
    if key.endswith("'s") and len(key) > 2:
        return key[:-2]
    if key.endswith("s") and len(key) > 2:
        return key[:-1]
    return None

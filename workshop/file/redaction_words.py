"""The one word, phone and mail layer of every redaction: the redaction of the ways out
(`workshop.file.redaction`: many hidden persons, audiences, pseudonyms) and `forget`'s finder
(`workshop.file.mentions`: one person, spans with their context). How a text is folded and cut
into words, mail addresses and phone numbers, which words of a name count, the possessive,
and the keys phones and mails are compared by: decided here, once.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from workshop.text import normalise as _normalise

# Words that identify nobody on their own. Not "ben" or "abu": connectors in "Mohammed ben
# Ali", but also what a Ben or an Abu is called (a possible name part wins over a connector).
_PARTICLES = (
    "van de der den het t 't te ter ten in op aan en la le du da di del della des dos das von "
    "zu zum el al bin ibn bint ould y e o"
)
_TITLES = (
    "dokter dr juf juffrouw meester meneer mevrouw mevr mw dhr heer mr mrs ms miss sir ir ing "
    "prof drs ds dominee pastoor pastor pater imam rabbijn zuster broeder oom tante opa oma "
    "buurman buurvrouw wijkagent familie family fam gezin jr sr doctor teacher"
)
PARTICLES = frozenset(_PARTICLES.split())
TITLES = frozenset(_TITLES.split())
NOT_NAMES = PARTICLES | TITLES
MIN_PART = 3  # shorter words ("An", "Bo") count only as a whole name, written with a capital
MIN_PHONE_DIGITS = 6  # of a phone key ("0" + national digits): "112" is never searched for
MAX_PHONE_DIGITS = 15


def _mark_classes() -> tuple[str, str]:
    """Every combining mark (categories Mn, Mc, Me) as two regex class bodies, those of the
    Basic Multilingual Plane and those above it: the vowel signs of Devanagari and Thai,
    Arabic harakat and Latin accents are part of a word, so "राजेश" is one word, never the
    letters between its vowel signs. (Marks live below U+20000 and in the variation
    selectors of plane 14: 20 ms at import, not 350 for all of Unicode.)"""
    category = unicodedata.category
    spans: list[list[int]] = []
    for code in (*range(0x20000), *range(0xE0000, 0xE1000)):
        if category(chr(code))[0] == "M":
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])

    def body(part: list[list[int]]) -> str:
        return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in part)

    return body([s for s in spans if s[1] < 0x10000]), body([s for s in spans if s[0] >= 0x10000])


# `re` looks a class of BMP characters up in a table, but walks a class that also holds
# characters above U+FFFF range by range, for every character of every text (fifteen times
# slower): the few marks up there are tried only for a character up there.
_LOW_MARKS, _HIGH_MARKS = _mark_classes()
_ABOVE_BMP = "\U00010000-\U0010ffff"
LETTER = rf"(?:(?![\d_])[\w{_LOW_MARKS}]|(?=[{_ABOVE_BMP}])[{_HIGH_MARKS}])"
# Scripts written without spaces between words: a name is found inside a run of them
# ("请联系王小明"), not only as a word of its own (`workshop.file.redaction`).
UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_WORD = rf"{LETTER}+(?:['’\u02bc\-]{LETTER}+)*"
# Bounded as RFC 5321 bounds them, so a long run of letters costs no backtracking.
MAIL = r"[\w.!#$%&'*+/=?^`{|}~-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
MAILS = re.compile(MAIL)
WEB = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
PHONE_SEP = r"[\s.\-/()]"  # what may stand between the digits of a phone number (up to 3)
_PHONE = rf"\+?\(?\d(?:{PHONE_SEP}{{0,3}}\d)+"
_PLAIN_WORD = r"[^\W\d_]+(?:['’\u02bc\-][^\W\d_]+)*"  # the same, for text without marks
JOINERS = re.compile("['’\u02bc-]")
# A text with a mark, or any character above the BMP (an emoji), takes the full scanner.
HAS_MARK = re.compile(f"[{_LOW_MARKS}]|[{_ABOVE_BMP}]")
# Scanning is most of the cost: the mail and combining-mark alternatives only where needed.
SCANNERS = {
    (mail, marks): re.compile(
        (rf"(?P<mail>{MAIL})|" if mail else "")
        + rf"(?P<phone>{_PHONE})|(?P<word>{_WORD if marks else _PLAIN_WORD})"
    )
    for mail in (False, True)
    for marks in (False, True)
}
WORDS = re.compile(_WORD)
PHONES = re.compile(_PHONE)
DIGITS = re.compile(r"\d+")
_ZERO = re.compile(r"\(\s*0\s*\)")
# Characters a mail's local part may start with that are punctuation around it in a text
# ("'jan@example.nl'", "*jan@example.nl*"): the address is the rest.
_MAIL_LEAD = "'`{|}~!#$%&*+/=?^-."


# --- folding ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def normalise(word: str) -> str:
    """`workshop.text.normalise`, remembered: the same words come back in every text."""
    return _normalise(word)


def fold_text(text: str) -> str:
    """A whole text folded as `normalise` folds it, quickly for the ASCII texts most are
    (there folding is lower case, white space and the one apostrophe "`")."""
    if text.isascii():
        return " ".join(text.lower().replace("`", "'").split())
    return _normalise(text)


def fold_char(ch: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 (a cache on purpose)
    folded = cache.get(ch)
    if folded is None:
        folded = " " if ch.isspace() else _normalise(ch)
        cache[ch] = folded
    return folded


def fold(text: str) -> tuple[str, list[int]]:
    """The text folded for matching, and for every folded character the index of the original
    character it came from (a combining accent folds to nothing, "Ĳ" to two letters)."""
    out: list[str] = []
    owner: list[int] = []
    for index, ch in enumerate(text):
        folded = fold_char(ch)
        if folded:
            out.append(folded)
            owner.extend([index] * len(folded))
    return "".join(out), owner


# --- names -----------------------------------------------------------------------------------


def name_words(name: str) -> list[str]:
    """The words of a name as the text scanner cuts them (hyphenated names stay whole)."""
    return WORDS.findall(name)


def words(name: str, halves: bool = True) -> list[str]:
    """The folded words of a name, with (`halves`) the pieces of hyphenated ones and of ones
    with an apostrophe ("anne-marie", "anne", "marie")."""
    out: list[str] = []
    for word in WORDS.findall(normalise(name)):
        out.append(word)
        pieces = JOINERS.split(word)
        if halves and len(pieces) > 1:
            out.extend(p for p in pieces if p)
    return out


def name_parts(name: str) -> list[str]:
    """The folded parts of a name that may identify its person alone: each word that is not a
    particle or title, the pieces of a hyphenated word or one with an apostrophe ("Anne-Marie",
    "D'Souza"), a particle group with the word it belongs to ("de vries"). Words of one letter
    never; the full name itself is not among them. Parts shorter than `MIN_PART` count in
    free text only written with a capital (the redaction) or whole (forget)."""
    tokens = WORDS.findall(normalise(name))
    parts: list[str] = []
    for index, token in enumerate(tokens):
        if token in NOT_NAMES or len(token) < 2:
            continue
        parts.append(token)
        pieces = JOINERS.split(token)
        if len(pieces) > 1:
            parts.extend(p for p in pieces if len(p) >= 2 and p not in NOT_NAMES)
        start = index
        while start > 0 and tokens[start - 1] in PARTICLES:
            start -= 1
        if start < index:
            parts.append(" ".join(tokens[start : index + 1]))
    full = " ".join(tokens)
    return [p for p in dict.fromkeys(parts) if p != full]


def possessive(key: str, exact: bool = False) -> str | None:
    """The name a folded word is the possessive of ("jansens", "jansen's" -> "jansen"; "joris'"
    -> "joris"), or None. A bare "s" after a name of one or two letters is another name ("Ans"
    is not An's) when `exact`; so is one after s, x or z ("de bass" is not Bas's: Dutch writes
    "Bas'"). `exact` is for forget, which changes the text of others; the redaction, which
    only hides, takes both."""
    if key.endswith("'s") and len(key) > 2:
        return key[:-2]
    if key.endswith("'") and len(key) > 1 and key[-2] in "sxz":
        return key[:-1]
    if key.endswith("s") and len(key) > 2:
        bare = key[:-1]
        if exact and (len(bare) < MIN_PART or bare[-1] in "sxz"):
            return None
        return bare
    return None


# --- phones ----------------------------------------------------------------------------------


def phone_key(text: str) -> str:
    """A phone number as its national digits: "+31 (0)6-1234 5678", "0031 6 12345678",
    "31612345678" and "06.12.34.56.78" all give "0612345678"; a foreign one keeps "00" and
    its country ("+32 ..." gives "0032...")."""
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


def phone_keys(field: str) -> set[str]:
    """The keys of the phone numbers in a field as stored ("0612345678, 020-1234567" or "...
    of ..." holds two); none shorter than `MIN_PHONE_DIGITS` ("112" is not looked for)."""
    keys = {phone_key(number) for number in re.split(r"[,;]| of | or ", field)}
    return {key for key in keys if len(key) >= MIN_PHONE_DIGITS}


def known_phones(text: str, keys: set[str]) -> list[tuple[int, int]]:
    """Where in `text` (a run of digits and separators, as `PHONES` finds it) one of the
    numbers `keys` stands: the longest known number from each place, as (start, end)."""
    if not keys:
        return []
    runs = [(m.start(), m.end()) for m in DIGITS.finditer(text)]
    out = []
    i = 0
    while i < len(runs):
        digits = 0
        hit = None
        for j in range(i, len(runs)):
            digits += runs[j][1] - runs[j][0]
            if digits > MAX_PHONE_DIGITS + 4:
                break
            if digits < MIN_PHONE_DIGITS:
                continue
            start = runs[i][0]
            while start > 0 and text[start - 1] in "+(":
                start -= 1
            if phone_key(text[start : runs[j][1]]) in keys:
                if text[start:].startswith("(") and ")" not in text[start : runs[j][1]]:
                    start += 1  # "(0612345678)": the bracket is around the number
                hit = (start, j)
        if hit is None:
            i += 1
            continue
        start, j = hit
        out.append((start, runs[j][1]))
        i = j + 1
    return out


# --- mail ------------------------------------------------------------------------------------


def mail_key(text: str) -> str:
    """A mail address as compared: folded as names are (case and accents), without the
    punctuation a text puts around it."""
    return normalise(text).strip(".").lstrip(_MAIL_LEAD)


def mail_keys(field: str) -> set[str]:
    """The keys of the mail addresses in a field as stored."""
    return {mail_key(address) for address in MAILS.findall(field)}


def mail_lead(address: str) -> int:
    """How many characters in front of a scanned address are punctuation, not address."""
    return len(address) - len(address.lstrip(_MAIL_LEAD))

"""Bytes that come in from outside the program's own files: arguments, stdin, spreadsheets.

UTF-8 is what they should be; a file saved by Notepad or Excel on a Dutch Windows laptop is
often Windows-1252 (cp1252) instead. Bytes that are plainly cp1252 text (every byte outside
ASCII a letter or common punctuation in that code page) are read as such, and the caller says
so; anything else is refused in one line with how to save it right. (Moved here from
`workshop.cli.textin` so the spreadsheet import decodes exactly as the command line does.)
"""

from __future__ import annotations

import unicodedata

from workshop.i18n import UserError

CP1252_PUNCTUATION = set("\xa0€‚„…†‡ˆ‰‹›‘’“”•–—˜™°«»·´¨ªº¹²³¼½¾×÷§¶©®¢£¥¤¦¯±µ¿¡")


def plainly_cp1252(raw: bytes) -> str | None:
    """The text, when every non-ASCII byte of `raw` is a letter or common punctuation in
    cp1252; None when the bytes say something else (binary, another code page)."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None  # one of the five bytes cp1252 leaves undefined
    for char in text:
        if ord(char) < 128:
            if char < " " and char not in "\t\r\n":
                return None
            continue
        if not (unicodedata.category(char).startswith("L") or char in CP1252_PUNCTUATION):
            return None
    return text


def decode_input(raw: bytes, what: str) -> tuple[str, str | None]:
    """Decode bytes from an argument or stdin: (text, the encoding used when it was not
    UTF-8). UserError when they are neither UTF-8 nor plainly cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    text = plainly_cp1252(raw)
    if text is not None:
        return text, "cp1252"
    line = raw[:bad].count(b"\n") + 1
    raise UserError("input_not_utf8", what=what, line=line, byte=f"0x{raw[bad]:02X}")

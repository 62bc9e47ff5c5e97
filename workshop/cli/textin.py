"""Text that comes in from outside the program's own files: command-line arguments and stdin.

Both arrive as bytes. UTF-8 is what they should be; a file saved by Notepad or Excel on a Dutch
Windows laptop is often Windows-1252 (cp1252) instead. Bytes that are plainly cp1252 text
(every byte outside ASCII a letter or common punctuation in that code page) are read as such,
and a line on stderr says so; anything else is refused in one line with how to save it right.
"""

from __future__ import annotations

from workshop.exchange.decoding import CP1252_PUNCTUATION, decode_input
from workshop.exchange.decoding import plainly_cp1252 as _plainly_cp1252

__all__ = [
    "CP1252_PUNCTUATION",
    "_plainly_cp1252",
    "decode_input",
    "from_argument",
    "has_undecoded_bytes",
    "text_argument",
    "say_decoded",
]


def from_argument(text: str) -> bytes:
    """The bytes an argument came as (Python keeps undecodable bytes as surrogates)."""
    return text.encode("utf-8", "surrogateescape")


def has_undecoded_bytes(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)


def text_argument(text: str | None, what: str) -> str | None:
    """An argument as text: as it came when it is UTF-8, else decoded as `decode_input` says,
    with a line on stderr when cp1252 was chosen."""
    if text is None or not has_undecoded_bytes(text):
        return text
    decoded, used = decode_input(from_argument(text), what)
    if used:
        say_decoded(what, used)
    return decoded


def say_decoded(what: str, encoding: str) -> None:
    import click

    from workshop.cli import default_lang
    from workshop.i18n import t

    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get("workshop.lang", default_lang()) if ctx else default_lang()
    click.echo(t("input_read_as", lang, what=what, encoding=encoding), err=True)

"""The `field:value` part of the capture line: which field a word names on which kind of record,
and what a typed value becomes. The fields and their rules are the one field table,
`workshop.model.fields`; this module adds what only the capture line has: a field that does not
belong to the record, an empty value, and the sounding board's dimensions as fields.

    value_of("actor", "influence", "3", ctx)          # 3
    value_of("participant", "dim:housing", "flat", ctx)  # "apartment"
"""

from __future__ import annotations

from typing import Any

from workshop.i18n import UserError
from workshop.model import FIELDS, PERSON_TABLES, Context, dimension_value, kind_word

__all__ = ["value_of", "tags_unknown"]


def value_of(kind: str, canon: str, value: str, ctx: Context) -> Any:
    """The stored value of `canon:value` on a line making a `kind`; UserError with a one-line
    reason. A field of a vocabulary that keeps unknown words as tags gives None for one
    (`tags_unknown` says which fields do)."""
    if canon.startswith("dim:"):
        if kind not in PERSON_TABLES:
            raise _field_not_here(canon[4:], kind, ctx)
        dim = next(d for d in ctx.dimensions if d.key == canon[4:])
        if not value.strip():
            raise UserError("empty_field", field=dim.label(ctx.lang))
        return dimension_value(dim, value, ctx.lang)
    rule = FIELDS[canon]
    if kind not in rule.kinds:
        raise _field_not_here(rule.word, kind, ctx)
    if not value.strip():
        raise UserError("empty_field", field=rule.word)
    return rule.parse(value, ctx.lang, kind)


def tags_unknown(canon: str) -> bool:
    """Whether an unknown word for this field is kept as a tag (`soort:vliegveld`)."""
    return canon in FIELDS and FIELDS[canon].type == "open"


def _field_not_here(word: str, kind: str, ctx: Context) -> UserError:
    allowed = " ".join(ctx.field_words(kind)) or "-"
    return UserError("field_not_here", field=word, kind=kind_word(kind, ctx.lang), fields=allowed)

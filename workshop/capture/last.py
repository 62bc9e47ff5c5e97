"""`~.`: the record the line before named, so a quote right after its place needs no name.

The line before is the previous line of the same batch, else the latest capture line in the undo
log that is not undone (what the screen showed last). What a line names: the record a place,
initiative, actor, participant or candidate line makes or updates; a tie's name after the arrow;
what a note is about (a `~.` note names what its own line before named). Lines that name
nothing (a session, a card look-up, a form's edit) are passed over. The preview says what `~.`
became before Enter.
"""

from __future__ import annotations

import dataclasses

from workshop.capture.grammar import parse
from workshop.capture.line import Capture
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.model import NAME_TABLE, Context

__all__ = ["fill_last", "last_mentioned", "mentioned"]

Mention = tuple[str, str | None]  # (name as typed, the table it is in, or None: look it up)
_LOOK_BACK = 50  # undo log entries read at most (imports and edits in between name nothing)


def mentioned(capture: Capture) -> Mention | None:
    """What a line names, for the `~.` of the line after it."""
    if capture.kind in NAME_TABLE and capture.name:
        return capture.name, NAME_TABLE[capture.kind]
    if capture.kind == "tie" and capture.target:
        return capture.target, None
    if (
        capture.kind == "note"
        and capture.about
        and not (capture.about_last and capture.about_table is None and capture.about == ".")
    ):
        return capture.about, capture.about_table
    return None


def last_mentioned(store: Store, ctx: Context) -> Mention | None:
    """What the latest capture line in the undo log (not undone) named."""
    rows = store.conn.execute(
        "SELECT line FROM history WHERE undone = 0 AND line IS NOT NULL ORDER BY seq DESC LIMIT ?",
        (_LOOK_BACK,),
    ).fetchall()
    for (line,) in rows:
        try:
            capture = parse(line, ctx)
        except UserError:
            continue  # not a capture line: an edit, an import, a merge
        if capture.kind == "note" and capture.about_last:
            continue  # it named what the line before it named: look further back
        found = mentioned(capture)
        if found is not None:
            return found
    return None


def fill_last(
    capture: Capture, previous: Mention | None, store: Store, ctx: Context
) -> tuple[Capture, Mention | None]:
    """The capture with its `~.` replaced by what the line before named (`previous`, from the
    same batch; else the undo log), and what this line names for the next one. The capture
    given is not changed. UserError when nothing was named before."""
    if capture.kind == "note" and capture.about_last:
        found = previous or last_mentioned(store, ctx)
        if found is None:
            raise UserError("no_last")
        capture = dataclasses.replace(capture, about=found[0], about_table=found[1])
    return capture, mentioned(capture) or previous

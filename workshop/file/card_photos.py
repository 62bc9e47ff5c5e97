"""The card photos' table (`card_photo`, migration 0020) as the file's own code needs it:
writing it outside the undo log, what a person's `forget` removes of it, and how `merge`
copies it. Taking and storing photos is `workshop.paper.cards` and `cardstore`.

A card photo shows a card as a resident wrote it: names, phone numbers, in handwriting that
no redaction can read. So `forget NAME` removes the photos of every initiative the person is
linked to (`actor_initiative`), attached or waiting under the card's number; a photo whose
initiative names nobody in the file stays (the forget list shows what goes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from workshop.file.store import Store
from workshop.file.writer import Writer

TABLE = "card_photo"


@contextmanager
def unlogged(w: Writer) -> Iterator[None]:
    """Writes that make no undo entry, even inside one (a scan or a merge is one undoable
    step; the photos are not part of it: the undo log is JSON and keeps no images)."""
    saved, w._changes = w._changes, None
    try:
        yield
    finally:
        w._changes = saved


def exists(store: Store) -> bool:
    """Whether the file has the table (a file read without migrating: a source, a backup)."""
    return (
        store.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [TABLE]
        ).fetchone()
        is not None
    )


def for_forget(store: Store, person_ids: set[str]) -> list[str]:
    """The ids of the photos a forget of these persons removes: the cards of the initiatives
    they are linked to (`actor_initiative`), attached or waiting under the card's number. A
    card photo shows the card as it was written: who is behind it, their phone number."""
    if not person_ids or not exists(store):
        return []
    marks = ", ".join("?" for _ in person_ids)
    return [
        r[0]
        for r in store.conn.execute(
            f"SELECT DISTINCT c.id FROM {TABLE} c JOIN initiative i"
            f" ON c.initiative_id = i.id OR (c.initiative_id IS NULL"
            f" AND c.card_number = i.card_number)"
            f" WHERE i.id IN (SELECT initiative_id FROM actor_initiative"
            f" WHERE actor_id IN ({marks}))",
            sorted(person_ids),
        )
    ]


def merge_from(
    w: Writer,
    target: Store,
    source: Store,
    tombstones: dict,
    as_here: Callable[[str, dict], dict] | None = None,
) -> int:
    """Copy the source's card photos into the target by UUID: a photo new here is added (the
    newer photo of a card wins over another of the same number), a forgotten one or one of a
    forgotten initiative stays out. `as_here` gives a source row the ids the target knows its
    records by (`merge_ids.Ids.row`). Returns how many were added or replaced."""
    if not exists(source):
        return 0
    changed = 0
    with unlogged(w):
        for row in source.conn.execute(f"SELECT * FROM {TABLE} ORDER BY updated"):
            photo = as_here(TABLE, dict(row)) if as_here else dict(row)
            if photo["id"] in tombstones:
                continue
            initiative_id = photo["initiative_id"]
            if initiative_id in tombstones:
                initiative_id = tombstones[initiative_id]  # joined into another, or None
                if initiative_id is None:
                    continue  # its initiative was forgotten here
            here = target.rows("initiative", "id = ?", [initiative_id]) if initiative_id else []
            number = (
                here[0]["card_number"] if here and here[0]["card_number"] else photo["card_number"]
            )
            same = target.conn.execute(
                f"SELECT id, updated FROM {TABLE} WHERE id = ? OR card_number = ?",
                [photo["id"], number],
            ).fetchall()
            if any(r[1] >= photo["updated"] for r in same):
                continue  # the target's photo of this card is as new or newer
            for r in same:
                w.delete(TABLE, r[0])
            w.copy_rows(
                TABLE,
                [
                    {
                        **photo,
                        "initiative_id": here[0]["id"] if here else None,
                        "card_number": number,
                    }
                ],
            )
            changed += 1
    return changed

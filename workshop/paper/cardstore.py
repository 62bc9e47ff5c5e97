"""Card photos in the file (table `card_photo`, migration 0020): one per card number, through
the one write path, never in the undo log.

- `attach(w, store, shot)` keeps a photographed card (`cards.CardShot`) with its initiative,
  replacing an earlier photo of the same card. A blank card photographed before its initiative
  was captured is kept with its card number only: the facilitator types the cards in after the
  evening, from these very photos, so refusing them until the initiative exists would ask for
  the typing before the photo it is typed from. Such a photo belongs to whichever initiative
  carries its number (`photo_of`), and gets that initiative's id when it is photographed
  again.
- Never logged: the undo log is JSON (an image has no place in it, and `forget` would have to
  dig it out of there). Undoing a scan leaves its photos; scanning again replaces them.
- Personal data (handwriting names people): internal. No export, publish, wall or printout
  reads this table; the summary shows the photos only with `--card-photos`.
- `forget NAME` removes the photos of the initiatives the person is linked to, and `merge`
  copies photos by UUID: `workshop.file.card_photos`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop.file.card_photos import TABLE, exists, unlogged
from workshop.file.store import Store
from workshop.file.writer import Writer
from workshop.i18n import UserError, t
from workshop.paper import card_messages  # noqa: F401  (registers the messages)

if TYPE_CHECKING:  # the TUI lists photos without loading numpy and OpenCV
    from workshop.paper.cards import CardShot

MAX_BYTES = 200 * 1024  # what the table's CHECK allows


@dataclass(frozen=True)
class Attached:
    number: int
    initiative: str | None  # the initiative's name; None: none carries the number yet
    replaced: bool

    def line(self, lang: str) -> str:
        if self.initiative is None:
            return t("card_photo_waiting", lang, number=self.number)
        key = "card_photo_replaced" if self.replaced else "card_photo_kept"
        return t(key, lang, number=self.number, name=self.initiative)


def attach(w: Writer, store: Store, shot: CardShot) -> Attached:
    """Keep `shot` with the initiative that carries its card number (or with the number
    alone), in the writer's transaction; an earlier photo of the same card goes."""
    if shot.number is None:
        raise UserError("card_photo_unread")
    if len(shot.image) > MAX_BYTES:
        raise ValueError(f"a card photo of {len(shot.image)} bytes (at most {MAX_BYTES})")
    holders = store.rows("initiative", "card_number = ?", [shot.number])
    initiative = holders[0] if holders else None
    old = [
        r[0]
        for r in store.conn.execute(f"SELECT id FROM {TABLE} WHERE card_number = ?", [shot.number])
    ]
    with unlogged(w):
        for photo_id in old:
            w.delete(TABLE, photo_id)
        w.insert(
            TABLE,
            {
                "initiative_id": initiative["id"] if initiative else None,
                "card_number": shot.number,
                "image": shot.image,
                "mime": shot.mime,
                "width": shot.width,
                "height": shot.height,
            },
        )
    return Attached(shot.number, initiative["name"] if initiative else None, bool(old))


def photo_of(store: Store, initiative: dict) -> dict | None:
    """The photo of an initiative's card: attached to it, or waiting under its number."""
    if not exists(store):
        return None
    row = store.conn.execute(
        f"SELECT * FROM {TABLE} WHERE initiative_id = ? OR (card_number = ? AND"
        " (initiative_id IS NULL OR initiative_id NOT IN (SELECT id FROM initiative)))"
        " ORDER BY initiative_id IS NULL, updated DESC LIMIT 1",
        [initiative["id"], initiative.get("card_number")],
    ).fetchone()
    return dict(row) if row else None


def with_photo(store: Store) -> set[str]:
    """The ids of the initiatives whose card has a photo (one query, for lists)."""
    if not exists(store):
        return set()
    return {
        r[0]
        for r in store.conn.execute(
            f"SELECT initiative_id FROM {TABLE} WHERE initiative_id IS NOT NULL UNION"
            f" SELECT id FROM initiative WHERE card_number IN"
            f" (SELECT card_number FROM {TABLE} WHERE initiative_id IS NULL)"
        )
    }

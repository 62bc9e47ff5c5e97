"""Photographed cards come back: every card of a four-up sheet (blank or filled) is found from
its corner markers, however the phone held it, its number read from its QR code, and its
handwriting kept with its initiative in a compact image."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paper.cardphotos import (
    Printed,
    clean_card,
    cover_corner,
    decoded,
    handwritten,
    ink,
    printed,
    snap,
)
from tests.paper.photos import Shot
from workshop.capture.record import record
from workshop.i18n import UserError
from workshop.paper import cardmarks, cards, cardstore
from workshop.paper.markers import CARDS, FIDUCIALS, STICKERS

pytest.importorskip("cv2")


@pytest.fixture(scope="module")
def paper(tmp_path_factory) -> Printed:
    return printed(tmp_path_factory.mktemp("cards"))


SHOTS = [
    Shot(turn=90, blur=0.8),
    Shot(turn=-80, tilt=25, blur=2.0, quality=60),
    Shot(turn=265, tilt=-25, fill=0.45, blur=1.5, quality=60),
]


@pytest.mark.parametrize("kind", ["blank", "filled"])
@pytest.mark.parametrize("shot", SHOTS, ids=lambda s: f"turn{s.turn}-tilt{s.tilt}-blur{s.blur}")
def test_every_card_of_a_sheet_is_found_with_its_number_and_handwriting(
    paper: Printed, kind: str, shot: Shot
) -> None:
    pdf = paper.blank if kind == "blank" else paper.filled
    numbers = paper.blank_numbers if kind == "blank" else paper.filled_numbers
    shots = cards.find_cards(snap(handwritten(pdf), shot, seed=int(shot.turn) % 89))
    assert sorted(s.number for s in shots) == sorted(numbers)
    for s in shots:
        assert s.corners == (0, 1, 2, 3) and s.error_mm < 1.0
        assert s.mime == "image/jpeg" and len(s.image) <= 200 * 1024
        card = decoded(s.image)
        assert card.shape == (s.height, s.width)
        slot = numbers.index(s.number)
        printed_ink = ink(clean_card(pdf, slot))
        assert ink(card) > printed_ink + 0.08, (s.number, ink(card), printed_ink)


def test_a_covered_corner_still_finds_the_card(paper: Printed) -> None:
    page = handwritten(paper.blank, seed=3)
    for slot, corner in enumerate((0, 2, 1, 3)):
        page = cover_corner(page, slot, corner)
    shots = cards.find_cards(snap(page, Shot(turn=95, tilt=15, blur=1.2), seed=5))
    assert sorted(s.number for s in shots) == paper.blank_numbers
    assert all(len(s.corners) == 3 for s in shots)


def test_a_family_of_its_own_and_ids_that_name_card_and_corner() -> None:
    assert len({CARDS.name, FIDUCIALS.name, STICKERS.name}) == 3
    marks = cardmarks.marks(63)
    assert [m.id for m in marks] == [4, 5, 6, 7]  # 63 mod 62 = 1
    assert [cardmarks.card_of(m.id) for m in marks] == [(1, k) for k in range(4)]
    assert all(m.side >= 7 for m in marks)
    assert cardmarks.CARD_MM == (105.0, 148.0)


def test_every_kind_of_payload_decodes_with_opencv(tmp_path: Path) -> None:
    """The card's QR carries the website, the base URL or the card reference: OpenCV's
    decoder reads each back from a photo, and the capture line finds the card by it."""
    from workshop.file.store import Store
    from workshop.printing import templates
    from workshop.printing.cards import build

    store = Store.create(tmp_path / "u.wijk", name="U", base_url="https://wijk.example/kaart/")
    record(store, ["i Een web:https://een.example/pagina", "i Twee", "i Drie"])
    pdf = tmp_path / "c.pdf"
    build.print_cards(store, pdf, templates.load())
    from tests.paper.cardphotos import PX_PER_MM
    from tests.paper.photos import render

    shots = cards.find_cards(snap(render(pdf, PX_PER_MM), Shot(turn=90, blur=1.0)))
    payloads = {s.number: s.payload for s in shots}
    assert payloads[1] == "https://een.example/pagina#kaart-1"
    assert payloads[2] == "https://wijk.example/kaart/2"
    assert cards.card_number("kaart 7") == 7 and cards.card_number("hallo") is None


def test_attach_keeps_replaces_and_waits_for_the_initiative(paper: Printed, tmp_path) -> None:
    from workshop.file.store import Store

    store = Store.create(tmp_path / "a.wijk", name="A")
    record(store, ["i Moestuin"])  # card 1
    shot = cards.find_cards(snap(handwritten(paper.filled), Shot(turn=90)))[0]
    one = cards.CardShot(1, shot.image, shot.mime, shot.width, shot.height, shot.corners)
    with store.write() as w, w.entry("scan"):
        done = cardstore.attach(w, store, one)
    assert done.line("nl") == "kaart 1 → handschrift bewaard bij Moestuin"
    with store.write() as w:
        again = cardstore.attach(w, store, one)
    assert again.replaced and store.count("card_photo") == 1
    logged = "SELECT count(*) FROM history WHERE changes LIKE '%card_photo%'"
    assert store.conn.execute(logged).fetchone()[0] == 0
    assert store.undo() is not None  # the capture of 'Moestuin': the photo is not in the log
    # a blank card photographed before its initiative was captured waits under its number
    waiting = cards.CardShot(9, shot.image, shot.mime, shot.width, shot.height, shot.corners)
    with store.write() as w:
        line = cardstore.attach(w, store, waiting).line("en")
    assert line.startswith("card 9 → handwriting kept; no initiative") and "card:9" in line
    record(store, ["i Repaircafé kaart:9"])
    [repair] = store.rows("initiative", "card_number = 9")
    photo = cardstore.photo_of(store, repair)
    assert photo is not None and photo["image"] == shot.image
    assert repair["id"] in cardstore.with_photo(store)
    unread = cards.CardShot(None, shot.image, shot.mime, shot.width, shot.height, (0, 1, 2))
    with pytest.raises(UserError) as refused, store.write() as w:
        cardstore.attach(w, store, unread)
    assert "QR-code is onleesbaar" in refused.value.message("nl")


def test_a_photo_without_cards_finds_none() -> None:
    import numpy as np

    assert cards.find_cards(np.full((600, 800), 200, np.uint8)) == []


def test_a_written_over_qr_code_gives_no_number_rather_than_a_guess(paper: Printed) -> None:
    from tests.paper.cardphotos import PX_PER_MM, SLOTS

    page = handwritten(paper.blank).copy()
    sx, sy = SLOTS[0]
    left, top, right, bottom = cards.QR_AREA_MM
    page[
        int((sy + top) * PX_PER_MM) : int((sy + bottom - 4) * PX_PER_MM),
        int((sx + left) * PX_PER_MM) : int((sx + right) * PX_PER_MM),
    ] = 40  # scribbled over, up to the bottom-right corner marker
    shots = cards.find_cards(snap(page, Shot(turn=90, blur=1.0)))
    assert sorted(s.number for s in shots if s.number is not None) == paper.blank_numbers[1:]
    [unread] = [s for s in shots if s.number is None]
    assert len(unread.corners) == 4 and unread.payload == ""


def test_two_cards_62_apart_in_one_photo_are_two_cards() -> None:
    """Cards 3 and 65 carry the same markers: each corner is paired with the nearest others."""
    import numpy as np

    from workshop.paper.detect import Found

    def card_at(dx: float) -> list[Found]:
        return [
            Found(m.id, (np.float32(m.corners_mm()) + np.float32([dx, 0])) * 4)
            for m in cardmarks.marks(65)
        ]

    groups = cards._cards(card_at(0) + card_at(300)[:3])
    assert sorted(len(g) for g in groups) == [3, 4]
    for group in groups:
        xs = [m.centre[0] for m in group]
        assert max(xs) - min(xs) < 500  # one card's markers, not two cards' mixed

"""Blank cards: numbered on from the highest number in the file, reserved so that two runs
never share a number, and a failed run reserves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.printing.conftest import assert_codes_clear, decoded_payloads, text_of
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.printing import templates
from workshop.printing.cards import build as cards

TEMPLATE = templates.load()


def test_blank_cards_number_on_and_reserve(store: Store, tmp_path: Path) -> None:
    record(store, ['i "Eerste"', 'i "Twaalfde" kaart:12'])
    first = cards.print_blank_cards(store, tmp_path / "a.pdf", TEMPLATE, count=5)
    assert first.numbers == [13, 14, 15, 16, 17]
    assert first.pages == 2
    assert decoded_payloads(tmp_path / "a.pdf") == sorted(f"kaart {n}" for n in range(13, 18))
    assert_codes_clear(first)
    text = text_of(tmp_path / "a.pdf")
    assert "Wat doet het?" in text and "17" in text
    second = cards.print_blank_cards(store, tmp_path / "b.pdf", TEMPLATE, count=2)
    assert second.numbers == [18, 19]
    record(store, ['i "Nieuw na het printen"'])
    assert store.find("initiative", "Nieuw na het printen")[0]["card_number"] == 20
    reopened = Store.open(store.path, readonly=True)
    assert reopened.neighbourhood()["next_card"] == 21
    reopened.close()


def test_a_failed_run_reserves_nothing(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError):
        cards.print_blank_cards(store, blocker / "blank.pdf", TEMPLATE, count=3)
    assert store.neighbourhood()["next_card"] == 1
    result = cards.print_blank_cards(store, tmp_path / "ok.pdf", TEMPLATE, count=1)
    assert result.numbers == [1]


def test_count_must_be_sensible(store: Store, tmp_path: Path) -> None:
    for count in (0, -1, 100_000):
        with pytest.raises(UserError) as err:
            cards.print_blank_cards(store, tmp_path / "x.pdf", TEMPLATE, count=count)
        assert err.value.key == "bad_count"
    assert not (tmp_path / "x.pdf").exists()

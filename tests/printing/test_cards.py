"""Initiative cards: every name as stored, every code scans to exactly its payload, nothing
over a code, text never over a card's edge, contact details only with consent."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.units import mm

from tests.printing.conftest import (
    TRICKY_NAMES,
    assert_codes_clear,
    assert_quiet_zone_white,
    decoded_payloads,
    page_count,
    page_size,
    render,
    text_of,
)
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.paper import cardmarks
from workshop.printing import templates
from workshop.printing.cards import build as cards

TEMPLATE = templates.load()


def test_cards_show_every_name_and_every_code_scans(filled: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "cards.pdf"
    result = cards.print_cards(filled, pdf, TEMPLATE)
    assert result.pages == page_count(pdf) == 2  # six cards, four to a page
    text = text_of(pdf)
    for name in TRICKY_NAMES:
        assert name in text
    assert decoded_payloads(pdf) == sorted(
        ["https://hoekje.example#kaart-1", "kaart 2", "kaart 3", "kaart 4", "kaart 5", "kaart 6"]
    )
    assert sorted(c.payload for c in result.codes) == decoded_payloads(pdf)
    assert_codes_clear(result)
    assert_quiet_zone_white(pdf, result, 0)
    assert result.missing == set()


def test_contact_details_only_with_consent(filled: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "cards.pdf"
    cards.print_cards(filled, pdf, TEMPLATE)
    text = text_of(pdf)
    assert "Dokter de Vries" in text and "0612345678" in text  # consent: print
    assert "Geheime Gerda" not in text and "0687654321" not in text  # consent: internal
    assert "Bewoner " in text  # her role pseudonym instead
    assert "Stichting <Groen> & Co" in text and "info@groen.example" in text  # organisation


def test_long_text_is_cut_inside_the_card(filled: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    cards.print_cards(filled, pdf, TEMPLATE, numbers={5})
    assert "…" in text_of(pdf)
    image = render(pdf, 0)
    k = 150 / 72

    # the card sits top left; its right and bottom margins (inside the cut line) stay blank,
    # but for the corner markers (issue 15) in the corners
    def blank_at(x_mm: float, y_mm: float) -> bool:
        return image.getpixel((int(x_mm * mm * k), int(y_mm * mm * k))) > 235

    def corner(x_mm: float, y_mm: float) -> bool:
        clear = cardmarks.CLEAR_MM
        return (x_mm > 105 - clear or x_mm < clear) and (y_mm < clear or y_mm > 148 - clear)

    for x_mm in (98.6, 101.0, 103.5):
        for y_mm in range(10, 140, 3):
            assert corner(x_mm, y_mm) or blank_at(x_mm, y_mm)
    for y_mm in (141.6, 144.0, 146.5):
        for x_mm in range(10, 96, 3):
            assert corner(x_mm, y_mm) or blank_at(x_mm, y_mm)


def test_qr_payload_prefers_website_then_base_url_then_reference(tmp_path: Path) -> None:
    store = Store.create(
        tmp_path / "b.wijk", name="Wijk", lang="en", base_url="https://wijk.example/kaart/"
    )
    record(
        store,
        [
            'i "With site" web:hoekje.example',
            'i "Without"',
            'i "Too long a site" web:https://example.org/' + "x" * 200,
        ],
    )
    pdf = tmp_path / "b.pdf"
    result = cards.print_cards(store, pdf, TEMPLATE)
    assert decoded_payloads(pdf) == sorted(
        [
            "https://hoekje.example#card-1",
            "https://wijk.example/kaart/2",
            "https://wijk.example/kaart/3",
        ]
    )
    assert any("card 3" in notice for notice in result.notices)
    assert "CARD" in text_of(pdf) and "Wijk · card 2" in text_of(pdf)  # English labels
    assert cards.payload_options(None, None, 7, "en") == ["card 7"]
    assert cards.base_url_for("https://x.example/k", 4) == "https://x.example/k/4"
    assert cards.base_url_for("https://x.example/?kaart=", 4) == "https://x.example/?kaart=4"


def test_single_layout_is_one_a6_card_per_page(filled: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "single.pdf"
    result = cards.print_cards(filled, pdf, TEMPLATE, layout="single", numbers={1, 3})
    assert result.pages == 2
    w, h = page_size(pdf)
    assert abs(w - 105 * mm) < 0.5 and abs(h - 148 * mm) < 0.5
    assert decoded_payloads(pdf) == ["https://hoekje.example#kaart-1", "kaart 3"]
    assert_codes_clear(result)


def test_no_initiatives_is_a_message(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        cards.print_cards(store, tmp_path / "none.pdf", TEMPLATE)
    assert err.value.key == "no_initiatives"
    assert not (tmp_path / "none.pdf").exists()


def test_unwritable_output_leaves_nothing(filled: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError) as err:
        cards.print_cards(filled, blocker / "cards.pdf", TEMPLATE)
    assert err.value.key == "output_under_file"  # names the file in the way
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "cards.pdf").mkdir()  # a folder where the PDF should go
    with pytest.raises(UserError):
        cards.print_cards(filled, folder / "cards.pdf", TEMPLATE)
    assert [p.name for p in folder.iterdir()] == ["cards.pdf"]  # no temporary file left


def test_failure_while_drawing_leaves_no_partial_pdf(filled: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[logo]\npath = "gone.png"\n')
    from PIL import Image

    Image.new("RGB", (20, 20), "red").save(tmp_path / "gone.png")
    template = templates.load(bad)  # the logo is there when the template is read...
    (tmp_path / "gone.png").unlink()  # ...and gone by the time the cards are drawn
    with pytest.raises(UserError) as err:
        cards.print_cards(filled, tmp_path / "out" / "cards.pdf", template)
    assert err.value.key == "template_file_missing"
    assert list((tmp_path / "out").iterdir()) == []


def test_same_input_gives_the_same_pdf(filled: Store, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    cards.print_cards(filled, a, TEMPLATE)
    cards.print_cards(filled, b, TEMPLATE)
    assert a.read_bytes() == b.read_bytes()

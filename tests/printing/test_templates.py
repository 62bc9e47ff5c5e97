"""Templates: the bundled one is found in a checkout and in an installed wheel; a
municipality's own file changes texts, colours and fields without code; broken ones are one
line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.printing.conftest import text_of
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.printing import templates
from workshop.printing.cards import build as cards


def test_bundled_template_is_found() -> None:
    folder = templates.templates_dir()
    assert (folder / "default.toml").is_file()
    template = templates.load()
    assert template.text("what", "nl") == "Wat doet het?"
    assert template.text("what", "en") == "What does it do?"
    assert template.colour("themes", "heat").startswith("#")
    assert "who" in template.card_fields


def test_wheel_layout_is_found(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "site" / "workshop"
    (package / "printing").mkdir(parents=True)
    (package / "templates").mkdir()
    (package / "templates" / "default.toml").write_text("[texts.nl]\n")
    monkeypatch.setattr(templates, "__file__", str(package / "printing" / "templates.py"))
    assert templates.templates_dir() == package / "templates"


def test_own_template_restyles_cards(filled: Store, tmp_path: Path) -> None:
    own = tmp_path / "gemeente.toml"
    own.write_text(
        '[texts.nl]\nwhat = "Wat doen jullie?"\nfooter = "Gemeente Zuiderveen · '
        '{neighbourhood}"\n[themes]\nenergy_generation = "#112233"\n'
        '[cards]\nfields = ["what"]\n',
        encoding="utf-8",
    )
    template = templates.load(own)
    assert template.colour("themes", "energy_generation") == "#112233"
    assert template.colour("themes", "heat") == templates.load().colour("themes", "heat")
    pdf = tmp_path / "own.pdf"
    cards.print_cards(filled, pdf, template, numbers={1})
    text = text_of(pdf)
    assert "Wat doen jullie?" in text and "Gemeente Zuiderveen · De Kersenbuurt" in text
    assert "Wie zitten erachter?" not in text  # that field is switched off


@pytest.mark.parametrize(
    "content, key",
    [
        ("[texts.nl\nwhat = 1", "template_bad"),
        ("texts = 3\n", "template_bad"),
        ('[fonts]\nfamily = "comic-sans"\n', "template_bad"),
        ('[fonts]\nbold = "geen.ttf"\n', "template_file_missing"),
    ],
)
def test_broken_templates_are_one_line(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text(content)
    with pytest.raises(UserError) as err:
        templates.load(path).fonts()
    assert err.value.key == key and "\n" not in err.value.message("nl").strip()
    with pytest.raises(UserError) as err:
        templates.load(tmp_path / "bestaat-niet.toml")
    assert err.value.key == "template_missing"


def test_logo_and_own_fonts(filled: Store, tmp_path: Path) -> None:
    from PIL import Image

    from workshop.printing.fonts import FAMILIES
    from workshop.printing.maps import build as maps

    Image.new("RGB", (120, 60), "#8c1c3a").save(tmp_path / "logo.png")
    own = tmp_path / "logo.toml"
    noto = FAMILIES["noto-sans"]["regular"]
    own.write_text(f'[logo]\npath = "logo.png"\n[fonts]\nregular = "{noto}"\n', encoding="utf-8")
    template = templates.load(own)
    assert template.fonts().name("regular") != templates.load().fonts().name("regular")
    cards_pdf, map_pdf = tmp_path / "c.pdf", tmp_path / "m.pdf"
    cards.print_cards(filled, cards_pdf, template, numbers={1})
    maps.print_map(filled, map_pdf, template, paper="A4")
    assert (
        b"/Subtype /Image" in cards_pdf.read_bytes() and b"/Subtype /Image" in map_pdf.read_bytes()
    )
    assert "Energiecoöperatie 't Hoekje" in text_of(cards_pdf)

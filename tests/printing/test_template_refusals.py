"""Templates that refuse mistakes (issue 12, item 9): a misspelt key, a wrong colour, a logo
that is missing or no image is one line naming the template, the key and the fix, and nothing
is written; every printout embeds the fonts it uses and says its title, author, subject and
language."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.printing import network, templates
from workshop.printing.cards import build as cards
from workshop.printing.maps import build as maps
from workshop.printing.summary import build as summary


@pytest.mark.parametrize(
    ("toml", "key", "fix"),
    [
        ('[cards]\nfeilds = ["what"]\n', "cards.feilds", "cards.fields"),
        ('[colour]\naccent = "#ff0000"\n', "colour", "colours"),
        ('[themes]\nenergy = "#ff0000"\n', "themes.energy", "themes.energy_saving"),
        ('[texts.nl]\nfooterr = "x"\n', "texts.nl.footerr", "texts.nl.footer"),
        ("[map.widths]\nzzz = 1\n", "map.widths.zzz", "major"),
        ('[texts.fr]\ncard = "Carte"\n', "texts.fr", "en, nl"),
        ('[colours]\naccent = "red"\n', "colours.accent", "#RRGGBB"),
        ('[logo]\npath = "logo.txt"\n', "logo.path", "PNG"),
        ('[logo]\npath = "nope.png"\n', "logo.path", "nope.png"),
        ('[fonts]\nbold = "nope.ttf"\n', "fonts.bold", "nope.ttf"),
    ],
)
def test_a_mistake_is_one_line_naming_key_and_fix_and_nothing_is_written(
    tmp_path: Path, toml: str, key: str, fix: str
) -> None:
    (tmp_path / "logo.txt").write_text("geen plaatje")
    own = tmp_path / "gemeente.toml"
    own.write_text(toml, encoding="utf-8")
    with pytest.raises(UserError) as refused:
        templates.load(own)
    for lang in ("nl", "en"):
        said = refused.value.message(lang)
        assert "\n" not in said and "gemeente.toml" in said and key in said and fix in said
    path = tmp_path / "w.wijk"
    Store.create(path, name="W").close()
    out = tmp_path / "out.pdf"
    for what in (["cards"], ["blank-cards", "--count", "2"]):
        result = CliRunner().invoke(
            cli, ["print", *what, str(path), "--template", str(own), "-o", str(out)]
        )
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert not out.exists()
    with Store.open(path) as store:  # no card numbers reserved by the refused run
        assert store.neighbourhood()["next_card"] == 1


def test_the_fonts_family_and_styles_are_keys_too(tmp_path: Path) -> None:
    from workshop.printing.fonts import FAMILIES

    own = tmp_path / "own.toml"
    own.write_text(f'[fonts]\nregular = "{FAMILIES["noto-sans"]["regular"]}"\n', encoding="utf-8")
    assert templates.load(own).data["fonts"]["regular"]


def _unembedded(reader: pypdf.PdfReader) -> set[str]:
    out = set()
    for page in reader.pages:
        for ref in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = ref.get_object()
            if font.get("/Subtype") == "/Type3":
                continue
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            described = font.get("/FontDescriptor")
            described = described.get_object() if described else {}
            if not any(k in described for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                out.add(str(font.get("/BaseFont")))
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_printout_embeds_its_fonts_and_says_what_it_is(tmp_path: Path, lang: str) -> None:
    store = Store.create(
        tmp_path / "w.wijk", name="De Kersenbuurt", municipality="Zeist", lang=lang
    )
    record(store, ['i "Soep" #sociaal', "Jan -> Piet", 'p "Buurthuis" #buurthuis @B2'])
    template = templates.load()
    municipality = "Gemeente Zeist" if lang == "nl" else "Municipality of Zeist"
    printouts = {
        "cards": lambda p: cards.print_cards(store, p, template),
        "blank-cards": lambda p: cards.print_blank_cards(store, p, template, count=1),
        "network": lambda p: network.print_network(store, p, template),
        "map": lambda p: maps.print_map(store, p, template, paper="A4"),
        "summary": lambda p: summary.print_summary(store, p, template),
    }
    for name, draw in printouts.items():
        pdf = tmp_path / f"{name}.pdf"
        draw(pdf)
        reader = pypdf.PdfReader(str(pdf))
        assert _unembedded(reader) == set(), name
        assert reader.trailer["/Root"]["/Lang"] == lang, name
        info = reader.metadata
        assert "De Kersenbuurt" in info.title, name
        if name != "map":  # the maps are drawn by maps/build, which passes its own
            assert info.author == municipality, name
            assert "De Kersenbuurt" in info.subject and info.subject != info.title, name
    store.close()

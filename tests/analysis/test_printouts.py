"""The network poster and the PDF summary, read back as a reader gets them (pypdf for text,
outline and metadata; pypdfium2 renders every page)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from workshop.analysis import connectors
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.printing import templates
from workshop.printing.network import print_network
from workshop.printing.summary.build import print_summary

# In the demo, consent below "print": their names must appear on no page, in no quote.
HIDDEN = [
    "Fatma Yılmaz",
    "Fatma",
    "Małgorzata Nowak",
    "Mohamed El Amrani",
    "Mohamed",
    "Yusuf Demir",
    "Kees Mulder",
    "Priscilla Sanches",
    "Thijs Bosman",
]
HIDDEN_PHONES = ["06-38291046", "06-61234987"]


def _text(path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def _renders(path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        bitmap = page.render(scale=0.4).to_pil()
        assert bitmap.getbbox() is not None  # something is drawn
    return len(pdf)


def _outline(reader: PdfReader) -> list[str]:
    out = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(item.title)

    walk(reader.outline)
    return out


def test_summary_of_the_demo(demo_store, tmp_path) -> None:
    path = tmp_path / "summary.pdf"
    result = print_summary(demo_store, path, templates.load())
    assert result.missing == set()
    reader = PdfReader(path)
    pages = len(reader.pages)
    assert pages == result.pages == _renders(path) > 8
    meta = reader.metadata
    assert meta.title == "Wijkverkenning De Kersenbuurt"
    assert meta.author == "Gemeente Zuiderveen" and meta.subject
    titles = _outline(reader)
    for section in (
        "Wat we hebben gedaan",
        "In getallen",
        "Plekken",
        "Initiatieven",
        "Wie verbindt wie",
        "Het netwerk",
        "Klankbord: wie doet mee, wie nog niet",
        "Uit de gesprekken",
        "Vervolgpunten",
        "Bijlage: alle gegevens",
        "Actoren",
        "Verbanden",
    ):
        assert section in titles
    text = _text(path)
    assert f"blad 2 van {pages}" in text and f"blad {pages} van {pages}" in text
    assert "8 oktober 2026" in text and "Buurthuis De Bron" in text
    assert "Dokter Hoogland" in text  # print consent
    for hidden in HIDDEN + HIDDEN_PHONES:
        assert hidden not in text, hidden
    assert "Sleutelfiguur 2" in text or "Sleutelfiguur" in text  # named by role instead
    top = connectors.analyse(demo_store)[0].shown_name("print", "nl")
    assert top in text and "ligt op" in text  # the connectors in plain words


def test_summary_page_and_outline_destinations_agree(demo_store, tmp_path) -> None:
    path = tmp_path / "summary.pdf"
    print_summary(demo_store, path, templates.load())
    reader = PdfReader(path)
    pages = {title: None for title in ("Het netwerk", "Bijlage: alle gegevens")}
    for item in reader.outline:
        if not isinstance(item, list) and item.title in pages:
            pages[item.title] = reader.get_destination_page_number(item)
    for title, number in pages.items():
        assert number is not None
        assert title in reader.pages[number].extract_text()


def test_summary_in_english_with_hostile_names(tmp_path) -> None:
    store = Store.create(
        tmp_path / "en.wijk",
        name="<b>Oak</b> & [red]Elm[/red]",
        lang="en",
        municipality="Zuiderveen",
    )
    record(
        store,
        [
            'org "Café <i>Ünal</i> & Zonen" #business !4',
            'person "Ĳsbrand Kooĳman" #key-figure !5 consent:print',
            'person "Secret Sam" #resident',
            '"Ĳsbrand Kooĳman" -> "Café <i>Ünal</i> & Zonen"',
            '"Secret Sam" -> "Ĳsbrand Kooĳman"',
            'q "Sam knows everyone here" ~"Café <i>Ünal</i> & Zonen"',
            'p "Plein 😀" #square @B2',
        ],
    )
    path = tmp_path / "en.pdf"
    print_summary(store, path, templates.load())
    text = _text(path)
    assert "What we did" in text and "Who connects whom" in text
    assert "Café <i>Ünal</i> & Zonen" in text and "Ĳsbrand" in text
    assert "<b>Oak</b> & [red]Elm[/red]" in text
    assert "Secret Sam" not in text and "Sam knows" not in text  # scrubbed from the quote
    assert "Resident" in text
    store.close()


def test_summary_of_an_empty_file(store, tmp_path) -> None:
    path = tmp_path / "empty.pdf"
    result = print_summary(store, path, templates.load())
    text = _text(path)
    assert result.pages == _renders(path)
    assert "Nog niets vastgelegd." in text and "nog geen deelnemers of kandidaten" in text


def test_the_same_file_gives_the_same_pdf(demo_store, tmp_path) -> None:
    print_summary(demo_store, tmp_path / "a.pdf", templates.load())
    print_summary(demo_store, tmp_path / "b.pdf", templates.load())
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.parametrize("paper", ["A3", "A4", "A1"])
def test_network_poster(demo_store, tmp_path, paper: str) -> None:
    path = tmp_path / f"network-{paper}.pdf"
    result = print_network(demo_store, path, templates.load(), paper=paper)
    assert result.pages == _renders(path) == 1
    reader = PdfReader(path)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert width > height  # landscape
    text = _text(path)
    assert "Wie kent wie in De Kersenbuurt" in text and "Legenda" in text
    assert "1. Dokter Hoogland" in text  # the strongest connector carries its rank
    for hidden in HIDDEN:
        assert hidden not in text, hidden
    labelled = sum(
        1 for a in demo_store.rows("actor") if a["type"] == "organisation" and a["name"] in text
    )
    assert labelled >= 0.9 * demo_store.count("actor", "type = 'organisation'")


def test_network_poster_of_an_empty_file_is_a_message(store, tmp_path) -> None:
    with pytest.raises(UserError) as info:
        print_network(store, tmp_path / "n.pdf", templates.load())
    assert info.value.key == "net_empty" and not (tmp_path / "n.pdf").exists()


def test_network_poster_lists_actors_without_ties(store, tmp_path) -> None:
    record(
        store,
        ['org "Eenling"', 'org "Alleen"', 'org "Paar A"', 'org "Paar B"', '"Paar A" -> "Paar B"'],
    )
    path = tmp_path / "n.pdf"
    print_network(store, path, templates.load())
    text = _text(path)
    assert "Nog zonder verbanden (2)" in text and "Eenling" in text and "Paar A" in text


def test_print_commands(demo_store, tmp_path) -> None:
    from click.testing import CliRunner

    from workshop.cli import cli

    for kind, extra in (("summary", []), ("network", ["--paper", "A4"])):
        out = tmp_path / f"{kind}.pdf"
        result = CliRunner().invoke(
            cli,
            ["print", kind, str(demo_store.path), "-o", str(out), *extra],
            catch_exceptions=False,
        )
        assert result.exit_code == 0 and str(out) in result.stdout and out.exists()
    empty = tmp_path / "leeg.wijk"
    Store.create(empty, name="Leeg").close()
    result = CliRunner().invoke(
        cli, ["print", "network", str(empty), "-o", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 1 and "Nog geen actoren" in result.stderr

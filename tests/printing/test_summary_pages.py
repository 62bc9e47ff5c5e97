"""The PDF summary as a reader gets it (issue 12, item 6), read back with pypdf and rendered with
pypdfium2: every name in every script, a map that can be read alone (attribution, scale bar,
north arrow, colour key), the network's colour key, an appendix that holds every record whole,
words hyphenated where Dutch and English hyphenate, counts in the singular for one, fields
separated, a pseudonym not followed by its role, dates in the file's language, and right-to-left
names aligned right where they stand alone."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas

from tests.printing.test_scripts import NAMES, reads_back
from workshop import demo
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing import templates
from workshop.printing.pdfdoc import Column, Rows
from workshop.printing.summary.build import print_summary
from workshop.printing.summary.hyphens import Hyphenator
from workshop.printing.summary.texts import long_date

SENTENCE = (
    "De welzijnsorganisatiemedewerkers van de buurtkas organiseren wekelijks een "
    "energiecoöperatieavond in het wijkontmoetingscentrum."
)
LONG = " ".join([SENTENCE] * 20) + " Einde van het verhaal."  # taller than a page in its cell
LONG_WORDS = {w.strip(".,").casefold() for w in SENTENCE.split() if len(w) > 8}


def _pages(path: Path) -> list[str]:
    return [
        unicodedata.normalize("NFKC", p.extract_text() or "") for p in pypdf.PdfReader(path).pages
    ]


def _flat(text: str) -> str:
    """Lines joined back into running text (a hyphen at a line's end joins the word again)."""
    text = re.sub(r"-\n(?=\w)", "", text)
    return " ".join(text.split())


def _scripts_file(folder: Path, lang: str) -> Store:
    store = Store.create(
        folder / f"{lang}.wijk", name="Schilderswijk", lang=lang, municipality="Den Haag"
    )
    lines = [f'p "{name}" #gebedshuis @C{k % 6 + 1}' for k, name in enumerate(NAMES)]
    lines += [
        'p "Grasveld Zuid" #park @A1 sentiment:concern',
        'org "Welzijnsorganisatie Zuidwest" #welzijn !4',
        'persoon "محمد العلوي" #sleutelfiguur !5 consent:print',
        'persoon "Pieter Verborgen" #sleutelfiguur !3',
        '"محمد العلوي" -> "Welzijnsorganisatie Zuidwest"',
        '"Pieter Verborgen" -> "محمد العلوي"',
        '"Pieter Verborgen" -> "Welzijnsorganisatie Zuidwest"',
        f'i "Buurtkas" #sociaal @C3 +"محمد العلوي" wat:"{LONG}" '
        'vraagt:"een tweede vrijwilliger" biedt:"hulp bij formulieren"',
        'q "هنا نلتقي كل جمعة" ~"مسجد النور"',
    ]
    record(store, lines)
    return store


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list[str]]:
    """The summary of a multi-script file in Dutch and in English, and of the demo (which has
    an OpenStreetMap extract), as the text of each page; every page renders."""
    folder = tmp_path_factory.mktemp("summary-pages")
    out: dict[str, list[str]] = {}
    for lang in ("nl", "en"):
        store = _scripts_file(folder, lang)
        result = print_summary(store, folder / f"{lang}.pdf", templates.load())
        assert not result.missing and not result.lost
        store.close()
    demo.build(folder / "demo.wijk").close()
    store = Store.open(folder / "demo.wijk")
    print_summary(store, folder / "demo.pdf", templates.load())
    store.close()
    for name in ("nl", "en", "demo"):
        path = folder / f"{name}.pdf"
        out[name] = _pages(path)
        doc = pdfium.PdfDocument(str(path))
        assert len(doc) == len(out[name])
        for page in doc:
            assert page.render(scale=0.5).to_pil().convert("L").getextrema()[0] < 160  # ink
        doc.close()
    return out


def _page_with(pages: list[str], heading: str) -> str:
    return next(p for p in pages if p.lstrip().startswith(f"{heading}\n"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_name_reads_back(printed, lang: str) -> None:
    text = "\n".join(printed[lang])
    for name in NAMES + ["Welzijnsorganisatie Zuidwest"]:
        assert reads_back(name, text), name
    assert "?" not in text and "\ufffd" not in text


def _in_key(word: str, page: str) -> bool:
    """`word` printed as a key's label: on a line of labels (no number, no cell), alone or
    beside the other labels of its row (pypdf joins labels that share a baseline)."""
    return any(
        re.search(rf"(^|\s){re.escape(word)}(\s|$)", line) and not re.search(r"\d", line)
        for line in page.splitlines()
    )


def test_the_map_can_be_read_alone(printed) -> None:
    page = _page_with(printed["demo"], "Plekken")
    assert "© OpenStreetMap contributors" in page
    # the scale bar ("0 … 200 m") and the north arrow ("N"), which pypdf may read as one run
    assert re.search(r"(^|\s|N)0\s+\d+ m($|\s)", page, re.M)
    assert re.search(r"(^|\s)N(\s|\d|$)", page, re.M)
    for kind in ("buurthuis", "gebedshuis", "bibliotheek"):  # the colour key: kinds ...
        assert _in_key(kind, page), kind
    for theme in ("opwek", "besparing", "vergroening"):  # ... and themes
        assert _in_key(theme, page), theme


def test_a_grid_sheet_claims_no_openstreetmap_data(printed) -> None:
    page = _page_with(printed["nl"], "Plekken")
    assert "OpenStreetMap" not in page
    assert _in_key("gebedshuis", page) and _in_key("sociaal", page)


def test_the_network_has_its_colour_key(printed) -> None:
    page = _page_with(printed["demo"], "Het netwerk")
    assert "kleur = rol" in page and "Legenda" in page
    # the poster's colour groups (at most eight, issue 12 item 7), each of its roles named
    for group in ("sleutelfiguren, bewoners", "scholen, bibliotheek", "gemeente, professionals"):
        assert group in page, group


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_appendix_holds_every_record_whole(printed, lang: str) -> None:
    heading = "Bijlage: alle gegevens" if lang == "nl" else "Appendix: all records"
    pages = printed[lang]
    start = next(i for i, p in enumerate(pages) if heading in p)
    appendix = "\n".join(pages[start:])
    assert "…" not in appendix
    # without the pages' footers and the repeated table header, the record reads on
    # (pypdf may read a footer's two parts, or the header's cells, as one line)
    furniture = re.compile(
        r"^((.* · (wijkverkenning|neighbourhood mapping))?\s*((blad|page) \d+ (van|of) \d+)?"
        r"|((Kaart|Naam|Thema|Waar|Wie|Tekst|Card|Name|Theme|Where|Who|Text)\s*)+)$"
    )
    kept = [x for x in appendix.splitlines() if x.strip() and not furniture.match(x.strip())]
    flat = _flat("\n".join(kept))
    words = iter(flat.split())
    # every word of the record, in order (a page's footer and the repeated header between)
    assert all(word in words for word in LONG.split())
    ask = "vraagt: een tweede" if lang == "nl" else "needs: een tweede"
    assert f"Einde van het verhaal. — {ask}" in flat  # fields separated


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_words_break_only_where_they_hyphenate(printed, lang: str) -> None:
    lines = [line.strip() for page in printed[lang] for line in page.splitlines()]
    hyphenated = 0
    for first, second in zip(lines, lines[1:], strict=False):
        if not first or not second:
            continue
        tail, head = first.split()[-1], second.split()[0]
        joined = (tail[:-1] + head if tail.endswith("-") else tail + head).strip(".,").casefold()
        if tail.endswith("-") and joined in LONG_WORDS:
            hyphenated += 1
        else:  # no long word of the text is broken without a hyphen
            assert joined not in LONG_WORDS, (first, second)
    assert hyphenated >= 10


def test_hyphenation_in_dutch_and_english() -> None:
    fonts = templates.load().fonts()
    nl = Hyphenator(fonts, "nl").wrap("welzijnsorganisatie", "regular", 9, 60, 0)
    assert len(nl) > 1 and all(line.endswith("-") for line in nl[:-1])
    assert "".join(line.removesuffix("-") for line in nl) == "welzijnsorganisatie"
    assert nl[0] in ("wel-", "welzijns-", "welzijnsor-", "welzijnsorga-", "welzijnsorgani-")
    en = Hyphenator(fonts, "en").wrap("neighbourhood organisations", "regular", 9, 45, 0)
    assert (
        en[0] in ("neigh-", "neighbour-")
        and "".join(en).replace("-", "") == "neighbourhoodorganisations"
    )
    # a URL breaks after its own slash, not with an invented hyphen
    url = Hyphenator(fonts, "en").wrap(
        "https://example.org/buurtkas/aanmelden", "regular", 9, 90, 0
    )
    assert len(url) > 1 and "".join(url) == "https://example.org/buurtkas/aanmelden"
    # an address is never given a hyphen (it would be another address)
    for address in ("https://zuiderveen.example", "a.hoogland@kersenpost.example"):
        lines = Hyphenator(fonts, "nl").wrap(address, "regular", 9, 55, 0)
        assert len(lines) > 1 and "".join(lines) == address, lines
    # a short word goes to the next line whole rather than "ac-tief"
    assert Hyphenator(fonts, "nl").wrap("besparing actief", "regular", 9, 60, 0) == [
        "besparing",
        "actief",
    ]


@pytest.mark.parametrize(
    ("lang", "present", "absent"),
    [
        (
            "nl",
            ["1 organisatie", "2 personen", "1 zorgpunt", "3 paren die elkaar kennen", "1 citaat"],
            ["1 organisaties", "1 zorgpunten", "1 citaten", "1 scharnierpunten"],
        ),
        (
            "en",
            ["1 organisation", "2 persons", "1 of concern", "1 quote"],
            ["1 organisations", "1 quotes", "1 articulation points"],
        ),
    ],
)
def test_one_is_singular(printed, lang: str, present: list[str], absent: list[str]) -> None:
    text = _flat("\n".join(printed[lang]))
    for words in present:
        assert words in text, words
    for words in absent:
        assert not re.search(rf"(?<!\d){re.escape(words)}\b", text), words


def test_a_pseudonym_is_not_followed_by_its_role(printed) -> None:
    text = _flat("\n".join(printed["demo"]))
    assert not re.search(r"Sleutelfiguur [0-9A-F]{4} \(sleutelfiguur\)", text)
    assert "Dokter Hoogland (sleutelfiguur)" in text  # a name with consent keeps its role


def test_dates_in_the_files_language(printed) -> None:
    today = dt.date.today().isoformat()
    assert long_date(today, "en") in _flat("\n".join(printed["en"]))
    assert long_date(today, "nl") in _flat("\n".join(printed["nl"]))
    assert long_date("2026-10-08", "nl") == "8 oktober 2026"
    assert long_date("2026-10-08", "en") == "8 October 2026"
    assert long_date("2026-10-08", "fy") == "8 October 2026"  # another language: English


def test_a_right_to_left_cell_aligns_right() -> None:
    fonts = templates.load().fonts()
    drawn: list[tuple[str, float]] = []
    draw = fonts.draw

    def recording(c, x, y, text, *args, **kwargs):
        drawn.append((text, x))
        return draw(c, x, y, text, *args, **kwargs)

    fonts.draw = recording  # type: ignore[method-assign]
    rows = Rows(fonts, [Column("A", 1), Column("B", 1)], [["مسجد النور", "Kerk"]])
    rows.wrap(400, 500)
    rows.canv = Canvas(io.BytesIO())
    rows.draw()
    x = dict(drawn)
    arabic_width = fonts.width("مسجد النور", "regular", rows.size)
    assert x["مسجد النور"] == pytest.approx(200 - rows.pad - arabic_width)  # flush right
    assert x["Kerk"] == pytest.approx(200 + rows.pad)  # left to right: flush left

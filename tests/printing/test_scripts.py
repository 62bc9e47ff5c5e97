"""Every script a Dutch neighbourhood writes prints as written (issue 12): Arabic shaped and
right to left, Devanagari shaped, Chinese, Tifinagh, Hebrew, Thai and emoji with real glyphs,
bold in bold text; read back from real PDFs (pypdf's text, pypdfium2's pixels, zxing's codes)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pypdf
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from reportlab.pdfgen.canvas import Canvas

from tests.printing.conftest import decoded_payloads
from workshop import demo
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.printing import shaping
from workshop.printing.fonts import FontSet
from workshop.printing.table import PRINTOUTS

NAMES = [
    "مسجد النور",
    "محمد العلوي",
    "陈家小吃",
    "한국 식당",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    "हिन्दू समाज",
    "בית הכנסת",
    "วัดไทย",
    "Buurtfeest 🎉 🌳",
    "Moskee مسجد النور (2)",
]


def letters(text: str) -> Counter[str]:
    """What a name is made of, whatever the order (right-to-left runs read back visually)."""
    return Counter(
        ch
        for ch in unicodedata.normalize("NFKC", text)
        if not ch.isspace() and unicodedata.category(ch)[0] != "C"
    )


def reads_back(name: str, text: str) -> bool:
    # right-to-left runs read back in visual order, and pypdf puts a Devanagari cluster's
    # parts in the order it finds them: the letters are all there
    if shaping.needs_shaping(name):
        return letters(name) <= letters(text)
    return " ".join(name.split()) in " ".join(text.split())


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


def ink(path: Path, dpi: int = 200) -> np.ndarray:
    doc = pdfium.PdfDocument(str(path))
    try:
        image = doc[0].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()
    return np.asarray(image) < 128


@pytest.mark.parametrize("name", NAMES)
def test_every_glyph_is_a_real_one(name: str) -> None:
    fonts = FontSet.named()
    for style in ("regular", "bold"):
        shaped = fonts._shaped(name, style)
        assert shaped is not None and not fonts.missing
        for piece in shaped.pieces:
            to_glyph = piece.face.font.face.charToGlyph
            assert all(to_glyph[ord(code)] != 0 for code in piece.codes)  # never .notdef


def test_devanagari_and_arabic_are_shaped_not_one_glyph_per_letter() -> None:
    fonts = FontSet.named()
    word = "हिन्दू"  # न + ् + द: a conjunct; ि drawn before its consonant
    shaped = fonts._shaped(word, "regular")
    assert shaped is not None
    glyphs = [
        (piece.face.font.face.charToGlyph[ord(c)], piece.x)
        for piece in shaped.pieces
        for c in piece.codes
    ]
    assert len(glyphs) < len(word)  # the virama is not drawn: it joined न and द
    arabic = fonts._shaped("محمد", "regular")
    assert arabic is not None
    face = next(p.face for p in arabic.pieces)
    drawn = {face.font.face.charToGlyph[ord(c)] for p in arabic.pieces for c in p.codes}
    isolated = {face.font.face.charToGlyph[ord(ch)] for ch in "محمد"}
    assert drawn - isolated  # joined forms, not the isolated letters
    # right to left: the first letter (م) is drawn at the right end
    first = face.font.face.charToGlyph  # the glyph ids of the pieces, left to right
    order = [first[ord(c)] for p in sorted(arabic.pieces, key=lambda p: p.x) for c in p.codes]
    assert order[-1] != order[0]


def test_rendered_names_have_the_ink_and_width_harfbuzz_says(tmp_path: Path) -> None:
    fonts = FontSet.named()
    size, dpi = 20, 200
    for name in NAMES:
        widths = {}
        for style in ("regular", "bold"):
            pdf = tmp_path / "one.pdf"
            c = Canvas(str(pdf), pagesize=(600, 60))
            drawn = fonts.draw(c, 20, 20, name, style, size)
            c.save()
            mask = ink(pdf, dpi)
            columns = np.flatnonzero(mask.any(axis=0))
            assert columns.size, name
            seen = (columns[-1] - columns[0]) * 72 / dpi
            # the ink spans what the shaped advance says (side bearings aside)
            assert drawn * 0.75 <= seen <= drawn * 1.05 + 2, (name, style, seen, drawn)
            widths[style] = mask.sum()
            assert fonts.width(name, style, size) == pytest.approx(drawn)
        assert widths["bold"] > widths["regular"] * 1.12, name  # bold is bold, in every script
        text = pdf_text(pdf)
        assert reads_back(name, text), (name, text)


def test_mixed_line_runs_in_bidi_order() -> None:
    fonts = FontSet.named()
    shaped = fonts._shaped("Moskee مسجد النور (2) open", "regular")
    assert shaped is not None
    texts = ["".join(p.face.font._texts.get(ord(c), c) for c in p.codes) for p in shaped.pieces]
    line = "".join(texts)
    # Latin at both ends in reading order, the Arabic run (and its number) between them
    assert line.startswith("Moskee ") and line.endswith(" open")
    assert line.index("2") < line.index("م")  # "(2)" stands left of the Arabic it follows
    assert shaping.rtl("مسجد النور (2)") and not shaping.rtl("Moskee مسجد")


@pytest.fixture
def neighbourhood(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "w.wijk"
    with Store.create(path, name="Wijk 🌍 ⵜⴰⵎⴰⵣⵉⵖⵜ", bbox=demo.BBOX) as store:
        lines = ["org Jan #vereniging"]
        for index, name in enumerate(NAMES):
            cell = f"@{'ABCDEF'[index % 6]}{1 + index % 4}"
            lines += [
                f'p "{name}" #gebedshuis {cell}',
                f'i "{name}" #sociaal {cell} +"{name}" wat:"{name}"',
                f'org "{name}" #vereniging !{index % 5}',
                f'"{name}" -> Jan #kent',
            ]
        record(store, lines)
    return path


@pytest.mark.parametrize("kind", ["cards", "result-map", "network", "summary"])
def test_every_printout_prints_every_script(neighbourhood: Path, kind: str) -> None:
    result = CliRunner().invoke(cli, ["print", kind, str(neighbourhood)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "'?'" not in result.output  # nothing lost, so nothing reported
    pdf = next(Path("printouts").glob(f"w-{PRINTOUTS[kind].file_kind()}*.pdf"))
    text = pdf_text(pdf)
    for name in NAMES:
        assert reads_back(name, text), (kind, name)
    if kind in ("cards", "result-map"):
        payloads = decoded_payloads(pdf, pages=[0])
        assert payloads  # the sheet's or the cards' codes still decode
        if kind == "cards":
            assert payloads == sorted(f"kaart {n}" for n in range(1, 5))  # four to a page


def test_a_name_no_font_has_is_named_with_its_printout(neighbourhood: Path) -> None:
    with Store.open(neighbourhood) as store:
        record(store, ['i "Farao 𓀀𓁐" #sociaal @A1'])
    result = CliRunner().invoke(cli, ["print", "cards", str(neighbourhood)])
    assert "𓀀 (U+13000)" in result.output
    assert "w-kaarten.pdf: in “Farao 𓀀𓁐” printed as '?'" in result.output or (
        "w-kaarten.pdf: in „Farao 𓀀𓁐” staat als '?'" in result.output
    )

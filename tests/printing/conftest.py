"""Shared parts of the printing tests: real files, real PDFs read back with pypdf, rendered
with pypdfium2 at 150 dpi and every QR code decoded with zxing-cpp."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab import rl_config

from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing.sheet import PrintResult, Rect

rl_config.invariant = 1  # byte-identical PDFs from identical input

DPI = 150

TRICKY_NAMES = [
    "Energiecoöperatie 't Hoekje",
    "Bĳenhof ĳsclub",
    "Ağaç ve Şişli İnisiyatifi ıı",
    "Łąka Żółwia",
    "<b>Buurt</b> & [red]Zorg[/red]",
]


def render(pdf: Path, page: int, dpi: int = DPI):
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()


def page_count(pdf: Path) -> int:
    return len(pypdf.PdfReader(str(pdf)).pages)


def decode(image) -> list[str]:
    return sorted(r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.QRCode))


def decoded_payloads(pdf: Path, pages: list[int] | None = None) -> list[str]:
    out: list[str] = []
    for page in pages if pages is not None else range(page_count(pdf)):
        out += decode(render(pdf, page))
    return sorted(out)


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(pdf)).pages)


def page_size(pdf: Path, page: int = 0) -> tuple[float, float]:
    box = pypdf.PdfReader(str(pdf)).pages[page].mediabox
    return float(box.width), float(box.height)


def assert_codes_clear(result: PrintResult) -> None:
    """Nothing recorded on a page overlaps a QR code or its quiet zone, and codes keep at least
    a 4-module quiet zone inside their square."""
    assert result.codes, "no QR code was placed"
    for code in result.codes:
        for page, kind, rect in result.boxes:
            if page == code.page:
                assert not code.rect.overlaps(rect), f"{kind} {rect} overlaps QR {code.rect}"
        for other in result.codes:
            if other is not code and other.page == code.page:
                assert not code.rect.overlaps(other.rect)
        assert code.modules >= 21 + 8


def assert_quiet_zone_white(pdf: Path, result: PrintResult, page_index: int) -> None:
    """In the rendered page, the 4-module ring round each code is paper white."""
    image = render(pdf, page_index)
    height = image.height
    k = DPI / 72
    for code in result.codes:
        if code.page != page_index + 1:
            continue
        module = code.rect.w / code.modules
        ring = Rect(code.rect.x + 0.5, code.rect.y + 0.5, code.rect.w - 1, code.rect.h - 1)
        inner = code.rect.inset(4 * module - 0.5)
        left, right = int(ring.x * k) + 1, int((ring.x + ring.w) * k) - 1
        top, bottom = int(height - (ring.y + ring.h) * k) + 1, int(height - ring.y * k) - 1
        in_left, in_right = (inner.x * k), (inner.x + inner.w) * k
        in_top, in_bottom = height - (inner.y + inner.h) * k, height - inner.y * k
        for y in range(top, bottom, 2):
            for x in range(left, right, 2):
                if in_left - 1 <= x <= in_right + 1 and in_top - 1 <= y <= in_bottom + 1:
                    continue
                assert image.getpixel((x, y)) > 235, f"ink in the quiet zone at {(x, y)}"


@pytest.fixture
def filled(tmp_path: Path):
    """A file with people of each consent level and initiatives with tricky names."""
    store = Store.create(tmp_path / "cards.wijk", name="De Kersenbuurt", municipality="Zuiderveen")
    record(
        store,
        [
            'p "Buurthuis De Bron" #buurthuis @C4',
            'persoon "Dokter de Vries" #sleutelfiguur tel:0612345678 mail:dvries@example.nl '
            "consent:print",
            'persoon "Geheime Gerda" #bewoner tel:0687654321 consent:internal',
            'org "Stichting <Groen> & Co" #vereniging mail:info@groen.example',
            f'i "{TRICKY_NAMES[0]}" #opwek @C4 status:actief web:https://hoekje.example '
            'wat:"Zonnepanelen op de daken" nodig:"daken" biedt:"stroom" '
            '+"Dokter de Vries" +"Geheime Gerda"',
            f'i "{TRICKY_NAMES[1]}" #sociaal waar:"Buurthuis De Bron" +"Stichting <Groen> & Co"',
            f'i "{TRICKY_NAMES[2]}" #warmte @A1 status:idee',
            f'i "{TRICKY_NAMES[3]}" #vergroening @H6 status:gestopt',
            'i "Lang verhaal" #zorg @B2 wat:"'
            + "Een heel lang verhaal over de buurt. " * 120
            + '"',
        ],
    )
    record(store, [f'i "{TRICKY_NAMES[4]}" #overig @D2'])
    yield store
    store.close()

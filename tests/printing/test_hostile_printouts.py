"""Hostile names through every printout: every one prints without a crash; a name the fonts
can draw appears verbatim in the PDF's text; one they cannot is reported, never a silent box."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from tests.file.test_hostile import HOSTILE, quote
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.printing.fonts import FontSet
from workshop.printing.table import PRINTOUTS

FONTS = FontSet.named()
PRINTS = ["cards", "result-map", "network", "summary"]


def drawable(name: str) -> bool:
    return name.isprintable() and all(FONTS.has(ch) for ch in name)


def rtl(name: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in name)


def letters(text: str) -> Counter[str]:
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_every_printout_takes_a_hostile_name(tmp_path: Path, monkeypatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.create(tmp_path / "h.wijk", name="Hostiel") as store:
        record(
            store,
            [
                f"p {quote(name)} #park @B2",
                f"org {quote(name)} #vereniging !4",
                f"i {quote(name)} #opwek @B2 +{quote(name)} waar:{quote(name)}",
                f"{quote(name)} -> Jan #kent",
                "org Jan #vereniging",
            ],
        )
    runner = CliRunner()
    for kind in PRINTS:
        result = runner.invoke(cli, ["print", kind, "h.wijk"], catch_exceptions=False)
        assert result.exit_code == 0, (kind, result.output)
        pdf = next(Path("printouts").glob(f"h-{PRINTOUTS[kind].file_kind()}*.pdf"))
        if drawable(name) and len(name) <= 30 and rtl(name):
            # right-to-left runs read back in visual order: every letter is there
            assert letters(name) <= letters(pdf_text(pdf)), kind
        elif drawable(name) and len(name) <= 30:
            assert " ".join(name.split()) in pdf_text(pdf), kind
        elif any(
            ch.isprintable() and not FONTS.has(ch) and ch not in "\u200d\ufe0f" for ch in name
        ):
            assert "'?'" in result.output, kind  # the missing characters are named

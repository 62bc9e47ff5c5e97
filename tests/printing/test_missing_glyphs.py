"""A character no font has is never silent (issue 12, item 1): every `workshop print` command
writes the PDF, names the text and the character, and exits 1 unless --allow-missing-glyphs;
F8 says the same as a warning, in the screen's language. Names in scripts the bundled fonts
cover print with exit 0 and no warning."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from workshop import demo
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.printing.table import PRINTOUTS
from workshop.tui import jobs

KINDS = ["cards", "blank-cards", "map", "result-map", "network", "summary"]
FARAO = "Farao 𓀀"  # an Egyptian hieroglyph: no bundled font has it


def make(path: Path, name: str, names: list[str]) -> Path:
    with Store.create(path, name=name, bbox=demo.BBOX) as store:
        lines = ["org Jan #vereniging"]
        for index, text in enumerate(names):
            cell = f"@{'ABC'[index % 3]}{1 + index % 3}"
            lines += [
                f'p "{text}" #gebedshuis {cell}',
                f'i "{text}" #sociaal {cell}',
                f'org "{text}" #vereniging',
                f'"{text}" -> Jan #kent',
            ]
        record(store, lines)
    return path


@pytest.fixture
def farao(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make(tmp_path / "w.wijk", FARAO, [FARAO])


def pages(kind: str, file: str = "w.wijk") -> int:
    pdf = PRINTOUTS[kind].default_path(file)
    return len(pypdf.PdfReader(pdf).pages)


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_glyph_writes_the_pdf_names_it_and_exits_1(farao: Path, kind: str) -> None:
    result = CliRunner().invoke(cli, ["print", kind, farao.name])
    assert result.exit_code == 1, result.output
    assert pages(kind) >= 1  # written whole, to be looked at
    assert "𓀀 (U+13000)" in result.stdout
    assert f"in „{FARAO}" in result.stdout  # the text it was in (blank cards: with the number)
    last = result.stderr.strip().splitlines()
    assert len(last) == 1 and last[0].startswith("workshop: ")  # one line, no traceback
    assert "--allow-missing-glyphs" in last[0] and "--template" in last[0]
    assert str(PRINTOUTS[kind].default_path(farao.name)) in last[0]


@pytest.mark.parametrize("kind", KINDS)
def test_allow_missing_glyphs_accepts_the_question_mark(farao: Path, kind: str) -> None:
    result = CliRunner().invoke(cli, ["print", kind, farao.name, "--allow-missing-glyphs"])
    assert result.exit_code == 0, result.output
    assert pages(kind) >= 1
    assert f"in „{FARAO}" in result.stdout and "staat als '?'" in result.stdout  # still named
    assert result.stderr == ""


def test_an_english_file_is_told_in_english(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.create(tmp_path / "e.wijk", name="Wijk", bbox=demo.BBOX, lang="en") as store:
        record(store, [f'i "{FARAO}" #sociaal @A1'])
    result = CliRunner().invoke(cli, ["print", "cards", "e.wijk"])
    assert result.exit_code == 1
    assert f"“{FARAO}” printed as '?'" in result.stdout
    assert result.stderr == (
        "workshop: printouts/e-cards.pdf was written, but 1 character prints as '?': choose a"
        " font that has it in a template (--template), or accept the '?' with"
        " --allow-missing-glyphs\n"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_arabic_chinese_devanagari_names_exit_0(tmp_path: Path, monkeypatch, kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    names = ["مسجد النور", "محمد العلوي", "陈家小吃", "हिन्दू समाज", "Moskee مسجد النور (2)"]
    make(tmp_path / "w.wijk", "Wijk 陈家 مسجد हिन्दू", names)
    result = CliRunner().invoke(cli, ["print", kind, "w.wijk"])
    assert result.exit_code == 0, result.output
    assert "'?'" not in result.output
    assert pages(kind) >= 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_f8_warns_which_text_lost_characters_in_the_screens_language(
    farao: Path, lang: str
) -> None:
    done = jobs.print_out(farao, "cards", lang)
    assert [str(p) for p in done.paths] == [str(PRINTOUTS["cards"].default_path(farao))]
    said = {
        "nl": f"w-kaarten.pdf: in „{FARAO}” staat als '?': 𓀀 (U+13000)",  # a Dutch file
        "en": f"w-kaarten.pdf: in “{FARAO}” printed as '?': 𓀀 (U+13000)",
    }
    assert said[lang] in done.notices


def test_f8_says_nothing_when_every_glyph_is_there(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "w.wijk", "Wijk", ["陈家小吃", "मसजिद"])
    assert jobs.print_out(tmp_path / "w.wijk", "cards", "en").notices == []

"""The confidential key (`workshop print key` / `sleutel`): its pseudonyms are the very ones the
summary, the cards and the wall print, read back from real PDFs with pypdf; every page says it
is for the facilitator only; the file records it, so `forget` names it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from tests.printing.conftest import text_of
from workshop import model
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file import outputs
from workshop.file.forget import describe_outputs, plan_forget
from workshop.file.store import Store
from workshop.i18n import t
from workshop.printing import key
from workshop.printing.table import print_out

NAME = "kersenbuurt.wijk"
HIDDEN = [  # persons the room may not see by name, each on a card, in a tie and in a quote
    'persoon "Fatma Kaya" #sleutelfiguur consent:geen',
    'persoon "Wim Akkerman" consent:intern',
    'deelnemer "Sanne Dirks" consent:geen',
    'i "Moestuin Achterom" #vergroening @B2 +"Fatma Kaya" +"Wim Akkerman"',
    '"Fatma Kaya" -> "Wim Akkerman" #kent',
    '"Fatma Kaya" -> "Dokter Hoogland" #kent',
    'n "Fatma Kaya wil trekker zijn van de moestuin" ~"Moestuin Achterom"',
]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> tuple[Path, dict[str, str], list[str]]:
    """The demo with the persons above, its summary, cards and key printed, and its wall."""
    from workshop import demo
    from workshop.tui.wall import wall_lines

    folder = tmp_path_factory.mktemp("key")
    path = folder / NAME
    with demo.build(path) as store:
        record(store, HIDDEN)
        texts = {}
        for what in ("summary", "cards", "key"):
            texts[what] = text_of(print_out(store, what, folder / f"{what}.pdf").path)
        wall = wall_lines(store, 40, store.lang)
    return path, texts, wall


def pseudonyms_in(text: str, lang: str) -> set[str]:
    """Every `Role 1A2B` in a text: the role labels, and the pseudonyms' own words (not the
    summary's example of one, in quotes: 'Bewoner 3F2A')."""
    labels = {model.ROLES.label(term.key, lang) for term in model.ROLES.terms}
    labels |= {t(k, lang) for k in ("pseudonym_person", "pseudonym_participant")}
    labels |= {t("pseudonym_candidate", lang)}
    words = "|".join(sorted((re.escape(w[:1].upper() + w[1:]) for w in labels), key=len)[::-1])
    return {m.group(0) for m in re.finditer(rf"(?<!')\b(?:{words}) [0-9A-F]{{4}}\b", text)}


def test_the_keys_pseudonyms_are_those_on_paper_and_on_the_wall(printed) -> None:
    path, texts, wall = printed
    with Store.open(path, readonly=True) as store:
        entries = key.entries(store)
    on_paper = {e.pseudonym: e.name for e in entries if e.on_paper}
    seen = {
        "summary": pseudonyms_in(texts["summary"], "nl"),
        "cards": pseudonyms_in(texts["cards"], "nl"),
        "wall": pseudonyms_in("\n".join(wall), "nl"),
    }
    for where, found in seen.items():
        assert found, f"no pseudonym in the {where}: the test would prove nothing"
        assert found <= set(on_paper), f"{where}: {sorted(found - set(on_paper))} not in the key"
    kaya = next(p for p, name in on_paper.items() if name == "Fatma Kaya")
    assert kaya.startswith("Sleutelfiguur ")
    assert kaya in seen["cards"] and kaya in seen["wall"] and kaya in seen["summary"]
    assert "Fatma Kaya" not in texts["summary"] + texts["cards"] + "\n".join(wall)
    # the key itself, read back: each pseudonym in the row of its person (a cell a line, or
    # the row's cells on one line, as pypdf reads cells that share a baseline)
    lines = [line.strip() for line in texts["key"].splitlines()]
    rows = set(zip(lines, lines[1:], strict=False))
    for pseudonym, name in on_paper.items():
        assert (pseudonym, name) in rows or any(
            line.startswith(f"{pseudonym} {name}") for line in lines
        ), pseudonym
    assert "Fatma Kaya" in texts["key"] and "Sanne Dirks" in texts["key"]


def test_every_page_says_it_is_confidential(printed, tmp_path: Path) -> None:
    path, _, _ = printed
    shutil.copy(path, tmp_path / NAME)
    pdf = tmp_path / "key.pdf"
    with Store.open(tmp_path / NAME) as store:
        record(store, [f'persoon "Extra Persoon {i}" consent:geen' for i in range(40)])
        print_out(store, "key", pdf)
    pages = pypdf.PdfReader(str(pdf)).pages
    assert len(pages) >= 2
    for page in pages:
        text = page.extract_text()
        assert text.count("Vertrouwelijk — alleen voor de begeleider") == 2  # top and foot


def test_in_english_it_says_so_in_english(store_en: Store, tmp_path: Path) -> None:
    record(store_en, ['person "Ann Smith" #key-figure consent:none'])
    result = print_out(store_en, "key", tmp_path / "key.pdf")
    text = text_of(result.path)
    assert text.count("Confidential — facilitator only") == 2
    assert "Key to the pseudonyms" in text and "Ann Smith" in text
    assert "Vertrouwelijk" not in text


def test_the_cli_prints_it_by_both_names_and_forget_names_it(printed, tmp_path, monkeypatch):
    source, _, _ = printed
    shutil.copy(source, tmp_path / NAME)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    listing = runner.invoke(cli, ["print", "--help"]).output
    assert re.search(r"^  key +The confidential key \(also: print sleutel\)", listing, re.M)
    assert not re.search(r"^  sleutel ", listing, re.M), listing  # an alias, not listed apart
    done = runner.invoke(cli, ["print", "sleutel", NAME])
    assert done.exit_code == 0, done.output
    done = runner.invoke(cli, ["print", "key", NAME, "-o", "elders.pdf"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "printouts" / "kersenbuurt-sleutel.pdf").exists()
    assert (tmp_path / "elders.pdf").exists()
    with Store.open(tmp_path / NAME) as store:
        kinds = {(Path(w.path).name, w.kind, w.audience) for w in outputs.known(store)}
        assert {
            ("kersenbuurt-sleutel.pdf", "key", "internal"),
            ("elders.pdf", "key", "internal"),
        } <= kinds
        said = "\n".join(describe_outputs(plan_forget(store, "Fatma Kaya"), "nl"))
    assert "kersenbuurt-sleutel.pdf (key" in said and "elders.pdf (key" in said

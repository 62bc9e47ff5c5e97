"""A name with a halo reads back once (issue 12): the white outline under the names on the
maps and the network poster is drawn as the glyphs' outlines (paths), not as a second, stroked
run of the same text, which pypdf, a search and a copy took for the name twice."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from workshop import demo
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing import fonts, netdraw, network, outlines, shaping, templates
from workshop.printing.maps import build as maps
from workshop.printing.maps import draw as mapdraw

TEMPLATE = templates.load()
SCRIPTS = [
    'org "Buurthuis De Kuil" #bewonersorganisatie !4',
    'org "مسجد النور" #geloofsgemeenschap !3',
    'org "陈家小吃" #ondernemer !2',
    'org "हिन्दू समाज" #geloofsgemeenschap !2',
    'org "Energiecoöp Zon" #energiecooperatie !1',
    '"Buurthuis De Kuil" -> "مسجد النور" #kent',
    '"陈家小吃" <-> "हिन्दू समाज" #werktsamen',
    '"Buurthuis De Kuil" -- "Energiecoöp Zon"',
]


@pytest.fixture(scope="module")
def kersenbuurt(tmp_path_factory):
    store = demo.build(tmp_path_factory.mktemp("demo") / "kersenbuurt.wijk")
    yield store
    store.close()


@pytest.fixture
def haloed(monkeypatch) -> Counter:
    """The texts drawn with a halo, and how often; and a check that every halo has outlines."""
    drawn: Counter = Counter()
    halo, stroke = fonts.FontSet.halo, outlines.stroke_outlines

    def spy_halo(self, c, x, y, text, *args, **kwargs):
        drawn[text] += 1
        return halo(self, c, x, y, text, *args, **kwargs)

    def spy_stroke(c, glyphs, size, width):
        assert glyphs and width > 0  # the halo is there, as outlines
        return stroke(c, glyphs, size, width)

    monkeypatch.setattr(fonts.FontSet, "halo", spy_halo)
    monkeypatch.setattr(outlines, "stroke_outlines", spy_stroke)
    return drawn


def _read(pdf: Path) -> str:
    pages = pypdf.PdfReader(str(pdf)).pages
    return unicodedata.normalize("NFKC", "".join(p.extract_text() or "" for p in pages))


def _times(text: str, name: str) -> int:
    """How often `name` reads in `text`. A shaped name (Arabic, Devanagari) reads back in an
    order of its own (visual, by cluster): counted by the letters it is made of."""
    name = unicodedata.normalize("NFKC", name)
    if not shaping.needs_shaping(name):
        return text.count(name)
    letters = Counter(ch for ch in name if not ch.isspace())
    return min(text.count(ch) // n for ch, n in letters.items())


def _assert_halos_add_no_text(pdf: Path, make, haloed: Counter, monkeypatch) -> str:
    """`make(path)` writes the printout: its text with halos is its text with the names drawn
    plainly, without halos (the old halo, a second run of the name, read as the name again)."""
    make(pdf)
    assert haloed, "nothing was drawn with a halo"
    with_halos = _read(pdf)
    for name in haloed:
        assert _times(with_halos, name) >= 1, name
    # the same printout with no halo at all: the names drawn as plain text only
    light = mapdraw.halo

    def no_halo(*args, **kwargs):
        return light(*args, **{**kwargs, "light": True})

    monkeypatch.setattr(mapdraw, "halo", no_halo)
    monkeypatch.setattr(
        netdraw, "halo_text", lambda sheet, x, y, text, *rest: sheet.text(x, y, text, *rest)
    )
    make(pdf.with_name("plain.pdf"))
    assert with_halos == _read(pdf.with_name("plain.pdf"))
    return with_halos


def test_map_names_read_once(kersenbuurt: Store, tmp_path: Path, haloed, monkeypatch) -> None:
    text = _assert_halos_add_no_text(
        tmp_path / "map.pdf",
        lambda pdf: maps.print_map(kersenbuurt, pdf, TEMPLATE, paper="A3"),
        haloed,
        monkeypatch,
    )
    assert haloed["Kersenlaan"] == _times(text, "Kersenlaan") == 1


def test_poster_names_read_once(kersenbuurt: Store, tmp_path: Path, haloed, monkeypatch) -> None:
    _assert_halos_add_no_text(
        tmp_path / "network.pdf",
        lambda pdf: network.print_network(kersenbuurt, pdf, TEMPLATE),
        haloed,
        monkeypatch,
    )


def test_names_in_every_script_read_once(tmp_path: Path, haloed, monkeypatch) -> None:
    store = Store.create(tmp_path / "s.wijk", name="Klein", lang="nl")
    record(store, SCRIPTS)
    text = _assert_halos_add_no_text(
        tmp_path / "network.pdf",
        lambda pdf: network.print_network(store, pdf, TEMPLATE),
        haloed,
        monkeypatch,
    )
    store.close()
    for name in ("Buurthuis De Kuil", "مسجد النور", "陈家小吃", "हिन्दू समाज", "Energiecoöp Zon"):
        assert sum(n for drawn, n in haloed.items() if name in drawn) == 1, name  # "1. ..."
        # once on the picture; the connector once more in the key's list of connectors
        assert _times(text, name) == (2 if name == "Buurthuis De Kuil" else 1), name

"""The network poster shows the network (issue 12, item 7): parts packed so the page is used,
every tie visible (small evenings too), tie kinds and direction drawn, at most eight colour
groups each with a shape of its own and a key, names at 7 pt or more on A3, initiatives and
places on it when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.printing.conftest import text_of
from tests.printing.test_card_reading import sizes
from workshop import model
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.printing import netdraw, netpicture, network, templates

TEMPLATE = templates.load()
SMALL = [
    'org "Buurthuis De Kuil" #bewonersorganisatie !4',
    'org "مسجد النور" #geloofsgemeenschap !3',
    'org "陈家小吃" #ondernemer !2',
    'org "हिन्दू समाज" #geloofsgemeenschap !2',
    'org "Voetbalclub VVZ" #sportclub !3',
    'org "Wijkteam" #welzijn !3',
    'org "Basisschool De Linde" #school !2',
    'org "Gemeente" #gemeente !5',
    'org "Energiecoöp Zon" #energiecooperatie !1',
    'org "Tafeltennis TTV" #sportclub',
    'org "Huisartsenpraktijk" #zorg !2',
    '"Buurthuis De Kuil" -> "مسجد النور" #kent',
    '"陈家小吃" <-> "हिन्दू समाज" #werktsamen',
    '"Voetbalclub VVZ" -- "Wijkteam"',
    '"Gemeente" -> "Energiecoöp Zon" #financiert',
    '"Basisschool De Linde" -> "Huisartsenpraktijk" #informeert',
]


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Store:
    store = Store.create(tmp_path_factory.mktemp("net") / "s.wijk", name="Klein", lang="nl")
    record(store, SMALL)
    yield store
    store.close()


def test_a_small_evening_shows_every_tie_with_its_direction(
    small: Store, tmp_path: Path, monkeypatch
) -> None:
    ties, heads = [], []
    draw_tie, arrowhead = netdraw.draw_tie, netdraw.arrowhead

    def spy_tie(sheet, start, end, gaps, kind, direction, width, head):
        if gaps != (0, 0):  # the key's samples have none
            length = ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5
            ties.append((kind, direction, length - sum(gaps)))
        return draw_tie(sheet, start, end, gaps, kind, direction, width, head)

    monkeypatch.setattr(netdraw, "draw_tie", spy_tie)
    monkeypatch.setattr(netdraw, "arrowhead", lambda *a: heads.append(a) or arrowhead(*a))
    pdf = tmp_path / "n.pdf"
    network.print_network(small, pdf, TEMPLATE)
    assert len(ties) == 5
    assert all(visible >= 30 for _, _, visible in ties), ties  # 30 pt of line at least
    assert sorted(d for _, d, _ in ties) == ["directed"] * 3 + ["mutual", "undirected"]
    assert len(heads) >= 3 + 2  # one head per directed tie, two on the mutual one (+ the key's)
    text = text_of(pdf)
    for label in ("financiert", "informeert", "werkt samen", "Richting", "Wederzijds"):
        assert label in text, label
    for name in ("Buurthuis De Kuil", "Huisartsenpraktijk", "Energiecoöp Zon"):
        assert name in text


def test_parts_are_packed_to_use_the_page(small: Store) -> None:
    pic = network.picture(small)
    for aspect in (1.3, 0.75):
        netpicture.pack(pic, aspect)
        xs, ys = [n.x for n in pic.nodes], [n.y for n in pic.nodes]
        assert max(xs) - min(xs) >= 0.6 and max(ys) - min(ys) >= 0.5, (aspect, xs, ys)
        assert all(0 <= v <= 1 for v in xs + ys)
    # spread over the page, not in its corners: dots in 7 or more of its 3 x 3 ninths
    netpicture.pack(pic, 1.3)
    assert len({(min(2, int(n.x * 3)), min(2, int(n.y * 3))) for n in pic.nodes}) >= 7
    # the two ends of every tie are apart: nobody sits on top of whom they are tied to
    for e in pic.edges:
        a, b = pic.nodes[e.a], pic.nodes[e.b]
        assert abs(a.x - b.x) * 1.3 + abs(a.y - b.y) >= 0.1


def test_at_most_eight_groups_each_with_its_own_shape_and_colour() -> None:
    groups = netpicture.GROUPS
    assert len(groups) <= 8
    assert len({g.shape for g in groups}) == len(groups)
    assert len({g.colour for g in groups}) == len(groups)
    for role in [*model.ROLES.keys(), None, "unknown"]:
        assert 0 <= netpicture.group_of(role) < len(groups)


def test_names_are_7_pt_or_more_on_a3_and_the_key_names_the_groups(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "big.wijk", name="Groot")
    lines = [f'org "Club {i}" #{("sportclub", "school", "zorg")[i % 3]}' for i in range(150)]
    lines += [f'"Club {i}" -> "Club {(i * 7 + 3) % 150}"' for i in range(150)]
    record(store, lines)
    pdf = tmp_path / "n.pdf"
    network.print_network(store, pdf, TEMPLATE, paper="A3")
    found = sizes(pdf)
    assert min(found.values()) >= 7, sorted(found.items(), key=lambda kv: kv[1])[:3]
    text = text_of(pdf)
    assert "sportclubs" in text and "scholen, bibliotheek" in text and "welzijn en zorg" in text
    assert "sleutelfiguren" not in text  # only the groups on the picture are in the key
    store.close()


def test_initiatives_and_places_go_on_it_when_asked(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "w.wijk", name="W")
    record(
        store,
        [
            'org "Buurthuis"',
            'org "Wijkteam"',
            '"Buurthuis" -> "Wijkteam"',
            'i "Zon op het dak" +"Buurthuis"',
            'p "De Kuil" #buurthuis',
            '"Wijkteam" -> "De Kuil" #ontmoet',
        ],
    )
    plain, both = tmp_path / "a.pdf", tmp_path / "b.pdf"
    network.print_network(store, plain, TEMPLATE)
    network.print_network(store, both, TEMPLATE, initiatives=True, places=True)
    assert "Zon op het dak" not in text_of(plain)
    assert "Zon op het dak" in text_of(both) and "De Kuil" in text_of(both)
    store.close()

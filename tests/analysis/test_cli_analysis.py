"""`workshop connectors`, `coverage` and `board` through click, as a user runs them."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli

LINES = [
    'org "Buurthuis De Bron" #welzijn groepen:"senioren, alleenstaanden"',
    'persoon "Dokter de Vries" #sleutelfiguur !5 consent:public',
    'persoon "Ayşe Yılmaz" #bewoner',  # consent internal: her name stays on this laptop
    'org "Energiecoöperatie \'t Hoekje" #energiecoop',
    'org "<b>[red]Bold & co</b>" #vereniging',
    '"Dokter de Vries" -> "Buurthuis De Bron"',
    '"Dokter de Vries" <-> "Energiecoöperatie \'t Hoekje"',
    '"Ayşe Yılmaz" -> "Buurthuis De Bron"',
    '"Energiecoöperatie \'t Hoekje" -- "<b>[red]Bold & co</b>"',
    "deelnemer Anna #appartement #senior #alleenstaand",
]


@pytest.fixture
def demo_file(store):
    record(store, LINES)
    return str(store.path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_connectors_json_is_only_json_sorted_and_agrees_with_networkx(demo_file, store) -> None:
    result = run("connectors", demo_file, "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["betweenness"] for r in rows] == sorted(
        (r["betweenness"] for r in rows), reverse=True
    )
    assert {"name", "betweenness", "degree", "articulation", "community"} <= set(rows[0])
    graph = nx.Graph()
    graph.add_nodes_from(a["id"] for a in store.rows("actor"))
    graph.add_edges_from((t["source_id"], t["target_id"]) for t in store.rows("tie"))
    ref = nx.betweenness_centrality(graph)
    for row in rows:
        assert row["betweenness"] == pytest.approx(ref[row["id"]], abs=1e-9)
    names = [r["name"] for r in rows]
    assert "Dokter de Vries" in names  # public consent
    assert "Ayşe Yılmaz" not in names and any(n.startswith("Bewoner ") for n in names)
    top = json.loads(run("connectors", demo_file, "--json", "--top", "2").stdout)
    assert top == rows[:2]


def test_connectors_text_is_the_facilitators_screen(demo_file) -> None:
    out = run("connectors", demo_file).stdout
    assert "Verbinders in Testwijk: 5 actoren, 4 verbanden" in out
    assert "Ayşe Yılmaz" in out  # internal consent: shown on the own screen
    assert "<b>[red]Bold & co</b>" in out  # user text verbatim
    assert "Wie verbindt wie:" in out and "Dokter de Vries (sleutelfiguur) ligt op" in out
    assert "◆" in out


def test_empty_network_and_bad_top(store) -> None:
    out = run("connectors", str(store.path))
    assert out.exit_code == 0 and "Nog geen actoren" in out.stdout
    assert json.loads(run("connectors", str(store.path), "--json").stdout) == []
    bad = CliRunner().invoke(cli, ["connectors", str(store.path), "--top", "0"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_coverage_text_and_json(demo_file) -> None:
    out = run("coverage", demo_file).stdout
    assert "woningtype × levensfase × huishouden (36 combinaties)" in out
    assert "Lege combinaties (35):" in out
    assert "→ Buurthuis De Bron: senior (groepen: senioren)" in out
    data = json.loads(run("coverage", demo_file, "--json").stdout)
    assert len(data["cells"]) == 36 and len(data["gaps"]) == 35
    assert sum(c["participants"] for c in data["cells"]) == 1


def test_coverage_without_a_board_is_one_clear_line(demo_file) -> None:
    for key in ("housing", "life_stage", "household"):
        assert run("board", demo_file, "--remove", key).exit_code == 0
    result = CliRunner().invoke(cli, ["coverage", demo_file])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "workshop board" in result.stderr


def test_board_shows_and_edits(demo_file) -> None:
    out = run(
        "board",
        demo_file,
        "--set",
        "eigendom",
        "koop|owned, huur|rented",
        "--label",
        "eigendom|tenure",
    ).stdout
    assert "dimensie eigendom: koop, huur" in out and "eigendom (eigendom): koop, huur" in out
    result = CliRunner().invoke(cli, ["board", demo_file, "--remove", "nope"])
    assert result.exit_code == 1 and "geen dimensie 'nope'" in result.stderr


def test_a_large_network_says_first_that_it_takes_a_while(demo_file, monkeypatch) -> None:
    from workshop.analysis import large

    assert "duurt even" not in run("connectors", demo_file, "--json").stderr
    monkeypatch.setattr(large, "SLOW_WORK", 0)
    result = run("connectors", demo_file, "--json")
    assert result.stderr == (
        "Groot netwerk (5 actoren, 4 verbanden): de verbinders berekenen duurt even...\n"
    )
    assert json.loads(result.stdout)  # stdout stays the JSON alone

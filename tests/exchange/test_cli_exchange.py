"""`workshop export` and `workshop import` as a user runs them."""

from __future__ import annotations

import json

import networkx as nx
from click.testing import CliRunner

from workshop.cli import cli
from workshop.file.store import Store


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_every_format_is_written(demo_file, tmp_path) -> None:
    for fmt, name in (
        ("geojson", "d.geojson"),
        ("graphml", "d.graphml"),
        ("gexf", "d.gexf"),
        ("json", "d.json"),
        ("csv", "csv"),
        ("kumu", "kumu"),
    ):
        result = run("export", demo_file, "--format", fmt, "-o", tmp_path / name)
        assert result.exit_code == 0 and "geschreven" in result.stdout
    assert json.loads((tmp_path / "d.geojson").read_text())["type"] == "FeatureCollection"
    assert nx.read_graphml(tmp_path / "d.graphml").number_of_nodes() > 20
    assert (tmp_path / "csv" / "place.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_geojson_to_stdout_is_only_json(demo_file) -> None:
    result = run("export", demo_file, "--format", "geojson", "-o", "-")
    assert json.loads(result.stdout)["features"]
    refused = CliRunner().invoke(cli, ["export", str(demo_file), "--format", "gexf", "-o", "-"])
    assert refused.exit_code == 1 and "Traceback" not in refused.output


def test_import_csv_and_kumu_from_the_command_line(demo_file, tmp_path) -> None:
    run("export", demo_file, "--format", "csv", "-o", tmp_path / "csv", "--delimiter", ";")
    run("export", demo_file, "--format", "kumu", "-o", tmp_path / "kumu")
    target = tmp_path / "nieuw.wijk"
    Store.create(target, name="Nieuw").close()
    out = run("import", target, "--csv", "all", tmp_path / "csv").stdout
    assert "geïmporteerd:" in out and "GEDEELTELIJK" not in out
    other = tmp_path / "ander.wijk"
    Store.create(other, name="Ander").close()
    out = run(
        "import",
        other,
        "--kumu",
        tmp_path / "kumu" / "elements.csv",
        tmp_path / "kumu" / "connections.csv",
    ).stdout
    assert "33 nieuwe actoren" in out


def test_partial_import_is_labelled(demo_file, tmp_path) -> None:
    sheet = tmp_path / "tie.csv"
    sheet.write_text("source_id,target_id\nDokter Hoogland,Niemand\n", encoding="utf-8")
    out = run("import", demo_file, "--csv", "tie", sheet).stdout
    assert "GEDEELTELIJK: 1 rij niet geïmporteerd" in out and "Niemand" in out


def test_import_needs_exactly_one_source(demo_file, tmp_path) -> None:
    for args in ([], ["--csv", "place", "x.csv", "--kumu", "a.csv", "b.csv"]):
        result = CliRunner().invoke(cli, ["import", str(demo_file), *args])
        assert result.exit_code == 2 and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["import", str(demo_file), "--csv", "fietsen", "x.csv"])
    assert result.exit_code == 1 and "Onbekende soort 'fietsen'" in result.stderr


def test_a_format_of_files_to_stdout_is_refused_in_one_dutch_line(demo_file) -> None:
    result = CliRunner().invoke(cli, ["export", str(demo_file), "--format", "xlsx", "-o", "-"])
    assert result.exit_code == 1
    assert result.output == (
        "workshop: --format xlsx wordt een bestand, niet de terminal: geef -o NAAM.xlsx.\n"
    )

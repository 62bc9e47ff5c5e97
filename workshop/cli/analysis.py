"""Commands that analyse a file: connectors, coverage, and board (the sounding board's
dimensions that coverage crosses).

The text output is the facilitator's own screen (output `terminal` of `workshop.file.redaction`,
audience `internal`); `--json` is an artefact that travels, so it names persons only as exports
do (output `json`, audience `export`: public consent). Both pass through the one redaction."""

from __future__ import annotations

import json
from pathlib import Path

import click

from workshop import outputs
from workshop.analysis import board as board_lib
from workshop.analysis import connectors as connectors_lib
from workshop.analysis import coverage as coverage_lib
from workshop.analysis import large, report
from workshop.cli import cli, open_store
from workshop.file import redaction
from workshop.i18n import UserError, t


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="A JSON array on stdout, persons named as in exports (public consent).",
)
@click.option("--top", type=click.IntRange(min=1), help="Only the first N actors.")
def connectors(file: Path, as_json: bool, top: int | None) -> None:
    """The connecting actors: betweenness, contacts, groups, bridges, articulation points."""
    with outputs.collector_paused():  # (collections: 0.38 s of 5,000 actors, 0.16 paused)
        store = open_store(file, readonly=True)
        actors, ties = store.count("actor"), store.count("tie")
        if large.is_large(actors, ties):
            large.preload()  # the compiled search loads while the network is read
        if large.is_slow(actors, ties):  # on stderr: stdout is the table or the JSON
            click.echo(report.wait_line(actors, ties, store.lang), err=True)
        network, rows = connectors_lib.cached(store, max(top or 0, 20))
        if as_json:
            document = report.connectors_json(rows, store.lang, top, estimate=network.estimate)
            _echo_json(redaction.for_output(store, "json").json(document))
            return
        facts = connectors_lib.overview(network, rows)
        scrub = redaction.for_output(store, "terminal")
        for line in report.connectors_text(
            network, rows, facts, store.neighbourhood()["name"], store.lang, top
        ):
            click.echo(scrub.text(line))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="A JSON object on stdout, persons named as in exports (public consent).",
)
def coverage(file: Path, as_json: bool) -> None:
    """The sounding board's matrix: who is in each combination, the gaps, who could fill them."""
    store = open_store(file, readonly=True)
    cov = coverage_lib.coverage(store)
    name = store.neighbourhood()["name"]
    if not cov.has_board:
        raise UserError("coverage_no_board", name=name)
    if cov.too_large:
        raise UserError(
            "coverage_too_large",
            cells=coverage_lib.matrix_size(cov.dimensions),
            limit=coverage_lib.MAX_CELLS,
        )
    if as_json:
        _echo_json(redaction.for_output(store, "json").json(report.coverage_json(cov, store.lang)))
        return
    scrub = redaction.for_output(store, "terminal")
    for line in report.coverage_text(cov, name, store.lang):
        click.echo(scrub.text(line))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--set",
    "set_",
    nargs=2,
    metavar="DIMENSION VALUES",
    help='Replace or add a dimension: --set woningtype "rijwoning|terraced, flat|apartment".',
)
@click.option("--label", metavar="NL|EN", help="The dimension's label, with --set.")
@click.option("--remove", metavar="DIMENSION", help="Drop a dimension.")
def board(file: Path, set_: tuple[str, str] | None, label: str | None, remove: str | None) -> None:
    """Show or edit the sounding board's dimensions (default: Zeist's housing type x life
    stage x household)."""
    store = open_store(file)
    lang = store.lang
    if set_:
        dim = board_lib.set_dimension(store, set_[0], set_[1], label)
        click.echo(
            t("board_set", lang, dim=dim.key, values=", ".join(v.label(lang) for v in dim.values))
        )
    if remove:
        dim = board_lib.remove_dimension(store, remove)
        click.echo(t("board_removed", lang, dim=dim.key))
    dims = store.dimensions()
    if not dims:
        click.echo(t("board_none", lang))
    for dim in dims:
        click.echo(
            f"{dim.key} ({dim.label(lang)}): " + ", ".join(v.label(lang) for v in dim.values)
        )

"""Commands that move data in and out: import, export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workshop.cli import cli, open_store
from workshop.exchange import csv_import, geojson, graph, kumu, osm_import, tables
from workshop.file import outputs
from workshop.i18n import t

EXPORTS_DIR = Path("exports")
SINGLE_FILE = {"json": ".json", "geojson": ".geojson", "graphml": ".graphml", "gexf": ".gexf"}
FOLDER_FORMATS = ("csv", "kumu")
FORMATS = ("csv", "json", "geojson", "graphml", "gexf", "kumu")


@cli.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kumu",
    "kumu_files",
    nargs=2,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="ELEMENTS.csv CONNECTIONS.csv",
    help="Kumu's spreadsheet layout: elements and connections (CSV, UTF-16 text, or "
    "one .xlsx workbook given twice).",
)
@click.option(
    "--csv",
    "csv_args",
    nargs=2,
    metavar="KIND FILE",
    help="A CSV written by export --format csv: KIND is its table (place, actor, "
    "tie, ...), or 'all' with the export folder.",
)
@click.option(
    "--consent",
    type=click.Choice(["none", "internal", "print", "public"]),
    default="internal",
    show_default=True,
    help="Consent recorded for persons from a Kumu sheet without a Consent column.",
)
@click.option(
    "--osm",
    "osm_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="EXTRACT",
    help="An OpenStreetMap extract (.osm or .osm.pbf) for the map.",
)
@click.option(
    "--places", is_flag=True, help="With --osm: add the extract's named amenities as places."
)
def import_(
    file: Path,
    kumu_files: tuple[Path, Path] | None,
    csv_args: tuple[str, str] | None,
    consent: str,
    osm_path: Path | None,
    places: bool,
) -> None:
    """Import into FILE: actors and ties from Kumu sheets, records from CSV exports, or the
    map from an OpenStreetMap extract."""
    if not (kumu_files or csv_args or osm_path) or (kumu_files and csv_args):
        raise click.UsageError(
            "say what to import: --kumu ELEMENTS.csv CONNECTIONS.csv, "
            "--csv KIND FILE (--csv all FOLDER) or --osm EXTRACT"
        )
    store = open_store(file)
    lang = store.lang
    if osm_path is not None:
        for line in osm_import.import_osm(store, osm_path, str(file), add=places):
            click.echo(line)
    report: kumu.ImportReport | csv_import.CsvReport
    if kumu_files:
        report = kumu.import_kumu(store, kumu_files[0], kumu_files[1], consent=consent)
        key = "cli_kumu_imported" if report.initiatives or report.places else "cli_imported"
        click.echo(
            t(
                key,
                lang,
                created=report.created,
                updated=report.updated,
                ties=report.ties,
                initiatives=report.initiatives,
                places=report.places,
            )
        )
    elif csv_args:
        kind, source = csv_args
        if kind.casefold() in ("all", "alles"):
            report = csv_import.import_folder(store, Path(source))
        else:
            report = csv_import.import_csv(store, kind, Path(source))
        click.echo(
            t(
                "cli_csv_imported",
                lang,
                inserted=report.inserted,
                updated=report.updated,
                unchanged=report.unchanged,
            )
        )
    else:
        return
    if report.skipped:
        click.echo(t("cli_partial", lang, skipped=report.skipped))
    for notice in report.notices:
        click.echo(f"  {notice}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(FORMATS),
    help="csv: one file per table; json: the whole file; geojson: places and "
    "initiatives; graphml, gexf: the actor network; kumu: actors and ties.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File ('-' for stdout) or folder (csv, kumu). Default: exports/.",
)
@click.option("--anonymise", is_flag=True, help="Every person a role pseudonym, no contacts.")
@click.option(
    "--delimiter",
    type=click.Choice([",", ";"]),
    default=",",
    show_default=True,
    help="CSV delimiter (';' for Excel in a Dutch locale: decimals with a comma).",
)
def export(file: Path, fmt: str, output: Path | None, anonymise: bool, delimiter: str) -> None:
    """Export FILE for other tools. Persons appear by name only with public consent."""
    store = open_store(file, readonly=True)
    stem = file.name.removesuffix(".wijk") or "wijk"
    if fmt in SINGLE_FILE:
        to_stdout = output is not None and str(output) == "-"
        if to_stdout and fmt in ("json", "geojson"):
            write = tables.export_json if fmt == "json" else geojson.export_geojson
            sys.stdout.write(write(store, None, anonymise=anonymise) + "\n")
            return
        if to_stdout:
            raise click.UsageError(
                f"--format {fmt} is written to a file: give -o NAME{SINGLE_FILE[fmt]}"
            )
        target = output or EXPORTS_DIR / f"{stem}{SINGLE_FILE[fmt]}"
        if fmt == "json":
            tables.export_json(store, target, anonymise=anonymise)
        elif fmt == "geojson":
            geojson.export_geojson(store, target, anonymise=anonymise)
        elif fmt == "graphml":
            graph.export_graphml(store, target, anonymise=anonymise)
        else:
            graph.export_gexf(store, target, anonymise=anonymise)
        written = [target]
    else:
        folder = output or EXPORTS_DIR / f"{stem}-{fmt}"
        if fmt == "csv":
            written = tables.export_csv(store, folder, anonymise=anonymise, delimiter=delimiter)
        else:
            written = kumu.export_kumu(store, folder, anonymise=anonymise)
    outputs.record(store, written, kind=fmt, audience="export", anonymised=anonymise)
    for path in written:
        click.echo(t("cli_written", store.lang, path=str(path)))

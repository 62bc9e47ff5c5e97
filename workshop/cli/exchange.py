"""Commands that move data in and out: import, export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workshop import exchange
from workshop.cli import cli, open_store
from workshop.i18n import UserError, plural, t


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
    "tie, ...), or 'all' with the export folder (or the .xlsx workbook).",
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
    "--places",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[KINDS]",
    help="With --osm: add the extract's named amenities as places: community centres, "
    "schools, libraries, worship, care, sports, markets, parks, playgrounds, gardens, squares "
    "and town halls; or the kinds named (--places buurthuis,bibliotheek,school), or all.",
)
def import_(
    file: Path,
    kumu_files: tuple[Path, Path] | None,
    csv_args: tuple[str, str] | None,
    consent: str,
    osm_path: Path | None,
    places: str | None,
) -> None:
    """Import into FILE: actors and ties from Kumu sheets, records from CSV exports, or the
    map from an OpenStreetMap extract."""
    if not (kumu_files or csv_args or osm_path) or (kumu_files and csv_args):
        raise click.UsageError(
            "say what to import: --kumu ELEMENTS.csv CONNECTIONS.csv, "
            "--csv KIND FILE (--csv all FOLDER) or --osm EXTRACT"
        )
    # The importers (sqlite-utils, openpyxl, the OSM reader) load here, not for `export`.
    from workshop.exchange import csv_import, kumu, osm_import

    store = open_store(file)
    lang = store.lang
    if osm_path is not None:
        add = places is not None
        for line in osm_import.import_osm(store, osm_path, str(file), add=add, kinds=places):
            click.echo(line)
    report: kumu.ImportReport | csv_import.CsvReport
    if kumu_files:
        report = kumu.import_kumu(store, kumu_files[0], kumu_files[1], consent=consent)
        click.echo(kumu.summary(report))
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
        click.echo(t("cli_partial", lang, skipped=plural("n_row", report.skipped, lang)))
    for notice in report.notices:
        click.echo(f"  {notice}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(list(exchange.FORMATS)),
    help="csv: one file per table; json: the whole file; geojson: places and "
    "initiatives; graphml, gexf: the actor network; kumu: actors and ties; "
    "xlsx: one workbook, a sheet per table.",
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
    type=click.Choice(list(exchange.DELIMITERS)),
    default=",",
    show_default=True,
    help="CSV delimiter (';' for Excel in a Dutch locale: decimals with a comma).",
)
@click.option(
    "--initiatives",
    "kumu_records",
    is_flag=True,
    help="With --format kumu: places and initiatives too, as elements of type Place and "
    "Project, with the actors' links to them.",
)
def export(
    file: Path,
    fmt: str,
    output: Path | None,
    anonymise: bool,
    delimiter: str,
    kumu_records: bool,
) -> None:
    """Export FILE for other tools. Persons appear by name only with public consent."""
    store = open_store(file, readonly=True)
    spec = exchange.FORMATS[fmt]
    if output is not None and str(output) == "-":
        if not spec.text:
            raise UserError("cli_export_not_to_stdout", fmt=fmt, suffix=spec.suffix or "")
        sys.stdout.write(exchange.export_text(store, fmt, anonymise=anonymise) + "\n")
        return
    written = exchange.export(
        store, fmt, output, anonymise=anonymise, delimiter=delimiter, kumu_records=kumu_records
    )
    for path in written:
        click.echo(t("cli_written", store.lang, path=str(path)))

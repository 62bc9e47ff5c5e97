"""Commands that move data in and out: import, export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workshop.cli import cli, open_store
from workshop.exchange import kumu, osm_import, tables
from workshop.i18n import t

EXPORTS_DIR = Path("exports")
SINGLE_FILE = {"json": ".json"}
FOLDER_FORMATS = ("csv", "kumu")


@cli.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kumu", "kumu_files", nargs=2, type=click.Path(dir_okay=False, path_type=Path),
              metavar="ELEMENTS.csv CONNECTIONS.csv",
              help="Kumu's spreadsheet layout: elements and connections.")
@click.option("--consent", type=click.Choice(["none", "internal", "print", "public"]),
              default="internal", show_default=True,
              help="Consent recorded for imported persons.")
@click.option("--osm", "osm_path", type=click.Path(dir_okay=False, path_type=Path),
              metavar="EXTRACT", help="An OpenStreetMap extract (.osm or .osm.pbf) for the map.")
@click.option("--places", is_flag=True,
              help="With --osm: add the extract's named amenities as places.")
def import_(file: Path, kumu_files: tuple[Path, Path] | None, consent: str,
            osm_path: Path | None, places: bool) -> None:
    """Import actors and ties (Kumu), or the map (OpenStreetMap), into FILE."""
    if not kumu_files and osm_path is None:
        raise click.UsageError("say what to import: --kumu ELEMENTS.csv CONNECTIONS.csv "
                               "or --osm EXTRACT")
    store = open_store(file)
    if osm_path is not None:
        for line in osm_import.import_osm(store, osm_path, str(file), add=places):
            click.echo(line)
    if not kumu_files:
        return
    report = kumu.import_kumu(store, kumu_files[0], kumu_files[1], consent=consent)
    click.echo(t("cli_imported", store.lang, created=report.created, updated=report.updated,
                 ties=report.ties))
    for notice in report.notices:
        click.echo(f"  {notice}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(["csv", "json", "kumu"]),
              help="csv: one file per table; json: the whole file; kumu: actors and ties.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File (json; '-' for stdout) or folder (csv, kumu). Default: exports/.")
@click.option("--anonymise", is_flag=True, help="Every person a role pseudonym, no contacts.")
@click.option("--delimiter", type=click.Choice([",", ";"]), default=",", show_default=True,
              help="CSV delimiter (';' for Excel in a Dutch locale).")
def export(file: Path, fmt: str, output: Path | None, anonymise: bool, delimiter: str) -> None:
    """Export FILE for other tools. Persons appear by name only with public consent."""
    store = open_store(file, readonly=True)
    stem = file.name.removesuffix(".wijk") or "wijk"
    if fmt in SINGLE_FILE:
        if output is not None and str(output) == "-":
            sys.stdout.write(tables.export_json(store, None, anonymise=anonymise) + "\n")
            return
        target = output or EXPORTS_DIR / f"{stem}{SINGLE_FILE[fmt]}"
        tables.export_json(store, target, anonymise=anonymise)
        written = [target]
    else:
        folder = output or EXPORTS_DIR / f"{stem}-{fmt}"
        if fmt == "csv":
            written = tables.export_csv(store, folder, anonymise=anonymise, delimiter=delimiter)
        else:
            written = kumu.export_kumu(store, folder, anonymise=anonymise)
    for path in written:
        click.echo(t("cli_written", store.lang, path=str(path)))

"""`workshop scan FILE PHOTO...`: photos of the posters back into the file (library:
`workshop.paper.scan`). One line per sticker on the facilitator's terminal; `--json` is the
same report for scripts, persons named as exports name them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from workshop.cli import cli, open_store
from workshop.file import redaction
from workshop.paper import report as reporting
from workshop.paper import scan as scanning


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("photos", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what the photos give; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="The report as a JSON object on stdout.")
@click.option(
    "--overwrite",
    is_flag=True,
    help="Also move records whose coordinates were typed by hand to where their sticker is.",
)
def scan(
    file: Path, photos: tuple[Path, ...], dry_run: bool, as_json: bool, overwrite: bool
) -> None:
    """Photos of the posters back in: every sticker's record gets the exact point and cell
    where it was stuck (one undoable step)."""
    store = open_store(file, readonly=dry_run)
    done = scanning.scan(store, list(photos), overwrite=overwrite, dry_run=dry_run)
    if as_json:
        document = reporting.report_json(done, store.lang)
        click.echo(
            json.dumps(
                redaction.for_output(store, "json").json(document), ensure_ascii=False, indent=2
            )
        )
        return
    scrub = redaction.for_output(store, "terminal")
    for line in reporting.report_lines(done, store.lang, file=str(file)):
        click.echo(scrub.text(line))

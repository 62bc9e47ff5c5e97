"""`workshop print network` and `workshop print summary`: the network poster and the PDF
summary, in the printing helper's `print` group with its shared options."""

from __future__ import annotations

from pathlib import Path

import click

from workshop.cli import open_store
from workshop.cli.printing import print_group
from workshop.cli.printopts import (
    file_argument,
    glyphs_option,
    load_template,
    output_option,
    paper_option,
    refuse_missing_glyphs,
    report,
    template_option,
)
from workshop.printing.table import print_out


@print_group.command(name="network")
@file_argument
@output_option
@paper_option("network")
@template_option
@glyphs_option
@click.option("--initiatives", is_flag=True, help="Also the initiatives and who drives them.")
@click.option("--places", is_flag=True, help="Also the places and who meets there.")
def network(
    file: Path,
    output: Path | None,
    paper: str,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    initiatives: bool,
    places: bool,
) -> None:
    """The network poster: actors sized by influence, coloured by role, connectors marked."""
    store = open_store(file, readonly=True)
    result = print_out(
        store,
        "network",
        output,
        load_template(template_path),
        paper=paper,
        initiatives=initiatives,
        places=places,
    )
    report(store, result)
    refuse_missing_glyphs(result, allow_missing_glyphs)


@print_group.command(name="summary")
@file_argument
@output_option
@paper_option("summary")
@template_option
@glyphs_option
@click.option(
    "--card-photos",
    is_flag=True,
    help="End the appendix with the photographed cards, as the residents wrote them"
    " (handwriting: personal data; the PDF is then recorded as internal).",
)
def summary(
    file: Path,
    output: Path | None,
    paper: str,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    card_photos: bool,
) -> None:
    """The PDF summary for the municipality and the participants (only consented names)."""
    store = open_store(file, readonly=True)
    result = print_out(
        store,
        "summary",
        output,
        load_template(template_path),
        paper=paper,
        card_photos=card_photos,
    )
    report(store, result)
    refuse_missing_glyphs(result, allow_missing_glyphs)

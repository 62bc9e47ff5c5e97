"""`workshop print network` and `workshop print summary`: the network poster and the PDF
summary, in the printing helper's `print` group with its shared options."""

from __future__ import annotations

from pathlib import Path

from workshop.cli import open_store
from workshop.cli.printing import print_group
from workshop.cli.printopts import (
    file_argument,
    load_template,
    output_option,
    output_path,
    paper_option,
    report,
    template_option,
)


@print_group.command(name="network")
@file_argument
@output_option
@paper_option("A3")
@template_option
def network(file: Path, output: Path | None, paper: str, template_path: Path | None) -> None:
    """The network poster: actors sized by influence, coloured by role, connectors marked."""
    from workshop.printing.network import print_network  # loaded when used: quick startup

    store = open_store(file, readonly=True)
    result = print_network(
        store,
        output_path(file, output, f"network-{paper.upper()}"),
        load_template(template_path),
        paper=paper,
    )
    report(store, result)


@print_group.command(name="summary")
@file_argument
@output_option
@paper_option("A4")
@template_option
def summary(file: Path, output: Path | None, paper: str, template_path: Path | None) -> None:
    """The PDF summary for the municipality and the participants (only consented names)."""
    from workshop.printing.summary.build import print_summary  # loaded when used: quick startup

    store = open_store(file, readonly=True)
    result = print_summary(
        store, output_path(file, output, "summary"), load_template(template_path), paper=paper
    )
    report(store, result)

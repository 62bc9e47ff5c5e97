"""`workshop print ...`: initiative cards, blank cards, base maps and result maps, and the
confidential key to the pseudonyms, as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from workshop.cli import PRINT_ALIASES, PRINT_COMMANDS, LazyGroup, cli, open_store
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
from workshop.i18n import UserError, t
from workshop.printing.table import LAYOUTS, PRINTOUTS, print_out

LAYOUT = click.Choice(list(LAYOUTS))


@cli.group(name="print", cls=LazyGroup, lazy=PRINT_COMMANDS, aliases=PRINT_ALIASES)
def print_group() -> None:
    """Print cards and maps as PDF (into printouts/ unless -o says otherwise)."""


def _numbers(text: str | None) -> set[int] | None:
    """`3,5-7` -> {3, 5, 6, 7}."""
    if not text:
        return None
    out: set[int] = set()
    try:
        for part in text.replace(" ", "").split(","):
            low, _, high = part.partition("-")
            first, last = int(low), int(high or low)
            if last < first or last - first > 100_000:
                raise ValueError(part)
            out.update(range(first, last + 1))
    except ValueError:
        raise UserError("bad_numbers", value=text) from None
    return out


@print_group.command(name="cards")
@file_argument
@output_option
@template_option
@glyphs_option
@click.option(
    "--layout",
    type=LAYOUT,
    default=PRINTOUTS["cards"].options["layout"],
    show_default=True,
    help="Four A6 cards to an A4 with cut lines, or one A6 card per page.",
)
@click.option("--only", metavar="NUMBERS", help="Only these card numbers, e.g. 3,5-7.")
def print_cards(
    file: Path,
    output: Path | None,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    layout: str,
    only: str | None,
) -> None:
    """Initiative cards of FILE, with QR codes."""
    store = open_store(file, readonly=True)
    result = print_out(
        store, "cards", output, load_template(template_path), layout=layout, numbers=_numbers(only)
    )
    report(store, result)
    refuse_missing_glyphs(result, allow_missing_glyphs)


@print_group.command(name="blank-cards")
@file_argument
@output_option
@template_option
@glyphs_option
@click.option(
    "--count",
    type=int,
    default=PRINTOUTS["blank-cards"].options["count"],
    show_default=True,
    help="How many cards.",
)
@click.option(
    "--layout", type=LAYOUT, default=PRINTOUTS["blank-cards"].options["layout"], show_default=True
)
def print_blank_cards(
    file: Path,
    output: Path | None,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    count: int,
    layout: str,
) -> None:
    """Numbered blank cards to fill in by hand; their numbers are reserved in FILE."""
    _print_reserving(
        file,
        "blank-cards",
        "print_reserved",
        output,
        template_path,
        allow_missing_glyphs,
        count=count,
        layout=layout,
    )


@print_group.command(name="stickers")
@file_argument
@output_option
@template_option
@glyphs_option
@click.option(
    "--count",
    type=int,
    default=PRINTOUTS["stickers"].options["count"],
    show_default=True,
    help="How many stickers (65 fill one A4 label sheet).",
)
def print_stickers(
    file: Path,
    output: Path | None,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    count: int,
) -> None:
    """Numbered stickers for the poster, on a label sheet; their numbers are reserved in FILE."""
    _print_reserving(
        file,
        "stickers",
        "print_stickers_reserved",
        output,
        template_path,
        allow_missing_glyphs,
        count=count,
    )


def _print_reserving(
    file: Path,
    what: str,
    reserved: str,
    output: Path | None,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    **options: Any,
) -> None:
    """Print a printout that reserves numbers in FILE, and say which numbers it reserved."""
    store = open_store(file)
    result = print_out(store, what, output, load_template(template_path), **options)
    report(store, result)
    first, last = result.numbers[0], result.numbers[-1]
    click.echo(t(reserved, store.lang, first=first, last=last, file=str(file)))
    refuse_missing_glyphs(result, allow_missing_glyphs)


_TILES = click.option(
    "--tiles", is_flag=True, help="The poster cut into A4 sheets to tape together."
)


@print_group.command(name="map")
@file_argument
@output_option
@paper_option("map")
@template_option
@glyphs_option
@_TILES
def print_map(
    file: Path,
    output: Path | None,
    paper: str,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    tiles: bool,
) -> None:
    """The base map with its grid (a grid sheet when FILE has no OSM extract)."""
    _map("map", file, output, paper, template_path, tiles, allow_missing_glyphs)


@print_group.command(name="result-map")
@file_argument
@output_option
@paper_option("result-map")
@template_option
@glyphs_option
@_TILES
def print_result_map(
    file: Path,
    output: Path | None,
    paper: str,
    template_path: Path | None,
    allow_missing_glyphs: bool,
    tiles: bool,
) -> None:
    """The map with numbered markers for places and initiatives, and their key."""
    _map("result-map", file, output, paper, template_path, tiles, allow_missing_glyphs)


def _map(
    what: str,
    file: Path,
    output: Path | None,
    paper: str,
    template_path: Path | None,
    tiles: bool,
    allow_missing_glyphs: bool,
) -> None:
    # Writable: every sheet's print record goes into the file (`workshop scan` maps photos
    # back by it); a read-only file still prints, and the report says it cannot be scanned.
    store = open_store(file, readonly_if_must=True)
    result = print_out(store, what, output, load_template(template_path), paper=paper, tiles=tiles)
    report(store, result)
    refuse_missing_glyphs(result, allow_missing_glyphs)


@print_group.command(name="key")
@file_argument
@output_option
@paper_option("key")
@template_option
@glyphs_option
def print_key(
    file: Path,
    output: Path | None,
    paper: str,
    template_path: Path | None,
    allow_missing_glyphs: bool,
) -> None:
    """The confidential key (also: print sleutel): who each pseudonym on paper and in exports
    is. For the facilitator only.

    Every page is marked as confidential. The file records the PDF, so `workshop forget`
    names it; keep it apart from the printouts, and destroy it when it is no longer needed."""
    store = open_store(file, readonly=True)
    result = print_out(store, "key", output, load_template(template_path), paper=paper)
    report(store, result)
    refuse_missing_glyphs(result, allow_missing_glyphs)

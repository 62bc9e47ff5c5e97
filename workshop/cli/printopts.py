"""The options every `workshop print ...` command shares, as decorators, and how a command
reports what it wrote. `print network` and `print summary` use the same ones. What a printout
is called, its defaults and its file name come from the printing table
(`workshop.printing.table`), which the TUI's F8 uses too."""

from __future__ import annotations

from pathlib import Path

import click

from workshop.file.store import Store
from workshop.i18n import UserError, t
from workshop.printing import templates
from workshop.printing.sheet import PAPERS, PrintResult
from workshop.printing.table import PRINTOUTS


def file_argument(f):
    return click.argument("file", type=click.Path(dir_okay=False, path_type=Path))(f)


def output_option(f):
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="OUT.pdf",
        help="The PDF to write. Default: printouts/FILE-KIND.pdf.",
    )(f)


def paper_option(what: str):
    def decorate(f):
        return click.option(
            "--paper",
            type=click.Choice(list(PAPERS), case_sensitive=False),
            default=PRINTOUTS[what].paper,
            show_default=True,
            help="Paper size.",
        )(f)

    return decorate


def template_option(f):
    return click.option(
        "--template",
        "template_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="A template (TOML) with your own colours, fonts, logo and texts.",
    )(f)


def glyphs_option(f):
    return click.option(
        "--allow-missing-glyphs",
        is_flag=True,
        help="Accept a '?' for a character no font has (still named); without it that exits 1.",
    )(f)


def load_template(path: Path | None) -> templates.Template:
    return templates.load(path)


def report(store: Store, result: PrintResult) -> None:
    """What was written (`print_out` has recorded it in the file), and anything the user
    should know about it."""
    lang = store.lang
    click.echo(t("print_written", lang, path=str(result.path), pages=result.pages))
    for notice in result.notices:
        click.echo(f"  {notice}")
    if result.missing:
        chars = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(result.missing))
        click.echo("  " + t("print_missing_glyphs", lang, chars=chars))
        for text in sorted(result.lost):
            lost = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(result.lost[text]))
            click.echo(
                "  " + t("print_missing_in", lang, printout=result.path.name, text=text, chars=lost)
            )


def refuse_missing_glyphs(result: PrintResult, allow: bool) -> None:
    """A printout in which a character had no glyph is written (to be looked at) and named by
    `report`; the command then exits 1 with how to go on, unless `--allow-missing-glyphs`.
    Call it last, after everything the command says."""
    lost = result.missing.union(*result.lost.values())
    if lost and not allow:
        count = len(lost)
        key = "cli_print_glyphs_missing_one" if count == 1 else "cli_print_glyphs_missing_other"
        raise UserError(key, printout=str(result.path), n=count)

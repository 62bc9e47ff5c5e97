"""Commands for the file itself: new, demo, capture, undo, redo, check."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from workshop import demo as demo_data
from workshop.capture.grammar import parse
from workshop.capture.record import near_duplicate_notices, record
from workshop.cli import cli, default_lang, open_store
from workshop.cli.textin import decode_input, say_decoded, text_argument
from workshop.exchange import osm_import
from workshop.file.check import check_file, file_language
from workshop.file.salvage import SalvageReport
from workshop.file.salvage import salvage as salvage_file
from workshop.file.store import Store
from workshop.i18n import UserError, t
from workshop.model import Context, Grid
from workshop.osm import extract as osm


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--name", required=True, help="The neighbourhood's name.")
@click.option("--municipality", help="The municipality.")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of screens and printouts.",
)
@click.option(
    "--grid",
    "grid_text",
    default=None,
    help="Columns x rows of the map grid [default: 8x6; with --osm, about 48 square cells].",
)
@click.option("--base-url", help="Base URL for the cards' QR codes (card number appended).")
@click.option(
    "--osm",
    "osm_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="EXTRACT",
    help="An OpenStreetMap extract (.osm or .osm.pbf): the map.",
)
def new(
    file: Path,
    name: str,
    municipality: str | None,
    lang: str,
    grid_text: str | None,
    base_url: str | None,
    osm_path: Path | None,
) -> None:
    """Create a neighbourhood file."""
    click.get_current_context().meta["workshop.lang"] = lang
    name = text_argument(name, "--name") or ""
    municipality = text_argument(municipality, "--municipality")
    try:
        grid = Grid.from_text(grid_text or "8x6")
    except ValueError:
        raise UserError("bad_grid", value=grid_text) from None
    if osm_path is not None:  # read and check the extract before the file exists
        extract, data = osm.read_extract(osm_path)
        if grid_text is None:  # cells close to square on this extent
            grid = osm.square_grid(data.bounds)
        store = osm_import.create_with_extract(
            file,
            extract,
            data,
            name=name,
            municipality=municipality,
            lang=lang,
            grid=grid,
            base_url=base_url,
        )
    else:
        store = Store.create(
            file, name=name, municipality=municipality, lang=lang, grid=grid, base_url=base_url
        )
    click.echo(
        t(
            "cli_created",
            lang,
            name=name,
            path=str(file),
            grid=f"{grid.cols}x{grid.rows}",
            last=grid.last_cell,
        )
    )
    if osm_path is not None:
        for line in osm_import.report_lines(store, extract, data, str(file), str(osm_path)):
            click.echo(line)
    store.close()


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-tui", is_flag=True, help="Only build the file and print what is in it.")
@click.option("--fresh", is_flag=True, help="Rebuild the demo file even if it exists.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def demo(file: Path | None, no_tui: bool, fresh: bool, lang: str) -> None:
    """The bundled demo neighbourhood (De Kersenbuurt); opens the TUI unless --no-tui."""
    path = file or Path(demo_data.DEFAULT_FILE)
    click.get_current_context().meta["workshop.lang"] = lang
    if fresh and path.exists():
        Store.open(path).close()  # refuse to delete anything that is not a workshop file
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    if path.exists():
        store = open_store(path)
        click.echo(t("cli_demo_reused", store.lang, path=str(path)))
    else:
        store = demo_data.build(path, lang=lang)
        click.echo(t("cli_demo_built", lang, path=str(path)))
    _print_counts(store)
    if no_tui:
        click.echo(t("cli_demo_next", store.lang, path=str(path)))
        return
    from workshop.cli.tui import run_app

    run_app(store)


def _print_counts(store: Store) -> None:
    n = store.neighbourhood()
    lang = store.lang
    counts = {
        table: store.count(table)
        for table in ("place", "initiative", "actor", "tie", "participant", "candidate", "note")
    }
    counts["tie"] += store.count("actor_initiative") + store.count("actor_place")
    click.echo(
        t("cli_counts", lang, name=n["name"], municipality=n["municipality"] or "-", **counts)
    )


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("lines", nargs=-1, required=True)
def capture(file: Path, lines: tuple[str, ...]) -> None:
    """Capture lines into FILE, all in one transaction ('-' reads lines from stdin).

    \b
      p|plek NAME [#kind] [@CELL] ["quote"]
      i|initiatief NAME [#theme] [@CELL] [+ACTOR]...
      a|actor|persoon|org NAME [#role] [!INFLUENCE]
      NAME -> NAME [#kind]        (also <-, <->, --)
      n|notitie TEXT [~NAME]
    """
    items: list[str] = []
    for number, line in enumerate(lines, 1):
        if line == "-":
            text, used = decode_input(_stdin_bytes(), "stdin")
            if used:
                say_decoded("stdin", used)
            rows = (row.rstrip("\r") for row in text.split("\n"))
            items += [row for row in rows if row.strip() and not row.lstrip().startswith("#")]
        else:
            items.append(text_argument(line, f"LINE {number}") or "")
    store = open_store(file)
    if not items:
        return
    lang = store.lang
    ctx = store.context()
    warnings = [_near_duplicates_of(store, line, ctx) for line in items]
    for outcome, notices in zip(record(store, items), warnings, strict=True):
        # `kaart N` is a look-up: it says what it found, never that it saved
        key = "cli_saved" if outcome.saved else "cli_looked_up"
        click.echo(t(key, lang, summary=outcome.summary))
        for notice in outcome.notices + notices:
            click.echo(f"  {notice}")


def _stdin_bytes() -> bytes:
    """Stdin as the bytes that came (decoded here, so that bytes that are not UTF-8 get a
    message instead of a traceback)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer.read()
    return sys.stdin.read().encode("utf-8", "surrogateescape")


def _near_duplicates_of(store: Store, line: str, ctx: Context) -> list[str]:
    """Looked up before the write: a new name that resembles one already in the file (the
    command line never merges: the line makes a new record, and the notice says so)."""
    try:
        return near_duplicate_notices(store, parse(line, ctx))
    except UserError:
        return []  # record() refuses the line with its number


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def undo(file: Path) -> None:
    """Undo the latest capture in FILE."""
    _undo_redo(file, redo=False)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def redo(file: Path) -> None:
    """Redo the capture undone last in FILE."""
    _undo_redo(file, redo=True)


def _undo_redo(file: Path, *, redo: bool) -> None:
    store = open_store(file)
    entry = store.redo() if redo else store.undo()
    if entry is None:
        raise UserError("nothing_to_redo" if redo else "nothing_to_undo")
    click.echo(t("cli_redone" if redo else "cli_undone", store.lang, line=entry["line"] or ""))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--salvage",
    "salvage_to",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Copy every readable record of a damaged FILE into this new file.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="A JSON object on stdout: the same findings as the text (not with --salvage).",
)
def check(file: Path, salvage_to: Path | None, as_json: bool) -> None:
    """Look at FILE read-only and say what is right and what is wrong with it."""
    # WORKSHOP_LANG when set, else the file's own language (Dutch when it cannot say)
    lang = default_lang() if "WORKSHOP_LANG" in os.environ else file_language(file, "nl")
    if as_json and salvage_to is not None:
        raise UserError("cli_check_json_salvage")
    report = check_file(file, lang)
    if as_json:
        click.echo(json.dumps(report.as_json(lang), ensure_ascii=False, indent=2))
        sys.exit(0 if report.ok else 1)
    for fact in report.facts:
        click.echo(t("cli_check_fact", lang, fact=fact))
    if report.counts:
        counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
        click.echo(t("cli_check_records", lang, counts=counts))
    for finding in report.findings:
        click.echo(t("cli_check_problem", lang, finding=finding))
    for note in report.notes:
        click.echo(t("cli_check_note", lang, note=note))
    if report.salvageable is not None:
        _say_salvageable(report.salvageable, file, salvage_to, lang)
    if report.backups:
        click.echo(t("cli_check_latest_backup", lang, backup=report.backups[-1], file=file))
    elif report.damaged:
        click.echo(t("cli_check_no_backups", lang))
    if salvage_to is not None and report.damaged:
        result = salvage_file(file, salvage_to)
        click.echo(t("cli_salvaged", lang, rows=result.rows, target=salvage_to, file=file))
        if result.references_cleared:
            click.echo(t("cli_references_cleared", lang, count=result.references_cleared))
        return
    if report.records:  # a sound file, wrong records: nothing to salvage, edit them
        click.echo(t("cli_check_wrong_records", lang))
        for line in report.record_lines(lang):
            click.echo(t("cli_check_wrong_record", lang, line=line))
    if not report.ok:
        sys.exit(1)
    click.echo(t("cli_check_ok", lang, path=str(file)))


def _say_salvageable(found: SalvageReport, file: Path, salvage_to: Path | None, lang: str) -> None:
    readable = ", ".join(
        t("cli_check_stretches", lang, table=y.table, read=y.read, lost=y.lost_stretches)
        if y.lost_stretches
        else f"{y.table} {y.read}"
        for y in found.tables
    )
    click.echo(
        t("cli_check_salvageable", lang, tables=readable or t("cli_check_salvage_nothing", lang))
    )
    if found.pages_promised:
        click.echo(
            t("cli_check_cut_off", lang, found=found.pages_found, promised=found.pages_promised)
        )
    if found.contents_rebuilt:
        click.echo(t("cli_check_contents_rebuilt", lang))
    if found.schema_lost:
        click.echo(t("cli_check_schema_lost", lang))
    if salvage_to is None and found.rows:
        click.echo(t("cli_check_salvage_hint", lang, file=file))

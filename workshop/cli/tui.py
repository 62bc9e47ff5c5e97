"""Commands for the live session: run (the TUI), wall (the second screen), backup.

Textual is imported inside the commands, so the other commands stay quick to start.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workshop.cli import cli, open_store
from workshop.file import backup as backups
from workshop.i18n import t
from workshop.text import visible


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--contrast", is_flag=True, help="High-contrast colours, for a projector.")
@click.option(
    "--backup-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the automatic backups (a USB stick); default FILE.backups.",
)
def run(file: Path, contrast: bool, backup_dir: Path | None) -> None:
    """The live-session screen: capture what residents say into FILE."""
    click.get_current_context().meta["workshop.path"] = str(file)
    store = open_store(file, readonly_if_must=True)
    run_app(store, contrast=contrast, backup_dir=backup_dir)


def run_app(store, *, contrast: bool = False, backup_dir: Path | None = None) -> None:
    """Run the TUI on an open store (also what `workshop demo` ends with)."""
    from workshop.tui.app import WorkshopApp

    app = WorkshopApp(store, contrast=contrast, backup_dir=backup_dir)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--serve",
    is_flag=True,
    help="Serve the wall as a web page for a projector (http://localhost:PORT/): large "
    "type, the counts and the map, following the file within a second. Read-only: "
    "nothing a browser sends changes anything. At most 16 screens at once. Ctrl+C "
    "stops it.",
)
@click.option(
    "--lan",
    is_flag=True,
    help="With --serve: also on this laptop's network (a second laptop or tablet at "
    "the projector), only with the random token in the printed URL (and its QR code); "
    "without it the page answers 403.",
)
@click.option("--port", default=8000, show_default=True, help="Port for --serve.")
@click.option("--contrast", is_flag=True, help="High-contrast colours, for a projector.")
def wall(file: Path, serve: bool, lan: bool, port: int, contrast: bool) -> None:
    """Latest captures and counts of FILE in large type, for a second screen or projector."""
    click.get_current_context().meta["workshop.path"] = str(file)
    store = open_store(file, readonly=True)
    if serve or lan:
        lang, name = store.lang, visible(store.neighbourhood()["name"])
        store.close()
        from workshop.tui.serve import serve_wall

        serve_wall(file, port=port, lang=lang, name=name, lan=lan, contrast=contrast)
        return
    from workshop.tui.wall import WallApp

    app = WallApp(store, contrast=contrast)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


@cli.command(name="backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the copy (default: FILE.backups next to FILE).",
)
def backup_(file: Path, folder: Path | None) -> None:
    """A consistent copy of FILE, safe to take while a session is writing to it."""
    click.get_current_context().meta["workshop.path"] = str(file)
    store = open_store(file, readonly=True)
    path = backups.backup(store, folder)
    click.echo(t("cli_written", store.lang, path=str(path)))

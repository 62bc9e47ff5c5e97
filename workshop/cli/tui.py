"""Commands for the live session: run (the TUI), wall (the second screen), backup.

Textual is imported inside the commands, so the other commands stay quick to start.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from workshop import backup as backups
from workshop.cli import cli, open_store
from workshop.i18n import t


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--contrast", is_flag=True, help="High-contrast colours, for a projector.")
def run(file: Path, contrast: bool) -> None:
    """The live-session screen: capture what residents say into FILE."""
    click.get_current_context().meta["workshop.path"] = str(file)
    store = open_store(file)
    run_app(store, contrast=contrast)


def run_app(store, *, contrast: bool = False) -> None:
    """Run the TUI on an open store (also what `workshop demo` ends with)."""
    from workshop.tui.app import WorkshopApp

    app = WorkshopApp(store, contrast=contrast)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--serve", is_flag=True,
              help="Serve the wall to a browser on this computer (textual-serve, localhost).")
@click.option("--port", default=8000, show_default=True, help="Port for --serve.")
@click.option("--contrast", is_flag=True, help="High-contrast colours, for a projector.")
def wall(file: Path, serve: bool, port: int, contrast: bool) -> None:
    """Latest captures and counts of FILE in large type, for a second screen or projector."""
    click.get_current_context().meta["workshop.path"] = str(file)
    store = open_store(file, readonly=True)
    if serve:
        store.close()
        from textual_serve.server import Server

        command = [sys.executable, "-m", "workshop", "wall", str(file.resolve())]
        if contrast:
            command.append("--contrast")
        Server(shlex.join(command), host="localhost", port=port,
               title=f"workshop wall {file.name}", templates_path=_offline_templates()).serve()
        return
    from workshop.tui.wall import WallApp

    app = WallApp(store, contrast=contrast)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


def _offline_templates() -> Path:
    """textual-serve's page templates without the web font it fetches from Google: the wall's
    browser page must not call out either (it uses the fonts the computer has)."""
    import re
    import tempfile

    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates"
    target = Path(tempfile.mkdtemp(prefix="workshop-wall-"))
    for template in source.iterdir():
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*https?://[^>]*>", "", text, flags=re.DOTALL)
        (target / template.name).write_text(text, encoding="utf-8")
    return target


@cli.command(name="backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the copy (default: FILE.backups next to FILE).")
def backup_(file: Path, folder: Path | None) -> None:
    """A consistent copy of FILE, safe to take while a session is writing to it."""
    click.get_current_context().meta["workshop.path"] = str(file)
    store = open_store(file, readonly=True)
    path = backups.backup(store, folder)
    click.echo(t("cli_written", store.lang, path=str(path)))

"""The `workshop` command. Each command opens the file and calls one library function; the
commands live in modules by area and register themselves on `cli` when their module is
imported. A user-caused error is one line on stderr and exit code 1, never a traceback.

    core         the file itself: new, demo, capture, undo, redo, check
    tui          the live session: run, wall, backup (Textual imported inside the commands)
    analysis     connectors, coverage, board
    exchange     import, export
    publish      publish: a Datasette site or PostGIS, consent-filtered
    printing     `workshop print ...`: cards, blank cards, maps
    reports      `print network` and `print summary`
    printopts    the options every `print` command shares
    trust        forget, merge
    scan         scan: photos of the posters back into the file
    textin       text from arguments and stdin, decoded
    messages     the commands' own messages, in Dutch and English

`COMMANDS` below names every command's module and short help: `workshop --help` lists them
from it without importing any of them, and `workshop NAME` imports only NAME's module (a test
checks the table against each command's own help). So asking for help or capturing a line
never waits for networkx, numpy, sqlite-utils or reportlab.

The top layer: may import every package. Command modules take the `cli` group from here
(click's register-on-import: this module imports them, lazily, one at a time).
"""

from __future__ import annotations

import errno
import gc
import importlib
import os
import sqlite3
import sys
from gettext import gettext as _
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from workshop.cli import messages  # noqa: F401  (registers the command's messages)
from workshop.i18n import UserError, t

if TYPE_CHECKING:
    from workshop.file.store import Store


class Lazy(NamedTuple):
    module: str  # in workshop.cli
    help: str  # the first paragraph of the command's help, as `--help` lists it


COMMANDS = {
    "backup": Lazy(
        "tui", "A consistent copy of FILE, safe to take while a session is writing to it."
    ),
    "board": Lazy(
        "analysis",
        "Show or edit the sounding board's dimensions (default: Zeist's housing type x life "
        "stage x household).",
    ),
    "capture": Lazy(
        "core", "Capture lines into FILE, all in one transaction ('-' reads lines from stdin)."
    ),
    "check": Lazy(
        "core", "Look at FILE read-only and say what is right and what is wrong with it."
    ),
    "connectors": Lazy(
        "analysis",
        "The connecting actors: betweenness, contacts, groups, bridges, articulation points.",
    ),
    "coverage": Lazy(
        "analysis",
        "The sounding board's matrix: who is in each combination, the gaps, who could fill them.",
    ),
    "demo": Lazy(
        "core", "The bundled demo neighbourhood (De Kersenbuurt); opens the TUI unless --no-tui."
    ),
    "export": Lazy(
        "exchange", "Export FILE for other tools. Persons appear by name only with public consent."
    ),
    "forget": Lazy(
        "trust",
        "Erase the person NAME from FILE (and its backups): records, ties, mentions, undo "
        "steps, indexes and the file's free pages. Lists everything first and asks.",
    ),
    "import": Lazy(
        "exchange",
        "Import into FILE: actors and ties from Kumu sheets, records from CSV exports, or the "
        "map from an OpenStreetMap extract.",
    ),
    "merge": Lazy(
        "trust", "Merge the files of other tables (SOURCES) into TARGET, by UUID, field by field."
    ),
    "new": Lazy("core", "Create a neighbourhood file."),
    "print": Lazy(
        "printing", "Print cards and maps as PDF (into printouts/ unless -o says otherwise)."
    ),
    "publish": Lazy(
        "publish",
        "Publish neighbourhood FILES for the public: only what public consent allows, for "
        "Datasette (-o SITE.db) or PostGIS (--to postgresql://...).",
    ),
    "redo": Lazy("core", "Redo the capture undone last in FILE."),
    "run": Lazy("tui", "The live-session screen: capture what residents say into FILE."),
    "scan": Lazy(
        "scan",
        "Photos of the posters back in: every sticker's record gets the exact point and cell "
        "where it was stuck (one undoable step).",
    ),
    "undo": Lazy("core", "Undo the latest capture in FILE."),
    "wall": Lazy(
        "tui", "Latest captures and counts of FILE in large type, for a second screen or projector."
    ),
}
PRINT_COMMANDS = {  # `workshop print NAME`: the print group's own table
    "blank-cards": Lazy(
        "printing",
        "Numbered blank cards to fill in by hand; their numbers are reserved in FILE.",
    ),
    "cards": Lazy("printing", "Initiative cards of FILE, with QR codes."),
    "map": Lazy(
        "printing", "The base map with its grid (a grid sheet when FILE has no OSM extract)."
    ),
    "network": Lazy(
        "reports",
        "The network poster: actors sized by influence, coloured by role, connectors marked.",
    ),
    "result-map": Lazy(
        "printing", "The map with numbered markers for places and initiatives, and their key."
    ),
    "key": Lazy(
        "printing",
        "The confidential key (also: print sleutel): who each pseudonym on paper and in "
        "exports is. For the facilitator only.",
    ),
    "summary": Lazy(
        "reports",
        "The PDF summary for the municipality and the participants (only consented names).",
    ),
    "stickers": Lazy(
        "printing",
        "Numbered stickers for the poster, on a label sheet; their numbers are reserved in FILE.",
    ),
}


# Other names a print command answers to: `sleutel` was the key's first name (scripts keep it).
PRINT_ALIASES = {"sleutel": "key"}


def default_lang() -> str:
    lang = os.environ.get("WORKSHOP_LANG", "nl")
    return lang if lang in ("nl", "en") else "nl"


def open_store(
    path: str | Path, *, readonly: bool = False, readonly_if_must: bool = False
) -> Store:
    """Open a file for a command; later messages come in the file's language. A file that can
    only be read (a read-only medium, no permission, a full disk) opens read-only for a command
    that only reads (or, with `readonly_if_must`, for one that can live with that), with one
    line on stderr saying so."""
    from workshop.file import access as files
    from workshop.file.store import Store

    why = None
    if not readonly and readonly_if_must:
        why = files.why_unwritable(Path(path))
        readonly = why is not None and why.key != "disk_full"
    store = Store.open(path, readonly=readonly)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta["workshop.lang"] = store.lang
        ctx.meta.setdefault("workshop.path", str(path))
        ctx.call_on_close(store.close)
    if store.readonly:
        why = store.opened_readonly_because or why or files.why_unwritable(store.path)
    if store.readonly and why is not None:
        key = "opened_on_full_disk" if why.key == "disk_full" else "opened_readonly"
        click.echo(t(key, store.lang, reason=why.message(store.lang), **why.params), err=True)
    return store


def fail(error: UserError) -> None:
    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get("workshop.lang", default_lang()) if ctx else default_lang()
    click.echo(f"workshop: {error.message(lang)}", err=True)
    sys.exit(1)


DISK_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)  # the disk's fault, said in one line


class LazyGroup(click.Group):
    """A group whose commands are imported when asked for, listed from a table until then."""

    def __init__(
        self,
        *args,
        lazy: dict[str, Lazy] | None = None,
        aliases: dict[str, str] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}
        self.aliases = aliases or {}  # another name -> the command's; not listed apart

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd_name = self.aliases.get(cmd_name, cmd_name)
        if cmd_name not in self.commands and cmd_name in self.lazy:
            importlib.import_module(f"workshop.cli.{self.lazy[cmd_name].module}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's, with "did you mean" chosen from every command, imported or not."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            name = getattr(exc, "command_name", None)  # click >= 8.4: NoSuchCommand
            if name is None:
                raise
            possible = self.list_commands(ctx)
            raise type(exc)(name, possibilities=possible, ctx=ctx) from None  # type: ignore[call-arg]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Click's own listing, with the short help of a command not yet imported made from
        the table by click's own rule (so the text is the same either way)."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name) or click.Command(name, help=self.lazy[name].help)
            if not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)


class WorkshopGroup(LazyGroup):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except UserError as exc:
            fail(exc)
        except sqlite3.Error as exc:
            from workshop.file import access as files

            path = ctx.meta.get("workshop.path", "?")
            fail(files.sqlite_error(Path(path), _first_cause(exc)))
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except OSError as exc:
            if exc.errno not in DISK_ERRNOS:
                raise
            from workshop.file import access as files

            where = exc.filename or ctx.meta.get("workshop.path", ".")
            fail(files.os_error(Path(where), exc))
        except KeyboardInterrupt:
            click.echo("", err=True)
            sys.exit(130)


def _first_cause(exc: sqlite3.Error) -> sqlite3.Error:
    """The error that started it: after a full disk SQLite has already rolled the transaction
    back, so the ROLLBACK that follows fails with "no transaction is active" and would hide it."""
    cause = exc.__context__
    while isinstance(cause, sqlite3.Error) and "no transaction is active" in str(exc):
        exc, cause = cause, cause.__context__
    return exc


@click.group(
    cls=WorkshopGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(package_name="workshop")
def cli() -> None:
    """Community mapping for the neighbourhood approach: capture places, initiatives, actors and
    ties into one SQLite file, then print and export them."""


def main() -> None:
    try:
        cli(prog_name="workshop")
    finally:
        # The command is done and its files are closed (each store on the context's close):
        # what is left is the interpreter's shutdown, whose cycle searches walk every object
        # the command loaded (numba's compiler alone is hundreds of thousands). Frozen, they are
        # not searched: `workshop connectors` on 5,000 actors ended 0.7 s sooner (4.1 -> 3.4 s
        # back to back), on a small file 0.2 s (numpy and rustworkx); `capture` or a CSV
        # export showed no difference. Objects are still freed by reference count; a cycle
        # left at exit stays unfreed, as the process ends anyway.
        gc.freeze()


__all__ = ["COMMANDS", "PRINT_ALIASES", "PRINT_COMMANDS", "LazyGroup", "cli", "main", "open_store"]

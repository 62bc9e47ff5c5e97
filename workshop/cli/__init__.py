"""The `workshop` command. Each command opens the file and calls one library function; the
commands live in modules by area and are registered here. A user-caused error is one line on
stderr and exit code 1, never a traceback."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from pathlib import Path

import click

from workshop.cli import messages  # noqa: F401  (registers the command's messages)
from workshop.file import access as files
from workshop.file.store import Store
from workshop.i18n import UserError, t


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


# Command modules whose imports are heavy (networkx, sqlite-utils, reportlab): imported only
# when one of their commands is asked for, so `workshop run` and `workshop capture` start fast.
DISK_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)  # the disk's fault, said in one line
LAZY_MODULES = ("analysis", "exchange", "printing", "reports", "trust")


class WorkshopGroup(click.Group):
    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            _load_lazy()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        _load_lazy()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except UserError as exc:
            fail(exc)
        except sqlite3.Error as exc:
            path = ctx.meta.get("workshop.path", "?")
            fail(files.sqlite_error(Path(path), _first_cause(exc)))
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except OSError as exc:
            if exc.errno not in DISK_ERRNOS:
                raise
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


@click.group(cls=WorkshopGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="workshop")
def cli() -> None:
    """Community mapping for the neighbourhood approach: capture places, initiatives, actors and
    ties into one SQLite file, then print and export them."""


def main() -> None:
    cli(prog_name="workshop")


def _load_lazy() -> None:
    import importlib

    for name in LAZY_MODULES:
        importlib.import_module(f"workshop.cli.{name}")


from workshop.cli import core, tui  # noqa: E402  (the commands register themselves)

__all__ = ["cli", "main", "open_store", "core", "tui"]

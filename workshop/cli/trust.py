"""Commands that keep personal data and the evening's record safe: forget, merge."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workshop.cli import cli, open_store
from workshop.file import forget as forgetting
from workshop.file import merge as merging
from workshop.file import outputs
from workshop.i18n import UserError, t
from workshop.model import MAY_HOLD_PERSON


def _interactive() -> bool:
    """Is there a person at a terminal to answer the question?"""
    return sys.stdin.isatty()


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("name")
@click.option(
    "--id",
    "ids",
    multiple=True,
    metavar="ID",
    help="Of several persons of that name, the one whose id starts with ID.",
)
@click.option(
    "--yes", is_flag=True, help="Do not ask for confirmation (needed without a terminal)."
)
@click.option("--dry-run", is_flag=True, help="Only list what would change; change nothing.")
@click.option(
    "--delete-outputs",
    is_flag=True,
    help="Also delete the exports and printouts written earlier that may hold them.",
)
@click.option(
    "--backup-dir",
    "backup_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Another folder with backups of FILE (a USB stick); may be repeated.",
)
def forget(
    file: Path,
    name: str,
    ids: tuple[str, ...],
    yes: bool,
    dry_run: bool,
    delete_outputs: bool,
    backup_dirs: tuple[Path, ...],
) -> None:
    """Erase the person NAME from FILE (and its backups): records, ties, mentions, undo steps,
    indexes and the file's free pages. Lists everything first and asks."""
    if not (yes or dry_run or _interactive()):
        raise UserError("forget_needs_yes")
    store = open_store(file)
    lang = store.lang
    plan = forgetting.plan_forget(store, name, ids)
    folders = forgetting.backup_folders(store, backup_dirs)
    if plan.empty:
        _forget_in_backups_only(file, name, ids, tuple(folders), lang, yes, dry_run)
        raise UserError(
            "forget_not_found", name=name, path=str(file), hint=_hint(store, name, lang)
        )
    for line in forgetting.describe(plan, lang, folders) + forgetting.describe_outputs(plan, lang):
        click.echo(line)
    if dry_run:
        click.echo(t("forget_dry_run", lang))
        return
    if not yes and not click.confirm(t("forget_confirm", lang), default=False):
        click.echo(t("aborted", lang))
        raise SystemExit(1)
    # The backups first: if the command is cut off in between (Ctrl+C, a closed pipe), the
    # person is still in the file, and the same command again finishes the work.
    in_backups = forgetting.forget_in_backups(file, name, tuple(folders), tuple(plan.ids), lang)
    forgetting.forget(store, plan)
    click.echo(t("forget_done", lang, name=name, path=str(file)))
    _say_backups(in_backups, lang)
    written = forgetting.written_files(plan)
    if not written:
        return
    if delete_outputs or (
        not yes and click.confirm(t("forget_outputs_confirm", lang), default=False)
    ):
        for item, error in outputs.delete(store, written):
            click.echo(
                t("forget_output_failed", lang, path=item.path, detail=error)
                if error
                else t("forget_output_deleted", lang, path=item.path)
            )
    else:
        click.echo(t("forget_outputs_hint", lang))


def _say_backups(results: list[forgetting.BackupResult], lang: str) -> None:
    for result in results:
        if result.error:
            click.echo(t("forget_backup_failed", lang, path=str(result.path), detail=result.error))
        else:
            click.echo(t("forget_backup", lang, path=str(result.path), removed=result.removed))


def _forget_in_backups_only(
    file: Path,
    name: str,
    ids: tuple[str, ...],
    folders: tuple[Path, ...],
    lang: str,
    yes: bool,
    dry_run: bool,
) -> None:
    """Gone from the file but still in a backup (an earlier forget cut off, or a copy made
    elsewhere): forget them there, as the file's own forget would have. Returns when no
    backup holds them."""
    holding = [
        r
        for r in forgetting.forget_in_backups(file, name, folders, ids, lang, look_only=True)
        if r.removed and not r.error
    ]
    if not holding:
        return
    click.echo(t("forget_only_backups", lang, name=name, path=str(file), count=len(holding)))
    for result in holding:
        click.echo(f"  {result.path}")
    if dry_run:
        click.echo(t("forget_dry_run", lang))
        raise SystemExit(0)
    if not yes and not click.confirm(t("forget_confirm", lang), default=False):
        click.echo(t("aborted", lang))
        raise SystemExit(1)
    done = forgetting.forget_in_backups(file, name, folders, ids, lang)
    _say_backups(done, lang)
    raise SystemExit(1 if any(r.error for r in done) else 0)


def _hint(store, name: str, lang: str) -> str:
    partial = forgetting.partial_matches(store, name)
    if partial:
        return t("forget_partial_hint", lang, names=", ".join(f"'{n}'" for n in partial))
    similar = [r["name"] for table in MAY_HOLD_PERSON for r in store.similar(table, name, limit=1)]
    return t("did_you_mean", lang, name=similar[0]) if similar else t("no_hint", lang)


@cli.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--join",
    is_flag=True,
    help="Fold the listed pairs (same actor or place at two tables) into one.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every renumbered card, conflict and pair to this text file.",
)
def merge(target: Path, sources: tuple[Path, ...], join: bool, report_path: Path | None) -> None:
    """Merge the files of other tables (SOURCES) into TARGET, by UUID, field by field."""
    click.get_current_context().meta["workshop.path"] = str(target)
    store = open_store(target)
    lang = store.lang
    for source in sources:
        if source.resolve() == target.resolve():
            raise UserError("merge_same_file", path=str(source))
    if sources:
        report = merging.merge(store, list(sources))
        click.echo(
            t(
                "merge_done",
                lang,
                added=sum(report.added.values()),
                updated=sum(report.updated.values()),
            )
        )
        if report.fields:
            click.echo(t("merge_fields", lang, fields=report.fields))
        _first_few(
            [
                t("merge_renumbered", lang, name=name, old=old, new=new)
                for name, old, new in report.renumbered
            ],
            lang,
        )
        _first_few(
            [merging.kept_apart_line(there, kept, lang) for there, kept in report.kept_apart],
            lang,
        )
        if report.conflicts:
            click.echo(t("merge_conflicts", lang, count=len(report.conflicts)))
            _first_few([merging.conflict_line(c, lang) for c in report.conflicts], lang)
    else:
        report = merging.MergeReport(pairs=merging.find_pairs(store))
    pairs = report.pairs
    if report_path is not None:
        merging.write_report(report, report_path, lang)
    if join and pairs:
        click.echo(t("merge_joined", lang, count=merging.join_pairs(store, pairs)))
    elif pairs:
        counts = {table: sum(1 for p in pairs if p[0] == table) for table in merging.JOINABLE}
        click.echo(
            t(
                "merge_pairs_found",
                lang,
                count=len(pairs),
                tables=", ".join(f"{table} {n}" for table, n in counts.items() if n),
            )
        )
        _first_few([merging.pair_line(p, lang) for p in pairs], lang)
        click.echo(t("merge_pairs_hint", lang, path=str(target)))
    if report_path is not None:
        click.echo(t("merge_report_written", lang, path=str(report_path)))


SHOWN = 10  # lines of each kind on the terminal; --report FILE has all of them


def _first_few(lines: list[str], lang: str) -> None:
    for line in lines[:SHOWN]:
        click.echo(line)
    if len(lines) > SHOWN:
        click.echo(t("merge_more", lang, count=len(lines) - SHOWN))

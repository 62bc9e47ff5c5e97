"""`workshop forget`: erase exactly one person from the file, so that nothing of them is left in
its bytes, and nothing of anybody else is touched.

A person is an actor of type person, a participant or a candidate: the records of that name
(the same name in several of these tables is the same person), also one that lives only in the
undo log (captured and undone). Forgetting removes those records, every tie and link to them
and the notes about them (each leaves a tombstone, so no merge brings it back), and replaces
every mention of them in every text of every table, ours or added by somebody else, with
"[vergeten]": their full name, the parts of it that identify only them (`name_parts` of
`redaction_words`: a surname, a first name nobody else in the file has), every phone number
and mail address the file ever held for them. Mentions are whole words (`workshop.file.mentions`):
"Basisschool", "Sebastiaan Basten" and "Kantinebuurt" stay as they are.

The undo log is read entry by entry as JSON: the person's own changes are dropped from each
entry, the other changes keep their rows with the same words replaced as in the file, an entry
with nothing left goes; so undo and redo keep working for every other capture and can never
bring the person back. Full-text indexes are rebuilt, every index is rebuilt (REINDEX), free
pages are wiped (secure_delete, VACUUM) and the WAL is truncated. The same is done in the
backup copies of the file (`forget_in_backups`); the exports, printouts and backup folders the
program recorded (`workshop.file.outputs`) are named so that they can be deleted too.

    plan = plan_forget(store, "Bas")      # reads only; plan.items is what will change
    forget(store, plan)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop.file import access as files
from workshop.file import outputs
from workshop.file.forget_scan import (
    FileView,
    ForgetPlan,
    Scrubber,
    path_words,
    plan_history,
    plan_tables,
)
from workshop.file.mentions import Finder
from workshop.file.redaction_words import PARTICLES, name_parts, words
from workshop.file.store import Store
from workshop.i18n import LANGS, UserError, t
from workshop.model import MAY_HOLD_PERSON
from workshop.text import normalise, one_line, visible

PLACEHOLDER = {lang: t("forgotten", lang) for lang in LANGS}


def persons(view: FileView) -> dict[str, tuple[str, dict, list[dict]]]:
    """Every person the file knows, in its tables or only in its undo log:
    id -> (table, latest record, every version of it)."""
    if view.persons is not None:
        return view.persons
    tables: dict[str, str] = {}
    latest: dict[str, dict] = {}
    versions: dict[str, list[dict]] = {}
    live = [(table, row) for table in MAY_HOLD_PERSON for row in view.store.rows(table)]
    for table, row in [*view.history_rows(), *live]:
        if (
            table in MAY_HOLD_PERSON
            and row.get("id")
            and (table != "actor" or row.get("type") == "person" or row["id"] in tables)
        ):
            tables[row["id"]], latest[row["id"]] = table, row
            versions.setdefault(row["id"], []).append(row)
    view.persons = {id_: (tables[id_], latest[id_], versions[id_]) for id_ in tables}
    return view.persons


def find_person(view: FileView, name: str, ids: tuple[str, ...] = ()) -> list[tuple[str, dict]]:
    """The records of the one person called `name` (among them those whose id starts with one
    of `ids`, when given). Several persons of that name in one table: a UserError that lists
    them and says how to choose; none: an empty list. Records of that name that live only in
    the undo log (deleted, or captured and undone) go with the one in the table."""
    norm = normalise(name)
    everyone = persons(view)
    matches = [
        (table, row)
        for table, row, versions in everyone.values()
        if any(_folded(v) == norm for v in versions)
        and (not ids or any(row["id"].startswith(i.strip()) for i in ids if i.strip()))
    ]
    live = {r[0] for t in MAY_HOLD_PERSON for r in view.store.conn.execute(f"SELECT id FROM {t}")}
    tables = [table for table, row in matches if row["id"] in live]
    if any(tables.count(table) > 1 for table in tables):
        listing = ", ".join(f"{row['name']} ({table} {row['id'][:8]})" for table, row in matches)
        raise UserError(
            "forget_ambiguous",
            name=name,
            count=len(matches),
            matches=listing,
            path=str(view.store.path),
        )
    return matches


def partial_matches(store: Store, name: str, limit: int = 5) -> list[str]:
    """Persons whose name holds the words of `name` (for "did you mean")."""
    wanted = set(words(name))
    if not wanted:
        return []
    view = FileView(store)
    found = [
        row["name"] for _, row, _ in persons(view).values() if wanted <= set(words(row["name"]))
    ]
    return sorted(set(found))[:limit]


def plan_forget(store: Store, name: str, ids: tuple[str, ...] = ()) -> ForgetPlan:
    """What forgetting `name` would change, read without writing."""
    plan = ForgetPlan(name)
    view = FileView(store)
    plan.people = find_person(view, name, ids)
    if plan.empty:
        return plan
    everyone = persons(view)
    mine = plan.ids
    versions = [v for id_ in mine for v in everyone[id_][2]]
    names = {v["name"] for v in versions if v.get("name")} | {name}
    phones = {str(v["tel"]) for v in versions if v.get("tel")}
    mails = {str(v["mail"]) for v in versions if v.get("mail")}
    others = {_folded(v) for id_, (_, _, vs) in everyone.items() if id_ not in mine for v in vs}
    others.discard("")
    full = Finder(names, phones, mails, _holding(others, names))
    parts = _distinctive_parts(store, names, others, full)
    free = Finder(names | parts, phones, mails, _holding(others, names | parts))
    scrub = Scrubber(
        full,
        free,
        PLACEHOLDER.get(store.lang, PLACEHOLDER["nl"]),
        protected_ids={id_ for id_ in everyone if id_ not in mine},
    )
    plan.scrub = scrub
    doomed = plan_tables(view, plan, mine, scrub)
    plan_history(view, plan, mine | doomed, scrub)
    stamps = [str(v["created"]) for v in versions if v.get("created")]
    plan.since = min(stamps) if stamps else None
    plan.outputs = [
        w
        for w in outputs.known(store)
        if w.exists
        and (
            w.kind == outputs.BACKUPS
            or plan.since is None
            or w.written >= plan.since
            or free.mentions(path_words(w.path))
        )
    ]
    return plan


def _folded(row: dict) -> str:
    """A record's name as matched (its `norm` column, kept by the store)."""
    if isinstance(row.get("norm"), str):
        return row["norm"]
    return normalise(row["name"]) if isinstance(row.get("name"), str) else ""


def _holding(others: set[str], names: set[str]) -> set[str]:
    """The other names that hold one of `names`: only those can cover the person's words."""
    folded = {normalise(n) for n in names}
    return {other for other in others if any(n in other for n in folded)}


def _distinctive_parts(store: Store, names: set[str], others: set[str], full: Finder) -> set[str]:
    """The parts of the person's names that nobody and nothing else in the file is called:
    "Jansen" is left out when there is a "Piet Jansen" or a "Bakkerij Jansen" (unless that
    bakery carries the person's whole name: then it is about them)."""
    folded = {normalise(x) for x in names}
    candidates = {part for x in names for part in name_parts(x)} - folded
    needed = {w for part in candidates for w in part.split()} - PARTICLES
    if not needed:
        return set()
    taken = {w for other in others for w in other.split() if w in needed}
    for table in ("place", "initiative", "actor"):
        for (norm,) in store.conn.execute(f'SELECT norm FROM "{table}"'):
            if any(w in norm for w in needed) and not full.mentions(norm):
                taken.update(w for w in norm.split() if w in needed)
    taken.update(words(store.neighbourhood()["name"], halves=False))
    return {part for part in candidates if not (set(part.split()) - PARTICLES) & taken}


def describe(plan: ForgetPlan, lang: str, folders: Sequence[Path] = ()) -> list[str]:
    """The list shown before anything changes: every record and text, with the words in
    context, every undo step and index, the backup folders, the files written earlier."""
    people = ", ".join(f"{row['name']} ({table})" for table, row in plan.people)
    lines = [t("forget_header", lang, people=people)]
    for item in plan.items:
        if item.action == "delete":
            lines.append(t("forget_item_delete", lang, table=item.table, label=item.label))
        elif item.action == "rewrite":
            lines.append(
                t(
                    "forget_item_rewrite",
                    lang,
                    table=item.table,
                    label=item.label,
                    column=item.column,
                    context=" | ".join(one_line(c, 90) for c in item.contexts),
                )
            )
        elif item.action == "history":
            key = (
                "forget_item_history_text"
                if not item.dropped
                else "forget_item_history"
                if item.kept
                else "forget_item_history_gone"
            )
            lines.append(
                t(key, lang, label=one_line(item.label, 60), dropped=item.dropped, kept=item.kept)
            )
        elif item.action == "index_emptied":
            lines.append(t("forget_item_index_emptied", lang, table=item.table))
        else:
            lines.append(t("forget_item_index", lang, table=item.table))
    if len(plan.items) == len(plan.people):
        lines.append(t("forget_nothing_else", lang))
    for folder in folders:
        count = len(list(folder.glob("*.wijk")))
        if count:
            lines.append(t("forget_item_backups", lang, folder=str(folder), count=count))
    return [visible(line) for line in lines]


def describe_outputs(plan: ForgetPlan, lang: str) -> list[str]:
    """The exports, printouts and backup folders written earlier that may hold the person."""
    if not plan.outputs:
        return []
    lines = [t("forget_outputs_header", lang, name=plan.name)]
    groups: dict[tuple, list[outputs.Written]] = {}
    for w in plan.outputs:  # the files of one csv or kumu export on one line
        groups.setdefault(
            (str(Path(w.path).parent), w.kind, w.audience, w.anonymised, w.written[:16]), []
        ).append(w)
    for (folder, kind, audience, anonymised, when), written in groups.items():
        if kind == outputs.BACKUPS:
            lines += [t("forget_output_folder", lang, path=w.path) for w in written]
            continue
        if kind == outputs.DATABASE:
            lines += [
                t("forget_output_database", lang, where=w.path, when=when.replace("T", " "))
                for w in written
            ]
            continue
        values = {
            "kind": kind,
            "audience": audience,
            "when": when.replace("T", " "),
            "anonymised": t("forget_output_anonymised", lang) if anonymised else "",
        }
        if len(written) > 1:
            lines.append(
                t("forget_output_group", lang, folder=folder, count=len(written), **values)
            )
        else:
            lines.append(t("forget_output", lang, path=written[0].path, **values))
    return [visible(line) for line in lines]


def written_files(plan: ForgetPlan) -> list[outputs.Written]:
    """The recorded files (not backup folders, not databases) that may hold the person and
    still exist."""
    return [
        w for w in plan.outputs if w.kind not in (outputs.BACKUPS, outputs.DATABASE) and w.exists
    ]


def forget(store: Store, plan: ForgetPlan) -> None:
    """Carry out a plan in one transaction that leaves no undo entry, then rebuild the
    indexes and wipe free pages and the WAL. A file with triggers of its own (an audit table
    that keeps old values) is looked through again, as often as a trigger left something."""
    with store.write(logged=False) as w:
        w.erase(plan.deletes, plan.rewrites, plan.history, plan.rebuild)
    has_triggers = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' LIMIT 1"
    ).fetchone()
    for _ in range(3 if has_triggers and plan.scrub else 0):
        assert plan.scrub is not None
        again = ForgetPlan(plan.name, people=plan.people)
        view = FileView(store)
        plan_tables(view, again, plan.ids, plan.scrub)
        plan_history(view, again, plan.ids, plan.scrub)
        if not again.rewrites and not again.history and len(again.deletes) == len(plan.people):
            return
        with store.write(logged=False) as w:
            w.erase(again.deletes, again.rewrites, again.history, again.rebuild)


@dataclass
class BackupResult:
    path: Path
    removed: int
    error: str | None = None


def backup_folders(store: Store, extra: tuple[Path, ...] = ()) -> list[Path]:
    """FILE.backups/, the folders given, and the backup folders the program recorded."""
    recorded = [Path(w.path) for w in outputs.known(store) if w.kind == outputs.BACKUPS]
    folders: list[Path] = []
    for folder in (files.backups_dir(store.path), *extra, *recorded):
        if folder.is_dir() and folder.resolve() not in {f.resolve() for f in folders}:
            folders.append(folder)
    return folders


def forget_in_backups(
    path: Path,
    name: str,
    folders: tuple[Path, ...] = (),
    ids: tuple[str, ...] = (),
    lang: str = "nl",
    look_only: bool = False,
) -> list[BackupResult]:
    """Forget the same person in every backup copy kept next to the file and in the other
    backup folders given (a USB stick the session backed up to); with `look_only`, only say
    which copies hold them (`removed` is what would go)."""
    results = []
    folders = tuple(f for f in (files.backups_dir(path), *folders) if f.is_dir())
    seen: set[Path] = set()
    copies = [copy for folder in folders for copy in sorted(folder.glob("*.wijk"))]
    for copy in copies:
        if copy.resolve() in seen or copy.resolve() == path.resolve():
            continue
        seen.add(copy.resolve())
        try:
            store = Store(copy, files.connect(copy), readonly=False)
            try:
                copy_plan = plan_forget(store, name, ids)
                if not copy_plan.empty and not look_only:
                    forget(store, copy_plan)
                results.append(BackupResult(copy, len(copy_plan.deletes)))
            finally:
                store.close()
        except (sqlite3.Error, UserError) as exc:
            detail = exc.message(lang) if isinstance(exc, UserError) else str(exc)
            results.append(BackupResult(copy, 0, one_line(detail)))
    return results

"""`workshop forget`: erase a person from the file, so their name is nowhere in its bytes.

A person is an actor of type person, a participant or a candidate. Forgetting removes their
records, every tie and link to them, the notes about them, every mention of their name or
contact details in any text of the file (replaced by "[vergeten]"), and every undo entry that
mentions them; then the file's free pages are wiped (secure_delete, VACUUM, WAL truncated).
The same is done in the file's backup copies, which would otherwise still hold the name.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from workshop import files
from workshop.store import Store
from workshop.text import normalise

PERSON_TABLES = ("actor", "participant", "candidate")
LINKS = {  # table -> the columns that point at a person
    "tie": ("source_id", "target_id"),
    "actor_initiative": ("actor_id",),
    "actor_place": ("actor_id",),
    "attendance": ("participant_id",),
}
PLACEHOLDER = {"nl": "[vergeten]", "en": "[forgotten]"}
SKIP_COLUMNS = {"id", "norm", "created", "updated", "session_id", "about_table", "about_id",
                "source_id", "target_id", "actor_id", "place_id", "initiative_id",
                "participant_id", "kind", "type", "role", "consent", "status", "direction"}


@dataclass
class ForgetPlan:
    name: str
    people: list[tuple[str, dict]] = field(default_factory=list)  # (table, record)
    deletes: list[tuple[str, str]] = field(default_factory=list)  # (table, id)
    rewrites: list[tuple[str, str, str, object]] = field(default_factory=list)
    history: list[int] = field(default_factory=list)  # undo entries to drop

    @property
    def empty(self) -> bool:
        return not self.people


def plan_forget(store: Store, name: str) -> ForgetPlan:
    """What forgetting `name` would remove, read without writing."""
    plan = ForgetPlan(name)
    tables = _tables(store)
    for table in PERSON_TABLES:
        for row in store.find(table, name):
            if table != "actor" or row["type"] == "person":
                plan.people.append((table, row))
    if plan.empty:
        return plan
    ids = {row["id"] for _, row in plan.people}
    plan.deletes += [(table, row["id"]) for table, row in plan.people]
    for table, columns in LINKS.items():
        where = " OR ".join(f"{c} IN ({','.join('?' * len(ids))})" for c in columns)
        for row in store.rows(table, where, [*ids] * len(columns)):
            plan.deletes.append((table, row["id"]))
    about = store.rows("note", f"about_id IN ({','.join('?' * len(ids))})", list(ids))
    plan.deletes += [("note", row["id"]) for row in about]
    deleted = {id_ for _, id_ in plan.deletes}
    secrets = _secrets(name, plan.people)
    for table in tables:
        if table in ("history", "_sqlite_migrations", "sqlite_sequence"):
            continue
        text_columns = [c for c in store.columns(table) if c not in SKIP_COLUMNS]
        for row in store.rows(table):
            if row.get("id") in deleted:
                continue
            for column in text_columns:
                value = row.get(column)
                text = value if isinstance(value, str) else None
                if text is None and isinstance(value, (list, dict)):
                    text = repr(value)
                if text and _mentions(text, secrets):
                    plan.rewrites.append((table, row["id"], column,
                                          _scrub(value, secrets, store.lang)))
    if "history" in tables:
        for entry in store.conn.execute("SELECT seq, line, changes FROM history"):
            blob = f"{entry['line']}\n{entry['changes']}"
            if any(id_ in blob for id_ in ids | deleted) or _mentions(blob, secrets):
                plan.history.append(entry["seq"])
    return plan


def _tables(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def _secrets(name: str, people: list[tuple[str, dict]]) -> list[str]:
    """The strings that identify the person: names as typed and stored, contact details."""
    found = {name.strip()}
    for _, row in people:
        found.add(row["name"])
        for key in ("tel", "mail"):
            if row.get(key):
                found.add(str(row[key]))
    return sorted((s for s in found if len(s.strip()) >= 2), key=len, reverse=True)


def _mentions(text: str, secrets: list[str]) -> bool:
    folded = normalise(text)
    return any(normalise(s) in folded or s.casefold() in text.casefold() for s in secrets)


def _scrub(value: object, secrets: list[str], lang: str) -> object:
    """The value with every mention replaced (inside lists and mappings too); when a mention
    can only be found after normalising (another spelling of the accents), the text goes."""
    if isinstance(value, list):
        return [_scrub(v, secrets, lang) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, secrets, lang) for k, v in value.items()}
    if not isinstance(value, str):
        return value
    text = value
    for secret in secrets:
        for form in {secret, unicodedata.normalize("NFC", secret),
                     unicodedata.normalize("NFD", secret)}:
            text = re.sub(re.escape(form), PLACEHOLDER[lang], text, flags=re.IGNORECASE)
    return PLACEHOLDER[lang] if _mentions(text, secrets) else text


def forget(store: Store, plan: ForgetPlan) -> None:
    """Carry out a plan in one transaction that leaves no undo entry, then wipe free pages."""
    store.erase(plan.deletes, plan.rewrites, plan.history)


@dataclass
class BackupResult:
    path: Path
    removed: int
    error: str | None = None


def forget_in_backups(path: Path, name: str,
                      folders: tuple[Path, ...] = ()) -> list[BackupResult]:
    """Forget the same person in every backup copy kept next to the file, and in the other
    backup folders given (a USB stick the session backed up to)."""
    results = []
    copies = [copy for folder in (files.backups_dir(path), *folders) if folder.is_dir()
              for copy in sorted(folder.glob("*.wijk"))]
    for copy in copies:
        try:
            conn = files.connect(copy)
            store = Store(copy, conn, readonly=False)
            try:
                copy_plan = plan_forget(store, name)
                if not copy_plan.empty:
                    forget(store, copy_plan)
                results.append(BackupResult(copy, len(copy_plan.deletes)))
            finally:
                store.close()
        except sqlite3.Error as exc:
            results.append(BackupResult(copy, 0, str(exc)))
    return results

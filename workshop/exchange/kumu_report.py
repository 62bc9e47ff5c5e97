"""What a Kumu import did, said as the file then holds it: `ImportReport` and its one line.

Ties and links are counted from the file itself, before and after the import's write (new rows
and rows whose `updated` moved), so a sheet imported twice says it changed nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop import model
from workshop.file.store import Store
from workshop.i18n import plural, t

__all__ = ["ImportReport", "link_stamps", "summary"]

_LINK_TABLES = tuple(model.LINK_TABLE.values())  # tie, actor_initiative, actor_place


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ties: int = 0  # ties between actors created or changed (not those already as the sheet says)
    links: int = 0  # links of actors to initiatives and places, created or changed
    initiatives: int = 0  # created from elements of type Project/Initiative
    places: int = 0  # created from elements of type Place/Location
    skipped: int = 0
    notices: list[str] = field(default_factory=list)
    lang: str = "nl"  # of the notices: the file's

    @property
    def partial(self) -> bool:
        return self.skipped > 0

    def count_links(self, store: Store, before: dict[str, dict[str, str]]) -> None:
        """`ties` and `links`: the rows new or changed since `before` (`link_stamps`)."""
        now = link_stamps(store)
        changed = {table: now[table].items() - before[table].items() for table in _LINK_TABLES}
        self.ties = len(changed["tie"])
        self.links = len(changed["actor_initiative"]) + len(changed["actor_place"])


def summary(report: ImportReport) -> str:
    """What an import did, in one line of the file's language, as the file then holds it."""
    lang = report.lang
    counts = {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "ties": plural("n_tie", report.ties, lang),
    }
    if not (report.initiatives or report.places or report.links):
        return t("kumu_imported", lang, **counts)
    return t(
        "kumu_imported_records",
        lang,
        **counts,
        initiatives=plural("n_initiative", report.initiatives, lang),
        places=plural("n_place", report.places, lang),
        links=plural("n_link", report.links, lang),
    )


def link_stamps(store: Store) -> dict[str, dict[str, str]]:
    """id -> updated of every tie and link, per table."""
    return {
        table: dict(store.conn.execute(f'SELECT id, updated FROM "{table}"').fetchall())
        for table in _LINK_TABLES
    }

"""A merge's ids: which record of a source is which record of the target.

A merge takes two records with the same id for one (`workshop.file.merge`). The ids the file
gives are UUIDs (`rows.new_id`), so that holds. But before imports held ids to UUIDs, an
import took whatever its `id` column said, and two laptops of one neighbourhood may each
hold a place with id `1`: "Bakkerij Bol" on one, "Kapper Knip" on the other. Taken for one,
a merge would keep one name and lose the other record.

So a record whose id is not a UUID is known by its id *and* when it was created (`created`,
to the millisecond): copies of one record share both, two records an import gave the same
made-up id were created apart. Its canonical id is a UUID made of the two (`canonical`):

- the target holds a record with that id created at the same time: the same record, merged
  field by field as any other;
- the target holds a record with that id created at another time: another record. It is
  merged under its canonical id, so both stay, and the report says so (`KeptApart`);
- the target holds its canonical id (an earlier merge kept it apart): that record;
- a source record with a UUID that is the canonical id of one of the target's own made-up
  ids (a merge the other way round kept ours apart there): ours.

Every reference in the source's rows to a record merged under another id follows it (`row`):
the columns of `model.REFERENCES`, a row's session, a note's `about_id` and `said_by_id`, a
card photo's initiative. The same files give the same ids every time, so merging twice
changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop import model
from workshop.file.rows import derived_id, is_uuid
from workshop.file.store import Store


def canonical(table: str, id_: str, created: str) -> str:
    return derived_id("merge", table, id_, created)


@dataclass(frozen=True)
class KeptApart:
    """A source's record that had the id of another record here: merged under `new_id`."""

    table: str
    id: str  # the made-up id both had
    here: dict  # the target's record
    there: dict  # the source's record


class Ids:
    """The source's ids as the target knows them: `row` rewrites a source row."""

    def __init__(self, target: Store, source: Store, tables: tuple[str, ...]):
        self.moved: dict[str, dict[str, str]] = {}  # table -> source id -> id here
        self.kept_apart: list[KeptApart] = []
        for table in tables:
            moved = self._table(target, source, table)
            if moved:
                self.moved[table] = moved

    def _table(self, target: Store, source: Store, table: str) -> dict[str, str]:
        moved: dict[str, str] = {}
        ours = {  # canonical id -> our made-up id
            canonical(table, id_, created): id_
            for id_, created in target.conn.execute(f'SELECT id, created FROM "{table}"')
            if not is_uuid(id_)
        }
        one = f'SELECT * FROM "{table}" WHERE id = ?'
        for id_, created in source.conn.execute(f'SELECT id, created FROM "{table}"').fetchall():
            if is_uuid(id_):
                if id_ in ours:
                    moved[id_] = ours[id_]
                continue
            here = target.conn.execute(one, (id_,)).fetchone()
            if here is not None and here["created"] == created:
                continue  # the same record
            new = canonical(table, id_, created)
            apart = target.conn.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', (new,)).fetchone()
            if here is not None or apart:
                moved[id_] = new
            if here is not None and not apart:  # said once: when it comes in beside ours
                there = source.conn.execute(one, (id_,)).fetchone()
                self.kept_apart.append(KeptApart(table, id_, dict(here), dict(there)))
        return moved

    def row(self, table: str, row: dict) -> dict:
        """`row` of the source's `table` with its id and references as the target knows them."""
        if not self.moved:
            return row
        out = dict(row)
        self._follow(out, "id", table)
        for (ref_table, column), (target, _) in model.REFERENCES.items():
            if ref_table == table:
                self._follow(out, column, target)
        if "session_id" in out:
            self._follow(out, "session_id", "session")
        if table == "note":
            self._follow(out, "about_id", out.get("about_table"))
            self._follow(out, "said_by_id", out.get("said_by_table") or "actor")
        if table == "card_photo":
            self._follow(out, "initiative_id", "initiative")
        return out

    def _follow(self, row: dict, column: str, table: str | None) -> None:
        value = row.get(column)
        if value is not None and table in self.moved and value in self.moved[table]:
            row[column] = self.moved[table][value]

"""Which record an element of a Kumu sheet is, and which element or record a connection names.

Kumu's own way to have several elements of one label is an `ID` column: the IDs are unique,
the labels may repeat, and the connections' From and To name the IDs. The export writes the
record's UUID there. On import an element's ID is:

- the UUID of a record of the file: that record, whatever its label says;
- a UUID the file does not have: a new record under that UUID (as `import --csv` does), so
  export -> import into a new file -> export gives the same sheets;
- any other ID (`elem-1`, as Kumu makes them): only the key the sheet's connections use; the
  record is found by its label as without an ID, and a new one gets a UUID of its own (the
  file's ids stay UUIDs: another sheet's `elem-1` is another element).

By label, an element is the one record of the file with that name (or the pseudonym an export
gave a person). A label that two records share is never guessed at: the element is skipped,
and so are the connections to it, with a line that asks for the export's ID column. A
connection's From or To is an ID of the sheet, else the label of one element of the sheet,
else a record of the file by its UUID or by a name only one record has. Duplicate IDs, and
duplicate labels among the elements without an ID, refuse the sheet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workshop import model, privacy
from workshop.exchange.csv_cells import is_record_id
from workshop.exchange.kumu_report import ImportReport
from workshop.exchange.tables import unguard_cell
from workshop.file import redaction
from workshop.file.store import Store
from workshop.i18n import UserError, t
from workshop.text import normalise

MAX_LISTED = 5


@lru_cache(maxsize=65536)  # a label comes back in every connection of its actor
def norm(label: str) -> str:
    return normalise(label)


@dataclass(frozen=True)
class Element:
    number: int  # its row in the sheet
    label: str
    key: str  # its ID as the sheet has it; "" without
    row: dict[str, str]

    @property
    def uuid(self) -> str | None:
        """The ID when it is a record id as the file gives them."""
        return self.key.lower() if is_record_id(self.key) else None


@dataclass(frozen=True)
class Match:
    """The record of the file an element updates, or how a new one is made."""

    row: dict | None = None
    new_id: str | None = None  # the UUID a new record gets (None: one of its own)
    count: int = 0  # records its label matches, when more than one: the element is skipped
    in_sheet: bool = False  # (the count is of elements of the sheet with its label)
    renamed: bool = False  # found by its ID, and the label is a new name for it


@dataclass(frozen=True)
class End:
    """What a connection's From or To names."""

    element: Element | None = None
    record: tuple[str, str] | None = None  # (table, id) of a record of the file
    count: int = 0  # elements or records a shared label matches, when more than one


def in_file(store: Store, label: str) -> list[tuple[str, str]]:
    """(table, id) of every actor, initiative and place of the file with this name."""
    return [(table, row["id"]) for table in model.TIE_TABLES for row in store.find(table, label)]


def renames(store: Store, table: str, row: dict, label: str) -> bool:
    """Whether the label of an element found by its ID is a new name for `row`: not its name,
    nor the pseudonym or redacted name an export (anonymised or not) gave it, which must never
    become its name."""
    key = norm(label)
    if key == norm(row["name"]):
        return False
    if table == "actor" and key == norm(privacy.pseudonym(row, store.lang)):
        return False
    return all(
        key != norm(redaction.for_output(store, "export", anonymise=a).record(table, row)["name"])
        for a in (False, True)
    )


class Ends:
    """The connections' From and To, resolved once per value."""

    def __init__(
        self, store: Store, elements: list[Element], pseudonyms: dict[str, list[dict]]
    ) -> None:
        self.store = store
        self.pseudonyms = pseudonyms
        self.by_id = {e.key: e for e in elements if e.key}
        self.by_label: dict[str, list[Element]] = {}
        for element in elements:
            self.by_label.setdefault(norm(element.label), []).append(element)
        self._seen: dict[str, End] = {}
        self.became: dict[int, tuple[str, str] | None] = {}  # element row -> record, or skipped
        self.created: set[str] = set()  # ids of the records this import made
        self.ids = {  # of the records the file held before the import
            table: {r[0] for r in store.conn.execute(f'SELECT id FROM "{table}"')}
            for table in model.TIE_TABLES
        }

    def match(self, table: str, element: Element) -> Match:
        """The record of the file `element` is (see the module docstring)."""
        uuid = element.uuid
        if uuid:
            row = self.store.get(table, uuid) if uuid in self.ids[table] else None
            if row is not None:
                return Match(row=row, renamed=renames(self.store, table, row, element.label))
            taken = any(uuid in ids for ids in self.ids.values())
            return Match(new_id=None if taken else uuid)
        found = [r for r in self.store.find(table, element.label) if r["id"] not in self.created]
        if not found and table == "actor":
            found = self.pseudonyms.get(element.label, [])
        if len(found) > 1:
            return Match(count=len(found))
        # Elements of one label (told apart by Kumu's own IDs) are not the file's one record
        # of that name: which of them it is would be a guess.
        shared = sum(1 for e in self.by_label[norm(element.label)] if e.uuid is None)
        if found and shared > 1:
            return Match(count=shared, in_sheet=True)
        return Match(row=found[0] if found else None)

    def places(self, name: str) -> list[str]:
        """The ids a place named in an initiative's description may be: the places of the
        sheet imported so far with that label, else the file's places of that name."""
        sheet = [
            record[1]
            for e in self.by_label.get(norm(name), [])
            if (record := self.became.get(e.number)) and record[0] == "place"
        ]
        return sheet or [row["id"] for row in self.store.find("place", name)]

    def __call__(self, value: str) -> End:
        if value not in self._seen:
            self._seen[value] = self._resolve(value)
        return self._seen[value]

    def _resolve(self, value: str) -> End:
        element = self.by_id.get(value)
        if element is not None:
            return End(element=element)
        same = self.by_label.get(norm(value), [])
        if len(same) > 1:
            return End(count=len(same))
        if same:
            return End(element=same[0])
        if is_record_id(value):
            for table, ids in self.ids.items():
                if value.strip().lower() in ids:
                    return End(record=(table, value.strip().lower()))
        found = in_file(self.store, value) or [
            ("actor", row["id"]) for row in self.pseudonyms.get(value, [])
        ]
        if len(found) > 1:
            return End(count=len(found))
        return End(record=found[0] if found else None)


def refuse_duplicates(elements: list[Element], path: Path) -> None:
    """Two elements with one ID, or with one label and no ID: every such pair in one line."""
    _refuse_twice(
        ((e.key, e.key, e.number) for e in elements if e.key),
        path,
        "kumu_duplicate_id",
        "kumu_duplicate_ids",
    )
    _refuse_twice(
        ((norm(e.label), e.label, e.number) for e in elements if not e.key),
        path,
        "kumu_duplicate_label",
        "kumu_duplicate_labels",
    )


def _refuse_twice(keyed: Iterable[tuple[str, str, int]], path: Path, one: str, many: str) -> None:
    rows_of: dict[str, list[int]] = {}
    shown: dict[str, str] = {}
    for key, text, number in keyed:
        rows_of.setdefault(key, []).append(number)
        shown.setdefault(key, text)
    twice = [(shown[k], numbers) for k, numbers in rows_of.items() if len(numbers) > 1]
    if len(twice) == 1:
        label, numbers = twice[0]
        raise UserError(one, path=str(path), row=numbers[1], label=label)
    if twice:
        listed = [
            f"'{label}' ({', '.join(map(str, numbers))})" for label, numbers in twice[:MAX_LISTED]
        ]
        if len(twice) > MAX_LISTED:
            listed.append(f"+{len(twice) - MAX_LISTED}")
        raise UserError(many, path=str(path), labels="; ".join(listed))


def cell(row: dict[str, str], col: str | None) -> str:
    return unguard_cell(row.get(col, "").strip()) if col else ""


def refuse_unknown(
    cols: dict[str, str | None],
    rows: list[tuple[int, dict[str, str]]],
    ends: Ends,
    path: Path | None,
) -> None:
    """Every From/To must be an element of the sheet or a record of the file."""
    unknown: dict[str, int] = {}
    for number, row in rows:
        for name in ("From", "To"):
            label = cell(row, cols[name])
            if label not in unknown and ends(label) == End():
                unknown[label] = number
    if len(unknown) == 1:
        label, number = next(iter(unknown.items()))
        raise UserError("kumu_unknown_label", path=str(path), row=number, label=label)
    if unknown:
        listed = [f"'{label}' ({number})" for label, number in list(unknown.items())[:MAX_LISTED]]
        if len(unknown) > MAX_LISTED:
            listed.append(f"+{len(unknown) - MAX_LISTED}")
        raise UserError("kumu_unknown_labels", path=str(path), labels="; ".join(listed))


def ends_of(
    row: dict[str, str],
    cols: dict[str, str | None],
    ends: Ends,
    number: int,
    path: Path | None,
    report: ImportReport,
) -> list[tuple[str, str]] | None:
    """(table, id) of the connection's From and To; None (and a line) when one end is a label
    several records share, or an element that was skipped."""
    found = []
    for name in ("From", "To"):
        label = cell(row, cols[name])
        end = ends(label)
        record = ends.became.get(end.element.number) if end.element else end.record
        if record is None:
            report.skipped += 1
            file = Path(str(path)).name
            if end.count:
                line = t(
                    "kumu_ambiguous_end",
                    report.lang,
                    file=file,
                    row=number,
                    column=name,
                    label=label,
                    count=end.count,
                )
            else:
                line = t(
                    "kumu_end_skipped",
                    report.lang,
                    file=file,
                    row=number,
                    column=name,
                    label=end.element.label if end.element else label,
                )
            report.notices.append(line)
            return None
        found.append(record)
    return found

"""Kumu's spreadsheet layout, both ways: actors as elements, actor-actor ties as connections.

    elements.csv     ID, Label, Type, Description, Tags (|-separated), and our extra
                     columns Role, Influence, Groups, Ambassador, Startmotor, Phone, Email,
                     Website, Consent
    connections.csv  From, To (the elements' IDs), Type, Direction, Strength, Tags, Description

The ID is Kumu's own way to have several elements of one label (its docs: a column titled ID
before column A, unique IDs, and the labels may repeat; From and To then name IDs). The export
writes the record's id there, so two actors called Jan are two elements labelled Jan, each
with its own connections, and come back as the two they were (the export once made "Jan (2)"
of the second, a name nobody gave, which the import took for a third actor; with the IDs no
suffix is needed, and Kumu shows the label). The ID is the id the CSV export writes as well,
also with `--anonymise` and for persons shown by a pseudonym (which already carries four of
its characters): a random UUID that holds nothing of the person, which only the file itself, or
an export that names the person, can link back, exactly as the CSV export's `id` can. An
opaque ID per export would keep apart only what an anonymised CSV export of the same file links
anyway, and would cost the update by ID. How the import reads IDs and labels, and why a label
two records share is never guessed at: `kumu_keys`.

Kumu's sheets may also come as one .xlsx workbook (sheets Elements and Connections) or as
UTF-16 text (Excel's "Unicode text"); `files.read_csv` reads them all. Every text cell is
written through the same guard as the CSV export (`tables.guard_cell`): a cell that starts
like a formula (`=1+1 Stichting`, `+31612345678`) or a number with a leading zero
(`0612345678`) gets a leading apostrophe, so a spreadsheet keeps it as text; the import takes
the apostrophe off again. Element types other than persons and organisations map by meaning
(see `kumu_kinds`). A half-filled row (no Label, a connection without From or To) is skipped
and reported rather than refusing the sheet: the rest of a hand-made sheet is still good, and
the report names every skipped row.

Kumu reads the extra columns as fields. Importing merges into the file: an ID that is a record
of the file updates it; without one, a label that matches one existing record (case- and
accent-insensitively, or the pseudonym an export gave a person) updates it, and a label two
records share skips the element and its connections with a line; the whole import is one
transaction and one undoable step. A sheet that cannot be read right (duplicate IDs, duplicate
labels without an ID, connections to labels that are nowhere, a direction nobody knows) writes
nothing, and the message lists every such ID or label at once, so one correction is enough.
A cell of a field the capture line has (Influence, Strength, Ambassador, Startmotor, Consent)
is held to that field's rule (`exchange.rules`) and refused with its reason: `x` is no yes.

The Consent column makes export -> import -> export give the same sheets: an exported row may
be published as written (a person below public consent is already a pseudonym), so it says
`public` there. It only applies to actors the import creates; an existing actor's consent never
changes by import (a re-imported pseudonym must not make the real name public).
"""

from __future__ import annotations

from pathlib import Path

from workshop import model
from workshop.exchange.files import write_csv
from workshop.exchange.kumu_import import CONNECTION_COLUMNS, ELEMENT_COLUMNS, import_kumu
from workshop.exchange.kumu_report import ImportReport, summary
from workshop.exchange.tables import guard_cell
from workshop.file import redaction
from workshop.file.store import Store

__all__ = [
    "CONNECTION_COLUMNS",
    "ELEMENT_COLUMNS",
    "ImportReport",
    "export_kumu",
    "import_kumu",
    "summary",
]

KUMU_TYPES = {"person": "Person", "organisation": "Organization"}


def export_kumu(
    store: Store, folder: Path, *, anonymise: bool = False, records: bool = False
) -> list[Path]:
    """elements.csv and connections.csv of the actors and ties; with `records`, the places and
    initiatives too, with the actors' links to them (`kumu_records`)."""
    lang = store.lang
    actors = store.rows("actor", order="created, rowid")
    ids: set[str] = set()
    elements = []
    scrub = redaction.for_output(store, "export", anonymise=anonymise)
    for actor in actors:
        shown = scrub.record("actor", actor)
        ids.add(actor["id"])
        hidden = shown["name"] != actor["name"] and actor["type"] == "person"
        elements.append(
            [
                actor["id"],
                shown["name"],
                KUMU_TYPES[actor["type"]],
                "" if hidden else shown["description"] or "",
                "|".join(shown["tags"]),
                model.ROLES.label(actor["role"], lang),
                "" if actor["influence"] is None else actor["influence"],
                shown["groups"] or "",
                "yes" if actor["ambassador"] else "",
                "yes" if actor["startmotor"] else "",
                shown["tel"] or "",
                shown["mail"] or "",
                shown["website"] or "",
                "public" if hidden else actor["consent"],
            ]
        )
    connections = []
    for tie in store.rows("tie", order="created, rowid"):
        shown = scrub.record("tie", tie)
        connections.append(
            [
                tie["source_id"],
                tie["target_id"],
                model.ACTOR_TIE_KINDS.label(tie["kind"], lang),
                tie["direction"],
                "" if tie["strength"] is None else tie["strength"],
                "|".join(shown["tags"]),
                shown["description"] or "",
            ]
        )
    if records:
        from workshop.exchange import kumu_records

        more, links = kumu_records.elements_and_links(store, scrub, ids, lang)
        elements += more
        connections += links
    return [
        write_csv(Path(folder) / "elements.csv", ELEMENT_COLUMNS, _guarded(elements)),
        write_csv(Path(folder) / "connections.csv", CONNECTION_COLUMNS, _guarded(connections)),
    ]


def _guarded(rows: list[list]) -> list[list]:
    return [[guard_cell(v) if isinstance(v, str) else v for v in row] for row in rows]

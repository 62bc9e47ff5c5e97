"""Kumu's sheets read into a file: `import_kumu` (see `workshop.exchange.kumu` for the layout,
the guard of text cells and what an import merges, updates and refuses)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from workshop import model, privacy
from workshop.capture.record import upsert_tie
from workshop.exchange import kumu_keys, kumu_kinds, rules
from workshop.exchange.files import column, read_csv, row_number
from workshop.exchange.kumu_keys import Element
from workshop.exchange.kumu_keys import cell as _cell
from workshop.exchange.kumu_report import ImportReport, link_stamps
from workshop.file.store import Store, Writer
from workshop.i18n import UserError, join, pick, t

ELEMENT_COLUMNS = [
    "ID",
    "Label",
    "Type",
    "Description",
    "Tags",
    "Role",
    "Influence",
    "Groups",
    "Ambassador",
    "Startmotor",
    "Phone",
    "Email",
    "Website",
    "Consent",
]

CONNECTION_COLUMNS = ["From", "To", "Type", "Direction", "Strength", "Tags", "Description"]


def import_kumu(
    store: Store, elements_path: Path, connections_path: Path | None, *, consent: str = "internal"
) -> ImportReport:
    """Merge a Kumu elements sheet (and connections sheet) into the file."""
    report = ImportReport(lang=store.lang)
    header, rows = read_csv(
        elements_path, sheet="Elements", notices=report.notices, lang=store.lang
    )
    label_col = column(header, "Label", "Name", "Naam")
    if label_col is None:
        raise UserError(
            "csv_missing_columns",
            path=str(elements_path),
            columns="Label",
            expected=", ".join(ELEMENT_COLUMNS[:5]),
        )
    _note_ignored(header, ELEMENT_COLUMNS + ["Name", "Naam"], elements_path, report)
    cols = {name: column(header, name) for name in ELEMENT_COLUMNS}
    elements = []
    for n, row in ((row_number(r, i), r) for i, r in enumerate(rows, 2)):
        if _cell(row, label_col):
            elements.append(Element(n, _cell(row, label_col), _cell(row, cols["ID"]), row))
        else:
            _skip(report, elements_path, n, "Label")
    if not elements:
        raise UserError("kumu_no_elements", path=str(elements_path))
    kumu_keys.refuse_duplicates(elements, elements_path)
    same_book = connections_path is not None and Path(connections_path) == Path(elements_path)
    conn_header, conn_rows = _connections(connections_path, report, store.lang, same_book)
    pseudonyms: dict[str, list[dict]] = {}
    for person in store.rows("actor", "type = ?", ("person",)):
        pseudonyms.setdefault(privacy.pseudonym(person, store.lang), []).append(person)
    conn_cols = {name: column(conn_header, name) for name in CONNECTION_COLUMNS}
    filled = _filled(conn_rows, conn_cols, report, connections_path)
    ends = kumu_keys.Ends(store, elements, pseudonyms)
    kumu_keys.refuse_unknown(conn_cols, filled, ends, connections_path)
    before = link_stamps(store)
    known = frozenset(r[0] for r in store.conn.execute("SELECT id FROM actor"))
    with store.write() as w, w.entry(f"import kumu {Path(elements_path).name}"):
        for element in elements:
            ends.became[element.number] = _import_element(
                store, w, element, cols, consent, report, ends, elements_path
            )
        for number, row in filled:
            found = kumu_keys.ends_of(row, conn_cols, ends, number, connections_path, report)
            if found:
                _import_connection(
                    store, w, row, conn_cols, found, number, connections_path, report, known
                )
    # What the file now holds that it did not, or differently: what the report says.
    report.count_links(store, before)
    return report


@lru_cache(maxsize=1024)
def _term(vocabulary: model.Vocabulary, word: str) -> model.Term | None:
    return vocabulary.lookup(word)


def _skip(report: ImportReport, path: Path | None, number: int, empty: str) -> None:
    report.skipped += 1
    report.notices.append(
        t("kumu_skip_empty", report.lang, file=Path(str(path)).name, row=number, column=empty)
    )


def _filled(
    rows: list[dict[str, str]], cols: dict[str, str | None], report: ImportReport, path: Path | None
) -> list[tuple[int, dict[str, str]]]:
    """The connections with both ends; a half-filled one is skipped and reported."""
    kept = []
    for number, row in ((row_number(r, i), r) for i, r in enumerate(rows, 2)):
        empty = next((name for name in ("From", "To") if not _cell(row, cols[name])), None)
        if empty:
            _skip(report, path, number, empty)
        else:
            kept.append((number, row))
    return kept


def _connections(
    path: Path | None, report: ImportReport, lang: str, same_book: bool = False
) -> tuple[list[str], list[dict]]:
    if path is None:
        return [], []
    try:
        empty = Path(path).stat().st_size == 0
    except OSError:
        empty = False  # read_csv says what is wrong with it
    if empty:
        report.notices.append(t("kumu_no_connections", lang, file=Path(path).name))
        return [], []
    header, rows = read_csv(
        path, sheet="Connections", notices=report.notices, lang=lang, needs=("From", "To")
    )
    missing = [c for c in ("From", "To") if column(header, c) is None]
    if missing and same_book:  # one workbook given twice, with elements only
        report.notices.append(t("kumu_no_connections_sheet", lang, file=Path(path).name))
        return [], []
    if missing:
        raise UserError(
            "csv_missing_columns",
            path=str(path),
            columns=", ".join(missing),
            expected=", ".join(CONNECTION_COLUMNS),
        )
    _note_ignored(header, CONNECTION_COLUMNS, path, report)
    return header, rows


def _note_ignored(header: list[str], known: list[str], path: Path, report: ImportReport) -> None:
    wanted = {k.casefold().replace(" ", "") for k in known}
    ignored = [h for h in header if h and h.casefold().replace(" ", "") not in wanted]
    if ignored:
        report.notices.append(
            t(
                "import_ignored_columns",
                report.lang,
                file=Path(path).name,
                columns=", ".join(ignored),
            )
        )


def _by_rule(
    store: Store, kind: str, name: str, text: str, number: int, path: Path | None, column: str
) -> object:
    """A cell held to the capture line's rule for `name:`; one line naming row and column."""
    try:
        return rules.by_capture_rule(kind, name, text, store.context())
    except UserError as exc:
        raise UserError(
            "kumu_bad_cell",
            path=str(path),
            row=number,
            column=column,
            value=text[:80],
            reason=exc.message(store.lang),
        ) from None


def _import_element(
    store: Store,
    w: Writer,
    element: Element,
    cols: dict[str, str | None],
    consent: str,
    report: ImportReport,
    ends: kumu_keys.Ends,
    path: Path,
) -> tuple[str, str] | None:
    """(table, id) of the record this element became; None when it was skipped."""
    label, row, number = element.label, element.row, element.number
    values: dict = {}
    tags = [t.strip() for t in _cell(row, cols["Tags"]).split("|") if t.strip()]
    type_word = _cell(row, cols["Type"])
    role_word = _cell(row, cols["Role"])
    kind = kumu_kinds.kind_of(type_word)
    table = kind if kind in ("initiative", "place") else "actor"
    found = ends.match(table, element)
    if found.count:
        report.skipped += 1
        report.notices.append(
            t(
                "kumu_ambiguous_sheet" if found.in_sheet else "kumu_ambiguous_element",
                report.lang,
                file=Path(path).name,
                row=number,
                label=label,
                count=found.count,
            )
        )
        return None
    if table != "actor":
        cells = {
            c: _cell(row, cols[c]) for c in ("Description", "Role", "Phone", "Email", "Website")
        }
        values, unsure = kumu_kinds.record_values(store, table, cells, ends.places)
        if found.renamed:
            values["name"] = label
        if unsure:
            report.notices.append(
                t(
                    "kumu_place_left_empty",
                    report.lang,
                    file=Path(path).name,
                    row=number,
                    value=unsure[0],
                    count=unsure[1],
                )
            )
        record_id, state = kumu_kinds.upsert_record(
            store, w, table, label, values, tags, found.row, found.new_id
        )
        if state == "created":
            ends.created.add(record_id)
            setattr(report, table + "s", getattr(report, table + "s") + 1)
        else:
            setattr(report, state, getattr(report, state) + 1)
        return table, record_id
    if kind == "other":  # a new actor becomes an organisation; an existing one keeps its type
        report.notices.append(
            t(
                "kumu_unknown_type",
                report.lang,
                file=Path(path).name,
                row=number,
                type=type_word,
                known=kumu_kinds.KNOWN_TYPES,
            )
        )
    type_term = model.ACTOR_TYPES.lookup(type_word) if type_word else None
    for word in (role_word, type_word):
        term = model.ROLES.lookup(word) if word else None
        if term and "role" not in values:
            values["role"] = term.key
    if type_term:
        values["type"] = type_term.key
    elif type_word and model.ROLES.lookup(type_word) is None and type_word not in tags:
        tags.append(type_word)
    if _cell(row, cols["Description"]):
        values["description"] = _cell(row, cols["Description"])
    influence = _cell(row, cols["Influence"])
    if influence:
        values["influence"] = _by_rule(
            store, "actor", "influence", influence, number, path, "Influence"
        )
    for key, col in (
        ("groups", "Groups"),
        ("tel", "Phone"),
        ("mail", "Email"),
        ("website", "Website"),
    ):
        if _cell(row, cols[col]):
            values[key] = _cell(row, cols[col])
    for key, col in (("ambassador", "Ambassador"), ("startmotor", "Startmotor")):
        if _cell(row, cols[col]):
            values[key] = _by_rule(store, "actor", key, _cell(row, cols[col]), number, path, col)
    consent_cell = _cell(row, cols["Consent"])
    sheet_consent = (
        _by_rule(store, "actor", "consent", consent_cell, number, path, "Consent")
        if consent_cell
        else None
    )
    actor = found.row  # (also a person this file exported under a pseudonym)
    if actor is not None:
        if found.renamed:
            values["name"] = label
        changes = kumu_kinds.beyond_export(store, "actor", actor, values, tags)
        after = w.update("actor", actor["id"], changes) if changes else actor
        if any(after.get(k) != v for k, v in actor.items() if k != "updated"):
            report.updated += 1
        else:
            report.unchanged += 1
        return "actor", actor["id"]
    if "type" not in values:
        role = values.get("role")
        implied = model.ROLES[role].implies if role else None
        values["type"] = "organisation" if kind == "other" else implied or "person"
    if sheet_consent:
        values["consent"] = sheet_consent
    else:
        values["consent"] = "public" if values["type"] == "organisation" else consent
    if found.new_id:
        values["id"] = found.new_id
    row_out = w.insert("actor", {"name": label, "tags": tags, **values})
    ends.created.add(row_out["id"])
    report.created += 1
    return "actor", row_out["id"]


def _import_connection(
    store: Store,
    w: Writer,
    row: dict[str, str],
    cols: dict[str, str | None],
    ends: list[tuple[str, str]],
    number: int,
    path: Path | None,
    report: ImportReport,
    known: frozenset[str] = frozenset(),
) -> None:
    """`ends`: (table, id) of From and To. `known`: the actors the file held before this
    import (only their ties can hold what the file's own export redacted)."""
    if ends[0] == ends[1]:
        report.skipped += 1
        report.notices.append(
            t("kumu_self_tie", report.lang, file=Path(str(path)).name, row=number)
        )
        return
    type_word = _cell(row, cols["Type"])
    tags = [t.strip() for t in _cell(row, cols["Tags"]).split("|") if t.strip()]
    tables = {table for table, _ in ends}
    if tables != {"actor"}:
        other = next(iter(tables - {"actor"}))
        if "actor" not in tables or len(tables) != 2:
            report.skipped += 1
            report.notices.append(
                t(
                    "kumu_no_place",
                    report.lang,
                    file=Path(str(path)).name,
                    row=number,
                    ends=join(
                        [pick(model.KIND_LABELS[table], report.lang).lower() for table, _ in ends],
                        report.lang,
                    ),
                )
            )
            return
        actor_id = next(i for t, i in ends if t == "actor")
        record_id = next(i for t, i in ends if t == other)
        kumu_kinds.link(store, w, actor_id, other, record_id, type_word, tags)
        return
    term = _term(model.ACTOR_TIE_KINDS, type_word) if type_word else None
    if type_word and term is None and type_word not in tags:
        tags.append(type_word)
    direction_word = _cell(row, cols["Direction"]) or "directed"
    direction = _term(model.DIRECTIONS, direction_word)
    if direction is None:
        raise UserError(
            "kumu_bad_value",
            path=str(path),
            row=number,
            column="Direction",
            value=direction_word,
            choices="directed, mutual, undirected",
        )
    fields: dict[str, object] = {}
    if _cell(row, cols["Description"]):
        fields["description"] = _cell(row, cols["Description"])
    strength = _cell(row, cols["Strength"])
    if strength:
        fields["strength"] = _by_rule(store, "tie", "strength", strength, number, path, "Strength")
    kind = term.key if term else "knows"
    old_ends = ends[0][1] in known and ends[1][1] in known
    for tie in (
        ()
        if not old_ends
        else store.rows(
            "tie",
            "kind = ? AND ((source_id = ? AND target_id = ?) OR (source_id = ? AND target_id = ?))",
            (kind, ends[0][1], ends[1][1], ends[1][1], ends[0][1]),
        )
    ):
        kept = kumu_kinds.beyond_export(store, "tie", tie, fields, tags)
        fields = {k: v for k, v in fields.items() if k in kept or v == tie.get(k)}
        tags = [t for t in tags if t in tie["tags"] or t in kept.get("tags", [])]
    upsert_tie(store, w, ends[0][1], ends[1][1], kind, direction.key, tags, fields)

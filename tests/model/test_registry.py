"""The registry is the one place the tables, kinds and yes/no words are declared."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

import workshop
from workshop import model

ROOT = Path(workshop.__file__).parent
FACTS = {
    "NAMED_TABLES": model.NAMED_TABLES,
    "PERSON_TABLES": model.PERSON_TABLES,
    "MAY_HOLD_PERSON": model.MAY_HOLD_PERSON,
    "LINK_TABLES": model.LINK_TABLES,
    "NOTE_TARGET_TABLES": model.NOTE_TARGET_TABLES,
    "YES_WORDS": model.YES_WORDS,
    "NO_WORDS": model.NO_WORDS,
}


def _literal_strings(node: ast.expr) -> frozenset[str] | None:
    if not isinstance(node, ast.Tuple | ast.List | ast.Set) or not node.elts:
        return None
    values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
    if len(values) != len(node.elts) or not all(isinstance(v, str) for v in values):
        return None
    return frozenset(values)


def test_no_module_declares_a_registry_fact_again() -> None:
    """A second copy of a table list or of the yes-words is how the copies came to disagree
    (`ambassadeur:x` refused by the line, taken by a form and a Kumu sheet)."""
    wanted = {frozenset(v): k for k, v in FACTS.items()}
    copies = []
    for path in ROOT.rglob("*.py"):
        if path.parent.name == "model":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                found = _literal_strings(node.value)
                if found in wanted:
                    copies.append(f"{path.relative_to(ROOT)}:{node.lineno} {wanted[found]}")
    assert copies == []


def test_the_yes_and_no_words() -> None:
    assert [model.yes_no(w) for w in ("Ja", " yes ", "WAAR", "1", "true")] == [True] * 5
    assert [model.yes_no(w) for w in ("nee", "No", "onwaar", "0", "false")] == [False] * 5
    assert [model.yes_no(w) for w in ("x", "j", "y", "n", "", "misschien")] == [None] * 6


def test_the_kinds_have_both_labels() -> None:
    assert set(model.KIND_WORDS) <= set(model.KIND_LABELS)
    for kind in model.KIND_LABELS:
        assert model.kind_label(kind, "nl") and model.kind_label(kind, "en")
    assert model.kind_word("place", "nl") == "een plek"
    assert model.kind_word("place", "en") == "a place"


def test_every_table_of_the_registry_is_a_table_of_the_file(store) -> None:
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    named = {*model.NAMED_TABLES, *model.LINK_TABLES, *model.MAY_HOLD_PERSON}
    assert named <= tables
    assert {t for t, _ in model.REFERENCES} <= tables
    for (table, column), (target, required) in model.REFERENCES.items():
        fks = store.conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        assert (target, column) in {(fk[2], fk[3]) for fk in fks}, (table, column)
        notnull = {r[1]: r[3] for r in store.conn.execute(f"PRAGMA table_info({table})")}
        assert bool(notnull[column]) == required, (table, column)


def test_the_model_and_the_file_do_not_import_the_capture_line() -> None:
    """`Context` lives in the model: the file builds it without importing the grammar, and
    the field table's words are the model's, so `capture.fields` needs no grammar either."""
    graph = grimp.build_graph("workshop")
    for module in graph.find_children("workshop.model"):
        imported = graph.find_modules_directly_imported_by(module)
        assert {m for m in imported if not m.startswith("workshop.model")} <= {
            "workshop.text",
            "workshop.i18n",
        }, module
    assert not graph.chain_exists("workshop.file.store", "workshop.capture.grammar")
    assert not graph.chain_exists("workshop.capture.fields", "workshop.capture.grammar")
    assert not graph.chain_exists("workshop.file.store", "workshop.capture")

"""The message catalogues: one per package, one format, every message in Dutch and English.

Read from the source with `ast`, so a key used in a branch no test reaches is still checked.
"""

from __future__ import annotations

import ast
import importlib
import string
from pathlib import Path

import pytest

from workshop import i18n

WORKSHOP = Path(i18n.__file__).parent

#: One catalogue per package: the module that holds it.
CATALOGUE_MODULES = {
    "shared": "workshop.i18n",
    "model": "workshop.model.messages",
    "file": "workshop.file.messages",
    "capture": "workshop.capture.messages",
    "osm": "workshop.osm.messages",
    "analysis": "workshop.analysis.messages",
    "exchange": "workshop.exchange.messages",
    "printing": "workshop.printing.messages",
    "paper": "workshop.paper.messages",
    "summary": "workshop.printing.summary.texts",
    "cli": "workshop.cli.messages",
    "cardphotos": "workshop.paper.card_messages",
    "tui": "workshop.tui.texts",
    "tui-guide": "workshop.tui.guide",
}

#: Messages that are rightly the same in both languages (names, symbols, units, formats).
SAME_IN_BOTH = {
    "no_hint",
    "n_actor_one",
    "forget_output",
    "withheld_mail",  # "(e-mail)"
    "tui_key_palette",
    "tui_age_seconds",
    "tui_age_minutes",
    "tui_preview_will",
    "tui_hint_complete",
    "tui_col_status",
    "tui_col_type",
    "tui_col_flags",
    "tui_col_rank",
    "tui_map_cell_items",
    "sum_col_status",
    "tpl_keyed",  # "{name}: {detail}"
    "tui_counts",  # "{place} · {initiative} · …", each counted by i18n.plural
    "sum_startmotors",  # "startmotor" is the guidance's word, kept in English
    "plan_resolved",  # "{typed} = {kind} '{name}'"
    "edit_bad_text",  # "{field}: {message}"
    "tui_key_export",  # "Export" is Dutch too (the key bar's short label)
    "check_record_line",  # "{table} '{record}': {problem}; {fix}", its parts translated
}


def _load() -> None:
    for module in CATALOGUE_MODULES.values():
        importlib.import_module(module)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _modules() -> dict[str, Path]:
    found = {}
    for path in WORKSHOP.rglob("*.py"):
        parts = list(path.relative_to(WORKSHOP.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _keys_used(tree: ast.AST) -> set[str]:
    """Keys in t("…"), i18n.t("…"), CATALOGUE.t("…"), tx("…") (the TUI's, `tui_` before it),
    plural("…", n) (its `_one` and `_other`) and UserError("…"); `parts.t("…")` of the summary too."""
    keys: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "sheet":
            continue  # a printout's template text (templates/*.toml), not a message
        if name in ("t", "UserError"):
            keys.add(first.value)
        elif name == "tx":
            keys.add(f"tui_{first.value}")
        elif name == "plural":
            keys |= {f"{first.value}_one", f"{first.value}_other"}
    return keys


def _imports(name: str, tree: ast.AST, modules: dict[str, Path]) -> set[str]:
    """The workshop modules `name` imports, anywhere in it, with the packages they sit in."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                package = name.split(".")[: -node.level] if name in modules else []
                base = ".".join([*package, base])
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            if target in modules:
                found.add(target)
    with_packages = set(found)
    for module in found:
        parts = module.split(".")
        with_packages |= {".".join(parts[:i]) for i in range(1, len(parts))}
    return with_packages


def test_one_catalogue_per_package_in_one_format() -> None:
    _load()
    assert set(i18n.CATALOGUES) == set(CATALOGUE_MODULES)
    registered = {key for c in i18n.CATALOGUES.values() for key in c.messages}
    assert registered == set(i18n.MESSAGES), "every message comes from a catalogue"
    for catalogue in i18n.CATALOGUES.values():
        for key, texts in catalogue.messages.items():
            assert set(texts) == {"nl", "en"}, key
            assert texts["nl"].strip() and texts["en"].strip(), key
            assert _fields(texts["nl"]) == _fields(texts["en"]), key


def test_no_dutch_message_is_a_copy_of_the_english_one() -> None:
    _load()
    same = {key for key, texts in i18n.MESSAGES.items() if texts["nl"] == texts["en"]}
    assert same == SAME_IN_BOTH


def test_every_key_the_code_uses_exists_and_its_catalogue_is_imported() -> None:
    """A `UserError` is rendered far from where it was raised, so the module that uses a key
    must import (through its package, at least) the catalogue that defines it."""
    _load()
    modules = _modules()
    trees = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in modules.items()}
    graph = {name: _imports(name, tree, modules) for name, tree in trees.items()}
    for name in modules:  # a module's own packages run before it
        parts = name.split(".")
        graph[name] |= {".".join(parts[:i]) for i in range(1, len(parts))}
    home = {key: CATALOGUE_MODULES[c.name] for c in i18n.CATALOGUES.values() for key in c.messages}
    missing, unreachable = [], []
    for name, tree in trees.items():
        keys = _keys_used(tree)
        if not keys:
            continue
        seen, todo = {name}, [name]
        while todo:
            for nxt in graph[todo.pop()] - seen:
                seen.add(nxt)
                todo.append(nxt)
        for key in sorted(keys):
            if key not in i18n.MESSAGES:
                missing.append(f"{name}: {key}")
            elif home[key] not in seen:
                unreachable.append(f"{name}: {key} ({home[key]})")
    assert not missing, missing
    assert not unreachable, unreachable


def _is_lang(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "lang") or (
        isinstance(node, ast.Attribute) and node.attr == "lang"
    )


def _is_text(node: ast.AST) -> bool:
    """A literal text or a (nl, en) index; a language code (`"en" if lang == "nl"`) is not."""
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and node.value not in ("nl", "en")


def test_no_inline_language_ternaries() -> None:
    """`"…" if lang == "nl" else "…"`, `pair[0 if lang == "nl" else 1]` and
    `{"nl": …, "en": …}[lang]` belong in a catalogue (or `i18n.pick`)."""
    found = []
    for path in sorted(WORKSHOP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.IfExp) and isinstance(node.test, ast.Compare):
                test = node.test
                on_lang = _is_lang(test.left) or any(_is_lang(c) for c in test.comparators)
                if on_lang and (_is_text(node.body) or _is_text(node.orelse)):
                    found.append(f"{path.relative_to(WORKSHOP)}:{node.lineno}")
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
                keys = {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
                if keys == {"nl", "en"}:
                    found.append(f"{path.relative_to(WORKSHOP)}:{node.lineno}")
    assert not found, found


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (0, "nl", "0 verbanden"),
        (1, "nl", "1 verband"),
        (2, "nl", "2 verbanden"),
        (1, "en", "1 tie"),
        (2, "en", "2 ties"),
        (0, "en", "0 ties"),
    ],
)
def test_plural(count: int, lang: str, expected: str) -> None:
    assert i18n.plural("n_tie", count, lang) == expected


def test_plural_of_every_counted_noun() -> None:
    assert i18n.plural("n_initiative", 1, "en") == "1 initiative"
    assert i18n.plural("n_initiative", 3, "nl") == "3 initiatieven"
    assert i18n.plural("n_place", 1, "nl") == "1 plek"


@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        ([], "nl", ""),
        (["A"], "nl", "A"),
        (["A", "B"], "nl", "A en B"),
        (["A", "B", "C"], "nl", "A, B en C"),
        (["A", "B", "C"], "en", "A, B and C"),
    ],
)
def test_join(items: list[str], lang: str, expected: str) -> None:
    assert i18n.join(items, lang) == expected


def test_join_with_or() -> None:
    assert i18n.join(["A", "B", "C"], "nl", word="list_or") == "A, B of C"
    assert i18n.join(["A", "B"], "en", word="list_or") == "A or B"


def test_a_key_defined_twice_differently_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        i18n.register({"no_hint": {"nl": "!", "en": "!"}})
    with pytest.raises(ValueError, match="nl and en"):
        i18n.register({"test_only_dutch": {"nl": "alleen"}})
    assert "test_only_dutch" not in i18n.MESSAGES


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "1 plek · 1 initiatief · 2 actoren · 1 verband · 0 notities"),
        ("en", "1 place · 1 initiative · 2 actors · 1 tie · 0 notes"),
    ],
)
def test_the_status_bar_counts_one_in_the_singular(lang: str, expected: str) -> None:
    from workshop.tui.widgets.status_bar import WIDE, Status, StatusBar

    counts = {"place": 1, "initiative": 1, "actor": 2, "tie": 1, "note": 0, "participant": 1}
    bar = StatusBar()
    bar.show(Status("x.wijk", "vandaag", counts, None, lang))
    _, right = bar.parts(WIDE)
    assert right.plain.startswith(expected + " · ")


def test_check_speaks_the_language_it_is_asked_for(tmp_path: Path) -> None:
    from workshop.file.check import check_file
    from workshop.file.store import Store

    path = tmp_path / "w.wijk"
    Store.create(path, name="W").close()
    path.write_bytes(path.read_bytes() + b"garbage" * 100)
    dutch, english = check_file(path, "nl"), check_file(path, "en")
    assert any("bytes na het einde van de database" in f for f in dutch.findings)
    assert any(f == "integriteitscontrole: in orde" for f in dutch.facts)
    assert any("bytes after the end of the database" in f for f in english.findings)
    assert not set(dutch.facts + dutch.findings) & set(english.facts + english.findings)


def test_a_phrase_is_said_in_the_language_of_its_sentence(tmp_path: Path) -> None:
    from workshop.i18n import UserError
    from workshop.printing import templates

    path = tmp_path / "t.toml"
    path.write_text('[colours]\nink = "rood"\n', encoding="utf-8")
    with pytest.raises(UserError) as refused:
        templates.load(path)
    assert refused.value.message("nl").endswith(
        "klopt niet: colours.ink: 'rood' is geen kleur: schrijf \"#RRGGBB\""
    )
    assert refused.value.message("en").endswith(
        "is not valid: colours.ink: 'rood' is not a colour: write \"#RRGGBB\""
    )
    path.write_text('[texts.nl]\nfooter = "{x:>9}"\n', encoding="utf-8")
    with pytest.raises(UserError) as refused:
        templates.load(path)
    assert refused.value.message("en").endswith("'{x:>9}': only {name} placeholders")


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_the_status_bar_shows_the_sessions_date_whole(width: int) -> None:
    """At 120 columns the counts in words took the room and the date came out `2026-1…`: the
    counts go short first, then the venue and table, then the neighbourhood's name is cut."""
    from rich.cells import cell_len

    from workshop.tui.widgets.status_bar import Status, StatusBar

    counts = {"place": 24, "initiative": 14, "actor": 633, "tie": 112, "note": 24, "participant": 8}
    bar = StatusBar()
    bar.show(Status("De Kersenbuurt", "2026-12-02 · Buurthuis De Bron · 2", counts, 120.0, "nl"))
    room = width - 2  # the bar's padding
    left, right = bar.fitted(width, room)
    assert "sessie 2026-12-02" in left.plain, left.plain
    assert cell_len(left.plain) + 1 + cell_len(right.plain) <= room
    assert left.plain.startswith("De Kersenbuurt · sessie 2026-12-02")
    if width >= 160:  # room for the counts in words beside the date
        assert right.plain.startswith("24 plekken")
    few = {"place": 1, "initiative": 0, "actor": 0, "tie": 0, "note": 0, "participant": 0}
    bar.show(Status("De Kersenbuurt", "2026-12-02 · Bron", few, None, "nl"))
    left, right = bar.fitted(width, room)
    assert left.plain.startswith("De Kersenbuurt · sessie 2026-12-02 · B")
    if width != 120:  # at 120 the counts in words leave the venue cut
        assert left.plain == "De Kersenbuurt · sessie 2026-12-02 · Bron"
    assert right.plain.startswith("1 plek · " if width >= 120 else "P1 I0 ")
    bar.show(Status("Wijk " * 40, "2026-12-02", counts, None, "nl"))
    left, _ = bar.fitted(width, room)
    assert left.plain.endswith("… · sessie 2026-12-02"), left.plain

"""Arrows point down: the import graph of `workshop/` has no cycles, and no import sits inside
a function only to dodge one.

The graph is read from the source with `ast`, not by importing: every `import` and `from ...
import ...` counts, at module level, under `if TYPE_CHECKING:` and inside functions alike, and
so does a string that names a module of ours exactly (`"workshop.tui.screens.map:MapScreen"`,
what `importlib.import_module` is handed). Importing `a.b.c` also runs the `__init__` of `a.b`,
so an import leads to the packages above its target too (not to the importer's own packages,
which are already being imported). import-linter's `layers` contract (pyproject.toml) checks the
direction between packages; this test checks that inside a package the arrows point one way too.

Allowed: click's register-on-import pattern, a command module of `workshop.cli` importing the
`cli` group from the package that imports it (only the group: a helper it imports from there
is an ordinary import). A function-level import kept for start-up speed (reportlab, networkx,
the TUI's screens) is fine; one that would close a cycle if moved to the top is not.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import importlib
import inspect
import pkgutil
import re
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

import workshop

# Cycles allowed while work in flight breaks them, each with who owns it; empty now. An entry
# whose cycle is gone fails `test_known_cycles_still_exist`, so none can linger.
KNOWN_CYCLES: dict[frozenset[str], str] = {}


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    in_function: bool
    names: tuple[str, ...] = ()  # what `from target import ...` takes, when not modules
    implied: bool = False  # the package `__init__` an import of a submodule runs

    def where(self) -> str:
        return f"{self.source}:{self.line}"


def modules(root: Path, package: str) -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, is a package) for every .py file under `root` (the package)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _ancestors(name: str) -> Iterator[str]:
    while "." in name:
        name = name.rpartition(".")[0]
        yield name


class _Reader(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, known: dict[str, tuple[Path, bool]]):
        self.module, self.known = module, known
        self.package = module if is_package else module.rpartition(".")[0]
        self.depth = 0
        self.found: list[Import] = []

    def _resolve(self, name: str) -> str | None:
        while name and name not in self.known:
            name = name.rpartition(".")[0]
        return name or None

    def _add(self, name: str, line: int, names: tuple[str, ...] = (), dynamic: bool = False):
        target = self._resolve(name)
        if target is None or target == self.module:
            return
        in_function = self.depth > 0 or dynamic
        self.found.append(Import(self.module, target, line, in_function, names))
        own = {self.module, *_ancestors(self.module)}
        for package in _ancestors(target):
            if package not in own:
                self.found.append(Import(self.module, package, line, in_function, implied=True))

    def _function(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package.split(".")[: len(self.package.split(".")) - node.level + 1]
            source = ".".join([*base, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        plain = []
        for alias in node.names:
            if f"{source}.{alias.name}" in self.known:
                self._add(f"{source}.{alias.name}", node.lineno)
            else:
                plain.append(alias.name)
        if plain:
            self._add(source, node.lineno, tuple(plain))

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and node.value.split(":")[0] in self.known:
            self._add(node.value.split(":")[0], node.lineno, dynamic=True)


def imports(root: Path, package: str) -> list[Import]:
    known = modules(root, package)
    found: list[Import] = []
    for name, (path, is_package) in known.items():
        reader = _Reader(name, is_package, known)
        reader.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        found += reader.found
    return found


def registers_on_import(imp: Import, package: str) -> bool:
    """A command module taking the click group from the `cli` package that loads it."""
    cli = f"{package}.cli"
    return (
        imp.target == cli
        and imp.source.startswith(f"{cli}.")
        and not imp.implied
        and set(imp.names) == {"cli"}
    )


def graph(found: Iterable[Import], package: str) -> nx.DiGraph:
    g = nx.DiGraph()
    for imp in found:
        if registers_on_import(imp, package):
            continue
        g.add_edge(imp.source, imp.target)
        g.edges[imp.source, imp.target].setdefault("imports", []).append(imp)
    return g


def cycles(g: nx.DiGraph) -> list[set[str]]:
    """The groups of modules that import each other, largest first."""
    return sorted(
        (set(c) for c in nx.strongly_connected_components(g) if len(c) > 1),
        key=lambda c: (-len(c), sorted(c)),
    )


def describe(g: nx.DiGraph, group: set[str]) -> str:
    """One cycle through the group, each step with the line that makes it."""
    path = nx.find_cycle(g.subgraph(group))
    steps = []
    for a, b in path:
        imp = g.edges[a, b]["imports"][0]
        how = " (inside a function)" if imp.in_function else ""
        steps.append(f"{imp.where()} imports {b}{how}")
    return f"{sorted(group)}:\n    " + "\n    ".join(steps)


def dodges(g: nx.DiGraph, found: Iterable[Import]) -> list[tuple[Import, str]]:
    """Function-level imports that would close a cycle at the top of their module."""
    out = []
    for imp in found:
        if not imp.in_function or not g.has_edge(imp.source, imp.target):
            continue
        if nx.has_path(g, imp.target, imp.source):
            back = " -> ".join(nx.shortest_path(g, imp.target, imp.source))
            out.append((imp, f"{imp.where()} imports {imp.target}; back: {back}"))
    return out


def _known(group: set[str]) -> bool:
    return any(group <= known for known in KNOWN_CYCLES)


ROOT = Path(workshop.__file__).parent
FOUND = imports(ROOT, "workshop")
GRAPH = graph(FOUND, "workshop")


def test_no_import_cycles() -> None:
    found = [describe(GRAPH, c) for c in cycles(GRAPH) if not _known(c)]
    assert not found, "import cycles in workshop/:\n" + "\n".join(found)


def test_no_function_level_import_dodges_a_cycle() -> None:
    found = [why for imp, why in dodges(GRAPH, FOUND) if not _known({imp.source, imp.target})]
    assert not found, "function-level imports only there to dodge a cycle:\n" + "\n".join(found)


def test_known_cycles_still_exist() -> None:
    """An allowance outlives its cycle only until someone notices: this notices."""
    groups = cycles(GRAPH)
    stale = [
        f"{sorted(known)} ({owner})"
        for known, owner in KNOWN_CYCLES.items()
        if not any(group <= known for group in groups)
    ]
    assert not stale, "cycles gone, remove them from KNOWN_CYCLES: " + ", ".join(stale)


def test_each_package_docstring_maps_its_modules() -> None:
    """A package's docstring is its map: one line per module ("    name   what it is"), so a
    module added, renamed or removed shows there too."""
    wrong = []
    for init in sorted(ROOT.rglob("__init__.py")):
        package = init.parent
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        listed = set(re.findall(r"^    (\w+)/? {2,}\S", doc, re.MULTILINE))
        present = {
            child.stem if child.suffix == ".py" else child.name
            for child in package.iterdir()
            if not child.name.startswith("__")
            and (child.suffix == ".py" or (child / "__init__.py").exists())
        }
        where = package.relative_to(ROOT.parent).as_posix()
        wrong += [f"{where}: {name} is not in the map" for name in sorted(present - listed)]
        wrong += [
            f"{where}: {name} is in the map, not on disk" for name in sorted(listed - present)
        ]
    assert not wrong, "package docstrings:\n" + "\n".join(wrong)


@functools.cache
def _private_of(cls: type) -> frozenset[str]:
    """The `_names` a Textual class defines or sets on its instances (none for others)."""
    if not cls.__module__.startswith("textual."):
        return frozenset()
    names = {n for n in vars(cls) if n.startswith("_") and not n.startswith("__")}
    with contextlib.suppress(OSError, TypeError):
        names |= set(re.findall(r"self\.(_[a-z]\w*)\s*[:=]", inspect.getsource(cls)))
    return frozenset(names)


def _textual_private(classes: Iterable[type]) -> frozenset[str]:
    return frozenset().union(*(_private_of(cls) for cls in classes))


def private_textual_uses(module: types.ModuleType) -> list[str]:
    """Where `module` touches Textual's private API: a `textual._*` import, a private name of
    a Textual base used or overridden in a class, a private name of a Textual object (of the
    classes the app is made of) reached from outside, such as `node._bindings`."""
    from textual.app import App
    from textual.driver import Driver
    from textual.screen import Screen
    from textual.widgets import Input

    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    anywhere = _textual_private(c for base in (App, Screen, Input, Driver) for c in base.__mro__)
    modules = {
        a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual._"):
            found.append(f"{module.__name__}:{node.lineno} imports {node.module}")
    owned: set[int] = set()
    for cls_node in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        cls = getattr(module, cls_node.name, None)
        private = _textual_private(cls.__mro__) if inspect.isclass(cls) else frozenset()
        for node in ast.walk(cls_node):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Call):
                if node.attr in private:
                    found.append(f"{module.__name__}:{node.lineno} {cls_node.name}: {node.attr}")
                owned.add(id(node))  # self._x, super()._x: the class's own business otherwise
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in private:
                found.append(
                    f"{module.__name__}:{node.lineno} {cls_node.name} overrides {node.name}"
                )
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and id(node) not in owned
            and node.attr in anywhere
            and not (isinstance(node.value, ast.Name) and node.value.id in modules)
        ):
            found.append(f"{module.__name__}:{node.lineno} {ast.unparse(node)}")
    return sorted(set(found))


def test_textual_private_api_only_in_compat() -> None:
    import workshop.tui

    found = []
    for info in pkgutil.walk_packages(workshop.tui.__path__, "workshop.tui."):
        if info.name != "workshop.tui.compat":
            found += private_textual_uses(importlib.import_module(info.name))
    assert not found, "Textual's private API outside tui/compat.py:\n" + "\n".join(found)


def test_private_textual_uses_are_found(tmp_path: Path) -> None:
    import textual.widgets

    module = types.ModuleType("probe")
    module.__file__ = str(tmp_path / "probe.py")
    Path(module.__file__).write_text(
        "from textual._context import active_app\n"
        "from textual.widgets import Input\n"
        "import os\n"
        "class Line(Input):\n"
        "    def _on_key(self, event): self._suggestion = 'x'; self._mine = 1\n"
        "def f(node): os._exit(0); return node._bindings\n",
        encoding="utf-8",
    )

    class Line(textual.widgets.Input):
        pass

    module.Line = Line  # type: ignore[attr-defined]
    assert private_textual_uses(module) == [
        "probe:1 imports textual._context",
        "probe:5 Line overrides _on_key",
        "probe:5 Line: _suggestion",
        "probe:6 node._bindings",
    ]


# --- the reader itself, on a package made for it ------------------------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_reader_finds_cycles_of_every_kind_of_import(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a/__init__.py": "from . import low\n",
            "a/low.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a.high import X\n",
            "a/high.py": "from pkg.a import low\nX = 1\n",
            "b/__init__.py": "",
            "b/one.py": "import pkg.b.two\n",
            "b/two.py": "def f():\n    from ..b import one\n",
            "c/__init__.py": "import pkg.c.leaf\n",
            "c/leaf.py": "",
            "d.py": "NAME = 'pkg.e:thing'\n",
            "e.py": "from pkg.c.leaf import x\nimport pkg.d\n",
        },
    )
    found = imports(root, "pkg")
    g = graph(found, "pkg")
    assert cycles(g) == [
        {"pkg.a.high", "pkg.a.low"},
        {"pkg.b.one", "pkg.b.two"},
        {"pkg.d", "pkg.e"},
    ]
    assert g.has_edge("pkg.e", "pkg.c")  # importing pkg.c.leaf runs pkg/c/__init__
    assert not g.has_edge("pkg.c.leaf", "pkg.c")
    assert [why.split(";")[0] for _, why in dodges(g, found)] == [
        "pkg.b.two:2 imports pkg.b.one",
        "pkg.d:1 imports pkg.e",
    ]
    assert "pkg.a.low:3 imports pkg.a.high" in describe(g, {"pkg.a.high", "pkg.a.low"})


def test_only_the_click_group_may_come_back_from_the_cli_package(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "cli/__init__.py": "cli = object()\nhelper = 1\nfrom pkg.cli import one, two\n",
            "cli/one.py": "from pkg.cli import cli\n",
            "cli/two.py": "from pkg.cli import cli, helper\n",
        },
    )
    assert cycles(graph(imports(root, "pkg"), "pkg")) == [{"pkg.cli", "pkg.cli.two"}]

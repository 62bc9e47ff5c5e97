"""`workshop --help` lists every command without importing any, and `workshop NAME` imports only
NAME's module: the table in `workshop/cli/__init__.py` says the same as each command's own help,
and a fresh interpreter shows what a command pulled in (no timing here: see
tests/benchmarks/test_cli_startup.py for the figures)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import click
import pytest

from workshop.cli import COMMANDS, PRINT_COMMANDS, cli

HEAVY = ("sqlite_utils", "networkx", "numpy", "reportlab", "textual")
HELPERS = {"printopts", "textin"}  # option and input helpers a command module imports
CATALOGUE = "messages"  # the commands' messages (plain data), which every error needs

# Runs `workshop ARGS...` in this interpreter, then prints what it imported, as JSON.
PROBE = """
import json, sys
from workshop.cli import cli
try:
    cli(sys.argv[1:], prog_name="workshop")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported_by(*args: str) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120
    )
    return done.stdout, set(json.loads(done.stderr.strip().splitlines()[-1]))


def commands_of(group: click.Group, table: dict) -> dict[str, click.Command]:
    for entry in table.values():
        importlib.import_module(f"workshop.cli.{entry.module}")
    return dict(group.commands)


def first_paragraph(help_text: str | None) -> str:
    return " ".join((help_text or "").partition("\n\n")[0].split())


@pytest.mark.parametrize(("group_name", "table"), [(None, COMMANDS), ("print", PRINT_COMMANDS)])
def test_the_table_says_what_each_command_says(group_name, table) -> None:
    group = cli if group_name is None else cli.get_command(click.Context(cli), group_name)
    assert isinstance(group, click.Group)
    commands = commands_of(group, table)
    assert sorted(commands) == sorted(table)  # every registered command is in the table
    for name, command in commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"workshop.cli.{table[name].module}", name
        assert table[name].help == first_paragraph(command.help), name
        listed = click.Command(name, help=table[name].help)
        for limit in range(20, 140, 7):  # what --help shows at any terminal width
            assert listed.get_short_help_str(limit) == command.get_short_help_str(limit), name


def test_help_imports_no_command_and_nothing_heavy() -> None:
    out, modules = imported_by("--help")
    assert all(name in out for name in COMMANDS)
    assert "Export FILE for other tools." in out
    assert not {m.split(".")[0] for m in modules} & set(HEAVY)
    assert not [
        m for m in modules if m.startswith("workshop.cli.") and m != "workshop.cli.messages"
    ]
    assert "workshop.file.store" not in modules


def test_each_command_imports_only_its_own_module() -> None:
    """One command of each module (the table test above ties every command to its module)."""
    firsts: dict[str, str] = {}
    for name, entry in [*COMMANDS.items(), *(("print " + n, e) for n, e in PRINT_COMMANDS.items())]:
        firsts.setdefault(entry.module, name)
    assert len(firsts) == 9  # core tui analysis exchange publish printing reports trust scan
    for module, name in firsts.items():
        out, modules = imported_by(*name.split(), "--help")
        assert "Usage: workshop" in out, name
        loaded = {m.removeprefix("workshop.cli.") for m in modules if m.startswith("workshop.cli.")}
        own = {module} | ({"printing"} if name.startswith("print ") else set())
        assert loaded - HELPERS - {CATALOGUE} == own, name


@pytest.mark.skipif(
    not hasattr(click.exceptions, "NoSuchCommand"), reason="click < 8.4 suggests no command"
)
def test_a_mistyped_command_is_offered_the_right_one() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "expor"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert "No such command 'expor'. Did you mean 'export'?" in result.stderr

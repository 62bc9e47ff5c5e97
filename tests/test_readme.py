"""Every command in README.md's `sh` code blocks runs as written (issue 10: "the README's
command examples all run as written"), in a temp folder, as real subprocesses.

Left out: the first block's two set-up commands (install, run the suite) and the commands that
hold a terminal or a server until someone stops them (`workshop run`, `workshop wall`, a
`workshop demo` without `--no-tui`). Files a block takes as given (the demo's
`kersenbuurt.wijk`) are made first with `workshop demo --no-tui`."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
LONG_RUNNING = (("workshop", "run"), ("workshop", "wall"))


def readme_commands() -> list[str]:
    blocks = re.findall(r"^```sh\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.S | re.M)
    commands = []
    for number, block in enumerate(blocks):
        for line in block.splitlines():
            if not line.strip():
                continue
            if number == 0:
                continue  # pip install ... && workshop demo / python -m pytest: the set-up
            words = shlex.split(line, comments=True)
            if tuple(words[:2]) in LONG_RUNNING:
                continue
            if words[:2] == ["workshop", "demo"] and "--no-tui" not in words:
                continue
            commands.append(line)
    return commands


def test_the_readme_has_commands_to_run() -> None:
    commands = readme_commands()
    assert any("Dokter de Vries -> Buurthuis De Bron" in c for c in commands)
    assert any(c.startswith("workshop backup") for c in commands)


def _tool(name: str) -> str | None:
    return shutil.which(name) or (
        str(Path(sys.executable).with_name(name))
        if Path(sys.executable).with_name(name).exists()
        else None
    )


def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    if _tool("workshop") is None or _tool("sqlite-utils") is None:
        pytest.skip("workshop and sqlite-utils must be installed as commands")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    given = subprocess.run(
        ["workshop", "demo", "kersenbuurt.wijk", "--no-tui"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert given.returncode == 0, given.stderr
    for command in readme_commands():
        done = subprocess.run(
            command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr, command

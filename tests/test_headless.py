"""The headless core never imports Textual (checked in a fresh interpreter)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import workshop


def test_core_modules_do_not_import_textual() -> None:
    modules = [
        m.name
        for m in pkgutil.walk_packages(workshop.__path__, "workshop.")
        if not m.name.startswith("workshop.tui") and m.name != "workshop.__main__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "leaked = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert "workshop.file.store" in modules and "workshop.cli" in modules

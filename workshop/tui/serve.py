"""The wall in a browser on this computer: textual-serve on localhost, fetching nothing from
outside."""

from __future__ import annotations

import re
import shlex
import sys
import tempfile
from pathlib import Path

import textual_serve
from textual_serve.server import Server


def serve_wall(file: Path, *, port: int, contrast: bool = False) -> None:
    command = [sys.executable, "-m", "workshop", "wall", str(file.resolve())]
    if contrast:
        command.append("--contrast")
    Server(shlex.join(command), host="localhost", port=port,
           title=f"workshop wall {file.name}", templates_path=offline_templates()).serve()


def offline_templates() -> Path:
    """textual-serve's page templates without the web font it fetches from Google: the wall's
    browser page must not call out either (it uses the fonts the computer has)."""
    source = Path(textual_serve.__file__).parent / "templates"
    target = Path(tempfile.mkdtemp(prefix="workshop-wall-"))
    for template in source.iterdir():
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*https?://[^>]*>", "", text, flags=re.DOTALL)
        (target / template.name).write_text(text, encoding="utf-8")
    return target

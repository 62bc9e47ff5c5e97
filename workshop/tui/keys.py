"""Key-binding descriptions in the language of the screen.

Bindings are declared with an `id` and an English description; `localize` gives each node's
bindings the description `tui_key_<id>` in Dutch or English, so the footer follows the
language. Bindings without a text of their own keep theirs.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from workshop.i18n import MESSAGES
from workshop.tui import compat
from workshop.tui.texts import tx


def localize(node: DOMNode, lang: str) -> None:
    """Translate the bindings of `node` and every node below it."""
    nodes = [node, *node.walk_children()] if hasattr(node, "walk_children") else [node]
    for each in nodes:
        table = compat.bindings_table(each)
        for key, bindings in table.items():
            table[key] = [_translated(b, lang) for b in bindings]


def _translated(binding, lang: str):
    if binding.id and f"tui_key_{binding.id}" in MESSAGES:
        text = tx(f"key_{binding.id}", lang)
        if text != binding.description:
            return replace(binding, description=text)
    return binding

"""The keys at the bottom of every main screen, all of them: F1… in order, then the Ctrl keys,
Ctrl+Q last, on as many rows as the width needs (two at 80 columns), never cut off.

Textual's Footer keeps to one row and scrolls what does not fit out of sight. This bar shows
the screen's active bindings (those with `show`), in their localized descriptions; a click on
a key runs its action.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget

MAX_ROWS = 3
_NAMES = {"escape": "Esc", "delete": "Del", "insert": "Ins", "enter": "Enter"}


def key_label(key: str) -> str:
    """`f10` -> `F10`, `ctrl+q` -> `^Q`, `delete` -> `Del`."""
    if key.startswith("ctrl+"):
        return "^" + key[5:].upper()
    if key[:1] == "f" and key[1:].isdigit():
        return key.upper()
    return _NAMES.get(key, key)


def _order(binding: Binding) -> tuple[int, int]:
    key = binding.key
    if key[:1] == "f" and key[1:].isdigit():
        return (0, int(key[1:]))
    if binding.action == "quit":
        return (2, 0)
    return (1, 0)


def arrange(keys: list[tuple[str, str, str]], width: int) -> list[list[tuple[str, str, str]]]:
    """(label, description, action) items in rows of at most `width` cells (an item wider
    than a row gets a row of its own)."""
    rows: list[list[tuple[str, str, str]]] = [[]]
    used = 0
    for item in keys:
        size = cell_len(item[0]) + 1 + cell_len(item[1])
        if rows[-1] and used + 1 + size > width:
            rows.append([])
            used = 0
        used += size + (1 if rows[-1] else 0)
        rows[-1].append(item)
    return rows


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 3; background: $footer-background;
             color: $footer-description-foreground; padding: 0 1; }
    """
    COMPONENT_CLASSES = {"key-bar--key"}
    DEFAULT_CSS += """
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._spots: list[tuple[int, int, int, str]] = []  # row, from x, to x, action
        self._owners: dict[str, object] = {}  # action -> the node whose binding it is

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        self.refresh(layout=True)

    def shown_keys(self) -> list[tuple[str, str, str]]:
        """What the bar shows: (key, description, action), one per action, in order."""
        seen: dict[str, Binding] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.show and binding.action not in seen:
                seen[binding.action] = binding
                self._owners[binding.action] = active.node
        ordered = sorted(seen.values(), key=_order)
        return [(key_label(b.key), b.description, b.action) for b in ordered]

    def _rows(self, width: int) -> list[list[tuple[str, str, str]]]:
        return arrange(self.shown_keys(), max(20, width))[:MAX_ROWS]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> Text:
        style = self.get_component_rich_style("key-bar--key")
        text = Text(no_wrap=True, overflow="crop")
        self._spots = []
        for y, row in enumerate(self._rows(self.content_region.width or self.size.width)):
            if y:
                text.append("\n")
            x = 0
            for i, (key, description, action) in enumerate(row):
                if i:
                    text.append(" ")
                    x += 1
                start = x
                text.append(key, style=style)
                text.append(" " + description)
                x += cell_len(key) + 1 + cell_len(description)
                self._spots.append((y, start, x, action))
        return text

    async def on_click(self, event: events.Click) -> None:
        for y, start, end, action in self._spots:
            if event.y == y and start <= event.x < end:
                await self.app.run_action(action, self._owners.get(action))  # type: ignore[arg-type]
                return

"""An Input that applies every key in the order it was typed.

Textual's Input inserts a printable key at once, but runs Backspace, Enter, arrows and the like
through key bindings, which are resolved later, when the key has travelled up to the app. When
keys arrive together (a fast typist while the laptop is busy, a barcode scanner, tmux) the
order breaks: "ab<Enter>cd" submits "abcd" (twice), "x<Backspace>y" leaves "x". This widget
runs those keys within the keystroke, so the text is exactly what was typed.
"""

from __future__ import annotations

from rich.text import Text
from textual import events

from workshop.text import visible
from workshop.tui import compat

# Keys whose Input binding must run at once, and the action it runs.
IMMEDIATE = {
    "backspace": "delete_left",
    "ctrl+h": "delete_left",
    "delete": "delete_right",
    "ctrl+d": "delete_right",
    "left": "cursor_left",
    "right": "cursor_right",
    "home": "home",
    "ctrl+a": "home",
    "end": "end",
    "ctrl+e": "end",
    "ctrl+left": "cursor_left_word",
    "ctrl+right": "cursor_right_word",
    "ctrl+w": "delete_left_word",
    "ctrl+u": "delete_left_all",
    "ctrl+k": "delete_right_all",
}


class OrderedInput(compat.DrawnInput):
    """Enter posts `Submitted` with the text as it was at that key, and empties the line when
    `clear_on_submit` (so keys typed after Enter start the next line)."""

    def __init__(self, *args, clear_on_submit: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.clear_on_submit = clear_on_submit

    def immediate_action(self, key: str) -> str | None:
        """The action a key runs within the keystroke (subclasses add their own)."""
        return IMMEDIATE.get(key)

    def drawn(self, text: Text) -> Text:
        """The value as drawn: control characters as their pictures (one cell each, so the
        cursor stays where it is), never sent raw to the terminal."""
        if not self.password and not self.value.isprintable():
            text = Text(visible(self.value), no_wrap=True, overflow="ignore", end="")
            if self.highlighter is not None:
                text = self.highlighter(text)
        return text

    async def on_key(self, event: events.Key) -> None:
        # Input's own key handler runs after this one (Textual calls the handler of every
        # class up the MRO) unless the default is prevented, as it is for the keys taken here.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            text = self.value
            if self.clear_on_submit:
                self.value = ""
            self.post_message(self.Submitted(self, text))
            return
        action = self.immediate_action(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            compat.restart_blink(self)
            await self.run_action(action)

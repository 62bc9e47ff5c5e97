"""The capture line: an input that shows the best completion as ghost text and cycles through
the others with the arrow keys. It is given a completer and a `typed` callback (data down:
functions from the line to its completions, and to its preview), called within the keystroke
so the line, its ghost text and the preview are drawn in one frame.

Enter hands the line over and empties it at once (keys typed after Enter begin the next line);
a line the screen refuses is given back with `restore`. Lines pasted together are offered one
at a time: the first goes in the line, each next one after the previous was saved (Tab with
nothing to complete does nothing: it never takes the cursor out of the line).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.message import Message

from workshop.tui import compat
from workshop.tui.completion import Completion
from workshop.tui.widgets.ordered_input import OrderedInput

Completer = Callable[[str], list[Completion]]
Typed = Callable[[str, list[Completion]], None]


class CaptureLine(OrderedInput):
    BINDINGS = [
        Binding("tab", "accept", "Complete", id="accept", show=False),
        Binding("up", "alternative(-1)", show=False),
        Binding("down", "alternative(1)", show=False),
    ]
    OWN_KEYS = {"tab": "accept", "up": "alternative(-1)", "down": "alternative(1)"}

    class LeaveDown(Message):
        """Down with nothing to choose from: the person wants to go to the feed."""

    class Pending(Message):
        """How many pasted lines wait for their turn after the one in the line."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    def __init__(self, completer: Completer, typed: Typed | None = None, **kwargs) -> None:
        super().__init__(select_on_focus=False, clear_on_submit=True, **kwargs)
        self.completer = completer
        self.typed = typed
        self.alternatives: list[Completion] = []
        self.pending: list[str] = []  # pasted lines still to come
        self._offered_for: str | None = None
        self._chosen = 0

    def immediate_action(self, key: str) -> str | None:
        return self.OWN_KEYS.get(key) or super().immediate_action(key)

    @property
    def content_width(self) -> int:
        """Never narrower than the line on screen: while the text fits, the virtual size stays
        the same, and a keystroke repaints the line instead of laying out the whole screen
        (Textual's Input grows its virtual size with every character)."""
        return max(super().content_width, self.scrollable_content_region.width)

    def watch_value(self, value: str) -> None:
        self._offer()
        if self.typed is not None:
            self.typed(value, self.alternatives)

    def _offer(self) -> None:
        value = self.value
        if self._offered_for == value:
            return
        self._offered_for = value
        try:
            self.alternatives = self.completer(value) if value else []
        except Exception:  # a bug in a helper must never cost the facilitator the line
            self.log.error("completion failed", value)
            self.alternatives = []
        self._chosen = 0
        # Set at once rather than by message, so the ghost text comes in the same frame.
        compat.set_suggestion(self, self._ghost(0))

    def _ghost(self, chosen: int) -> str:
        """The ghost text: a completion that goes on from what was typed (one found inside a
        name, `~Plei` -> `~'t Pleintje`, is in the hint only: Tab still takes it)."""
        if not self.alternatives:
            return ""
        line = self.alternatives[chosen].line
        return line if line.casefold().startswith(self.value.casefold()) else ""

    def restore(self, text: str) -> None:
        """Give back a line that was not saved (keys typed meanwhile stay after it)."""
        self.value = text + self.value
        self.cursor_position = len(text)

    def next_pending(self) -> None:
        """After a save: the next pasted line, if any, into the (empty) line."""
        if self.pending and not self.value:
            self.value = self.pending.pop(0)
            self.cursor_position = len(self.value)
            self.post_message(self.Pending(len(self.pending)))

    def paste(self, text: str) -> None:
        """Pasted text: one line goes in at the cursor; of several, every non-empty one is
        offered in order, one at a time: the first in the line (when it is empty; else after
        what is there), the others queued, none dropped, and none saved without its Enter."""
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            return
        if len(lines) == 1:
            self.insert_text_at_cursor(lines[0])
            return
        if self.value.strip():
            self.pending.extend(lines)
        else:
            self.value = lines[0]
            self.cursor_position = len(self.value)
            self.pending.extend(lines[1:])
        self.post_message(self.Pending(len(self.pending)))

    def on_paste(self, event: events.Paste) -> None:
        # Input's own paste handler would run after this one (handlers of every class in the
        # MRO are called) and insert the first line a second time: stop it.
        event.stop()
        event.prevent_default()
        self.paste(event.text)

    def action_accept(self) -> None:
        """Tab: take the completion shown; with nothing to complete, nothing happens (Tab
        never takes the cursor out of the line: the next keys would be lost)."""
        self._offer()
        if not self.alternatives or not self.cursor_at_end:
            return
        self.value = self.alternatives[self._chosen].line
        self.cursor_position = len(self.value)

    def action_alternative(self, step: int) -> None:
        self._offer()
        if len(self.alternatives) < 2:
            if step > 0:
                self.post_message(self.LeaveDown())
            return
        self._chosen = (self._chosen + step) % len(self.alternatives)
        compat.set_suggestion(self, self._ghost(self._chosen))

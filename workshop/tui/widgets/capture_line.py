"""The capture line: an Input that shows the best completion as ghost text and cycles through
the others with the arrow keys. It is given a completer (data down: a function from the line
to its completions) and keeps them in `alternatives`, computed before `Changed` reaches the
screen, so the screen can show them with the preview."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from workshop.tui.completion import Completion

Completer = Callable[[str], list[Completion]]
Typed = Callable[[str, list[Completion]], None]


class CaptureLine(Input):
    BINDINGS = [
        Binding("tab", "accept", "Complete", id="accept", show=False),
        Binding("up", "alternative(-1)", show=False),
        Binding("down", "alternative(1)", show=False),
    ]

    class LeaveDown(Message):
        """Down with nothing to choose from: the person wants to go to the feed."""

    def __init__(self, completer: Completer, typed: Typed | None = None, **kwargs) -> None:
        super().__init__(select_on_focus=False, **kwargs)
        self.completer = completer
        self.typed = typed
        self.alternatives: list[Completion] = []
        self._offered_for: str | None = None
        self._chosen = 0

    @property
    def content_width(self) -> int:
        """Never narrower than the line on screen: while the text fits, the virtual size stays
        the same, and a keystroke repaints the line instead of laying out the whole screen
        (Textual's Input grows its virtual size with every character)."""
        return max(super().content_width, self.scrollable_content_region.width)

    def watch_value(self, value: str) -> None:
        """Within the keystroke: completions, then the `typed` callback (the screen's preview),
        so the line, its ghost text and the preview are drawn in one frame."""
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
        # Set at once rather than by message, so the ghost text, the preview and the hint
        # are drawn in the same frame as the keystroke.
        self._suggestion = self.alternatives[0].line if self.alternatives else ""

    def action_accept(self) -> None:
        self._offer()  # a Tab typed faster than the screen could follow
        if not self.alternatives or not self.cursor_at_end:
            self.screen.focus_next()
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
        self._suggestion = self.alternatives[self._chosen].line

"""The capture line: an Input that shows the best completion as ghost text and cycles through
the others with the arrow keys. It is given a completer (data down: a function from the line
to its completions); it posts `Offered` so the screen can show the alternatives."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.message import Message
from textual.suggester import SuggestionReady
from textual.widgets import Input

from workshop.tui.completion import Completion

Completer = Callable[[str], list[Completion]]


class CaptureLine(Input):
    BINDINGS = [
        Binding("tab", "accept", "Complete", id="accept", show=False),
        Binding("up", "alternative(-1)", show=False),
        Binding("down", "alternative(1)", show=False),
    ]

    class Offered(Message):
        """The completions of the line as it is now (possibly none)."""

        def __init__(self, alternatives: list[Completion]) -> None:
            super().__init__()
            self.alternatives = alternatives

    class LeaveDown(Message):
        """Down with nothing to choose from: the person wants to go to the feed."""

    def __init__(self, completer: Completer, **kwargs) -> None:
        super().__init__(select_on_focus=False, **kwargs)
        self.completer = completer
        self.alternatives: list[Completion] = []
        self._offered_for: str | None = None
        self._chosen = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._offer()

    def _offer(self) -> None:
        value = self.value
        if self._offered_for == value:
            return
        self._offered_for = value
        self.alternatives = self.completer(value) if value else []
        self._chosen = 0
        if self.alternatives:
            self.post_message(SuggestionReady(value, self.alternatives[0].line))
        self.post_message(self.Offered(self.alternatives))

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
        self.post_message(SuggestionReady(self.value, self.alternatives[self._chosen].line))

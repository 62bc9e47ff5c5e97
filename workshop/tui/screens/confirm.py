"""Asked once before a record is deleted (and Ctrl+Z brings it back)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from workshop.text import visible
from workshop.tui.screens.base import WorkshopModal


class ConfirmScreen(WorkshopModal):
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    #confirm { width: 70; max-width: 100%; height: auto; border: thick $error;
               background: $surface; padding: 0 1; }
    """
    BINDINGS = [
        Binding("enter,y,j", "answer(True)", "Delete", id="delete"),
        Binding("escape,n", "answer(False)", "Cancel", id="cancel"),
    ]

    def __init__(self, question: str, detail: str, keys: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(Text(visible(self.question), style="bold"))
            if self.detail:
                yield Static(Text(visible(self.detail)))
            yield Static(Text(self.keys, style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

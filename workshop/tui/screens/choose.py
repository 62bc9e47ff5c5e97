"""Choose one of a few things (what to print, which format to export): dismisses with its key."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.tui.screens.base import WorkshopModal


class ChooseScreen(WorkshopModal):
    DEFAULT_CSS = """
    ChooseScreen { align: center middle; }
    #choose { width: 60; max-width: 100%; height: auto; border: thick $primary;
              background: $surface; padding: 0 1; }
    #choose OptionList { height: auto; max-height: 12; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="choose"):
            yield Static(Text(self.title_text, style="bold"))
            yield OptionList(*[Option(Text(label), id=key) for key, label in self.choices])

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

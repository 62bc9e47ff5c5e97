"""Choose one of a few things (what to print, which format to export): dismisses with the
value of the choice, or None on Escape. `print_choices` and `export_choices` are F8's and
F9's menus, built from the printing table and the export formats the CLI has."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.tui import jobs
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx


def print_choices(lang: str) -> list[tuple[str, str]]:
    """F8: every printout of `workshop print`, by name."""
    return [(what, tx(f"print_{what}", lang)) for what in jobs.printable()]


def export_choices(lang: str) -> list[tuple[tuple[str, str], str]]:
    """F9: every format of `workshop export` as (format, delimiter); CSV twice, with commas
    and with semicolons (for Excel in a Dutch locale)."""
    out: list[tuple[tuple[str, str], str]] = []
    for fmt in jobs.EXPORT_FORMATS:
        out.append(((fmt, ","), tx(f"export_{fmt}", lang)))
        if fmt == "csv":
            out.append(((fmt, ";"), tx("export_csv_semicolon", lang)))
    return out


class ChooseScreen(WorkshopModal):
    DEFAULT_CSS = """
    ChooseScreen { align: center middle; }
    #choose { width: 60; max-width: 100%; height: auto; border: thick $primary;
              background: $surface; padding: 0 1; }
    #choose OptionList { height: auto; max-height: 12; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, choices: list[tuple[Any, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="choose"):
            yield Static(Text(self.title_text, style="bold"))
            yield OptionList(
                *[Option(Text(label), id=str(i)) for i, (_, label) in enumerate(self.choices)]
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)

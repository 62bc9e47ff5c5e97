"""Before a second "Buurthuis de Kuil" is made: is it one that is already there?"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop import edit
from workshop.text import visible
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx


class NearDuplicateScreen(WorkshopModal):
    """Dismisses with the existing name to use, "" to create the new one, None to go back."""

    BINDINGS = [Binding("escape", "back", "Back", id="cancel")]

    def __init__(self, typed: str, table: str, similar: list[dict]) -> None:
        super().__init__()
        self.typed = typed
        self.table = table
        self.similar = similar

    def compose(self) -> ComposeResult:
        lang = self.lang
        store = self.workshop.store
        options = []
        for found in self.similar:
            row = store.get(found["table"], found["id"]) or found
            what = edit.describe(store, found["table"], row, lang)
            options.append(Option(Text(visible(tx("near_use", lang, what=what))), id=found["id"]))
        options.append(Option(Text(visible(tx("near_new", lang, name=self.typed))), id="new"))
        with Vertical(id="near"):
            yield Static(Text(tx("near_title", lang), style="bold"))
            yield Static(Text(visible(tx("near_question", lang, name=self.typed))))
            yield OptionList(*options, id="near-options")
            yield Static(Text(tx("near_keys", lang), style="dim"))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "new":
            self.dismiss("")
            return
        chosen = next(s for s in self.similar if s["id"] == event.option.id)
        self.dismiss(chosen["name"])

    def action_back(self) -> None:
        self.dismiss(None)

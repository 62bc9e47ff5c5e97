"""Set one field of the chosen rows at once: first which field, then its value (a word of its
vocabulary, or a cell typed in). What is done with the answer is the lists' (`bulk`)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workshop.capture.forms import Field
from workshop.text import visible
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx

CLEAR = ""  # the value that empties a field which may be empty


class SetFieldScreen(WorkshopModal):
    """Dismissed with (field name, value) or None."""

    DEFAULT_CSS = """
    SetFieldScreen { align: center middle; }
    #set-field { width: 64; max-width: 100%; height: auto; border: thick $primary;
                 background: $surface; padding: 0 1; }
    #set-field OptionList { height: auto; max-height: 14; margin-top: 1; }
    #set-field Input { margin-top: 1; display: none; }
    #set-field.typing Input { display: block; }
    #set-field.typing OptionList { display: none; }
    #set-field-keys { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "back", "Cancel", id="cancel")]

    def __init__(self, title: str, fields: list[Field]) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.field: Field | None = None
        self.values: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="set-field"):
            yield Static(Text(visible(self.title_text), style="bold"), id="set-field-title")
            yield OptionList(id="set-field-options")
            yield Input(id="set-field-input", placeholder=tx("bulk_cell_placeholder", self.lang))
            yield Static(Text(tx("bulk_keys", self.lang)), id="set-field-keys")

    def on_mount(self) -> None:
        self._ask_field()

    def _ask_field(self) -> None:
        self.field = None
        self.query_one("#set-field").remove_class("typing")
        self._offer([Text(f.label(self.lang)) for f in self.fields])
        self.query_one("#set-field-title", Static).update(
            Text(visible(self.title_text), style="bold")
        )

    def _offer(self, labels: list[Text]) -> None:
        options = self.query_one(OptionList)
        options.set_options([Option(label, id=str(i)) for i, label in enumerate(labels)])
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.field is None:
            self._ask_value(self.fields[event.option_index])
        else:
            self.dismiss((self.field.name, self.values[event.option_index]))

    def _ask_value(self, field: Field) -> None:
        self.field = field
        self.query_one("#set-field-title", Static).update(
            Text(visible(f"{self.title_text} · {field.label(self.lang)}"), style="bold")
        )
        if field.kind == "cell":
            self.query_one("#set-field").add_class("typing")
            box = self.query_one(Input)
            box.value = ""
            box.focus()
            return
        choices = field.choices(self.lang)
        self.values = [key for key, _ in choices]
        labels = [Text(label) for _, label in choices]
        if not field.required:
            self.values.append(CLEAR)
            labels.append(Text(tx("bulk_clear", self.lang), style="italic"))
        self._offer(labels)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.field is not None:
            self.dismiss((self.field.name, event.value))

    def action_back(self) -> None:
        """Escape: from a value back to the fields; from the fields, nothing is set."""
        if self.field is None:
            self.dismiss(None)
        else:
            self._ask_field()

"""A form for one record: every field of it, checked by `workshop.capture.edit` when saved.

Ctrl+S (or Enter in a one-line field) saves, Esc cancels. A bad value gets a one-line reason and
the cursor goes to the field that has it; nothing is written until every field is right.
"""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from workshop import i18n
from workshop.capture import edit
from workshop.capture.edit import FieldError
from workshop.capture.forms import Field, fields_for, form_values
from workshop.capture.resolve import SAID_BY_TABLES
from workshop.file import access as files
from workshop.i18n import UserError, pick
from workshop.model import KIND_LABELS, NOTE_TARGET_TABLES
from workshop.paper import cardstore
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx
from workshop.tui.widgets.ordered_input import OrderedInput

LINE_KINDS = ("text", "int", "float", "cell", "tags", "place", "about", "date", "said_by")


class NameSuggester(Suggester):
    """Names in the file for a `where` or `about` field."""

    def __init__(self, names) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        found = self.names(value) if value.strip() else []
        return found[0] if found else None


class RecordForm(WorkshopModal):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, table: str, id: str | None = None) -> None:
        super().__init__()
        self.table = table
        self.record_id = id
        self.widgets: list[tuple[Field, Widget]] = []

    def compose(self) -> ComposeResult:
        store = self.workshop.store
        lang = self.lang
        row = store.get(self.table, self.record_id) if self.record_id else None
        values = form_values(store, self.table, row)
        if row is not None:
            title = tx("form_title_edit", lang, what=edit.describe(store, self.table, row, lang))
            if self.table == "initiative" and cardstore.photo_of(store, row) is not None:
                title += f" · {i18n.t('card_photo', lang)}"  # its handwriting was photographed
        else:
            kind = pick(KIND_LABELS.get(self.table, (self.table, self.table)), lang)
            title = tx("form_title_new", lang, what=kind)
        with Vertical(id="form"):
            yield Static(Text(title, style="bold"), id="form-title")
            with VerticalScroll(id="form-fields"):
                for index, field in enumerate(fields_for(store, self.table)):
                    widget = self._widget(field, values[field.name], row or {}, index)
                    self.widgets.append((field, widget))
                    with Horizontal(
                        classes="field-row" + (" tall" if field.kind == "long" else "")
                    ):
                        yield Label(
                            Text(field.label(lang) + ("*" if field.required else "")),
                            classes="field-label",
                        )
                        yield widget
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(tx("form_save", lang), variant="primary", id="save", compact=True)
                yield Button(tx("form_cancel", lang), id="cancel", compact=True)
            yield Static(Text(tx("form_keys", lang), style="dim"), id="form-keys")

    def _widget(self, field: Field, value, row: dict, index: int) -> Widget:
        wid = f"field-{index}"
        if field.kind == "bool":
            return Checkbox("", bool(value), id=wid, compact=True)
        if field.kind in ("choice", "dim"):
            choices = [(Text(label), key) for key, label in field.choices(self.lang)]
            if value and value not in [key for _, key in choices]:
                choices.append((Text(str(value)), str(value)))
            return Select(
                choices,
                value=value or Select.NULL,
                allow_blank=not field.required,
                prompt=tx("form_none", self.lang),
                id=wid,
                compact=True,
            )
        if field.kind == "long":
            return TextArea(
                str(value),
                id=wid,
                compact=True,
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
            )
        suggester = None
        if field.kind in ("place", "about", "said_by"):
            tables = {"place": ("place",), "said_by": SAID_BY_TABLES}.get(
                field.kind, NOTE_TARGET_TABLES
            )
            store = self.workshop.store
            suggester = NameSuggester(
                lambda prefix: [n for _, n in store.complete(prefix, tables, 3)]
            )
        return OrderedInput(
            str(value), id=wid, compact=True, suggester=suggester, select_on_focus=False
        )

    def on_mount(self) -> None:
        if self.widgets:
            self.widgets[0][1].focus()

    def _raw(self) -> dict:
        raw: dict = {}
        for field, widget in self.widgets:
            if isinstance(widget, Checkbox):
                raw[field.name] = widget.value
            elif isinstance(widget, Select):
                raw[field.name] = "" if widget.value is Select.NULL else widget.value
            elif isinstance(widget, TextArea):
                raw[field.name] = widget.text
            elif isinstance(widget, Input):
                raw[field.name] = widget.value
        return raw

    def action_save(self) -> None:
        store = self.workshop.store
        lang = self.lang
        try:
            values = edit.validate(store, self.table, self._raw(), self.record_id)
            row = edit.save(store, self.table, values, self.record_id)
        except FieldError as exc:
            self._error(exc.message(lang))
            for field, widget in self.widgets:
                if field.name == exc.field or (exc.field == "name" and field.name == "name"):
                    widget.focus()
                    break
            return
        except UserError as exc:
            self._error(exc.message(lang))
            return
        except sqlite3.Error as exc:
            self._error(files.sqlite_error(store.path, exc).message(lang))
            return
        self.workshop.changed()
        self.workshop.say(tx("form_saved", lang, what=edit.describe(store, self.table, row, lang)))
        self.dismiss(True)

    def _error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Text(message, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def pressed_save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def pressed_cancel(self) -> None:
        self.action_cancel()

"""F7: name the running session (venue, table, facilitator, the default consent of the persons
captured in it: the line's `sessie consent:`) or continue an earlier one."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from workshop.capture import edit
from workshop.capture.forms import Field, fields_for, form_values
from workshop.i18n import UserError
from workshop.text import one_line
from workshop.tui import queries
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx
from workshop.tui.widgets.ordered_input import OrderedInput


class SessionScreen(WorkshopModal):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def compose(self) -> ComposeResult:
        store = self.workshop.store
        lang = self.lang
        # no session yet (none is made until something is captured): today's, to be named
        current = store.get("session", store.session_id or "") or {
            "date": dt.date.today().isoformat()
        }
        values = form_values(store, "session", current)
        with Vertical(id="session"):
            yield Static(Text(tx("session_current", lang), style="bold"))
            for field in fields_for(store, "session"):
                with Horizontal(classes="field-row"):
                    yield Label(Text(field.label(lang)), classes="field-label")
                    yield self._widget(field, str(values[field.name]))
            yield Static("", id="session-error")
            yield Static(Text(tx("session_earlier", lang), style="bold"))
            options = []
            for row in edit.sessions(store):
                if row["id"] == store.session_id:
                    continue
                label = tx(
                    "session_row",
                    lang,
                    date=row["date"],
                    venue=one_line(row["venue"] or "–", 30),
                    table=one_line(row["table_name"] or "–", 12),
                    n=row["captures"],
                )
                options.append(Option(Text(label), id=row["id"]))
            yield OptionList(*options, id="session-list")
            yield Static(Text(tx("form_keys", lang), style="dim"))

    def _widget(self, field: Field, value: str) -> Widget:
        if field.kind == "choice":  # the default consent: the words of the line, in a list
            return Select(
                [(Text(label), key) for key, label in field.choices(self.lang)],
                value=value or Select.NULL,
                allow_blank=True,
                prompt=tx("form_none", self.lang),
                id=f"session-{field.name}",
                compact=True,
            )
        return OrderedInput(value, id=f"session-{field.name}", compact=True, select_on_focus=False)

    def on_mount(self) -> None:
        self.query_one("#session-venue", Input).focus()

    def action_save(self) -> None:
        store = self.workshop.store
        raw = {}
        for field in fields_for(store, "session"):
            widget = self.query_one(f"#session-{field.name}")
            value = widget.value if isinstance(widget, Input | Select) else ""
            raw[field.name] = "" if value is Select.NULL or value is None else str(value)
        try:
            row = edit.name_session(store, store.session_id, raw)
        except UserError as exc:
            self.query_one("#session-error", Static).update(
                Text(exc.message(self.lang), style="bold red")
            )
            return
        self.workshop.say(
            tx("session_saved", self.lang, label=queries.session_label(row, self.lang))
        )
        self.dismiss(True)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_save()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        store = self.workshop.store
        store.session_id = event.option.id
        row = store.get("session", store.session_id or "")
        self.workshop.say(
            tx("session_continued", self.lang, label=queries.session_label(row, self.lang))
        )
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

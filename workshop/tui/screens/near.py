"""Before a second "Buurthuis de Kuil" is made: is it one that is already there?

Enter makes the new record: a reflexive Enter never folds a new organisation into another
(Wijkteam Zeist-Oost is not Wijkteam Zeist-West). Using an existing record takes a deliberate
key, its number (1, 2, 3), or ↓ onto it and then Enter. A match the core marks `different`
(`store.similar`: the names differ in a word that tells things apart, Oost/West, 1/2) is said
to be different; which words differ is only shown here, the decision is the core's.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.capture import edit
from workshop.text import normalise, visible
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx

NEW = "new"


class NearDuplicateScreen(WorkshopModal):
    """Dismisses with the existing name to use, "" to create the new one, None to go back."""

    AUTO_FOCUS = "#near-options"
    BINDINGS = [
        Binding("escape", "back", "Back", id="cancel"),
        Binding("1", "use(0)", show=False),
        Binding("2", "use(1)", show=False),
        Binding("3", "use(2)", show=False),
    ]

    def __init__(self, typed: str, table: str, similar: list[dict]) -> None:
        super().__init__()
        self.typed = typed
        self.table = table
        self.similar = similar[:3]

    def compose(self) -> ComposeResult:
        lang = self.lang
        store = self.workshop.store
        options = [
            Option(Text(visible(tx("near_new", lang, name=self.typed)), style="bold"), id=NEW)
        ]
        for number, found in enumerate(self.similar, 1):
            row = store.get(found["table"], found["id"]) or found
            what = edit.describe(store, found["table"], row, lang)
            label = Text(visible(tx("near_use", lang, number=number, what=what)))
            if found.get("different"):
                words = differing_words(self.typed, found["name"])
                label.append(
                    tx("near_distinct_words", lang, words=" ≠ ".join(words))
                    if words
                    else tx("near_distinct", lang),
                    style="bold yellow",
                )
            options.append(Option(label, id=found["id"]))
        keys = "1" if len(self.similar) == 1 else f"1–{len(self.similar)}"
        with Vertical(id="near"):
            yield Static(Text(tx("near_title", lang), style="bold"))
            yield Static(Text(visible(tx("near_question", lang, name=self.typed))))
            yield OptionList(*options, id="near-options")
            yield Static(Text(tx("near_keys", lang, keys=keys), style="dim"))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0  # the new record
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW:
            self.dismiss("")
            return
        chosen = next(s for s in self.similar if s["id"] == event.option.id)
        self.dismiss(chosen["name"])

    def action_use(self, index: int) -> None:
        if index < len(self.similar):
            self.dismiss(self.similar[index]["name"])

    def action_back(self) -> None:
        self.dismiss(None)


def differing_words(typed: str, found: str) -> list[str]:
    """The words, as written, that one name has and the other has not (`Oost`, `West`); empty
    when one name only adds words."""
    words_a, words_b = re.findall(r"\w+", typed), re.findall(r"\w+", found)
    norm_a, norm_b = {normalise(w) for w in words_a}, {normalise(w) for w in words_b}
    only_a = [w for w in words_a if normalise(w) not in norm_b]
    only_b = [w for w in words_b if normalise(w) not in norm_a]
    return [" ".join(only_a), " ".join(only_b)] if only_a and only_b else []

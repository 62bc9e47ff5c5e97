"""The feed of the latest captures, newest first; Enter on one asks to edit its record."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop.tui.queries import FeedItem


class Feed(OptionList):
    DEFAULT_CSS = """
    Feed { height: 1fr; border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    class Chosen(Message):
        def __init__(self, table: str, id: str) -> None:
            super().__init__()
            self.table = table
            self.id = id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._items: list[FeedItem] = []

    def show(self, items: list[FeedItem], undone_label: str) -> None:
        if items == self._items:
            return
        keep = self.highlighted
        self._items = items
        options = []
        for item in items:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"{item.at}  ", style="dim")
            line.append(item.summary, style="strike dim" if item.undone else "")
            if item.undone:
                line.append(f"  ({undone_label})", style="italic dim")
            options.append(Option(line, id=str(item.seq), disabled=item.table is None))
        self.set_options(options)
        if keep is not None and options:
            self.highlighted = min(keep, len(options) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._items[event.option_index]
        if item.table and item.id:
            self.post_message(self.Chosen(item.table, item.id))

"""The feed of the latest captures, newest first; Enter on one asks to edit its record."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop.tui.queries import FeedItem


class Feed(OptionList):
    # The highlight is shown only while the feed has the focus (an old highlight is never
    # left where ↓ Enter would edit it), and in reverse video: visible in every theme, high
    # contrast and 16 colours included.
    DEFAULT_CSS = """
    Feed { height: 1fr; border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis; }
    Feed > .option-list--option-highlighted { background: $surface; color: $foreground;
                                              text-style: none; }
    Feed:focus > .option-list--option-highlighted { background: $surface; color: $foreground;
                                                    text-style: bold reverse; }
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
        kept = self.highlighted
        keep = self._items[kept].seq if kept is not None and kept < len(self._items) else None
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
        if keep is not None and options:  # the same capture stays highlighted, not its place
            self.highlighted = next((i for i, item in enumerate(items) if item.seq == keep), 0)

    def newest(self) -> None:
        """Highlight the newest capture (the top of the feed)."""
        if self.option_count:
            self.highlighted = 0
            self.scroll_to(y=0, animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._items[event.option_index]
        if item.table and item.id:
            self.post_message(self.Chosen(item.table, item.id))

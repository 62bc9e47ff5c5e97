"""The one-line status bar: the neighbourhood and the session on the left (cut short when the
screen is narrow), counts and the time since the last backup on the right (always whole): in
words from 100 columns on, `P24 I14 A33 V112 N24 · kopie 3 min` below (F1 has its legend)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from workshop.i18n import plural
from workshop.tui.texts import age, tx

WIDE = 100  # from this width on, the counts in words
WIDER = 140  # and from this one, the backup's age too


@dataclass(frozen=True)
class Status:
    neighbourhood: str  # its name, not the file's
    session: str
    counts: dict[str, int]
    backup_age: float | None  # seconds since the last backup, None when there is none
    lang: str
    readonly: bool = False


class StatusBar(Widget):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.status: Status | None = None

    def show(self, status: Status) -> None:
        self.status = status
        self.refresh()

    def parts(self, width: int) -> tuple[Text, Text]:
        """The left and right texts for a screen this wide."""
        status = self.status
        assert status is not None
        lang = status.lang
        wide = width >= WIDE
        wider = width >= WIDER
        left = Text(no_wrap=True, overflow="ellipsis")
        left.append(status.neighbourhood, style="bold")
        left.append(" · " + tx("session_label", lang, label=status.session))
        if status.readonly:
            left.append(" · " + tx("readonly", lang), style="bold")
        counted = {table: plural(f"n_{table}", n, lang) for table, n in status.counts.items()}
        right = Text(
            tx("counts", lang, **counted) if wide else tx("counts_short", lang, **status.counts)
        )
        right.append(" · ")
        if status.backup_age is None:
            right.append(
                tx("backup_never" if wider else "backup_never_short", lang), style="italic"
            )
        else:
            right.append(
                tx(
                    "backup_age" if wider else "backup_age_short",
                    lang,
                    age=age(status.backup_age, lang),
                )
            )
        return left, right

    def render(self) -> Text:
        if self.status is None:
            return Text()
        width = self.content_region.width
        left, right = self.parts(self.outer_size.width)
        room = width - cell_len(right.plain) - 1
        if room < 8:
            return right
        left.truncate(room, overflow="ellipsis")
        return Text.assemble(
            left, " " * (width - cell_len(left.plain) - cell_len(right.plain)), right
        )

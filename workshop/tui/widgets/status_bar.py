"""The one-line status bar: the neighbourhood and the session on the left (cut short when the
screen is narrow, the session's date last), counts and the time since the last backup on the
right (always whole): in words from 100 columns on where the date still fits beside them,
`P24 I14 A33 V112 N24 · kopie 3 min` otherwise (F1 has its legend)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from workshop.i18n import plural
from workshop.tui.texts import age, tx

WIDE = 100  # from this width on, the counts in words
WIDER = 140  # and from this one, the backup's age too
GAP = 1  # cells at least between the two sides


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
        left = self._left(status.neighbourhood, status.session)
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

    def _left(self, name: str, session: str) -> Text:
        status = self.status
        assert status is not None
        left = Text(no_wrap=True, overflow="ellipsis")
        left.append(name, style="bold")
        left.append(" · " + tx("session_label", status.lang, label=session))
        if status.readonly:
            left.append(" · " + tx("readonly", status.lang), style="bold")
        return left

    def fitted(self, width: int, room: int) -> tuple[Text, Text]:
        """The texts for `room` cells on a screen `width` wide. The session's date always shows
        whole where it can: the counts go short first, then the session's venue and table are
        cut, then the neighbourhood's name."""
        assert self.status is not None
        left, right = self.parts(width)
        date = self.status.session.split(" · ")[0]
        least = self._left(self.status.neighbourhood, date)
        if width >= WIDE and cell_len(least.plain) + GAP + cell_len(right.plain) > room:
            left, right = self.parts(WIDE - 1)
        space = room - cell_len(right.plain) - GAP
        if cell_len(left.plain) > space and space < cell_len(least.plain) + 4:
            left = least  # no room for a useful part of the venue: the date whole instead
            name_room = space - (cell_len(left.plain) - cell_len(self.status.neighbourhood))
            if cell_len(left.plain) > space and name_room >= 4:
                cut = Text(self.status.neighbourhood)
                cut.truncate(name_room, overflow="ellipsis")
                left = self._left(cut.plain, date)
        left.truncate(max(space, 0), overflow="ellipsis")
        return left, right

    def render(self) -> Text:
        if self.status is None:
            return Text()
        width = self.content_region.width
        left, right = self.fitted(self.outer_size.width, width)
        if width - cell_len(right.plain) - 1 < 8:
            return right
        return Text.assemble(
            left, " " * (width - cell_len(left.plain) - cell_len(right.plain)), right
        )

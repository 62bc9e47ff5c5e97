"""The one-line status bar: file, session, counts, time since the last backup."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from workshop.tui.texts import age, tx


@dataclass(frozen=True)
class Status:
    file: str
    session: str
    counts: dict[str, int]
    backup_age: float | None  # seconds since the last backup, None when there is none
    lang: str
    readonly: bool = False


class StatusBar(Static):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def show(self, status: Status) -> None:
        lang = status.lang
        wide = self.size.width >= 120 or self.size.width == 0
        counts = tx("counts" if wide else "counts_short", lang, **status.counts)
        if status.backup_age is None:
            backup = tx("backup_never", lang)
        else:
            backup = tx("backup_age" if wide else "backup_age_short", lang,
                        age=age(status.backup_age, lang))
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(status.file, style="bold")
        text.append(" · ")
        text.append(tx("session_label", lang, label=status.session))
        if status.readonly:
            text.append(" · " + tx("readonly", lang), style="bold")
        text.append(" · ")
        text.append(counts)
        text.append(" · ")
        text.append(backup, style="italic" if status.backup_age is None else "")
        self.update(text)

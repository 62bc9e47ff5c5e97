"""The one-line status bar: file and session on the left (cut short when the screen is
narrow), counts and the time since the last backup on the right (always shown)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
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


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    StatusBar > #status-left { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    StatusBar > #status-right { width: auto; padding-left: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="status-left")
        yield Static("", id="status-right")

    def show(self, status: Status) -> None:
        lang = status.lang
        wide = self.size.width >= 120
        left = Text()
        left.append(status.file, style="bold")
        left.append(" · " + tx("session_label", lang, label=status.session))
        if status.readonly:
            left.append(" · " + tx("readonly", lang), style="bold")
        right = Text(tx("counts" if wide else "counts_short", lang, **status.counts))
        right.append(" · ")
        if status.backup_age is None:
            right.append(tx("backup_never" if wide else "backup_never_short", lang),
                         style="italic")
        else:
            right.append(tx("backup_age" if wide else "backup_age_short", lang,
                            age=age(status.backup_age, lang)))
        self.query_one("#status-left", Static).update(left)
        self.query_one("#status-right", Static).update(right)

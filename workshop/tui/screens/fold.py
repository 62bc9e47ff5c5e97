"""Asked before two records are folded into one: which one stays, what moves to it, what is
filled in, which consent it keeps. `w` turns it round (the other one stays)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from workshop.capture.bulk import FoldPlan, describe_fold
from workshop.text import visible
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx


class FoldScreen(WorkshopModal):
    """Dismissed with the plan to carry out, or None."""

    DEFAULT_CSS = """
    FoldScreen { align: center middle; }
    #fold { width: 72; max-width: 100%; height: auto; border: thick $warning;
            background: $surface; padding: 0 1; }
    #fold-keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("enter,y,j", "answer(True)", "Fold", id="fold"),
        Binding("w,tab", "swap", "Other way round", id="fold_swap"),
        Binding("escape,n", "answer(False)", "Cancel", id="cancel"),
    ]

    def __init__(self, plan: FoldPlan, swap: Callable[[FoldPlan], FoldPlan]) -> None:
        super().__init__()
        self.plan = plan
        self.swap = swap

    def compose(self) -> ComposeResult:
        with Vertical(id="fold"):
            yield Static(id="fold-question")
            yield Static(id="fold-detail")
            yield Static(Text(tx("fold_keys", self.lang)), id="fold-keys")

    def on_mount(self) -> None:
        self._say()

    def _say(self) -> None:
        question, detail = describe_fold(self.plan, self.lang)
        self.query_one("#fold-question", Static).update(Text(visible(question), style="bold"))
        self.query_one("#fold-detail", Static).update(Text(visible(detail)))

    def action_swap(self) -> None:
        self.plan = self.swap(self.plan)
        self._say()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(self.plan if yes else None)

"""Photos of the posters back in (`workshop scan` from the palette): the photos' paths are
typed or dropped into the line, the scan runs in a worker thread (capture is not held up),
and its report is shown line by line. The whole scan is one step: Ctrl+Z takes it back."""

from __future__ import annotations

import glob
import shlex
from functools import partial
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Static
from textual.worker import Worker, WorkerState

from workshop.i18n import UserError, t
from workshop.tui import jobs
from workshop.tui.screens.base import WorkshopModal
from workshop.tui.texts import tx


def photo_paths(typed: str, beside: Path) -> list[Path]:
    """The photos named in the line: separated by spaces, a path with spaces in quotes or
    with backslashes (as a terminal pastes a dropped file), ~ and wildcards expanded; a
    relative name not found here is looked for beside the file."""
    try:
        words = shlex.split(typed)
    except ValueError:  # an unclosed quote: take the words as they are
        words = typed.split()
    out: list[Path] = []
    for word in words:
        word = str(Path(word).expanduser())
        matches = sorted(glob.glob(word)) if glob.has_magic(word) else []
        for name in matches or [word]:
            path = Path(name)
            if not path.is_absolute() and not path.exists() and (beside / path).exists():
                path = beside / path
            out.append(path)
    return out


class ScanScreen(WorkshopModal):
    DEFAULT_CSS = """
    ScanScreen { align: center middle; }
    #scan { width: 100; max-width: 100%; height: auto; max-height: 100%;
            border: thick $primary; background: $surface; padding: 0 1; }
    #scan Input { margin-top: 1; }
    #scan-scroll { height: auto; max-height: 14; margin-top: 1; }
    #scan-keys { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="scan"):
            yield Static(Text(tx("scan_title", self.lang), style="bold"))
            yield Input(id="scan-photos", placeholder=tx("scan_placeholder", self.lang))
            yield Checkbox(tx("scan_overwrite", self.lang), id="scan-overwrite")
            with VerticalScroll(id="scan-scroll"):
                yield Static(id="scan-report")
            yield Static(Text(tx("scan_keys", self.lang)), id="scan-keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _show(self, lines: list[str], style: str = "") -> None:
        # user text (names, paths): a Text, never markup
        self.query_one("#scan-report", Static).update(Text("\n".join(lines), style=style))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        photos = photo_paths(event.value, self.workshop.path.parent)
        if not photos:
            self._show([tx("scan_no_photos", self.lang)], "bold")
            return
        self._show([tx("scan_running", self.lang, n=len(photos))])
        overwrite = self.query_one("#scan-overwrite", Checkbox).value
        scan = partial(jobs.scan, self.workshop.path, photos, self.lang, overwrite=overwrite)

        def work() -> jobs.Scanned | UserError:
            try:
                return scan()
            except UserError as exc:  # a refusal is an answer, not a failed worker
                return exc

        self.run_worker(work, group="scan", thread=True, exclusive=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "scan":
            return
        event.stop()
        if event.state == WorkerState.SUCCESS:
            done = event.worker.result
            if isinstance(done, UserError):
                self._show([done.message(self.lang)], "bold red")
                return
            assert isinstance(done, jobs.Scanned)
            totals = []
            if done.cards:  # card photos stay whatever undo does: said so
                totals.append(t("scan_cards_kept", self.lang, count=done.cards))
            if done.found or not done.cards:  # no sticker total for a photo of cards alone
                counts = {"placed": done.placed, "found": done.found}
                if done.written:
                    totals.append(tx("scan_saved", self.lang, **counts))
                elif done.placed:  # already where the stickers say: no step to undo
                    totals.append(t("scan_unchanged", self.lang, **counts))
                else:
                    totals.append(tx("scan_nothing_saved", self.lang, **counts))
            total = " ".join(totals)
            self._show([*done.lines, *totals])
            if done.written or done.cards:
                self.workshop.changed()
                self.workshop.say(total)
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            raise event.worker.error  # a bug: the app logs it and goes on

    def action_close(self) -> None:
        self.dismiss(None)

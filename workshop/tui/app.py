"""The live-session app: the open file, the screens, the keys that work everywhere.

The app holds the store (one writing connection, used on this thread only), the language of
the screens and a revision number that goes up after every write; screens catch up with it
when they are shown. Slow work (backups, exports, printing, analysis) runs in worker threads
with read-only connections of their own (see `jobs`).
"""

from __future__ import annotations

import importlib
import sqlite3
import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.widgets import Input
from textual.worker import Worker, WorkerFailed, WorkerState

from workshop.file import access as files
from workshop.file import backup
from workshop.file.store import Store
from workshop.i18n import UserError, t
from workshop.text import one_line
from workshop.tui import bugs, compat, jobs, queries
from workshop.tui.host import ActionHost
from workshop.tui.keys import localize
from workshop.tui.reading import ReadFailed
from workshop.tui.screens.base import WorkshopScreen
from workshop.tui.texts import tx
from workshop.tui.widgets.capture_line import CaptureLine
from workshop.tui.widgets.status_bar import Status

SCREENS = {
    "capture": "workshop.tui.screens.capture:CaptureScreen",
    "browse": "workshop.tui.screens.browse:BrowseScreen",
    "map": "workshop.tui.screens.map:MapScreen",
    "network": "workshop.tui.screens.network:NetworkScreen",
    "board": "workshop.tui.screens.board:BoardScreen",
}
CONTRAST = Theme(
    name="workshop-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#202020",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#00ff00",
    dark=True,
)
BACKUP_EVERY = 300.0  # seconds
STATUS_EVERY = 15.0
WARM_UP_AFTER = 1.0
WARM_MODULES = (
    "workshop.tui.screens.form",
    "workshop.tui.screens.near",
    "workshop.tui.screens.confirm",
    "workshop.tui.screens.help",
)


def _lazy(target: str):
    """A screen class imported when it is first shown, so start-up only pays for capture."""
    module, name = target.split(":")
    return lambda: getattr(importlib.import_module(module), name)()


def _commands():
    from workshop.tui.commands import WorkshopCommands

    return WorkshopCommands


class WorkshopApp(compat.SurvivingApp[None]):
    TITLE = "workshop"
    # Every screen's styles, read once at start: a screen bringing its own CSS_PATH would make
    # Textual restyle every widget of every screen the first time it is shown (~0.5 s).
    CSS_PATH = [
        "app.tcss",
        *(
            f"screens/{name}.tcss"
            for name in ("capture", "browse", "map", "network", "board", "form", "near", "session")
        ),
    ]
    MODES = {mode: _lazy(target) for mode, target in SCREENS.items()}
    COMMANDS = {_commands}
    # The key bar shows every F-key and Ctrl+Q (in this order: F-keys first, Ctrl+Q last).
    BINDINGS = [
        Binding("f1", "help", "Help", id="help"),
        # F2 works over every dialog too: it always puts the cursor back in the line
        Binding("f2", "show('capture')", "Capture", id="capture", priority=True),
        Binding("f3", "show('browse')", "Lists", id="browse"),
        Binding("f4", "show('map')", "Map", id="map"),
        Binding("f5", "show('network')", "Network", id="network"),
        Binding("f6", "show('board')", "Board", id="board"),
        Binding("f7", "session", "Session", id="session"),
        Binding("f8", "print", "Print", id="print"),
        Binding("f9", "export", "Export", id="export"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+p", "command_palette", "Commands", id="palette"),
        Binding("ctrl+b", "backup", "Backup", id="backup"),
        Binding("ctrl+t", "language", "Language", id="language", show=False),
        Binding("ctrl+g", "contrast", "High contrast", id="contrast", show=False),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    # Tests set this so that a bug the app survived still fails the test (Pilot re-raises it).
    FAIL_ON_BUG = False

    def __init__(
        self,
        store: Store,
        *,
        contrast: bool = False,
        backup_every: float = BACKUP_EVERY,
        backup_dir: Path | None = None,
    ) -> None:
        bugs.install()
        super().__init__()
        self.bug_log = bugs.BugLog()
        self.failed_reads = 0
        self.store = store
        self.lang = store.lang
        self.revision = 0
        self.backup_every = backup_every
        # FILE.backups next to the file, or a folder of the facilitator's choice (a USB stick)
        self.backup_folder = backup_dir or files.backups_dir(store.path)
        self._contrast = contrast
        latest = backup.latest(self.backup_folder)
        self.last_backup: float | None = latest.stat().st_mtime if latest else None
        self._counts: dict[str, int] | None = None

    @property
    def path(self) -> Path:
        return self.store.path

    def on_mount(self) -> None:
        self.register_theme(CONTRAST)
        if self._contrast:
            self.theme = CONTRAST.name
        localize(self, self.lang)
        self.switch_mode("capture")
        self.call_after_refresh(self._start_session)
        self.set_interval(self.backup_every, self.action_backup)
        self.set_interval(STATUS_EVERY, self._tick)
        self.set_timer(WARM_UP_AFTER, self._warm_up)

    def _warm_up(self) -> None:
        """Import the other screens in a thread while the facilitator types, so the first
        switch to a list or the map does not wait for imports."""

        def imports() -> None:
            for target in (*SCREENS.values(), *WARM_MODULES):
                importlib.import_module(target.split(":")[0])

        threading.Thread(target=imports, name="warm-up", daemon=True).start()

    def _start_session(self) -> None:
        """Today's latest session continues; if there is none, the first capture starts it
        (opening a file to look, or quitting at once, writes nothing)."""
        if self.store.readonly:
            return
        # not the session a script or import left chosen; a read, nothing is created
        self.store.session_id = self.store.today_session()
        self.changed()

    # --- the file changed ------------------------------------------------------------------

    def changed(self) -> None:
        """After every write: the screen on show catches up now, the others when shown."""
        self.revision += 1
        self._counts = None
        screen = self.screen
        if hasattr(screen, "catch_up"):
            self.call_later(screen.catch_up)

    def status(self) -> Status:
        if self._counts is None:
            self._counts = queries.counts(self.store)
        session = self.store.get("session", self.store.session_id or "")
        return Status(
            one_line(self.store.neighbourhood()["name"], 60),
            queries.session_label(session, self.lang),
            self._counts,
            None if self.last_backup is None else time.time() - self.last_backup,
            self.lang,
            self.store.readonly,
        )

    def _tick(self) -> None:
        if not self.screen_stack:  # shutting down: a backup that ended as the app closes
            return
        if hasattr(self.screen, "show_status"):
            self.screen.show_status()

    def say(self, text: str, *, severity: SeverityLevel = "information") -> None:
        """A notification with user text in it, never read as markup."""
        self.notify(text, severity=severity, markup=False)

    # --- actions ---------------------------------------------------------------------------

    async def action_show(self, mode: str) -> None:
        if self.current_mode != mode:
            await self.switch_mode(mode)
        if mode == "capture":  # F2 always puts the cursor back in the line
            while isinstance(self.screen, ModalScreen) and len(self.screen_stack) > 1:
                await self.screen.dismiss(None)
            self.capture_line().focus()

    # --- every key and paste reaches the capture line --------------------------------------

    def capture_line(self) -> CaptureLine:
        return compat.mode_screen(self, "capture").query_one(CaptureLine)

    async def on_event(self, event: events.Event) -> None:
        """Text typed or pasted on a main screen, with no text field to take it, goes into
        the capture line (switching to it): a letter is never a command there."""
        if (
            isinstance(event, events.Key | events.Paste)
            and not event.is_forwarded
            and self._for_the_line(event)
        ):
            return
        await super().on_event(event)

    def _for_the_line(self, event: events.Key | events.Paste) -> bool:
        if isinstance(event, events.Key) and not (event.is_printable and event.character):
            return False
        if isinstance(event, events.Key) and event.key in getattr(self.focused, "own_keys", ()):
            return False  # a key the focused widget takes for itself: space chooses a row
        if not isinstance(self.screen, WorkshopScreen) or isinstance(self.focused, Input):
            return False
        try:
            line = self.capture_line()
        except (KeyError, IndexError, NoMatches):
            return False
        if isinstance(event, events.Paste):
            line.paste(event.text)
        else:
            line.insert_text_at_cursor(event.character or "")
        if self.current_mode != "capture":
            self.switch_mode("capture")
        line.focus()
        return True

    def action_undo(self) -> None:
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_redo(redo=True)

    def _undo_redo(self, *, redo: bool) -> None:
        try:
            entry = self.store.redo() if redo else self.store.undo()
        except UserError as exc:
            self.say(exc.message(self.lang), severity="error")
            return
        except sqlite3.Error as exc:
            self.say(files.sqlite_error(self.path, exc).message(self.lang), severity="error")
            return
        if entry is None:
            self.say(
                t("nothing_to_redo" if redo else "nothing_to_undo", self.lang), severity="warning"
            )
            return
        text = tx("redone" if redo else "undone", self.lang, line=entry["line"] or "")
        self.say(text)
        if hasattr(self.screen, "report"):
            self.screen.report(text)
        self.changed()

    def action_help(self) -> None:
        from workshop.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_session(self) -> None:
        from workshop.tui.screens.session import SessionScreen

        self.push_screen(SessionScreen(), lambda done: self.changed() if done else None)

    def action_print(self) -> None:
        from workshop.tui.screens.choose import ChooseScreen, print_choices

        choices = print_choices(self.lang)
        self.push_screen(ChooseScreen(tx("print_title", self.lang), choices), self._print_chosen)

    def action_export(self) -> None:
        from workshop.tui.screens.choose import ChooseScreen, export_choices

        choices = export_choices(self.lang)
        self.push_screen(ChooseScreen(tx("export_title", self.lang), choices), self._export_chosen)

    def _print_chosen(self, what: str | None) -> None:
        if what:
            self.start_print(what)

    def _export_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice:
            self.start_export(choice[0], delimiter=choice[1])

    def action_scan(self) -> None:
        from workshop.tui.screens.scan import ScanScreen

        self.push_screen(ScanScreen())

    def action_backup(self) -> None:
        self._run(
            partial(jobs.make_backup, self.path, self.backup_folder),
            "backup",
            tx("cmd_backup", self.lang),
        )

    def action_language(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"
        localize(self, self.lang)
        self.say(tx("language_now", self.lang))
        if hasattr(self.screen, "catch_up"):
            self.call_later(self.screen.catch_up)
        else:
            localize(self.screen, self.lang)
        self.refresh_bindings()

    def action_command_palette(self) -> None:
        if not compat.LocalCommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                compat.LocalCommandPalette(
                    placeholder=tx("palette_placeholder", self.lang),
                    no_matches=tx("palette_no_matches", self.lang),
                    id="--command-palette",
                )
            )

    def action_help_quit(self) -> None:
        """Ctrl+C: people press it to quit; say (in their language) what does."""
        self.say(tx("quit_hint", self.lang))

    def action_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == CONTRAST.name else CONTRAST.name

    # --- slow work in threads --------------------------------------------------------------

    def start_export(self, fmt: str, anonymise: bool = False, delimiter: str = ",") -> None:
        what = tx(f"export_{fmt}", self.lang)
        self._run(partial(jobs.export, self.path, fmt, anonymise, delimiter), "export", what)

    def start_print(self, what: str) -> None:
        what_text = tx(f"print_{what}", self.lang)
        self._run(partial(jobs.print_out, self.path, what, self.lang), "print", what_text)

    def _run(self, work, group: str, what: str) -> None:
        if group != "backup":
            self.say(tx("working", self.lang, what=what))
        self.run_worker(work, name=what, group=group, thread=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in ("backup", "export", "print"):
            return
        if event.state == WorkerState.SUCCESS:
            if worker.group == "backup":
                self.last_backup = time.time()
                self._tick()
                return
            done = worker.result
            assert isinstance(done, jobs.Done)
            self.say(tx("written", self.lang, paths=", ".join(str(p) for p in done.paths)))
            for notice in done.notices:
                self.say(notice, severity="warning")
        elif event.state == WorkerState.ERROR:
            error = worker.error
            message = error.message(self.lang) if isinstance(error, UserError) else repr(error)
            self.say(
                tx("job_failed", self.lang, what=worker.name, message=message), severity="error"
            )

    # --- what goes wrong -------------------------------------------------------------------

    def read_failed(self, error: ReadFailed) -> None:
        """A background read failed every try: one line; the screen keeps what it showed."""
        self.failed_reads += 1
        if self.bug_log.record(error.error, "read"):
            self.say(
                tx("read_failed", self.lang, message=error.error.message(self.lang)),
                severity="warning",
            )

    def survive_bug(self, error: BaseException, *, where: str = "") -> None:
        """A bug in a screen or a worker: a log entry and one line, and the session goes on."""
        if isinstance(error, WorkerFailed):
            error = error.error
        if isinstance(error, ReadFailed):
            self.read_failed(error)
            return
        say = self.bug_log.record(error, where)
        if self.FAIL_ON_BUG:
            self.fail_test(error)
        if say:
            self.say(
                tx("bug_logged", self.lang, error=type(error).__name__, log=str(self.bug_log.path)),
                severity="error",
            )

    def survive_exception(self, error: Exception) -> bool:
        """An exception Textual would end the app for, while it runs: a bug survived."""
        self.survive_bug(error, where="worker" if isinstance(error, WorkerFailed) else "")
        return True

    def on_unmount(self) -> None:
        """A last backup on the way out (the file itself is already complete)."""
        if self.store.readonly:
            return
        try:
            backup.backup(self.store, self.backup_folder, auto=True)
            backup.rotate(self.backup_folder)
        except (UserError, OSError):
            pass


if TYPE_CHECKING:

    def _provides_what_screens_ask(app: WorkshopApp) -> ActionHost:
        return app  # checked by mypy: screens and the palette see the app as `host.ActionHost`

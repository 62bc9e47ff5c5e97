"""The command palette (Ctrl+P): every action of the app, with the key that does it too."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import cast

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from workshop.tui import jobs
from workshop.tui.host import ActionHost
from workshop.tui.texts import tx

Command = Callable[[], object]


class WorkshopCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Command]]:
        app = cast(ActionHost, self.app)
        lang = app.lang
        out: list[tuple[str, str, Command]] = []
        for key, mode in (
            ("F2", "capture"),
            ("F3", "browse"),
            ("F4", "map"),
            ("F5", "network"),
            ("F6", "board"),
        ):
            out.append(
                (
                    tx("cmd_screen", lang, name=tx(f"key_{mode}", lang)),
                    key,
                    partial(app.action_show, mode),
                )
            )
        out += [
            (tx("cmd_help", lang), "F1", app.action_help),
            (tx("cmd_session", lang), "F7", app.action_session),
            (tx("cmd_undo", lang), "Ctrl+Z", app.action_undo),
            (tx("cmd_redo", lang), "Ctrl+Y", app.action_redo),
        ]
        for what in jobs.printable():
            out.append(
                (
                    tx("cmd_print", lang, what=tx(f"print_{what}", lang)),
                    "F8",
                    partial(app.start_print, what),
                )
            )
        for fmt in jobs.EXPORT_FORMATS:
            label = tx(f"export_{fmt}", lang)
            out.append((tx("cmd_export", lang, what=label), "F9", partial(app.start_export, fmt)))
            out.append(
                (
                    tx("cmd_export_anon", lang, what=label),
                    "F9",
                    partial(app.start_export, fmt, True),
                )
            )
        out += [
            (tx("cmd_scan", lang), "Ctrl+P", app.action_scan),
            (tx("cmd_backup", lang), "Ctrl+B", app.action_backup),
            (tx("cmd_language", lang), "Ctrl+T", app.action_language),
            (tx("cmd_contrast", lang), "Ctrl+G", app.action_contrast),
            (tx("cmd_quit", lang), "Ctrl+Q", self.app.exit),
        ]
        return out

    async def discover(self) -> Hits:
        lang = cast(ActionHost, self.app).lang
        for name, key, command in self._commands():
            yield DiscoveryHit(
                Text(name),
                command,
                text=name,
                help=tx("key_hint", lang, keys=key),
            )

    async def search(self, query: str) -> Hits:
        lang = cast(ActionHost, self.app).lang
        matcher = self.matcher(query)
        for name, key, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    command,
                    text=name,
                    help=tx("key_hint", lang, keys=key),
                )

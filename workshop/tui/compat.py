"""Every use of Textual's private API, in one place. Textual is pinned (`textual==8.2.8` in
pyproject.toml) because names starting with `_` may change in any release: on upgrading, read
this file first. The rest of `workshop.tui` uses Textual's public API and what is here; each
function or class says which private name it touches and why the public API does not do.
(textual-serve's private hooks, which `serve.py` overrides, are another package's.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, cast

from rich.align import Align
from rich.text import Text
from textual import app as textual_app
from textual._context import active_app  # the running app, where no node is at hand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.driver import Driver
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Input
from textual.widgets.option_list import Option

ReturnType = TypeVar("ReturnType")
Dispatch = Callable[[MessagePump, Message], Coroutine[Any, Any, None]]

# `MessagePump._dispatch_message`: the one place every message handler is called from. Textual
# has no hook for an exception in a handler short of ending the app; `workshop.tui.bugs` wraps it.
ORIGINAL_DISPATCH: Dispatch = MessagePump._dispatch_message


def replace_dispatch(dispatch: Dispatch) -> None:
    """Call every message handler through `dispatch` (which calls `ORIGINAL_DISPATCH`)."""
    MessagePump._dispatch_message = dispatch  # type: ignore[method-assign,assignment]


def running_app() -> textual_app.App[Any]:
    """The app running in this context (`textual._context.active_app`), for code that has no
    node to ask (a patched dispatch, a screen in its `__init__`). LookupError when none."""
    return active_app.get()


def styled_as_current(screen: Screen) -> None:
    """Mark a new screen as styled for the app's current CSS (`_css_update_count` of App and
    Screen). Textual restyles every widget of every screen the first time a mode's screen is
    shown (meant for screens that missed a theme change); a new screen missed nothing, its
    widgets are styled as they mount. Saves ~0.5 s on the first F3, F4, ..."""
    screen._css_update_count = running_app()._css_update_count


def mode_screen(app: textual_app.App[Any], mode: str) -> Screen:
    """The bottom screen of a mode, shown or not (`App._screen_stacks`: the public
    `screen_stack` is the current mode's only). KeyError or IndexError before it exists."""
    return app._screen_stacks[mode][0]


def bindings_table(node: DOMNode) -> dict[str, list[Binding]]:
    """A node's bindings by key, to give them descriptions in the screen's language in place
    (`DOMNode._bindings`: bindings are declared on the class, with no public way to change
    the text the footer shows for one node)."""
    return node._bindings.key_to_bindings


def set_suggestion(widget: Input, text: str) -> None:
    """The ghost text after the cursor, set at once so it shows in the same frame as the key
    (`Input._suggestion`; the public way, a Suggester, answers by message a frame later)."""
    widget._suggestion = text


def restart_blink(widget: Input) -> None:
    """Show the cursor solid after a key, as Input does for its own keys (`_restart_blink`)."""
    widget._restart_blink()


def driver_loop(driver: Driver) -> asyncio.AbstractEventLoop:
    """The event loop a driver runs the app on (`Driver._loop`), to end it from a signal."""
    return driver._loop


def driver_app(driver: Driver) -> textual_app.App[Any]:
    """The app a driver drives (`Driver._app`)."""
    return driver._app


class SurvivingApp(textual_app.App[ReturnType]):
    """An App that can live on after a bug in a handler or worker: Textual ends the app on
    any such exception (`App._handle_exception`); this asks `survive_exception` first."""

    def survive_exception(self, error: Exception) -> bool:
        """Return True when `error` was dealt with and the app goes on."""
        return False

    def _handle_exception(self, error: Exception) -> None:
        # while it exits (`_exit_renderables` holds what it will print) Textual's way stands
        if self.is_running and not self._exit_renderables and self.survive_exception(error):
            return
        super()._handle_exception(error)

    def fail_test(self, error: BaseException) -> None:
        """Make `run_test()` raise `error` at its end, as it does for a bug the app did not
        survive (`App._exception` and `_exception_event`, which Pilot reads)."""
        if self._exception is None:
            self._exception = cast(Exception, error)
            self._exception_event.set()


class DrawnInput(Input):
    """An Input whose value can be drawn differently from what it holds (`Input._value`, the
    text as rendered: there is no public hook for how the value is drawn)."""

    def drawn(self, text: Text) -> Text:
        """The value as drawn, given Input's own rendering of it."""
        return text

    @property
    def _value(self) -> Text:
        return self.drawn(super()._value)


class LocalCommandPalette(CommandPalette):
    """The command palette with its one text of its own in the screen's language: Textual
    writes "No matches found" in `CommandPalette._start_no_matches_countdown` (a timer that
    adds a disabled option, using `_stop_no_matches_countdown`, `_NO_MATCHES`,
    `_NO_MATCHES_COUNTDOWN`, `_list_visible` and `_no_matches_timer`); this is that method
    with the text given."""

    def __init__(self, *args: Any, no_matches: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)

"""The driver of a wall that runs for one browser, under `workshop wall --serve`.

It is Textual's WebDriver (the protocol textual-serve speaks over the process's stdin and
stdout), made display-only and unable to outlive its server:

- keys, mouse and paste are dropped here, whatever reaches stdin: the wall is for looking at;
- SIGTERM, SIGINT and SIGHUP end it, and so does the end of stdin (the server is gone);
- if the orderly exit has not finished within EXIT_GRACE seconds, the process ends anyway.
  Textual 8.2.8 can hang in its exit: a resize that arrives together with the quit leaves the
  screen re-laying itself out forever under the exit's batch (45-97 % CPU), while the exit
  waits for that screen; the app has stopped reading messages, so a later SIGTERM is lost.
  The wall holds the file read-only, so ending it then loses nothing.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import suppress
from typing import Any

from textual import events
from textual.drivers.web_driver import WebDriver
from textual.message import Message

from workshop.tui import compat

EXIT_GRACE = 3.0  # seconds
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class ServedDriver(WebDriver):
    _ending = False

    def process_message(self, message: Message) -> None:
        if isinstance(message, (events.InputEvent, events.Paste)):
            return  # nothing a browser sends is input to the wall
        super().process_message(message)

    def start_application_mode(self) -> None:
        super().start_application_mode()
        for number in ENDING_SIGNALS:
            with suppress(NotImplementedError, RuntimeError):
                compat.driver_loop(self).remove_signal_handler(number)
            # A plain handler, not the loop's: it runs even when the loop is stuck.
            signal.signal(number, self._on_signal)

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            self.end()
        else:
            super().on_meta(packet_type, payload)

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # stdin ended: the server went away
            self.end()

    def _on_signal(self, number: int, frame: Any) -> None:
        self.end()

    def end(self) -> None:
        """Ask the app to exit; end the process if that does not happen in time."""
        if self._ending:
            os._exit(0)  # asked twice: no more waiting
        self._ending = True
        timer = threading.Timer(EXIT_GRACE, os._exit, (0,))
        timer.daemon = True
        timer.start()
        loop = compat.driver_loop(self)
        if not loop.is_closed():
            try:
                loop.call_soon_threadsafe(compat.driver_app(self).exit)
            except RuntimeError:
                os._exit(0)

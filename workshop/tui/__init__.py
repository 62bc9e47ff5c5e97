"""The live-session TUI (Textual). Everything outside this package stays free of Textual."""

import os

# Textual draws changes on a frame timer (60 per second by default), so a keystroke waits up
# to a frame before it shows. Typing is what this app is for: draw up to 120 frames a second
# (only while something changes; an idle screen draws nothing). Set before Textual is imported.
os.environ.setdefault("TEXTUAL_FPS", "120")

from workshop.tui import texts  # noqa: F401  (registers the screens' texts)

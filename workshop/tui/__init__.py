"""The live-session TUI (Textual). Everything outside this package stays free of Textual.

    app          `WorkshopApp`: the open file, the modes, the keys that work everywhere
    host         the small interface screens and the palette see the app through
    compat       every use of Textual's private API, each with why
    commands     the command palette (Ctrl+P)
    jobs         slow work for worker threads: backups, exports, printouts
    reading      reads in worker threads, tried again, failures said in one line
    queries      what the capture and browse screens show, read from the store (no Textual)
    overview     what the map, network and wall show: cells, an actor's ties, the latest captures
    completion   completions for the capture line
    keys         key-binding descriptions in the screen's language
    texts        every label and message of the TUI, Dutch and English
    guide        what F1 lists: every vocabulary's words, each kind's fields (generated)
    bugs         a bug in a screen is logged and said; the evening goes on
    wall         `workshop wall`: the room's screen
    serve        the wall as a web page for a projector (aiohttp, server-sent events)
    wall_state   what the wall shows, as plain data (no Textual): counts, latest, the map
    screens/     one screen per module
    widgets/     widgets that get their data and post messages

May import everything below the front ends (`printing` and down), not `cli` or `demo`.
Screens and the palette depend on `host`, never on `app` (which imports them).
"""

import os

# Textual draws changes on a frame timer (60 per second by default), so a keystroke waits up
# to a frame before it shows. Typing is what this app is for: draw up to 120 frames a second
# (only while something changes; an idle screen draws nothing). Set before Textual is imported.
os.environ.setdefault("TEXTUAL_FPS", "120")

from workshop.tui import texts  # noqa: F401  (registers the screens' texts)

"""Widgets of the TUI: each gets the data it shows and reports back with messages.

    capture_line   the capture line: ghost-text completion, pasted lines one at a time
    ordered_input  an Input that applies every key in the order it was typed
    feed           the latest captures, newest first
    record_table   a list of records that stays fast with tens of thousands of rows
    grid_map       the printed map's grid with what was placed in each cell
    map_panel      that grid beside the capture line, the cell being typed highlighted
    status_bar     the one-line status bar
    key_bar        every key of the screen, F1… to Ctrl+Q, on as many rows as it takes

Widgets import neither the app nor a screen (nor `host`): data down, messages up.
"""

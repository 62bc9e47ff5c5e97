"""Widgets of the TUI: each gets the data it shows and reports back with messages."""

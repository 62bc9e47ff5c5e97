"""Colours as reportlab objects, parsed once: reportlab parses a colour string on every use,
and a print run uses a handful of colours thousands of times."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color, HexColor


@lru_cache(maxsize=256)
def colour_of(hex_colour: str) -> Color:
    return HexColor(hex_colour)
